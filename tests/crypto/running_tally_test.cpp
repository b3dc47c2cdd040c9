// The running tally on the variable-time engine against tally_accumulator (libsodium): the
// same aggregates over random ballots, the same refusals.
#include "plenum/crypto/running_tally.hpp"

#include <gtest/gtest.h>

#include "plenum/crypto/random.hpp"
#include "plenum/crypto/tally.hpp"

namespace plenum::crypto {
namespace {

// A ballot of random points: r·G for random r, with the identity and small multiples mixed in
// (the sums of real ballots pass through both).
std::vector<ciphertext> random_ballot(std::size_t positions, random_source& random,
                                      std::size_t salt) {
  std::vector<ciphertext> ballot;
  for (std::size_t p = 0; p < positions; ++p) {
    const point alpha = (salt + p) % 11 == 0 ? point{} : point::base_mul(scalar::random(random));
    const point beta = (salt + p) % 5 == 0 ? point::small_multiple((salt + p) % 3)
                                           : point::base_mul(scalar::random(random));
    ballot.push_back({alpha, beta});
  }
  return ballot;
}

TEST(RunningTally, EqualsTheLibsodiumAggregatesOverRandomBallots) {
  seeded_random random("running tally");
  for (const std::size_t positions : {1u, 3u, 14u}) {
    running_tally fast(positions);
    tally_accumulator reference(positions);
    for (std::size_t b = 0; b < 200; ++b) {
      const auto ballot = random_ballot(positions, random, b);
      ASSERT_TRUE(fast.add(ballot));
      ASSERT_TRUE(reference.add(ballot));
      if (b % 37 == 0) {
        ASSERT_EQ(fast.aggregates(), reference.aggregates()) << b;
      }
    }
    EXPECT_EQ(fast.aggregates(), reference.aggregates());
    EXPECT_EQ(fast.ballots(), 200u);
    EXPECT_EQ(fast.positions(), positions);
  }
}

TEST(RunningTally, SumsThatCancelGiveTheIdentity) {
  seeded_random random("running tally cancel");
  const scalar r = scalar::random_nonzero(random);
  const ciphertext plus{point::base_mul(r), point::small_multiple(1)};
  const ciphertext minus{point::base_mul(-r), point{} - point::small_multiple(1)};
  running_tally tally(1);
  ASSERT_TRUE(tally.add(std::vector{plus}));
  ASSERT_TRUE(tally.add(std::vector{minus}));
  EXPECT_EQ(tally.aggregates(), std::vector<ciphertext>{ciphertext{}});
}

TEST(RunningTally, TalliesOfTheSameBallotsInAnotherOrderAreEqual) {
  seeded_random random("running tally order");
  const auto first = random_ballot(3, random, 1);
  const auto second = random_ballot(3, random, 2);
  running_tally forward(3);
  running_tally backward(3);
  ASSERT_TRUE(forward.add(first) && forward.add(second));
  ASSERT_TRUE(backward.add(second) && backward.add(first));
  EXPECT_TRUE(forward == backward);
  running_tally one(3);
  ASSERT_TRUE(one.add(first));
  EXPECT_FALSE(forward == one);
}

TEST(RunningTally, EmptyTallyIsTheIdentity) {
  const running_tally tally(4);
  EXPECT_EQ(tally.aggregates(), std::vector<ciphertext>(4));
  EXPECT_EQ(tally.ballots(), 0u);
}

TEST(RunningTally, RefusesABallotOfTheWrongShapeAndChangesNothing) {
  seeded_random random("running tally shape");
  running_tally tally(3);
  ASSERT_TRUE(tally.add(random_ballot(3, random, 1)));
  const auto before = tally.aggregates();
  EXPECT_FALSE(tally.add(random_ballot(2, random, 2)));
  EXPECT_FALSE(tally.add(random_ballot(4, random, 3)));
  EXPECT_EQ(tally.aggregates(), before);
  EXPECT_EQ(tally.ballots(), 1u);
}

TEST(RunningTally, CopiesAreIndependent) {
  seeded_random random("running tally copy");
  running_tally original(2);
  ASSERT_TRUE(original.add(random_ballot(2, random, 1)));
  running_tally copy = original;
  const auto before = original.aggregates();
  ASSERT_TRUE(copy.add(random_ballot(2, random, 2)));
  EXPECT_EQ(original.aggregates(), before);
  EXPECT_NE(copy.aggregates(), before);
  EXPECT_EQ(copy.ballots(), 2u);
  EXPECT_FALSE(original == copy);
  original = copy;
  EXPECT_EQ(original.aggregates(), copy.aggregates());
  EXPECT_TRUE(original == copy);
  running_tally moved = std::move(copy);
  EXPECT_EQ(moved.aggregates(), original.aggregates());
}

}  // namespace
}  // namespace plenum::crypto
