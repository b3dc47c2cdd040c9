// The term between its meetings: sittings with their kind and year, roster changes as events,
// resolutions adopted with their votes, rectification items from appraisal and confidence,
// implementation reports, and the follow-up reports that open the next annual meeting.
#include <gtest/gtest.h>

#include "domain/follow_up.hpp"
#include "domain/proposal_views.hpp"
#include "domain/quorum.hpp"
#include "domain/term.hpp"
#include "domain_fixture.hpp"

namespace plenum::server::domain {
namespace {

using test::expect_refused;
using test::no;
using test::yes;

namespace json = boost::json;

// The payloads of a decision's events, by type.
std::vector<json::object> payloads_of(const decision& d, std::string_view type) {
  std::vector<json::object> out;
  for (const auto& e : d.events)
    if (protocol::event_type(e) == type) out.push_back(protocol::event_payload_object(e));
  return out;
}

std::vector<std::string> types_of(const decision& d) {
  std::vector<std::string> out;
  for (const auto& e : d.events) out.emplace_back(protocol::event_type(e));
  return out;
}

// Sitting s1 with 10 delegates, 9 present, the ceremony done and the sitting open.
struct term_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override {
    c.prepare_sitting(9);
    c.complete_ceremony();
    ASSERT_TRUE(c.as("CH", open_sitting{"s1"}));
  }

  void add_item_now(const std::string& item_id, const std::string& kind,
                    const std::string& responsible = "镇长") {
    ASSERT_TRUE(c.as("SE", add_item{"s1", item_id, kind, "议程 " + item_id, 0, responsible, ""}));
    ASSERT_TRUE(c.as("CH", set_current_item{"s1", item_id}));
  }

  // A motion on `item_id` that `ayes` of the 9 present vote for; returns the deciding decision.
  decision motion(const std::string& vote_id, const std::string& item_id, std::size_t ayes) {
    c.open_motion(vote_id, item_id, "关于" + item_id + "的决议");
    c.cast_each(vote_id, 9, [ayes](std::size_t i) { return i <= ayes ? yes : no; });
    EXPECT_TRUE(c.as("CH", close_vote{vote_id}));
    auto d = c.decrypt(vote_id, {1, 2});
    EXPECT_TRUE(d);
    return d ? *d : decision{};
  }

  // A decided vote of `kind` (appraisal or confidence) on members 甲 and 乙; ballot i marks
  // `choice(i)`.
  decision members_vote(const std::string& vote_id, const std::string& item_id,
                        const std::string& kind,
                        const std::function<crypto::ballot_choices(std::size_t)>& choice) {
    create_vote v;
    v.vote_id = vote_id;
    v.sitting_id = "s1";
    v.item_id = item_id;
    v.kind = kind;
    v.title = kind == "appraisal" ? "民主评议镇党委班子成员" : "信任投票";
    v.members = {"甲", "乙"};
    EXPECT_TRUE(c.as("CH", v));
    EXPECT_TRUE(c.as("CH", open_vote{vote_id}));
    c.cast_each(vote_id, 9, choice);
    EXPECT_TRUE(c.as("CH", close_vote{vote_id}));
    auto d = c.decrypt(vote_id, {1, 2});
    EXPECT_TRUE(d);
    return d ? *d : decision{};
  }

  void close_s1() { ASSERT_TRUE(c.as("CH", close_sitting{"s1"})); }
};

TEST(Term, YearOfTheTermCountsWholeYearsFromItsStart) {
  EXPECT_EQ(term_year("2026-01-01", "2026-03-01"), 1u);
  EXPECT_EQ(term_year("2026-01-01", "2026-12-31"), 1u);
  EXPECT_EQ(term_year("2026-01-01", "2027-01-01"), 2u);
  EXPECT_EQ(term_year("2026-06-15", "2027-06-14"), 1u);
  EXPECT_EQ(term_year("2026-06-15", "2030-06-15"), 5u);
  EXPECT_FALSE(term_year("2026-01-01", "2025-12-31"));
  EXPECT_FALSE(term_year("", "2026-03-01"));
  EXPECT_TRUE(parse_iso_date("2028-02-29"));
  EXPECT_FALSE(parse_iso_date("2027-02-29"));
  EXPECT_FALSE(parse_iso_date("2027-13-01"));
  EXPECT_FALSE(parse_iso_date("2027-1-01"));
  EXPECT_FALSE(parse_iso_date("d"));
}

TEST(Term, SittingsCarryTheirKindAndYear) {
  test::congress c(10);
  auto annual = c.as("SE", create_sitting{"a1", "2027年年会", "2027-03-01"});
  ASSERT_TRUE(annual);
  auto p = payloads_of(*annual, "sitting_created").at(0);
  EXPECT_EQ(p.at("kind").as_string(), "annual");
  EXPECT_EQ(p.at("year").as_uint64(), 2u);
  auto extra = c.as("SE", create_sitting{"x1", "临时会议", "2026-07-01", "extraordinary"});
  ASSERT_TRUE(extra);
  EXPECT_EQ(c.state.find_sitting("x1")->kind, sitting::meeting::extraordinary);
  EXPECT_EQ(c.state.find_sitting("x1")->year, 1u);
  EXPECT_EQ(c.state.find_sitting("a1")->kind, sitting::meeting::annual);
  expect_refused(c, "SE", create_sitting{"x2", "会议", "2026-07-01", "special"},
                 errc::invalid_field);
  expect_refused(c, "SE", create_sitting{"x2", "会议", "2026-7-1"}, errc::invalid_field);
}

TEST(Term, OlderSittingRecordsWithoutKindAreAnnual) {
  auto decoded = protocol::decode_event_payload(
      "sitting_created", R"({"sitting_id":"s1","title":"年会","date":"2026-03-01"})");
  ASSERT_TRUE(decoded);
  const auto& e = std::get<protocol::events::sitting_created>(*decoded);
  EXPECT_FALSE(e.kind);
  EXPECT_FALSE(e.year);
  EXPECT_EQ(protocol::encode_event_payload(*decoded),
            R"({"sitting_id":"s1","title":"年会","date":"2026-03-01"})");
  congress_state st;
  ASSERT_TRUE(st.apply(
      event{0, {}, protocol::events::congress_created{"c", "n", "2026-01-01", "2030-12-31"}}));
  ASSERT_TRUE(st.apply(event{1, {}, *decoded}));
  EXPECT_EQ(st.find_sitting("s1")->kind, sitting::meeting::annual);
  EXPECT_EQ(st.find_sitting("s1")->year, 0u);
}

TEST(RosterChanges, SeatedCountsQuorumAndVoteRostersFollowThem) {
  test::congress c(10);
  ASSERT_TRUE(c.as("SE", record_delegate_left{"D010", "调离本镇", "2026-05-01"}));
  EXPECT_FALSE(c.state.is_delegate("D010"));
  ASSERT_TRUE(c.as("SE", seat_alternate{"AL", "D010", "2026-05-02"}));
  EXPECT_TRUE(c.state.is_delegate("AL"));
  person added;
  added.number = "D011";
  added.name = "补选代表";
  added.gender = "F";
  added.ethnicity = "汉族";
  added.occupation = "farming";
  added.unit = "一村";
  added.group = "第一代表组";
  ASSERT_TRUE(c.as("SE", add_delegate{added, "补选", "2026-05-03"}));
  EXPECT_TRUE(c.state.is_delegate("D011"));
  ASSERT_EQ(c.state.roster_changes().size(), 3u);
  EXPECT_EQ(c.state.roster_changes()[1].replaces, "D010");

  // Seated: D001…D009, AL, D011 = 11; 8 present is short of the quorum of 11 (9).
  c.prepare_sitting(8, "s2");
  const sitting& s2 = *c.state.find_sitting("s2");
  auto seated = c.state.seated(s2);
  EXPECT_EQ(seated.size(), 11u);
  EXPECT_EQ(std::count(seated.begin(), seated.end(), "D010"), 0);
  EXPECT_EQ(c.as("CH", open_sitting{"s2"}).error(), errc::quorum_not_reached);
  ASSERT_TRUE(c.check_in_now("AL", "s2"));
  c.complete_ceremony("s2");
  auto opened = c.as("CH", open_sitting{"s2"});
  ASSERT_TRUE(opened);
  auto p = payloads_of(*opened, "sitting_opened").at(0);
  EXPECT_EQ(p.at("seated").as_uint64(), 11u);
  EXPECT_EQ(p.at("present").as_uint64(), 9u);
  EXPECT_EQ(p.at("required").as_uint64(), quorum_required(11));
  ASSERT_TRUE(c.as("SE", add_item{"s2", "i1", "report", "工作报告", 0, "镇长", ""}));
  ASSERT_TRUE(c.as("CH", set_current_item{"s2", "i1"}));
  create_vote v;
  v.vote_id = "v2";
  v.sitting_id = "s2";
  v.item_id = "i1";
  v.kind = "motion";
  v.title = "关于工作报告的决议";
  ASSERT_TRUE(c.as("CH", v));
  ASSERT_TRUE(c.as("CH", open_vote{"v2"}));
  const auto& eligible = c.state.find_vote("v2")->eligible;
  EXPECT_EQ(eligible.size(), 11u);
  EXPECT_NE(std::find(eligible.begin(), eligible.end(), "AL"), eligible.end());
  EXPECT_NE(std::find(eligible.begin(), eligible.end(), "D011"), eligible.end());
  EXPECT_EQ(std::find(eligible.begin(), eligible.end(), "D010"), eligible.end());
  // Never while a sitting is open.
  expect_refused(c, "SE", record_delegate_left{"D001", "辞职", "2026-06-01"},
                 errc::sitting_already_open);
  expect_refused(c, "SE", add_delegate{added, "补选", "2026-06-01"}, errc::sitting_already_open);
}

TEST(RosterChanges, BadChangesAreRefusedAndChangeNothing) {
  test::congress c(10);
  expect_refused(c, "CH", record_delegate_left{"D001", "辞职", "2026-05-01"},
                 errc::permission_denied);
  expect_refused(c, "SE", record_delegate_left{"X99", "辞职", "2026-05-01"}, errc::unknown_person);
  expect_refused(c, "SE", record_delegate_left{"AL", "辞职", "2026-05-01"}, errc::not_a_voter);
  expect_refused(c, "SE", record_delegate_left{"D001", "", "2026-05-01"}, errc::invalid_field);
  expect_refused(c, "SE", record_delegate_left{"D001", "辞职", "五月"}, errc::invalid_field);
  expect_refused(c, "SE", seat_alternate{"D002", "", "2026-05-01"}, errc::not_an_alternate);
  expect_refused(c, "SE", seat_alternate{"AL", "D001", "2026-05-01"}, errc::invalid_field);
  expect_refused(c, "SE", seat_alternate{"AL", "X99", "2026-05-01"}, errc::unknown_person);
  person dup;
  dup.number = "D001";
  dup.name = "重复";
  dup.gender = "M";
  expect_refused(c, "SE", add_delegate{dup, "补选", "2026-05-01"}, errc::person_exists);
  dup.number = "D012";
  dup.gender = "X";
  expect_refused(c, "SE", add_delegate{dup, "补选", "2026-05-01"}, errc::invalid_field);
}

TEST_F(term_case, APassedMotionOnAReportAdoptsAResolutionInTheSameDecision) {
  add_item_now("i1", "report", "镇长");
  auto d = motion("v1", "i1", 7);
  EXPECT_EQ(types_of(d),
            (std::vector<std::string>{"partial_submitted", "vote_decided", "resolution_adopted"}));
  auto r = payloads_of(d, "resolution_adopted").at(0);
  EXPECT_EQ(r.at("resolution_id").as_string(), "R1");
  EXPECT_EQ(r.at("vote_id").as_string(), "v1");
  EXPECT_EQ(r.at("item_id").as_string(), "i1");
  EXPECT_EQ(r.at("responsible").as_string(), "镇长");
  ASSERT_TRUE(c.state.resolutions().contains("R1"));
  EXPECT_EQ(c.state.resolutions().at("R1").title, "关于i1的决议");
}

TEST_F(term_case, OnlyPassedMotionsOnReportsMajorMattersAndProposalsAdoptResolutions) {
  add_item_now("i1", "report");
  // 5 of 10 seated is not more than half: rejected, no resolution.
  auto failed = motion("v1", "i1", 5);
  EXPECT_EQ(types_of(failed), (std::vector<std::string>{"partial_submitted", "vote_decided"}));
  add_item_now("i2", "other");
  auto procedural = motion("v2", "i2", 8);
  EXPECT_EQ(types_of(procedural), (std::vector<std::string>{"partial_submitted", "vote_decided"}));
  add_item_now("i3", "major_matter", "分管副镇长");
  auto major = motion("v3", "i3", 8);
  ASSERT_EQ(payloads_of(major, "resolution_adopted").size(), 1u);
  EXPECT_EQ(payloads_of(major, "resolution_adopted")[0].at("responsible").as_string(),
            "分管副镇长");
  EXPECT_EQ(c.state.resolutions().size(), 1u);
}

TEST_F(term_case, AResolutionOnAProposalsItemMarksTheProposalDecidedByTheMeeting) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修缮村道的提案", "建议修缮村道"}));
  ASSERT_TRUE(c.as("D002", submit_proposal{"P2", "关于路灯的提案", "建议加装路灯"}));
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  ASSERT_TRUE(c.as("SE", accept_proposal{"P2", "住建局"}));
  ASSERT_TRUE(c.as("CH", add_item{"s1", "p1", "proposal", "关于修缮村道的提案", 0, "镇长", "P1"}));
  ASSERT_TRUE(c.as("CH", add_item{"s1", "p2", "proposal", "关于路灯的提案", 0, "镇长", "P2"}));
  ASSERT_TRUE(c.as("CH", set_current_item{"s1", "p1"}));
  auto adopted = motion("v1", "p1", 8);
  ASSERT_EQ(payloads_of(adopted, "resolution_adopted").size(), 1u);
  const std::string resolution_id =
      std::string(payloads_of(adopted, "resolution_adopted")[0].at("resolution_id").as_string());
  EXPECT_EQ(c.state.find_proposal("P1")->resolution_id, resolution_id);
  // A motion that does not pass decides nothing.
  ASSERT_TRUE(c.as("CH", set_current_item{"s1", "p2"}));
  motion("v2", "p2", 4);
  EXPECT_EQ(c.state.find_proposal("P2")->resolution_id, "");
  // The desk's view shows it.
  const auto desk = desk_proposals(c.state, civil_date::of_unix_ms(c.now));
  ASSERT_EQ(desk.size(), 2u);
  EXPECT_EQ(desk[0].at("resolution_id").as_string(), resolution_id);
  EXPECT_EQ(desk[1].at("resolution_id").as_string(), "");
}

TEST_F(term_case, RectificationFromADecidedAppraisalIsTheSecretarysToRecord) {
  add_item_now("i1", "appraisal");
  // Too early: the appraisal is not decided.
  create_vote v;
  v.vote_id = "a1";
  v.sitting_id = "s1";
  v.item_id = "i1";
  v.kind = "appraisal";
  v.title = "民主评议镇党委班子成员";
  v.members = {"甲", "乙"};
  ASSERT_TRUE(c.as("CH", v));
  expect_refused(c, "SE", record_rectification{"", "a1", "乙", "联系群众不够", "乙"},
                 errc::vote_not_decided);
  ASSERT_TRUE(c.as("CH", open_vote{"a1"}));
  c.cast_each("a1", 9, [](std::size_t) {
    return crypto::ballot_choices{{1, 0, 0, 0}, {0, 0, 1, 0}};
  });
  ASSERT_TRUE(c.as("CH", close_vote{"a1"}));
  auto decided = c.decrypt("a1", {1, 2});
  ASSERT_TRUE(decided);
  // An appraisal opens nothing by itself.
  EXPECT_EQ(types_of(*decided), (std::vector<std::string>{"partial_submitted", "vote_decided"}));
  expect_refused(c, "CH", record_rectification{"", "a1", "乙", "联系群众不够", "乙"},
                 errc::permission_denied);
  expect_refused(c, "SE", record_rectification{"", "a1", "丙", "联系群众不够", "丙"},
                 errc::invalid_field);
  expect_refused(c, "SE", record_rectification{"", "a1", "乙", "", "乙"}, errc::invalid_field);
  expect_refused(c, "SE", record_rectification{"", "nope", "乙", "问题", "乙"}, errc::unknown_vote);
  auto opened = c.as("SE", record_rectification{"", "a1", "乙", "联系群众不够", "乙"});
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->created_id, "RC1");
  const auto& r = c.state.rectifications().at("RC1");
  EXPECT_EQ(r.origin, "appraisal");
  EXPECT_EQ(r.member, "乙");
  EXPECT_EQ(r.by, "SE");
  expect_refused(c, "SE", record_rectification{"RC1", "a1", "乙", "又一问题", "乙"},
                 errc::rectification_exists);
  // A motion is not an appraisal.
  add_item_now("i2", "report");
  motion("v2", "i2", 8);
  expect_refused(c, "SE", record_rectification{"", "v2", "乙", "问题", "乙"}, errc::invalid_vote);
}

TEST_F(term_case, EachMemberTheConfidenceRuleFlagsGetsARectificationItem) {
  add_item_now("i1", "appraisal");
  // 甲: trusted by all; 乙: distrusted by 4 of 9 (> 1/3).
  auto d = members_vote("c1", "i1", "confidence", [](std::size_t i) {
    return crypto::ballot_choices{
        {1, 0, 0},
        i <= 4 ? std::vector<std::uint8_t>{0, 0, 1} : std::vector<std::uint8_t>{1, 0, 0}};
  });
  EXPECT_EQ(types_of(d), (std::vector<std::string>{"partial_submitted", "vote_decided",
                                                   "rectification_opened"}));
  auto r = payloads_of(d, "rectification_opened").at(0);
  EXPECT_EQ(r.at("origin").as_string(), "confidence");
  EXPECT_EQ(r.at("member").as_string(), "乙");
  EXPECT_EQ(r.at("vote_id").as_string(), "c1");
  EXPECT_EQ(r.at("by").as_string(), "");
  EXPECT_EQ(c.state.rectifications().size(), 1u);
}

TEST_F(term_case, ReportsCarryAStatusAndABlockedOneItsReason) {
  add_item_now("i1", "report", "镇长");
  motion("v1", "i1", 8);
  auto first = c.as("SE", report_implementation{"", "resolution", "R1", "in_progress",
                                                "已完成道路规划", "2026-06-30", ""});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->created_id, "IR1");
  ASSERT_TRUE(c.as("SE", report_implementation{"", "resolution", "R1", "blocked", "施工暂停",
                                               "2026-09-30", "资金未到位"}));
  const auto& reports = c.state.resolutions().at("R1").reports;
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(latest_report(reports)->status, "blocked");
  EXPECT_EQ(latest_report(reports)->reason, "资金未到位");
  auto view = follow_up_view(c.state);
  const auto& r1 = view.at("resolutions").as_array().at(0).as_object();
  EXPECT_EQ(r1.at("status").as_string(), "blocked");
  EXPECT_EQ(r1.at("status_date").as_string(), "2026-09-30");
  EXPECT_EQ(r1.at("reports").as_array().size(), 2u);

  using ri = report_implementation;
  expect_refused(c, "SE", ri{"", "resolution", "R1", "blocked", "停工", "2026-10-01", ""},
                 errc::reason_required);
  expect_refused(c, "SE", ri{"", "resolution", "R1", "completed", "完成", "2026-10-01", "无"},
                 errc::invalid_field);
  expect_refused(c, "SE", ri{"", "resolution", "R1", "done", "完成", "2026-10-01", ""},
                 errc::invalid_field);
  expect_refused(c, "SE", ri{"", "resolution", "R1", "completed", "", "2026-10-01", ""},
                 errc::invalid_field);
  expect_refused(c, "SE", ri{"", "resolution", "R1", "completed", "完成", "十月", ""},
                 errc::invalid_field);
  expect_refused(c, "SE", ri{"", "resolution", "R9", "completed", "完成", "2026-10-01", ""},
                 errc::unknown_resolution);
  expect_refused(c, "SE", ri{"", "rectification", "RC9", "completed", "完成", "2026-10-01", ""},
                 errc::unknown_rectification);
  expect_refused(c, "SE", ri{"", "proposal", "R1", "completed", "完成", "2026-10-01", ""},
                 errc::invalid_field);
  expect_refused(c, "SE", ri{"IR1", "resolution", "R1", "completed", "完成", "2026-10-01", ""},
                 errc::report_exists);
  expect_refused(c, "D001", ri{"", "resolution", "R1", "completed", "完成", "2026-10-01", ""},
                 errc::permission_denied);
}

TEST_F(term_case, TheNextAnnualMeetingOpensWithTheTwoFollowUpReports) {
  add_item_now("i1", "report", "镇长");
  motion("v1", "i1", 8);
  add_item_now("i2", "appraisal");
  members_vote("a1", "i2", "appraisal", [](std::size_t) {
    return crypto::ballot_choices{{1, 0, 0, 0}, {0, 0, 0, 1}};
  });
  ASSERT_TRUE(c.as("SE", record_rectification{"", "a1", "乙", "联系群众不够", "乙"}));
  close_s1();
  ASSERT_TRUE(c.as("SE", report_implementation{"", "resolution", "R1", "completed", "道路全线贯通",
                                               "2026-11-20", ""}));
  ASSERT_TRUE(c.as("SE", report_implementation{"", "rectification", "RC1", "blocked",
                                               "走访计划未落实", "2026-12-01", "人手不足"}));

  // An extraordinary meeting has no follow-up reports.
  auto extra = c.as("SE", create_sitting{"x1", "临时会议", "2026-12-10", "extraordinary"});
  ASSERT_TRUE(extra);
  EXPECT_EQ(types_of(*extra), (std::vector<std::string>{"sitting_created"}));

  auto next = c.as("SE", create_sitting{"s2", "2027年年会", "2027-03-01"});
  ASSERT_TRUE(next);
  EXPECT_EQ(types_of(*next),
            (std::vector<std::string>{"sitting_created", "item_added", "material_added",
                                      "item_added", "material_added"}));
  EXPECT_EQ(next->created_id, "s2");
  const sitting& s2 = *c.state.find_sitting("s2");
  ASSERT_EQ(s2.items.size(), 2u);
  const auto& first = s2.items.at("s2-I1");
  const auto& second = s2.items.at("s2-I2");
  EXPECT_EQ(first.order, 1);
  EXPECT_EQ(first.kind, item_kind::report);
  EXPECT_EQ(first.follow_up, "resolutions");
  EXPECT_EQ(first.title, resolutions_report_title);
  EXPECT_EQ(second.order, 2);
  EXPECT_EQ(second.follow_up, "rectification");
  EXPECT_EQ(second.title, rectification_report_title);
  ASSERT_EQ(first.materials.size(), 1u);
  const std::string& resolutions = first.materials[0].text;
  EXPECT_NE(resolutions.find("关于i1的决议"), std::string::npos) << resolutions;
  EXPECT_NE(resolutions.find("责任人：镇长"), std::string::npos) << resolutions;
  EXPECT_NE(resolutions.find("已完成（2026-11-20）道路全线贯通"), std::string::npos) << resolutions;
  const std::string& rectifications = second.materials[0].text;
  EXPECT_NE(rectifications.find("乙：联系群众不够"), std::string::npos) << rectifications;
  EXPECT_NE(rectifications.find("受阻（2026-12-01）"), std::string::npos) << rectifications;
  EXPECT_NE(rectifications.find("受阻原因：人手不足"), std::string::npos) << rectifications;
  EXPECT_NE(rectifications.find("民主评议"), std::string::npos) << rectifications;
  // Items added later come after the two reports.
  auto later = c.as("SE", add_item{"s2", "", "briefing", "情况通报", 0, "", ""});
  ASSERT_TRUE(later);
  EXPECT_EQ(c.state.find_sitting("s2")->items.at(later->created_id).order, 3);
}

TEST_F(term_case, AnAnnualMeetingWithNothingToFollowUpStartsEmpty) {
  add_item_now("i1", "report");
  motion("v1", "i1", 3);  // rejected
  close_s1();
  auto next = c.as("SE", create_sitting{"s2", "2027年年会", "2027-03-01"});
  ASSERT_TRUE(next);
  EXPECT_EQ(types_of(*next), (std::vector<std::string>{"sitting_created"}));
  expect_refused(c, "SE", refresh_follow_up{"s2"}, errc::no_follow_up);
}

TEST_F(term_case, RefreshRegeneratesTheMaterialsBeforeTheSittingOpens) {
  add_item_now("i1", "report", "镇长");
  motion("v1", "i1", 8);
  close_s1();
  ASSERT_TRUE(c.as("SE", create_sitting{"s2", "2027年年会", "2027-03-01"}));
  ASSERT_TRUE(c.as("SE", report_implementation{"", "resolution", "R1", "in_progress", "年后复工",
                                               "2027-02-20", ""}));
  expect_refused(c, "CH", refresh_follow_up{"s2"}, errc::permission_denied);
  expect_refused(c, "SE", refresh_follow_up{"nope"}, errc::no_sitting);
  auto fresh = c.as("SE", refresh_follow_up{"s2"});
  ASSERT_TRUE(fresh);
  EXPECT_EQ(types_of(*fresh), (std::vector<std::string>{"material_added", "material_added"}));
  const auto& materials = c.state.find_sitting("s2")->items.at("s2-I1").materials;
  ASSERT_EQ(materials.size(), 2u);
  EXPECT_EQ(materials[1].id, "s2-I1-M2");
  EXPECT_EQ(materials[0].text.find("推进中"), std::string::npos);
  EXPECT_NE(materials[1].text.find("推进中（2027-02-20）年后复工"), std::string::npos);
  EXPECT_NE(materials[1].title.find("第2版"), std::string::npos);
  // Not once the sitting is open.
  ASSERT_TRUE(c.as("CH", open_checkin{"s2"}));
  for (std::size_t i = 1; i <= 9; ++i) ASSERT_TRUE(c.check_in_now(test::delegate_number(i), "s2"));
  ASSERT_TRUE(c.as("CH", open_sitting{"s2"}));
  expect_refused(c, "SE", refresh_follow_up{"s2"}, errc::sitting_already_open);
}

TEST_F(term_case, TheLogReplaysToTheSameTermFromItsStoredText) {
  add_item_now("i1", "report", "镇长");
  motion("v1", "i1", 8);
  add_item_now("i2", "appraisal");
  members_vote("c1", "i2", "confidence", [](std::size_t i) {
    return crypto::ballot_choices{
        {0, 0, 1},
        i <= 2 ? std::vector<std::uint8_t>{0, 0, 1} : std::vector<std::uint8_t>{1, 0, 0}};
  });
  close_s1();
  ASSERT_TRUE(c.as("SE", report_implementation{"", "rectification", "RC1", "not_started",
                                               "尚未制定方案", "2026-04-01", ""}));
  ASSERT_TRUE(c.as("SE", record_delegate_left{"D009", "去世", "2026-05-01"}));
  ASSERT_TRUE(c.as("SE", create_sitting{"s2", "2027年年会", "2027-03-01"}));
  congress_state replayed;
  for (const auto& e : c.log) {
    auto body = protocol::decode_event_payload(e.type, e.payload);
    ASSERT_TRUE(body) << e.type;
    EXPECT_EQ(protocol::event_payload_object(*body), e.payload) << e.type;
    ASSERT_TRUE(replayed.apply(event{e.seq, e.applied.entry_hash, *body})) << e.type;
  }
  EXPECT_TRUE(replayed == c.state);
  EXPECT_EQ(replayed.rectifications().size(), 1u);
  EXPECT_EQ(replayed.rectifications().at("RC1").member, "甲");
  EXPECT_EQ(replayed.resolutions().size(), 1u);
}

}  // namespace
}  // namespace plenum::server::domain
