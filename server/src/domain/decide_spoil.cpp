// Spoiled ballots (CVP1 "Spoiled ballots"): a delegate challenges a ballot instead of casting it.
#include <algorithm>
#include <set>

#include "domain/ballot_check.hpp"
#include "domain/decide_internal.hpp"
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
  // Who may: as for cast_ballot.
  if (ctx.who.who != actor::kind::person || !ctx.who.device_key) return errc::permission_denied;
  if (!ctx.who.roles.has(role::delegate)) return errc::not_a_voter;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  if (v->state != vote::status::open) return errc::vote_not_open;
  const std::string& number = ctx.who.person_id;
  if (std::find(v->eligible.begin(), v->eligible.end(), number) == v->eligible.end())
    return errc::not_a_voter;
  const sitting* s = state.find_sitting(v->sitting_id);
  if (s == nullptr) return errc::internal;
  if (!s->present.contains(number)) return errc::not_checked_in;
  const auto& ceremony = s->ceremony;
  if (!ceremony || !ceremony->joint_key) return errc::internal;
  auto election_hash = crypto::from_hex_fixed<32>(v->election_hash);
  if (!election_hash) return errc::internal;

  std::optional<ballot_check> checked_here;
  const ballot_check* check = c.checked.get();
  if (check == nullptr || !check->made_for(*election_hash, *ceremony->joint_key)) {
    checked_here =
        check_ballot(ballot_basis{v->manifest, *election_hash, *ceremony->joint_key}, c.ballot);
    check = &*checked_here;
  }
  if (!check->decoded) return check->decoded.error();
  const crypto::ballot& b = *check->decoded;
  if (b.voter_pk != *ctx.who.device_key) return errc::not_yourself;
  const std::string voter_pk = b.voter_pk.hex();
  if (!std::binary_search(v->roster.begin(), v->roster.end(), voter_pk)) return errc::not_a_voter;
  // A delegate who has cast may no longer challenge: the cast ballot is final.
  if (v->ballots.contains(number)) return errc::already_voted;
  const json::object stored = protocol::encode_ballot(b);
  if (auto prior = v->spoiled.find(number); prior != v->spoiled.end()) {
    for (const spoiled_record& r : prior->second) {
      if (r.ballot != stored) continue;
      // The identical spoil message sent again: the same answer, nothing recorded.
      decision again;
      again.reply = {{"vote_id", c.vote_id},
                     {"board_seq", r.seq},
                     {"tracking_code", r.tracking_code},
                     {"choices", r.choices}};
      return again;
    }
  }
  if (spoiled_by(*v, number) >= ctx.config.max_spoiled_per_vote) return errc::challenge_limit;
  // Shape before uniqueness, then uniqueness, then the proofs and signature, as for a cast one.
  const auto& verified = check->verdict;
  if (!verified && verified.error() == errc::malformed_ballot) return verified.error();
  const std::string ballot_id = crypto::to_hex(b.ballot_id);
  if (v->ballot_ids.contains(ballot_id)) return errc::ballot_id_reused;
  std::set<std::string> own;
  for (const auto& contest : b.contests) {
    for (const auto& option : contest.options) {
      const std::string alpha = option.ct.alpha.hex();
      if (v->alphas.contains(alpha) || !own.insert(alpha).second) return errc::ciphertext_reused;
    }
  }
  if (!verified) return verified.error();
  // The openings: one per option, each opening its ciphertext.
  auto openings = protocol::decode_openings(c.nonces);
  if (!openings) return errc::malformed_ballot;
  const crypto::spoil_check opened =
      crypto::open_ballot(v->manifest, *ceremony->joint_key, b, *openings);
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
  return single("ballot_spoiled", {{"vote_id", c.vote_id},
                                   {"person", number},
                                   {"voter_pk", voter_pk},
                                   {"ballot_id", ballot_id},
                                   {"digest", crypto::to_hex(verified->digest)},
                                   {"tracking_code", crypto::to_hex(verified->tracking)},
                                   {"ballot", stored},
                                   {"nonces", protocol::encode_openings(*openings)},
                                   {"choices", protocol::encode_choices(opened.choices)}});
}

}  // namespace plenum::server::domain::detail
