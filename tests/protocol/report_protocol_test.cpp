// What the office sends upward, on the wire: monthly_report_issued round-trips to the same
// bytes, without a format (the first) or with format 2, and refuses a digest that is not 32
// bytes of hex and any other format; canonical JSON sorts every object's
// keys and SHA-256 is the standard one; issue_monthly_report, get_monthly_report,
// get_performance_file and prepare_download's monthly report and performance file decode, and
// a download names exactly the id its kind takes.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <string>

#include "plenum/crypto/bytes.hpp"
#include "plenum/protocol/canonical_json.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/messages_hall.hpp"

namespace plenum::protocol {
namespace {

decoded<hall_request_message> decode_text(const std::string& text) {
  auto f = parse_request(text);
  if (!f) return std::move(f).error();
  return decode_hall_request(*f);
}

constexpr std::string_view issued =
    R"({"report_id":"MR-2027-03","month":"2027-03","report_digest":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","by":"SE","unix_ms":1806451200000})";

TEST(ReportProtocol, MonthlyReportIssuedRoundTripsToTheSameBytes) {
  auto decoded = decode_event_payload("monthly_report_issued", issued);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(encode_event_payload(*decoded), issued);
  const auto& e = std::get<events::monthly_report_issued>(*decoded);
  EXPECT_EQ(e.month, "2027-03");
  EXPECT_TRUE(event_schema().contains("monthly_report_issued"));
  auto short_digest = decode_event_payload(
      "monthly_report_issued",
      R"({"report_id":"MR-2027-03","month":"2027-03","report_digest":"ba78","by":"SE","unix_ms":1})");
  ASSERT_FALSE(short_digest);
  EXPECT_NE(short_digest.error().message().find("report_digest"), std::string::npos);
}

TEST(ReportProtocol, TheReportFormatIsAbsentForTheFirstAndTwoForTheCurrent) {
  // A report issued before the format was recorded: no member, read as format 1.
  auto first = decode_event_payload("monthly_report_issued", issued);
  ASSERT_TRUE(first);
  EXPECT_FALSE(std::get<events::monthly_report_issued>(*first).format.has_value());
  const std::string current = std::string(issued.substr(0, issued.size() - 1)) + R"(,"format":2})";
  auto second = decode_event_payload("monthly_report_issued", current);
  ASSERT_TRUE(second) << second.error().message();
  EXPECT_EQ(std::get<events::monthly_report_issued>(*second).format, 2u);
  EXPECT_EQ(encode_event_payload(*second), current);
  for (const char* other : {R"(,"format":1})", R"(,"format":3})", R"(,"format":"2"})"}) {
    auto refused = decode_event_payload("monthly_report_issued",
                                        std::string(issued.substr(0, issued.size() - 1)) + other);
    ASSERT_FALSE(refused) << other;
    EXPECT_NE(refused.error().message().find("format"), std::string::npos) << other;
  }
}

TEST(ReportProtocol, CanonicalJsonSortsKeysAtEveryDepth) {
  const auto v = boost::json::parse(R"({"b":1,"a":{"z":[{"y":2,"x":"中"}],"c":true}})");
  EXPECT_EQ(canonical_json(v), R"({"a":{"c":true,"z":[{"x":"中","y":2}]},"b":1})");
  // The same members in another order give the same text.
  EXPECT_EQ(canonical_json(boost::json::parse(R"({"a":{"c":true,"z":[{"x":"中","y":2}]},"b":1})")),
            canonical_json(v));
  // FIPS 180-2's "abc".
  EXPECT_EQ(crypto::to_hex(sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ReportProtocol, RequestsDecode) {
  auto issue = decode_text(R"({"v":1,"id":3,"type":"issue_monthly_report","month":"2027-03"})");
  ASSERT_TRUE(issue) << issue.error().message();
  EXPECT_EQ(std::get<issue_monthly_report_request>(issue->body).month, "2027-03");
  auto get = decode_text(R"({"v":1,"id":3,"type":"get_monthly_report"})");
  ASSERT_TRUE(get);
  EXPECT_EQ(std::get<get_monthly_report_request>(get->body).month, "");
  auto file = decode_text(R"({"v":1,"id":3,"type":"get_performance_file","person":"D001"})");
  ASSERT_TRUE(file);
  EXPECT_EQ(std::get<get_performance_file_request>(file->body).person, "D001");
  auto pdf = decode_text(
      R"({"v":1,"id":3,"type":"prepare_download","kind":"monthly_report","month":"2027-03"})");
  ASSERT_TRUE(pdf) << pdf.error().message();
  EXPECT_EQ(*std::get<prepare_download_request>(pdf->body).month, "2027-03");
}

TEST(ReportProtocol, ADownloadNamesTheIdItsKindTakes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"v":1,"id":3,"type":"issue_monthly_report"})", "month"},
      {R"({"v":1,"id":3,"type":"prepare_download","kind":"monthly_report"})", "month"},
      {R"({"v":1,"id":3,"type":"prepare_download","kind":"monthly_report_json","person":"D1","month":"2027-03"})",
       "person"},
      {R"({"v":1,"id":3,"type":"prepare_download","kind":"performance_file"})", "person"},
      {R"({"v":1,"id":3,"type":"prepare_download","kind":"record","month":"2027-03"})", "month"},
      {R"({"v":1,"id":3,"type":"prepare_download","kind":"annual_report","month":"2027-03"})",
       "kind"},
  };
  for (const auto& [text, field] : cases) {
    auto r = decode_text(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().code, make_error_code(errc::invalid_field)) << text;
    EXPECT_EQ(r.error().field, field) << text << " " << r.error().message();
  }
}

}  // namespace
}  // namespace plenum::protocol
