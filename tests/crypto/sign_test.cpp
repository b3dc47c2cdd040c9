#include "plenum/crypto/sign.hpp"

#include <gtest/gtest.h>

#include "kat.hpp"

namespace plenum::crypto {
namespace {

TEST(Sign, SignAndVerify) {
  secret_key sk = secret_key::generate();
  public_key pk = sk.public_part();
  auto message = as_bytes("ballot digest");
  signature sig = sk.sign(message);
  EXPECT_TRUE(pk.verify(message, sig));
  EXPECT_FALSE(pk.verify(as_bytes("ballot digesu"), sig));
  auto forged = sig.bytes();
  forged[0] ^= 1;
  EXPECT_FALSE(pk.verify(message, signature(forged)));
  EXPECT_FALSE(secret_key::generate().public_part().verify(message, sig));
}

TEST(Sign, KnownKeysParseAndMatch) {
  for (const auto& voter : test::kat().at("voters").as_array()) {
    secret_key sk = test::secret_key_field(voter.at("sk"));
    EXPECT_EQ(sk.public_part(), test::public_key_field(voter.at("pk")));
  }
}

TEST(Sign, RejectsMalformedKeys) {
  EXPECT_FALSE(public_key::from_hex(std::string(64, '0')).has_value());  // small order
  EXPECT_FALSE(public_key::from_hex("abcd").has_value());
  secret_key sk = secret_key::generate();
  auto bytes = sk.bytes();
  bytes[40] ^= 1;  // public half no longer matches the seed
  EXPECT_FALSE(secret_key::from_bytes(bytes).has_value());
}

}  // namespace
}  // namespace plenum::crypto
