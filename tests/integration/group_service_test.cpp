// A delegate group through the real service: a real plenumd over TLS WebSockets with its data
// on disk. The secretary forms a group of ten; the group holds its own sitting, whose seated
// are its members, and elects its leader (组长) and deputy (副组长) by encrypted ballots that
// the scrutineers decrypt; the secretary records the party committee's approval. An activity
// follows with the members' signed check-ins and one attendance the office records with its
// reason; the exported record verifies, groups and activities included.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <memory>
#include <string>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/working_calendar.hpp"
#include "term_hall.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// Twelve delegates (1–10 of 东片, 11–12 of 西片), a chair, a secretary, three scrutineers.
std::string roster_csv() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  static const char* occupations[] = {"science", "education", "health", "farming"};
  for (int i = 1; i <= 12; ++i)
    csv += term_delegate(i) + ",代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") + "," +
           (i == 10 ? "回族" : "汉族") + "," + occupations[i % 4] + ",U1," +
           (i <= 10 ? "东片" : "西片") + ",delegate,no\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

class group_service_test : public ::testing::Test {
 protected:
  void SetUp() override {
    hall_ = std::make_unique<term_hall>(roster_csv());
    ASSERT_TRUE(hall_->ok()) << hall_->server_log();
  }
  hall_client as(const std::string& person) { return hall_->as(person); }
  const crypto::secret_key& key(const std::string& person) const { return hall_->key(person); }

  std::uint64_t server_now(hall_client& c) {
    return c.call("ping").fields.at("server_unix_ms").to_number<std::uint64_t>();
  }

  hall_reply activity_check_in(const std::string& person, const std::string& activity_id) {
    auto c = as(person);
    const auto now = server_now(c);
    const auto& device = key(person);
    const auto sig =
        device.sign(crypto::activity_checkin_digest(activity_id, device.public_part(), now));
    return c.call("activity_checkin",
                  {{"activity_id", activity_id}, {"unix_ms", now}, {"signature", sig.hex()}});
  }

  std::unique_ptr<term_hall> hall_;
};

TEST_F(group_service_test, AGroupElectsItsLeadersAndMeets) {
  auto ch = as("CH");
  auto se = as("SE");

  // The group of the roster's 东片 column.
  json::array members;
  for (int i = 1; i <= 10; ++i) members.emplace_back(term_delegate(i));
  json::array nine(members.begin(), members.end() - 1);
  EXPECT_EQ(se.call("form_group", {{"name", "东片代表小组"}, {"basis", "area"}, {"members", nine}})
                .code(),
            "group_too_small");
  auto formed =
      se.call("form_group", {{"name", "东片代表小组"}, {"basis", "area"}, {"members", members}});
  ASSERT_TRUE(formed.ok()) << formed.code();
  const std::string group = str(formed.fields, "group_id");
  EXPECT_EQ(group, "G1");

  // The group's own sitting: its seated are the ten members.
  auto sitting =
      se.call("create_sitting",
              {{"title", "东片代表小组会议"}, {"date", "2026-04-01"}, {"group_id", group}});
  ASSERT_TRUE(sitting.ok()) << sitting.code();
  const std::string sid = str(sitting.fields, "sitting_id");
  ASSERT_TRUE(ch.call("open_checkin", {{"sitting_id", sid}}).ok());
  {
    auto outsider = as("D011");
    EXPECT_EQ(check_in(outsider, key("D011"), sid).code(), "not_in_group");
  }
  for (int i = 1; i <= 10; ++i) {
    auto c = as(term_delegate(i));
    ASSERT_TRUE(check_in(c, key(term_delegate(i)), sid).ok()) << term_delegate(i);
  }
  ASSERT_TRUE(
      ch.call("start_ceremony",
              {{"sitting_id", sid}, {"scrutineers", json::array{"S1", "S2", "S3"}}, {"k", 2}})
          .ok());
  auto scrutineers =
      test_scrutineers::run_ceremony(hall_->port(), term_hall::congress_id(), sid,
                                     {"S1", "S2", "S3"}, 2, hall_->keys(), "group " + sid);
  ASSERT_TRUE(scrutineers);
  // The roster's composition warnings, read and acknowledged by the office.
  const auto acknowledged = se.call("acknowledge_warnings");
  ASSERT_TRUE(acknowledged.ok() || acknowledged.code() == "warnings_already_acknowledged")
      << acknowledged.code();
  const auto opened = ch.call("open_sitting", {{"sitting_id", sid}});
  ASSERT_TRUE(opened.ok()) << opened.code();
  auto item = ch.call("add_item", {{"sitting_id", sid},
                                   {"kind", "election"},
                                   {"title", "选举组长、副组长"},
                                   {"responsible", ""}});
  ASSERT_TRUE(item.ok()) << item.code();
  const std::string item_id = str(item.fields, "item_id");
  ASSERT_TRUE(ch.call("set_current_item", {{"sitting_id", sid}, {"item_id", item_id}}).ok());
  auto vote = ch.call("create_vote", {{"sitting_id", sid},
                                      {"item_id", item_id},
                                      {"kind", "election"},
                                      {"title", "选举组长、副组长（应选2名）"},
                                      {"seats", 2},
                                      {"candidates", json::array{"代表1", "代表2", "代表3"}}});
  ASSERT_TRUE(vote.ok()) << vote.code();
  const std::string vote_id = str(vote.fields, "vote_id");
  ASSERT_TRUE(ch.call("open_vote", {{"vote_id", vote_id}}).ok());
  auto state = ch.call("get_state");
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state.fields.at("state").at("seated").to_number<std::uint64_t>(), 10u)
      << json::serialize(state.fields);
  auto basis = read_vote_basis(ch, vote_id);
  ASSERT_TRUE(basis);
  for (int i = 1; i <= 10; ++i) {
    const std::string d = term_delegate(i);
    crypto::seeded_random br("ballot " + vote_id + d);
    // 代表1 and 代表2 approved by all; 代表3 by none.
    auto b = crypto::make_ballot(basis->manifest, basis->election_hash, basis->joint_key, key(d),
                                 {{1, 0}, {1, 0}, {0, 1}}, br);
    ASSERT_TRUE(b);
    auto r =
        as(d).call("cast_ballot", {{"vote_id", vote_id}, {"ballot", protocol::encode_ballot(*b)}});
    ASSERT_TRUE(r.ok()) << d << " " << r.code();
  }
  ASSERT_TRUE(ch.call("close_vote", {{"vote_id", vote_id}}).ok());
  EXPECT_EQ(se.call("approve_group_leaders", {{"group_id", group},
                                              {"leader", "D001"},
                                              {"deputy", "D002"},
                                              {"vote_id", vote_id},
                                              {"approval", "镇党委〔2026〕12号"}})
                .code(),
            "vote_not_decided");
  for (const auto& r : scrutineers->decrypt(vote_id, basis->election_hash, {1, 3}))
    ASSERT_TRUE(r.ok()) << r.code();
  const auto digest = crypto::from_hex_fixed<32>(str(vote_view(ch, vote_id), "result_digest"));
  ASSERT_TRUE(digest);
  for (int l : {1, 3})
    ASSERT_TRUE(
        scrutineers->client(l)
            .call("sign_result", {{"vote_id", vote_id},
                                  {"signature", key("S" + std::to_string(l)).sign(*digest).hex()}})
            .ok());
  ASSERT_TRUE(ch.call("announce_result",
                      {{"vote_id", vote_id}, {"signature", key("CH").sign(*digest).hex()}})
                  .ok());
  ASSERT_TRUE(ch.call("close_sitting", {{"sitting_id", sid}}).ok());

  // The committee approved the two the group elected; 代表3 was not elected.
  EXPECT_EQ(se.call("approve_group_leaders", {{"group_id", group},
                                              {"leader", "D001"},
                                              {"deputy", "D003"},
                                              {"vote_id", vote_id},
                                              {"approval", "镇党委〔2026〕12号"}})
                .code(),
            "leaders_not_elected");
  ASSERT_TRUE(se.call("approve_group_leaders", {{"group_id", group},
                                                {"leader", "D001"},
                                                {"deputy", "D002"},
                                                {"vote_id", vote_id},
                                                {"approval", "镇党委〔2026〕12号"}})
                  .ok());

  // An activity today: members check in with their own signatures; one without a device is
  // recorded by the office with the reason.
  const std::string today =
      protocol::civil_date::of_unix_ms(static_cast<std::int64_t>(server_now(se))).text();
  auto planned = se.call("plan_activity", {{"kind", "group_activity"},
                                           {"group_id", group},
                                           {"title", "走访联系群众"},
                                           {"date", today},
                                           {"place", "东村村委会"}});
  ASSERT_TRUE(planned.ok()) << planned.code();
  const std::string activity = str(planned.fields, "activity_id");
  for (int i = 1; i <= 8; ++i)
    ASSERT_TRUE(activity_check_in(term_delegate(i), activity).ok()) << term_delegate(i);
  EXPECT_EQ(activity_check_in("D011", activity).code(), "not_invited");
  EXPECT_EQ(activity_check_in("D001", activity).code(), "attendance_recorded_already");
  EXPECT_EQ(
      se.call(
            "record_attendance",
            {{"activity_id", activity}, {"person", "D009"}, {"status", "present"}, {"reason", ""}})
          .code(),
      "attendance_reason_required");
  ASSERT_TRUE(se.call("record_attendance", {{"activity_id", activity},
                                            {"person", "D009"},
                                            {"status", "present"},
                                            {"reason", "没有手机，现场登记"}})
                  .ok());
  ASSERT_TRUE(se.call("record_activity_held",
                      {{"activity_id", activity}, {"outcome", "走访群众15户，收集意见6条"}})
                  .ok());

  // What everyone reads: the group with its leaders, met this year; the activity's attendance.
  auto groups = as("D005").call("get_groups");
  ASSERT_TRUE(groups.ok()) << groups.code();
  const auto& g = groups.fields.at("groups").at(0).as_object();
  EXPECT_EQ(str(g, "leader_name"), "代表1");
  EXPECT_EQ(str(g, "deputy_name"), "代表2");
  EXPECT_EQ(g.at("met_this_year").as_bool(), true);
  EXPECT_EQ(g.at("members").as_array().size(), 10u);
  auto activities = se.call("get_activities");
  ASSERT_TRUE(activities.ok());
  const auto& counts = activities.fields.at("activities").at(0).at("counts").as_object();
  EXPECT_EQ(counts.at("present").to_number<std::uint64_t>(), 9u);
  EXPECT_EQ(counts.at("unrecorded").to_number<std::uint64_t>(), 1u);
  auto mine = as("D009").call("get_activities");
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(str(mine.fields.at("activities").at(0).as_object(), "my_status"), "present");

  // The record verifies, with who did what in the groups and activities: formed, approved (as
  // an event and against the vote's outcome); planned, 8 check-ins, 1 recorded attendance, held.
  const auto verified = hall_->verify_export({"groups", "activities"});
  EXPECT_EQ(verified.count("groups"), 3u) << verified.lines;
  EXPECT_EQ(verified.count("activities"), 11u) << verified.lines;
}

}  // namespace
}  // namespace plenum::tests
