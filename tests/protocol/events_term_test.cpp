// The events of the term between its meetings (roster changes, resolutions, rectification,
// implementation reports) and the optional members added to sitting_created and item_added:
// each decodes from its stored text and encodes again to the same bytes; bad payloads are
// refused with the member's path; older payloads without the optional members stay as they
// were.
#include <gtest/gtest.h>

#include <string>

#include "event_payload_checks.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::protocol {
namespace {

TEST(TermEvents, EachNewEventRoundTripsToTheSameBytes) {
  expect_round_trip("delegate_left",
                    R"({"person":"D010","reason":"调离本镇","date":"2027-05-01","by":"SE"})");
  expect_round_trip("alternate_seated",
                    R"({"person":"AL","replaces":"D010","date":"2027-05-02","by":"SE"})");
  expect_round_trip("alternate_seated",
                    R"({"person":"AL","replaces":"","date":"2027-05-02","by":"SE"})");
  expect_round_trip(
      "delegate_added",
      R"({"person":{"number":"D011","name":"补选代表","gender":"F","ethnicity":"汉族","occupation":"farming","unit":"一村","group":"第一组","roles":["delegate"],"committee_member":false},"reason":"补选","date":"2027-05-03","by":"SE"})");
  expect_round_trip(
      "resolution_adopted",
      R"({"resolution_id":"R1","sitting_id":"s1","item_id":"i1","vote_id":"v1","title":"关于工作报告的决议","responsible":"镇长"})");
  expect_round_trip(
      "rectification_opened",
      R"({"rectification_id":"RC1","origin":"confidence","vote_id":"c1","member":"乙","problem":"不信任票超过三分之一","responsible":"乙","by":""})");
  expect_round_trip(
      "implementation_reported",
      R"({"report_id":"IR1","subject":"resolution","subject_id":"R1","status":"blocked","text":"施工暂停","date":"2027-09-30","reason":"资金未到位","by":"SE"})");
  expect_round_trip(
      "implementation_reported",
      R"({"report_id":"IR2","subject":"rectification","subject_id":"RC1","status":"completed","text":"已整改","date":"2027-10-30","reason":"","by":"SE"})");
}

TEST(TermEvents, SittingsAndItemsCarryTheirOptionalMembersOnlyWhenSet) {
  expect_round_trip("sitting_created", R"({"sitting_id":"s1","title":"年会","date":"2026-03-01"})");
  expect_round_trip(
      "sitting_created",
      R"({"sitting_id":"s2","title":"年会","date":"2027-03-01","kind":"annual","year":2})");
  expect_round_trip(
      "item_added",
      R"({"sitting_id":"s2","item_id":"s2-I1","kind":"report","title":"报告","order":1,"responsible":"镇党委","proposal_id":""})");
  expect_round_trip(
      "item_added",
      R"({"sitting_id":"s2","item_id":"s2-I1","kind":"report","title":"报告","order":1,"responsible":"镇党委","proposal_id":"","follow_up":"resolutions"})");
  auto schema = event_schema();
  const auto& sitting = schema.at("sitting_created").as_array();
  EXPECT_EQ(sitting.at(3).at("name").as_string(), "kind");
  EXPECT_TRUE(sitting.at(3).at("optional").as_bool());
  EXPECT_EQ(sitting.at(4).at("type").as_string(), "number");
  for (std::string_view type :
       {"delegate_left", "alternate_seated", "delegate_added", "resolution_adopted",
        "rectification_opened", "implementation_reported"})
    EXPECT_TRUE(schema.contains(type)) << type;
}

TEST(TermEvents, BadPayloadsAreRefusedAtTheirMember) {
  expect_refused_at(
      "implementation_reported",
      R"({"report_id":"IR1","subject":"resolution","subject_id":"R1","status":"blocked","text":"停工","date":"2027-09-30","reason":"","by":"SE"})",
      "reason");
  expect_refused_at(
      "implementation_reported",
      R"({"report_id":"IR1","subject":"resolution","subject_id":"R1","status":"completed","text":"完成","date":"2027-09-30","reason":"无","by":"SE"})",
      "reason");
  expect_refused_at("sitting_created",
                    R"({"sitting_id":"s1","title":"年会","date":"2026-03-01","year":0})", "year");
  expect_refused_at(
      "delegate_added",
      R"({"person":{"number":"D011","name":"x","gender":"F","ethnicity":"","occupation":"","unit":"","group":"","roles":[],"committee_member":"no"},"reason":"补选","date":"2027-05-03","by":"SE"})",
      "committee_member");
  auto missing =
      decode_event_payload("delegate_left", R"({"person":"D010","date":"2027-05-01","by":"SE"})");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("reason"), std::string::npos);
}

}  // namespace
}  // namespace plenum::protocol
