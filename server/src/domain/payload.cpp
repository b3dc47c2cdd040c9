#include "domain/payload.hpp"

namespace plenum::server::domain {

const boost::json::value& field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) throw malformed_payload("missing field " + std::string(key));
  return *v;
}

std::string str_field(const boost::json::object& o, std::string_view key) {
  return as_str(field(o, key));
}

std::uint64_t u64_field(const boost::json::object& o, std::string_view key) {
  return as_u64(field(o, key));
}

std::int64_t i64_field(const boost::json::object& o, std::string_view key) {
  const auto& v = field(o, key);
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64() && v.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v.as_uint64());
  throw malformed_payload("not an integer: " + std::string(key));
}

bool bool_field(const boost::json::object& o, std::string_view key) {
  const auto& v = field(o, key);
  if (!v.is_bool()) throw malformed_payload("not a boolean: " + std::string(key));
  return v.as_bool();
}

const boost::json::object& obj_field(const boost::json::object& o, std::string_view key) {
  return as_obj(field(o, key));
}

const boost::json::array& arr_field(const boost::json::object& o, std::string_view key) {
  const auto& v = field(o, key);
  if (!v.is_array()) throw malformed_payload("not an array: " + std::string(key));
  return v.as_array();
}

const boost::json::object& as_obj(const boost::json::value& v) {
  if (!v.is_object()) throw malformed_payload("not an object");
  return v.as_object();
}

std::string as_str(const boost::json::value& v) {
  if (!v.is_string()) throw malformed_payload("not a string");
  return std::string(v.as_string());
}

std::uint64_t as_u64(const boost::json::value& v) {
  if (v.is_uint64()) return v.as_uint64();
  if (v.is_int64() && v.as_int64() >= 0) return static_cast<std::uint64_t>(v.as_int64());
  throw malformed_payload("not a non-negative integer");
}

}  // namespace plenum::server::domain
