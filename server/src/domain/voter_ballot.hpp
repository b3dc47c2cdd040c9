// What casting and challenging a ballot share (CVP1 §5 and "Spoiled ballots"): the delegate may
// act in the vote, the ballot is theirs and fits the vote, and none of its ids or ciphertexts
// was used before in it. Internal to the domain.
#pragma once

#include <memory>
#include <string>

#include "domain/ballot_check.hpp"
#include "domain/decide_internal.hpp"

namespace plenum::server::domain::detail {

/// A delegate's ballot for an open vote, checked as far as casting and spoiling agree.
struct voter_ballot {
  const vote* v = nullptr;
  std::string number;  ///< the delegate's roster number
  /// The verdict on the ballot: the one made outside the lock when it was made for this vote's
  /// election hash and joint key, else one made here.
  std::shared_ptr<const ballot_check> check;
  /// The ballot itself (the command's).
  const crypto::ballot* ballot = nullptr;
};

/// Who may send a ballot for `vote_id`, and the ballot's ownership: the actor is a seated,
/// checked-in delegate of the open vote, in its roster, and the ballot is signed by their own
/// key. Errors: permission_denied, not_a_voter, unknown_vote, vote_not_open, not_checked_in,
/// not_yourself. REQUIRES: `ballot` outlives the result.
[[nodiscard]] result<voter_ballot> check_voter_ballot(
    const congress_state& state, const std::string& vote_id, const crypto::ballot& ballot,
    const std::shared_ptr<const ballot_check>& checked, const context& ctx);

/// Shape before uniqueness, then uniqueness: malformed_ballot for a ballot that does not fit
/// the manifest, ballot_id_reused or ciphertext_reused for an id or alpha seen before in the
/// vote (or twice in this ballot).
[[nodiscard]] boost::system::error_code check_unused(const voter_ballot& vb);

}  // namespace plenum::server::domain::detail
