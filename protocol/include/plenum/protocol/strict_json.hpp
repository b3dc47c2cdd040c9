// Parsing untrusted JSON text strictly: a size limit before anything is parsed, a nesting
// limit, UTF-8 validated, and duplicate keys refused (Boost.JSON 1.81's own parser keeps the
// last of duplicate keys silently, so this parser watches the keys itself). Thread-safe.
#pragma once

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <string_view>

#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// Limits on one frame of text.
struct json_limits {
  /// Largest accepted text in bytes.
  std::size_t max_bytes = 256 * 1024;
  /// Deepest accepted nesting of arrays and objects (a cast_ballot frame needs 8).
  std::size_t max_depth = 16;
};

/// Parses `text` as exactly one JSON value (RFC 8259, no comments, no trailing commas, no
/// trailing data). Errors: errc::message_too_large above `limits.max_bytes`;
/// errc::malformed_message for invalid JSON, invalid UTF-8, nesting deeper than
/// `limits.max_depth`, or an object with two members of the same key (the reason says which).
/// The value's memory comes from `storage` (e.g. an arena for a value that lives only while one
/// request is decoded).
[[nodiscard]] decoded<boost::json::value> parse_strict_json(std::string_view text,
                                                            const json_limits& limits = {},
                                                            boost::json::storage_ptr storage = {});

}  // namespace plenum::protocol
