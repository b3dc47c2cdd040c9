#include "domain/voter_ballot.hpp"

#include <algorithm>
#include <set>

namespace plenum::server::domain::detail {

result<voter_ballot> check_voter_ballot(const congress_state& state, const std::string& vote_id,
                                        const crypto::ballot& ballot,
                                        const std::shared_ptr<const ballot_check>& checked,
                                        const context& ctx) {
  if (ctx.who.who != actor::kind::person || !ctx.who.device_key) return errc::permission_denied;
  if (!ctx.who.roles.has(role::delegate)) return errc::not_a_voter;
  const vote* v = state.find_vote(vote_id);
  if (v == nullptr) return errc::unknown_vote;
  if (v->state != vote::status::open) return errc::vote_not_open;
  const std::string& number = ctx.who.person_id;
  if (!std::binary_search(v->eligible_sorted.begin(), v->eligible_sorted.end(), number))
    return errc::not_a_voter;
  const sitting* s = state.find_sitting(v->sitting_id);
  if (s == nullptr) return errc::internal;
  if (!s->present.contains(number)) return errc::not_checked_in;
  const auto& ceremony = s->ceremony;
  if (!ceremony || !ceremony->joint_key) return errc::internal;
  auto election_hash = crypto::from_hex_fixed<32>(v->election_hash);
  if (!election_hash) return errc::internal;
  // The cryptography, checked outside the lock when the service could (the same vote's
  // basis), else here.
  voter_ballot out{v, number, checked, &ballot};
  if (!out.check || !out.check->made_for(*election_hash, *ceremony->joint_key)) {
    out.check = std::make_shared<const ballot_check>(
        check_ballot(ballot_basis{v->manifest, *election_hash, *ceremony->joint_key}, ballot));
  }
  const crypto::ballot& b = ballot;
  if (b.voter_pk != *ctx.who.device_key) return errc::not_yourself;
  if (!std::binary_search(v->roster.begin(), v->roster.end(), b.voter_pk.hex()))
    return errc::not_a_voter;
  return out;
}

boost::system::error_code check_unused(const voter_ballot& vb) {
  // Shape before uniqueness: a ballot that does not fit the manifest (150 copies of its one
  // contest) is malformed, whatever else it repeats.
  const auto& verified = vb.check->verdict;
  if (!verified && verified.error() == errc::malformed_ballot) return verified.error();
  const crypto::ballot& b = *vb.ballot;
  if (vb.v->ballot_ids.contains(b.ballot_id)) return errc::ballot_id_reused;
  std::set<crypto::byte_array<32>> own;
  for (const auto& contest : b.contests) {
    for (const auto& option : contest.options) {
      const auto& alpha = option.ct.alpha.bytes();
      if (vb.v->alphas.contains(alpha) || !own.insert(alpha).second) return errc::ciphertext_reused;
    }
  }
  return {};
}

}  // namespace plenum::server::domain::detail
