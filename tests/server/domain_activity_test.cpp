// Activities between meetings: planning, the delegate's own signed check-in on the day,
// attendance the office records with a reason, the outcome, and whether a group has met this
// year.
#include <gtest/gtest.h>

#include "domain/group_views.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"

namespace plenum::server::domain {
namespace {

using test::day_ms;
using test::expect_refused;

using test::delegate_number;

struct activity_case : ::testing::Test {
  test::congress c{20};
  std::string today;
  std::string tomorrow;

  void SetUp() override {
    std::vector<std::string> members;
    for (std::size_t i = 1; i <= 10; ++i) members.push_back(delegate_number(i));
    ASSERT_TRUE(c.as("SE", form_group{"", "第一代表小组", "area", members}));
    today = protocol::civil_date::of_unix_ms(c.now).text();
    tomorrow = protocol::civil_date::of_unix_ms(c.now + day_ms).text();
  }

  plan_activity group_activity(const std::string& date) {
    return plan_activity{"", "group_activity", "G1", "走访群众", date, "东村村委会", {}};
  }

  activity_check_in signed_check_in(const std::string& number, const std::string& activity_id,
                                    std::int64_t at) {
    const auto& key = c.keys.at(number);
    return activity_check_in{activity_id, at,
                             key.sign(crypto::activity_checkin_digest(
                                 activity_id, key.public_part(), static_cast<std::uint64_t>(at)))};
  }
};

TEST_F(activity_case, AGroupActivityInvitesTheMembers) {
  auto d = c.as("SE", group_activity(today));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->created_id, "A1");
  const activity& a = *c.state.groups().find_activity("A1");
  EXPECT_EQ(a.invited.size(), 10u);
  EXPECT_TRUE(a.invites("D010"));
  EXPECT_FALSE(a.invites("D011"));
  // A congress-wide study session invites every delegate.
  ASSERT_TRUE(c.as("SE", plan_activity{"", "study", "", "学习培训", today, "镇会议室", {}}));
  EXPECT_EQ(c.state.groups().find_activity("A2")->invited.size(), 20u);
  ASSERT_TRUE(c.as(
      "SE", plan_activity{"", "inspection", "", "视察学校", today, "镇中学", {"D003", "D015"}}));
  EXPECT_EQ(c.state.groups().find_activity("A3")->invited.size(), 2u);
}

TEST_F(activity_case, PlanningRefusesWhatIsNotValid) {
  expect_refused(c, "CH", group_activity(today), errc::permission_denied);
  expect_refused(c, "SE", plan_activity{"", "party", "G1", "聚餐", today, "饭店", {}},
                 errc::invalid_activity);
  expect_refused(c, "SE", plan_activity{"", "group_activity", "", "走访", today, "东村", {}},
                 errc::invalid_activity);
  expect_refused(c, "SE", group_activity("2026-02-30"), errc::invalid_activity);
  expect_refused(c, "SE", plan_activity{"", "research", "G1", "调研", today, "", {}},
                 errc::invalid_activity);
  expect_refused(c, "SE", plan_activity{"", "research", "G9", "调研", today, "东村", {}},
                 errc::unknown_group);
  expect_refused(c, "SE", plan_activity{"", "research", "", "调研", today, "东村", {"AL"}},
                 errc::not_a_voter);
  expect_refused(c, "SE", plan_activity{"", "research", "", "调研", today, "东村", {"X1"}},
                 errc::unknown_person);
  expect_refused(c, "SE",
                 plan_activity{"", "research", "", "调研", today, "东村", {"D001", "D001"}},
                 errc::invalid_field);
}

TEST_F(activity_case, ADelegateChecksInWithTheirSignatureOnTheDay) {
  ASSERT_TRUE(c.as("SE", group_activity(today)));
  ASSERT_TRUE(c.as("SE", group_activity(tomorrow)));
  // Another key's signature, another activity's, a sitting's check-in digest: refused.
  auto forged = signed_check_in("D002", "A1", c.now);
  expect_refused(c, "D001", forged, errc::bad_checkin_signature);
  auto other = signed_check_in("D001", "A2", c.now);
  other.activity_id = "A1";
  expect_refused(c, "D001", other, errc::bad_checkin_signature);
  const auto& key = c.keys.at("D001");
  expect_refused(
      c, "D001",
      activity_check_in{"A1", c.now,
                        key.sign(crypto::checkin_digest("A1", key.public_part(),
                                                        static_cast<std::uint64_t>(c.now)))},
      errc::bad_checkin_signature);
  expect_refused(c, "D001", signed_check_in("D001", "A1", c.now - 10 * 60'000),
                 errc::stale_checkin);
  expect_refused(c, "D011", signed_check_in("D011", "A1", c.now), errc::not_invited);
  expect_refused(c, "SE", signed_check_in("SE", "A1", c.now), errc::permission_denied);
  expect_refused(c, "D001", signed_check_in("D001", "A9", c.now), errc::unknown_activity);
  // Tomorrow's activity is not open today.
  expect_refused(c, "D001", signed_check_in("D001", "A2", c.now), errc::not_activity_day);

  ASSERT_TRUE(c.as("D001", signed_check_in("D001", "A1", c.now)));
  EXPECT_EQ(c.log.back().type, "activity_checked_in");
  EXPECT_EQ(c.log.back().payload.at("person"), "D001");
  const auto& rec = c.state.groups().find_activity("A1")->attendance.at("D001");
  EXPECT_EQ(rec.status, "present");
  EXPECT_TRUE(rec.signed_in);
  expect_refused(c, "D001", signed_check_in("D001", "A1", c.now + 1),
                 errc::attendance_recorded_already);
}

TEST_F(activity_case, TheOfficeRecordsAttendanceWithAReason) {
  ASSERT_TRUE(c.as("SE", group_activity(today)));
  ASSERT_TRUE(c.as("SE", group_activity(tomorrow)));
  expect_refused(c, "SE", record_attendance{"A1", "D002", "present", ""},
                 errc::attendance_reason_required);
  expect_refused(c, "SE", record_attendance{"A1", "D002", "late", "迟到"}, errc::invalid_field);
  expect_refused(c, "SE", record_attendance{"A1", "D011", "absent", "外出"}, errc::not_invited);
  expect_refused(c, "D001", record_attendance{"A1", "D002", "present", "无平板"},
                 errc::permission_denied);
  expect_refused(c, "SE", record_attendance{"A2", "D002", "present", "无平板"},
                 errc::activity_not_yet_held);
  ASSERT_TRUE(c.as("SE", record_attendance{"A1", "D002", "present", "没有平板，现场签到"}));
  ASSERT_TRUE(c.as("SE", record_attendance{"A1", "D003", "excused", "住院，组长同意"}));
  ASSERT_TRUE(c.as("SE", record_attendance{"A1", "D004", "absent", "未到"}));
  expect_refused(c, "SE", record_attendance{"A1", "D002", "absent", "重复"},
                 errc::attendance_recorded_already);
  ASSERT_TRUE(c.as("D001", signed_check_in("D001", "A1", c.now)));
  expect_refused(c, "SE", record_attendance{"A1", "D001", "absent", "更正"},
                 errc::attendance_recorded_already);

  auto office = activities_view(c.state, "");
  const auto& a1 = office.at("activities").as_array().at(0).as_object();
  EXPECT_EQ(a1.at("counts").at("invited"), 10u);
  EXPECT_EQ(a1.at("counts").at("present"), 2u);
  EXPECT_EQ(a1.at("counts").at("excused"), 1u);
  EXPECT_EQ(a1.at("counts").at("absent"), 1u);
  EXPECT_EQ(a1.at("counts").at("unrecorded"), 6u);
  EXPECT_EQ(a1.at("attendance").as_array().size(), 4u);
  // A delegate sees their own line only.
  auto mine = activities_view(c.state, "D003");
  const auto& own = mine.at("activities").as_array().at(0).as_object();
  EXPECT_EQ(own.at("my_status"), "excused");
  EXPECT_EQ(own.at("invited_me"), true);
  EXPECT_EQ(own.at("attendance").as_array().size(), 1u);
}

TEST_F(activity_case, HeldClosesCheckInAndCountsAsMeetingThisYear) {
  ASSERT_TRUE(c.as("SE", group_activity(today)));
  ASSERT_TRUE(c.as("SE", group_activity(tomorrow)));
  const auto date = protocol::civil_date::of_unix_ms(c.now);
  EXPECT_FALSE(c.state.groups().has_met("G1", date.year));
  expect_refused(c, "SE", record_activity_held{"A2", "走访了三户"}, errc::activity_not_yet_held);
  expect_refused(c, "SE", record_activity_held{"A1", ""}, errc::invalid_field);
  ASSERT_TRUE(c.as("SE", record_activity_held{"A1", "走访群众12户，收集意见5条"}));
  expect_refused(c, "SE", record_activity_held{"A1", "再次"}, errc::activity_already_held);
  expect_refused(c, "D001", signed_check_in("D001", "A1", c.now), errc::activity_already_held);
  // The office may still record who was there.
  ASSERT_TRUE(c.as("SE", record_attendance{"A1", "D005", "present", "会后补录"}));
  EXPECT_TRUE(c.state.groups().has_met("G1", date.year));
  EXPECT_FALSE(c.state.groups().has_met("G1", date.year + 1));
  auto view = groups_view(c.state, date);
  const auto& g1 = view.at("groups").as_array().at(0).as_object();
  EXPECT_EQ(g1.at("met_this_year"), true);
  EXPECT_EQ(g1.at("held_this_year"), 1u);
  EXPECT_EQ(view.at("ungrouped").as_array().size(), 10u);
}

TEST_F(activity_case, OtherKindsDoNotCountAsTheGroupMeeting) {
  ASSERT_TRUE(c.as("SE", plan_activity{"", "research", "G1", "调研", today, "东村", {}}));
  ASSERT_TRUE(c.as("SE", record_activity_held{"A1", "形成调研报告"}));
  const auto date = protocol::civil_date::of_unix_ms(c.now);
  EXPECT_FALSE(c.state.groups().has_met("G1", date.year));
  auto view = groups_view(c.state, date);
  EXPECT_EQ(view.at("groups").as_array().at(0).at("met_this_year"), false);
}

}  // namespace
}  // namespace plenum::server::domain
