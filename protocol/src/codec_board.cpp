#include "plenum/protocol/codec_board.hpp"

#include <boost/json/serialize.hpp>
#include <string>

#include "plenum/crypto/board.hpp"
#include "plenum/protocol/fields.hpp"
#include "text_append.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

decoded<board_event> decode_board_event(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(
      r.allow_only({"seq", "prev_hash", "type", "payload", "entry_hash", "signature", "sealed"}));
  board_event out;
  PLENUM_TRY(out.seq, r.u64("seq"));
  PLENUM_TRY(out.prev_hash, r.fixed_hex<32>("prev_hash"));
  PLENUM_TRY(out.type, r.string("type", max_event_type_bytes));
  if (r.has("sealed")) {
    PLENUM_TRY(out.sealed, r.boolean("sealed"));
    if (!out.sealed) return refuse(errc::invalid_field, r.path("sealed"), "true or absent");
  }
  if (out.sealed) {
    if (r.has("payload"))
      return refuse(errc::invalid_field, r.path("payload"), "a sealed event has no payload");
  } else {
    PLENUM_TRY(out.payload, r.string("payload", max_payload_bytes, 0));
  }
  PLENUM_TRY(out.entry_hash, r.fixed_hex<32>("entry_hash"));
  PLENUM_TRY(out.sig, r.signature("signature"));
  if (!out.sealed &&
      crypto::entry_hash(out.seq, out.prev_hash, out.type, out.payload) != out.entry_hash) {
    return refuse(errc::invalid_field, r.path("entry_hash"),
                  "does not match the hash of seq, prev_hash, type and payload");
  }
  return out;
}

json::object encode_board_event(const board_event& e) {
  json::object out;
  out.emplace("seq", e.seq);
  out.emplace("prev_hash", crypto::to_hex(e.prev_hash));
  out.emplace("type", e.type);
  if (e.sealed)
    out.emplace("sealed", true);
  else
    out.emplace("payload", e.payload);
  out.emplace("entry_hash", crypto::to_hex(e.entry_hash));
  out.emplace("signature", e.sig.hex());
  return out;
}

void append_board_event_text(const board_event& e, std::string& out) {
  out += "{\"seq\":";
  out += std::to_string(e.seq);
  out += ',';
  detail::append_hex_member(out, "prev_hash", e.prev_hash);
  out += ",\"type\":";
  out += json::serialize(json::string_view(e.type));
  if (e.sealed) {
    out += ",\"sealed\":true";
  } else {
    out += ",\"payload\":";
    out += json::serialize(json::string_view(e.payload));
  }
  out += ',';
  detail::append_hex_member(out, "entry_hash", e.entry_hash);
  out += ',';
  detail::append_hex_member(out, "signature", e.sig.bytes());
  out += '}';
}

decoded<receipt> decode_receipt(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"tracking_code", "board_seq", "board_entry_hash", "signature"}));
  receipt out;
  PLENUM_TRY(out.tracking_code, r.fixed_hex<32>("tracking_code"));
  PLENUM_TRY(out.board_seq, r.u64("board_seq"));
  PLENUM_TRY(out.board_entry_hash, r.fixed_hex<32>("board_entry_hash"));
  PLENUM_TRY(out.sig, r.signature("signature"));
  return out;
}

json::object encode_receipt(const receipt& r) {
  json::object out;
  out.emplace("tracking_code", crypto::to_hex(r.tracking_code));
  out.emplace("board_seq", r.board_seq);
  out.emplace("board_entry_hash", crypto::to_hex(r.board_entry_hash));
  out.emplace("signature", r.sig.hex());
  return out;
}

}  // namespace plenum::protocol
