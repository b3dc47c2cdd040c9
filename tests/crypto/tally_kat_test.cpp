// Aggregation, partial decryptions and counts against the independent implementation's
// known answers.
#include <gtest/gtest.h>

#include <variant>

#include "kat.hpp"
#include "kat_ceremony.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/reference_verify.hpp"
#include "plenum/crypto/tally.hpp"

namespace plenum::crypto {
namespace {

const boost::json::array& votes() { return test::kat().at("votes").as_array(); }

digest32 election_hash(const boost::json::object& vote) {
  return from_hex_fixed<32>(vote.at("election_hash").as_string()).value();
}

std::vector<ciphertext> recomputed_aggregates(const boost::json::object& vote) {
  const auto ballots = test::kat_ballot_ciphertexts(vote);
  tally_accumulator tally(ballots.at(0).size());
  for (const auto& ballot : ballots) EXPECT_TRUE(tally.add(ballot));
  EXPECT_EQ(tally.ballots(), ballots.size());
  return tally.aggregates();
}

TEST(TallyKat, RecomputesTheAggregates) {
  ASSERT_EQ(votes().size(), 4u);
  for (const auto& v : votes()) {
    const auto& vote = v.as_object();
    const auto aggregates = recomputed_aggregates(vote);
    EXPECT_EQ(aggregates.size(), vote.at("tally").at("positions").as_array().size());
    EXPECT_EQ(aggregates, test::kat_aggregates(vote)) << vote.at("manifest").at("vote_id");
  }
}

TEST(TallyKat, VerifiesEveryPartialAndGetsTheCounts) {
  const ceremony_params params = test::kat_params();
  const ceremony_keys keys = test::kat_ceremony_keys();
  const discrete_log_table table(100);
  for (const auto& v : votes()) {
    const auto& vote = v.as_object();
    const auto aggregates = recomputed_aggregates(vote);
    const auto partials = test::kat_partials(vote);
    ASSERT_EQ(partials.size(), 2u);
    for (const auto& partial : partials) {
      EXPECT_TRUE(check_partial_decryption(params, keys, election_hash(vote), aggregates, partial))
          << "scrutineer " << partial.index;
      EXPECT_TRUE(reference::check_partial_decryption(params, keys, election_hash(vote), aggregates,
                                                      partial))
          << "scrutineer " << partial.index;
    }
    const auto ballots = vote.at("ballots").as_array().size();
    const auto counts = decrypt_counts(aggregates, partials, params.k(), ballots, table);
    ASSERT_TRUE(counts.has_value());
    EXPECT_EQ(*counts, test::kat_counts(vote));
  }
}

TEST(TallyKat, OnePartialIsNotEnough) {
  const auto& vote = votes().at(0).as_object();
  const auto aggregates = test::kat_aggregates(vote);
  const auto partials = test::kat_partials(vote);
  const discrete_log_table table(5);
  for (const auto& partial : partials) {
    EXPECT_FALSE(decrypt_counts(aggregates, std::span(&partial, 1), 2, 5, table).has_value());
  }
}

TEST(TallyKat, PartialsAreBoundToTheirElectionAndAggregates) {
  const ceremony_params params = test::kat_params();
  const ceremony_keys keys = test::kat_ceremony_keys();
  const auto& first = votes().at(0).as_object();
  const auto& second = votes().at(1).as_object();
  const auto partial = test::kat_partials(first).at(0);
  const auto aggregates = test::kat_aggregates(first);
  EXPECT_FALSE(check_partial_decryption(params, keys, election_hash(second), aggregates, partial));
  auto moved = aggregates;
  moved[1].alpha += point::generator();
  EXPECT_FALSE(check_partial_decryption(params, keys, election_hash(first), moved, partial));
  auto reordered = aggregates;
  std::swap(reordered[0], reordered[1]);
  EXPECT_FALSE(check_partial_decryption(params, keys, election_hash(first), reordered, partial));
  // The reference path refuses the same three.
  EXPECT_FALSE(reference::check_partial_decryption(params, keys, election_hash(second), aggregates,
                                                   partial));
  EXPECT_FALSE(
      reference::check_partial_decryption(params, keys, election_hash(first), moved, partial));
  EXPECT_FALSE(
      reference::check_partial_decryption(params, keys, election_hash(first), reordered, partial));
}

// The third scrutineer, who did not decrypt in the known answers, opens its shares and
// decrypts; any two of the three partials give the published counts.
TEST(TallyKat, AnyTwoScrutineersAgree) {
  const ceremony_params params = test::kat_params();
  const ceremony_keys keys = test::kat_ceremony_keys();
  const secret_key key = test::kat_scrutineer_key(2);
  std::vector<scalar> opened;
  for (const auto& msg : test::kat_keygen_messages()) {
    opened.push_back(std::get<scalar>(open_share(params, msg, 2, key)));
  }
  const key_share share = combine_shares(params, 2, opened, keys.verification_keys[1]).value();
  seeded_random random("scrutineer 2");
  const discrete_log_table table(5);
  for (const auto& v : votes()) {
    const auto& vote = v.as_object();
    const auto aggregates = test::kat_aggregates(vote);
    const auto published = test::kat_partials(vote);
    const auto mine =
        make_partial_decryption(params, keys, election_hash(vote), aggregates, share, key, random);
    ASSERT_TRUE(check_partial_decryption(params, keys, election_hash(vote), aggregates, mine));
    for (const auto& other : published) {
      const std::vector<partial_decryption> pair = {mine, other};
      EXPECT_EQ(decrypt_counts(aggregates, pair, 2, 5, table), test::kat_counts(vote));
    }
  }
}

}  // namespace
}  // namespace plenum::crypto
