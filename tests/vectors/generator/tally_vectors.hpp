// The tally of one vote of the test vectors (aggregates, partial decryptions by scrutineers 1
// and 3, counts) and its result digest.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <vector>

#include "board_head.hpp"
#include "sitting.hpp"
#include "vote_vectors.hpp"

namespace plenum::test::vectors {

/// A vote's "tally" object and its counts.
struct tally_vectors {
  boost::json::object json;
  std::vector<std::uint64_t> counts;
};

/// Aggregates the vote's ballots, has the decrypting scrutineers decrypt them (proof nonces from
/// seeded_random("<vote_id>/partial/<l>")) and combines the partials. The object has the
/// shape of cvp1-kat.json's "tally" ("positions", "aggregates", "partials", "counts") plus
/// "partial_seeds". Throws std::runtime_error if a partial fails its check or the counts do
/// not decrypt (a bug).
[[nodiscard]] tally_vectors make_tally(const sitting& s, const cast_vote& v);

/// The vote's "result" object: the result_digest inputs ("board_seq_at_close",
/// "board_hash_at_close", "ballots", "seated", "present", "rule", "outcome"; the counts are
/// the tally's), "digest" and the server's "signature" over it. The rule and outcome texts
/// are protocol::rule_text and decide_outcome's text. The board state at close is `head`.
/// Throws std::runtime_error if the outcome cannot be decided (a bug).
[[nodiscard]] boost::json::object result_json(const sitting& s, const cast_vote& v,
                                              const std::vector<std::uint64_t>& counts,
                                              const board_head& head);

}  // namespace plenum::test::vectors
