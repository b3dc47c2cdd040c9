#include "plenum/protocol/replies.hpp"

#include <boost/json/serialize.hpp>
#include <stdexcept>
#include <string>

#include "message_fields.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/fields.hpp"
#include "plenum/protocol/messages.hpp"
#include "text_append.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

constexpr std::size_t max_roles = std::size(role_names);
constexpr std::size_t max_display_bytes = 32;

bool is_role(std::string_view name) {
  for (std::string_view r : role_names) {
    if (r == name) return true;
  }
  return false;
}

decoded<std::string> decode_role(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto name, read_string(v, at, max_name_bytes, 1));
  if (!is_role(name)) return refuse(errc::invalid_field, at, "is not a role");
  return std::string(name);
}

json::value encode_role(const std::string& role) {
  if (!is_role(role)) throw std::invalid_argument("not a role: " + role);
  return json::string(role);
}

// ---- each reply's fields, once ----

template <typename T>
struct reply_tag {};

constexpr auto fields_of(reply_tag<auth_reply>) {
  return wire::fields<auth_reply>(
      wire::member("person", &auth_reply::person, wire::text{max_name_bytes}),
      wire::member("roles", &auth_reply::roles,
                   wire::list_of<std::string>{max_roles, 0, false, decode_role, encode_role}));
}
constexpr auto fields_of(reply_tag<enroll_reply>) {
  return wire::fields<enroll_reply>(
      wire::member("person", &enroll_reply::person, wire::text{max_name_bytes}));
}
constexpr auto fields_of(reply_tag<ping_reply>) {
  return wire::fields<ping_reply>(
      wire::member("server_unix_ms", &ping_reply::server_unix_ms, wire::number{}));
}
constexpr auto fields_of(reply_tag<subscribe_reply>) {
  return wire::fields<subscribe_reply>(
      wire::member("next_seq", &subscribe_reply::next_seq, wire::number{}));
}
constexpr auto fields_of(reply_tag<checkin_reply>) {
  return wire::fields<checkin_reply>(
      wire::member("board_seq", &checkin_reply::board_seq, wire::number{}));
}
constexpr auto fields_of(reply_tag<cast_ballot_reply>) {
  return wire::fields<cast_ballot_reply>(
      wire::member("receipt", &cast_ballot_reply::receipt,
                   wire::nested<receipt>{decode_receipt, encode_receipt}),
      wire::member("tracking_code_display", &cast_ballot_reply::tracking_code_display,
                   wire::text{max_display_bytes}),
      wire::member("entry", &cast_ballot_reply::entry,
                   wire::optional_nested<board_event>{decode_board_event, encode_board_event}));
}
decoded<crypto::ballot_choices> read_choices(const json::value& v, const field_path& at) {
  return decode_choices(v, at);
}
json::value write_choices(const crypto::ballot_choices& c) { return encode_choices(c); }
struct choices_codec {
  [[nodiscard]] decoded<crypto::ballot_choices> read(const object_reader& r,
                                                     std::string_view name) const {
    auto v = r.required(name);
    if (!v) return std::move(v).error();
    return read_choices(v->get(), r.path(name));
  }
  void write(json::object& out, std::string_view name, const crypto::ballot_choices& c) const {
    out.emplace(name, write_choices(c));
  }
};
constexpr auto fields_of(reply_tag<spoil_ballot_reply>) {
  return wire::fields<spoil_ballot_reply>(
      wire::member("board_seq", &spoil_ballot_reply::board_seq, wire::number{}),
      wire::member("tracking_code", &spoil_ballot_reply::tracking_code, wire::fixed_hex<32>{}),
      wire::member("tracking_code_display", &spoil_ballot_reply::tracking_code_display,
                   wire::text{max_display_bytes}),
      wire::member("choices", &spoil_ballot_reply::choices, choices_codec{}));
}
constexpr auto fields_of(reply_tag<confirm_key_reply>) {
  return wire::fields<confirm_key_reply>(
      wire::member("complete", &confirm_key_reply::complete, wire::flag{}));
}
constexpr auto fields_of(reply_tag<partial_decryption_reply>) {
  return wire::fields<partial_decryption_reply>(
      wire::member("partials", &partial_decryption_reply::partials, wire::number{}),
      wire::member("needed", &partial_decryption_reply::needed, wire::number{}));
}

template <typename T>
std::string encode_as_reply(std::uint64_t id, const T& r) {
  static constexpr auto table = fields_of(reply_tag<T>{});
  json::object fields;
  wire::encode_fields(fields, r, table);
  return encode_ok(id, fields);
}

}  // namespace

std::string encode_reply(std::uint64_t id, const auth_reply& r) { return encode_as_reply(id, r); }
std::string encode_reply(std::uint64_t id, const enroll_reply& r) { return encode_as_reply(id, r); }
std::string encode_reply(std::uint64_t id, const ping_reply& r) { return encode_as_reply(id, r); }
std::string encode_reply(std::uint64_t id, const subscribe_reply& r) {
  return encode_as_reply(id, r);
}
std::string encode_reply(std::uint64_t id, const checkin_reply& r) {
  return encode_as_reply(id, r);
}
std::string encode_reply(std::uint64_t id, const cast_ballot_reply& r) {
  // One per ballot, with its entry's payload: written directly, the text encode_as_reply gives.
  if (r.tracking_code_display.size() > max_display_bytes) return encode_as_reply(id, r);
  std::string out;
  out.reserve(512 + (r.entry ? r.entry->payload.size() + r.entry->payload.size() / 8 : 0));
  out += "{\"v\":";
  out += std::to_string(protocol_version);
  out += ",\"id\":";
  out += std::to_string(id);
  out += ",\"type\":\"ok\",\"receipt\":{";
  detail::append_hex_member(out, "tracking_code", r.receipt.tracking_code);
  out += ",\"board_seq\":";
  out += std::to_string(r.receipt.board_seq);
  out += ',';
  detail::append_hex_member(out, "board_entry_hash", r.receipt.board_entry_hash);
  out += ',';
  detail::append_hex_member(out, "signature", r.receipt.sig.bytes());
  out += "},\"tracking_code_display\":";
  out += json::serialize(json::string_view(r.tracking_code_display));
  if (r.entry) {
    out += ",\"entry\":";
    append_board_event_text(*r.entry, out);
  }
  out += '}';
  return out;
}
std::string encode_reply(std::uint64_t id, const spoil_ballot_reply& r) {
  return encode_as_reply(id, r);
}
std::string encode_reply(std::uint64_t id, const confirm_key_reply& r) {
  return encode_as_reply(id, r);
}
std::string encode_reply(std::uint64_t id, const partial_decryption_reply& r) {
  return encode_as_reply(id, r);
}

template <typename T>
decoded<T> decode_reply(const frame& f) {
  static constexpr auto table = fields_of(reply_tag<T>{});
  const field_path root;
  if (f.type != "ok") {
    return refuse(errc::invalid_field, root.child("type"), "expected an \"ok\" reply");
  }
  return wire::decode_fields(object_reader(f.fields, root), table);
}

template decoded<auth_reply> decode_reply(const frame&);
template decoded<enroll_reply> decode_reply(const frame&);
template decoded<ping_reply> decode_reply(const frame&);
template decoded<subscribe_reply> decode_reply(const frame&);
template decoded<checkin_reply> decode_reply(const frame&);
template decoded<cast_ballot_reply> decode_reply(const frame&);
template decoded<spoil_ballot_reply> decode_reply(const frame&);
template decoded<confirm_key_reply> decode_reply(const frame&);
template decoded<partial_decryption_reply> decode_reply(const frame&);

std::string encode_board_events_push(const std::vector<board_event>& events) {
  if (events.empty() || events.size() > max_events_per_push)
    throw std::invalid_argument("a board_events push carries 1 to 256 events");
  // Written directly, as encode_push would write {"events": [encode_board_event(e), …]}: the
  // payloads are escaped once, never copied into a JSON tree.
  std::size_t size = 64;
  for (const auto& e : events)
    size += 320 + e.type.size() + e.payload.size() + e.payload.size() / 8;
  std::string out;
  out.reserve(size);
  out += "{\"v\":";
  out += std::to_string(protocol_version);
  out += ",\"type\":\"board_events\",\"events\":[";
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (i != 0) out += ',';
    append_board_event_text(events[i], out);
  }
  out += "]}";
  return out;
}

decoded<std::vector<board_event>> decode_board_events_push(const frame& f) {
  const field_path root;
  if (f.type != "board_events") {
    return refuse(errc::invalid_field, root.child("type"), "expected a \"board_events\" push");
  }
  const object_reader r(f.fields, root);
  PLENUM_CHECK(r.allow_only({"events"}));
  PLENUM_TRY(auto list, r.required("events"));
  const field_path at = r.path("events");
  if (!list.get().is_array()) return refuse(errc::invalid_field, at, "must be an array");
  const auto& items = list.get().get_array();
  if (items.empty() || items.size() > max_events_per_push)
    return refuse(errc::invalid_field, at, "must hold 1 to 256 events");
  std::vector<board_event> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    PLENUM_TRY(auto e, decode_board_event(items[i], at.at(i)));
    if (!out.empty() && e.seq <= out.back().seq)
      return refuse(errc::invalid_field, at.at(i).child("seq"), "must follow the seq before");
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace plenum::protocol
