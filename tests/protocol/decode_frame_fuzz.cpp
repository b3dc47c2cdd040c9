// libFuzzer entry point for the one function that sees untrusted text first. Any crash,
// sanitizer report, or an `internal` refusal (a stray exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "plenum/protocol/messages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = plenum::protocol::decode_frame(text);
  if (!r && r.error().code == plenum::errc::internal) std::abort();
  if (r) {
    // What decodes must encode and decode again to the same frame.
    const std::string again = plenum::protocol::encode_request(r->id, r->body);
    auto s = plenum::protocol::decode_frame(again);
    if (!s || plenum::protocol::encode_request(s->id, s->body) != again) std::abort();
  }
  return 0;
}
