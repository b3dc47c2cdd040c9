// Edge cases of the verification equations, on both engines (the variable-time one and the
// reference path on libsodium): proof entries whose challenge or response is 0 (products with
// a zero scalar, the identity as a_j or b_j), and allowed values of 64 and more (beyond the
// engine's table of small multiples) inside whole range proofs and a whole ballot.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/range_proof.hpp"
#include "plenum/crypto/reference_verify.hpp"

namespace plenum::crypto {
namespace {

// A simulated branch the test chooses: its index in V and its (c, z).
struct chosen_entry {
  std::size_t index;
  scalar c;
  scalar z;
};

// A range proof made step by step from CVP1 §5 with some simulated branches chosen by the
// caller (any scalars, zero included) and the others random: a valid proof that
// prove_range would produce only by chance.
range_proof prove_with(const proof_binding& binding, const proof_subject& subject, const point& key,
                       const ciphertext& ct, const std::vector<std::uint64_t>& allowed,
                       std::size_t real, const scalar& nonce,
                       const std::vector<chosen_entry>& chosen, random_source& rng) {
  range_proof proof(allowed.size());
  for (std::size_t j = 0; j < allowed.size(); ++j) {
    proof[j] = {scalar::random(rng), scalar::random(rng)};
  }
  for (const chosen_entry& e : chosen) proof[e.index] = {e.c, e.z};
  const scalar w = scalar::random_nonzero(rng);
  transcript input("range");
  input.raw(binding.election_hash).raw(binding.ballot_id).raw(binding.voter_pk);
  subject.append_to(input);
  input.add(ct.alpha).add(ct.beta).u64(allowed.size());
  for (std::uint64_t v : allowed) input.u64(v);
  scalar others;
  for (std::size_t j = 0; j < allowed.size(); ++j) {
    if (j == real) {
      input.add(point::base_mul(w)).add(w * key);
      continue;
    }
    const proof_entry& e = proof[j];
    input.add(point::base_mul(e.z) - e.c * ct.alpha);
    input.add(e.z * key - e.c * (ct.beta - point::small_multiple(allowed[j])));
    others += e.c;
  }
  proof[real].c = input.hs() - others;
  proof[real].z = w + proof[real].c * nonce;
  return proof;
}

class VerifyEdges : public ::testing::Test {
 protected:
  seeded_random rng_{"verification edge cases"};
  scalar key_secret_ = scalar::random_nonzero(rng_);
  point key_ = point::base_mul(key_secret_);
  proof_binding binding_{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  proof_subject subject_ = proof_subject::contest(0);

  // Both engines' answers, which must agree; returns the engine's.
  bool both(const ciphertext& ct, const std::vector<std::uint64_t>& allowed,
            const range_proof& proof) {
    const bool fast = verify_range(binding_, subject_, key_, ct, allowed, proof);
    EXPECT_EQ(fast, reference::verify_range(binding_, subject_, key_, ct, allowed, proof));
    return fast;
  }
};

TEST_F(VerifyEdges, EntriesWithAZeroChallengeOrResponse) {
  const std::vector<std::uint64_t> allowed{0, 1, 2, 3};
  const scalar zero;
  for (std::size_t real = 0; real < allowed.size(); ++real) {
    SCOPED_TRACE(real);
    const scalar r = real == 2 ? scalar{} : scalar::random_nonzero(rng_);  // alpha = identity
    const ciphertext ct = encrypt(allowed[real], r, key_);
    const std::size_t a = (real + 1) % 4, b = (real + 2) % 4, d = (real + 3) % 4;
    // c = 0 (a_j = z·G, b_j = z·K); z = 0 (a_j = −c·alpha); both 0 (a_j = b_j = identity).
    const std::vector<chosen_entry> chosen = {{a, zero, scalar::random_nonzero(rng_)},
                                              {b, scalar::random_nonzero(rng_), zero},
                                              {d, zero, zero}};
    const range_proof proof =
        prove_with(binding_, subject_, key_, ct, allowed, real, r, chosen, rng_);
    EXPECT_TRUE(proof[a].c.is_zero() && proof[b].z.is_zero() && proof[d].c.is_zero());
    ASSERT_TRUE(both(ct, allowed, proof));
    // The same proof is refused for another statement, and with any zero entry changed.
    EXPECT_FALSE(both({ct.alpha, ct.beta + point::generator()}, allowed, proof));
    for (const chosen_entry& e : chosen) {
      range_proof altered = proof;
      altered[e.index].c += scalar::from_u64(1);
      EXPECT_FALSE(both(ct, allowed, altered));
      altered = proof;
      altered[e.index].z += scalar::from_u64(1);
      EXPECT_FALSE(both(ct, allowed, altered));
    }
    // The real branch's challenge or response set to 0 is refused.
    range_proof altered = proof;
    altered[real].c = zero;
    EXPECT_FALSE(both(ct, allowed, altered));
    altered = proof;
    altered[real].z = zero;
    EXPECT_FALSE(both(ct, allowed, altered));
  }
  // An all-zero proof proves nothing.
  const ciphertext ct = encrypt(1, scalar::random_nonzero(rng_), key_);
  EXPECT_FALSE(both(ct, allowed, range_proof(allowed.size())));
}

TEST_F(VerifyEdges, AllowedValuesOfSixtyFourAndMore) {
  const std::vector<std::vector<std::uint64_t>> lists = {
      value_range(62, 66), {0, 63, 64, 65, 127, 128, 1000, 65535}, {64}, {1u << 20, 1u << 30}};
  for (const auto& allowed : lists) {
    for (std::size_t index = 0; index < allowed.size(); ++index) {
      SCOPED_TRACE(allowed[index]);
      const scalar r = scalar::random_nonzero(rng_);
      const ciphertext ct = encrypt(allowed[index], r, key_);
      const auto proof = prove_range(binding_, subject_, key_, ct, allowed, index, r, rng_);
      ASSERT_TRUE(proof.has_value());
      ASSERT_TRUE(both(ct, allowed, *proof));
      // One more or one less than the value encrypted: refused.
      EXPECT_FALSE(both({ct.alpha, ct.beta + point::generator()}, allowed, *proof));
      EXPECT_FALSE(both({ct.alpha, ct.beta - point::generator()}, allowed, *proof));
      range_proof altered = *proof;
      altered[index].z += scalar::from_u64(1);
      EXPECT_FALSE(both(ct, allowed, altered));
    }
  }
}

TEST(VerifyEdgesBallot, AConstraintSumOfSixtyFiveInAWholeBallot) {
  // 66 candidates, 66 seats: the constraint's allowed values are 0..66, and approving 65 makes
  // its sum 65, proved and checked beyond the small-multiple table.
  seeded_random rng("verification edge ballot");
  const point key = point::base_mul(scalar::random_nonzero(rng));
  const secret_key voter = secret_key::generate(rng);
  const digest32 election{0x64};
  std::vector<std::string> names;
  for (int i = 0; i < 66; ++i) names.push_back("candidate " + std::to_string(i));
  const manifest m = election_manifest("v", "election", names, 66);
  ASSERT_FALSE(check_manifest(m).has_value());
  ballot_choices choices(66, {1, 0});
  choices[7] = {0, 1};
  const auto made = make_ballot(m, election, key, voter, choices, rng);
  ASSERT_TRUE(made.has_value());
  EXPECT_EQ(verify_ballot(m, election, key, *made), ballot_status::ok);
  EXPECT_EQ(reference::verify_ballot(m, election, key, *made), ballot_status::ok);
  ballot altered = *made;
  altered.constraint_proofs[0][65].c += scalar::from_u64(1);
  EXPECT_EQ(verify_ballot(m, election, key, altered), ballot_status::bad_constraint_proof);
  EXPECT_EQ(reference::verify_ballot(m, election, key, altered),
            ballot_status::bad_constraint_proof);
}

}  // namespace
}  // namespace plenum::crypto
