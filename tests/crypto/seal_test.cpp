#include "plenum/crypto/seal.hpp"

#include <gtest/gtest.h>

#include "kat_ceremony.hpp"

namespace plenum::crypto {
namespace {

TEST(Seal, RoundTrip) {
  const secret_key recipient = secret_key::generate();
  const auto message = as_bytes("a key share of thirty-two bytes.");
  const byte_vector sealed = seal_to(recipient.public_part(), message);
  EXPECT_EQ(sealed.size(), message.size() + seal_overhead);
  const auto opened = open_sealed(recipient, sealed);
  ASSERT_TRUE(opened.has_value());
  EXPECT_TRUE(
      std::equal(message.begin(), message.end(), opened->view().begin(), opened->view().end()));
}

TEST(Seal, EachSealingDrawsAFreshEphemeralKey) {
  const secret_key recipient = secret_key::generate();
  EXPECT_NE(seal_to(recipient.public_part(), as_bytes("x")),
            seal_to(recipient.public_part(), as_bytes("x")));
}

TEST(Seal, EmptyPlaintext) {
  const secret_key recipient = secret_key::generate();
  const auto opened = open_sealed(recipient, seal_to(recipient.public_part(), {}));
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ(opened->size(), 0u);
}

TEST(Seal, WrongKeyTamperingAndTruncationFail) {
  const secret_key recipient = secret_key::generate();
  const byte_vector sealed = seal_to(recipient.public_part(), as_bytes("secret"));
  EXPECT_FALSE(open_sealed(secret_key::generate(), sealed).has_value());
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    byte_vector tampered = sealed;
    tampered[i] ^= 0x20;
    EXPECT_FALSE(open_sealed(recipient, tampered).has_value()) << "byte " << i;
  }
  EXPECT_FALSE(open_sealed(recipient, byte_span(sealed).first(sealed.size() - 1)).has_value());
  EXPECT_FALSE(open_sealed(recipient, byte_span(sealed).first(seal_overhead - 1)).has_value());
  EXPECT_FALSE(open_sealed(recipient, {}).has_value());
}

TEST(Seal, OpensTheKnownAnswersBoxesOnlyForTheirRecipient) {
  const auto msg = test::kat_keygen_messages().front();
  const secret_key first = test::kat_scrutineer_key(1);
  const secret_key second = test::kat_scrutineer_key(2);
  const auto opened = open_sealed(first, msg.sealed_shares[0]);
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ(opened->size(), 32u);
  EXPECT_FALSE(open_sealed(second, msg.sealed_shares[0]).has_value());
}

}  // namespace
}  // namespace plenum::crypto
