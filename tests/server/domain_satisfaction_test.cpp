// The satisfaction appraisal (满意度测评) in the domain: who creates it on which item, its
// subjects, and a whole vote from the ballots to the scrutineers' decryption and the outcome.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "domain_fixture.hpp"

namespace plenum::server::domain {
namespace {

using test::delegate_number;
namespace json = boost::json;

// The subjects' own titles: the resolution's, the proposal's, the rectification item's
// member and problem.
const std::vector<std::string> items{"关于上一年度年会决议执行情况的决议", "关于修缮村道的提案",
                                     "乙：联系群众不够"};
const std::vector<protocol::vote_subject> subjects{
    {"resolution", "R1"}, {"proposal", "P1"}, {"rectification", "RC1"}};

// Sitting s1 (10 delegates, 9 present) open on report item i1, with the term's subjects made by
// the real commands: resolution R1 adopted on i1, proposal P1 accepted (P2 only submitted, P3
// merged into P1), rectification item RC1 recorded from the appraisal a1 on item ia.
struct satisfaction_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override {
    c.prepare_sitting(9);
    c.complete_ceremony();
    c.open_with_item("i1", "report");
    c.open_motion("m1", "i1", items[0]);
    c.cast_each("m1", 9, [](std::size_t) { return crypto::ballot_choices{{1, 0, 0}}; });
    ASSERT_TRUE(c.as("CH", close_vote{"m1"}));
    ASSERT_TRUE(c.decrypt("m1", {1, 2}));
    ASSERT_TRUE(c.state.resolutions().contains("R1"));
    ASSERT_TRUE(c.as("D001", submit_proposal{"P1", items[1], "建议修缮村道"}));
    ASSERT_TRUE(c.as("D002", submit_proposal{"P2", "关于路灯的提案", "建议加装路灯"}));
    ASSERT_TRUE(c.as("D003", submit_proposal{"P3", "关于村道的提案", "建议修路"}));
    ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
    ASSERT_TRUE(c.as("SE", merge_proposal{"P3", "P1"}));
    ASSERT_TRUE(c.as("SE", add_item{"s1", "ia", "appraisal", "民主评议", 0, "", ""}));
    ASSERT_TRUE(c.as("CH", set_current_item{"s1", "ia"}));
    create_vote a;
    a.vote_id = "a1";
    a.sitting_id = "s1";
    a.item_id = "ia";
    a.kind = "appraisal";
    a.title = "民主评议镇党委班子成员";
    a.members = {"甲", "乙"};
    ASSERT_TRUE(c.as("CH", a));
    ASSERT_TRUE(c.as("CH", open_vote{"a1"}));
    c.cast_each("a1", 9, [](std::size_t) {
      return crypto::ballot_choices{{1, 0, 0, 0}, {0, 0, 1, 0}};
    });
    ASSERT_TRUE(c.as("CH", close_vote{"a1"}));
    ASSERT_TRUE(c.decrypt("a1", {1, 2}));
    ASSERT_TRUE(c.as("SE", record_rectification{"RC1", "a1", "乙", "联系群众不够", "乙"}));
    ASSERT_TRUE(c.as("CH", set_current_item{"s1", "i1"}));
  }
  create_vote appraisal(std::string item = "i1") const {
    create_vote v;
    v.vote_id = "v1";
    v.sitting_id = "s1";
    v.item_id = std::move(item);
    v.kind = "satisfaction";
    v.title = "满意度测评";
    v.members = items;
    v.subjects = subjects;
    return v;
  }
  // `v` is refused with `code`, and the state and the log stay as they were.
  void refused(const create_vote& v, errc code) {
    const congress_state before = c.state;
    const std::size_t events = c.log.size();
    auto r = c.as("CH", v);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), code) << r.error().message();
    EXPECT_TRUE(c.state == before);
    EXPECT_EQ(c.log.size(), events);
  }
};

TEST_F(satisfaction_case, TheChairCreatesItOnAReportItemWithItsSubjects) {
  EXPECT_EQ(c.as("SE", appraisal()).error(), errc::permission_denied);
  ASSERT_TRUE(c.as("CH", appraisal()));
  ASSERT_EQ(c.log.back().type, "vote_created");
  const auto& p = c.log.back().payload;
  EXPECT_EQ(p.at("kind").as_string(), "satisfaction");
  EXPECT_EQ(
      p.at("rule").as_string(),
      R"({"kind":"satisfaction","satisfactory":{"cmp":"gt","num":1,"den":2,"of":"ballots"},"percent_of":"ballots"})");
  EXPECT_EQ(p.at("candidates").as_array().size(), 3u);
  const auto& listed = p.at("subjects").as_array();
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[1].at("kind").as_string(), "proposal");
  EXPECT_EQ(listed[1].at("id").as_string(), "P1");
  const auto& m = p.at("manifest").as_object();
  EXPECT_EQ(m.at("kind").as_string(), "satisfaction");
  EXPECT_EQ(m.at("contests").as_array()[2].at("options").as_array()[1].at("label").as_string(),
            "基本满意");
  const vote& v = *c.state.find_vote("v1");
  EXPECT_EQ(v.subjects, subjects);
  EXPECT_EQ(v.kind, protocol::vote_kind::satisfaction);
}

TEST_F(satisfaction_case, RefusesABadDefinitionAndChangesNothing) {
  const auto before = c.log.size();
  auto no_items = appraisal();
  no_items.members.clear();
  no_items.subjects.clear();
  EXPECT_EQ(c.as("CH", no_items).error(), errc::invalid_vote);
  auto fewer_subjects = appraisal();
  fewer_subjects.subjects.pop_back();
  EXPECT_EQ(c.as("CH", fewer_subjects).error(), errc::invalid_vote);
  auto unknown_kind = appraisal();
  unknown_kind.subjects[0].kind = "opinion";
  EXPECT_EQ(c.as("CH", unknown_kind).error(), errc::invalid_vote);
  auto twice = appraisal();
  twice.subjects[2] = twice.subjects[0];
  twice.members.clear();
  EXPECT_EQ(c.as("CH", twice).error(), errc::duplicate_subject);
  auto other_rule = appraisal();
  other_rule.rule = protocol::rule_text(protocol::decision_rule::confidence());
  EXPECT_EQ(c.as("CH", other_rule).error(), errc::invalid_rule);
  // Subjects belong to a satisfaction appraisal only.
  ASSERT_TRUE(c.as("SE", add_item{"s1", "i2", "appraisal", "民主评议", 2, "", ""}));
  auto confidence = appraisal("i2");
  confidence.kind = "confidence";
  EXPECT_EQ(c.as("CH", confidence).error(), errc::invalid_vote);
  // Not on an election item.
  ASSERT_TRUE(c.as("SE", add_item{"s1", "i3", "election", "选举", 3, "", ""}));
  EXPECT_EQ(c.as("CH", appraisal("i3")).error(), errc::invalid_vote);
  EXPECT_EQ(c.log.size(), before + 2);  // only the two items
  EXPECT_EQ(c.state.find_vote("v1"), nullptr);
  // Without subjects (titles only) it is accepted, and the payload names none.
  auto titles_only = appraisal("i2");
  titles_only.subjects.clear();
  ASSERT_TRUE(c.as("CH", titles_only));
  EXPECT_FALSE(c.log.back().payload.contains("subjects"));
}

TEST_F(satisfaction_case, TitlesLeftOutAreGeneratedFromTheSubjects) {
  auto generated = appraisal();
  generated.members.clear();
  ASSERT_TRUE(c.as("CH", generated));
  const vote& v = *c.state.find_vote("v1");
  EXPECT_EQ(v.candidates, items);
  EXPECT_EQ(v.subjects, subjects);
  const auto& contests = c.log.back().payload.at("manifest").at("contests").as_array();
  ASSERT_EQ(contests.size(), 3u);
  EXPECT_EQ(contests[2].at("title").as_string(), "乙：联系群众不够");
}

TEST_F(satisfaction_case, EachSubjectMustBeOfTheTermAndInAStateToBeAppraised) {
  auto subject = [&](std::size_t i, std::string kind, std::string id) {
    auto v = appraisal();
    v.subjects[i] = {std::move(kind), std::move(id)};
    v.members.clear();
    return v;
  };
  refused(subject(0, "resolution", "R9"), errc::unknown_resolution);
  // A motion's vote id is not a resolution; nor is a rectification item's id.
  refused(subject(0, "resolution", "RC1"), errc::unknown_resolution);
  refused(subject(1, "proposal", "P9"), errc::unknown_proposal);
  // Submitted but not accepted (立案), or merged (appraised through P1): not handled itself.
  refused(subject(1, "proposal", "P2"), errc::proposal_not_accepted);
  refused(subject(1, "proposal", "P3"), errc::proposal_not_accepted);
  refused(subject(2, "rectification", "RC9"), errc::unknown_rectification);
  refused(subject(2, "rectification", "R1"), errc::unknown_rectification);
  refused(subject(2, "resolution", "R1"), errc::duplicate_subject);
  // A title that is not its subject's, or titles for some items only.
  auto renamed = appraisal();
  renamed.members[1] = "修路";
  refused(renamed, errc::subject_title_mismatch);
  auto swapped = appraisal();
  std::swap(swapped.members[0], swapped.members[2]);
  refused(swapped, errc::subject_title_mismatch);
  auto fewer_titles = appraisal();
  fewer_titles.members.pop_back();
  refused(fewer_titles, errc::invalid_vote);
  EXPECT_EQ(c.state.find_vote("v1"), nullptr);
  // Answered and rated proposals can still be appraised.
  ASSERT_TRUE(c.as("SE", answer_proposal{"P1", "已列入年度计划"}));
  ASSERT_TRUE(c.as("D001", rate_proposal{"P1", "satisfied"}));
  ASSERT_TRUE(c.as("CH", appraisal()));
}

TEST_F(satisfaction_case, BallotsToTheScrutineersDecryptionAndTheOutcome) {
  ASSERT_TRUE(c.as("CH", appraisal()));
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  // 8 ballots. Item 0: 3 satisfied + 1 basically satisfied of 8 is exactly half: flagged.
  // Item 1: 5 favourable: satisfactory. Item 2: no mark from anyone but one 不满意: flagged.
  c.cast_each("v1", 8, [](std::size_t i) {
    crypto::ballot_choices b(3, std::vector<std::uint8_t>(3, 0));
    b[0][i <= 3 ? 0 : (i == 4 ? 1 : 2)] = 1;
    if (i <= 5) b[1][i <= 2 ? 0 : 1] = 1;
    if (i == 8) b[2][2] = 1;
    return b;
  });
  ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  auto last = c.decrypt("v1", {1, 3});
  ASSERT_TRUE(last) << last.error().message();
  ASSERT_EQ(c.log.back().type, "vote_decided");
  const auto& p = c.log.back().payload;
  std::vector<std::uint64_t> counts;
  for (const auto& n : p.at("counts").as_array()) counts.push_back(n.to_number<std::uint64_t>());
  EXPECT_EQ(counts, (std::vector<std::uint64_t>{3, 1, 4, 2, 3, 0, 0, 0, 1}));
  auto outcome = json::parse(p.at("outcome").as_string()).as_object();
  EXPECT_EQ(outcome.at("kind").as_string(), "satisfaction");
  EXPECT_EQ(outcome.at("required").to_number<std::int64_t>(), 5);
  const auto& listed = outcome.at("items").as_array();
  EXPECT_FALSE(listed[0].at("satisfactory").as_bool());
  EXPECT_EQ(listed[0].at("percent").as_string(), "50.00");
  EXPECT_TRUE(listed[1].at("satisfactory").as_bool());
  EXPECT_EQ(listed[1].at("none").to_number<std::int64_t>(), 3);
  EXPECT_FALSE(listed[2].at("satisfactory").as_bool());
  EXPECT_EQ(outcome.at("flagged").as_array(), (json::array{"item-0", "item-2"}));
  EXPECT_EQ(c.state.find_vote("v1")->state, vote::status::decided);
}

TEST_F(satisfaction_case, ABallotWithTwoMarksOnOneItemIsRefused) {
  ASSERT_TRUE(c.as("CH", appraisal()));
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  // 满意 on item 0, then 不满意 of another ballot on the same item put beside it: two marks.
  crypto::ballot_choices satisfied(3, std::vector<std::uint8_t>(3, 0));
  satisfied[0][0] = 1;
  crypto::ballot_choices unsatisfied(3, std::vector<std::uint8_t>(3, 0));
  unsatisfied[0][2] = 1;
  auto b = c.ballot_for("D001", "v1", satisfied);
  b.contests[0].options[2] = c.ballot_for("D001", "v1", unsatisfied, 5).contests[0].options[2];
  EXPECT_EQ(c.as("D001", cast_ballot{"v1", b}).error(), errc::bad_proof);
  EXPECT_TRUE(c.state.find_vote("v1")->ballots.empty());
  EXPECT_TRUE(c.as("D001", cast_ballot{"v1", c.ballot_for("D001", "v1", satisfied, 6)}));
}

}  // namespace
}  // namespace plenum::server::domain
