// The invalid ballots of one vote of the test vectors, of the same kinds as cvp1-kat.json's,
// each with the status that parse_ballot or verify_ballot must give it.
#pragma once

#include <boost/json/array.hpp>

#include "sitting.hpp"
#include "vote_vectors.hpp"

namespace plenum::test::vectors {

/// The "invalid" array of vote `v`: {"why", "expect", "ballot"} and, for ballots made afresh,
/// "seed". `why` uses the known answers' wording; `expect` is the crypto::ballot_status name
/// (crypto/SPEC.md §11). Derived from the vote's first ballot: option proof altered (z + 1),
/// signature altered, copied under another delegate's key and re-signed, non-canonical scalar
/// in the contest proof, identity alpha, made for another election, and the plan's over-vote
/// if any. Throws std::runtime_error if the library does not give the expected status.
[[nodiscard]] boost::json::array invalid_ballots_json(const sitting& s, const cast_vote& v);

}  // namespace plenum::test::vectors
