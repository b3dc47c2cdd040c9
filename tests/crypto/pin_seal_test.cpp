#include "plenum/crypto/pin_seal.hpp"

#include <gtest/gtest.h>

#include "plenum/crypto/random.hpp"

namespace plenum::crypto {
namespace {

key_share sample_share() {
  seeded_random random("pin share");
  const scalar z = scalar::random_nonzero(random);
  return key_share::create(4, z, point::base_mul(z)).value();
}

void expect_same(const key_share& a, const key_share& b) {
  EXPECT_EQ(a.index(), b.index());
  EXPECT_TRUE(a.secret() == b.secret());
  EXPECT_EQ(a.verification_key(), b.verification_key());
}

TEST(PinSeal, RoundTripWithModerateLimits) {
  const key_share share = sample_share();
  seeded_random random("salt");
  const byte_vector sealed = seal_share_with_pin(share, "482913", random);
  const auto opened = open_share_with_pin(sealed, "482913");
  ASSERT_TRUE(opened.has_value());
  expect_same(*opened, share);
}

class PinSealInteractive : public ::testing::Test {
 protected:
  key_share share_ = sample_share();
  seeded_random random_{"salt"};
  byte_vector sealed_ = seal_share_with_pin(share_, "482913", random_, pin_limits::interactive());
};

TEST_F(PinSealInteractive, RoundTrip) {
  const auto opened = open_share_with_pin(sealed_, "482913");
  ASSERT_TRUE(opened.has_value());
  expect_same(*opened, share_);
}

TEST_F(PinSealInteractive, WrongPinFails) {
  EXPECT_FALSE(open_share_with_pin(sealed_, "482914").has_value());
  EXPECT_FALSE(open_share_with_pin(sealed_, "").has_value());
}

TEST_F(PinSealInteractive, FreshSaltEachTime) {
  EXPECT_NE(seal_share_with_pin(share_, "482913", random_, pin_limits::interactive()), sealed_);
}

TEST_F(PinSealInteractive, TamperingAndTruncationFail) {
  for (std::size_t i : {std::size_t{16}, std::size_t{40}, std::size_t{60}, sealed_.size() - 1}) {
    byte_vector tampered = sealed_;
    tampered[i] ^= 1;
    EXPECT_FALSE(open_share_with_pin(tampered, "482913").has_value()) << "byte " << i;
  }
  EXPECT_FALSE(open_share_with_pin(byte_span(sealed_).first(sealed_.size() - 1), "482913"));
  EXPECT_FALSE(open_share_with_pin({}, "482913").has_value());
}

TEST_F(PinSealInteractive, RefusesPlantedLimits) {
  byte_vector planted = sealed_;
  planted[7] = 0x7f;  // an enormous pass count
  EXPECT_FALSE(open_share_with_pin(planted, "482913").has_value());
  planted = sealed_;
  planted[8 + 7] = 0x7f;  // an enormous memory size
  EXPECT_FALSE(open_share_with_pin(planted, "482913").has_value());
  planted = sealed_;
  std::fill(planted.begin(), planted.begin() + 8, 0);  // zero passes
  EXPECT_FALSE(open_share_with_pin(planted, "482913").has_value());
}

TEST(PinSeal, RejectsLimitsOutsideLibsodiumBounds) {
  seeded_random random("limits");
  EXPECT_THROW((void)seal_share_with_pin(sample_share(), "1", random, {0, 64ull << 20}),
               std::invalid_argument);
  EXPECT_THROW((void)seal_share_with_pin(sample_share(), "1", random, {3, 1}),
               std::invalid_argument);
}

TEST(KeyShare, RejectsMismatchedParts) {
  const scalar z = scalar::from_u64(7);
  EXPECT_TRUE(key_share::create(1, z, point::small_multiple(7)).has_value());
  EXPECT_FALSE(key_share::create(1, z, point::small_multiple(8)).has_value());
  EXPECT_FALSE(key_share::create(0, z, point::small_multiple(7)).has_value());
  EXPECT_FALSE(key_share::create(1, scalar{}, point{}).has_value());
}

}  // namespace
}  // namespace plenum::crypto
