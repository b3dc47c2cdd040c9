// Proposals (代表提案) from submission to the floor: co-signers, the liaison office's review
// (accept with a unit and a deadline in working days, merge, turn into an opinion), answers,
// the proposer's rating with one re-handling after 不满意, the overdue flag, and only accepted
// proposals on an agenda. Every refusal names its reason and records nothing.
#include <gtest/gtest.h>

#include "domain/proposal_views.hpp"
#include "domain/views.hpp"
#include "domain_fixture.hpp"

namespace plenum::server::domain {
namespace {

using test::day_ms;
using test::monday_ms;

struct proposal_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override { c.now = monday_ms; }

  // The command is refused with `code` and nothing is recorded.
  void refused(const std::string& who, const command& cmd, errc code) {
    const auto before = c.log.size();
    const auto state_before = full_snapshot(c.state);
    auto r = c.as(who, cmd);
    ASSERT_FALSE(r) << "accepted";
    EXPECT_EQ(r.error(), code) << r.error().message();
    EXPECT_EQ(c.log.size(), before);
    EXPECT_EQ(full_snapshot(c.state), state_before);
  }

  const proposal& p(const std::string& id) { return *c.state.find_proposal(id); }

  boost::json::object desk_entry(const std::string& id) {
    for (const auto& one : desk_proposals(c.state, civil_date::of_unix_ms(c.now)))
      if (one.at("id").as_string() == id) return one.as_object();
    ADD_FAILURE() << id << " not on the desk";
    return {};
  }
};

TEST_F(proposal_case, CoSignersAreOtherDelegatesNamedOnce) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……", {"D002", "D003"}}));
  EXPECT_EQ(c.log.back().payload.at("co_signers").as_array().size(), 2u);
  EXPECT_EQ(p("P1").co_signers, (std::vector<std::string>{"D002", "D003"}));
  // Without co-signers the event is as before (no member).
  ASSERT_TRUE(c.as("D001", submit_proposal{"P2", "路灯", "安装路灯"}));
  EXPECT_FALSE(c.log.back().payload.contains("co_signers"));
  refused("D001", submit_proposal{"P3", "t", "x", {"D001"}}, errc::invalid_co_signer);
  refused("D001", submit_proposal{"P3", "t", "x", {"D002", "D002"}}, errc::invalid_co_signer);
  refused("D001", submit_proposal{"P3", "t", "x", {"SE"}}, errc::invalid_co_signer);
  refused("D001", submit_proposal{"P3", "t", "x", {"nobody"}}, errc::invalid_co_signer);
  // The co-signer sees it among their own, others do not.
  EXPECT_EQ(own_proposals(c.state, "D003", civil_date::of_unix_ms(c.now)).size(), 1u);
  EXPECT_EQ(own_proposals(c.state, "D001", civil_date::of_unix_ms(c.now)).size(), 2u);
  EXPECT_EQ(own_proposals(c.state, "D004", civil_date::of_unix_ms(c.now)).size(), 0u);
}

TEST_F(proposal_case, AcceptanceDefaultsToSixMonthsRolledToAWorkingDay) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……"}));
  ASSERT_TRUE(c.as("D002", submit_proposal{"P2", "关于路灯的提案", "建议……"}));
  ASSERT_TRUE(c.as("D003", submit_proposal{"P3", "关于学校的提案", "建议……"}));
  // 2026-07-05 is a Sunday: the next Monday, unless the calendar says otherwise.
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  EXPECT_EQ(p("P1").deadline, "2026-07-06");
  EXPECT_EQ(p("P1").unit, "交通运输局");
  EXPECT_EQ(c.log.back().type, "proposal_accepted");
  ASSERT_TRUE(c.as("SE", set_calendar{2026, {"2026-07-06"}, {}}));
  ASSERT_TRUE(c.as("SE", accept_proposal{"P2", "住建局"}));
  EXPECT_EQ(p("P2").deadline, "2026-07-07");  // the Monday is a holiday
  ASSERT_TRUE(c.as("SE", set_calendar{2026, {"2026-07-06"}, {"2026-07-05"}}));
  ASSERT_TRUE(c.as("SE", accept_proposal{"P3", "教育局"}));
  EXPECT_EQ(p("P3").deadline, "2026-07-05");  // the Sunday is a make-up workday
  EXPECT_EQ(desk_entry("P3").at("status").as_string(), "accepted");
  refused("SE", accept_proposal{"P3", "教育局"}, errc::proposal_already_reviewed);
}

TEST_F(proposal_case, AGivenDeadlineIsAWorkingDayAfterToday) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……"}));
  refused("SE", accept_proposal{"P1", "交通运输局", "2026-01-10"}, errc::invalid_date);  // Sat
  refused("SE", accept_proposal{"P1", "交通运输局", "2026-01-05"}, errc::invalid_date);  // today
  refused("SE", accept_proposal{"P1", "交通运输局", "2026-02-30"}, errc::invalid_date);
  refused("SE", accept_proposal{"P1", "", "2026-03-02"}, errc::invalid_field);
  refused("SE", accept_proposal{"P9", "交通运输局"}, errc::unknown_proposal);
  refused("D001", accept_proposal{"P1", "交通运输局"}, errc::permission_denied);
  refused("CH", accept_proposal{"P1", "交通运输局"}, errc::permission_denied);
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局", "2026-03-02"}));
  EXPECT_EQ(p("P1").deadline, "2026-03-02");
}

TEST_F(proposal_case, TheCalendarIsCheckedBeforeItIsSet) {
  refused("SE", set_calendar{2026, {"2026-13-01"}, {}}, errc::invalid_date);
  refused("SE", set_calendar{2026, {"2027-01-01"}, {}}, errc::invalid_calendar);
  refused("SE", set_calendar{2026, {}, {"2026-10-09"}}, errc::invalid_calendar);  // a Friday
  refused("SE", set_calendar{2026, {"2026-10-10"}, {"2026-10-10"}}, errc::invalid_calendar);
  refused("SE", set_calendar{2026, {"2026-10-01", "2026-10-01"}, {}}, errc::invalid_calendar);
  refused("SE", set_calendar{1200, {}, {}}, errc::invalid_calendar);
  refused("CH", set_calendar{2026, {"2026-10-01"}, {}}, errc::permission_denied);
  ASSERT_TRUE(c.as("SE", set_calendar{2026, {"2026-10-02", "2026-10-01"}, {"2026-10-10"}}));
  // Written sorted.
  EXPECT_EQ(c.log.back().payload.at("holidays").as_array()[0].as_string(), "2026-10-01");
  EXPECT_FALSE(c.state.calendar().is_working_day(*civil_date::parse("2026-10-01")));
  EXPECT_TRUE(c.state.calendar().is_working_day(*civil_date::parse("2026-10-10")));
  // A later calendar of the year replaces the earlier one.
  ASSERT_TRUE(c.as("SE", set_calendar{2026, {}, {}}));
  EXPECT_TRUE(c.state.calendar().is_working_day(*civil_date::parse("2026-10-01")));
}

TEST_F(proposal_case, MergedProposalsFollowTheirTarget) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……"}));
  ASSERT_TRUE(c.as("D002", submit_proposal{"P2", "关于修桥修路的提案", "建议……"}));
  ASSERT_TRUE(c.as("D003", submit_proposal{"P3", "关于路面的提案", "建议……"}));
  refused("SE", merge_proposal{"P2", "P1"}, errc::invalid_merge);  // P1 not accepted yet
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  refused("SE", merge_proposal{"P1", "P1"}, errc::proposal_already_reviewed);
  refused("SE", merge_proposal{"P2", "P2"}, errc::invalid_merge);
  refused("SE", merge_proposal{"P2", "P9"}, errc::unknown_proposal);
  ASSERT_TRUE(c.as("SE", merge_proposal{"P2", "P1"}));
  EXPECT_EQ(p("P2").merged_into, "P1");
  refused("SE", merge_proposal{"P3", "P2"}, errc::invalid_merge);  // P2 is merged, not accepted
  refused("SE", accept_proposal{"P2", "住建局"}, errc::proposal_already_reviewed);
  // The merged proposal's proposer sees the target's unit, deadline and answers.
  ASSERT_TRUE(c.as("SE", answer_proposal{"P1", "已列入年度计划。"}));
  auto mine = own_proposals(c.state, "D002", civil_date::of_unix_ms(c.now));
  ASSERT_EQ(mine.size(), 1u);
  const auto& merged = mine[0].as_object();
  EXPECT_EQ(merged.at("status").as_string(), "merged");
  EXPECT_EQ(merged.at("merged_into").as_string(), "P1");
  EXPECT_EQ(merged.at("unit").as_string(), "交通运输局");
  ASSERT_EQ(merged.at("answers").as_array().size(), 1u);
  EXPECT_EQ(merged.at("answers").as_array()[0].at("text").as_string(), "已列入年度计划。");
  EXPECT_EQ(desk_entry("P1").at("merged").as_array().size(), 1u);
  // The merged one has no answer of its own to rate; its proposer is not P1's.
  refused("D002", rate_proposal{"P2", "satisfied"}, errc::proposal_not_accepted);
  refused("D002", rate_proposal{"P1", "satisfied"}, errc::not_the_proposer);
}

TEST_F(proposal_case, ConversionIntoAnOpinionNeedsAReasonAndIsFinal) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于食堂的建议", "建议……"}));
  refused("SE", convert_proposal{"P1", ""}, errc::invalid_field);
  ASSERT_TRUE(c.as("SE", convert_proposal{"P1", "不属于本镇职权范围，转为意见建议"}));
  EXPECT_EQ(p("P1").conversion_reason, "不属于本镇职权范围，转为意见建议");
  EXPECT_EQ(desk_entry("P1").at("status").as_string(), "converted");
  refused("SE", accept_proposal{"P1", "镇政府"}, errc::proposal_already_reviewed);
  refused("SE", convert_proposal{"P1", "again"}, errc::proposal_already_reviewed);
  refused("SE", answer_proposal{"P1", "答复"}, errc::proposal_not_accepted);
}

TEST_F(proposal_case, AnUnsatisfiedAnswerIsHandledOnceMore) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……"}));
  refused("SE", answer_proposal{"P1", "答复"}, errc::proposal_not_accepted);
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  refused("D001", rate_proposal{"P1", "satisfied"}, errc::proposal_not_answered);
  refused("SE", answer_proposal{"P1", ""}, errc::invalid_field);
  refused("D001", answer_proposal{"P1", "答复"}, errc::permission_denied);
  c.now += 28 * day_ms;  // 2026-02-02, a Monday
  ASSERT_TRUE(c.as("SE", answer_proposal{"P1", "计划明年实施。"}));
  EXPECT_EQ(c.log.back().payload.at("round").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(c.log.back().payload.at("unit").as_string(), "交通运输局");
  EXPECT_EQ(desk_entry("P1").at("status").as_string(), "answered");
  refused("SE", answer_proposal{"P1", "再答复"}, errc::proposal_not_awaiting_answer);
  // Only the proposer rates, with one of the three ratings.
  refused("D002", rate_proposal{"P1", "satisfied"}, errc::not_the_proposer);
  refused("SE", rate_proposal{"P1", "satisfied"}, errc::not_the_proposer);
  refused("D001", rate_proposal{"P1", "good"}, errc::invalid_rating);
  ASSERT_TRUE(c.as("D001", rate_proposal{"P1", "unsatisfied"}));
  // Back for handling, due in three months: 2026-05-02 is a Saturday.
  EXPECT_EQ(c.log.back().payload.at("deadline").as_string(), "2026-05-04");
  EXPECT_EQ(p("P1").round, 2u);
  EXPECT_EQ(p("P1").deadline, "2026-05-04");
  EXPECT_EQ(desk_entry("P1").at("status").as_string(), "rehandling");
  refused("D001", rate_proposal{"P1", "satisfied"}, errc::proposal_not_answered);
  ASSERT_TRUE(c.as("SE", answer_proposal{"P1", "已安排本年度实施。", "镇政府"}));
  EXPECT_EQ(c.log.back().payload.at("round").to_number<std::uint64_t>(), 2u);
  ASSERT_TRUE(c.as("D001", rate_proposal{"P1", "unsatisfied"}));
  // Round 2's rating is final, even unsatisfied: no third round.
  EXPECT_FALSE(c.log.back().payload.contains("deadline"));
  EXPECT_TRUE(p("P1").finished);
  EXPECT_EQ(desk_entry("P1").at("status").as_string(), "closed");
  refused("SE", answer_proposal{"P1", "第三次"}, errc::proposal_not_awaiting_answer);
  refused("D001", rate_proposal{"P1", "satisfied"}, errc::proposal_not_answered);
  const auto answers = desk_entry("P1").at("answers").as_array();
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].at("rating").as_string(), "unsatisfied");
  EXPECT_EQ(answers[1].at("unit").as_string(), "镇政府");
}

TEST_F(proposal_case, ASatisfiedFirstAnswerClosesTheProposal) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……"}));
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  ASSERT_TRUE(c.as("SE", answer_proposal{"P1", "已实施。"}));
  ASSERT_TRUE(c.as("D001", rate_proposal{"P1", "basically_satisfied"}));
  EXPECT_TRUE(p("P1").finished);
  EXPECT_EQ(p("P1").round, 1u);
  EXPECT_EQ(desk_entry("P1").at("status").as_string(), "closed");
}

TEST_F(proposal_case, OverdueIsCountedInWorkingDays) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……"}));
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局", "2026-01-09"}));  // a Friday
  c.now = monday_ms + 4 * day_ms;  // Friday: due today, not overdue
  EXPECT_FALSE(desk_entry("P1").at("overdue").as_bool());
  c.now = monday_ms + 9 * day_ms;  // Wednesday 01-14: Mon, Tue, Wed past the deadline
  auto late = desk_entry("P1");
  EXPECT_TRUE(late.at("overdue").as_bool());
  EXPECT_EQ(late.at("working_days_overdue").as_uint64(), 3u);
  ASSERT_TRUE(c.as("SE", set_calendar{2026, {"2026-01-12"}, {}}));
  EXPECT_EQ(desk_entry("P1").at("working_days_overdue").as_uint64(), 2u);
  // Answered late is no longer overdue.
  ASSERT_TRUE(c.as("SE", answer_proposal{"P1", "迟到的答复"}));
  EXPECT_FALSE(desk_entry("P1").at("overdue").as_bool());
  EXPECT_EQ(desk_entry("P1").at("working_days_overdue").as_uint64(), 0u);
}

TEST_F(proposal_case, OnlyAcceptedProposalsGoOnAnAgenda) {
  c.prepare_sitting(9);
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……"}));
  ASSERT_TRUE(c.as("D002", submit_proposal{"P2", "关于修桥修路的提案", "建议……"}));
  ASSERT_TRUE(c.as("D003", submit_proposal{"P3", "关于食堂的建议", "建议……"}));
  refused("CH", add_item{"s1", "p1", "proposal", "修路", 4, "镇长", "P1"},
          errc::proposal_not_accepted);
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  ASSERT_TRUE(c.as("SE", merge_proposal{"P2", "P1"}));
  ASSERT_TRUE(c.as("SE", convert_proposal{"P3", "转为意见建议"}));
  refused("CH", add_item{"s1", "p3", "proposal", "食堂", 6, "镇长", "P3"},
          errc::proposal_not_accepted);
  ASSERT_TRUE(c.as("CH", add_item{"s1", "p1", "proposal", "修路", 4, "镇长", "P1"}));
  ASSERT_TRUE(c.as("CH", add_item{"s1", "p2", "proposal", "修桥", 5, "镇长", "P2"}));
  EXPECT_EQ(desk_entry("P1").at("item_id").as_string(), "p1");
  EXPECT_TRUE(desk_entry("P2").at("on_agenda").as_bool());
}

}  // namespace
}  // namespace plenum::server::domain
