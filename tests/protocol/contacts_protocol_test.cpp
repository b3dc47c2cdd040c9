// Three-level contact and opinions on the wire: the private-details digest (a known answer
// computed independently, the canonical JSON it hashes, what counts as an ID number), each
// new event round-tripping to the same bytes and refusing bad members at their path, and the
// new requests with their `details` object.
#include <gtest/gtest.h>

#include <string>

#include "event_payload_checks.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/messages_hall.hpp"
#include "plenum/protocol/private_details.hpp"

namespace plenum::protocol {
namespace {

crypto::byte_array<16> counting_salt() {
  crypto::byte_array<16> salt{};
  for (std::size_t i = 0; i < salt.size(); ++i) salt[i] = static_cast<std::uint8_t>(i + 1);
  return salt;
}

TEST(PrivateDetails, DigestKnownAnswer) {
  // SHA-256("plenum/private-details/v1" ‖ 01 02 … 10 ‖ {"name":"王建国","place":"东村"}),
  // computed with Python's hashlib.
  EXPECT_EQ(crypto::to_hex(
                private_details_digest(counting_salt(), {{"place", "东村"}, {"name", "王建国"}})),
            "3ff458267c6dddba3431c88a17d3771f7c51df581e75163bc119aafad2908c54");
  auto other = counting_salt();
  other[15] = 0;
  EXPECT_NE(private_details_digest(other, {{"name", "王建国"}, {"place", "东村"}}),
            private_details_digest(counting_salt(), {{"name", "王建国"}, {"place", "东村"}}));
}

TEST(PrivateDetails, CanonicalJsonSortsMembersAndEscapes) {
  EXPECT_EQ(canonical_private_json({{"text", "路灯"}, {"name", "刘"}}),
            R"({"name":"刘","text":"路灯"})");
  EXPECT_EQ(canonical_private_json({{"a\"b", "x\ny"}}), R"({"a\"b":"x\ny"})");
  EXPECT_EQ(canonical_private_json({}), "{}");
}

TEST(PrivateDetails, IdNumbersAreRecognised) {
  EXPECT_TRUE(looks_like_id_number("110101199003071234"));
  EXPECT_TRUE(looks_like_id_number("身份证11010119900307123X号"));
  EXPECT_TRUE(looks_like_id_number("1101 0119 9003 0712 34"));
  EXPECT_TRUE(looks_like_id_number("110101900307123"));  // the old 15 digits
  EXPECT_FALSE(looks_like_id_number("东村12号"));
  EXPECT_FALSE(looks_like_id_number("2026-01-05"));
  EXPECT_FALSE(looks_like_id_number("电话 13800138000"));  // 11 digits: not an ID number
}

const std::string digest = std::string(64, 'a');

TEST(ContactEvents, EachRoundTripsToTheSameBytes) {
  expect_round_trip("contact_registered",
                    R"({"contact_id":"C1","kind":"member","keeper":"D001","details_digest":")" +
                        digest + R"(","by":"D001","unix_ms":5})");
  expect_round_trip("contact_removed",
                    R"({"contact_id":"C1","reason":"调离","by":"SE","unix_ms":6})");
  expect_round_trip("committee_contacts_set",
                    R"({"member":"W01","delegates":["D001","D002"],"by":"SE","unix_ms":7})");
  expect_round_trip("committee_contacts_set",
                    R"({"member":"W01","delegates":[],"by":"SE","unix_ms":7})");
  expect_round_trip(
      "opinion_logged",
      R"({"opinion_id":"O1","contact_id":"C2","by":"D001","date":"2026-01-05","details_digest":")" +
          digest + R"(","category":"道路交通","unix_ms":8})");
  expect_round_trip(
      "opinion_routed",
      R"({"opinion_id":"O1","department":"交通局","date":"2026-01-06","by":"SE","unix_ms":9})");
  expect_round_trip(
      "opinion_extended",
      R"({"opinion_id":"O1","working_days":15,"reason":"现场调查","by":"SE","unix_ms":10})");
  expect_round_trip("opinion_answered",
                    R"({"opinion_id":"O1","date":"2026-02-01","details_digest":")" + digest +
                        R"(","by":"SE","unix_ms":11})");
  expect_round_trip(
      "opinion_refused",
      R"({"opinion_id":"O1","date":"2026-01-08","reason":"不属于本镇事权","by":"SE","unix_ms":12})");
  expect_round_trip("opinion_reported_back",
                    R"({"opinion_id":"O1","date":"2026-02-02","by":"D001","unix_ms":13})");
}

TEST(ContactEvents, BadMembersAreRefusedAtTheirPath) {
  expect_refused_at("contact_registered",
                    R"({"contact_id":"C1","kind":"friend","keeper":"D001","details_digest":")" +
                        digest + R"(","by":"D001","unix_ms":5})",
                    "kind");
  expect_refused_at(
      "contact_registered",
      R"({"contact_id":"C1","kind":"member","keeper":"D001","details_digest":"abc","by":"D001","unix_ms":5})",
      "details_digest");
  // A name where the digest belongs is refused: the log holds no names.
  expect_refused_at(
      "opinion_logged",
      R"({"opinion_id":"O1","contact_id":"C2","by":"D001","date":"2026-01-05","details_digest":"王建国","category":"x","unix_ms":8})",
      "details_digest");
  expect_refused_at(
      "opinion_logged",
      R"({"opinion_id":"O1","contact_id":"C2","by":"D001","date":"2026-13-05","details_digest":")" +
          digest + R"(","category":"x","unix_ms":8})",
      "date");
  expect_refused_at("opinion_extended",
                    R"({"opinion_id":"O1","working_days":16,"reason":"x","by":"SE","unix_ms":10})",
                    "working_days");
  expect_refused_at("opinion_extended",
                    R"({"opinion_id":"O1","working_days":0,"reason":"x","by":"SE","unix_ms":10})",
                    "working_days");
}

decoded<hall_request_message> decode_text(const std::string& text) {
  auto f = parse_request(text);
  if (!f) return std::move(f).error();
  return decode_hall_request(*f);
}

TEST(ContactRequests, EveryTypeRoundTrips) {
  const std::vector<hall_request> all = {
      register_contact_request{"", "member", "D001", {{"name", "王建国"}, {"place", "东村"}}},
      register_contact_request{"C7", "resident", "C1", {{"name", "刘大妈"}}},
      remove_contact_request{"C7", "搬走"},
      set_committee_contacts_request{"W01", {"D001", "D002"}},
      log_opinion_request{"", "C7", "2026-01-05", "道路", {{"text", "路灯坏了"}}},
      route_opinion_request{"O1", "交通局", std::nullopt},
      route_opinion_request{"O1", "交通局", std::string("2026-01-06")},
      extend_opinion_request{"O1", 10, "调查"},
      answer_opinion_request{"O1", std::nullopt, {{"text", "已修"}}},
      refuse_opinion_request{"O1", std::string("2026-01-07"), "不属于本镇事权"},
      report_back_opinion_request{"O1", std::nullopt},
      get_contacts_request{},
      get_opinions_request{},
  };
  for (const auto& r : all) {
    const std::string text = encode_hall_request(9, r);
    auto back = decode_text(text);
    ASSERT_TRUE(back) << text << " " << back.error().message();
    EXPECT_EQ(encode_hall_request(9, back->body), text);
  }
}

TEST(ContactRequests, DetailsAreAnObjectOfTexts) {
  auto not_object = decode_text(
      R"({"v":1,"id":1,"type":"register_contact","kind":"member","keeper":"D001","details":"王建国"})");
  ASSERT_FALSE(not_object);
  EXPECT_EQ(not_object.error().code, errc::invalid_field);
  EXPECT_NE(not_object.error().message().find("details"), std::string::npos)
      << not_object.error().message();
  auto number_value = decode_text(
      R"({"v":1,"id":1,"type":"register_contact","kind":"member","keeper":"D001","details":{"name":5}})");
  ASSERT_FALSE(number_value);
  EXPECT_EQ(number_value.error().code, errc::invalid_field);
  EXPECT_NE(number_value.error().message().find("name"), std::string::npos)
      << number_value.error().message();
  // Without details there is nothing to keep: refused.
  auto missing = decode_text(
      R"({"v":1,"id":1,"type":"log_opinion","contact_id":"C1","date":"2026-01-05","category":"x"})");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("details"), std::string::npos)
      << missing.error().message();
}

}  // namespace
}  // namespace plenum::protocol
