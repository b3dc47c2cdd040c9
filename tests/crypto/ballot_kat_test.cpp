// The ballot half of cvp1-kat.json: manifest, roster and election hashes; every ballot accepted
// with its digest and tracking code; every invalid ballot refused for the reason it was made.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "ballot_kat_support.hpp"
#include "ballot_parse.hpp"
#include "kat.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/reference_verify.hpp"

namespace plenum::crypto {
namespace {

const boost::json::array& kat_votes() { return test::kat().at("votes").as_array(); }

digest32 kat_ceremony_id() {
  return *from_hex_fixed<32>(test::kat().at("ceremony").at("ceremony_id").as_string());
}

point kat_joint_key() { return test::point_field(test::kat().at("ceremony").at("joint_key")); }

digest32 digest_field(const boost::json::value& v) {
  auto d = from_hex_fixed<32>(v.as_string());
  if (!d) throw std::runtime_error("malformed digest");
  return *d;
}

// The reason each kind of invalid KAT ballot must be refused with.
ballot_status expected_status(std::string_view why) {
  if (auto status = test::invalid_ballot_status(why)) return *status;
  ADD_FAILURE() << "unknown invalid case: " << why;
  return ballot_status::ok;
}

// Parses then verifies: the first failing step's status.
ballot_status check(const manifest& m, const digest32& election, const boost::json::value& json) {
  test::parsed_ballot parsed = test::parse_ballot(test::raw_ballot_from_json(json));
  if (!parsed.value) return parsed.status;
  // Both engines (the variable-time one and the reference path) give the same status.
  const ballot_status status = verify_ballot(m, election, kat_joint_key(), *parsed.value);
  EXPECT_EQ(reference::verify_ballot(m, election, kat_joint_key(), *parsed.value), status);
  return status;
}

TEST(BallotKat, HasOneVoteOfEachKind) {
  ASSERT_EQ(kat_votes().size(), 4u);
  std::vector<vote_kind> kinds;
  for (const auto& vote : kat_votes()) {
    kinds.push_back(test::manifest_from_json(vote.at("manifest")).kind);
  }
  EXPECT_EQ(kinds, (std::vector<vote_kind>{vote_kind::motion, vote_kind::election,
                                           vote_kind::appraisal, vote_kind::confidence}));
}

TEST(BallotKat, ReproducesManifestRosterAndElectionHashes) {
  const auto voters = test::kat_voter_keys();
  ASSERT_EQ(voters.size(), 5u);
  for (const auto& vote : kat_votes()) {
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    SCOPED_TRACE(m.vote_id);
    EXPECT_FALSE(check_manifest(m).has_value());
    const digest32 mh = manifest_hash(m);
    const digest32 rh = roster_hash(voters);
    EXPECT_EQ(to_hex(mh), vote.at("manifest_hash").as_string());
    EXPECT_EQ(to_hex(rh), vote.at("roster_hash").as_string());
    EXPECT_EQ(to_hex(election_hash(kat_ceremony_id(), kat_joint_key(), mh, rh)),
              vote.at("election_hash").as_string());
  }
}

TEST(BallotKat, RosterHashDoesNotDependOnOrder) {
  auto voters = test::kat_voter_keys();
  const digest32 before = roster_hash(voters);
  std::reverse(voters.begin(), voters.end());
  EXPECT_EQ(roster_hash(voters), before);
  voters.pop_back();
  EXPECT_NE(roster_hash(voters), before);
}

TEST(BallotKat, AcceptsEveryBallotAndReproducesDigestAndTrackingCode) {
  std::size_t accepted = 0;
  for (const auto& vote : kat_votes()) {
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    const digest32 election = digest_field(vote.at("election_hash"));
    for (const auto& entry : vote.at("ballots").as_array()) {
      SCOPED_TRACE(m.vote_id + " ballot " + std::string(entry.at("digest").as_string()));
      test::parsed_ballot parsed =
          test::parse_ballot(test::raw_ballot_from_json(entry.at("ballot")));
      ASSERT_EQ(parsed.status, ballot_status::ok);
      ASSERT_TRUE(parsed.value.has_value());
      const ballot& b = *parsed.value;
      EXPECT_EQ(verify_ballot(m, election, kat_joint_key(), b), ballot_status::ok);
      EXPECT_EQ(reference::verify_ballot(m, election, kat_joint_key(), b), ballot_status::ok);
      const digest32 digest = ballot_digest(b, election);
      EXPECT_EQ(to_hex(digest), entry.at("digest").as_string());
      EXPECT_EQ(to_hex(tracking_code(digest, b.sig)), entry.at("tracking_code").as_string());
      EXPECT_FALSE(check_choices(m, test::choices_from_json(entry.at("choice"))).has_value());
      ++accepted;
    }
  }
  EXPECT_EQ(accepted, 20u);
}

TEST(BallotKat, RefusesEveryInvalidBallotForItsReason) {
  std::size_t refused = 0;
  for (const auto& vote : kat_votes()) {
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    const digest32 election = digest_field(vote.at("election_hash"));
    for (const auto& entry : vote.at("invalid").as_array()) {
      const std::string why(entry.at("why").as_string());
      SCOPED_TRACE(m.vote_id + ": " + why);
      const ballot_status status = check(m, election, entry.at("ballot"));
      EXPECT_NE(status, ballot_status::ok);
      EXPECT_EQ(status, expected_status(why)) << to_string(status);
      ++refused;
    }
  }
  EXPECT_EQ(refused, 26u);
}

TEST(BallotKat, BallotOfOneVoteIsRefusedByAnother) {
  const manifest other = test::manifest_from_json(kat_votes()[3].at("manifest"));
  const digest32 election = digest_field(kat_votes()[3].at("election_hash"));
  EXPECT_EQ(check(other, election, kat_votes()[0].at("ballots").at(0).at("ballot")),
            ballot_status::wrong_vote_id);
}

TEST(BallotKat, BallotIsRefusedUnderAnotherJointKey) {
  const auto& vote = kat_votes()[0];
  const manifest m = test::manifest_from_json(vote.at("manifest"));
  test::parsed_ballot parsed =
      test::parse_ballot(test::raw_ballot_from_json(vote.at("ballots").at(0).at("ballot")));
  ASSERT_TRUE(parsed.value.has_value());
  EXPECT_EQ(verify_ballot(m, digest_field(vote.at("election_hash")), point::small_multiple(7),
                          *parsed.value),
            ballot_status::bad_option_proof);
}

TEST(BallotKat, OwnBallotsVerifyUnderTheKatElections) {
  seeded_random rng("own ballots under the kat");
  const auto& voters = test::kat().at("voters").as_array();
  for (const auto& vote : kat_votes()) {
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    const digest32 election = digest_field(vote.at("election_hash"));
    SCOPED_TRACE(m.vote_id);
    for (std::size_t i = 0; i < voters.size(); ++i) {
      const secret_key voter = test::secret_key_field(voters[i].at("sk"));
      const auto choices = test::choices_from_json(vote.at("ballots").at(i).at("choice"));
      auto b = make_ballot(m, election, kat_joint_key(), voter, choices, rng);
      ASSERT_TRUE(b.has_value());
      EXPECT_EQ(b->voter_pk, test::public_key_field(voters[i].at("pk")));
      EXPECT_EQ(verify_ballot(m, election, kat_joint_key(), *b), ballot_status::ok);
    }
  }
}

TEST(BallotKat, StandardManifestBuildersMatchTheKat) {
  std::vector<manifest> expected;
  for (const auto& vote : kat_votes())
    expected.push_back(test::manifest_from_json(vote.at("manifest")));
  auto titles = [](const manifest& m) {
    std::vector<std::string> out;
    for (const auto& c : m.contests) out.push_back(c.title);
    return out;
  };
  const manifest& motion = expected[0];
  EXPECT_EQ(motion_manifest(motion.vote_id, motion.title, motion.contests[0].title), motion);
  const manifest& election = expected[1];
  EXPECT_EQ(election_manifest(election.vote_id, election.title, titles(election),
                              election.constraints[0].max),
            election);
  const manifest& appraisal = expected[2];
  EXPECT_EQ(appraisal_manifest(appraisal.vote_id, appraisal.title, titles(appraisal)), appraisal);
  const manifest& confidence = expected[3];
  EXPECT_EQ(confidence_manifest(confidence.vote_id, confidence.title, titles(confidence)),
            confidence);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(to_hex(manifest_hash(expected[i])), kat_votes()[i].at("manifest_hash").as_string());
  }
}

}  // namespace
}  // namespace plenum::crypto
