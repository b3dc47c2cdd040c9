// JSON form of a vote manifest (CVP1 §4), exactly as in cvp1-kat.json:
//   {"vote_id":…, "kind":"motion", "title":…,
//    "contests":[{"contest_id":…, "title":…, "min":1, "max":1,
//                 "options":[{"option_id":…, "label":…}, …]}, …],
//    "constraints":[{"min":0, "max":2, "positions":[[0,0],[1,0], …]}, …]}
// Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>

#include "plenum/crypto/manifest.hpp"
#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// Longest id (vote_id, contest_id, option_id) in UTF-8 bytes.
inline constexpr std::size_t max_id_bytes = 64;
/// Longest title or label in UTF-8 bytes.
inline constexpr std::size_t max_manifest_text_bytes = 1024;

/// Decodes and validates a manifest. Errors: invalid_field (shape, types, lengths, an unknown
/// kind, sizes beyond crypto::max_contests / max_options / max_constraints, naming the field);
/// errc::invalid_vote when the fields are well typed but crypto::check_manifest finds the
/// manifest malformed (duplicate ids, bounds, positions; the reason says which).
[[nodiscard]] decoded<crypto::manifest> decode_manifest(const boost::json::value& v,
                                                        const field_path& at = {});

/// The JSON form of `m`, members in the order above.
[[nodiscard]] boost::json::object encode_manifest(const crypto::manifest& m);

}  // namespace plenum::protocol
