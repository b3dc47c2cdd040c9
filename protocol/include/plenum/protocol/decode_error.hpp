// What a decoder reports when untrusted input is refused: the specific error code, the path
// of the offending field inside the message, and a short human-readable reason. The wire's
// error reply carries all three (see PROTOCOL.md, "Errors").
#pragma once

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plenum/protocol/error.hpp"

namespace plenum::protocol {

/// The location of a value inside a JSON document, as a chain of nodes that live on the
/// decoder's stack: `contests[2].options[0].alpha`. A node refers to its parent and to its
/// key's characters without owning them; REQUIRES: both outlive the node (keys are string
/// literals or keys of the document being decoded). Rendering to text happens only when an
/// error is reported, so walking a valid document costs no allocation. Immutable; thread-safe.
class field_path {
 public:
  /// The root: the message itself (renders as the empty string).
  field_path() = default;

  /// The member `key` of the object at this path.
  [[nodiscard]] field_path child(std::string_view key) const { return {this, key, 0, false}; }
  /// The element `index` of the array at this path.
  [[nodiscard]] field_path at(std::size_t index) const { return {this, {}, index, true}; }

  /// The dotted form, e.g. `contests[2].options[0].alpha`; empty for the root.
  [[nodiscard]] std::string str() const;

 private:
  field_path(const field_path* parent, std::string_view key, std::size_t index, bool is_index)
      : parent_(parent), key_(key), index_(index), is_index_(is_index) {}

  const field_path* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

/// A refusal: `code` is a `plenum::errc` (malformed_message, invalid_field, invalid_point, …),
/// `field` the dotted path of the offending value (empty when the whole frame is at fault),
/// `reason` a short English explanation ("must be lowercase hex of 32 bytes"). When the
/// frame's request id could be read before the refusal, `request_id` holds it so that the
/// error reply can be matched to the request.
struct decode_error {
  boost::system::error_code code;
  std::string field;
  std::string reason;
  std::optional<std::uint64_t> request_id;

  /// "field: reason", or just the reason when no field is named.
  [[nodiscard]] std::string message() const;
};

/// Builds a decode_error for the value at `path`.
[[nodiscard]] decode_error refuse(errc code, const field_path& path, std::string_view reason);
/// Builds a decode_error about the frame as a whole.
[[nodiscard]] decode_error refuse(errc code, std::string_view reason);

/// The result of decoding untrusted input: the value, or why it was refused.
template <typename T>
using decoded = boost::system::result<T, decode_error>;

/// Lets `decoded<T>::value()` throw on a refusal (a programmer error: callers check first).
/// Throws boost::system::system_error carrying the code and message().
[[noreturn]] void throw_exception_from_error(const decode_error& e,
                                             const boost::source_location& location);

}  // namespace plenum::protocol
