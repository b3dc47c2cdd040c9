// The spoiled ballot of one vote of the test vectors (CVP1 "Spoiled ballots", SPEC.md §14):
// a ballot made with its openings from a seeded source, as the tablet sends it to challenge.
#pragma once

#include <boost/json/object.hpp>

#include "sitting.hpp"
#include "vote_vectors.hpp"

namespace plenum::test::vectors {

/// {"voter": 1, "seed", "choice", "ballot", "nonces", "digest", "tracking_code",
/// "tracking_code_display"}: delegate 1 challenges a ballot marking the choices of the vote's
/// second ballot, made by crypto::make_opened_ballot from seeded_random(seed) (the draws of
/// make_ballot). `nonces` opens it to `choice`. Throws std::runtime_error on a library refusal.
[[nodiscard]] boost::json::object spoiled_json(const sitting& s, const cast_vote& v);

}  // namespace plenum::test::vectors
