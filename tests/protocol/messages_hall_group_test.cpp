// The hall requests of delegate groups and activities, and create_sitting's group_id: round
// trips, empty optional members off the wire, and a group too small for the wire refused.
#include <gtest/gtest.h>

#include <string>

#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/messages_hall.hpp"

namespace plenum::protocol {
namespace {

decoded<hall_request_message> decode_text(const std::string& text) {
  auto f = parse_request(text);
  if (!f) return std::move(f).error();
  return decode_hall_request(*f);
}

TEST(MessagesHallGroups, EveryTypeRoundTrips) {
  auto sk = crypto::secret_key::from_seed(crypto::byte_array<32>{});
  create_sitting_request group_sitting{"g1", "第一代表小组会议", "2027-03-02", "", "G1"};
  const std::vector<hall_request> all = {
      group_sitting,
      form_group_request{"", "第一代表小组", "electoral_unit", {"D001", "D002"}},
      change_group_request{"G1", {"D011"}, {}, "工作调动"},
      change_group_request{"G1", {}, {"D003"}, "调离"},
      approve_group_leaders_request{"G1", "D001", "D002", "g1-V1", "镇党委〔2027〕5号"},
      plan_activity_request{"", "group_activity", "G1", "走访群众", "2027-04-01", "东村", {}},
      plan_activity_request{"A7", "inspection", "", "视察学校", "2027-04-02", "镇中学", {"D001"}},
      activity_checkin_request{"A1", 1790000000000, sk.sign(crypto::digest32{})},
      record_attendance_request{"A1", "D002", "excused", "住院"},
      record_activity_held_request{"A1", "走访12户"},
      get_groups_request{},
      get_activities_request{},
  };
  for (const auto& r : all) {
    const std::string text = encode_hall_request(9, r);
    auto back = decode_text(text);
    ASSERT_TRUE(back) << text << " " << back.error().message();
    EXPECT_EQ(encode_hall_request(9, back->body), text);
    EXPECT_TRUE(is_hall_request_type(type_of(r)));
  }
}

TEST(MessagesHallGroups, EmptyOptionalMembersStayOffTheWire) {
  const auto plain = encode_hall_request(1, create_sitting_request{"", "年会", "2027-03-01"});
  EXPECT_EQ(plain.find("group_id"), std::string::npos) << plain;
  const auto plan = encode_hall_request(
      1, plan_activity_request{"", "study", "", "学习", "2027-04-01", "镇会议室", {}});
  EXPECT_EQ(plan.find("invited"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("group_id"), std::string::npos) << plan;
  auto decoded = decode_text(
      R"({"v":1,"id":3,"type":"form_group","name":"小组","basis":"area","members":[]})");
  ASSERT_FALSE(decoded);
}

}  // namespace
}  // namespace plenum::protocol
