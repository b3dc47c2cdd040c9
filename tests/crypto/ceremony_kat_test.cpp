// The key ceremony against the independent implementation's known answers.
#include <gtest/gtest.h>

#include <variant>

#include "kat.hpp"
#include "kat_ceremony.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_check.hpp"
#include "plenum/crypto/keygen.hpp"

namespace plenum::crypto {
namespace {

TEST(CeremonyKat, RecomputesCeremonyId) {
  const ceremony_params params = test::kat_params();
  EXPECT_EQ(params.n(), 3u);
  EXPECT_EQ(params.k(), 2u);
  EXPECT_EQ(to_hex(params.ceremony_id()), test::kat_ceremony().at("ceremony_id").as_string());
}

TEST(CeremonyKat, AcceptsEveryKeygenMessage) {
  const ceremony_params params = test::kat_params();
  const auto messages = test::kat_keygen_messages();
  ASSERT_EQ(messages.size(), 3u);
  for (const auto& msg : messages) EXPECT_TRUE(check_keygen_message(params, msg)) << msg.dealer;
}

TEST(CeremonyKat, OpensEverySealedShareAndCombinesThem) {
  const ceremony_params params = test::kat_params();
  const auto messages = test::kat_keygen_messages();
  const ceremony_keys expected = test::kat_ceremony_keys();
  for (std::uint64_t l = 1; l <= params.n(); ++l) {
    const secret_key key = test::kat_scrutineer_key(l);
    std::vector<scalar> shares;
    for (const auto& msg : messages) {
      auto outcome = open_share(params, msg, l, key);
      ASSERT_TRUE(std::holds_alternative<scalar>(outcome)) << "dealer " << msg.dealer;
      shares.push_back(std::get<scalar>(outcome));
    }
    auto share = combine_shares(params, l, shares, expected.verification_keys[l - 1]);
    ASSERT_TRUE(share.has_value()) << "scrutineer " << l;
    EXPECT_EQ(share->index(), l);
  }
}

TEST(CeremonyKat, SameVerificationKeysJointKeyAndKeyDigest) {
  const ceremony_params params = test::kat_params();
  const auto messages = test::kat_keygen_messages();
  const ceremony_keys expected = test::kat_ceremony_keys();
  auto keys = compute_ceremony_keys(params, messages);
  ASSERT_TRUE(keys.has_value());
  EXPECT_EQ(keys->joint_key, expected.joint_key);
  EXPECT_EQ(keys->verification_keys, expected.verification_keys);
  EXPECT_EQ(joint_key(params, messages), expected.joint_key);
  for (std::uint64_t l = 1; l <= params.n(); ++l) {
    EXPECT_EQ(verification_key(params, messages, l), expected.verification_keys[l - 1]);
  }
  EXPECT_EQ(to_hex(key_digest(params, *keys)), test::kat_ceremony().at("key_digest").as_string());
}

TEST(CeremonyKat, VerifiesTheConfirmations) {
  const ceremony_params params = test::kat_params();
  const digest32 digest = key_digest(params, test::kat_ceremony_keys());
  const auto& confirmations = test::kat_ceremony().at("confirmations").as_array();
  ASSERT_EQ(confirmations.size(), params.n());
  for (std::uint64_t l = 1; l <= params.n(); ++l) {
    const signature sig = test::signature_field(confirmations[l - 1]);
    EXPECT_TRUE(check_confirmation(params, l, digest, sig));
    EXPECT_FALSE(check_confirmation(params, l % params.n() + 1, digest, sig));
    digest32 other = digest;
    other[0] ^= 1;
    EXPECT_FALSE(check_confirmation(params, l, other, sig));
  }
  EXPECT_FALSE(check_confirmation(params, 0, digest, test::signature_field(confirmations[0])));
}

TEST(CeremonyKat, ConfirmKeysReproducesTheDeterministicSignature) {
  const ceremony_params params = test::kat_params();
  const digest32 digest = key_digest(params, test::kat_ceremony_keys());
  const auto& confirmations = test::kat_ceremony().at("confirmations").as_array();
  for (std::uint64_t l = 1; l <= params.n(); ++l) {
    EXPECT_EQ(confirm_keys(params, l, test::kat_scrutineer_key(l), digest).hex(),
              confirmations[l - 1].as_string());
  }
  EXPECT_THROW((void)confirm_keys(params, 1, test::kat_scrutineer_key(2), digest),
               std::invalid_argument);
}

// Each alteration of a published message must make it fail the public check.
TEST(CeremonyKat, RejectsAlteredMessages) {
  const ceremony_params params = test::kat_params();
  const auto original = test::kat_keygen_messages().front();
  auto expect_rejected = [&](auto&& alter, const char* what) {
    keygen_message msg = original;
    alter(msg);
    EXPECT_FALSE(check_keygen_message(params, msg)) << what;
  };
  expect_rejected([](keygen_message& m) { m.commitments[1] += point::generator(); },
                  "commitment moved");
  expect_rejected([](keygen_message& m) { m.commitments[0] = point{}; }, "identity commitment");
  expect_rejected([](keygen_message& m) { m.proofs[0].c += scalar::from_u64(1); }, "c altered");
  expect_rejected([](keygen_message& m) { m.proofs[1].v += scalar::from_u64(1); }, "v altered");
  expect_rejected([](keygen_message& m) { m.sealed_shares[2][5] ^= 1; }, "sealed share altered");
  expect_rejected([](keygen_message& m) { m.sealed_shares.pop_back(); }, "n - 1 sealed shares");
  expect_rejected([](keygen_message& m) { m.sealed_shares.push_back(m.sealed_shares[0]); },
                  "n + 1 sealed shares");
  expect_rejected([](keygen_message& m) { m.sealed_shares[0].push_back(0); },
                  "sealed share too long");
  expect_rejected([](keygen_message& m) { m.commitments.pop_back(); }, "k - 1 commitments");
  expect_rejected([](keygen_message& m) { m.dealer = 2; }, "other dealer");
  expect_rejected([](keygen_message& m) { m.dealer = 0; }, "dealer 0");
  expect_rejected([](keygen_message& m) { m.dealer = 4; }, "dealer n + 1");
  expect_rejected(
      [](keygen_message& m) {
        auto bytes = m.sig.bytes();
        bytes[10] ^= 1;
        m.sig = signature(bytes);
      },
      "signature altered");
}

TEST(CeremonyKat, RejectsASealedShareOpenedByTheWrongScrutineer) {
  const ceremony_params params = test::kat_params();
  auto msg = test::kat_keygen_messages().front();
  std::swap(msg.sealed_shares[0], msg.sealed_shares[1]);
  const auto outcome = open_share(params, msg, 1, test::kat_scrutineer_key(1));
  ASSERT_TRUE(std::holds_alternative<complaint>(outcome));
  EXPECT_EQ(std::get<complaint>(outcome).accused, 1u);
}

TEST(CeremonyKat, IncompleteMessageSetsGiveNoKeys) {
  const ceremony_params params = test::kat_params();
  auto messages = test::kat_keygen_messages();
  std::vector<keygen_message> two(messages.begin(), messages.begin() + 2);
  EXPECT_FALSE(compute_ceremony_keys(params, two).has_value());
  EXPECT_FALSE(joint_key(params, two).has_value());
  EXPECT_FALSE(verification_key(params, two, 1).has_value());
  std::swap(messages[0], messages[1]);
  EXPECT_FALSE(compute_ceremony_keys(params, messages).has_value());
  std::swap(messages[0], messages[1]);
  EXPECT_FALSE(verification_key(params, messages, 0).has_value());
  EXPECT_FALSE(verification_key(params, messages, 4).has_value());
}

std::vector<signature> kat_confirmations() {
  std::vector<signature> sigs;
  for (const auto& s : test::kat_ceremony().at("confirmations").as_array()) {
    sigs.push_back(test::signature_field(s));
  }
  return sigs;
}

TEST(CeremonyKat, TheWholeRecordChecksOut) {
  const auto report = check_ceremony(test::kat_params(), test::kat_keygen_messages(),
                                     test::kat_ceremony_keys(), kat_confirmations());
  EXPECT_TRUE(report.complete);
  EXPECT_TRUE(report.keys_match);
  EXPECT_EQ(report.messages, std::vector<bool>(3, true));
  EXPECT_EQ(report.confirmations, std::vector<bool>(3, true));
  EXPECT_TRUE(report.passed());
}

TEST(CeremonyKat, RecordCheckPointsAtWhatIsWrong) {
  const ceremony_params params = test::kat_params();
  {
    auto messages = test::kat_keygen_messages();
    messages[1].proofs[0].v += scalar::from_u64(1);
    const auto report =
        check_ceremony(params, messages, test::kat_ceremony_keys(), kat_confirmations());
    EXPECT_EQ(report.messages, (std::vector<bool>{true, false, true}));
    EXPECT_TRUE(report.keys_match);
    EXPECT_FALSE(report.passed());
  }
  {
    auto keys = test::kat_ceremony_keys();
    keys.verification_keys[2] += point::generator();
    const auto report =
        check_ceremony(params, test::kat_keygen_messages(), keys, kat_confirmations());
    EXPECT_FALSE(report.keys_match);
    EXPECT_EQ(report.confirmations, std::vector<bool>(3, false)) << "they signed other keys";
    EXPECT_FALSE(report.passed());
  }
  {
    auto confirmations = kat_confirmations();
    std::swap(confirmations[0], confirmations[2]);
    const auto report = check_ceremony(params, test::kat_keygen_messages(),
                                       test::kat_ceremony_keys(), confirmations);
    EXPECT_EQ(report.confirmations, (std::vector<bool>{false, true, false}));
    EXPECT_FALSE(report.passed());
  }
  {
    auto confirmations = kat_confirmations();
    confirmations.pop_back();
    const auto report = check_ceremony(params, test::kat_keygen_messages(),
                                       test::kat_ceremony_keys(), confirmations);
    EXPECT_FALSE(report.complete);
    EXPECT_FALSE(report.passed());
  }
  {
    auto messages = test::kat_keygen_messages();
    messages.pop_back();
    const auto report =
        check_ceremony(params, messages, test::kat_ceremony_keys(), kat_confirmations());
    EXPECT_FALSE(report.complete);
    EXPECT_FALSE(report.keys_match);
    EXPECT_FALSE(report.messages[2]);
    EXPECT_FALSE(report.passed());
  }
}

}  // namespace
}  // namespace plenum::crypto
