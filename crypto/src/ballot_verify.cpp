#include "ballot_binding.hpp"
#include "decoded_ciphertexts.hpp"
#include "plenum/crypto/ballot.hpp"
#include "range_batch.hpp"
#include "range_verify.hpp"
#include "vartime/public_point.hpp"

namespace plenum::crypto {

namespace {

using detail::public_ciphertext;
using decoded_options = std::vector<std::vector<public_ciphertext>>;

// The component-wise sum of some of the ballot's ciphertexts, encoded for its challenge.
template <typename Positions, typename At>
public_ciphertext sum_of(const Positions& positions, At at) {
  vartime::extended_point alpha = vartime::identity_point();
  vartime::extended_point beta = vartime::identity_point();
  for (const auto& p : positions) {
    const public_ciphertext& ct = at(p);
    alpha = alpha + ct.alpha;
    beta = beta + ct.beta;
  }
  return public_ciphertext::encode(alpha, beta);
}

// Whether `d` holds exactly the ballot's option ciphertexts: the same encodings, in order.
bool holds_ciphertexts_of(const detail::decoded_ciphertexts& d, const ballot& b) {
  std::size_t next = 0;
  for (const encrypted_contest& contest : b.contests) {
    for (const encrypted_option& option : contest.options) {
      if (next == d.positions.size()) return false;
      const public_ciphertext& ct = d.positions[next++];
      if (ct.alpha_bytes != option.ct.alpha.bytes() || ct.beta_bytes != option.ct.beta.bytes())
        return false;
    }
  }
  return next == d.positions.size();
}

}  // namespace

ballot_status verify_ballot(const manifest& m, const digest32& election_hash,
                            const point& joint_key, const ballot& b) {
  return verify_ballot(m, election_hash, joint_key, b, nullptr);
}

ballot_status verify_ballot(const manifest& m, const digest32& election_hash,
                            const point& joint_key, const ballot& b,
                            decoded_ballot_points* decoded) {
  if (b.vote_id != m.vote_id) return ballot_status::wrong_vote_id;
  if (!detail::shape_matches(m, b)) return ballot_status::malformed;
  for (const encrypted_contest& contest : b.contests) {
    for (const encrypted_option& option : contest.options) {
      if (option.ct.alpha.is_identity()) return ballot_status::invalid_point;
    }
  }

  // Every point is public: decoded once for the variable-time engine, by the ballot's parser
  // when it handed its decodings in, else here.
  const vartime::split_tables& key = detail::joint_key_tables(joint_key);
  const detail::decoded_ciphertexts* given = decoded != nullptr ? decoded->get() : nullptr;
  if (given != nullptr && !holds_ciphertexts_of(*given, b)) given = nullptr;
  decoded_options options(b.contests.size());
  std::size_t next = 0;
  for (std::size_t c = 0; c < b.contests.size(); ++c) {
    for (const encrypted_option& option : b.contests[c].options) {
      options[c].push_back(given != nullptr ? given->positions[next++]
                                            : public_ciphertext::decode(option.ct));
    }
  }

  // Every proof of the ballot, verified together (their commitments encoded in batches) and
  // judged in this order: options, contests, constraints.
  const proof_binding binding = detail::binding_of(election_hash, b.ballot_id, b.voter_pk);
  std::vector<detail::range_claim> claims;
  std::vector<ballot_status> status_if_failing;
  std::vector<std::vector<std::uint64_t>> ranges(b.contests.size() + m.constraints.size());
  for (std::size_t c = 0; c < b.contests.size(); ++c) {
    const encrypted_contest& contest = b.contests[c];
    for (std::size_t o = 0; o < contest.options.size(); ++o) {
      claims.push_back({proof_subject::option(c, o), options[c][o], detail::binary_values,
                        contest.options[o].proof});
      status_if_failing.push_back(ballot_status::bad_option_proof);
    }
  }
  for (std::size_t c = 0; c < b.contests.size(); ++c) {
    const manifest_contest& mc = m.contests[c];
    ranges[c] = value_range(mc.min, mc.max);
    const public_ciphertext sum = sum_of(
        options[c], [](const public_ciphertext& ct) -> const public_ciphertext& { return ct; });
    claims.push_back({proof_subject::contest(c), sum, ranges[c], b.contests[c].proof});
    status_if_failing.push_back(ballot_status::bad_contest_proof);
  }
  for (std::size_t q = 0; q < m.constraints.size(); ++q) {
    const manifest_constraint& mq = m.constraints[q];
    std::vector<std::uint64_t>& allowed = ranges[b.contests.size() + q];
    allowed = value_range(mq.min, mq.max);
    const public_ciphertext sum =
        sum_of(mq.positions, [&](const position& p) -> const public_ciphertext& {
          return options[p.contest_index][p.option_index];
        });
    claims.push_back({proof_subject::constraint(q), sum, allowed, b.constraint_proofs[q]});
    status_if_failing.push_back(ballot_status::bad_constraint_proof);
  }
  if (const auto failing = detail::first_failing_range_proof(binding, key, claims)) {
    return status_if_failing[*failing];
  }
  if (!b.voter_pk.verify(ballot_digest(b, election_hash), b.sig)) {
    return ballot_status::bad_signature;
  }
  if (decoded != nullptr && given == nullptr) {
    auto points = std::make_shared<detail::decoded_ciphertexts>();
    for (auto& contest : options)
      for (auto& ct : contest) points->positions.push_back(std::move(ct));
    *decoded = decoded_ballot_points(std::move(points));
  }
  return ballot_status::ok;
}

}  // namespace plenum::crypto
