// The events of delegate groups and activities, and sitting_created's optional group_id: each
// decodes from its stored text and encodes again to the same bytes; a wrong basis, kind, date
// or status is refused with the member's path; a sitting without a group stays as it was.
#include <gtest/gtest.h>

#include <string>

#include "event_payload_checks.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::protocol {
namespace {

const std::string key = std::string(64, 'a');

TEST(GroupEvents, EachRoundTripsToTheSameBytes) {
  expect_round_trip(
      "group_formed",
      R"({"group_id":"G1","name":"第一代表小组","basis":"electoral_unit","members":["D001","D002","D003","D004","D005","D006","D007","D008","D009","D010"],"by":"SE","unix_ms":1790000000000})");
  expect_round_trip(
      "group_changed",
      R"({"group_id":"G1","added":["D011"],"removed":[],"reason":"工作调动","by":"SE","unix_ms":1790000000001})");
  expect_round_trip(
      "group_leaders_approved",
      R"({"group_id":"G1","leader":"D001","deputy":"D002","vote_id":"g1-V1","approval":"镇党委〔2026〕5号","by":"SE","unix_ms":1790000000002})");
  expect_round_trip(
      "activity_planned",
      R"({"activity_id":"A1","kind":"group_activity","group_id":"G1","title":"走访群众","date":"2026-09-23","place":"东村","invited":["D001","D002"],"by":"SE","unix_ms":1790000000003})");
  expect_round_trip(
      "activity_planned",
      R"({"activity_id":"A2","kind":"study","group_id":"","title":"学习培训","date":"2026-09-23","place":"镇会议室","invited":["D001"],"by":"SE","unix_ms":1790000000003})");
  expect_round_trip(
      "attendance_recorded",
      R"({"activity_id":"A1","person":"D002","status":"excused","reason":"住院","by":"SE","unix_ms":1790000000004})");
  expect_round_trip(
      "activity_held",
      R"({"activity_id":"A1","outcome":"走访12户","by":"SE","unix_ms":1790000000005})");
}

TEST(GroupEvents, ACheckInCarriesTheDelegatesKeyAndSignature) {
  // The decoder checks the key is a point of the curve: use a real one from a seed.
  auto sk = crypto::secret_key::from_seed(crypto::byte_array<32>{});
  const std::string text = R"({"activity_id":"A1","person":"D001","device_pk":")" +
                           sk.public_part().hex() + R"(","unix_ms":1790000000000,"signature":")" +
                           std::string(128, '0') + R"("})";
  expect_round_trip("activity_checked_in", text);
}

TEST(GroupEvents, WrongValuesAreRefusedWithTheirPath) {
  expect_refused_at(
      "group_formed",
      R"({"group_id":"G1","name":"小组","basis":"village","members":["D001"],"by":"SE","unix_ms":1})",
      "basis");
  expect_refused_at(
      "activity_planned",
      R"({"activity_id":"A1","kind":"party","group_id":"","title":"t","date":"2026-09-23","place":"p","invited":["D001"],"by":"SE","unix_ms":1})",
      "kind");
  expect_refused_at(
      "activity_planned",
      R"({"activity_id":"A1","kind":"study","group_id":"","title":"t","date":"2026-02-30","place":"p","invited":["D001"],"by":"SE","unix_ms":1})",
      "date");
  expect_refused_at(
      "attendance_recorded",
      R"({"activity_id":"A1","person":"D002","status":"late","reason":"r","by":"SE","unix_ms":1})",
      "status");
}

TEST(GroupEvents, ASittingNamesItsGroupOnlyWhenItHasOne) {
  expect_round_trip("sitting_created", R"({"sitting_id":"s1","title":"年会","date":"2026-03-01"})");
  expect_round_trip(
      "sitting_created",
      R"({"sitting_id":"s2","title":"年会","date":"2027-03-01","kind":"annual","year":2})");
  expect_round_trip(
      "sitting_created",
      R"({"sitting_id":"g1","title":"第一代表小组会议","date":"2027-03-02","kind":"annual","year":2,"group_id":"G1"})");
  auto old = decode_event_payload("sitting_created",
                                  R"({"sitting_id":"s1","title":"年会","date":"2026-03-01"})");
  ASSERT_TRUE(old);
  EXPECT_FALSE(std::get<events::sitting_created>(*old).group_id);
}

}  // namespace
}  // namespace plenum::protocol
