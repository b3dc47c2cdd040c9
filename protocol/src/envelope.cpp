#include "plenum/protocol/envelope.hpp"

#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "plenum/protocol/fields.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

bool is_envelope_key(std::string_view key) { return key == "v" || key == "id" || key == "type"; }

decoded<frame> parse_frame(std::string_view text, const json_limits& limits, bool id_required,
                           json::storage_ptr storage = {}) {
  auto doc = parse_strict_json(text, limits, storage);
  if (!doc) return std::move(doc).error();
  json::object* top = doc->if_object();
  if (top == nullptr) return refuse(errc::malformed_message, "a frame must be a JSON object");

  const field_path root;
  // The fields share the document's memory, so that they move into the frame uncopied.
  frame out{std::nullopt, {}, json::object(doc->storage())};
  out.fields.reserve(top->size());
  // Read the id first, leniently, so that any later refusal can still be matched to it.
  if (const json::value* id = top->if_contains("id")) {
    auto n = read_u64(*id, root.child("id"));
    if (n) out.id = *n;
  }
  auto fail = [&out](decode_error e) {
    e.request_id = out.id;
    return e;
  };

  const json::value* v = top->if_contains("v");
  if (v == nullptr) return fail(refuse(errc::invalid_field, root.child("v"), "is required"));
  if (!v->is_int64() && !v->is_uint64()) {
    return fail(refuse(errc::invalid_field, root.child("v"), "must be an integer"));
  }
  const bool supported = (v->is_int64() && v->get_int64() == std::int64_t{protocol_version}) ||
                         (v->is_uint64() && v->get_uint64() == protocol_version);
  if (!supported) {
    return fail(refuse(errc::unsupported_version, root.child("v"),
                       "this server speaks version " + std::to_string(protocol_version)));
  }

  if (const json::value* id = top->if_contains("id")) {
    auto n = read_u64(*id, root.child("id"));
    if (!n) return fail(std::move(n).error());
  } else if (id_required) {
    return fail(refuse(errc::invalid_field, root.child("id"), "is required"));
  }

  const json::value* type = top->if_contains("type");
  if (type == nullptr) return fail(refuse(errc::invalid_field, root.child("type"), "is required"));
  auto name = read_string(*type, root.child("type"), max_type_bytes, 1);
  if (!name) return fail(std::move(name).error());
  out.type = std::string(*name);

  for (auto& member : *top) {
    if (!is_envelope_key(member.key())) out.fields.emplace(member.key(), std::move(member.value()));
  }
  return out;
}

void check_no_envelope_keys(const json::object& fields) {
  for (const auto& member : fields) {
    if (is_envelope_key(member.key())) {
      throw std::invalid_argument("frame fields must not contain the envelope member \"" +
                                  std::string(member.key()) + "\"");
    }
  }
}

std::string serialize_frame(std::optional<std::uint64_t> id, std::string_view type,
                            const json::object& fields) {
  json::object out;
  out.reserve(fields.size() + 3);
  out.emplace("v", protocol_version);
  if (id) out.emplace("id", *id);
  out.emplace("type", type);
  for (const auto& member : fields) out.emplace(member.key(), member.value());
  return json::serialize(out);
}

}  // namespace

decoded<frame> parse_request(std::string_view text, const json_limits& limits,
                             json::storage_ptr storage) {
  return parse_frame(text, limits, true, std::move(storage));
}

decoded<frame> parse_server_frame(std::string_view text, const json_limits& limits) {
  return parse_frame(text, limits, false);
}

std::string encode_ok(std::uint64_t id, const json::object& fields) {
  check_no_envelope_keys(fields);
  return serialize_frame(id, "ok", fields);
}

std::string encode_error(std::optional<std::uint64_t> id, boost::system::error_code code,
                         std::string_view message, std::string_view field) {
  json::object fields;
  const bool ours = code.category() == plenum_category() && error_name(code) != "unknown";
  const boost::system::error_code sent = ours ? code : make_error_code(errc::internal);
  fields.emplace("code", error_name(sent));
  fields.emplace("category", canonical_name(canonical_of(sent)));
  fields.emplace("message", ours ? message : std::string_view("internal error"));
  if (!field.empty()) fields.emplace("field", field);
  return serialize_frame(id, "error", fields);
}

std::string encode_error(const decode_error& error) {
  return encode_error(error.request_id, error.code, error.message(), error.field);
}

std::string encode_push(std::string_view topic, const json::object& fields) {
  check_no_envelope_keys(fields);
  return serialize_frame(std::nullopt, topic, fields);
}

}  // namespace plenum::protocol
