// Browser downloads over the real TLS socket: the real plenumd serving a real sitting's event
// log (tests/verify/sitting_record), the secretary prepares the record, a vote's result sheet and
// the sitting's summary sheet over WSS and fetches each once over HTTPS. The record comes back as
// a gzip tar read with libarchive and accepted by plenum-verify; the sheets are PDFs whose text
// pdftotext reads. A used, unknown or expired link answers 404; a delegate is refused; a server
// without plenum-sheet says so.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <plenum/clients/https_client.hpp>

#include "domain_fixture.hpp"
#include "hall_client.hpp"
#include "plenumd_process.hpp"
#include "sitting_record.hpp"

namespace plenum::tests {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono_literals;
using server::domain::test::congress;

constexpr auto start_timeout = 120s;
constexpr auto io_timeout = 60s;

// Writes the members of a gzip tar under `out`; returns their names and whether it was gzip.
std::set<std::string> unpack(const std::string& bytes, const fs::path& out, bool& gzip) {
  std::set<std::string> names;
  // libarchive spells names through the thread's locale: UTF-8, as a reader's desktop does.
  const locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
  const locale_t previous = ::uselocale(utf8);
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  EXPECT_EQ(archive_read_open_memory(a, bytes.data(), bytes.size()), ARCHIVE_OK);
  archive_entry* e = nullptr;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    const std::string name = archive_entry_pathname_utf8(e);
    names.insert(name);
    if (archive_entry_filetype(e) != AE_IFREG) continue;
    fs::create_directories((out / name).parent_path());
    std::ofstream file(out / name, std::ios::binary);
    char buffer[8192];
    for (la_ssize_t n; (n = archive_read_data(a, buffer, sizeof buffer)) > 0;)
      file.write(buffer, n);
  }
  gzip = archive_filter_code(a, 0) == ARCHIVE_FILTER_GZIP;
  archive_read_free(a);
  ::uselocale(previous);
  ::freelocale(utf8);
  return names;
}

// The text of a PDF by pdftotext, spaces and line breaks removed.
std::string pdf_text(const std::string& bytes, const fs::path& scratch) {
  const fs::path pdf = scratch / "sheet.pdf";
  const fs::path txt = scratch / "sheet.txt";
  std::ofstream(pdf, std::ios::binary) << bytes;
  const std::string cmd =
      "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return {};
  std::string out;
  for (char c : read_file(txt))
    if (c != ' ' && c != '\n') out.push_back(c);
  return out;
}

class downloads_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    record_ = std::make_unique<verify_test::sitting_record>();
    start({});
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->stop(SIGTERM, 60s), 0);
    }
    server_.reset();
    record_.reset();
  }
  static void start(std::vector<std::string> extra) {
    server_ = std::make_unique<plenumd_process>(PLENUMD_BINARY, record_->data_dir(), log_file(),
                                                std::move(extra));
    auto port = server_->wait_ready(start_timeout);
    ASSERT_TRUE(port) << read_file(log_file());
    port_ = *port;
  }
  static fs::path log_file() { return record_->fresh_dir("plenumd.log"); }

  static hall_client as(const std::string& person) {
    hall_client c(port_);
    auto a = c.auth(congress::make_key(person));
    EXPECT_TRUE(a.ok()) << person << " " << a.code();
    return c;
  }

  static clients::tls_options trusting() {
    clients::tls_options o;
    o.trust_file = record_->data_dir() / "tls" / "cert.pem";
    return o;
  }

  static clients::https_response get(const std::string& target, std::string_view method = "GET") {
    auto res = clients::https_request(method, "localhost", port_, target, trusting(), io_timeout);
    EXPECT_TRUE(res) << target << ": " << res.error().message();
    return res ? *res : clients::https_response{};
  }

  // prepare_download as the secretary; the ok reply's fields (empty on error).
  static json::object prepare(const json::object& request) {
    auto se = as("SE");
    auto r = se.call("prepare_download", request);
    EXPECT_TRUE(r.ok()) << json::serialize(request) << ": " << r.code() << " "
                        << json::serialize(r.fields) << "\n"
                        << read_file(log_file());
    return r.fields;
  }

  static void expect_security_headers(const clients::https_response& res) {
    EXPECT_EQ(res.header("x-content-type-options"), "nosniff");
    EXPECT_NE(res.header("content-security-policy"), "");
    EXPECT_NE(res.header("strict-transport-security"), "");
    EXPECT_EQ(res.header("cache-control"), "no-store");
  }

  static inline std::unique_ptr<verify_test::sitting_record> record_;
  static inline std::unique_ptr<plenumd_process> server_;
  static inline std::uint16_t port_ = 0;
};

TEST_F(downloads_test, SecretaryDownloadsTheRecordOnce) {
  auto se = as("SE");
  const std::string congress_id = se.hello().congress_id;
  const auto ready = prepare({{"kind", "record"}});
  const std::string url = str(ready, "url");
  ASSERT_TRUE(url.starts_with("/downloads/")) << url;
  const std::string token = url.substr(std::string("/downloads/").size());
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
  const std::string filename = str(ready, "filename");
  EXPECT_TRUE(filename.starts_with(congress_id + "-record-")) << filename;
  EXPECT_TRUE(filename.ends_with(".tar.gz")) << filename;

  const auto res = get(url);
  ASSERT_EQ(res.status, 200u) << res.body;
  EXPECT_EQ(res.header("content-type"), "application/gzip");
  EXPECT_EQ(res.header("content-disposition"), "attachment; filename*=UTF-8''" + filename);
  expect_security_headers(res);
  EXPECT_EQ(res.body.size(), ready.at("bytes").to_number<std::uint64_t>());

  const fs::path out = record_->fresh_dir("unpacked");
  bool gzip = false;
  const auto names = unpack(res.body, out, gzip);
  EXPECT_TRUE(gzip);
  const std::string top = filename.substr(0, filename.size() - std::string(".tar.gz").size());
  for (const std::string file :
       {"events.jsonl", "receipts.jsonl", "congress.json", "README.md", "results.csv"})
    EXPECT_TRUE(names.contains(top + "/" + file)) << file;
  // The unpacked record verifies, pinned to the key the hall announced.
  const std::string verify = std::string(PLENUM_BINARY_DIR) +
                             "/clients/src/verify/plenum-verify '" + (out / top).string() +
                             "' --congress-key " + se.hello().congress_pk.hex() + " > '" +
                             record_->fresh_dir("verify.txt").string() + "' 2>&1";
  EXPECT_EQ(std::system(verify.c_str()), 0) << read_file(record_->fresh_dir("verify.txt"));
  // Its events are those of the server's log.
  std::size_t lines = 0;
  for (char c : read_file(out / top / "events.jsonl")) lines += c == '\n';
  EXPECT_EQ(filename, top + ".tar.gz");
  EXPECT_EQ(top, congress_id + "-record-" + std::to_string(lines));

  // The same link again, a link never issued, and the path without a token: 404 with the text.
  const auto again = get(url);
  EXPECT_EQ(again.status, 404u);
  EXPECT_NE(again.body.find("下载链接无效"), std::string::npos) << again.body;
  EXPECT_NE(again.body.find("already used or expired"), std::string::npos) << again.body;
  expect_security_headers(again);
  EXPECT_EQ(get("/downloads/" + std::string(64, 'a')).status, 404u);
  EXPECT_EQ(get("/downloads/").status, 404u);
  EXPECT_EQ(get("/downloads/../index.html").status, 404u);
}

TEST_F(downloads_test, HeadDoesNotSpendTheLink) {
  const auto ready = prepare({{"kind", "record"}});
  const auto head = get(str(ready, "url"), "HEAD");
  EXPECT_EQ(head.status, 405u);
  EXPECT_EQ(head.header("allow"), "GET");
  EXPECT_EQ(get(str(ready, "url")).status, 200u);
}

TEST_F(downloads_test, VoteSheetIsThePdfOfTheResult) {
  const auto ready = prepare({{"kind", "vote_sheet"}, {"vote_id", "v1"}});
  EXPECT_EQ(str(ready, "filename"), "关于党委工作报告的决议.pdf");
  const auto res = get(str(ready, "url"));
  ASSERT_EQ(res.status, 200u) << res.body;
  EXPECT_EQ(res.header("content-type"), "application/pdf");
  EXPECT_EQ(res.header("content-disposition"),
            "attachment; filename*=UTF-8''%E5%85%B3%E4%BA%8E%E5%85%9A%E5%A7%94%E5%B7%A5%E4%BD%9C%"
            "E6%8A%A5%E5%91%8A%E7%9A%84%E5%86%B3%E8%AE%AE.pdf");
  ASSERT_TRUE(res.body.starts_with("%PDF")) << res.body.substr(0, 64);
  const auto text = pdf_text(res.body, record_->fresh_dir(""));
  EXPECT_NE(text.find("关于党委工作报告的决议"), std::string::npos) << text;
  EXPECT_NE(text.find("结果状态：已宣布"), std::string::npos) << text;
  EXPECT_EQ(get(str(ready, "url")).status, 404u);
}

TEST_F(downloads_test, SittingSheetSummarisesEveryVote) {
  const auto ready = prepare({{"kind", "sitting_sheet"}, {"sitting_id", "s1"}});
  EXPECT_TRUE(str(ready, "filename").ends_with("-表决结果汇总.pdf")) << str(ready, "filename");
  const auto res = get(str(ready, "url"));
  ASSERT_EQ(res.status, 200u) << res.body;
  EXPECT_EQ(res.header("content-type"), "application/pdf");
  ASSERT_TRUE(res.body.starts_with("%PDF"));
  const auto text = pdf_text(res.body, record_->fresh_dir(""));
  EXPECT_NE(text.find("表决结果汇总"), std::string::npos) << text;
  EXPECT_NE(text.find("共2项表决"), std::string::npos) << text;
  EXPECT_NE(text.find("关于党委工作报告的决议"), std::string::npos) << text;
  EXPECT_NE(text.find("选举委员"), std::string::npos) << text;
}

TEST_F(downloads_test, OnlyTheSecretaryAndTheChairMayDownload) {
  auto chair = as("CH");
  auto r = chair.call("prepare_download", {{"kind", "vote_sheet"}, {"vote_id", "v2"}});
  EXPECT_TRUE(r.ok()) << r.code();
  auto delegate = as("D001");
  EXPECT_EQ(delegate.call("prepare_download", {{"kind", "record"}}).code(), "permission_denied");
  auto scrutineer = as("S1");
  EXPECT_EQ(scrutineer.call("prepare_download", {{"kind", "record"}}).code(), "permission_denied");
  hall_client anonymous(port_);
  EXPECT_EQ(anonymous.call("prepare_download", {{"kind", "record"}}).code(), "unauthenticated");
}

TEST_F(downloads_test, BadRequestsAreRefusedWithTheReason) {
  auto se = as("SE");
  EXPECT_EQ(se.call("prepare_download", {{"kind", "vote_sheet"}, {"vote_id", "v9"}}).code(),
            "unknown_vote");
  EXPECT_EQ(se.call("prepare_download", {{"kind", "sitting_sheet"}, {"sitting_id", "s9"}}).code(),
            "no_sitting");
  EXPECT_EQ(se.call("prepare_download", {{"kind", "minutes"}}).code(), "invalid_field");
  EXPECT_EQ(se.call("prepare_download", {{"kind", "vote_sheet"}}).code(), "invalid_field");
}

// Last: restarts the server without plenum-sheet.
TEST_F(downloads_test, ZServerWithoutTheSheetToolSaysSo) {
  const auto pending = prepare({{"kind", "record"}});
  ASSERT_EQ(server_->stop(SIGTERM, 60s), 0);
  start({"--sheet-tool", record_->fresh_dir("no-such-dir").string() + "/plenum-sheet"});
  // A link of the earlier run is gone with it.
  EXPECT_EQ(get(str(pending, "url")).status, 404u);
  EXPECT_TRUE(fs::is_empty(record_->data_dir() / "downloads"));
  auto se = as("SE");
  auto r = se.call("prepare_download", {{"kind", "vote_sheet"}, {"vote_id", "v1"}});
  EXPECT_EQ(r.code(), "sheet_tool_missing");
  EXPECT_NE(str(r.fields, "message").find("no-such-dir/plenum-sheet"), std::string::npos)
      << json::serialize(r.fields);
  // The record needs no sheet tool.
  const auto ready = prepare({{"kind", "record"}});
  EXPECT_EQ(get(str(ready, "url")).status, 200u);
}

}  // namespace
}  // namespace plenum::tests
