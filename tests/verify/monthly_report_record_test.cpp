// The verifier on the monthly reports: the record of a sitting, proposals and October's work
// between meetings (a group activity with attendance, contacts, opinions) with the reports of
// 2026-03, 2026-09 and 2026-10 issued on 22 November verifies, each report recomputed from the
// events before it in the format it records; a report of the first format (no `format`) still
// verifies; a server that re-signs a chain with a forged digest, a changed attendance or
// routing date, a format it did not compute, a report issued before its month ended, or the
// same month issued twice is caught.
#include <gtest/gtest.h>

#include <memory>

#include "export/record_export.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "sitting_record.hpp"

namespace plenum::verify_test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using clients::verify::verify_report;

class monthly_report_record : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sitting_ = std::make_unique<sitting_record>(10, false, false, months::reported);
    clean_ = sitting_->fresh_dir("clean");
    auto summary = server::record_export::export_data_dir(sitting_->data_dir(), clean_);
    ASSERT_TRUE(summary) << summary.error().message();
  }
  static void TearDownTestSuite() { sitting_.reset(); }

  static verify_report verify(const fs::path& dir) {
    auto rec = clients::verify::load_record(dir);
    EXPECT_TRUE(rec) << rec.error().message();
    if (!rec) return {};
    clients::verify::verify_options o;
    o.threads = 2;
    return clients::verify::verify_record(*rec, o);
  }

  static std::string dump(const verify_report& r) {
    std::string out;
    for (const auto& c : r.checks) out += clients::verify::format_check(c) + "\n";
    return out;
  }

  static verify_report tampered(
      const std::string& name,
      const std::function<void(std::vector<protocol::board_event>&)>& edit) {
    const auto dir = sitting_->fresh_dir(name);
    fs::copy(clean_, dir, fs::copy_options::recursive);
    auto events = read_events(dir);
    edit(events);
    resign_and_write(dir, events, sitting_->congress_key());
    return verify(dir);
  }

  static void expect_fails(const verify_report& r, const std::string& why) {
    EXPECT_FALSE(r.passed()) << dump(r);
    const auto* c = r.find("monthly_reports");
    ASSERT_NE(c, nullptr) << dump(r);
    EXPECT_FALSE(c->passed) << dump(r);
    EXPECT_NE(c->detail.find(why), std::string::npos) << c->detail;
  }

  static std::unique_ptr<sitting_record> sitting_;
  static fs::path clean_;
};

std::unique_ptr<sitting_record> monthly_report_record::sitting_;
fs::path monthly_report_record::clean_;

bool of_month(const json::object& p, std::string_view month) {
  return p.at("month").as_string() == month;
}

TEST_F(monthly_report_record, TheCleanRecordsReportsAreRecomputed) {
  const auto events = read_events(clean_);
  const auto march = find_event(events, "monthly_report_issued",
                                [](const auto& p) { return of_month(p, "2026-03"); });
  EXPECT_EQ(payload_of(events[march]).at("report_id").as_string(), "MR-2026-03");
  EXPECT_EQ(payload_of(events[march]).at("by").as_string(), "SE");
  const auto r = verify(clean_);
  EXPECT_TRUE(r.passed()) << dump(r);
  ASSERT_NE(r.find("monthly_reports"), nullptr) << dump(r);
  EXPECT_EQ(r.find("monthly_reports")->count, 3u);
}

TEST_F(monthly_report_record, AForgedDigestFails) {
  const auto r = tampered("forged-digest", [](auto& events) {
    const auto i = find_event(events, "monthly_report_issued",
                              [](const auto& p) { return of_month(p, "2026-09"); });
    auto p = payload_of(events[i]);
    std::string digest(p.at("report_digest").as_string());
    digest[0] = digest[0] == '0' ? '1' : '0';
    p["report_digest"] = digest;
    set_payload(events[i], p);
  });
  expect_fails(r, "is not the recomputed report's");
}

TEST_F(monthly_report_record, AReportOfACountThatChangedFails) {
  // The proposal's second rating removed: the September report the server signed counted it.
  const auto r = tampered("changed-count", [](auto& events) {
    std::size_t last = 0;
    for (std::size_t i = 0; i < events.size(); ++i)
      if (events[i].type == "proposal_rated") last = i;
    ASSERT_GT(last, 0u);
    events.erase(events.begin() + static_cast<std::ptrdiff_t>(last));
  });
  expect_fails(r, "MR-2026-09: the recorded digest");
}

TEST_F(monthly_report_record, TheCurrentFormatIsRecordedAndCountsOctobersWork) {
  const auto events = read_events(clean_);
  const auto october = find_event(events, "monthly_report_issued",
                                  [](const auto& p) { return of_month(p, "2026-10"); });
  EXPECT_EQ(payload_of(events[october]).at("format").as_int64(), 2);
  // The first format's digest of October differs: it counted none of October's work.
  EXPECT_NE(payload_of(events[october]).at("report_digest").as_string(),
            sitting_->first_format_digests().at("2026-10"));
}

TEST_F(monthly_report_record, AReportOfTheFirstFormatStillVerifies) {
  // March's report as it was issued before activities and opinions were counted: no format,
  // the first format's digest.
  const auto r = tampered("first-format", [](auto& events) {
    const auto i = find_event(events, "monthly_report_issued",
                              [](const auto& p) { return of_month(p, "2026-03"); });
    auto p = payload_of(events[i]);
    p.erase("format");
    p["report_digest"] = sitting_->first_format_digests().at("2026-03");
    set_payload(events[i], p);
  });
  EXPECT_TRUE(r.passed()) << dump(r);
  ASSERT_NE(r.find("monthly_reports"), nullptr) << dump(r);
  EXPECT_EQ(r.find("monthly_reports")->count, 3u);
}

TEST_F(monthly_report_record, ACurrentDigestPassedOffAsTheFirstFormatFails) {
  const auto r = tampered("format-dropped", [](auto& events) {
    const auto i = find_event(events, "monthly_report_issued",
                              [](const auto& p) { return of_month(p, "2026-10"); });
    auto p = payload_of(events[i]);
    p.erase("format");
    set_payload(events[i], p);
  });
  expect_fails(r, "MR-2026-10: the recorded digest");
}

TEST_F(monthly_report_record, AChangedAttendanceFails) {
  // D003 recorded absent instead of excused: October's report counted one excused.
  const auto r = tampered("attendance", [](auto& events) {
    const auto i = find_event(events, "attendance_recorded",
                              [](const auto& p) { return p.at("person").as_string() == "D003"; });
    auto p = payload_of(events[i]);
    p["status"] = "absent";
    set_payload(events[i], p);
  });
  expect_fails(r, "MR-2026-10: the recorded digest");
}

TEST_F(monthly_report_record, AnOpinionRoutedLaterFails) {
  // O1 routed on the 20th (the 6th working day: late) instead of the 12th.
  const auto r = tampered("routed-late", [](auto& events) {
    const auto i = find_event(events, "opinion_routed");
    auto p = payload_of(events[i]);
    p["date"] = "2026-10-20";
    set_payload(events[i], p);
  });
  expect_fails(r, "MR-2026-10: the recorded digest");
}

TEST_F(monthly_report_record, AReportIssuedBeforeItsMonthEndedFails) {
  const auto r = tampered("early", [](auto& events) {
    const auto i = find_event(events, "monthly_report_issued",
                              [](const auto& p) { return of_month(p, "2026-09"); });
    auto p = payload_of(events[i]);
    p["unix_ms"] = 1'790'000'000'000;  // 2026-09-21
    set_payload(events[i], p);
  });
  expect_fails(r, "issued before the month ended");
}

TEST_F(monthly_report_record, AMonthIssuedTwiceFails) {
  const auto r = tampered("twice", [](auto& events) {
    const auto i = find_event(events, "monthly_report_issued",
                              [](const auto& p) { return of_month(p, "2026-03"); });
    events.push_back(events[i]);
  });
  expect_fails(r, "was issued before");
}

}  // namespace
}  // namespace plenum::verify_test
