// Tallying with a fresh 3-of-5 ceremony: encryptions of known votes, partial decryptions,
// thresholds and tampering.
#include "plenum/crypto/tally.hpp"

#include <gtest/gtest.h>

#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/random.hpp"
#include "test_ceremony.hpp"

namespace plenum::crypto {
namespace {

class TallyRoundTrip : public ::testing::Test {
 protected:
  static constexpr std::size_t positions = 4;
  static constexpr std::size_t ballot_count = 23;

  void SetUp() override {
    election_hash_.fill(0x5e);
    tally_accumulator tally(positions);
    expected_.assign(positions, 0);
    for (std::size_t b = 0; b < ballot_count; ++b) {
      std::vector<ciphertext> ballot;
      for (std::size_t p = 0; p < positions; ++p) {
        const std::uint64_t m = (b * 7 + p * 3) % 5 < 2 ? 1 : 0;
        expected_[p] += m;
        const scalar r = scalar::random_nonzero(random_);
        ballot.push_back(
            {point::base_mul(r), point::small_multiple(m) + r * c().public_keys.joint_key});
      }
      ASSERT_TRUE(tally.add(ballot));
    }
    aggregates_ = tally.aggregates();
  }

  // One ceremony for the whole suite: running it is the slow part.
  static const test::test_ceremony& c() {
    static const test::test_ceremony ceremony = test::run_test_ceremony(5, 3, "tally 3 of 5");
    return ceremony;
  }

  partial_decryption partial_of(std::uint64_t l) {
    return make_partial_decryption(c().params, c().public_keys, election_hash_, aggregates_,
                                   c().shares[l - 1], c().keys[l - 1], random_);
  }

  bool verifies(const partial_decryption& partial) const {
    return check_partial_decryption(c().params, c().public_keys, election_hash_, aggregates_,
                                    partial);
  }

  // A partial altered after signing, then re-signed by its own scrutineer, so that only the
  // proof can catch the alteration.
  partial_decryption resigned(partial_decryption partial) const {
    partial.sig = c().keys[partial.index - 1].sign(
        partial_digest(election_hash_, partial.index, aggregates_, partial.shares));
    return partial;
  }

  seeded_random random_{"tally encryptions"};
  digest32 election_hash_{};
  std::vector<ciphertext> aggregates_;
  std::vector<std::uint64_t> expected_;
  discrete_log_table table_{ballot_count};
};

TEST_F(TallyRoundTrip, ExactlyKPartialsDecrypt) {
  const std::uint64_t subsets[][3] = {{1, 2, 3}, {5, 1, 3}, {2, 4, 5}, {4, 3, 1}};
  for (const auto& subset : subsets) {
    std::vector<partial_decryption> partials;
    for (std::uint64_t l : subset) {
      partials.push_back(partial_of(l));
      ASSERT_TRUE(verifies(partials.back()));
    }
    EXPECT_EQ(decrypt_counts(aggregates_, partials, 3, ballot_count, table_), expected_);
  }
}

TEST_F(TallyRoundTrip, MoreThanKPartialsDecrypt) {
  std::vector<partial_decryption> partials;
  for (std::uint64_t l = 1; l <= 5; ++l) partials.push_back(partial_of(l));
  EXPECT_EQ(decrypt_counts(aggregates_, partials, 3, ballot_count, table_), expected_);
}

TEST_F(TallyRoundTrip, KMinusOnePartialsDoNot) {
  const std::vector<partial_decryption> partials = {partial_of(2), partial_of(5)};
  EXPECT_FALSE(decrypt_counts(aggregates_, partials, 3, ballot_count, table_).has_value());
  EXPECT_FALSE(combine_partials(partials, 3, positions).has_value());
  // Even when the caller understates the threshold, two shares give wrong sums and the
  // bounded search fails closed instead of inventing counts.
  EXPECT_FALSE(decrypt_counts(aggregates_, partials, 2, ballot_count, table_).has_value());
}

TEST_F(TallyRoundTrip, RepeatedScrutineerIsRefused) {
  const partial_decryption p1 = partial_of(1);
  const std::vector<partial_decryption> partials = {p1, partial_of(2), p1};
  EXPECT_FALSE(decrypt_counts(aggregates_, partials, 3, ballot_count, table_).has_value());
}

TEST_F(TallyRoundTrip, CountsAboveTheBallotCountFailClosed) {
  std::vector<partial_decryption> partials = {partial_of(1), partial_of(2), partial_of(3)};
  const std::uint64_t largest = *std::max_element(expected_.begin(), expected_.end());
  EXPECT_FALSE(decrypt_counts(aggregates_, partials, 3, largest - 1, table_).has_value());
  EXPECT_THROW((void)decrypt_counts(aggregates_, partials, 3, ballot_count + 1, table_),
               std::invalid_argument);
}

TEST_F(TallyRoundTrip, TamperedPartialsAreCaught) {
  const partial_decryption good = partial_of(4);
  ASSERT_TRUE(verifies(good));
  auto expect_caught = [&](auto&& alter, const char* what) {
    partial_decryption bad = good;
    alter(bad);
    EXPECT_FALSE(verifies(bad)) << what << " (signature left)";
    EXPECT_FALSE(verifies(resigned(bad))) << what << " (re-signed)";
  };
  expect_caught([](partial_decryption& p) { p.shares[1].m += point::generator(); }, "M");
  expect_caught([](partial_decryption& p) { p.shares[0].c += scalar::from_u64(1); }, "c");
  expect_caught([](partial_decryption& p) { p.shares[3].v += scalar::from_u64(1); }, "v");
  expect_caught([](partial_decryption& p) { p.shares[2].m = point{}; }, "identity M");
  expect_caught([](partial_decryption& p) { std::swap(p.shares[0], p.shares[1]); }, "swapped");

  partial_decryption short_one = good;
  short_one.shares.pop_back();
  EXPECT_FALSE(verifies(short_one)) << "a position missing";

  partial_decryption forged = good;
  auto sig = forged.sig.bytes();
  sig[3] ^= 1;
  forged.sig = signature(sig);
  EXPECT_FALSE(verifies(forged)) << "signature";

  partial_decryption other_signer = good;
  other_signer.sig =
      c().keys[0].sign(partial_digest(election_hash_, good.index, aggregates_, good.shares));
  EXPECT_FALSE(verifies(other_signer)) << "signed by another scrutineer";

  partial_decryption relabelled = good;
  relabelled.index = 2;
  EXPECT_FALSE(verifies(resigned(relabelled))) << "claims another index";
  relabelled.index = 0;
  EXPECT_FALSE(verifies(relabelled)) << "index 0";
  relabelled.index = 6;
  EXPECT_FALSE(verifies(relabelled)) << "index n + 1";
}

TEST_F(TallyRoundTrip, ABadPartialWouldSpoilTheCounts) {
  // Why every partial is checked before combining: a wrong M gives wrong or no counts.
  std::vector<partial_decryption> partials = {partial_of(1), partial_of(2), partial_of(3)};
  partials[1].shares[0].m += point::generator();
  const auto counts = decrypt_counts(aggregates_, partials, 3, ballot_count, table_);
  EXPECT_NE(counts, expected_);
}

TEST_F(TallyRoundTrip, DecrypterArgumentsAreChecked) {
  EXPECT_THROW((void)make_partial_decryption(c().params, c().public_keys, election_hash_,
                                             aggregates_, c().shares[0], c().keys[1], random_),
               std::invalid_argument);
  ceremony_keys other = c().public_keys;
  std::swap(other.verification_keys[0], other.verification_keys[1]);
  EXPECT_THROW((void)make_partial_decryption(c().params, other, election_hash_, aggregates_,
                                             c().shares[0], c().keys[0], random_),
               std::invalid_argument);
}

TEST(Tally, EmptyTallyCountsZero) {
  const auto c = test::run_test_ceremony(3, 2, "empty tally");
  const tally_accumulator tally(3);
  EXPECT_EQ(tally.ballots(), 0u);
  for (const auto& a : tally.aggregates()) {
    EXPECT_TRUE(a.alpha.is_identity());
    EXPECT_TRUE(a.beta.is_identity());
  }
  digest32 election_hash{};
  seeded_random random("empty");
  std::vector<partial_decryption> partials;
  for (std::uint64_t l : {1, 3}) {
    partials.push_back(make_partial_decryption(c.params, c.public_keys, election_hash,
                                               tally.aggregates(), c.shares[l - 1], c.keys[l - 1],
                                               random));
    EXPECT_TRUE(partials.back().shares[0].m.is_identity());
    EXPECT_TRUE(check_partial_decryption(c.params, c.public_keys, election_hash, tally.aggregates(),
                                         partials.back()));
  }
  // For an identity A, a non-identity M is refused.
  partial_decryption bad = partials[0];
  bad.shares[1].m = point::generator();
  bad.sig = c.keys[0].sign(partial_digest(election_hash, 1, tally.aggregates(), bad.shares));
  EXPECT_FALSE(
      check_partial_decryption(c.params, c.public_keys, election_hash, tally.aggregates(), bad));
  const discrete_log_table table(0);
  EXPECT_EQ(decrypt_counts(tally.aggregates(), partials, 2, 0, table),
            std::vector<std::uint64_t>(3, 0));
}

TEST(Tally, AccumulatorRefusesBallotsOfTheWrongShape) {
  tally_accumulator tally(2);
  const std::vector<ciphertext> three(3, {point::generator(), point::generator()});
  EXPECT_FALSE(tally.add(three));
  EXPECT_FALSE(tally.add(std::span(three).first(1)));
  EXPECT_EQ(tally.ballots(), 0u);
  EXPECT_TRUE(tally.aggregates()[0].alpha.is_identity());
  EXPECT_TRUE(tally.add(std::span(three).first(2)));
  EXPECT_TRUE(tally.add(std::span(three).first(2)));
  EXPECT_EQ(tally.ballots(), 2u);
  EXPECT_EQ(tally.aggregates()[1].beta, point::small_multiple(2));
}

TEST(Lagrange, KnownCoefficients) {
  const std::uint64_t pair[] = {1, 2};
  const auto l12 = lagrange_coefficients(pair);
  ASSERT_TRUE(l12.has_value());
  EXPECT_TRUE((*l12)[0] == scalar::from_u64(2));
  EXPECT_TRUE((*l12)[1] == -scalar::from_u64(1));
  const std::uint64_t triple[] = {5, 1, 3};
  const auto l = lagrange_coefficients(triple).value();
  // They interpolate any quadratic at 0: f(x) = 4 + 9x + 2x² (f(0) = 4).
  scalar sum;
  for (std::size_t i = 0; i < 3; ++i) {
    const std::uint64_t x = triple[i];
    sum += l[i] * scalar::from_u64(4 + 9 * x + 2 * x * x);
  }
  EXPECT_TRUE(sum == scalar::from_u64(4));
  const std::uint64_t single[] = {7};
  EXPECT_TRUE(lagrange_coefficients(single).value()[0] == scalar::from_u64(1));
}

TEST(Lagrange, RejectsBadIndexSets) {
  EXPECT_FALSE(lagrange_coefficients({}).has_value());
  const std::uint64_t with_zero[] = {0, 1};
  EXPECT_FALSE(lagrange_coefficients(with_zero).has_value());
  const std::uint64_t repeated[] = {2, 3, 2};
  EXPECT_FALSE(lagrange_coefficients(repeated).has_value());
}

}  // namespace
}  // namespace plenum::crypto
