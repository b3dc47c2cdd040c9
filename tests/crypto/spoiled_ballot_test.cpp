// Spoiled ballots (Benaloh challenge): a ballot made with its openings shows what it
// encrypted, and every way of lying about it is caught with its reason.
#include "plenum/crypto/spoiled_ballot.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plenum::crypto {
namespace {

const std::vector<std::string> people{"甲", "乙", "丙", "丁"};

class SpoiledBallot : public ::testing::Test {
 protected:
  seeded_random rng_{"spoiled ballot test"};
  scalar key_secret_ = scalar::random_nonzero(rng_);
  point joint_key_ = point::base_mul(key_secret_);
  secret_key voter_ = secret_key::generate(rng_);
  digest32 election_{0x5b, 0x01};
  manifest election_manifest_ = election_manifest("e", "election", people, 2);
  // 甲 approved, 乙 disapproved, 丙 approved, 丁 no mark.
  ballot_choices election_choices_{{1, 0}, {0, 1}, {1, 0}, {0, 0}};

  opened_ballot make(const manifest& m, const ballot_choices& choices) {
    auto s = make_opened_ballot(m, election_, joint_key_, voter_, choices, rng_);
    if (!s) throw std::runtime_error("make_opened_ballot refused valid choices");
    return *s;
  }
  spoil_check check(const manifest& m, const opened_ballot& s) {
    return check_spoiled_ballot(m, election_, joint_key_, s);
  }
};

TEST_F(SpoiledBallot, OpensToTheChoicesItWasMadeWith) {
  const opened_ballot s = make(election_manifest_, election_choices_);
  const spoil_check r = check(election_manifest_, s);
  EXPECT_EQ(r.status, spoil_status::ok);
  EXPECT_EQ(r.choices, election_choices_);
  const manifest motion = motion_manifest("m", "motion", "决议");
  for (std::size_t mark = 0; mark < 3; ++mark) {
    ballot_choices choices{{0, 0, 0}};
    choices[0][mark] = 1;
    const spoil_check m = check(motion, make(motion, choices));
    EXPECT_EQ(m.status, spoil_status::ok);
    EXPECT_EQ(m.choices, choices);
  }
}

TEST_F(SpoiledBallot, TheBallotIsTheOneMakeBallotMakesFromTheSameSeed) {
  seeded_random a{"same seed"};
  seeded_random b{"same seed"};
  auto opened =
      make_opened_ballot(election_manifest_, election_, joint_key_, voter_, election_choices_, a);
  auto plain = make_ballot(election_manifest_, election_, joint_key_, voter_, election_choices_, b);
  ASSERT_TRUE(opened && plain);
  EXPECT_EQ(opened->b, *plain);
  ASSERT_EQ(opened->openings.size(), 4u);
  EXPECT_EQ(opened->openings[2][0].value, 1);
  EXPECT_EQ(point::base_mul(opened->openings[2][0].r), plain->contests[2].options[0].ct.alpha);
}

TEST_F(SpoiledBallot, RefusesChoicesThatCannotBeMade) {
  EXPECT_FALSE(make_opened_ballot(election_manifest_, election_, joint_key_, voter_,
                                  {{1, 0}, {1, 0}, {1, 0}, {0, 0}}, rng_));
}

TEST_F(SpoiledBallot, AWrongNonceIsNamed) {
  opened_ballot s = make(election_manifest_, election_choices_);
  s.openings[1][1].r += scalar::from_u64(1);
  const spoil_check r = check(election_manifest_, s);
  EXPECT_EQ(r.status, spoil_status::bad_nonce);
  EXPECT_EQ(r.contest, 1u);
  EXPECT_EQ(r.option, 1u);
  EXPECT_TRUE(r.choices.empty());
}

TEST_F(SpoiledBallot, AClaimedValueOtherThanTheEncryptedOneIsABadNonce) {
  // The tablet that lies: it claims 甲 was disapproved while the ciphertext approves.
  opened_ballot s = make(election_manifest_, election_choices_);
  s.openings[0][0].value = 0;
  const spoil_check r = check(election_manifest_, s);
  EXPECT_EQ(r.status, spoil_status::bad_nonce);
  EXPECT_EQ(r.contest, 0u);
  EXPECT_EQ(r.option, 0u);
}

TEST_F(SpoiledBallot, OpeningsOfTheWrongShapeOrValueAreMalformed) {
  const opened_ballot good = make(election_manifest_, election_choices_);
  opened_ballot missing_contest = good;
  missing_contest.openings.pop_back();
  EXPECT_EQ(check(election_manifest_, missing_contest).status, spoil_status::malformed_nonces);
  opened_ballot missing_option = good;
  missing_option.openings[3].pop_back();
  EXPECT_EQ(check(election_manifest_, missing_option).status, spoil_status::malformed_nonces);
  opened_ballot two = good;
  two.openings[3][1].value = 2;
  EXPECT_EQ(check(election_manifest_, two).status, spoil_status::malformed_nonces);
}

TEST_F(SpoiledBallot, TheBallotMustVerifyAsACastOneWould) {
  opened_ballot s = make(election_manifest_, election_choices_);
  byte_array<64> flipped = s.b.sig.bytes();
  flipped[0] ^= 1;
  s.b.sig = signature(flipped);
  spoil_check r = check(election_manifest_, s);
  EXPECT_EQ(r.status, spoil_status::bad_ballot);
  EXPECT_EQ(r.ballot, ballot_status::bad_signature);
  // Made for another election: its proofs bind the election hash.
  const opened_ballot other = make(election_manifest_, election_choices_);
  digest32 elsewhere = election_;
  elsewhere[5] ^= 1;
  r = check_spoiled_ballot(election_manifest_, elsewhere, joint_key_, other);
  EXPECT_EQ(r.status, spoil_status::bad_ballot);
  EXPECT_EQ(r.ballot, ballot_status::bad_option_proof);
  // Another joint key: the openings no longer open even if proofs were ignored.
  EXPECT_EQ(check_spoiled_ballot(election_manifest_, election_,
                                 point::base_mul(key_secret_ + scalar::from_u64(1)), other)
                .status,
            spoil_status::bad_ballot);
}

TEST_F(SpoiledBallot, StatusNames) {
  EXPECT_EQ(to_string(spoil_status::bad_nonce), "bad_nonce");
  EXPECT_EQ(to_string(spoil_status::malformed_nonces), "malformed_nonces");
}

}  // namespace
}  // namespace plenum::crypto
