// The reference path: every group operation by libsodium (through `point` and `scalar`),
// nothing from vartime/. Written from CVP1 §5 and §7 rather than from the engine's code, so
// that the two share only the hash and the signature checks.
#include "plenum/crypto/reference_verify.hpp"

#include "ballot_binding.hpp"
#include "plenum/crypto/hash.hpp"

namespace plenum::crypto::reference {

namespace {

bool increasing(std::span<const std::uint64_t> values) {
  if (values.empty()) return false;
  for (std::size_t j = 1; j < values.size(); ++j) {
    if (values[j] <= values[j - 1]) return false;
  }
  return true;
}

// The component-wise sum of some ciphertexts.
ciphertext sum_of(std::span<const ciphertext* const> cts) {
  ciphertext sum;
  for (const ciphertext* ct : cts) {
    sum.alpha += ct->alpha;
    sum.beta += ct->beta;
  }
  return sum;
}

}  // namespace

bool verify_range(const proof_binding& binding, const proof_subject& subject,
                  const point& joint_key, const ciphertext& ct,
                  std::span<const std::uint64_t> allowed, std::span<const proof_entry> proof) {
  if (!increasing(allowed) || proof.size() != allowed.size()) return false;
  transcript input("range");
  input.raw(binding.election_hash).raw(binding.ballot_id).raw(binding.voter_pk);
  subject.append_to(input);
  input.add(ct.alpha).add(ct.beta).u64(allowed.size());
  for (std::uint64_t v : allowed) input.u64(v);
  scalar sum;
  for (std::size_t j = 0; j < proof.size(); ++j) {
    const proof_entry& e = proof[j];
    const point shifted = ct.beta - point::small_multiple(allowed[j]);
    input.add(point::base_mul(e.z) - e.c * ct.alpha);
    input.add(e.z * joint_key - e.c * shifted);
    sum += e.c;
  }
  return sum == input.hs();
}

ballot_status verify_ballot(const manifest& m, const digest32& election_hash,
                            const point& joint_key, const ballot& b) {
  if (b.vote_id != m.vote_id) return ballot_status::wrong_vote_id;
  if (!detail::shape_matches(m, b)) return ballot_status::malformed;
  for (const encrypted_contest& contest : b.contests) {
    for (const encrypted_option& option : contest.options) {
      if (option.ct.alpha.is_identity()) return ballot_status::invalid_point;
    }
  }
  const proof_binding binding = detail::binding_of(election_hash, b.ballot_id, b.voter_pk);
  for (std::size_t c = 0; c < b.contests.size(); ++c) {
    const encrypted_contest& contest = b.contests[c];
    for (std::size_t o = 0; o < contest.options.size(); ++o) {
      if (!reference::verify_range(binding, proof_subject::option(c, o), joint_key,
                                   contest.options[o].ct, detail::binary_values,
                                   contest.options[o].proof)) {
        return ballot_status::bad_option_proof;
      }
    }
  }
  for (std::size_t c = 0; c < b.contests.size(); ++c) {
    std::vector<const ciphertext*> cts;
    for (const encrypted_option& option : b.contests[c].options) cts.push_back(&option.ct);
    const auto allowed = value_range(m.contests[c].min, m.contests[c].max);
    if (!reference::verify_range(binding, proof_subject::contest(c), joint_key, sum_of(cts),
                                 allowed, b.contests[c].proof)) {
      return ballot_status::bad_contest_proof;
    }
  }
  for (std::size_t q = 0; q < m.constraints.size(); ++q) {
    const manifest_constraint& mq = m.constraints[q];
    std::vector<const ciphertext*> cts;
    for (const position& p : mq.positions) {
      cts.push_back(&b.contests[p.contest_index].options[p.option_index].ct);
    }
    const auto allowed = value_range(mq.min, mq.max);
    if (!reference::verify_range(binding, proof_subject::constraint(q), joint_key, sum_of(cts),
                                 allowed, b.constraint_proofs[q])) {
      return ballot_status::bad_constraint_proof;
    }
  }
  if (!b.voter_pk.verify(ballot_digest(b, election_hash), b.sig)) {
    return ballot_status::bad_signature;
  }
  return ballot_status::ok;
}

bool check_partial_decryption(const ceremony_params& params, const ceremony_keys& keys,
                              const digest32& election_hash, std::span<const ciphertext> aggregates,
                              const partial_decryption& partial) {
  const std::uint64_t index = partial.index;
  if (!params.is_index(index) || keys.verification_keys.size() != params.n()) return false;
  if (partial.shares.size() != aggregates.size()) return false;
  const point& z = keys.verification_keys[index - 1];
  for (std::size_t p = 0; p < aggregates.size(); ++p) {
    const point& a_agg = aggregates[p].alpha;
    const decryption_share& s = partial.shares[p];
    if (s.m.is_identity() != a_agg.is_identity()) return false;
    transcript t("decrypt");
    t.raw(election_hash).u64(index).add(z).add(a_agg).add(s.m);
    t.add(point::base_mul(s.v) - s.c * z).add(s.v * a_agg - s.c * s.m);
    if (!(t.hs() == s.c)) return false;
  }
  return params.scrutineer(index).verify(
      partial_digest(election_hash, index, aggregates, partial.shares), partial.sig);
}

}  // namespace plenum::crypto::reference
