#include "plenum/protocol/fields.hpp"

#include <cmath>
#include <string>

namespace plenum::protocol {

namespace json = boost::json;

namespace {

std::string_view kind_name(json::kind k) {
  switch (k) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "an integer";
    case json::kind::double_:
      return "a number with a fraction or exponent";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "an unknown value";
}

decode_error wrong_type(const json::value& v, const field_path& at, std::string_view expected) {
  return refuse(errc::invalid_field, at,
                "must be " + std::string(expected) + ", not " + std::string(kind_name(v.kind())));
}

std::string range_text(std::string_view what, std::uint64_t min, std::uint64_t max) {
  if (min == max) return std::string(what) + " " + std::to_string(min);
  return std::string(what) + " " + std::to_string(min) + " to " + std::to_string(max);
}

std::string signed_range_text(std::int64_t min, std::int64_t max) {
  return "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

// A double in an integer field: say "out of range" for an integral value too large for 64
// bits (the parser turns those into doubles), else that it is not an integer at all.
decode_error double_for_integer(double d, const field_path& at, std::string range) {
  if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) >= 9.2e18) {
    return refuse(errc::invalid_field, at, "out of range: " + range);
  }
  return refuse(errc::invalid_field, at,
                "must be an integer, not a number with a fraction or "
                "exponent");
}

std::string hex_reason(std::size_t min_bytes, std::size_t max_bytes) {
  if (min_bytes == max_bytes) {
    return "must be lowercase hex of " + std::to_string(min_bytes) + " bytes (" +
           std::to_string(2 * min_bytes) + " characters)";
  }
  return "must be lowercase hex of " + std::to_string(min_bytes) + " to " +
         std::to_string(max_bytes) + " bytes";
}

}  // namespace

decoded<std::string_view> read_string(const json::value& v, const field_path& at,
                                      std::size_t max_bytes, std::size_t min_bytes) {
  const json::string* s = v.if_string();
  if (s == nullptr) return wrong_type(v, at, "a string");
  if (s->size() < min_bytes || s->size() > max_bytes) {
    if (min_bytes == 1 && s->empty()) return refuse(errc::invalid_field, at, "must not be empty");
    return refuse(errc::invalid_field, at,
                  range_text("must have a UTF-8 length of", min_bytes, max_bytes) + " bytes");
  }
  return std::string_view(s->data(), s->size());
}

decoded<std::uint64_t> read_u64(const json::value& v, const field_path& at, std::uint64_t min,
                                std::uint64_t max) {
  auto range = [&] { return range_text("must be an integer from", min, max); };
  std::uint64_t n = 0;
  switch (v.kind()) {
    case json::kind::uint64:
      n = v.get_uint64();
      break;
    case json::kind::int64:
      if (v.get_int64() < 0) return refuse(errc::invalid_field, at, "must not be negative");
      n = static_cast<std::uint64_t>(v.get_int64());
      break;
    case json::kind::double_:
      return double_for_integer(v.get_double(), at, range());
    default:
      return wrong_type(v, at, "an integer");
  }
  if (n < min || n > max) return refuse(errc::invalid_field, at, "out of range: " + range());
  return n;
}

decoded<std::int64_t> read_i64(const json::value& v, const field_path& at, std::int64_t min,
                               std::int64_t max) {
  auto range = [&] { return signed_range_text(min, max); };
  std::int64_t n = 0;
  switch (v.kind()) {
    case json::kind::int64:
      n = v.get_int64();
      break;
    case json::kind::uint64:
      if (v.get_uint64() > static_cast<std::uint64_t>(max)) {
        return refuse(errc::invalid_field, at, "out of range: " + range());
      }
      n = static_cast<std::int64_t>(v.get_uint64());
      break;
    case json::kind::double_:
      return double_for_integer(v.get_double(), at, range());
    default:
      return wrong_type(v, at, "an integer");
  }
  if (n < min || n > max) return refuse(errc::invalid_field, at, "out of range: " + range());
  return n;
}

decoded<bool> read_bool(const json::value& v, const field_path& at) {
  if (!v.is_bool()) return wrong_type(v, at, "a boolean");
  return v.get_bool();
}

decoded<json_array_ref> read_array(const json::value& v, const field_path& at, std::size_t max_size,
                                   std::size_t min_size) {
  const json::array* a = v.if_array();
  if (a == nullptr) return wrong_type(v, at, "an array");
  if (a->size() < min_size || a->size() > max_size) {
    return refuse(errc::invalid_field, at,
                  range_text("must have", min_size, max_size) + " elements, not " +
                      std::to_string(a->size()));
  }
  return std::cref(*a);
}

decoded<crypto::byte_vector> read_hex(const json::value& v, const field_path& at,
                                      std::size_t max_bytes, std::size_t min_bytes) {
  const json::string* s = v.if_string();
  if (s == nullptr) return wrong_type(v, at, "a string of lowercase hex");
  if (s->size() % 2 != 0 || s->size() < 2 * min_bytes || s->size() > 2 * max_bytes) {
    return refuse(errc::invalid_field, at, hex_reason(min_bytes, max_bytes));
  }
  auto bytes = crypto::from_hex(std::string_view(s->data(), s->size()));
  if (!bytes) return refuse(errc::invalid_field, at, hex_reason(min_bytes, max_bytes));
  return std::move(*bytes);
}

decoded<void> read_hex_into(const json::value& v, const field_path& at,
                            std::span<std::uint8_t> out) {
  const json::string* s = v.if_string();
  if (s == nullptr) return wrong_type(v, at, "a string of lowercase hex");
  auto digit = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  auto refused = [&] {
    return refuse(errc::invalid_field, at, hex_reason(out.size(), out.size()));
  };
  if (s->size() != 2 * out.size()) return refused();
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = digit((*s)[2 * i]);
    const int lo = digit((*s)[2 * i + 1]);
    if (hi < 0 || lo < 0) return refused();
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return {};
}

namespace {

// A point read by `check` from the field's bytes, judged under `rule`.
template <typename Check>
decoded<crypto::point> read_point_with(const json::value& v, const field_path& at,
                                       identity_rule rule, Check&& check) {
  auto bytes = read_fixed_hex<crypto::point::size>(v, at);
  if (!bytes) return std::move(bytes).error();
  std::optional<crypto::point> p = check(*bytes);
  if (!p) return refuse(errc::invalid_point, at, "is not a valid group element");
  if (rule == identity_rule::reject && p->is_identity()) {
    return refuse(errc::invalid_point, at, "must not be the identity");
  }
  return *p;
}

}  // namespace

decoded<crypto::point> read_point(const json::value& v, const field_path& at, identity_rule rule) {
  return read_point_with(v, at, rule, [](const crypto::byte_array<32>& bytes) {
    return crypto::point::from_bytes(bytes);
  });
}

decoded<crypto::point> read_point(const json::value& v, const field_path& at, identity_rule rule,
                                  crypto::ballot_points_builder& points) {
  return read_point_with(v, at, rule, [&](const crypto::byte_array<32>& bytes) {
    return points.point_from_bytes(bytes);
  });
}

decoded<crypto::scalar> read_scalar(const json::value& v, const field_path& at) {
  auto bytes = read_fixed_hex<crypto::scalar::size>(v, at);
  if (!bytes) return std::move(bytes).error();
  auto s = crypto::scalar::from_bytes(*bytes);
  if (!s) return refuse(errc::non_canonical_scalar, at, "is not below the group order");
  return *s;
}

decoded<crypto::public_key> read_public_key(const json::value& v, const field_path& at) {
  auto bytes = read_fixed_hex<crypto::public_key::size>(v, at);
  if (!bytes) return std::move(bytes).error();
  auto key = crypto::public_key::from_bytes(*bytes);
  if (!key) return refuse(errc::invalid_point, at, "is not a valid Ed25519 public key");
  return *key;
}

decoded<crypto::signature> read_signature(const json::value& v, const field_path& at) {
  auto bytes = read_fixed_hex<crypto::signature::size>(v, at);
  if (!bytes) return std::move(bytes).error();
  return crypto::signature(*bytes);
}

decoded<object_reader> object_reader::of(const json::value& v, const field_path& at) {
  const json::object* o = v.if_object();
  if (o == nullptr) return wrong_type(v, at, "an object");
  return object_reader(*o, at);
}

decoded<void> object_reader::allow_only(std::initializer_list<std::string_view> names) const {
  for (const auto& member : *object_) {
    std::string_view key(member.key().data(), member.key().size());
    bool known = false;
    for (std::string_view name : names) known = known || name == key;
    if (!known) return refuse(errc::invalid_field, path_.child(key), "is not a known field");
  }
  return {};
}

decoded<json_value_ref> object_reader::required(std::string_view key) const {
  const json::value* v = object_->if_contains(key);
  if (v == nullptr) return refuse(errc::invalid_field, path(key), "is required");
  return std::cref(*v);
}

decoded<std::string> object_reader::string(std::string_view key, std::size_t max_bytes,
                                           std::size_t min_bytes) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  auto s = read_string(v->get(), path(key), max_bytes, min_bytes);
  if (!s) return std::move(s).error();
  return std::string(*s);
}

decoded<std::optional<std::string>> object_reader::optional_string(std::string_view key,
                                                                   std::size_t max_bytes,
                                                                   std::size_t min_bytes) const {
  if (!has(key)) return std::optional<std::string>();
  auto s = string(key, max_bytes, min_bytes);
  if (!s) return std::move(s).error();
  return std::optional<std::string>(std::move(*s));
}

decoded<std::uint64_t> object_reader::u64(std::string_view key, std::uint64_t min,
                                          std::uint64_t max) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_u64(v->get(), path(key), min, max);
}

decoded<std::optional<std::uint64_t>> object_reader::optional_u64(std::string_view key,
                                                                  std::uint64_t min,
                                                                  std::uint64_t max) const {
  if (!has(key)) return std::optional<std::uint64_t>();
  auto n = u64(key, min, max);
  if (!n) return std::move(n).error();
  return std::optional<std::uint64_t>(*n);
}

decoded<std::int64_t> object_reader::i64(std::string_view key, std::int64_t min,
                                         std::int64_t max) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_i64(v->get(), path(key), min, max);
}

decoded<bool> object_reader::boolean(std::string_view key) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_bool(v->get(), path(key));
}

decoded<json_array_ref> object_reader::array(std::string_view key, std::size_t max_size,
                                             std::size_t min_size) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_array(v->get(), path(key), max_size, min_size);
}

decoded<object_reader> object_reader::object(std::string_view key) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return of(v->get(), path(key));
}

decoded<crypto::byte_vector> object_reader::hex(std::string_view key, std::size_t max_bytes,
                                                std::size_t min_bytes) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_hex(v->get(), path(key), max_bytes, min_bytes);
}

decoded<crypto::point> object_reader::point(std::string_view key, identity_rule rule) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_point(v->get(), path(key), rule);
}

decoded<crypto::point> object_reader::point(std::string_view key, identity_rule rule,
                                            crypto::ballot_points_builder& points) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_point(v->get(), path(key), rule, points);
}

decoded<crypto::scalar> object_reader::scalar(std::string_view key) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_scalar(v->get(), path(key));
}

decoded<crypto::public_key> object_reader::public_key(std::string_view key) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_public_key(v->get(), path(key));
}

decoded<crypto::signature> object_reader::signature(std::string_view key) const {
  auto v = required(key);
  if (!v) return std::move(v).error();
  return read_signature(v->get(), path(key));
}

}  // namespace plenum::protocol
