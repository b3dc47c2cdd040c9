// plenum-verify RECORD [--threads N] [--congress-key HEX]: checks an exported record of a
// congress (protocol/RECORD.md) as CVP1 §8 says, prints one line per check and exits 0 only if
// every check passed (1 on a failed check, 2 on a record that cannot be read or bad usage).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "plenum/clients/verify/record_files.hpp"
#include "plenum/clients/verify/verifier.hpp"

namespace {

int usage() {
  std::cerr << "usage: plenum-verify RECORD_DIR [--threads N] [--congress-key HEX]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace plenum::clients::verify;
  std::string dir;
  verify_options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      try {
        options.threads = static_cast<unsigned>(std::stoul(argv[++i]));
      } catch (const std::exception&) {
        return usage();
      }
    } else if (arg == "--congress-key" && i + 1 < argc) {
      auto key = plenum::crypto::public_key::from_hex(argv[++i]);
      if (!key) return usage();
      options.pinned_congress_key = *key;
    } else if (arg == "--help" || arg == "-h") {
      usage();
      return 0;
    } else if (dir.empty() && !arg.starts_with("--")) {
      dir = arg;
    } else {
      return usage();
    }
  }
  if (dir.empty()) return usage();

  const auto start = std::chrono::steady_clock::now();
  auto rec = load_record(dir);
  if (!rec) {
    std::cout << "FAIL record: " << rec.error().message() << "\n";
    return 2;
  }
  std::cout << "PASS record: " << rec->events.size() << " events, " << rec->receipts.size()
            << " receipts read from " << dir << "\n";
  const auto report = verify_record(*rec, options);
  std::size_t failed = 0;
  for (const auto& check : report.checks) {
    std::cout << format_check(check) << "\n";
    if (!check.passed) ++failed;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  if (report.passed())
    std::cout << "RECORD VERIFIED: " << report.checks.size() << " checks passed in " << ms
              << " ms\n";
  else
    std::cout << "RECORD NOT VERIFIED: " << failed << " of " << report.checks.size()
              << " checks failed\n";
  return report.passed() ? 0 : 1;
}
