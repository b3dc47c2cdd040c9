#include "ballot_binding.hpp"
#include "plenum/crypto/ballot.hpp"

namespace plenum::crypto {

namespace {

bool shape_matches(const manifest& m, const ballot& b) {
  if (check_manifest(m)) return false;
  if (b.contests.size() != m.contests.size()) return false;
  for (std::size_t c = 0; c < m.contests.size(); ++c) {
    if (b.contests[c].options.size() != m.contests[c].options.size()) return false;
  }
  return b.constraint_proofs.size() == m.constraints.size();
}

ciphertext contest_sum(const encrypted_contest& contest) {
  ciphertext sum;
  for (const encrypted_option& option : contest.options) sum += option.ct;
  return sum;
}

}  // namespace

ballot_status verify_ballot(const manifest& m, const digest32& election_hash,
                            const point& joint_key, const ballot& b) {
  if (b.vote_id != m.vote_id) return ballot_status::wrong_vote_id;
  if (!shape_matches(m, b)) return ballot_status::malformed;
  for (const encrypted_contest& contest : b.contests) {
    for (const encrypted_option& option : contest.options) {
      if (option.ct.alpha.is_identity()) return ballot_status::invalid_point;
    }
  }

  const proof_binding binding = detail::binding_of(election_hash, b.ballot_id, b.voter_pk);
  for (std::size_t c = 0; c < b.contests.size(); ++c) {
    const encrypted_contest& contest = b.contests[c];
    for (std::size_t o = 0; o < contest.options.size(); ++o) {
      const encrypted_option& option = contest.options[o];
      if (!verify_range(binding, proof_subject::option(c, o), joint_key, option.ct,
                        detail::binary_values, option.proof)) {
        return ballot_status::bad_option_proof;
      }
    }
  }
  for (std::size_t c = 0; c < b.contests.size(); ++c) {
    const manifest_contest& mc = m.contests[c];
    const auto allowed = value_range(mc.min, mc.max);
    if (!verify_range(binding, proof_subject::contest(c), joint_key, contest_sum(b.contests[c]),
                      allowed, b.contests[c].proof)) {
      return ballot_status::bad_contest_proof;
    }
  }
  for (std::size_t q = 0; q < m.constraints.size(); ++q) {
    const manifest_constraint& mq = m.constraints[q];
    ciphertext sum;
    for (const position& p : mq.positions) {
      sum += b.contests[p.contest_index].options[p.option_index].ct;
    }
    const auto allowed = value_range(mq.min, mq.max);
    if (!verify_range(binding, proof_subject::constraint(q), joint_key, sum, allowed,
                      b.constraint_proofs[q])) {
      return ballot_status::bad_constraint_proof;
    }
  }
  if (!b.voter_pk.verify(ballot_digest(b, election_hash), b.sig)) {
    return ballot_status::bad_signature;
  }
  return ballot_status::ok;
}

}  // namespace plenum::crypto
