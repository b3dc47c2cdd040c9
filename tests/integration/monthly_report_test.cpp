// The monthly written report through the real plenumd over TLS: a congress log holding three
// months of activity (a sitting in March 2026, a proposal's whole handling in September, in
// October a proposal left unanswered after its deadline and one turned into an opinion, a group
// activity with its attendance, contacts and two opinions; written through the domain at those
// dates, tests/verify/sitting_record), served by plenumd. The
// secretary reads the drafts, issues the three reports (refused for a month not ended, a second
// time, and to a delegate), downloads each as a PDF whose text pdftotext reads for its figures
// and digest, and as JSON whose digest is recomputed; a delegate downloads their own performance
// file and no one else's; the exported record passes plenum-verify, reports included.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>

#include <plenum/clients/https_client.hpp>

#include "domain_fixture.hpp"
#include "hall_client.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/protocol/canonical_json.hpp"
#include "plenumd_process.hpp"
#include "sitting_record.hpp"

namespace plenum::tests {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono_literals;
using server::domain::test::congress;

constexpr auto io_timeout = 60s;

class monthly_report_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    record_ = std::make_unique<verify_test::sitting_record>(10, false, false,
                                                            verify_test::months::activity);
    server_ = std::make_unique<plenumd_process>(PLENUMD_BINARY, record_->data_dir(), log_file(),
                                                std::vector<std::string>{});
    auto port = server_->wait_ready(120s);
    ASSERT_TRUE(port) << read_file(log_file());
    port_ = *port;
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->stop(SIGTERM, 60s), 0);
    }
    server_.reset();
    record_.reset();
  }
  static fs::path log_file() { return record_->fresh_dir("plenumd.log"); }

  static hall_client as(const std::string& person) {
    hall_client c(port_);
    auto a = c.auth(congress::make_key(person));
    EXPECT_TRUE(a.ok()) << person << " " << a.code();
    return c;
  }

  // The body of a prepared download fetched once over HTTPS ("" on failure).
  static std::string download(hall_client& c, const json::object& request) {
    auto ready = c.call("prepare_download", request);
    EXPECT_TRUE(ready.ok()) << json::serialize(request) << ": " << ready.code() << " "
                            << json::serialize(ready.fields) << "\n"
                            << read_file(log_file());
    if (!ready.ok()) return {};
    clients::tls_options o;
    o.trust_file = record_->data_dir() / "tls" / "cert.pem";
    auto res =
        clients::https_request("GET", "localhost", port_, str(ready.fields, "url"), o, io_timeout);
    EXPECT_TRUE(res && res->status == 200u);
    return res ? res->body : std::string();
  }

  // The text of a PDF by pdftotext, spaces and line breaks removed.
  static std::string pdf_text(const std::string& bytes, const std::string& name) {
    const fs::path pdf = record_->fresh_dir(name + ".pdf");
    const fs::path txt = record_->fresh_dir(name + ".txt");
    std::ofstream(pdf, std::ios::binary) << bytes;
    const std::string cmd =
        "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "' 2>/dev/null";
    if (std::system(cmd.c_str()) != 0) return {};
    std::string out;
    for (char ch : read_file(txt))
      if (ch != ' ' && ch != '\n') out.push_back(ch);
    return out;
  }

  static inline std::unique_ptr<verify_test::sitting_record> record_;
  static inline std::unique_ptr<plenumd_process> server_;
  static inline std::uint16_t port_ = 0;
};

void expect_has(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "no " << part << " in\n" << text;
}

TEST_F(monthly_report_test, ThreeMonthsAreIssuedDownloadedAndVerified) {
  auto se = as("SE");
  // The October draft: the month has ended (the real clock is later), nothing issued yet.
  auto draft = se.call("get_monthly_report", {{"month", "2026-10"}});
  ASSERT_TRUE(draft.ok()) << draft.code();
  const auto& view = draft.fields.at("monthly_report").as_object();
  EXPECT_TRUE(view.at("issued").is_null());
  EXPECT_TRUE(view.at("ended").as_bool());
  EXPECT_EQ(view.at("due_date").as_string(), "2026-11-30");
  EXPECT_EQ(view.at("remind_from").as_string(), "2026-11-25");
  const auto& october = view.at("report").at("proposals").as_object();
  EXPECT_EQ(october.at("received").to_number<int>(), 2);
  EXPECT_EQ(october.at("overdue").to_number<int>(), 1);

  // Refusals change nothing.
  EXPECT_EQ(se.call("issue_monthly_report", {{"month", "2099-01"}}).code(), "month_not_ended");
  EXPECT_EQ(se.call("issue_monthly_report", {{"month", "2026-1"}}).code(), "invalid_month");
  EXPECT_EQ(as("D001").call("issue_monthly_report", {{"month", "2026-10"}}).code(),
            "permission_denied");
  EXPECT_EQ(as("D001").call("get_monthly_report", {{"month", "2026-10"}}).code(),
            "permission_denied");

  std::map<std::string, std::string> digests;
  for (const std::string month : {"2026-03", "2026-09", "2026-10"}) {
    auto issued = se.call("issue_monthly_report", {{"month", month}});
    ASSERT_TRUE(issued.ok()) << month << " " << issued.code() << " "
                             << json::serialize(issued.fields);
    EXPECT_EQ(str(issued.fields, "report_id"), "MR-" + month);
    auto read = se.call("get_monthly_report", {{"month", month}});
    ASSERT_TRUE(read.ok());
    const auto& r = read.fields.at("monthly_report").as_object();
    EXPECT_EQ(r.at("issued").at("report_id").as_string(), "MR-" + month);
    digests[month] = std::string(r.at("report_digest").as_string());
  }
  EXPECT_EQ(se.call("issue_monthly_report", {{"month", "2026-10"}}).code(),
            "report_already_issued");

  // The PDFs, read as text.
  const auto march =
      pdf_text(download(se, {{"kind", "monthly_report"}, {"month", "2026-03"}}), "march");
  expect_has(march, "某镇党代会");
  expect_has(march, "2026年3月代表工作月度书面报告");
  expect_has(march, "报告期：2026-03-01至2026-03-31");
  expect_has(march, "报告编号：MR-2026-03");
  expect_has(march, "召开会议（次）1");
  expect_has(march, "实到代表（人次）9");
  expect_has(march, "收到提案（件）0");
  // Group G1 was formed in October: in March there was none to have met.
  expect_has(march, "开展活动（次）0");
  expect_has(march, "代表小组（个）0");
  expect_has(march, "本年度尚未开展活动的代表小组：无");
  expect_has(march, digests["2026-03"]);

  const auto september =
      pdf_text(download(se, {{"kind", "monthly_report"}, {"month", "2026-09"}}), "september");
  expect_has(september, "2026年9月代表工作月度书面报告");
  expect_has(september, "召开会议（次）0");
  expect_has(september, "收到提案（件）1");
  expect_has(september, "立案（件）1");
  expect_has(september, "答复（件次）2");
  expect_has(september, "评价满意（件次）1");
  expect_has(september, "评价不满意（件次）1");
  expect_has(september, "月末逾期未答复（件）0");
  expect_has(september, digests["2026-09"]);

  const auto oct =
      pdf_text(download(se, {{"kind", "monthly_report"}, {"month", "2026-10"}}), "october");
  expect_has(oct, "收到提案（件）2");
  expect_has(oct, "立案（件）1");
  expect_has(oct, "转为意见建议（件）1");
  expect_has(oct, "月末逾期未答复（件）1");
  // P2, due 23 October, unanswered: 26–30 October are five working days.
  expect_has(oct, "P2关于学校的提案教育局第1轮2026-10-235");
  // October's work between meetings: G1's activity A1 (D001 signed in, D002 recorded present,
  // D003 excused, seven absent), two opinions (O1 routed on time and extended, O2 never
  // routed: due on 19 October, nine working days overdue at the month's end), D001's member
  // and resident.
  for (const std::string part : {"开展活动（次）1",
                                 "其中小组活动（次）1",
                                 "应参加（人次）10",
                                 "出席（人次）2",
                                 "其中本人签到（人次）1",
                                 "其中办公室登记（人次）1",
                                 "请假（人次）1",
                                 "缺席（人次）7",
                                 "走访群众小组活动2026-10-1210217",
                                 "代表小组（个）1",
                                 "本年度已开展活动的小组（个）1",
                                 "本年度尚未开展活动的代表小组：无",
                                 "收集（条）2",
                                 "按时交办（条）1",
                                 "逾期交办（条）0",
                                 "延期办理（条）1",
                                 "月末逾期（条）1",
                                 "O2环境卫生交办—2026-10-199",
                                 "七、三级联系",
                                 "本月新增联系党员（人）1",
                                 "本月新增联系群众（人）1",
                                 "月末联系群众（人）1",
                                 "联系党员少于3名的代表（人）10",
                                 "联系群众少于3名的党员（人）1"})
    expect_has(oct, part);
  EXPECT_EQ(oct.find("王建国"), std::string::npos);
  expect_has(oct, digests["2026-10"]);

  // The JSON file: its digest is that of its report, the one recorded.
  const auto file =
      json::parse(download(se, {{"kind", "monthly_report_json"}, {"month", "2026-10"}}));
  const auto& report = file.at("report").as_object();
  EXPECT_EQ(crypto::to_hex(protocol::sha256(protocol::canonical_json(report))), digests["2026-10"]);
  EXPECT_EQ(file.at("report_digest").as_string(), digests["2026-10"]);
  EXPECT_EQ(report.at("month").as_string(), "2026-10");
  EXPECT_EQ(report.at("version").to_number<int>(), 2);
  EXPECT_EQ(report.at("activities").at("present_signed").to_number<int>(), 1);
  EXPECT_EQ(report.at("opinions").at("overdue_list").at(0).at("id").as_string(), "O2");

  // The record, reports included, passes plenum-verify.
  auto exported = se.call("export_record", {});
  ASSERT_TRUE(exported.ok()) << exported.code();
  const std::string dir(exported.fields.at("record").at("dir").as_string());
  const fs::path out = record_->fresh_dir("verify.txt");
  const std::string verify = std::string(PLENUM_BINARY_DIR) +
                             "/clients/src/verify/plenum-verify '" + dir + "' > '" + out.string() +
                             "' 2>&1";
  EXPECT_EQ(std::system(verify.c_str()), 0) << read_file(out);
  expect_has(read_file(out), "monthly_reports");
}

TEST_F(monthly_report_test, ADelegatesPerformanceFileIsTheirsAndTheOffices) {
  auto d2 = as("D002");
  auto mine = d2.call("get_performance_file", {});
  ASSERT_TRUE(mine.ok()) << mine.code();
  const auto& file = mine.fields.at("performance_file").as_object();
  EXPECT_EQ(file.at("person").at("number").as_string(), "D002");
  EXPECT_EQ(file.at("proposals_submitted").to_number<int>(), 1);
  EXPECT_EQ(file.at("sittings_attended").to_number<int>(), 1);
  EXPECT_EQ(d2.call("get_performance_file", {{"person", "D003"}}).code(), "permission_denied");
  EXPECT_EQ(d2.call("prepare_download", {{"kind", "performance_file"}, {"person", "D003"}}).code(),
            "permission_denied");
  const auto text =
      pdf_text(download(d2, {{"kind", "performance_file"}, {"person", "D002"}}), "d002");
  expect_has(text, "代表履职档案");
  expect_has(text, "出席会议（次）1");
  expect_has(text, "提出提案（件）1");
  expect_has(text, "P1关于修路的提案提出办结");
  // D002 was recorded present at G1's activity, where they are a member.
  expect_has(text, "参加活动（次）1");
  expect_has(text, "其中办公室登记（次）1");
  expect_has(text, "走访群众小组活动2026-10-12出席办公室登记");
  expect_has(text, "所在代表小组：第一代表小组（组员）");
  EXPECT_EQ(file.at("activities_recorded").to_number<int>(), 1);
  EXPECT_EQ(file.at("groups").at(0).at("post").as_string(), "member");
  // The office reads anyone's; D003 co-signed P1.
  auto office = as("SE").call("get_performance_file", {{"person", "D003"}});
  ASSERT_TRUE(office.ok());
  EXPECT_EQ(office.fields.at("performance_file").at("proposals_co_signed").to_number<int>(), 1);
  EXPECT_EQ(as("SE").call("get_performance_file", {{"person", "nobody"}}).code(), "unknown_person");
}

}  // namespace
}  // namespace plenum::tests
