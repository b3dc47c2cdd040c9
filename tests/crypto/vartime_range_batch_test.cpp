// Range proofs verified together (crypto/src/range_batch.hpp): the commitments computed at
// half scalars and encoded in batches give every answer that computing them directly gives,
// whatever 4-torsion component the representatives carry, and the first failing proof of a
// batch is the one named, across the encoding batch's size limit.
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "plenum/crypto/elgamal.hpp"
#include "plenum/crypto/range_proof.hpp"
#include "range_batch.hpp"
#include "vartime/public_point.hpp"

namespace plenum::crypto {
namespace {

// (0, −1) of order 2 and (sqrt(−1), 0) of order 4: adding them changes the representative,
// not the ristretto255 element.
const vartime::extended_point t2 = {vartime::field_zero(), -vartime::field_one(),
                                    vartime::field_one(), vartime::field_zero()};
const vartime::extended_point t4 = {vartime::sqrt_m1(), vartime::field_zero(), vartime::field_one(),
                                    vartime::field_zero()};

class VartimeRangeBatch : public ::testing::Test {
 protected:
  seeded_random rng_{"vartime range batch"};
  scalar key_secret_ = scalar::random_nonzero(rng_);
  point key_ = point::base_mul(key_secret_);
  proof_binding binding_{{1, 1, 2}, {3, 5, 8}, {13, 21, 34}};

  // A ciphertext of allowed[index] with its proof for `subject`.
  struct statement {
    ciphertext ct;
    range_proof proof;
  };
  statement make(const proof_subject& subject, const std::vector<std::uint64_t>& allowed,
                 std::size_t index) {
    const scalar r = scalar::random_nonzero(rng_);
    const ciphertext ct = encrypt(allowed[index], r, key_);
    return {ct, *prove_range(binding_, subject, key_, ct, allowed, index, r, rng_)};
  }
};

TEST_F(VartimeRangeBatch, TorsionShiftedRepresentativesGiveTheSameAnswers) {
  const std::vector<std::uint64_t> allowed = value_range(0, 5);
  const proof_subject subject = proof_subject::contest(0);
  const vartime::split_tables key_shifted(vartime::decode_public(key_) + t4);
  for (int round = 0; round < 12; ++round) {
    const statement s = make(subject, allowed, static_cast<std::size_t>(round) % allowed.size());
    detail::public_ciphertext shifted = detail::public_ciphertext::decode(s.ct);
    shifted.alpha = shifted.alpha + (round % 2 == 0 ? t4 : t2);
    shifted.beta = shifted.beta - t4;
    EXPECT_TRUE(
        detail::verify_range_public(binding_, subject, key_shifted, shifted, allowed, s.proof));
    range_proof altered = s.proof;
    altered[static_cast<std::size_t>(round) % altered.size()].z += scalar::from_u64(1);
    EXPECT_FALSE(
        detail::verify_range_public(binding_, subject, key_shifted, shifted, allowed, altered));
  }
}

TEST_F(VartimeRangeBatch, NamesTheFirstFailingProofAcrossBatches) {
  // 40 proofs of 4 entries: 320 commitments, more than one encoding batch.
  static_assert(detail::max_encoding_batch < 320);
  const std::vector<std::uint64_t> allowed = value_range(2, 5);
  const std::vector<std::uint64_t> unsorted = {3, 2, 4, 5};
  std::vector<statement> statements;
  std::vector<detail::range_claim> claims;
  for (std::uint64_t k = 0; k < 40; ++k) {
    statements.push_back(make(proof_subject::option(0, k), allowed, k % allowed.size()));
  }
  for (std::uint64_t k = 0; k < 40; ++k) {
    claims.push_back({proof_subject::option(0, k),
                      detail::public_ciphertext::decode(statements[k].ct), allowed,
                      statements[k].proof});
  }
  const vartime::split_tables& key = detail::joint_key_tables(key_);
  EXPECT_EQ(detail::first_failing_range_proof(binding_, key, claims), std::nullopt);
  EXPECT_EQ(detail::first_failing_range_proof(binding_, key, {}), std::nullopt);

  // A wrong challenge in proof 37 (in the last batch), then also in proof 3.
  range_proof late = statements[37].proof;
  late[1].c += scalar::from_u64(1);
  claims[37].proof = late;
  EXPECT_EQ(detail::first_failing_range_proof(binding_, key, claims), std::size_t{37});
  range_proof early = statements[3].proof;
  early[0].z += scalar::from_u64(1);
  claims[3].proof = early;
  EXPECT_EQ(detail::first_failing_range_proof(binding_, key, claims), std::size_t{3});

  // Malformed claims fail on their form, wherever they stand.
  claims[3].proof = statements[3].proof;
  claims[37].proof = statements[37].proof;
  claims[20].allowed = unsorted;
  EXPECT_EQ(detail::first_failing_range_proof(binding_, key, claims), std::size_t{20});
  claims[20].allowed = allowed;
  claims[30].proof = std::span<const proof_entry>(statements[30].proof).first(3);
  EXPECT_EQ(detail::first_failing_range_proof(binding_, key, claims), std::size_t{30});
  // The subject is bound: proofs exchanged between claims fail.
  claims[30].proof = statements[31].proof;
  claims[31].proof = statements[30].proof;
  EXPECT_EQ(detail::first_failing_range_proof(binding_, key, claims), std::size_t{30});
}

}  // namespace
}  // namespace plenum::crypto
