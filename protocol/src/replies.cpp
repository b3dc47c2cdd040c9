#include "plenum/protocol/replies.hpp"

#include <stdexcept>

#include "plenum/protocol/fields.hpp"
#include "plenum/protocol/messages.hpp"
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

// The fields of an ok reply, or a refusal when the frame is something else.
decoded<object_reader> ok_fields(const frame& f, const field_path& root) {
  if (f.type != "ok") {
    return refuse(errc::invalid_field, root.child("type"), "expected an \"ok\" reply");
  }
  return object_reader(f.fields, root);
}

}  // namespace

std::string encode_reply(std::uint64_t id, const auth_reply& r) {
  json::array roles;
  for (const auto& role : r.roles) {
    if (!is_role(role)) throw std::invalid_argument("not a role: " + role);
    roles.push_back(json::string(role));
  }
  json::object fields;
  fields.emplace("person", r.person);
  fields.emplace("roles", std::move(roles));
  return encode_ok(id, fields);
}

std::string encode_reply(std::uint64_t id, const enroll_reply& r) {
  return encode_ok(id, json::object{{"person", r.person}});
}

std::string encode_reply(std::uint64_t id, const ping_reply& r) {
  return encode_ok(id, json::object{{"server_unix_ms", r.server_unix_ms}});
}

std::string encode_reply(std::uint64_t id, const subscribe_reply& r) {
  return encode_ok(id, json::object{{"next_seq", r.next_seq}});
}

std::string encode_reply(std::uint64_t id, const checkin_reply& r) {
  return encode_ok(id, json::object{{"board_seq", r.board_seq}});
}

std::string encode_reply(std::uint64_t id, const cast_ballot_reply& r) {
  json::object fields;
  fields.emplace("receipt", encode_receipt(r.receipt));
  fields.emplace("tracking_code_display", r.tracking_code_display);
  return encode_ok(id, fields);
}

std::string encode_reply(std::uint64_t id, const confirm_key_reply& r) {
  return encode_ok(id, json::object{{"complete", r.complete}});
}

std::string encode_reply(std::uint64_t id, const partial_decryption_reply& r) {
  json::object fields;
  fields.emplace("partials", r.partials);
  fields.emplace("needed", r.needed);
  return encode_ok(id, fields);
}

template <>
decoded<auth_reply> decode_reply<auth_reply>(const frame& f) {
  const field_path root;
  PLENUM_TRY(auto r, ok_fields(f, root));
  PLENUM_CHECK(r.allow_only({"person", "roles"}));
  auth_reply out;
  PLENUM_TRY(out.person, r.string("person", max_name_bytes));
  PLENUM_TRY(auto roles, r.array("roles", max_roles));
  PLENUM_TRY(out.roles, read_each(roles.get(), r.path("roles"), decode_role));
  return out;
}

template <>
decoded<enroll_reply> decode_reply<enroll_reply>(const frame& f) {
  const field_path root;
  PLENUM_TRY(auto r, ok_fields(f, root));
  PLENUM_CHECK(r.allow_only({"person"}));
  enroll_reply out;
  PLENUM_TRY(out.person, r.string("person", max_name_bytes));
  return out;
}

template <>
decoded<ping_reply> decode_reply<ping_reply>(const frame& f) {
  const field_path root;
  PLENUM_TRY(auto r, ok_fields(f, root));
  PLENUM_CHECK(r.allow_only({"server_unix_ms"}));
  ping_reply out;
  PLENUM_TRY(out.server_unix_ms, r.u64("server_unix_ms"));
  return out;
}

template <>
decoded<subscribe_reply> decode_reply<subscribe_reply>(const frame& f) {
  const field_path root;
  PLENUM_TRY(auto r, ok_fields(f, root));
  PLENUM_CHECK(r.allow_only({"next_seq"}));
  subscribe_reply out;
  PLENUM_TRY(out.next_seq, r.u64("next_seq"));
  return out;
}

template <>
decoded<checkin_reply> decode_reply<checkin_reply>(const frame& f) {
  const field_path root;
  PLENUM_TRY(auto r, ok_fields(f, root));
  PLENUM_CHECK(r.allow_only({"board_seq"}));
  checkin_reply out;
  PLENUM_TRY(out.board_seq, r.u64("board_seq"));
  return out;
}

template <>
decoded<cast_ballot_reply> decode_reply<cast_ballot_reply>(const frame& f) {
  const field_path root;
  PLENUM_TRY(auto r, ok_fields(f, root));
  PLENUM_CHECK(r.allow_only({"receipt", "tracking_code_display"}));
  cast_ballot_reply out;
  PLENUM_TRY(auto text, r.required("receipt"));
  PLENUM_TRY(out.receipt, decode_receipt(text.get(), r.path("receipt")));
  PLENUM_TRY(out.tracking_code_display, r.string("tracking_code_display", max_display_bytes));
  return out;
}

template <>
decoded<confirm_key_reply> decode_reply<confirm_key_reply>(const frame& f) {
  const field_path root;
  PLENUM_TRY(auto r, ok_fields(f, root));
  PLENUM_CHECK(r.allow_only({"complete"}));
  confirm_key_reply out;
  PLENUM_TRY(out.complete, r.boolean("complete"));
  return out;
}

template <>
decoded<partial_decryption_reply> decode_reply<partial_decryption_reply>(const frame& f) {
  const field_path root;
  PLENUM_TRY(auto r, ok_fields(f, root));
  PLENUM_CHECK(r.allow_only({"partials", "needed"}));
  partial_decryption_reply out;
  PLENUM_TRY(out.partials, r.u64("partials"));
  PLENUM_TRY(out.needed, r.u64("needed"));
  return out;
}

std::string encode_board_event_push(const board_event& e) {
  return encode_push("board_event", json::object{{"event", encode_board_event(e)}});
}

decoded<board_event> decode_board_event_push(const frame& f) {
  const field_path root;
  if (f.type != "board_event") {
    return refuse(errc::invalid_field, root.child("type"), "expected a \"board_event\" push");
  }
  const object_reader r(f.fields, root);
  PLENUM_CHECK(r.allow_only({"event"}));
  PLENUM_TRY(auto text, r.required("event"));
  return decode_board_event(text.get(), r.path("event"));
}

}  // namespace plenum::protocol
