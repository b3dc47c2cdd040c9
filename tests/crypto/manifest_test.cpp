#include "plenum/crypto/manifest.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plenum::crypto {
namespace {

const std::vector<std::string> members{"王建国", "李秀英", "张伟"};

manifest valid_election() {
  const std::vector<std::string> candidates{"a", "b", "c"};
  return election_manifest("vote-x", "election", candidates, 2);
}

TEST(Manifest, KindStrings) {
  for (vote_kind k : {vote_kind::motion, vote_kind::election, vote_kind::appraisal,
                      vote_kind::confidence, vote_kind::satisfaction}) {
    EXPECT_EQ(parse_vote_kind(to_string(k)), k);
  }
  EXPECT_EQ(to_string(vote_kind::confidence), "confidence");
  EXPECT_EQ(to_string(vote_kind::satisfaction), "satisfaction");
  EXPECT_FALSE(parse_vote_kind("Motion"));
  EXPECT_FALSE(parse_vote_kind(""));
}

TEST(Manifest, BuildersAreValid) {
  EXPECT_FALSE(check_manifest(motion_manifest("v", "t", "c")));
  EXPECT_FALSE(check_manifest(valid_election()));
  EXPECT_FALSE(check_manifest(appraisal_manifest("v", "t", members)));
  EXPECT_FALSE(check_manifest(appraisal_manifest("v", "t", members, appraisal_scale::alternative)));
  EXPECT_FALSE(check_manifest(confidence_manifest("v", "t", members)));
  EXPECT_FALSE(check_manifest(satisfaction_manifest("v", "t", members)));
}

TEST(Manifest, BuildersFollowTheDomain) {
  const manifest motion = motion_manifest("v", "t", "c");
  ASSERT_EQ(motion.contests.size(), 1u);
  EXPECT_EQ(motion.contests[0].min, 1u);
  EXPECT_EQ(motion.contests[0].max, 1u);
  EXPECT_EQ(motion.contests[0].options.size(), 3u);
  EXPECT_TRUE(motion.constraints.empty());

  const manifest election = valid_election();
  ASSERT_EQ(election.contests.size(), 3u);
  EXPECT_EQ(election.contests[2].contest_id, "cand-2");
  EXPECT_EQ(election.contests[2].options[0].option_id, "approve");
  ASSERT_EQ(election.constraints.size(), 1u);
  EXPECT_EQ(election.constraints[0].max, 2u);
  EXPECT_EQ(election.constraints[0].positions, (std::vector<position>{{0, 0}, {1, 0}, {2, 0}}));

  const manifest appraisal = appraisal_manifest("v", "t", members, appraisal_scale::alternative);
  EXPECT_EQ(appraisal.kind, vote_kind::appraisal);
  EXPECT_EQ(appraisal.contests[1].title, "李秀英");
  EXPECT_EQ(appraisal.contests[1].options.size(), 4u);
  EXPECT_EQ(appraisal.contests[1].options[3].label, "差");

  const manifest confidence = confidence_manifest("v", "t", members);
  EXPECT_EQ(confidence.contests[0].options[1].option_id, "basic-trust");
  EXPECT_EQ(confidence.contests[0].max, 1u);

  const manifest satisfaction = satisfaction_manifest("v", "t", members);
  EXPECT_EQ(satisfaction.kind, vote_kind::satisfaction);
  ASSERT_EQ(satisfaction.contests.size(), members.size());
  EXPECT_EQ(satisfaction.contests[1].contest_id, "item-1");
  EXPECT_EQ(satisfaction.contests[1].title, members[1]);
  EXPECT_EQ(satisfaction.contests[1].min, 0u);
  EXPECT_EQ(satisfaction.contests[1].max, 1u);
  EXPECT_EQ(
      satisfaction.contests[1].options,
      (std::vector<manifest_option>{
          {"satisfied", "满意"}, {"basically_satisfied", "基本满意"}, {"unsatisfied", "不满意"}}));
  EXPECT_TRUE(satisfaction.constraints.empty());
}

TEST(Manifest, SatisfactionKindIsHashed) {
  // The same contests under another kind hash differently: the kind is bound to every ballot.
  const manifest satisfaction = satisfaction_manifest("v", "t", members);
  manifest relabelled = satisfaction;
  relabelled.kind = vote_kind::confidence;
  EXPECT_NE(manifest_hash(satisfaction), manifest_hash(relabelled));
  EXPECT_EQ(manifest_hash(satisfaction), manifest_hash(satisfaction_manifest("v", "t", members)));
}

TEST(Manifest, ReportsEachStructuralProblem) {
  auto problem_after = [](auto edit) {
    manifest m = valid_election();
    edit(m);
    return check_manifest(m);
  };
  using p = manifest_problem;
  EXPECT_EQ(problem_after([](manifest& m) { m.vote_id.clear(); }), p::empty_vote_id);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests.clear(); }), p::no_contests);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests.resize(max_contests + 1); }), p::too_large);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests[0].options.resize(max_options + 1); }),
            p::too_large);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests[1].contest_id.clear(); }), p::empty_id);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests[0].options[1].option_id.clear(); }),
            p::empty_id);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests[2].contest_id = "cand-0"; }),
            p::duplicate_contest_id);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests[1].options.clear(); }), p::no_options);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests[1].options[1].option_id = "approve"; }),
            p::duplicate_option_id);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests[0].min = 2; }), p::bad_contest_bounds);
  EXPECT_EQ(problem_after([](manifest& m) { m.contests[0].max = 3; }), p::bad_contest_bounds);
  EXPECT_EQ(problem_after([](manifest& m) { m.constraints[0].positions.clear(); }),
            p::no_positions);
  EXPECT_EQ(problem_after([](manifest& m) {
              m.constraints[0].positions[0] = {3, 0};
            }),
            p::position_out_of_range);
  EXPECT_EQ(problem_after([](manifest& m) {
              m.constraints[0].positions[0] = {0, 2};
            }),
            p::position_out_of_range);
  EXPECT_EQ(problem_after([](manifest& m) {
              m.constraints[0].positions[1] = {0, 0};
            }),
            p::duplicate_position);
  EXPECT_EQ(problem_after([](manifest& m) { m.constraints[0].max = 4; }), p::bad_constraint_bounds);
  EXPECT_EQ(problem_after([](manifest& m) { m.constraints[0].min = 3; }), p::bad_constraint_bounds);
  EXPECT_EQ(problem_after([](manifest& m) { m.constraints.resize(max_constraints + 1); }),
            p::too_large);
  EXPECT_FALSE(to_string(p::duplicate_position).empty());
}

TEST(Manifest, HashCoversEveryField) {
  const manifest base = valid_election();
  const digest32 h = manifest_hash(base);
  EXPECT_EQ(manifest_hash(valid_election()), h);
  std::vector<manifest> edited(9, base);
  edited[0].vote_id = "vote-y";
  edited[1].kind = vote_kind::motion;
  edited[2].title = "other";
  edited[3].contests[0].title = "z";
  edited[4].contests[0].max = 0;
  edited[5].contests[1].options[1].label = "x";
  edited[6].constraints[0].max = 1;
  edited[7].constraints[0].positions[2] = {2, 1};
  edited[8].constraints.clear();
  for (std::size_t i = 0; i < edited.size(); ++i) EXPECT_NE(manifest_hash(edited[i]), h) << i;
}

TEST(Manifest, HashFramesStringsUnambiguously) {
  manifest a = motion_manifest("v", "ab", "c");
  manifest b = motion_manifest("v", "a", "bc");
  EXPECT_NE(manifest_hash(a), manifest_hash(b));
}

TEST(Manifest, ElectionHashBindsEachInput) {
  const digest32 ceremony{1}, mh{2}, rh{3};
  const point k = point::small_multiple(5);
  const digest32 h = election_hash(ceremony, k, mh, rh);
  EXPECT_NE(election_hash(digest32{9}, k, mh, rh), h);
  EXPECT_NE(election_hash(ceremony, point::small_multiple(6), mh, rh), h);
  EXPECT_NE(election_hash(ceremony, k, rh, mh), h);
  EXPECT_EQ(election_hash(ceremony, k, mh, rh), h);
}

}  // namespace
}  // namespace plenum::crypto
