// The monthly written report (月度书面报告): what it counts in a month (by the date in Beijing of
// each event's time), what stood overdue at the month's end (working days by the congress's
// holiday calendar), the sittings held with their attendance; issuing it once the month has
// ended, once, by the secretary, with the digest of the report as the state then stood; when it
// is due and from when the desk reminds; and a delegate's performance file.
#include <gtest/gtest.h>

#include "domain/monthly_report.hpp"
#include "domain/performance_file.hpp"
#include "domain/views.hpp"
#include "domain_fixture.hpp"

namespace plenum::server::domain {
namespace {

using test::beijing;

namespace json = boost::json;

report_month month(const std::string& text) { return *report_month::parse(text); }

struct monthly_report_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override { c.now = beijing("2026-01-05", 9); }

  json::object report(const std::string& m) { return monthly_report(c.state, month(m)); }
  json::object proposals(const std::string& m) { return report(m).at("proposals").as_object(); }
  std::uint64_t count(const json::object& o, std::string_view key) {
    return o.at(key).to_number<std::uint64_t>();
  }

  void refused(const std::string& who, const command& cmd, errc code) {
    const auto before = c.log.size();
    const auto reports_before = c.state.monthly_reports();
    auto r = c.as(who, cmd);
    ASSERT_FALSE(r) << "accepted";
    EXPECT_EQ(r.error(), code) << r.error().message();
    EXPECT_EQ(c.log.size(), before);
    EXPECT_EQ(c.state.monthly_reports(), reports_before);
  }
};

TEST_F(monthly_report_case, AMonthIsCountedByItsDaysInBeijing) {
  c.now = beijing("2026-01-31", 23, 30);
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议硬化村道。"}));
  // 00:10 on 1 February in Beijing is still 31 January in UTC.
  c.now = beijing("2026-02-01", 0, 10);
  ASSERT_TRUE(c.as("D002", submit_proposal{"P2", "关于路灯的提案", "建议安装路灯。"}));
  c.now = beijing("2026-02-02", 9);
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局", "2026-02-13"}));
  ASSERT_TRUE(c.as("SE", convert_proposal{"P2", "属于日常工作意见"}));
  EXPECT_EQ(count(proposals("2026-01"), "received"), 1u);
  EXPECT_EQ(count(proposals("2026-01"), "accepted"), 0u);
  EXPECT_EQ(count(proposals("2026-02"), "received"), 1u);
  EXPECT_EQ(count(proposals("2026-02"), "accepted"), 1u);
  EXPECT_EQ(count(proposals("2026-02"), "converted"), 1u);
  const auto jan = report("2026-01");
  EXPECT_EQ(jan.at("period").at("from").as_string(), "2026-01-01");
  EXPECT_EQ(jan.at("period").at("to").as_string(), "2026-01-31");
  EXPECT_EQ(jan.at("month").as_string(), "2026-01");
  EXPECT_EQ(jan.at("congress").at("name").as_string(), c.state.congress()->name);
}

TEST_F(monthly_report_case, OverdueAtTheMonthsEndCountsTheCalendarsWorkingDays) {
  // The Spring Festival: 16–20 February off, Saturdays 14 and 28 February worked (调休).
  ASSERT_TRUE(c.as(
      "SE", set_calendar{2026,
                         {"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"},
                         {"2026-02-14", "2026-02-28"}}));
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议硬化村道。"}));
  ASSERT_TRUE(c.as("D002", submit_proposal{"P2", "关于路灯的提案", "建议安装路灯。"}));
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局", "2026-02-13"}));
  ASSERT_TRUE(c.as("SE", accept_proposal{"P2", "住建局", "2026-02-27"}));
  c.now = beijing("2026-02-26", 10);
  ASSERT_TRUE(c.as("SE", answer_proposal{"P2", "已安装。"}));
  c.now = beijing("2026-03-02", 10);
  ASSERT_TRUE(c.as("SE", answer_proposal{"P1", "已列入计划。"}));
  c.now = beijing("2026-03-03", 10);
  ASSERT_TRUE(c.as("D001", rate_proposal{"P1", "unsatisfied"}));
  ASSERT_TRUE(c.as("D002", rate_proposal{"P2", "basically_satisfied"}));

  EXPECT_EQ(count(proposals("2026-01"), "overdue"), 0u);
  const auto feb = proposals("2026-02");
  ASSERT_EQ(count(feb, "overdue"), 1u);
  const auto& late = feb.at("overdue_list").as_array()[0].as_object();
  EXPECT_EQ(late.at("id").as_string(), "P1");
  EXPECT_EQ(late.at("unit").as_string(), "交通运输局");
  EXPECT_EQ(late.at("deadline").as_string(), "2026-02-13");
  // 14 Feb (worked), 23–27 Feb, 28 Feb (worked): 7, not the 10 weekdays.
  EXPECT_EQ(late.at("working_days_overdue").as_uint64(), 7u);
  EXPECT_EQ(count(feb, "answered"), 1u);
  const auto mar = proposals("2026-03");
  EXPECT_EQ(count(mar, "overdue"), 0u);  // answered on 2 March, round 2 not yet due
  EXPECT_EQ(count(mar, "answered"), 1u);
  EXPECT_EQ(count(mar.at("ratings").as_object(), "unsatisfied"), 1u);
  EXPECT_EQ(count(mar.at("ratings").as_object(), "basically_satisfied"), 1u);
  EXPECT_EQ(count(mar.at("ratings").as_object(), "satisfied"), 0u);
  // Round 2's deadline (three months on) passes unanswered: overdue in round 2 at June's end.
  const auto jun = proposals("2026-06");
  ASSERT_EQ(count(jun, "overdue"), 1u);
  EXPECT_EQ(jun.at("overdue_list").as_array()[0].at("round").as_uint64(), 2u);
  EXPECT_EQ(jun.at("overdue_list").as_array()[0].at("deadline").as_string(),
            c.state.find_proposal("P1")->deadline);
}

TEST_F(monthly_report_case, SittingsHeldInTheMonthWithTheirAttendance) {
  c.now = beijing("2026-03-01", 9);
  c.prepare_sitting(8);
  ASSERT_TRUE(c.as("SE", excuse_delegate{"s1", "D010", "住院", "CH"}));
  ASSERT_TRUE(c.as("CH", open_sitting{"s1"}));
  const auto mar = report("2026-03").at("sittings").as_object();
  EXPECT_EQ(count(mar, "held"), 1u);
  EXPECT_EQ(count(mar, "present"), 8u);
  EXPECT_EQ(count(mar, "excused"), 1u);
  EXPECT_EQ(mar.at("list").as_array()[0].at("date").as_string(), "2026-03-01");
  EXPECT_EQ(count(report("2026-02").at("sittings").as_object(), "held"), 0u);

  const auto file = performance_file(c.state, "D001", civil_date::of_unix_ms(c.now));
  EXPECT_EQ(file.at("sittings_attended").as_uint64(), 1u);
  EXPECT_EQ(file.at("sittings").as_array()[0].at("attendance").as_string(), "present");
  const auto absent = performance_file(c.state, "D010", civil_date::of_unix_ms(c.now));
  EXPECT_EQ(absent.at("sittings_attended").as_uint64(), 0u);
  EXPECT_EQ(absent.at("sittings").as_array()[0].at("attendance").as_string(), "excused");
}

TEST_F(monthly_report_case, IssuedOnceAfterTheMonthByTheSecretaryWithItsDigest) {
  ASSERT_TRUE(c.as("D001", submit_proposal{"P1", "关于修路的提案", "建议硬化村道。"}));
  c.now = beijing("2026-01-31", 18);
  refused("SE", issue_monthly_report{"2026-01"}, errc::month_not_ended);
  c.now = beijing("2026-02-10", 9);
  refused("SE", issue_monthly_report{"2026-1"}, errc::invalid_month);
  refused("SE", issue_monthly_report{"2026-13"}, errc::invalid_month);
  refused("D001", issue_monthly_report{"2026-01"}, errc::permission_denied);
  refused("CH", issue_monthly_report{"2026-01"}, errc::permission_denied);
  const auto expected = monthly_report(c.state, month("2026-01"));
  auto issued = c.as("SE", issue_monthly_report{"2026-01"});
  ASSERT_TRUE(issued) << issued.error().message();
  EXPECT_EQ(issued->created_id, "MR-2026-01");
  EXPECT_EQ(c.log.back().type, "monthly_report_issued");
  EXPECT_EQ(c.log.back().payload.at("report_digest").as_string(),
            crypto::to_hex(report_digest(expected)));
  ASSERT_TRUE(c.state.monthly_reports().contains("2026-01"));
  EXPECT_EQ(c.state.monthly_reports().at("2026-01").report, expected);
  refused("SE", issue_monthly_report{"2026-01"}, errc::report_already_issued);

  // What comes later leaves the issued report as it was.
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  const auto view = monthly_report_view(c.state, month("2026-01"), civil_date::of_unix_ms(c.now));
  EXPECT_EQ(view.at("report").as_object(), expected);
  EXPECT_EQ(view.at("issued").at("report_id").as_string(), "MR-2026-01");
  EXPECT_EQ(view.at("reports").as_array().size(), 1u);
}

TEST_F(monthly_report_case, DueOnTheThirtiethRemindedFromTheTwentyFifth) {
  EXPECT_EQ(month("2026-03").due_date().text(), "2026-04-30");
  EXPECT_EQ(month("2026-01").due_date().text(), "2026-02-28");  // February is shorter
  EXPECT_EQ(month("2026-12").due_date().text(), "2027-01-30");
  EXPECT_EQ(month("2026-03").remind_from().text(), "2026-04-25");
  auto on = [&](const std::string& day) {
    return monthly_report_view(c.state, month("2026-03"), *civil_date::parse(day));
  };
  EXPECT_FALSE(on("2026-04-24").at("remind").as_bool());
  EXPECT_TRUE(on("2026-04-25").at("remind").as_bool());
  EXPECT_FALSE(on("2026-04-30").at("late").as_bool());
  EXPECT_TRUE(on("2026-05-01").at("late").as_bool());
  EXPECT_FALSE(on("2026-03-31").at("ended").as_bool());
  EXPECT_TRUE(on("2026-04-01").at("ended").as_bool());
  // A draft has the digest of what it shows.
  const auto draft = on("2026-04-25");
  EXPECT_TRUE(draft.at("issued").is_null());
  EXPECT_EQ(draft.at("report_digest").as_string(),
            crypto::to_hex(report_digest(draft.at("report").as_object())));
}

}  // namespace
}  // namespace plenum::server::domain
