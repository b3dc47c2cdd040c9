// A record made before events were typed (tests/vectors/records/browser-sitting, a sitting run
// in the browser): the verifier, which now reads every event with the one event decoder, still
// passes every check of it, and the result sheets read from it still come out.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "plenum/clients/sheet/from_record.hpp"
#include "plenum/clients/verify/record_files.hpp"
#include "plenum/clients/verify/verifier.hpp"

namespace plenum::verify_test {
namespace {

const std::filesystem::path old_record =
    std::filesystem::path(PLENUM_VECTORS_DIR) / "records" / "browser-sitting";

std::string dump(const clients::verify::verify_report& r) {
  std::string out;
  for (const auto& c : r.checks) out += clients::verify::format_check(c) + "\n";
  return out;
}

TEST(OldRecord, EveryCheckPasses) {
  auto rec = clients::verify::load_record(old_record);
  ASSERT_TRUE(rec) << rec.error().message();
  ASSERT_EQ(rec->events.size(), 120u);
  clients::verify::verify_options options;
  options.threads = 2;
  options.pinned_congress_key = rec->header.congress_pk;
  const auto r = clients::verify::verify_record(*rec, options);
  EXPECT_TRUE(r.passed()) << dump(r);
  for (const auto& c : r.checks) {
    EXPECT_TRUE(c.passed) << clients::verify::format_check(c);
    EXPECT_EQ(c.failed, 0u) << clients::verify::format_check(c);
  }
  // Every event was decoded and applied.
  const auto* events = r.find("events");
  ASSERT_NE(events, nullptr) << dump(r);
  EXPECT_EQ(events->count, 120u);
  // Each of the four votes was checked through to its signed result.
  for (const char* vote : {"S1-V1", "S1-V2", "S1-V3", "S1-V4"}) {
    for (const char* name :
         {"roster", "election", "ballots", "receipts", "tally", "outcome", "result", "signers"}) {
      const auto* c = r.find(name, vote);
      ASSERT_NE(c, nullptr) << name << " " << vote << "\n" << dump(r);
      EXPECT_GT(c->count, 0u) << name << " " << vote;
    }
    EXPECT_EQ(r.find("ballots", vote)->count, 6u) << vote;
  }
  const auto* checkins = r.find("checkins", "S1");
  ASSERT_NE(checkins, nullptr) << dump(r);
  EXPECT_EQ(checkins->count, 7u);
}

TEST(OldRecord, TheSittingSheetReadsEveryDecidedVote) {
  auto rec = clients::verify::load_record(old_record);
  ASSERT_TRUE(rec) << rec.error().message();
  auto sheet =
      clients::sheet::sitting_sheet_from_record(rec->events, rec->header.congress_pk, "S1");
  ASSERT_TRUE(sheet) << sheet.error().message();
  EXPECT_EQ(sheet->votes.size(), 4u);
  EXPECT_EQ(sheet->attendance.present, 7u);
  EXPECT_EQ(
      clients::sheet::sitting_sheet_from_record(rec->events, rec->header.congress_pk, "S9").error(),
      errc::no_sitting);
}

}  // namespace
}  // namespace plenum::verify_test
