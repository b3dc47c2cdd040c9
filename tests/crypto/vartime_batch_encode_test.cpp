// The engine's batched double-and-encode (vartime/batch_encode.hpp) against its single
// encoding and libsodium: every output must be byte for byte ristretto_encode(2·Q), for random
// points, points with every kind of torsion component (the curve has an 8-torsion), the
// identity, projective rescalings, and batches of every size from 0 up.
#include <gtest/gtest.h>
#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "plenum/crypto/group.hpp"
#include "plenum/crypto/random.hpp"
#include "vartime/batch_encode.hpp"
#include "vartime/multiscalar.hpp"
#include "vartime/ristretto.hpp"
#include "vartime_test_points.hpp"

namespace plenum::crypto::vartime {
namespace {

using bytes32 = byte_array<32>;

bool is_identity(const extended_point& p) { return is_zero(p.x) && equal(p.y, p.z); }

// (0, −1) of order 2 and (sqrt(−1), 0) of order 4.
const extended_point t2 = {field_zero(), -field_one(), field_one(), field_zero()};
const extended_point t4 = {sqrt_m1(), field_zero(), field_one(), field_zero()};

// A point of order 8: y from the Ed25519 small-order encoding 26e8958f…6d53fc05, x from the
// curve equation x² = (y² − 1)/(d·y² + 1). Its order is checked by the test that uses it.
extended_point eight_torsion_point() {
  const auto y_bytes =
      from_hex_fixed<32>("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");
  const field_element y = field_from_bytes(*y_bytes);
  const field_element yy = square(y);
  const sqrt_ratio_result x = sqrt_ratio_m1(yy - field_one(), edwards_d() * yy + field_one());
  if (!x.was_square) throw std::runtime_error("the 8-torsion y is not on the curve");
  return {x.root, y, field_one(), x.root * y};
}

// What the batch must give: the single encoding of the double.
std::vector<bytes32> one_by_one(const std::vector<extended_point>& points) {
  std::vector<bytes32> out;
  for (const extended_point& q : points) out.push_back(ristretto_encode(dbl(q)));
  return out;
}

// (λ·X : λ·Y : λ·Z : λ·T), the same point.
extended_point rescaled(const extended_point& p, const field_element& lambda) {
  return {p.x * lambda, p.y * lambda, p.z * lambda, p.t * lambda};
}

class VartimeBatchEncode : public ::testing::Test {
 protected:
  void SetUp() override { ensure_sodium(); }
};

TEST_F(VartimeBatchEncode, EqualsTheSingleEncodingAndLibsodiumOnRandomPoints) {
  seeded_random rng("vartime batch encode");
  std::vector<bytes32> encodings;
  std::vector<extended_point> points;
  for (int i = 0; i < 600; ++i) {
    encodings.push_back(random_point(rng));
    points.push_back(decode(encodings.back()));
  }
  const std::vector<bytes32> batch = double_and_encode(points);
  ASSERT_EQ(batch.size(), points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    bytes32 doubled{};
    ASSERT_EQ(
        crypto_core_ristretto255_add(doubled.data(), encodings[i].data(), encodings[i].data()), 0);
    ASSERT_EQ(batch[i], doubled) << i;
    ASSERT_EQ(batch[i], ristretto_encode(dbl(points[i]))) << i;
  }
}

TEST_F(VartimeBatchEncode, EveryBatchSizeGivesTheSameEncodings) {
  seeded_random rng("vartime batch sizes");
  std::vector<extended_point> points;
  for (int i = 0; i < 70; ++i) points.push_back(decode(random_point(rng)));
  const std::vector<bytes32> expected = one_by_one(points);
  for (std::size_t size : {0, 1, 2, 3, 7, 14, 31, 70}) {
    SCOPED_TRACE(size);
    const std::vector<extended_point> part(points.begin(), points.begin() + size);
    const std::vector<bytes32> batch = double_and_encode(part);
    ASSERT_EQ(batch.size(), size);
    for (std::size_t i = 0; i < size; ++i) EXPECT_EQ(batch[i], expected[i]) << i;
  }
}

TEST_F(VartimeBatchEncode, ProductsOfTheEngineAndRescaledRepresentatives) {
  seeded_random rng("vartime batch products");
  const extended_point p = decode(random_point(rng));
  const odd_multiples p_table(p);
  std::vector<extended_point> points;
  for (int i = 0; i < 40; ++i) {
    const public_scalar a = declare_public(scalar::random(rng));
    const public_scalar b = declare_public(scalar::random(rng));
    const extended_point q = double_scalar_mul(a, base_table(), b, p_table);
    points.push_back(q);
    points.push_back(rescaled(q, field_from_bytes(random_point(rng))));
  }
  const std::vector<bytes32> batch = double_and_encode(points);
  EXPECT_EQ(batch, one_by_one(points));
  for (std::size_t i = 0; i < points.size(); i += 2) EXPECT_EQ(batch[i], batch[i + 1]) << i;
}

TEST_F(VartimeBatchEncode, TheEightTorsionPointIsOfOrderEight) {
  const extended_point t8 = eight_torsion_point();
  EXPECT_FALSE(is_identity(dbl(dbl(t8))));
  EXPECT_TRUE(is_identity(dbl(dbl(dbl(t8)))));
}

TEST_F(VartimeBatchEncode, TorsionPointsAndTheIdentityEncodeAsZeroAmidOtherPoints) {
  seeded_random rng("vartime batch torsion");
  const extended_point t8 = eight_torsion_point();
  // Every point of the 8-torsion: k·T8 for k = 0..7, the identity first. Their doubles are
  // 4-torsion points, all the ristretto255 identity.
  std::vector<extended_point> torsion = {identity_point()};
  for (int k = 1; k < 8; ++k) torsion.push_back(torsion.back() + t8);
  std::vector<extended_point> points;
  for (const extended_point& t : torsion) {
    points.push_back(decode(random_point(rng)));
    points.push_back(t);
    points.push_back(rescaled(t, field_from_bytes(random_point(rng))));
  }
  points.push_back(t2);
  points.push_back(t4);
  const std::vector<bytes32> batch = double_and_encode(points);
  EXPECT_EQ(batch, one_by_one(points));
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i % 3 != 0 || i >= 3 * torsion.size())
      EXPECT_EQ(batch[i], bytes32{}) << i;
    else
      EXPECT_NE(batch[i], bytes32{}) << i;
  }
  // A batch of torsion points alone.
  EXPECT_EQ(double_and_encode(torsion), std::vector<bytes32>(torsion.size(), bytes32{}));
}

TEST_F(VartimeBatchEncode, TorsionEquivalentRepresentativesGiveOneEncoding) {
  seeded_random rng("vartime batch representatives");
  const extended_point t8 = eight_torsion_point();
  for (int i = 0; i < 100; ++i) {
    const extended_point q = decode(random_point(rng));
    // Q and Q plus each 4-torsion point are one ristretto255 element; Q + T8 is not even a
    // representative (it lies outside 2·E), but its double is Q's double plus a 4-torsion point.
    const std::vector<extended_point> points = {q, q + t2, q + t4, q - t4, q + t8, q - t8};
    const std::vector<bytes32> batch = double_and_encode(points);
    ASSERT_EQ(batch, one_by_one(points));
    for (const bytes32& b : batch) ASSERT_EQ(b, batch[0]);
  }
}

TEST_F(VartimeBatchEncode, HalfScalarProductsDoubleToTheWholeProduct) {
  seeded_random rng("vartime batch halves");
  const scalar two_inverse = *scalar::from_u64(2).inverse();
  for (int i = 0; i < 200; ++i) {
    const scalar s = scalar::random(rng);
    ASSERT_TRUE(half(s) == s * two_inverse) << s.hex();
  }
  const std::vector<scalar> scalars = {scalar{},
                                       scalar::from_u64(1),
                                       -scalar::from_u64(1),
                                       -scalar::from_u64(2),
                                       scalar::random(rng),
                                       scalar::random(rng)};
  for (const scalar& s : scalars) {
    EXPECT_TRUE(half(s) + half(s) == s) << s.hex();
    EXPECT_TRUE(half(s) == s * two_inverse) << s.hex();
    // P with each 4-torsion component: 2·((s/2)·P) and s·P are one element.
    const extended_point p = decode(random_point(rng));
    for (const extended_point& q : {p, p + t2, p + t4, p - t4}) {
      const odd_multiples table(q);
      const public_scalar whole = declare_public(s);
      const public_scalar halved = declare_public(half(s));
      const scalar_term whole_term[] = {{whole, table}};
      const scalar_term half_term[] = {{halved, table}};
      const std::vector<extended_point> halves = {multi_scalar_mul(half_term)};
      EXPECT_EQ(double_and_encode(halves).front(), ristretto_encode(multi_scalar_mul(whole_term)));
    }
  }
}

TEST_F(VartimeBatchEncode, RefusesAnOutputOfTheWrongSize) {
  seeded_random rng("vartime batch size check");
  const std::vector<extended_point> points = {decode(random_point(rng))};
  std::vector<bytes32> out(2);
  EXPECT_THROW(double_and_encode(points, out), std::invalid_argument);
  EXPECT_EQ(out[0], bytes32{});
  EXPECT_TRUE(double_and_encode(std::vector<extended_point>{}).empty());
}

}  // namespace
}  // namespace plenum::crypto::vartime
