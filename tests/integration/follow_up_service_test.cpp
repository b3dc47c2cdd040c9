// A year of the term through the real service: a real plenumd over TLS WebSockets with its
// data on disk (term_hall). The annual meeting adopts a resolution (a motion on a report, decided
// by the scrutineers' partial decryptions), the secretary records a roster change and the
// implementation reports over the year, and the next annual meeting opens with the two
// follow-up reports and the generated materials; the exported record verifies.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <string>

#include "hall_client.hpp"
#include "term_hall.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;

TEST(follow_up_service_test, AResolutionComesBackToTheNextAnnualMeetingWithItsReports) {
  term_hall hall;
  ASSERT_TRUE(hall.ok()) << hall.server_log();
  auto ch = hall.as("CH");
  auto se = hall.as("SE");

  // The annual meeting of the first year adopts the resolution on the committee's report.
  const std::string first = hall.create_sitting("2026年年会", "2026-03-01");
  ASSERT_FALSE(first.empty());
  hall.sit(first, 9);
  auto item = ch.call("add_item", {{"sitting_id", first},
                                   {"kind", "report"},
                                   {"title", "镇党委工作报告"},
                                   {"responsible", "镇长"}});
  ASSERT_TRUE(item.ok()) << item.code();
  const std::string item_id = str(item.fields, "item_id");
  ASSERT_TRUE(ch.call("set_current_item", {{"sitting_id", first}, {"item_id", item_id}}).ok());
  // Eight of the nine present for, one against.
  hall.decide_vote({{"vote_id", "v1"},
                    {"sitting_id", first},
                    {"item_id", item_id},
                    {"kind", "motion"},
                    {"title", "关于镇党委工作报告的决议"}},
                   9, [](int i) {
                     return crypto::ballot_choices{
                         {static_cast<std::uint8_t>(i <= 8), static_cast<std::uint8_t>(i > 8), 0}};
                   });
  // Between sittings only: the roster stays as it is while the meeting sits.
  EXPECT_EQ(se.call("record_delegate_left",
                    {{"person", "D010"}, {"reason", "调离本镇"}, {"date", "2026-03-01"}})
                .code(),
            "sitting_already_open");
  ASSERT_TRUE(ch.call("close_sitting", {{"sitting_id", first}}).ok());

  auto adopted = hall.follow_up();
  ASSERT_EQ(adopted.at("resolutions").as_array().size(), 1u) << json::serialize(adopted);
  const auto& resolution = adopted.at("resolutions").at(0).as_object();
  EXPECT_EQ(str(resolution, "vote_id"), "v1");
  EXPECT_EQ(str(resolution, "responsible"), "镇长");
  EXPECT_EQ(str(resolution, "status"), "not_reported");
  const std::string resolution_id = str(resolution, "id");

  // The year: a roster change and the reports.
  ASSERT_TRUE(se.call("record_delegate_left",
                      {{"person", "D010"}, {"reason", "调离本镇"}, {"date", "2026-05-01"}})
                  .ok());
  ASSERT_TRUE(
      se.call("seat_alternate", {{"person", "AL"}, {"replaces", "D010"}, {"date", "2026-05-02"}})
          .ok());
  auto report = [&](const std::string& status, const std::string& text, const std::string& date,
                    const std::string& reason) {
    json::object fields{{"subject", "resolution"},
                        {"subject_id", resolution_id},
                        {"status", status},
                        {"text", text},
                        {"date", date}};
    if (!reason.empty()) fields["reason"] = reason;
    return se.call("report_implementation", fields);
  };
  ASSERT_TRUE(report("in_progress", "道路规划已完成", "2026-06-30", "").ok());
  EXPECT_EQ(report("blocked", "施工暂停", "2026-09-30", "").code(), "reason_required");
  ASSERT_TRUE(report("blocked", "施工暂停", "2026-09-30", "资金未到位").ok());
  ASSERT_TRUE(report("completed", "道路全线贯通", "2026-12-20", "").ok());
  EXPECT_EQ(hall.as("D001")
                .call("report_implementation", {{"subject", "resolution"},
                                                {"subject_id", resolution_id},
                                                {"status", "completed"},
                                                {"text", "t"},
                                                {"date", "2026-12-21"}})
                .code(),
            "permission_denied");

  // The next annual meeting opens with the two follow-up reports.
  auto s2 = ch.call("create_sitting", {{"title", "2027年年会"}, {"date", "2027-03-01"}});
  ASSERT_TRUE(s2.ok()) << s2.code();
  const std::string second = str(s2.fields, "sitting_id");
  auto state = ch.call("get_state");
  ASSERT_TRUE(state.ok());
  const auto& view = state.fields.at("state").as_object();
  EXPECT_EQ(str(view.at("sitting").as_object(), "id"), second);
  EXPECT_EQ(str(view.at("sitting").as_object(), "kind"), "annual");
  EXPECT_EQ(view.at("sitting").at("year").to_number<std::uint64_t>(), 2u);
  // D010 left and AL took the place: still ten seated.
  EXPECT_EQ(view.at("seated").to_number<std::uint64_t>(), 10u);
  const auto& agenda = view.at("agenda").as_array();
  ASSERT_EQ(agenda.size(), 2u) << json::serialize(agenda);
  EXPECT_EQ(str(agenda[0].as_object(), "title"), "关于上一年度年会决议执行情况的报告");
  EXPECT_EQ(str(agenda[0].as_object(), "follow_up"), "resolutions");
  EXPECT_EQ(str(agenda[1].as_object(), "title"), "关于民主评议和信任投票整改情况的报告");
  const auto& materials = agenda[0].at("materials").as_array();
  ASSERT_EQ(materials.size(), 1u);
  const std::string text = str(materials[0].as_object(), "text");
  EXPECT_NE(text.find("关于镇党委工作报告的决议"), std::string::npos) << text;
  EXPECT_NE(text.find("责任人：镇长"), std::string::npos) << text;
  EXPECT_NE(text.find("已完成（2026-12-20）道路全线贯通"), std::string::npos) << text;
  EXPECT_NE(text.find("报告次数：3"), std::string::npos) << text;

  // A later report, and the material refreshed before the meeting opens.
  ASSERT_TRUE(report("completed", "验收合格", "2027-02-20", "").ok());
  auto refreshed = se.call("refresh_follow_up", {{"sitting_id", second}});
  ASSERT_TRUE(refreshed.ok()) << refreshed.code();
  auto after = ch.call("get_state").fields.at("state").as_object();
  const auto& fresh = after.at("agenda").at(0).at("materials").as_array();
  ASSERT_EQ(fresh.size(), 2u);
  EXPECT_NE(str(fresh[1].as_object(), "text").find("已完成（2027-02-20）验收合格"),
            std::string::npos);
  auto changes = hall.follow_up().at("roster_changes").as_array();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(str(changes[1].as_object(), "kind"), "alternate_seated");

  // The year's record verifies, follow-up included.
  const auto verified = hall.verify_export({"resolutions", "reports", "roster_changes"});
  EXPECT_EQ(verified.count("resolutions"), 1u) << verified.lines;
  EXPECT_EQ(verified.count("reports"), 4u) << verified.lines;
}

}  // namespace
}  // namespace plenum::tests
