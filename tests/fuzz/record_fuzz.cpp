// libFuzzer entry point for the verifier's reading of an exported record: the input is the
// three files of a record directory joined by NUL bytes (congress.json, events.jsonl,
// receipts.jsonl); what parses is then replayed and checked by verify_record on one thread.
// Any crash, sanitizer report or escaping exception is a finding; verify_record promises to
// report bad input as failed checks. So is a disagreement of the two engines (every ballot and
// partial decryption is checked by both): a failed `engines` check aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "plenum/clients/verify/record_files.hpp"
#include "plenum/clients/verify/verifier.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view parts[3];
  for (int i = 0; i < 2; ++i) {
    const auto nul = text.find('\0');
    if (nul == std::string_view::npos) return 0;
    parts[i] = text.substr(0, nul);
    text.remove_prefix(nul + 1);
  }
  parts[2] = text;
  auto rec = plenum::clients::verify::parse_record(parts[0], parts[1], parts[2]);
  if (!rec) return 0;
  plenum::clients::verify::verify_options options;
  options.threads = 1;
  options.reference_all = true;  // every ballot by both engines: a disagreement is a finding
  options.sample_seed = 0;
  const auto report = plenum::clients::verify::verify_record(*rec, options);
  (void)report.passed();
  for (const auto& check : report.checks)
    if (check.name == "engines" && !check.passed) std::abort();
  return 0;
}
