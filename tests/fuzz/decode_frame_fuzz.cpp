// libFuzzer entry point for the functions that see a client's text first, in the order the
// server calls them: the envelope (parse_request), then the session decoder (decode_request)
// or the hall decoder (decode_hall_request) by type, so that every client message type's
// decoder is reached. Any crash, sanitizer report, or an `internal` refusal (a stray
// exception) is a finding; so is a decoded request that does not encode and decode again to
// the same frame.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/messages_hall.hpp"

namespace {

namespace protocol = plenum::protocol;

void session_request(std::string_view text) {
  auto r = protocol::decode_frame(text);
  if (!r && r.error().code == plenum::errc::internal) std::abort();
  if (!r) return;
  const std::string again = protocol::encode_request(r->id, r->body);
  auto s = protocol::decode_frame(again);
  if (!s || protocol::encode_request(s->id, s->body) != again) std::abort();
}

void hall_request(const protocol::frame& f) {
  auto m = protocol::decode_hall_request(f);
  if (!m) return;
  const std::string again = protocol::encode_hall_request(m->id, m->body);
  auto g = protocol::parse_request(again);
  if (!g) std::abort();
  auto n = protocol::decode_hall_request(*g);
  if (!n || protocol::encode_hall_request(n->id, n->body) != again) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto f = protocol::parse_request(text);
  if (f && protocol::is_hall_request_type(f->type)) {
    hall_request(*f);
  } else {
    session_request(text);
  }
  return 0;
}
