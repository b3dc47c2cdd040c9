#include "plenum/protocol/rules.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace plenum::protocol {
namespace {

namespace json = boost::json;

tally_input motion_tally(std::uint64_t yes, std::uint64_t no, std::uint64_t abstain,
                         std::uint64_t seated, std::uint64_t present) {
  tally_input t;
  t.ballots = yes + no + abstain;
  t.seated = seated;
  t.present = present;
  t.contests.push_back(
      {"motion",
       "决议",
       {{"for", "赞成", yes}, {"against", "反对", no}, {"abstain", "弃权", abstain}}});
  return t;
}

// Candidates c0..c(n-1) with the given approvals; disapprovals fill up to `ballots`.
tally_input election_tally(const std::vector<std::uint64_t>& approvals, std::uint64_t ballots,
                           std::uint64_t seated) {
  tally_input t;
  t.ballots = ballots;
  t.seated = seated;
  t.present = ballots;
  for (std::size_t i = 0; i < approvals.size(); ++i) {
    t.contests.push_back(
        {"c" + std::to_string(i),
         "候选人" + std::to_string(i),
         {{"approve", "赞成", approvals[i]}, {"disapprove", "不赞成", ballots - approvals[i]}}});
  }
  return t;
}

bool passes(const decision_rule& rule, const tally_input& t) {
  auto out = decide_outcome(rule, t);
  EXPECT_TRUE(out.has_value());
  return out.has_value() && out->passed;
}

TEST(Rules, ThresholdArithmetic) {
  threshold half{threshold::comparison::greater, 1, 2, denominator::seated};
  EXPECT_FALSE(half.met(60, 120));
  EXPECT_TRUE(half.met(61, 120));
  EXPECT_EQ(half.minimum(120), 61u);
  EXPECT_EQ(half.minimum(121), 61u);
  EXPECT_FALSE(half.met(60, 121));
  EXPECT_TRUE(half.met(61, 121));
  threshold two_thirds{threshold::comparison::at_least, 2, 3, denominator::seated};
  EXPECT_TRUE(two_thirds.met(80, 120));
  EXPECT_FALSE(two_thirds.met(79, 120));
  EXPECT_EQ(two_thirds.minimum(120), 80u);
  EXPECT_EQ(two_thirds.minimum(121), 81u);
  EXPECT_FALSE(two_thirds.met(80, 121));
  EXPECT_TRUE(two_thirds.met(81, 121));
  EXPECT_EQ(half.minimum(0), 1u);
}

TEST(Rules, MotionExactlyHalfOfSeatedFails) {
  const auto rule = decision_rule::motion_majority_of_seated();
  EXPECT_FALSE(passes(rule, motion_tally(60, 20, 20, 120, 100)));
  EXPECT_TRUE(passes(rule, motion_tally(61, 19, 20, 120, 100)));
  // The base is the seated, not the ballots: 51 of 100 ballots is not > 60.
  EXPECT_FALSE(passes(rule, motion_tally(51, 49, 0, 120, 100)));
}

TEST(Rules, MotionMajorityOfPresent) {
  const auto rule = decision_rule::motion_majority_of_present();
  EXPECT_FALSE(passes(rule, motion_tally(50, 50, 0, 120, 100)));
  EXPECT_TRUE(passes(rule, motion_tally(51, 49, 0, 120, 100)));
}

TEST(Rules, MotionTwoThirdsIsInclusive) {
  const auto rule = decision_rule::motion_two_thirds_of_seated();
  EXPECT_TRUE(passes(rule, motion_tally(80, 10, 10, 120, 100)));
  EXPECT_FALSE(passes(rule, motion_tally(79, 11, 10, 120, 100)));
}

TEST(Rules, MotionOutcomeText) {
  auto out =
      decide_outcome(decision_rule::motion_majority_of_seated(), motion_tally(3, 1, 1, 5, 5));
  ASSERT_TRUE(out.has_value());
  EXPECT_TRUE(out->passed);
  EXPECT_EQ(out->text,
            R"({"kind":"motion","ballots":5,"seated":5,"present":5,"required":3,"options":[)"
            R"({"id":"for","label":"赞成","count":3,"percent":"60.00"},)"
            R"({"id":"against","label":"反对","count":1,"percent":"20.00"},)"
            R"({"id":"abstain","label":"弃权","count":1,"percent":"20.00"}],"passed":true})");
}

TEST(Rules, MotionRejectsCountsThatDoNotFit) {
  const auto rule = decision_rule::motion_majority_of_seated();
  auto t = motion_tally(3, 1, 1, 5, 5);
  t.ballots = 6;  // one ballot without a mark: impossible for min = max = 1
  EXPECT_EQ(decide_outcome(rule, t).error(), errc::invalid_tally);
  t = motion_tally(3, 1, 1, 5, 5);
  t.contests[0].options[0].option_id = "yes";
  EXPECT_EQ(decide_outcome(rule, t).error(), errc::invalid_tally);
  t = motion_tally(3, 1, 1, 5, 5);
  t.contests.push_back(t.contests[0]);
  EXPECT_EQ(decide_outcome(rule, t).error(), errc::invalid_tally);
}

TEST(Rules, PercentText) {
  EXPECT_EQ(percent_text(2, 3), "66.67");
  EXPECT_EQ(percent_text(1, 3), "33.33");
  EXPECT_EQ(percent_text(1, 8), "12.50");
  EXPECT_EQ(percent_text(1, 200), "0.50");
  EXPECT_EQ(percent_text(1, 400), "0.25");
  EXPECT_EQ(percent_text(1, 20000), "0.01");  // half up
  EXPECT_EQ(percent_text(1, 20001), "0.00");
  EXPECT_EQ(percent_text(5, 5), "100.00");
  EXPECT_EQ(percent_text(0, 0), "0.00");
}

TEST(Rules, ElectionRanksAndLimitsToSeats) {
  // 12 seated, 12 ballots, 2 seats, 4 candidates; > 6 approvals needed.
  auto out = decide_outcome(decision_rule::election(2), election_tally({7, 9, 6, 2}, 12, 12));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->elected, (std::vector<std::string>{"c1", "c0"}));
  EXPECT_TRUE(out->runoff.empty());
  EXPECT_EQ(out->further_round_seats, 0u);
  auto parsed = json::parse(out->text).as_object();
  EXPECT_EQ(parsed.at("required").as_int64(), 7);
  EXPECT_EQ(parsed.at("candidates").as_array()[2].at("elected").as_bool(), false);
}

TEST(Rules, ElectionExactlyHalfIsNotElected) {
  auto out = decide_outcome(decision_rule::election(2), election_tally({5, 6, 5, 0}, 10, 10));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->elected, (std::vector<std::string>{"c1"}));
  EXPECT_EQ(out->further_round_seats, 1u);
}

TEST(Rules, ElectionTieAtLastSeatGoesToRunoff) {
  // 2 seats: c0 first, c1 and c2 tie for the second seat.
  auto out = decide_outcome(decision_rule::election(2), election_tally({9, 7, 7, 1}, 12, 12));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->elected, (std::vector<std::string>{"c0"}));
  EXPECT_EQ(out->runoff, (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(out->runoff_seats, 1u);
  EXPECT_EQ(out->further_round_seats, 0u);
  // A tie that does not cross the last seat is no run-off.
  auto clear = decide_outcome(decision_rule::election(2), election_tally({7, 7, 6, 0}, 10, 10));
  ASSERT_TRUE(clear.has_value());
  EXPECT_EQ(clear->elected, (std::vector<std::string>{"c0", "c1"}));
  EXPECT_TRUE(clear->runoff.empty());
  // Three tied for two seats: all three to a run-off for both seats.
  auto three = decide_outcome(decision_rule::election(2), election_tally({6, 6, 6, 0}, 10, 10));
  ASSERT_TRUE(three.has_value());
  EXPECT_TRUE(three->elected.empty());
  EXPECT_EQ(three->runoff.size(), 3u);
  EXPECT_EQ(three->runoff_seats, 2u);
}

TEST(Rules, ElectionShortfallNeedsFurtherRound) {
  auto out = decide_outcome(decision_rule::election(3), election_tally({2, 3, 4, 5}, 10, 10));
  ASSERT_TRUE(out.has_value());
  EXPECT_TRUE(out->elected.empty());
  EXPECT_EQ(out->further_round_seats, 3u);
}

TEST(Rules, ElectionRejectsImpossibleTallies) {
  const auto rule = decision_rule::election(1);
  // Two approvals per ballot with one seat.
  EXPECT_EQ(decide_outcome(rule, election_tally({10, 10}, 10, 10)).error(), errc::invalid_tally);
  // More seats than candidates.
  EXPECT_EQ(decide_outcome(decision_rule::election(3), election_tally({1, 1}, 10, 10)).error(),
            errc::invalid_tally);
  auto t = election_tally({3, 3}, 10, 10);
  t.contests[0].options[1].count = 8;  // 3 + 8 marks > 10 ballots
  EXPECT_EQ(decide_outcome(decision_rule::election(2), t).error(), errc::invalid_tally);
}

TEST(Rules, KatElectionCounts) {
  // The known-answer sitting's election: 5 voters, 2 seats, counts [3,1,3,0,1,2,0,3].
  tally_input t = election_tally({3, 3, 1, 0}, 5, 5);
  t.contests[0].options[1].count = 1;
  t.contests[1].options[1].count = 0;
  t.contests[2].options[1].count = 2;
  t.contests[3].options[1].count = 3;
  auto out = decide_outcome(decision_rule::election(2), t);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->elected, (std::vector<std::string>{"c0", "c1"}));
  auto parsed = json::parse(out->text).as_object();
  EXPECT_EQ(parsed.at("candidates").as_array()[1].at("abstain").as_int64(), 2);
}

tally_input members_tally(std::vector<std::vector<std::uint64_t>> counts,
                          std::vector<std::string> option_ids, std::uint64_t ballots) {
  tally_input t;
  t.ballots = ballots;
  t.seated = ballots;
  t.present = ballots;
  for (std::size_t m = 0; m < counts.size(); ++m) {
    contest_count c{"member-" + std::to_string(m), "成员" + std::to_string(m), {}};
    for (std::size_t o = 0; o < option_ids.size(); ++o)
      c.options.push_back({option_ids[o], option_ids[o], counts[m][o]});
    t.contests.push_back(std::move(c));
  }
  return t;
}

TEST(Rules, AppraisalCountsAndPercentages) {
  auto t = members_tally({{3, 1, 1, 0}, {0, 1, 1, 1}},
                         {"excellent", "competent", "basic", "incompetent"}, 5);
  auto out = decide_outcome(decision_rule::appraisal(), t);
  ASSERT_TRUE(out.has_value());
  auto parsed = json::parse(out->text).as_object();
  const auto& m1 = parsed.at("members").as_array()[1].as_object();
  EXPECT_EQ(m1.at("none").as_int64(), 2);
  EXPECT_EQ(m1.at("levels").as_array()[1].at("percent").as_string(), "20.00");
  EXPECT_EQ(parsed.at("members").as_array()[0].at("levels").as_array()[0].at("percent").as_string(),
            "60.00");
  t.contests[0].options[0].count = 5;  // 5 + 1 + 1 marks on 5 ballots
  EXPECT_EQ(decide_outcome(decision_rule::appraisal(), t).error(), errc::invalid_tally);
}

TEST(Rules, ConfidenceFlagsAboveTheLineOnly) {
  // Line 1/3 of 6 ballots: 2 distrust is exactly 1/3 (not flagged), 3 is flagged.
  auto t = members_tally({{4, 0, 2}, {3, 0, 3}}, {"trust", "basic-trust", "distrust"}, 6);
  auto out = decide_outcome(decision_rule::confidence(1, 3), t);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->flagged, (std::vector<std::string>{"member-1"}));
  auto parsed = json::parse(out->text).as_object();
  EXPECT_EQ(parsed.at("required").as_int64(), 3);
  EXPECT_FALSE(parsed.at("members").as_array()[0].at("flagged").as_bool());
  // A different line.
  auto strict = decide_outcome(decision_rule::confidence(1, 4), t);
  ASSERT_TRUE(strict.has_value());
  EXPECT_EQ(strict->flagged.size(), 2u);
  // The flag option must exist.
  auto wrong = members_tally({{4, 2}}, {"trust", "basic-trust"}, 6);
  EXPECT_EQ(decide_outcome(decision_rule::confidence(), wrong).error(), errc::invalid_tally);
}

TEST(Rules, SatisfactionNeedsMoreThanTheLineOfFavourableMarks) {
  // 8 ballots, line 1/2: item-0 has 3 + 1 favourable, exactly half (flagged); item-1 has
  // 2 + 3 = 5 (satisfactory); item-2 has no favourable mark at all (flagged).
  const auto m = crypto::satisfaction_manifest(
      "v1", "满意度测评", std::vector<std::string>{"决议一的执行", "提案一的办理", "整改一"});
  auto t = make_tally_input(m, {3, 1, 4, 2, 3, 1, 0, 0, 2}, 8, 10, 9);
  ASSERT_TRUE(t.has_value());
  auto out = decide_outcome(decision_rule::satisfaction(), *t);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->kind, vote_kind::satisfaction);
  EXPECT_EQ(out->flagged, (std::vector<std::string>{"item-0", "item-2"}));
  EXPECT_EQ(
      out->text,
      R"({"kind":"satisfaction","ballots":8,"seated":10,"present":9,"required":5,"items":[)"
      R"({"id":"item-0","name":"决议一的执行","levels":[{"id":"satisfied","label":"满意","count":3,"percent":"37.50"},{"id":"basically_satisfied","label":"基本满意","count":1,"percent":"12.50"},{"id":"unsatisfied","label":"不满意","count":4,"percent":"50.00"}],"none":0,"favourable":4,"percent":"50.00","satisfactory":false},)"
      R"({"id":"item-1","name":"提案一的办理","levels":[{"id":"satisfied","label":"满意","count":2,"percent":"25.00"},{"id":"basically_satisfied","label":"基本满意","count":3,"percent":"37.50"},{"id":"unsatisfied","label":"不满意","count":1,"percent":"12.50"}],"none":2,"favourable":5,"percent":"62.50","satisfactory":true},)"
      R"({"id":"item-2","name":"整改一","levels":[{"id":"satisfied","label":"满意","count":0,"percent":"0.00"},{"id":"basically_satisfied","label":"基本满意","count":0,"percent":"0.00"},{"id":"unsatisfied","label":"不满意","count":2,"percent":"25.00"}],"none":6,"favourable":0,"percent":"0.00","satisfactory":false}],"flagged":["item-0","item-2"]})");
  // One more favourable mark on item-0 crosses the line.
  t->contests[0].options[1].count = 2;
  t->contests[0].options[2].count = 3;
  auto crossed = decide_outcome(decision_rule::satisfaction(), *t);
  ASSERT_TRUE(crossed.has_value());
  EXPECT_EQ(crossed->flagged, (std::vector<std::string>{"item-2"}));
  // Another line: 2/3 of 8 needs 6; item-1's 5 is no longer enough.
  auto strict = decide_outcome(decision_rule::satisfaction(2, 3), *t);
  ASSERT_TRUE(strict.has_value());
  EXPECT_EQ(strict->flagged, (std::vector<std::string>{"item-0", "item-1", "item-2"}));
  // No ballot at all: nothing is satisfactory (0 is not more than half of 0).
  auto none = make_tally_input(m, std::vector<std::uint64_t>(9, 0), 0, 10, 9);
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(decide_outcome(decision_rule::satisfaction(), *none)->flagged.size(), 3u);
}

TEST(Rules, SatisfactionRefusesATallyThatDoesNotFit) {
  const auto m =
      crypto::satisfaction_manifest("v1", "满意度测评", std::vector<std::string>{"决议一的执行"});
  // Two marks on one item from 3 ballots.
  auto over = make_tally_input(m, {2, 1, 1}, 3, 5, 5);
  ASSERT_TRUE(over.has_value());
  EXPECT_EQ(decide_outcome(decision_rule::satisfaction(), *over).error(), errc::invalid_tally);
  // Not the three levels (a confidence tally).
  auto wrong = members_tally({{1, 1, 1}}, {"trust", "basic-trust", "distrust"}, 3);
  EXPECT_EQ(decide_outcome(decision_rule::satisfaction(), wrong).error(), errc::invalid_tally);
  tally_input empty;
  EXPECT_EQ(decide_outcome(decision_rule::satisfaction(), empty).error(), errc::invalid_tally);
}

TEST(Rules, RuleTextsAreCanonicalAndRoundTrip) {
  EXPECT_EQ(
      rule_text(decision_rule::motion_majority_of_seated()),
      R"({"kind":"motion","pass":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"ballots"})");
  EXPECT_EQ(
      rule_text(decision_rule::motion_two_thirds_of_seated()),
      R"({"kind":"motion","pass":{"cmp":"ge","num":2,"den":3,"of":"seated"},"percent_of":"ballots"})");
  EXPECT_EQ(
      rule_text(decision_rule::election(3)),
      R"({"kind":"election","seats":3,"elect":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"ballots"})");
  EXPECT_EQ(rule_text(decision_rule::appraisal()),
            R"({"kind":"appraisal","percent_of":"ballots"})");
  EXPECT_EQ(
      rule_text(decision_rule::confidence()),
      R"({"kind":"confidence","flag":{"option":"distrust","cmp":"gt","num":1,"den":3,"of":"ballots"},"percent_of":"ballots"})");
  EXPECT_EQ(
      rule_text(decision_rule::satisfaction()),
      R"({"kind":"satisfaction","satisfactory":{"cmp":"gt","num":1,"den":2,"of":"ballots"},"percent_of":"ballots"})");
  EXPECT_EQ(decision_rule::default_for(vote_kind::satisfaction), decision_rule::satisfaction());
  EXPECT_EQ(parse_vote_kind("satisfaction"), vote_kind::satisfaction);
  EXPECT_EQ(to_string(vote_kind::satisfaction), "satisfaction");
  for (const auto& rule :
       {decision_rule::motion_majority_of_seated(), decision_rule::motion_majority_of_present(),
        decision_rule::motion_two_thirds_of_seated(), decision_rule::election(2),
        decision_rule::appraisal(), decision_rule::confidence(2, 5), decision_rule::satisfaction(),
        decision_rule::satisfaction(2, 3)}) {
    auto parsed = parse_rule(rule_text(rule));
    ASSERT_TRUE(parsed.has_value()) << rule_text(rule);
    EXPECT_EQ(*parsed, rule);
  }
}

TEST(Rules, ParseRejectsNonCanonicalOrInvalidTexts) {
  const std::string good =
      R"({"kind":"motion","pass":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"ballots"})";
  ASSERT_TRUE(parse_rule(good).has_value());
  for (
      std::string_view bad : {
          R"({"kind":"motion", "pass":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"ballots"})",
          R"({"pass":{"cmp":"gt","num":1,"den":2,"of":"seated"},"kind":"motion","percent_of":"ballots"})",
          R"({"kind":"motion","pass":{"cmp":"gt","num":1,"den":0,"of":"seated"},"percent_of":"ballots"})",
          R"({"kind":"motion","pass":{"cmp":"lt","num":1,"den":2,"of":"seated"},"percent_of":"ballots"})",
          R"({"kind":"motion","pass":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"present"})",
          R"({"kind":"motion","pass":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"ballots","x":1})",
          R"({"kind":"election","seats":0,"elect":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"ballots"})",
          R"({"kind":"referendum","percent_of":"ballots"})",
          R"({"kind":"satisfaction","satisfactory":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"ballots"})",
          R"({"kind":"satisfaction","percent_of":"ballots"})",
          R"({"kind":"satisfaction","satisfactory":{"cmp":"gt","num":1,"den":2,"of":"ballots"},"flag":{},"percent_of":"ballots"})",
          R"({"kind":"motion","pass":{"cmp":"gt","num":1.5,"den":2,"of":"seated"},"percent_of":"ballots"})",
          "not json",
      }) {
    EXPECT_EQ(parse_rule(bad).error(), errc::invalid_rule) << bad;
  }
}

TEST(Rules, TallyInputFromManifestAndCounts) {
  const auto m = crypto::election_manifest("e1", "选举", std::vector<std::string>{"甲", "乙"}, 1);
  auto t = make_tally_input(m, {3, 1, 1, 2}, 5, 5, 5);
  ASSERT_TRUE(t.has_value());
  ASSERT_EQ(t->contests.size(), 2u);
  EXPECT_EQ(t->contests[1].title, "乙");
  EXPECT_EQ(t->contests[1].options[1].option_id, "disapprove");
  EXPECT_EQ(t->contests[1].options[1].count, 2u);
  EXPECT_EQ(t->seated, 5u);
  EXPECT_EQ(make_tally_input(m, {3, 1, 1}, 5, 6, 5).error(), errc::invalid_tally);
  EXPECT_EQ(make_tally_input(m, {3, 1, 1, 2, 0}, 5, 6, 5).error(), errc::invalid_tally);
  auto out = decide_outcome(decision_rule::election(1), *t);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->elected, (std::vector<std::string>{"cand-0"}));  // 3 > 5/2
  t->seated = 6;                                                  // 3 is exactly half of 6
  EXPECT_TRUE(decide_outcome(decision_rule::election(1), *t)->elected.empty());
}

}  // namespace
}  // namespace plenum::protocol
