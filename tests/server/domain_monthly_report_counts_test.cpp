// What the monthly report (format 2) counts of the work between meetings: activities held in the
// month by kind with their attendance (signed check-in, recorded, excused, absent), including
// one on the month's last day; the groups that have not met this year (an activity of the year
// before does not count); opinions routed on the 5th working day (on time) and the 6th (late),
// extended, refused, answered and overdue at the month's end; contacts registered, removed,
// kept and the gaps against the contact ratios; a group's own sitting counted as the group's
// meeting, not the congress's; and the first format, which counted none of
// these, still made as it was for reports issued before.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "domain/county_views.hpp"
#include "domain/monthly_report.hpp"
#include "domain/performance_file.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"

namespace plenum::server::domain {
namespace {

using test::beijing;
using test::private_details;

namespace json = boost::json;
using test::delegate_number;

std::uint64_t count(const json::value& o, std::string_view key) {
  return o.as_object().at(key).to_number<std::uint64_t>();
}

struct report_counts_case : ::testing::Test {
  test::congress c{20};

  void at(const std::string& date, int hh = 9) { c.now = beijing(date, hh); }
  void ok(const std::string& who, const command& cmd) {
    auto r = c.as(who, cmd);
    ASSERT_TRUE(r) << r.error().message();
  }
  json::object report(const std::string& m) {
    return monthly_report(c.state, *report_month::parse(m));
  }
  void check_in(const std::string& number, const std::string& activity_id) {
    const auto& key = c.keys.at(number);
    ok(number,
       activity_check_in{activity_id, c.now,
                         key.sign(crypto::activity_checkin_digest(
                             activity_id, key.public_part(), static_cast<std::uint64_t>(c.now)))});
  }
  static std::vector<std::string> delegates(std::size_t first, std::size_t last) {
    std::vector<std::string> out;
    for (std::size_t i = first; i <= last; ++i) out.push_back(delegate_number(i));
    return out;
  }
};

TEST_F(report_counts_case, ActivitiesHeldInTheMonthByKindWithTheirAttendance) {
  at("2026-03-02");
  ok("SE", form_group{"G1", "第一代表小组", "area", delegates(1, 10)});
  ok("SE", plan_activity{"A1", "group_activity", "G1", "走访群众", "2026-03-31", "东村", {}});
  ok("SE", plan_activity{"A2", "research", "", "调研水利", "2026-03-15", "西村", {"D011", "D012"}});
  ok("SE", plan_activity{"A3", "study", "", "学习培训", "2026-03-20", "镇会议室", {}});
  ok("SE", plan_activity{"A4", "inspection", "", "视察学校", "2026-04-01", "镇中学", {"D013"}});
  at("2026-03-15");
  check_in("D011", "A2");
  ok("SE", record_activity_held{"A2", "形成调研报告"});
  // A1 on the month's last day: two sign in, one is recorded present, one excused, one
  // recorded absent, five have no record (absent).
  at("2026-03-31", 20);
  check_in("D001", "A1");
  check_in("D002", "A1");
  ok("SE", record_attendance{"A1", "D003", "present", "未带平板，现场签到"});
  ok("SE", record_attendance{"A1", "D004", "excused", "外出务工"});
  ok("SE", record_attendance{"A1", "D005", "absent", "未请假"});
  ok("SE", record_activity_held{"A1", "收集意见五条"});
  at("2026-04-01");
  ok("SE", record_activity_held{"A4", "提出建议三条"});

  // A3 was planned for March but never recorded held: not counted.
  const auto march = report("2026-03").at("activities");
  EXPECT_EQ(count(march, "held"), 2u);
  EXPECT_EQ(count(march.at("by_kind"), "group_activity"), 1u);
  EXPECT_EQ(count(march.at("by_kind"), "research"), 1u);
  EXPECT_EQ(count(march.at("by_kind"), "study"), 0u);
  EXPECT_EQ(count(march.at("by_kind"), "inspection"), 0u);
  EXPECT_EQ(count(march, "invited"), 12u);
  EXPECT_EQ(count(march, "present"), 4u);
  EXPECT_EQ(count(march, "present_signed"), 3u);
  EXPECT_EQ(count(march, "present_recorded"), 1u);
  EXPECT_EQ(count(march, "excused"), 1u);
  EXPECT_EQ(count(march, "absent"), 7u);  // D005 recorded, D006–D010 and D012 without a record
  const auto& list = march.at("list").as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].at("id").as_string(), "A1");
  EXPECT_EQ(list[0].at("date").as_string(), "2026-03-31");
  EXPECT_EQ(count(list[0], "present_signed"), 2u);
  EXPECT_EQ(count(list[0], "absent"), 6u);
  EXPECT_EQ(list[1].at("title").as_string(), "调研水利");
  const auto april = report("2026-04").at("activities");
  EXPECT_EQ(count(april, "held"), 1u);
  EXPECT_EQ(count(april.at("by_kind"), "inspection"), 1u);
  EXPECT_EQ(count(april, "absent"), 1u);
}

TEST_F(report_counts_case, GroupsThatHaveNotMetThisYearByTheMonthsEnd) {
  at("2025-12-01");
  ok("SE", form_group{"G1", "第一代表小组", "area", delegates(1, 10)});
  ok("SE", plan_activity{"A1", "group_activity", "G1", "年终走访", "2025-12-20", "东村", {}});
  at("2025-12-20");
  ok("SE", record_activity_held{"A1", "走访完成"});
  EXPECT_TRUE(report("2025-12").at("groups_not_met").as_array().empty());
  at("2026-03-10");
  ok("SE", form_group{"G2", "第二代表小组", "line_of_work", delegates(11, 20)});
  // G2's research is not a group activity: it does not make G2 a group that met.
  ok("SE", plan_activity{"A2", "research", "G2", "调研", "2026-03-12", "北村", {}});
  ok("SE", plan_activity{"A3", "group_activity", "G1", "小组活动", "2026-03-31", "东村", {}});
  at("2026-03-31");
  ok("SE", record_activity_held{"A2", "调研完成"});
  ok("SE", record_activity_held{"A3", "活动完成"});

  // February: G1 met only the year before; G2 was not formed yet.
  const auto feb = report("2026-02");
  ASSERT_EQ(feb.at("groups_not_met").as_array().size(), 1u);
  EXPECT_EQ(feb.at("groups_not_met").as_array()[0].at("group_id").as_string(), "G1");
  EXPECT_EQ(feb.at("groups_not_met").as_array()[0].at("name").as_string(), "第一代表小组");
  EXPECT_EQ(count(feb.at("groups"), "formed"), 1u);
  EXPECT_EQ(count(feb.at("groups"), "met"), 0u);
  // March: G1 met on the month's last day; G2 has not.
  const auto mar = report("2026-03");
  ASSERT_EQ(mar.at("groups_not_met").as_array().size(), 1u);
  EXPECT_EQ(mar.at("groups_not_met").as_array()[0].at("name").as_string(), "第二代表小组");
  EXPECT_EQ(count(mar.at("groups"), "formed"), 2u);
  EXPECT_EQ(count(mar.at("groups"), "met"), 1u);
}

TEST_F(report_counts_case, AGroupsOwnSittingIsAMeetingOfTheGroupNotOfTheCongress) {
  at("2026-04-01");
  ok("SE", form_group{"G1", "第一代表小组", "area", delegates(1, 10)});
  ok("CH", create_sitting{"g1-election", "第一代表小组会议", "2026-04-15", "", "G1"});
  at("2026-04-15");
  ok("CH", open_checkin{"g1-election"});
  for (std::size_t i = 1; i <= 9; ++i)
    ASSERT_TRUE(c.check_in_now(delegate_number(i), "g1-election"));
  ok("CH", open_sitting{"g1-election"});
  const auto listed = [](const json::object& report) {
    for (const auto& s : report.at("sittings").at("list").as_array())
      if (s.at("id").as_string() == "g1-election") return true;
    return false;
  };
  const auto apr = report("2026-04");
  EXPECT_EQ(count(apr.at("groups"), "meetings"), 1u);
  EXPECT_FALSE(listed(apr)) << json::serialize(apr.at("sittings"));
  EXPECT_EQ(count(report("2026-05").at("groups"), "meetings"), 0u);
  // The first format knew no groups: it listed every sitting, as it did when it was issued.
  EXPECT_TRUE(
      listed(monthly_report(c.state, *report_month::parse("2026-04"), report_format_first)));
}

TEST_F(report_counts_case, OpinionsRoutedAnsweredExtendedRefusedAndOverdueInWorkingDays) {
  ok("SE", set_calendar{2026, {}, {}});  // weekdays only: no holiday this year
  at("2026-01-05");
  ok("D001", register_contact{"C1", "member", "D001", private_details({{"name", "王建国"}})});
  auto log = [&](const std::string& id, const std::string& date) {
    ok("D001", log_opinion{id, "C1", date, "道路交通", private_details({{"text", "路灯坏了"}})});
  };
  at("2026-01-06");
  log("O5", "2026-01-05");
  log("O8", "2026-01-05");
  ok("SE", route_opinion{"O5", "交通局", "2026-01-06"});  // answer due 17 February
  ok("SE", route_opinion{"O8", "住建局", "2026-01-06"});
  at("2026-02-10");
  ok("SE", extend_opinion{"O8", 15, "需要现场勘查"});  // answer due 10 March
  at("2026-03-02");                                    // a Monday: routing is due on Monday 9 March
  for (const char* id : {"O1", "O2", "O3", "O4"}) log(id, "2026-03-02");
  at("2026-03-03");
  ok("SE", route_opinion{"O3", "水利局", ""});
  ok("SE", route_opinion{"O4", "民政局", ""});
  at("2026-03-05");
  ok("SE", refuse_opinion{"O4", "", "不属于本级职责"});
  at("2026-03-09");
  ok("SE", route_opinion{"O1", "交通局", ""});  // the 5th working day: on time
  at("2026-03-10");
  ok("SE", route_opinion{"O2", "交通局", ""});  // the 6th: late
  at("2026-03-16");
  ok("SE", answer_opinion{"O1", "", private_details({{"text", "已修复"}})});
  at("2026-03-20");
  ok("SE", extend_opinion{"O3", 10, "资金待批"});
  log("O6", "2026-03-20");  // never routed: due Friday 27 March

  const auto feb = report("2026-02").at("opinions");
  EXPECT_EQ(count(feb, "logged"), 0u);
  EXPECT_EQ(count(feb, "extended"), 1u);
  ASSERT_EQ(count(feb, "overdue"), 1u);  // O8's extension came in time; O5 is late
  EXPECT_EQ(feb.at("overdue_list").as_array()[0].at("id").as_string(), "O5");
  EXPECT_EQ(feb.at("overdue_list").as_array()[0].at("due").as_string(), "2026-02-17");
  EXPECT_EQ(count(feb.at("overdue_list").as_array()[0], "working_days_overdue"), 8u);

  const auto mar = report("2026-03").at("opinions");
  EXPECT_EQ(count(mar, "logged"), 5u);
  EXPECT_EQ(count(mar, "routed_on_time"), 3u);  // O1 (5th working day), O3, O4
  EXPECT_EQ(count(mar, "routed_late"), 1u);     // O2 (6th)
  EXPECT_EQ(count(mar, "answered_on_time"), 1u);
  EXPECT_EQ(count(mar, "answered_late"), 0u);
  EXPECT_EQ(count(mar, "extended"), 1u);
  EXPECT_EQ(count(mar, "refused"), 1u);
  EXPECT_EQ(count(mar, "refused_late"), 0u);
  ASSERT_EQ(count(mar, "overdue"), 3u);
  const auto& late = mar.at("overdue_list").as_array();
  EXPECT_EQ(late[0].at("id").as_string(), "O5");
  EXPECT_EQ(late[0].at("waiting").as_string(), "answer");
  EXPECT_EQ(late[0].at("department").as_string(), "交通局");
  EXPECT_EQ(count(late[0], "working_days_overdue"), 30u);
  EXPECT_EQ(late[1].at("id").as_string(), "O6");
  EXPECT_EQ(late[1].at("waiting").as_string(), "route");
  EXPECT_EQ(late[1].at("due").as_string(), "2026-03-27");
  EXPECT_EQ(count(late[1], "working_days_overdue"), 2u);
  EXPECT_EQ(late[2].at("id").as_string(), "O8");
  EXPECT_EQ(late[2].at("due").as_string(), "2026-03-10");  // with the 15 days of extension
  EXPECT_EQ(count(late[2], "working_days_overdue"), 15u);

  // What came in April changes nothing of March's figures.
  at("2026-04-02");
  ok("SE", answer_opinion{"O5", "", private_details({{"text", "已答复"}})});
  EXPECT_EQ(report("2026-03").at("opinions"), mar);
  const auto apr = report("2026-04").at("opinions");
  EXPECT_EQ(count(apr, "answered_late"), 1u);
  EXPECT_EQ(count(apr, "answered_on_time"), 0u);
  EXPECT_EQ(count(apr, "logged"), 0u);
}

TEST_F(report_counts_case, ContactsRegisteredRemovedKeptAndGapsAtTheMonthsEnd) {
  person member;
  member.number = "W01";
  member.name = "党委委员";
  member.gender = "M";
  member.committee_member = true;
  at("2026-02-20");
  ok("SE", add_delegate{member, "补选", "2026-02-20"});
  ok("D001", register_contact{"C1", "member", "D001", private_details({{"name", "王建国"}})});
  at("2026-03-03");
  for (const char* id : {"C2", "C3", "C4"})
    ok("D001", register_contact{id, "resident", "C1", private_details({{"name", "居民"}})});
  ok("D001", register_contact{"C5", "member", "D001", private_details({{"name", "李明"}})});
  ok("D002", register_contact{"C6", "member", "D002", private_details({{"name", "赵强"}})});
  ok("SE", set_committee_contacts{"W01", {"D001"}});
  at("2026-03-10");
  ok("D001", register_contact{"C7", "resident", "C1", private_details({{"name", "居民"}})});
  ok("D001", remove_contact{"C4", "迁出本村"});
  at("2026-04-02");
  ok("D001", remove_contact{"C7", "迁出本村"});
  ok("SE", set_committee_contacts{"W01", {"D001", "D002"}});

  const auto mar = report("2026-03").at("contacts");
  EXPECT_EQ(count(mar.at("registered"), "members"), 2u);    // C5, C6
  EXPECT_EQ(count(mar.at("registered"), "residents"), 4u);  // C2, C3, C4, C7
  EXPECT_EQ(count(mar, "removed"), 1u);
  EXPECT_EQ(count(mar.at("kept"), "members"), 3u);
  EXPECT_EQ(count(mar.at("kept"), "residents"), 3u);
  const auto& gaps = mar.at("gaps");
  EXPECT_EQ(count(gaps.at("members"), "below"), 2u);  // C5 and C6 keep no resident; C1 three
  EXPECT_EQ(count(gaps.at("delegates"), "below"), 21u);
  EXPECT_EQ(count(gaps.at("delegates"), "above"), 0u);
  EXPECT_EQ(count(gaps.at("committee"), "below"), 1u);  // W01 keeps one delegate
  const auto apr = report("2026-04").at("contacts");
  EXPECT_EQ(count(apr.at("registered"), "members"), 0u);
  EXPECT_EQ(count(apr, "removed"), 1u);
  EXPECT_EQ(count(apr.at("gaps").at("members"), "below"), 3u);  // C1 is down to two
  EXPECT_EQ(count(apr.at("gaps").at("committee"), "below"), 0u);
  const auto feb = report("2026-02").at("contacts");
  EXPECT_EQ(count(feb.at("kept"), "members"), 1u);
  EXPECT_EQ(count(feb.at("gaps").at("committee"), "below"), 1u);  // W01 keeps none yet
}

TEST_F(report_counts_case, APerformanceFileCountsActivitiesGroupsContactsAndOpinions) {
  at("2026-03-02");
  ok("SE", form_group{"G1", "第一代表小组", "area", delegates(1, 10)});
  ok("SE", plan_activity{"A1", "group_activity", "G1", "走访群众", "2026-03-02", "东村", {}});
  ok("SE", plan_activity{"A2", "study", "", "学习培训", "2026-03-02", "镇会议室", {}});
  ok("SE", plan_activity{"A3", "research", "", "调研", "2026-03-02", "西村", {"D001"}});
  ok("SE", plan_activity{"A4", "inspection", "", "视察", "2026-03-09", "镇中学", {"D001"}});
  check_in("D001", "A1");
  ok("SE", record_attendance{"A2", "D001", "present", "未带手机"});
  ok("SE", record_attendance{"A3", "D001", "excused", "外出"});
  for (const char* a : {"A1", "A2", "A3"}) ok("SE", record_activity_held{a, "完成"});
  ok("D001", register_contact{"C1", "member", "D001", private_details({{"name", "王建国"}})});
  ok("D001", register_contact{"C2", "member", "D001", private_details({{"name", "李明"}})});
  for (const char* id : {"C3", "C4"})
    ok("D001", register_contact{id, "resident", "C1", private_details({{"name", "居民"}})});
  ok("D001", register_contact{"C5", "resident", "C2", private_details({{"name", "居民"}})});
  ok("D001", remove_contact{"C4", "迁出"});
  ok("D002", register_contact{"C6", "member", "D002", private_details({{"name", "赵强"}})});
  ok("D001", log_opinion{"O1", "C3", "2026-03-02", "道路", private_details({{"text", "修路"}})});
  ok("D001", log_opinion{"O2", "C3", "2026-03-02", "环境", private_details({{"text", "垃圾"}})});
  ok("SE", route_opinion{"O1", "交通局", ""});
  ok("SE", answer_opinion{"O1", "", private_details({{"text", "已修"}})});
  ok("D001", report_back_opinion{"O1", ""});

  at("2026-03-20");  // O2 was due to be routed on 9 March
  const auto file = performance_file(c.state, "D001", civil_date::of_unix_ms(c.now));
  // A4 is not held yet: not in the file.
  EXPECT_EQ(count(file, "activities_held"), 3u);
  EXPECT_EQ(count(file, "activities_attended"), 2u);
  EXPECT_EQ(count(file, "activities_signed"), 1u);
  EXPECT_EQ(count(file, "activities_recorded"), 1u);
  const auto& activities = file.at("activities").as_array();
  ASSERT_EQ(activities.size(), 3u);
  EXPECT_EQ(activities[0].at("id").as_string(), "A1");
  EXPECT_EQ(activities[0].at("check_in").as_string(), "signed");
  EXPECT_EQ(activities[1].at("check_in").as_string(), "recorded");
  EXPECT_EQ(activities[2].at("attendance").as_string(), "excused");
  EXPECT_EQ(activities[2].at("check_in").as_string(), "");
  ASSERT_EQ(file.at("groups").as_array().size(), 1u);
  EXPECT_EQ(file.at("groups").as_array()[0].at("name").as_string(), "第一代表小组");
  EXPECT_EQ(file.at("groups").as_array()[0].at("post").as_string(), "member");
  EXPECT_EQ(count(file.at("contacts"), "members"), 2u);
  EXPECT_EQ(count(file.at("contacts"), "residents"), 2u);  // C3, C5: C4 was removed
  const auto& opinions = file.at("opinions");
  EXPECT_EQ(count(opinions, "logged"), 2u);
  EXPECT_EQ(count(opinions, "routed"), 1u);
  EXPECT_EQ(count(opinions, "answered"), 1u);
  EXPECT_EQ(count(opinions, "refused"), 0u);
  EXPECT_EQ(count(opinions, "reported_back"), 1u);
  EXPECT_EQ(count(opinions, "overdue"), 1u);
  // Counts only: no contact's name reaches the file.
  EXPECT_EQ(json::serialize(file).find("王建国"), std::string::npos);
  const auto other = performance_file(c.state, "D011", civil_date::of_unix_ms(c.now));
  EXPECT_EQ(count(other, "activities_held"), 1u);  // the study session invited everyone
  EXPECT_EQ(count(other, "activities_attended"), 0u);
  EXPECT_TRUE(other.at("groups").as_array().empty());
}

TEST_F(report_counts_case, TheFirstFormatIsMadeAsItWasAndTheCurrentOneIsIssued) {
  at("2026-03-02");
  ok("SE", form_group{"G1", "第一代表小组", "area", delegates(1, 10)});
  ok("D001", register_contact{"C1", "member", "D001", private_details({{"name", "王建国"}})});
  ok("D001", log_opinion{"O1", "C1", "2026-03-02", "道路", private_details({{"text", "修路"}})});
  const auto first = monthly_report(c.state, *report_month::parse("2026-03"), 1);
  EXPECT_EQ(first.at("version").as_int64(), 1);
  EXPECT_FALSE(first.contains("groups"));
  EXPECT_FALSE(first.contains("contacts"));
  EXPECT_TRUE(first.at("groups_not_met").as_array().empty());
  EXPECT_EQ(count(first.at("opinions"), "logged"), 0u);
  EXPECT_EQ(first.at("opinions").as_object().size(), 6u);
  EXPECT_EQ(first.at("activities").as_object().size(), 5u);
  const auto current = report("2026-03");
  EXPECT_EQ(current.at("version").as_int64(), 2);
  EXPECT_EQ(count(current.at("opinions"), "logged"), 1u);
  EXPECT_EQ(current.at("groups_not_met").as_array().size(), 1u);

  at("2026-04-01");
  ok("SE", issue_monthly_report{"2026-03"});
  EXPECT_EQ(c.log.back().payload.at("format").as_int64(), 2);
  EXPECT_EQ(c.log.back().payload.at("report_digest").as_string(),
            crypto::to_hex(report_digest(current)));
  EXPECT_EQ(c.state.monthly_reports().at("2026-03").report, current);

  // A log whose report has no format was issued in the first: the state makes it so.
  congress_state replayed;
  for (const auto& e : c.log) {
    auto payload = e.payload;
    if (e.type == "monthly_report_issued") {
      payload.erase("format");
      payload["report_digest"] = crypto::to_hex(report_digest(first));
    }
    auto decoded = protocol::decode_event_payload(e.type, payload);
    ASSERT_TRUE(decoded) << e.type;
    ASSERT_TRUE(replayed.apply(event{e.seq, e.applied.entry_hash, std::move(*decoded)})) << e.type;
  }
  EXPECT_EQ(replayed.monthly_reports().at("2026-03").report, first);
}

TEST_F(report_counts_case, TheCountyIsToldAtOnceOfAReportAwaitedAndOfOverdueOpinions) {
  // The term began on 1 January 2026; nothing has been issued.
  auto overview = [&](const std::string& day) {
    return township_overview(c.state, *civil_date::parse(day));
  };
  auto months = [](const json::value& list) {
    std::vector<std::string> out;
    for (const auto& m : list.as_array()) out.emplace_back(m.as_string());
    return out;
  };
  EXPECT_TRUE(months(overview("2026-01-31").at("reports_awaited")).empty());
  EXPECT_TRUE(months(overview("2026-01-31").at("reports_late")).empty());
  // The day January ends its report is awaited, though due only on 28 February.
  EXPECT_EQ(months(overview("2026-02-01").at("reports_awaited")),
            std::vector<std::string>{"2026-01"});
  EXPECT_EQ(months(overview("2026-02-28").at("reports_awaited")),
            std::vector<std::string>{"2026-01"});
  // On 1 March January's is late and February's awaited.
  EXPECT_EQ(months(overview("2026-03-01").at("reports_awaited")),
            std::vector<std::string>{"2026-02"});
  EXPECT_EQ(months(overview("2026-03-01").at("reports_late")), std::vector<std::string>{"2026-01"});

  at("2026-03-02");
  ok("D001", register_contact{"C1", "member", "D001", private_details({{"name", "王建国"}})});
  ok("D001",
     log_opinion{"O1", "C1", "2026-03-02", "道路交通", private_details({{"text", "修路"}})});
  at("2026-04-01");
  const auto april = overview("2026-04-01");
  EXPECT_EQ(months(april.at("reports_awaited")), std::vector<std::string>{"2026-03"});
  EXPECT_EQ(months(april.at("reports_late")), std::vector<std::string>{"2026-02"});
  EXPECT_EQ(count(april.at("overdue"), "opinions"), 1u);
  const auto& late = april.at("overdue_opinions").as_array();
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].at("waiting").as_string(), "route");
  EXPECT_EQ(late[0].at("due").as_string(), "2026-03-09");
  EXPECT_EQ(late[0].at("category").as_string(), "道路交通");
  EXPECT_EQ(json::serialize(april).find("修路"), std::string::npos);
  ok("SE", issue_monthly_report{"2026-03"});
  EXPECT_TRUE(months(overview("2026-04-02").at("reports_awaited")).empty());
  EXPECT_EQ(months(overview("2026-05-01").at("reports_awaited")),
            std::vector<std::string>{"2026-04"});
  EXPECT_TRUE(months(overview("2026-05-01").at("reports_late")).empty());
}

}  // namespace
}  // namespace plenum::server::domain
