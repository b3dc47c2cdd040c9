// Spoiled ballots (CVP1 "Spoiled ballots"): a delegate challenges a ballot instead of casting it.
#include <algorithm>
#include <set>

#include "domain/ballot_check.hpp"
#include "domain/decide_internal.hpp"
#include "domain/voter_ballot.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_spoil.hpp"

namespace plenum::server::domain::detail {

namespace json = boost::json;

namespace {

std::size_t spoiled_by(const vote& v, const std::string& number) {
  auto it = v.spoiled.find(number);
  return it == v.spoiled.end() ? 0 : it->second.size();
}

}  // namespace

result<decision> handle(const congress_state& state, const spoil_ballot& c, const context& ctx) {
  // Who may, and which ballot: as for cast_ballot.
  auto vb = check_voter_ballot(state, c.vote_id, c.ballot, c.checked, ctx);
  if (!vb) return vb.error();
  const vote* v = vb->v;
  const std::string& number = vb->number;
  // A delegate who has cast may no longer challenge: the cast ballot is final.
  if (v->ballots.contains(number)) return errc::already_voted;
  if (auto prior = v->spoiled.find(number); prior != v->spoiled.end()) {
    for (const spoiled_record& r : prior->second) {
      if (r.ballot != c.ballot) continue;
      // The identical spoil message sent again: the same answer, nothing recorded.
      decision again;
      again.repeat = repeated_ballot{r.seq, *crypto::from_hex_fixed<32>(r.tracking_code),
                                     *crypto::from_hex_fixed<32>(r.digest), r.choices};
      return again;
    }
  }
  if (spoiled_by(*v, number) >= ctx.config.max_spoiled_per_vote) return errc::challenge_limit;
  // Shape before uniqueness, then uniqueness, then the proofs and signature, as for a cast one.
  if (auto ec = check_unused(*vb)) return ec;
  const auto& verified = vb->check->verdict;
  if (!verified) return verified.error();
  const crypto::ballot& b = c.ballot;
  const sitting* s = state.find_sitting(v->sitting_id);
  if (s == nullptr || !s->ceremony || !s->ceremony->joint_key) return errc::internal;
  const auto& ceremony = s->ceremony;
  // The openings: one per option, each opening its ciphertext.
  const crypto::spoil_check opened =
      crypto::open_ballot(v->manifest, *ceremony->joint_key, b, c.nonces);
  switch (opened.status) {
    case crypto::spoil_status::ok:
      break;
    case crypto::spoil_status::bad_nonce:
      return errc::bad_nonce;
    case crypto::spoil_status::malformed_nonces:
    case crypto::spoil_status::choices_not_valid:
    case crypto::spoil_status::bad_ballot:
      return errc::malformed_ballot;
  }
  return single(events::ballot_spoiled{c.vote_id, number, b.voter_pk, b.ballot_id, verified->digest,
                                       verified->tracking, b, c.nonces, opened.choices});
}

}  // namespace plenum::server::domain::detail
