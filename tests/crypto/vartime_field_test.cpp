// The variable-time engine's field arithmetic GF(2^255 − 19): algebraic identities on seeded
// random and extreme elements, canonical encoding, and the curve constants.
#include <gtest/gtest.h>

#include "plenum/crypto/random.hpp"
#include "vartime/field.hpp"

namespace plenum::crypto::vartime {
namespace {

// p − k as 32 little-endian bytes, for small k ≥ 1.
byte_array<32> p_minus(std::uint8_t k) {
  byte_array<32> b{};
  b.fill(0xff);
  b[31] = 0x7f;
  b[0] = static_cast<std::uint8_t>(0xed - k);
  return b;
}

byte_array<32> small(std::uint8_t v) {
  byte_array<32> b{};
  b[0] = v;
  return b;
}

field_element random_element(random_source& rng) {
  byte_array<32> b{};
  rng.fill(b);
  return field_from_bytes(b);
}

// Elements whose limbs sit at the edges the carries must handle.
std::vector<field_element> extremes() {
  std::vector<field_element> out = {field_zero(), field_one(), field_from_bytes(p_minus(1)),
                                    field_from_bytes(p_minus(2))};
  byte_array<32> all{};
  all.fill(0xff);  // 2^256 − 1 read with bit 255 ignored: 2^255 − 1 ≡ 18
  out.push_back(field_from_bytes(all));
  const std::uint64_t top = (std::uint64_t{1} << 51) - 1;
  out.push_back({{top, top, top, top, top}});
  out.push_back({{top + (1u << 15), top, top + 1, top, top + (1u << 14)}});  // unreduced limbs
  return out;
}

TEST(VartimeField, EncodingIsCanonical) {
  EXPECT_EQ(field_to_bytes(field_from_bytes(p_minus(1))), p_minus(1));
  for (std::uint8_t k = 0; k < 19; ++k) {  // p + k for k < 19 is below 2^255 and reads as k
    byte_array<32> p_plus = p_minus(1);
    p_plus[0] = static_cast<std::uint8_t>(0xed + k);
    EXPECT_EQ(field_to_bytes(field_from_bytes(p_plus)), small(k)) << int{k};
  }
  byte_array<32> all{};
  all.fill(0xff);
  EXPECT_EQ(field_to_bytes(field_from_bytes(all)), small(18));
  seeded_random rng("vartime field encoding");
  for (int i = 0; i < 2000; ++i) {
    byte_array<32> b{};
    rng.fill(b);
    b[31] &= 0x3f;  // below 2^254 < p: already canonical
    EXPECT_EQ(field_to_bytes(field_from_bytes(b)), b);
  }
}

TEST(VartimeField, RingIdentitiesHold) {
  seeded_random rng("vartime field identities");
  std::vector<field_element> xs = extremes();
  for (int i = 0; i < 3000; ++i) xs.push_back(random_element(rng));
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const field_element& a = xs[i];
    const field_element& b = xs[(i * 7 + 3) % xs.size()];
    const field_element& c = xs[(i * 13 + 5) % xs.size()];
    ASSERT_TRUE(equal((a + b) - b, a));
    ASSERT_TRUE(equal(a - b, -(b - a)));
    ASSERT_TRUE(equal(square(a), a * a));
    ASSERT_TRUE(equal((a + b) * (a - b), square(a) - square(b)));
    ASSERT_TRUE(equal(a * (b + c), a * b + a * c));
    ASSERT_TRUE(equal((a * b) * c, a * (b * c)));
    ASSERT_TRUE(is_zero(a - a));
    if (!is_zero(a)) {
      ASSERT_TRUE(equal(a * invert(a), field_one()));
      ASSERT_FALSE(is_zero(a));
    }
    ASSERT_EQ(is_negative(a), (field_to_bytes(a)[0] & 1) == 1);
    ASSERT_FALSE(is_negative(absolute(a)));
  }
  EXPECT_TRUE(is_zero(invert(field_zero())));
}

TEST(VartimeField, SquareRootRatio) {
  seeded_random rng("vartime field sqrt");
  int squares = 0, non_squares = 0;
  for (int i = 0; i < 1000; ++i) {
    const field_element u = random_element(rng);
    const field_element v = random_element(rng);
    const sqrt_ratio_result r = sqrt_ratio_m1(u, v);
    EXPECT_FALSE(is_negative(r.root));
    if (r.was_square) {
      ++squares;
      EXPECT_TRUE(equal(v * square(r.root), u));
    } else {
      ++non_squares;
      EXPECT_TRUE(equal(v * square(r.root), sqrt_m1() * u));
    }
    // A square ratio is always recognised as one.
    const sqrt_ratio_result sq = sqrt_ratio_m1(square(u) * v, v);
    EXPECT_TRUE(sq.was_square);
    EXPECT_TRUE(equal(sq.root, absolute(u)));
  }
  EXPECT_GT(squares, 400);
  EXPECT_GT(non_squares, 400);
  EXPECT_TRUE(sqrt_ratio_m1(field_zero(), field_one()).was_square);
  EXPECT_FALSE(sqrt_ratio_m1(field_one(), field_zero()).was_square);
}

TEST(VartimeField, Constants) {
  const field_element one = field_one();
  EXPECT_TRUE(equal(square(sqrt_m1()), -one));
  EXPECT_FALSE(is_negative(sqrt_m1()));
  const field_element d121666 = field_from_bytes({0x42, 0xdb, 0x01});  // 121666 = 0x01db42
  const field_element d121665 = field_from_bytes({0x41, 0xdb, 0x01});
  EXPECT_TRUE(equal(edwards_d() * d121666, -d121665));
  EXPECT_TRUE(equal(edwards_2d(), edwards_d() + edwards_d()));
  // INVSQRT_A_MINUS_D² · (a − d) = 1 with a = −1, and it is the non-negative root.
  EXPECT_TRUE(equal(square(invsqrt_a_minus_d()) * (-one - edwards_d()), one));
  EXPECT_FALSE(is_negative(invsqrt_a_minus_d()));
}

}  // namespace
}  // namespace plenum::crypto::vartime
