#include "plenum/crypto/sign.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

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

// A key that differs from a valid one only by a small-order part is on the curve but outside
// the prime-order subgroup: refused, while the valid one is accepted.
TEST(Sign, RejectsKeysOutsideThePrimeOrderSubgroup) {
  const public_key pk = secret_key::generate().public_part();
  // (0, -1), of order 2: pk plus it is on the curve but not in the prime-order subgroup.
  byte_array<32> order_two{};
  order_two.fill(0xff);
  order_two[0] = 0xec;
  order_two[31] = 0x7f;
  byte_array<32> mixed{};
  ASSERT_EQ(crypto_core_ed25519_add(mixed.data(), pk.bytes().data(), order_two.data()), 0);
  auto again = public_key::from_bytes(pk.bytes());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, pk);
  EXPECT_FALSE(public_key::from_bytes(mixed).has_value());
}

}  // namespace
}  // namespace plenum::crypto
