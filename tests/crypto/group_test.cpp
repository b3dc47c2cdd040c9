#include "plenum/crypto/group.hpp"

#include <gtest/gtest.h>

namespace plenum::crypto {
namespace {

const char* const order_hex = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

TEST(Scalar, RejectsNonCanonical) {
  EXPECT_FALSE(scalar::from_hex(order_hex).has_value());  // q itself
  EXPECT_FALSE(scalar::from_hex(std::string(64, 'f')).has_value());
  auto q_minus_1 =
      scalar::from_hex("ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
  ASSERT_TRUE(q_minus_1.has_value());
  EXPECT_EQ(*q_minus_1 + scalar::from_u64(1), scalar{});
  EXPECT_FALSE(scalar::from_hex("00").has_value());
}

TEST(Scalar, FieldArithmetic) {
  scalar a = scalar::random_nonzero();
  scalar b = scalar::random_nonzero();
  EXPECT_EQ((a + b) - b, a);
  EXPECT_EQ(a * *a.inverse(), scalar::from_u64(1));
  EXPECT_EQ(a + (-a), scalar{});
  EXPECT_FALSE(scalar{}.inverse().has_value());
  EXPECT_EQ(scalar::from_u64(6) * scalar::from_u64(7), scalar::from_u64(42));
}

TEST(Point, IdentityAndGenerator) {
  point id;
  EXPECT_TRUE(id.is_identity());
  EXPECT_TRUE(point::from_bytes(id.bytes()).has_value());
  EXPECT_TRUE(point::base_mul(scalar{}).is_identity());
  const point& g = point::generator();
  EXPECT_FALSE(g.is_identity());
  EXPECT_EQ(g + g, point::small_multiple(2));
  EXPECT_TRUE((g - g).is_identity());
  EXPECT_EQ(id - g + g, id);
  EXPECT_TRUE((scalar{} * g).is_identity());
  EXPECT_TRUE((scalar::from_u64(5) * id).is_identity());
}

TEST(Point, ScalarMultiplicationIsLinear) {
  scalar a = scalar::random_nonzero();
  scalar b = scalar::random_nonzero();
  point p = point::base_mul(a);
  EXPECT_EQ(b * p, point::base_mul(a * b));
  EXPECT_EQ(point::base_mul(a) + point::base_mul(b), point::base_mul(a + b));
}

TEST(Point, RejectsInvalidEncodings) {
  EXPECT_FALSE(point::from_hex(std::string(64, 'f')).has_value());
  byte_array<32> not_canonical{};
  not_canonical[0] = 1;  // s = 1 is odd ("negative"): not a canonical encoding
  EXPECT_FALSE(point::from_bytes(not_canonical).has_value());
  EXPECT_FALSE(point::from_hex("00").has_value());
  point g = point::generator();
  EXPECT_EQ(*point::from_bytes(g.bytes()), g);
  // Bit 255 set on a valid encoding: a second spelling of the same element, refused.
  byte_array<32> high = g.bytes();
  high[31] |= 0x80;
  EXPECT_FALSE(point::from_bytes(high).has_value());
  high = point{}.bytes();
  high[31] |= 0x80;
  EXPECT_FALSE(point::from_bytes(high).has_value());
}

}  // namespace
}  // namespace plenum::crypto

namespace plenum::crypto {
namespace {

TEST(Random, SeededSourceIsReproducible) {
  seeded_random a("seed"), b("seed"), c("other");
  scalar sa = scalar::random(a);
  EXPECT_EQ(sa, scalar::random(b));
  EXPECT_FALSE(sa == scalar::random(c));
  EXPECT_FALSE(sa == scalar::random(a));  // the stream moves on
}

}  // namespace
}  // namespace plenum::crypto
