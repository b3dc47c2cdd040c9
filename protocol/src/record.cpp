#include "plenum/protocol/record.hpp"

#include <boost/json/serialize.hpp>

#include "plenum/protocol/fields.hpp"
#include "plenum/protocol/strict_json.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

// A record line is at most one payload (each byte escaped at most 6 times over) plus its envelope.
constexpr std::size_t max_line_bytes = max_record_payload_bytes * 6 + 4096;

decoded<json::value> parse_line(std::string_view text) {
  json_limits limits;
  limits.max_bytes = max_line_bytes;
  return parse_strict_json(text, limits);
}

}  // namespace

std::string record_header_text(const record_header& h) {
  json::object o;
  o.emplace("format", record_format);
  o.emplace("congress_id", h.congress_id);
  o.emplace("name", h.name);
  o.emplace("congress_pk", h.congress_pk.hex());
  o.emplace("events", h.events);
  o.emplace("head_hash", crypto::to_hex(h.head_hash));
  return json::serialize(o) + "\n";
}

decoded<record_header> parse_record_header(std::string_view text) {
  PLENUM_TRY(auto v, parse_line(text));
  PLENUM_TRY(auto r, object_reader::of(v, {}));
  PLENUM_CHECK(
      r.allow_only({"format", "congress_id", "name", "congress_pk", "events", "head_hash"}));
  PLENUM_TRY(auto format, r.string("format", 64));
  if (format != record_format)
    return refuse(errc::invalid_field, r.path("format"), "unknown record format");
  PLENUM_TRY(auto congress_id, r.string("congress_id", 1024));
  PLENUM_TRY(auto name, r.string("name", 4096, 0));
  PLENUM_TRY(auto congress_pk, r.public_key("congress_pk"));
  PLENUM_TRY(auto events, r.u64("events"));
  PLENUM_TRY(auto head_hash, r.fixed_hex<32>("head_hash"));
  return record_header{std::move(congress_id), std::move(name), congress_pk, events, head_hash};
}

std::string event_line(const board_event& e) { return json::serialize(encode_board_event(e)); }

decoded<board_event> parse_event_line(std::string_view line) {
  PLENUM_TRY(auto v, parse_line(line));
  PLENUM_TRY(auto r, object_reader::of(v, {}));
  PLENUM_CHECK(r.allow_only({"seq", "prev_hash", "type", "payload", "entry_hash", "signature"}));
  board_event out;
  PLENUM_TRY(out.seq, r.u64("seq"));
  PLENUM_TRY(out.prev_hash, r.fixed_hex<32>("prev_hash"));
  PLENUM_TRY(out.type, r.string("type", max_event_type_bytes));
  PLENUM_TRY(out.payload, r.string("payload", max_record_payload_bytes, 0));
  PLENUM_TRY(out.entry_hash, r.fixed_hex<32>("entry_hash"));
  PLENUM_TRY(out.sig, r.signature("signature"));
  return out;
}

std::string receipt_line(const receipt& r) { return json::serialize(encode_receipt(r)); }

decoded<receipt> parse_receipt_line(std::string_view line) {
  PLENUM_TRY(auto v, parse_line(line));
  return decode_receipt(v);
}

}  // namespace plenum::protocol
