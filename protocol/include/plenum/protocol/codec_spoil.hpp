// JSON form of a spoiled ballot's openings and of the choices it encrypted (CVP1 "Spoiled
// ballots"):
//   nonces:  [[{"r":<hex 32, scalar>, "v":0|1}, …per option], …per contest]
//   choices: [[0|1, …per option], …per contest]
// Contests and options in manifest order. Strict: unknown members, a non-canonical scalar, a
// value other than 0 or 1, or more contests or options than any manifest has are refused.
// Whether the openings fit and open the ballot is crypto::check_spoiled_ballot's job.
// Pure functions; thread-safe.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <vector>

#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// Decodes one contest's openings `[{"r":…, "v":…}, …]` (1 to crypto::max_options).
/// Errors: invalid_field, non_canonical_scalar.
[[nodiscard]] decoded<std::vector<crypto::option_opening>> decode_contest_openings(
    const boost::json::value& v, const field_path& at);
/// The JSON form of one contest's openings.
[[nodiscard]] boost::json::value encode_contest_openings(
    const std::vector<crypto::option_opening>& openings);

/// Decodes all openings `[[…], …]` (1 to crypto::max_contests contests).
[[nodiscard]] decoded<crypto::ballot_openings> decode_openings(const boost::json::value& v,
                                                               const field_path& at = {});
/// The JSON form of all openings.
[[nodiscard]] boost::json::array encode_openings(const crypto::ballot_openings& openings);

/// Decodes choices `[[0|1, …], …]` (1 to crypto::max_contests rows of 1 to max_options).
/// Errors: invalid_field.
[[nodiscard]] decoded<crypto::ballot_choices> decode_choices(const boost::json::value& v,
                                                             const field_path& at = {});
/// The JSON form of choices.
[[nodiscard]] boost::json::array encode_choices(const crypto::ballot_choices& choices);

}  // namespace plenum::protocol
