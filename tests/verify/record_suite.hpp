// The fixture of the verifier's record tests: one real sitting_record per test suite, exported
// once as the clean record; copies of it to tamper with, re-signed as a malicious server holding
// the congress key would; the verifier's report on a directory and the checks that must fail.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "export/record_export.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "sitting_record.hpp"

namespace plenum::verify_test {

/// Which sitting a suite's record holds: the arguments of sitting_record's constructor.
struct record_options {
  std::size_t delegates = 10;
  bool satisfaction = false;
  bool proposal_decided = false;
};

/// A check of a report: its name and, when not empty, its subject (a vote, a sitting…).
struct check_id {
  check_id(const char* check_name) : name(check_name) {}  // NOLINT: a bare name reads best
  check_id(std::string check_name, std::string check_subject = {})
      : name(std::move(check_name)), subject(std::move(check_subject)) {}
  std::string name;
  std::string subject;
};

/// Base of a test suite on the record of the sitting `Options` describes. SetUpTestSuite makes
/// the sitting and exports it to clean_; TearDownTestSuite removes it. Suites with the same
/// options share these static members, one suite at a time (GoogleTest runs suites one after
/// another, each set up and torn down on its own).
template <record_options Options = record_options{}>
class record_suite : public ::testing::Test {
 public:
  /// Makes the sitting and exports it to clean_; a failed export fails the suite.
  static void SetUpTestSuite() {
    sitting_ = std::make_unique<sitting_record>(Options.delegates, Options.satisfaction,
                                                Options.proposal_decided);
    clean_ = sitting_->fresh_dir("clean");
    auto summary = server::record_export::export_data_dir(sitting_->data_dir(), clean_);
    ASSERT_TRUE(summary) << summary.error().message();
  }
  /// Removes the sitting's directories.
  static void TearDownTestSuite() { sitting_.reset(); }

 protected:
  /// A fresh copy of the clean record named `name`, to tamper with.
  static std::filesystem::path copy(const std::string& name) {
    const auto dir = sitting_->fresh_dir(name);
    std::filesystem::copy(clean_, dir, std::filesystem::copy_options::recursive);
    return dir;
  }

  /// Verify options with two threads, the congress key pinned when given.
  static clients::verify::verify_options options(
      std::optional<crypto::public_key> pinned = std::nullopt) {
    clients::verify::verify_options o;
    o.threads = 2;
    o.pinned_congress_key = pinned;
    return o;
  }

  /// The report on the record in `dir`, verified with `o` on two threads; a record that does
  /// not load fails the test and gives an empty report.
  static clients::verify::verify_report verify(const std::filesystem::path& dir,
                                               clients::verify::verify_options o = options()) {
    auto rec = clients::verify::load_record(dir);
    EXPECT_TRUE(rec) << rec.error().message();
    if (!rec) return {};
    o.threads = 2;
    return clients::verify::verify_record(*rec, o);
  }

  /// Every check of `r`, one line each, for failure messages.
  static std::string dump(const clients::verify::verify_report& r) {
    std::string out;
    for (const auto& c : r.checks) out += clients::verify::format_check(c) + "\n";
    return out;
  }

  /// The report on a copy of the clean record named `name` whose events `edit` changed, the
  /// chain re-signed with the congress key (resign_and_write).
  static clients::verify::verify_report tampered(
      const std::string& name,
      const std::function<void(std::vector<protocol::board_event>&)>& edit) {
    const auto dir = copy(name);
    auto events = read_events(dir);
    edit(events);
    resign_and_write(dir, events, sitting_->congress_key());
    return verify(dir);
  }

  /// The report fails, it has `check` and that check failed; when `why` is not empty, the
  /// check's detail contains it.
  static void expect_fails(const clients::verify::verify_report& r, const check_id& check,
                           const std::string& why = {}) {
    EXPECT_FALSE(r.passed()) << dump(r);
    const auto* c = r.find(check.name, check.subject);
    ASSERT_NE(c, nullptr) << check.name << " " << check.subject << "\n" << dump(r);
    EXPECT_FALSE(c->passed) << dump(r);
    if (!why.empty()) {
      EXPECT_NE(c->detail.find(why), std::string::npos) << c->detail;
    }
  }

  static inline std::unique_ptr<sitting_record> sitting_;
  static inline std::filesystem::path clean_;
};

}  // namespace plenum::verify_test
