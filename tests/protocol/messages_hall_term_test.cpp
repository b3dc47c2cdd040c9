// The hall commands of the term between its meetings (roster changes, rectification items,
// implementation reports, refresh_follow_up, get_follow_up) and create_sitting's kind: round
// trips, the wire form of their optional members, and hostile frames refused at their field.
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

TEST(MessagesHallTerm, EveryTypeRoundTrips) {
  const std::vector<hall_request> all = {
      create_sitting_request{"s2", "临时会议", "2027-06-01", "extraordinary"},
      record_delegate_left_request{"D010", "调离本镇", "2027-05-01"},
      seat_alternate_request{"AL", "D010", "2027-05-02"},
      seat_alternate_request{"AL", "", "2027-05-02"},
      add_delegate_request{"D011", "补选代表", "F", "汉族", "farming", "一村", "第一组", true,
                           "补选", "2027-05-03"},
      add_delegate_request{"D012", "补选代表", "M", "", "", "", "", false, "补选", "2027-05-03"},
      record_rectification_request{"", "a1", "乙", "联系群众不够", "乙"},
      record_rectification_request{"RC7", "a1", "乙", "联系群众不够", "乙"},
      report_implementation_request{"", "resolution", "R1", "blocked", "施工暂停", "2027-09-30",
                                    "资金未到位"},
      report_implementation_request{"IR3", "rectification", "RC1", "completed", "已整改",
                                    "2027-10-30", ""},
      refresh_follow_up_request{"s2"},
      get_follow_up_request{},
  };
  for (const auto& r : all) {
    const std::string text = encode_hall_request(9, r);
    auto back = decode_text(text);
    ASSERT_TRUE(back) << text << " " << back.error().message();
    EXPECT_EQ(encode_hall_request(9, back->body), text);
    EXPECT_TRUE(is_hall_request_type(type_of(r)));
  }
}

TEST(MessagesHallTerm, EmptyOptionalMembersStayOffTheWire) {
  const auto annual = encode_hall_request(1, create_sitting_request{"", "年会", "2027-03-01"});
  EXPECT_EQ(annual.find("kind"), std::string::npos) << annual;
  const auto seated = encode_hall_request(1, seat_alternate_request{"AL", "", "2027-05-02"});
  EXPECT_EQ(seated.find("replaces"), std::string::npos) << seated;
  const auto report = encode_hall_request(
      1,
      report_implementation_request{"", "resolution", "R1", "completed", "完成", "2027-10-30", ""});
  EXPECT_EQ(report.find("reason"), std::string::npos) << report;
  EXPECT_EQ(report.find("report_id"), std::string::npos) << report;
  auto decoded =
      decode_text(R"({"v":1,"id":3,"type":"create_sitting","title":"年会","date":"2027-03-01"})");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(std::get<create_sitting_request>(decoded->body).kind, "");
}

TEST(MessagesHallTerm, HostileFramesAreRefusedAtTheirField) {
  struct hostile {
    std::string text;
    std::string field;
  };
  const std::vector<hostile> cases = {
      {R"({"v":1,"id":3,"type":"record_delegate_left","person":"D1","date":"2027-05-01"})",
       "reason"},
      {R"({"v":1,"id":3,"type":"seat_alternate","person":"AL","date":7})", "date"},
      {R"({"v":1,"id":3,"type":"add_delegate","number":"D1","name":"x","gender":"F","reason":"r","date":"2027-05-01","committee_member":"yes"})",
       "committee_member"},
      {R"({"v":1,"id":3,"type":"record_rectification","vote_id":"a1","member":"乙","problem":"","responsible":"乙"})",
       "problem"},
      {R"({"v":1,"id":3,"type":"report_implementation","subject":"resolution","subject_id":"R1","status":"completed","text":"t","date":"2027-05-01","by":"SE"})",
       "by"},
      {R"({"v":1,"id":3,"type":"refresh_follow_up"})", "sitting_id"},
      {R"({"v":1,"id":3,"type":"get_follow_up","sitting_id":"s1"})", "sitting_id"},
  };
  for (const auto& c : cases) {
    auto r = decode_text(c.text);
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().code, make_error_code(errc::invalid_field)) << c.text;
    EXPECT_EQ(r.error().field, c.field) << c.text << " " << r.error().message();
  }
}

}  // namespace
}  // namespace plenum::protocol
