// JSON form of a cast ballot (CVP1 §5), exactly as in cvp1-kat.json:
//   {"vote_id":…, "ballot_id":<hex 32>, "voter_pk":<hex 32>,
//    "contests":[{"options":[{"alpha":…, "beta":…, "proof":[{"c":…, "z":…}, …]}, …],
//                 "proof":[{"c":…, "z":…}, …]}, …],
//    "constraint_proofs":[[{"c":…, "z":…}, …], …],
//    "signature":<hex 64>}
// A decoded ballot holds only valid values: canonical points, alphas that are not the
// identity, canonical scalars, a usable voter key. Whether it fits its manifest and whether
// its proofs and signature hold is crypto::verify_ballot's job. Pure functions; thread-safe.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <string>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/ballot_points.hpp"
#include "plenum/crypto/range_proof.hpp"
#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// Longest range proof accepted: one entry per allowed value, and no list of allowed values
/// is longer than every position of the largest manifest plus one.
inline constexpr std::size_t max_proof_entries = crypto::max_contests * crypto::max_options + 1;

/// Decodes a range proof `[{"c":…, "z":…}, …]` (1 to max_proof_entries entries).
/// Errors: invalid_field, non_canonical_scalar.
[[nodiscard]] decoded<crypto::range_proof> decode_range_proof(const boost::json::value& v,
                                                              const field_path& at);
/// The JSON form of a range proof.
[[nodiscard]] boost::json::array encode_range_proof(const crypto::range_proof& proof);

/// Decodes a ballot. Errors: invalid_field (shape, types, hex, lengths beyond
/// crypto::max_contests / max_options / max_constraints), errc::invalid_point (a point that is
/// not valid, an identity alpha, an unusable voter key), errc::non_canonical_scalar. Every
/// error names the field, e.g. `contests[0].options[2].alpha`.
[[nodiscard]] decoded<crypto::ballot> decode_ballot(const boost::json::value& v,
                                                    const field_path& at = {});
/// decode_ballot for a sender already known to hold `voter_key` (checked in full when it was
/// enrolled and authenticated): a `voter_pk` of exactly its bytes is taken as that key without
/// checking it again; any other voter_pk is checked in full. Errors: those of decode_ballot.
[[nodiscard]] decoded<crypto::ballot> decode_ballot(const boost::json::value& v,
                                                    const field_path& at,
                                                    const crypto::public_key& voter_key);
/// decode_ballot with a known key as above when `voter_key` is not null, and with every option
/// ciphertext's points checked by `points` when it is not null, which keeps their decodings for
/// the ballot's verification (crypto::verify_ballot) or a running tally so that they are decoded
/// once. The same verdicts and errors; on an error, what `points` kept is of no use.
[[nodiscard]] decoded<crypto::ballot> decode_ballot(const boost::json::value& v,
                                                    const field_path& at,
                                                    const crypto::public_key* voter_key,
                                                    crypto::ballot_points_builder* points);

/// The JSON form of `b`, members in the order above.
[[nodiscard]] boost::json::object encode_ballot(const crypto::ballot& b);

/// Appends to `out` the very text boost::json::serialize(encode_ballot(b)) gives, written
/// directly (a ballot's event is encoded once per ballot, on its way to the board).
void append_ballot_text(const crypto::ballot& b, std::string& out);

}  // namespace plenum::protocol
