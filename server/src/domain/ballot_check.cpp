#include "domain/ballot_check.hpp"

#include "domain/state.hpp"

namespace plenum::server::domain {

namespace {

errc ballot_error(crypto::ballot_status status) {
  switch (status) {
    case crypto::ballot_status::ok:
      return errc::success_;
    case crypto::ballot_status::wrong_vote_id:
      return errc::wrong_election;
    case crypto::ballot_status::malformed:
      return errc::malformed_ballot;
    case crypto::ballot_status::invalid_point:
      return errc::invalid_point;
    case crypto::ballot_status::non_canonical_scalar:
      return errc::non_canonical_scalar;
    case crypto::ballot_status::bad_option_proof:
    case crypto::ballot_status::bad_contest_proof:
    case crypto::ballot_status::bad_constraint_proof:
      return errc::bad_proof;
    case crypto::ballot_status::bad_signature:
      return errc::bad_signature;
  }
  return errc::malformed_ballot;
}

}  // namespace

std::optional<ballot_basis> ballot_basis_for(const congress_state& state,
                                             const std::string& vote_id) {
  const vote* v = state.find_vote(vote_id);
  if (v == nullptr || v->state != vote::status::open) return std::nullopt;
  const sitting* s = state.find_sitting(v->sitting_id);
  if (s == nullptr || !s->ceremony || !s->ceremony->joint_key) return std::nullopt;
  auto election_hash = crypto::from_hex_fixed<32>(v->election_hash);
  if (!election_hash) return std::nullopt;
  return ballot_basis{v->manifest, *election_hash, *s->ceremony->joint_key};
}

bool ballot_check::made_for(const crypto::digest32& hash, const crypto::point& key) const {
  return election_hash == hash && joint_key == key;
}

ballot_check check_ballot(const ballot_basis& basis, const crypto::ballot& b,
                          crypto::decoded_ballot_points points) {
  ballot_check out;
  out.election_hash = basis.election_hash;
  out.joint_key = basis.joint_key;
  const auto status =
      crypto::verify_ballot(basis.manifest, basis.election_hash, basis.joint_key, b, &points);
  if (status != crypto::ballot_status::ok) {
    out.verdict = ballot_error(status);
  } else {
    verified_ballot v;
    v.points = std::move(points);
    v.digest = crypto::ballot_digest(b, basis.election_hash);
    v.tracking = crypto::tracking_code(v.digest, b.sig);
    out.verdict = v;
  }
  return out;
}

}  // namespace plenum::server::domain
