#include <utility>

#include "ballot_binding.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"

namespace plenum::crypto {

std::optional<choice_problem> check_choices(const manifest& m, const ballot_choices& choices) {
  if (check_manifest(m)) return choice_problem::invalid_manifest;
  if (choices.size() != m.contests.size()) return choice_problem::wrong_shape;
  for (std::size_t c = 0; c < choices.size(); ++c) {
    if (choices[c].size() != m.contests[c].options.size()) return choice_problem::wrong_shape;
  }
  for (const auto& contest : choices) {
    for (std::uint8_t v : contest) {
      if (v > 1) return choice_problem::not_binary;
    }
  }
  for (std::size_t c = 0; c < choices.size(); ++c) {
    std::uint64_t marks = 0;
    for (std::uint8_t v : choices[c]) marks += v;
    if (marks < m.contests[c].min || marks > m.contests[c].max) {
      return choice_problem::contest_out_of_bounds;
    }
  }
  for (const manifest_constraint& q : m.constraints) {
    std::uint64_t marks = 0;
    for (const position& p : q.positions) marks += choices[p.contest_index][p.option_index];
    if (marks < q.min || marks > q.max) return choice_problem::constraint_out_of_bounds;
  }
  return std::nullopt;
}

std::optional<opened_ballot> make_opened_ballot(const manifest& m, const digest32& election_hash,
                                                const point& joint_key, const secret_key& voter,
                                                const ballot_choices& choices,
                                                random_source& source) {
  if (check_choices(m, choices)) return std::nullopt;
  ballot b{m.vote_id, {}, voter.public_part(), {}, {}, {}};
  source.fill(b.ballot_id);
  const proof_binding binding = detail::binding_of(election_hash, b.ballot_id, b.voter_pk);

  // nonces[c][o]: kept until the contest and constraint proofs are made; scalars wipe
  // themselves when the vectors are destroyed.
  std::vector<std::vector<scalar>> nonces(m.contests.size());
  b.contests.resize(m.contests.size());
  for (std::size_t c = 0; c < m.contests.size(); ++c) {
    const manifest_contest& mc = m.contests[c];
    encrypted_contest& contest = b.contests[c];
    nonces[c].reserve(mc.options.size());
    contest.options.reserve(mc.options.size());
    ciphertext sum;
    scalar nonce_sum;
    std::uint64_t marks = 0;
    for (std::size_t o = 0; o < mc.options.size(); ++o) {
      const std::uint8_t v = choices[c][o];
      const scalar& r = nonces[c].emplace_back(scalar::random_nonzero(source));
      ciphertext ct = encrypt(v, r, joint_key);
      auto proof = prove_range(binding, proof_subject::option(c, o), joint_key, ct,
                               detail::binary_values, v, r, source);
      sum += ct;
      nonce_sum += r;
      marks += v;
      contest.options.push_back({ct, std::move(*proof)});
    }
    const auto allowed = value_range(mc.min, mc.max);
    contest.proof = *prove_range(binding, proof_subject::contest(c), joint_key, sum, allowed,
                                 marks - mc.min, nonce_sum, source);
  }
  for (std::size_t q = 0; q < m.constraints.size(); ++q) {
    const manifest_constraint& mq = m.constraints[q];
    ciphertext sum;
    scalar nonce_sum;
    std::uint64_t marks = 0;
    for (const position& p : mq.positions) {
      sum += b.contests[p.contest_index].options[p.option_index].ct;
      nonce_sum += nonces[p.contest_index][p.option_index];
      marks += choices[p.contest_index][p.option_index];
    }
    const auto allowed = value_range(mq.min, mq.max);
    b.constraint_proofs.push_back(*prove_range(binding, proof_subject::constraint(q), joint_key,
                                               sum, allowed, marks - mq.min, nonce_sum, source));
  }
  const digest32 digest = ballot_digest(b, election_hash);
  b.sig = voter.sign(digest);
  opened_ballot out{std::move(b), {}};
  out.openings.resize(nonces.size());
  for (std::size_t c = 0; c < nonces.size(); ++c) {
    for (std::size_t o = 0; o < nonces[c].size(); ++o) {
      out.openings[c].push_back({nonces[c][o], choices[c][o]});
    }
  }
  return out;
}

std::optional<ballot> make_ballot(const manifest& m, const digest32& election_hash,
                                  const point& joint_key, const secret_key& voter,
                                  const ballot_choices& choices, random_source& source) {
  auto opened = make_opened_ballot(m, election_hash, joint_key, voter, choices, source);
  if (!opened) return std::nullopt;
  // The openings wipe themselves here; only the ballot leaves.
  return std::move(opened->b);
}

}  // namespace plenum::crypto
