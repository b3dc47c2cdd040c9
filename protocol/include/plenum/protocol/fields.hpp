// Strict readers for the fields of untrusted JSON messages. Every message decoder is built
// from these, so that each field is checked the same way everywhere: its JSON type, its range
// or length, lowercase hex of the exact size, group elements and scalars valid and canonical.
// Each refusal names the field's path (`contests[2].options[0].alpha`). Pure functions;
// thread-safe.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "plenum/crypto/ballot_points.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// The largest integer JavaScript represents exactly (2^53 − 1). The protocol's integers never
/// exceed it, so that the tablet's JavaScript reads every number exactly.
inline constexpr std::int64_t max_safe_integer = (std::int64_t{1} << 53) - 1;

/// Whether a point may be the identity. CVP1 §1 forbids it as a public key, a commitment, a
/// ciphertext's alpha or a partial decryption.
enum class identity_rule { allow, reject };

using json_value_ref = std::reference_wrapper<const boost::json::value>;
using json_array_ref = std::reference_wrapper<const boost::json::array>;

// Readers of one JSON value at `at`. Errors: errc::invalid_field unless said otherwise.

/// A string of `min_bytes` to `max_bytes` UTF-8 bytes (the parser has validated the UTF-8).
/// The view points into `v`.
[[nodiscard]] decoded<std::string_view> read_string(const boost::json::value& v,
                                                    const field_path& at, std::size_t max_bytes,
                                                    std::size_t min_bytes = 0);
/// An unsigned integer in [min, max] (max at most max_safe_integer). Refuses booleans, strings,
/// negative numbers and any number written with a fraction or an exponent or too large for
/// 64 bits (which the parser turns into a double).
[[nodiscard]] decoded<std::uint64_t> read_u64(const boost::json::value& v, const field_path& at,
                                              std::uint64_t min = 0,
                                              std::uint64_t max = max_safe_integer);
/// A signed integer in [min, max], refused like read_u64.
[[nodiscard]] decoded<std::int64_t> read_i64(const boost::json::value& v, const field_path& at,
                                             std::int64_t min = -max_safe_integer,
                                             std::int64_t max = max_safe_integer);
/// `true` or `false`.
[[nodiscard]] decoded<bool> read_bool(const boost::json::value& v, const field_path& at);
/// An array of `min_size` to `max_size` elements; refers into `v`.
[[nodiscard]] decoded<json_array_ref> read_array(const boost::json::value& v, const field_path& at,
                                                 std::size_t max_size, std::size_t min_size = 0);
/// Lowercase hex of `min_bytes` to `max_bytes` bytes (no uppercase, no odd length, no prefix).
[[nodiscard]] decoded<crypto::byte_vector> read_hex(const boost::json::value& v,
                                                    const field_path& at, std::size_t max_bytes,
                                                    std::size_t min_bytes = 0);
/// Lowercase hex of exactly `out.size()` bytes, written to `out` (refused like read_hex; `out`
/// may then hold part of it).
[[nodiscard]] decoded<void> read_hex_into(const boost::json::value& v, const field_path& at,
                                          std::span<std::uint8_t> out);
/// Lowercase hex of exactly N bytes.
template <std::size_t N>
[[nodiscard]] decoded<crypto::byte_array<N>> read_fixed_hex(const boost::json::value& v,
                                                            const field_path& at) {
  crypto::byte_array<N> out{};
  auto read = read_hex_into(v, at, out);
  if (!read) return std::move(read).error();
  return out;
}
/// A ristretto255 point in lowercase hex. Errors: invalid_field when it is not 32 bytes of
/// lowercase hex; errc::invalid_point when the bytes are not a canonical encoding of a group
/// element, or are the identity and `rule` is reject.
[[nodiscard]] decoded<crypto::point> read_point(const boost::json::value& v, const field_path& at,
                                                identity_rule rule);
/// read_point with the point checked by `points`, which keeps its decoding (a ballot's option
/// ciphertexts, decoded once for the checks here and the ballot's verification). The same
/// verdicts and errors.
[[nodiscard]] decoded<crypto::point> read_point(const boost::json::value& v, const field_path& at,
                                                identity_rule rule,
                                                crypto::ballot_points_builder& points);
/// A scalar in lowercase hex. Errors: invalid_field when it is not 32 bytes of lowercase hex;
/// errc::non_canonical_scalar when the value is not below the group order.
[[nodiscard]] decoded<crypto::scalar> read_scalar(const boost::json::value& v,
                                                  const field_path& at);
/// An Ed25519 public key in lowercase hex. Errors: invalid_field when it is not 32 bytes of
/// lowercase hex; errc::invalid_point when the bytes are not a usable key (small order, not on
/// the curve).
[[nodiscard]] decoded<crypto::public_key> read_public_key(const boost::json::value& v,
                                                          const field_path& at);
/// An Ed25519 signature: 64 bytes of lowercase hex (whether it verifies is not checked here).
[[nodiscard]] decoded<crypto::signature> read_signature(const boost::json::value& v,
                                                        const field_path& at);

/// Decodes every element of `items` with `read(const value&, const field_path&)`, which
/// returns a decoded<T>; stops at the first refusal.
template <typename Read>
[[nodiscard]] auto read_each(const boost::json::array& items, const field_path& at, Read&& read)
    -> decoded<std::vector<typename std::invoke_result_t<Read&, const boost::json::value&,
                                                         const field_path&>::value_type>> {
  using item = typename std::invoke_result_t<Read&, const boost::json::value&,
                                             const field_path&>::value_type;
  std::vector<item> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto one = read(items[i], at.at(i));
    if (!one) return std::move(one).error();
    out.push_back(std::move(*one));
  }
  return out;
}

/// The fields of one JSON object at a path. Holds a reference to the object: REQUIRES the
/// object, and the parent of `at`, outlive the reader. Every reader refuses a missing field
/// with invalid_field ("is required") unless it is `optional_…`, where a missing field gives
/// nullopt (an explicit `null` is refused: absent is the one spelling of "none").
class object_reader {
 public:
  /// Refuses `v` unless it is an object.
  [[nodiscard]] static decoded<object_reader> of(const boost::json::value& v, const field_path& at);
  object_reader(const boost::json::object& object, const field_path& at)
      : object_(&object), path_(at) {}

  /// Refuses the object if it has a member not in `names` (invalid_field naming it).
  [[nodiscard]] decoded<void> allow_only(std::initializer_list<std::string_view> names) const;

  /// The path of member `key`.
  [[nodiscard]] field_path path(std::string_view key) const { return path_.child(key); }
  /// The path of the object itself.
  [[nodiscard]] const field_path& path() const { return path_; }
  /// The object itself.
  [[nodiscard]] const boost::json::object& object() const { return *object_; }

  /// Member `key`, which must be present.
  [[nodiscard]] decoded<json_value_ref> required(std::string_view key) const;
  /// Whether member `key` is present.
  [[nodiscard]] bool has(std::string_view key) const { return object_->contains(key); }

  [[nodiscard]] decoded<std::string> string(std::string_view key, std::size_t max_bytes,
                                            std::size_t min_bytes = 1) const;
  [[nodiscard]] decoded<std::optional<std::string>> optional_string(
      std::string_view key, std::size_t max_bytes, std::size_t min_bytes = 1) const;
  [[nodiscard]] decoded<std::uint64_t> u64(std::string_view key, std::uint64_t min = 0,
                                           std::uint64_t max = max_safe_integer) const;
  [[nodiscard]] decoded<std::optional<std::uint64_t>> optional_u64(
      std::string_view key, std::uint64_t min = 0, std::uint64_t max = max_safe_integer) const;
  [[nodiscard]] decoded<std::int64_t> i64(std::string_view key,
                                          std::int64_t min = -max_safe_integer,
                                          std::int64_t max = max_safe_integer) const;
  [[nodiscard]] decoded<bool> boolean(std::string_view key) const;
  [[nodiscard]] decoded<json_array_ref> array(std::string_view key, std::size_t max_size,
                                              std::size_t min_size = 0) const;
  [[nodiscard]] decoded<object_reader> object(std::string_view key) const;
  [[nodiscard]] decoded<crypto::byte_vector> hex(std::string_view key, std::size_t max_bytes,
                                                 std::size_t min_bytes = 0) const;
  template <std::size_t N>
  [[nodiscard]] decoded<crypto::byte_array<N>> fixed_hex(std::string_view key) const {
    auto v = required(key);
    if (!v) return std::move(v).error();
    return read_fixed_hex<N>(v->get(), path(key));
  }
  [[nodiscard]] decoded<crypto::point> point(std::string_view key, identity_rule rule) const;
  [[nodiscard]] decoded<crypto::point> point(std::string_view key, identity_rule rule,
                                             crypto::ballot_points_builder& points) const;
  [[nodiscard]] decoded<crypto::scalar> scalar(std::string_view key) const;
  [[nodiscard]] decoded<crypto::public_key> public_key(std::string_view key) const;
  [[nodiscard]] decoded<crypto::signature> signature(std::string_view key) const;

 private:
  const boost::json::object* object_;
  field_path path_;
};

}  // namespace plenum::protocol
