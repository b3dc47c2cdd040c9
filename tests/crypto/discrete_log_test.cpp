#include "plenum/crypto/discrete_log.hpp"

#include <gtest/gtest.h>

namespace plenum::crypto {
namespace {

TEST(DiscreteLog, FindsEveryValueInASmallRange) {
  const discrete_log_table table(200);
  point p;
  for (std::uint64_t t = 0; t <= 200; ++t) {
    EXPECT_EQ(table.find(p), t);
    p += point::generator();
  }
  EXPECT_FALSE(table.find(p).has_value()) << "201 is out of range";
}

TEST(DiscreteLog, IdentityIsZero) {
  EXPECT_EQ(discrete_log_table(0).find(point{}), 0u);
  EXPECT_EQ(discrete_log_table(3000).find(point{}), 0u);
}

TEST(DiscreteLog, ZeroBoundAcceptsOnlyTheIdentity) {
  const discrete_log_table table(0);
  EXPECT_FALSE(table.find(point::generator()).has_value());
}

TEST(DiscreteLog, ThousandsOfBallots) {
  const discrete_log_table table(3000);
  for (std::uint64_t t : {1ull, 54ull, 55ull, 56ull, 1234ull, 2999ull, 3000ull}) {
    EXPECT_EQ(table.find(point::small_multiple(t)), t);
  }
  EXPECT_FALSE(table.find(point::small_multiple(3001)).has_value());
  EXPECT_FALSE(table.find(point::small_multiple(3025)).has_value());
  EXPECT_FALSE(table.find(point::small_multiple(1000000)).has_value());
}

TEST(DiscreteLog, FailsClosedOutsideTheRange) {
  const discrete_log_table table(3000);
  EXPECT_FALSE(table.find(point{} - point::generator()).has_value()) << "-1";
  EXPECT_FALSE(table.find(point::base_mul(scalar::random_nonzero())).has_value());
  EXPECT_FALSE(table.find(point::base_mul(-scalar::from_u64(3000))).has_value());
}

TEST(DiscreteLog, RejectsAnAbsurdBound) {
  EXPECT_THROW(discrete_log_table(std::uint64_t{1} << 41), std::invalid_argument);
}

}  // namespace
}  // namespace plenum::crypto
