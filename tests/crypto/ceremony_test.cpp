// The key ceremony run end to end with fresh keys, honest and cheating dealers.
#include "plenum/crypto/ceremony.hpp"

#include <gtest/gtest.h>

#include <variant>

#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/seal.hpp"
#include "test_ceremony.hpp"

namespace plenum::crypto {
namespace {

std::vector<public_key> fresh_keys(std::size_t n) {
  std::vector<public_key> keys;
  for (std::size_t i = 0; i < n; ++i) keys.push_back(secret_key::generate().public_part());
  return keys;
}

TEST(CeremonyParams, DefaultThreshold) {
  EXPECT_EQ(ceremony_params::create("c", "s", fresh_keys(1))->k(), 1u);
  EXPECT_EQ(ceremony_params::create("c", "s", fresh_keys(2))->k(), 2u);
  EXPECT_EQ(ceremony_params::create("c", "s", fresh_keys(3))->k(), 2u);
  EXPECT_EQ(ceremony_params::create("c", "s", fresh_keys(5))->k(), 4u);
  EXPECT_EQ(ceremony_params::create("c", "s", fresh_keys(5), 3)->k(), 3u);
  EXPECT_EQ(ceremony_params::create("c", "s", fresh_keys(5), 5)->k(), 5u);
  EXPECT_EQ(ceremony_params::create("c", "s", fresh_keys(5), 1)->k(), 1u);
}

TEST(CeremonyParams, RejectsInvalidParameters) {
  EXPECT_FALSE(ceremony_params::create("c", "s", {}).has_value());
  EXPECT_FALSE(ceremony_params::create("c", "s", fresh_keys(3), 0).has_value());
  EXPECT_FALSE(ceremony_params::create("c", "s", fresh_keys(3), 4).has_value());
  auto keys = fresh_keys(3);
  keys[2] = keys[0];
  EXPECT_FALSE(ceremony_params::create("c", "s", keys, 2).has_value());
}

TEST(CeremonyParams, CeremonyIdBindsEveryParameter) {
  const auto keys = fresh_keys(3);
  const auto base = ceremony_params::create("c", "s", keys, 2)->ceremony_id();
  EXPECT_EQ(ceremony_params::create("c", "s", keys, 2)->ceremony_id(), base);
  EXPECT_NE(ceremony_params::create("d", "s", keys, 2)->ceremony_id(), base);
  EXPECT_NE(ceremony_params::create("c", "t", keys, 2)->ceremony_id(), base);
  EXPECT_NE(ceremony_params::create("c", "s", keys, 3)->ceremony_id(), base);
  auto reordered = keys;
  std::swap(reordered[0], reordered[1]);
  EXPECT_NE(ceremony_params::create("c", "s", reordered, 2)->ceremony_id(), base);
  const auto params = ceremony_params::create("c", "s", keys, 2);
  EXPECT_EQ(params->scrutineer(2), keys[1]);
  EXPECT_THROW((void)params->scrutineer(0), std::out_of_range);
  EXPECT_THROW((void)params->scrutineer(4), std::out_of_range);
}

TEST(Ceremony, FiveScrutineersThresholdThree) {
  const auto c = test::run_test_ceremony(5, 3, "ceremony 5 of 3");
  ASSERT_EQ(c.shares.size(), 5u);
  // Any k of the shares interpolate to the joint secret: check via K = Σ λ_l·Z_l.
  const std::uint64_t subsets[][3] = {{1, 2, 3}, {1, 3, 5}, {2, 4, 5}, {3, 4, 5}};
  for (const auto& s : subsets) {
    scalar secret;
    for (std::uint64_t l : s) {
      scalar lambda = scalar::from_u64(1);
      for (std::uint64_t m : s) {
        if (m == l) continue;
        lambda *=
            scalar::from_u64(m) * (scalar::from_u64(m) - scalar::from_u64(l)).inverse().value();
      }
      secret += lambda * c.shares[l - 1].secret();
    }
    EXPECT_EQ(point::base_mul(secret), c.public_keys.joint_key);
  }
  // Two shares are not enough: the two-point interpolation misses K.
  scalar two = scalar::from_u64(2) * c.shares[0].secret() - c.shares[1].secret();
  EXPECT_NE(point::base_mul(two), c.public_keys.joint_key);
  // Every scrutineer confirms the same digest.
  const digest32 digest = key_digest(c.params, c.public_keys);
  for (std::uint64_t l = 1; l <= 5; ++l) {
    EXPECT_TRUE(
        check_confirmation(c.params, l, digest, confirm_keys(c.params, l, c.keys[l - 1], digest)));
  }
}

TEST(Ceremony, DealerArgumentsAreChecked) {
  const auto c = test::run_test_ceremony(3, 2, "dealer arguments");
  seeded_random random("x");
  EXPECT_THROW((void)make_keygen_message(c.params, 0, c.keys[0], random), std::invalid_argument);
  EXPECT_THROW((void)make_keygen_message(c.params, 4, c.keys[0], random), std::invalid_argument);
  EXPECT_THROW((void)make_keygen_message(c.params, 2, c.keys[0], random), std::invalid_argument);
  EXPECT_THROW((void)open_share(c.params, c.messages[0], 2, c.keys[0]), std::invalid_argument);
}

TEST(Ceremony, CombinedShareMustMatchItsVerificationKey) {
  const auto c = test::run_test_ceremony(3, 2, "combine");
  std::vector<scalar> opened;
  for (const auto& msg : c.messages)
    opened.push_back(std::get<scalar>(open_share(c.params, msg, 2, c.keys[1])));
  EXPECT_TRUE(combine_shares(c.params, 2, opened, c.public_keys.verification_keys[1]).has_value());
  EXPECT_FALSE(combine_shares(c.params, 2, opened, c.public_keys.verification_keys[0]).has_value());
  EXPECT_FALSE(combine_shares(c.params, 0, opened, c.public_keys.verification_keys[1]).has_value());
  opened.pop_back();
  EXPECT_FALSE(combine_shares(c.params, 2, opened, c.public_keys.verification_keys[1]).has_value());
}

// A dealer that signs a message whose shares do not match its commitments passes the public
// check; every recipient detects it and complains.
class CheatingDealer : public ::testing::Test {
 protected:
  void SetUp() override {
    honest_ = make_keygen_message(c_.params, 2, c_.keys[1], random_);
    other_ = make_keygen_message(c_.params, 2, c_.keys[1], random_);
  }
  keygen_message resigned(keygen_message msg) {
    msg.sig = c_.keys[msg.dealer - 1].sign(keygen_digest(c_.params, msg));
    return msg;
  }
  void expect_every_recipient_complains(const keygen_message& msg) {
    ASSERT_TRUE(check_keygen_message(c_.params, msg));
    for (std::uint64_t l = 1; l <= c_.params.n(); ++l) {
      auto outcome = open_share(c_.params, msg, l, c_.keys[l - 1]);
      ASSERT_TRUE(std::holds_alternative<complaint>(outcome)) << "recipient " << l;
      const complaint& accusation = std::get<complaint>(outcome);
      EXPECT_EQ(accusation.accuser, l);
      EXPECT_EQ(accusation.accused, 2u);
      EXPECT_EQ(accusation.message_digest, keygen_digest(c_.params, msg));
      EXPECT_TRUE(check_complaint(c_.params, accusation));
    }
  }

  test::test_ceremony c_ = test::run_test_ceremony(3, 2, "cheating dealer");
  seeded_random random_{"cheat"};
  keygen_message honest_;
  keygen_message other_;
};

TEST_F(CheatingDealer, HonestMessageOpens) {
  for (std::uint64_t l = 1; l <= 3; ++l) {
    EXPECT_TRUE(std::holds_alternative<scalar>(open_share(c_.params, honest_, l, c_.keys[l - 1])));
  }
}

TEST_F(CheatingDealer, WrongSealedSharesAreDetected) {
  keygen_message msg = honest_;
  msg.sealed_shares = other_.sealed_shares;
  expect_every_recipient_complains(resigned(msg));
}

TEST_F(CheatingDealer, TamperedCommitmentIsDetected) {
  keygen_message msg = honest_;
  msg.commitments[1] = other_.commitments[1];  // with its valid proof: the public check passes
  msg.proofs[1] = other_.proofs[1];
  expect_every_recipient_complains(resigned(msg));
}

TEST_F(CheatingDealer, ShareSealedToTheWrongKeyIsDetected) {
  keygen_message msg = honest_;
  msg.sealed_shares[0] =
      seal_to(c_.params.scrutineer(2), as_bytes("0123456789abcdef0123456789abcdef"));
  msg = resigned(msg);
  ASSERT_TRUE(check_keygen_message(c_.params, msg));
  EXPECT_TRUE(std::holds_alternative<complaint>(open_share(c_.params, msg, 1, c_.keys[0])));
  EXPECT_TRUE(std::holds_alternative<scalar>(open_share(c_.params, msg, 2, c_.keys[1])));
}

TEST_F(CheatingDealer, NonCanonicalShareIsDetected) {
  keygen_message msg = honest_;
  byte_array<32> big{};
  big.fill(0xff);
  msg.sealed_shares[2] = seal_to(c_.params.scrutineer(3), big);
  msg = resigned(msg);
  EXPECT_TRUE(std::holds_alternative<complaint>(open_share(c_.params, msg, 3, c_.keys[2])));
}

TEST_F(CheatingDealer, ComplaintsCannotBeForgedOrRedirected) {
  keygen_message msg = honest_;
  msg.sealed_shares = other_.sealed_shares;
  auto accusation = std::get<complaint>(open_share(c_.params, resigned(msg), 1, c_.keys[0]));
  ASSERT_TRUE(check_complaint(c_.params, accusation));
  complaint redirected = accusation;
  redirected.accused = 3;
  EXPECT_FALSE(check_complaint(c_.params, redirected));
  complaint impersonated = accusation;
  impersonated.accuser = 3;
  EXPECT_FALSE(check_complaint(c_.params, impersonated));
  complaint other_message = accusation;
  other_message.message_digest[0] ^= 1;
  EXPECT_FALSE(check_complaint(c_.params, other_message));
  complaint outside = accusation;
  outside.accused = 4;
  outside.sig = c_.keys[0].sign(complaint_digest(c_.params, 1, 4, outside.message_digest));
  EXPECT_FALSE(check_complaint(c_.params, outside));
}

}  // namespace
}  // namespace plenum::crypto
