#include "plenum/crypto/range_proof.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace plenum::crypto {
namespace {

class RangeProof : public ::testing::Test {
 protected:
  seeded_random rng_{"range proof test"};
  scalar key_secret_ = scalar::random_nonzero(rng_);
  point joint_key_ = point::base_mul(key_secret_);
  proof_binding binding_{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  proof_subject subject_ = proof_subject::option(2, 1);

  // Encrypts `m`, proves it holds allowed[index], and verifies with the same statement.
  bool round_trip(std::uint64_t m, const std::vector<std::uint64_t>& allowed, std::size_t index) {
    const scalar r = scalar::random_nonzero(rng_);
    const ciphertext ct = encrypt(m, r, joint_key_);
    auto proof = prove_range(binding_, subject_, joint_key_, ct, allowed, index, r, rng_);
    if (!proof || proof->size() != allowed.size()) return false;
    return verify_range(binding_, subject_, joint_key_, ct, allowed, *proof);
  }
};

TEST_F(RangeProof, BinaryValuesProveAndVerify) {
  EXPECT_TRUE(round_trip(0, {0, 1}, 0));
  EXPECT_TRUE(round_trip(1, {0, 1}, 1));
}

TEST_F(RangeProof, SingleValueList) {
  EXPECT_TRUE(round_trip(1, {1}, 0));
  EXPECT_FALSE(round_trip(0, {1}, 0));
  EXPECT_FALSE(round_trip(2, {1}, 0));
}

TEST_F(RangeProof, EveryValueOfZeroToFive) {
  const std::vector<std::uint64_t> allowed{0, 1, 2, 3, 4, 5};
  for (std::size_t s = 0; s < allowed.size(); ++s) EXPECT_TRUE(round_trip(s, allowed, s)) << s;
}

TEST_F(RangeProof, ClaimingTheWrongValueFails) {
  EXPECT_FALSE(round_trip(1, {0, 1}, 0));
  EXPECT_FALSE(round_trip(0, {0, 1}, 1));
  EXPECT_FALSE(round_trip(3, {0, 1, 2, 3, 4, 5}, 2));
}

TEST_F(RangeProof, ValueOutsideTheListCannotBeProven) {
  // A ciphertext of 2 with a proof made as if it held 1: the forgery does not verify.
  EXPECT_FALSE(round_trip(2, {0, 1}, 1));
  EXPECT_FALSE(round_trip(2, {0, 1}, 0));
  EXPECT_FALSE(round_trip(6, {0, 1, 2, 3, 4, 5}, 5));
}

TEST_F(RangeProof, NonConsecutiveValues) {
  EXPECT_TRUE(round_trip(7, {2, 7, 70}, 1));
  EXPECT_TRUE(round_trip(70, {2, 7, 70}, 2));  // beyond the precomputed small multiples
  EXPECT_FALSE(round_trip(8, {2, 7, 70}, 1));
}

TEST_F(RangeProof, BadListsAreRefused) {
  const scalar r = scalar::random_nonzero(rng_);
  const ciphertext ct = encrypt(1, r, joint_key_);
  const std::vector<std::uint64_t> empty;
  const std::vector<std::uint64_t> unsorted{1, 0};
  const std::vector<std::uint64_t> repeated{1, 1};
  EXPECT_FALSE(prove_range(binding_, subject_, joint_key_, ct, empty, 0, r, rng_));
  EXPECT_FALSE(prove_range(binding_, subject_, joint_key_, ct, unsorted, 0, r, rng_));
  EXPECT_FALSE(prove_range(binding_, subject_, joint_key_, ct, repeated, 0, r, rng_));
  const std::vector<std::uint64_t> binary{0, 1};
  EXPECT_FALSE(prove_range(binding_, subject_, joint_key_, ct, binary, 2, r, rng_));
  auto proof = prove_range(binding_, subject_, joint_key_, ct, binary, 1, r, rng_);
  ASSERT_TRUE(proof);
  EXPECT_FALSE(verify_range(binding_, subject_, joint_key_, ct, unsorted, *proof));
  EXPECT_FALSE(verify_range(binding_, subject_, joint_key_, ct, std::vector<std::uint64_t>{0, 1, 2},
                            *proof));
  EXPECT_FALSE(verify_range(binding_, subject_, joint_key_, ct, binary,
                            std::span<const proof_entry>(proof->data(), 1)));
}

TEST_F(RangeProof, BindsEveryPartOfTheStatement) {
  const std::vector<std::uint64_t> binary{0, 1};
  const scalar r = scalar::random_nonzero(rng_);
  const ciphertext ct = encrypt(1, r, joint_key_);
  auto proof = prove_range(binding_, subject_, joint_key_, ct, binary, 1, r, rng_);
  ASSERT_TRUE(proof);
  ASSERT_TRUE(verify_range(binding_, subject_, joint_key_, ct, binary, *proof));

  for (auto field : {0, 1, 2}) {
    proof_binding other = binding_;
    (field == 0 ? other.election_hash : field == 1 ? other.ballot_id : other.voter_pk)[0] ^= 1;
    EXPECT_FALSE(verify_range(other, subject_, joint_key_, ct, binary, *proof)) << field;
  }
  EXPECT_FALSE(verify_range(binding_, proof_subject::option(2, 0), joint_key_, ct, binary, *proof));
  EXPECT_FALSE(verify_range(binding_, proof_subject::option(1, 1), joint_key_, ct, binary, *proof));
  EXPECT_FALSE(verify_range(binding_, proof_subject::contest(2), joint_key_, ct, binary, *proof));
  EXPECT_FALSE(verify_range(binding_, subject_, point::small_multiple(3), ct, binary, *proof));

  ciphertext tampered = ct;
  tampered.beta += point::generator();
  EXPECT_FALSE(verify_range(binding_, subject_, joint_key_, tampered, binary, *proof));
  tampered = ct;
  tampered.alpha += point::generator();
  EXPECT_FALSE(verify_range(binding_, subject_, joint_key_, tampered, binary, *proof));

  for (std::size_t j = 0; j < proof->size(); ++j) {
    range_proof altered = *proof;
    altered[j].z += scalar::from_u64(1);
    EXPECT_FALSE(verify_range(binding_, subject_, joint_key_, ct, binary, altered)) << j;
    altered = *proof;
    altered[j].c += scalar::from_u64(1);
    EXPECT_FALSE(verify_range(binding_, subject_, joint_key_, ct, binary, altered)) << j;
  }
  range_proof swapped{(*proof)[1], (*proof)[0]};
  EXPECT_FALSE(verify_range(binding_, subject_, joint_key_, ct, binary, swapped));
}

TEST_F(RangeProof, SameRandomnessSameProof) {
  const std::vector<std::uint64_t> binary{0, 1};
  const scalar r = scalar::from_u64(12345);
  const ciphertext ct = encrypt(0, r, joint_key_);
  seeded_random a("same"), b("same");
  EXPECT_EQ(prove_range(binding_, subject_, joint_key_, ct, binary, 0, r, a),
            prove_range(binding_, subject_, joint_key_, ct, binary, 0, r, b));
}

TEST(ElGamal, EncryptsAndAddsHomomorphically) {
  seeded_random rng("elgamal");
  const scalar secret = scalar::random_nonzero(rng);
  const point key = point::base_mul(secret);
  const scalar r1 = scalar::random_nonzero(rng), r2 = scalar::random_nonzero(rng);
  const ciphertext a = encrypt(1, r1, key), b = encrypt(2, r2, key);
  EXPECT_EQ(a.alpha, point::base_mul(r1));
  EXPECT_EQ(a.beta - secret * a.alpha, point::generator());
  const ciphertext sum = a + b;
  EXPECT_EQ(sum, encrypt(3, r1 + r2, key));
  EXPECT_EQ(sum.beta - secret * sum.alpha, point::small_multiple(3));
  EXPECT_EQ(encrypt(0, r1, key).beta, r1 * key);
  EXPECT_NE(a, b);
}

TEST(ValueRange, ListsBounds) {
  EXPECT_EQ(value_range(0, 0), (std::vector<std::uint64_t>{0}));
  EXPECT_EQ(value_range(1, 3), (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_TRUE(value_range(2, 1).empty());
  EXPECT_THROW((void)value_range(0, ~std::uint64_t{0}), std::length_error);
}

}  // namespace
}  // namespace plenum::crypto
