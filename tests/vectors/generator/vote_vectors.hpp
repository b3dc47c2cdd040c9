// The ballots of one vote of the test vectors: made from seeded sources by the present
// delegates, with their digests, tracking codes and the seeds that reproduce them.
#pragma once

#include <boost/json/array.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "scenario.hpp"
#include "sitting.hpp"

namespace plenum::test::vectors {

/// One vote with its hashes and its accepted ballots (ballots[i] cast by delegate i+1 with
/// crypto::make_ballot drawing from seeded_random(seeds[i])).
struct cast_vote {
  vote_plan plan;
  crypto::digest32 manifest_hash{};
  crypto::digest32 roster_hash{};
  crypto::digest32 election_hash{};
  std::vector<std::string> seeds;
  std::vector<crypto::ballot> ballots;
};

/// Computes the hashes of `plan` under the sitting's ceremony and roster and makes every
/// ballot of the plan. Throws std::runtime_error if the library refuses a ballot (a bug).
[[nodiscard]] cast_vote cast(const sitting& s, const vote_plan& plan);

/// The "ballots" array: per ballot {"choice", "seed", "ballot", "digest", "tracking_code",
/// "tracking_code_display"}.
[[nodiscard]] boost::json::array ballots_json(const cast_vote& v);

}  // namespace plenum::test::vectors
