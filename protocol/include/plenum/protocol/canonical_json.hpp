// Canonical JSON text and its SHA-256, for documents whose digest anyone must be able to
// recompute (the monthly report): object members sorted by their keys' bytes, no whitespace,
// strings and numbers written as Boost.JSON writes them. Pure functions; thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "plenum/crypto/bytes.hpp"

namespace plenum::protocol {

/// The canonical text of `v`: objects' members in ascending byte order of their keys (at every
/// depth), arrays in their order, no whitespace.
[[nodiscard]] std::string canonical_json(const boost::json::value& v);

/// SHA-256 of `text`'s bytes.
[[nodiscard]] crypto::digest32 sha256(std::string_view text);

}  // namespace plenum::protocol
