// The parts of the browser downloads that need no server: the token store (single use, expiry
// on an injected clock, files removed), safe file names, the record's gzip tar read back with
// libarchive, child processes with a time limit, and plenum-sheet found and run.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <atomic>
#include <fstream>
#include <map>
#include <string>

#include "downloads/download_store.hpp"
#include "downloads/file_name.hpp"
#include "downloads/record_archive.hpp"
#include "downloads/sheet_tool.hpp"
#include "downloads/subprocess.hpp"
#include "downloads/work_queue.hpp"
#include "net/download_responder.hpp"
#include "temp_dir.hpp"

namespace plenum::server::downloads {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string read_fd(int fd) {
  std::string out;
  char buffer[256];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
    out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

// A store on a clock the test moves.
struct clocked_store {
  test::temp_dir dir;
  std::chrono::steady_clock::time_point now{std::chrono::hours(1)};
  download_store store{dir / "downloads", download_lifetime, [this] { return now; }};

  // A prepared file with `text`, registered; its token and path.
  std::pair<std::string, fs::path> prepare(const std::string& text) {
    const auto path = store.fresh_path(".pdf");
    write(path, text);
    return {store.add(path, "结果单.pdf", "application/pdf"), path};
  }
};

TEST(download_store, ServesATokenOnceAndRemovesItsFile) {
  clocked_store s;
  auto [token, path] = s.prepare("%PDF-1.5 sheet");
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos) << token;
  EXPECT_EQ(path.parent_path(), s.dir / "downloads");
  EXPECT_EQ(s.store.size(), 1u);

  auto file = s.store.take(token);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->filename(), "结果单.pdf");
  EXPECT_EQ(file->content_type(), "application/pdf");
  EXPECT_EQ(file->size(), 14u);
  EXPECT_FALSE(fs::exists(path)) << "the name goes when the token is taken";
  const int fd = file->release();
  EXPECT_EQ(read_fd(fd), "%PDF-1.5 sheet") << "the open descriptor still reads the content";
  ::close(fd);

  EXPECT_FALSE(s.store.take(token)) << "a token serves once";
  EXPECT_EQ(s.store.size(), 0u);
}

TEST(download_store, TokensAreDistinctAndUnknownOnesFail) {
  clocked_store s;
  auto [a, pa] = s.prepare("a");
  auto [b, pb] = s.prepare("b");
  EXPECT_NE(a, b);
  EXPECT_NE(pa, pb);
  EXPECT_FALSE(s.store.take(std::string(64, '0')));
  EXPECT_FALSE(s.store.take(""));
  EXPECT_FALSE(s.store.take("../" + a));
  EXPECT_FALSE(s.store.take(a.substr(0, 63)));
  auto fb = s.store.take(b);
  ASSERT_TRUE(fb);
  const int fd = fb->release();
  EXPECT_EQ(read_fd(fd), "b");
  ::close(fd);
  EXPECT_TRUE(fs::exists(pa));
}

TEST(download_store, ExpiresAfterTenMinutesAndRemovesTheFile) {
  clocked_store s;
  auto [token, path] = s.prepare("record");
  s.now += 10min - 1s;
  EXPECT_EQ(s.store.purge(), 0u);
  EXPECT_TRUE(fs::exists(path));
  auto [later, later_path] = s.prepare("later");
  s.now += 1s;
  EXPECT_FALSE(s.store.take(token)) << "expired at ten minutes";
  EXPECT_FALSE(fs::exists(path)) << "an expired file is removed";
  EXPECT_TRUE(fs::exists(later_path));
  s.now += 10min;
  EXPECT_EQ(s.store.purge(), 1u);
  EXPECT_FALSE(fs::exists(later_path));
  EXPECT_EQ(s.store.size(), 0u);
}

TEST(download_store, StartsEmptyAndLeavesNothingBehind) {
  test::temp_dir dir;
  write(dir / "downloads" / "old.pdf", "from an earlier run");
  fs::create_directories(dir / "downloads" / "old.work" / "record-9");
  fs::path path;
  {
    download_store store(dir / "downloads");
    EXPECT_TRUE(fs::is_empty(dir / "downloads")) << "files of an earlier run are removed";
    path = store.fresh_path(".tar.gz");
    write(path, "x");
    (void)store.add(path, "r.tar.gz", "application/gzip");
  }
  EXPECT_FALSE(fs::exists(path)) << "a waiting file goes with the store";
}

TEST(download_names, TitlesBecomeSafeFileNames) {
  EXPECT_EQ(safe_file_name("关于2027年镇重点工作的决议", "v1"), "关于2027年镇重点工作的决议");
  EXPECT_EQ(safe_file_name("a/b\\c:d*e?f\"g<h>i|j", "x"), "a_b_c_d_e_f_g_h_i_j");
  EXPECT_EQ(safe_file_name("line\nbreak\ttab", "x"), "line_break_tab");
  EXPECT_EQ(safe_file_name("  ..hidden title..  ", "x"), "hidden title");
  EXPECT_EQ(safe_file_name("", "v7"), "v7");
  EXPECT_EQ(safe_file_name(" . .", "v7"), "v7");
  // 60 three-byte characters (180 bytes) are cut to 50 whole ones (150 bytes).
  std::string long_title;
  for (int i = 0; i < 60; ++i) long_title += "表";
  const auto cut = safe_file_name(long_title, "x");
  EXPECT_EQ(cut.size(), 150u);
  EXPECT_EQ(cut, long_title.substr(0, 150));
  // A cut inside a character backs up to its start: 1 + 50 × 3 bytes → 1 + 49 × 3.
  EXPECT_EQ(safe_file_name("a" + long_title, "x").size(), 148u);
}

TEST(download_names, FilenameStarIsPercentEncoded) {
  EXPECT_EQ(net::percent_encode_filename("r-record-12.tar.gz"), "r-record-12.tar.gz");
  EXPECT_EQ(net::percent_encode_filename("表 决.pdf"), "%E8%A1%A8%20%E5%86%B3.pdf");
  EXPECT_EQ(net::percent_encode_filename("a'b\"c;d%"), "a%27b%22c%3Bd%25");
  EXPECT_TRUE(net::is_download_target("/downloads/abc"));
  EXPECT_TRUE(net::is_download_target("/downloads/abc?x=1"));
  EXPECT_FALSE(net::is_download_target("/downloads"));
  EXPECT_FALSE(net::is_download_target("/app/downloads/abc"));
}

// The members of a gzip tar and their contents, read with libarchive.
std::map<std::string, std::string> read_tar_gz(const fs::path& file, bool* gzip) {
  std::map<std::string, std::string> out;
  // libarchive spells names through the thread's locale: UTF-8, as a reader's desktop does.
  const locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
  const locale_t previous = ::uselocale(utf8);
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  EXPECT_EQ(archive_read_open_filename(a, file.c_str(), 10240), ARCHIVE_OK);
  archive_entry* e = nullptr;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    std::string content;
    char buffer[4096];
    for (la_ssize_t n; (n = archive_read_data(a, buffer, sizeof buffer)) > 0;)
      content.append(buffer, static_cast<std::size_t>(n));
    out[archive_entry_pathname_utf8(e)] = content;
  }
  *gzip = archive_filter_code(a, 0) == ARCHIVE_FILTER_GZIP;
  archive_read_free(a);
  ::uselocale(previous);
  ::freelocale(utf8);
  return out;
}

TEST(record_archive, PacksTheFilesUnderTheTopFolder) {
  test::temp_dir dir;
  write(dir / "record" / "events.jsonl", "{\"seq\":0}\n");
  write(dir / "record" / "congress.json", "{}");
  write(dir / "record" / "more" / "README.md", "读我");
  const auto tgz = dir / "record.tar.gz";
  ASSERT_TRUE(write_tar_gz(dir / "record", "镇代表大会-record-1", tgz));
  bool gzip = false;
  const auto members = read_tar_gz(tgz, &gzip);
  EXPECT_TRUE(gzip);
  const std::map<std::string, std::string> expected = {
      {"镇代表大会-record-1/", ""},
      {"镇代表大会-record-1/congress.json", "{}"},
      {"镇代表大会-record-1/events.jsonl", "{\"seq\":0}\n"},
      {"镇代表大会-record-1/more/README.md", "读我"}};
  EXPECT_EQ(members, expected);

  EXPECT_EQ(write_tar_gz(dir / "missing", "x", dir / "x.tar.gz").error(), errc::storage_failure);
  EXPECT_EQ(write_tar_gz(dir / "record", "x", dir / "no-such-dir" / "x.tar.gz").error(),
            errc::storage_failure);
}

TEST(child_process, ReportsExitOutputTimeoutAndMissingProgram) {
  test::temp_dir dir;
  auto ran = run_child("/bin/sh", {"-c", "echo out; echo err >&2; exit 3"}, dir / "log", 10s);
  EXPECT_FALSE(ran.not_started);
  EXPECT_FALSE(ran.timed_out);
  EXPECT_EQ(ran.exit_status, 3);
  EXPECT_EQ(ran.output, "out\nerr\n");
  EXPECT_FALSE(ran.succeeded());

  // No shell: the argument reaches the program as one word.
  auto literal = run_child("/bin/echo", {"a; rm -rf /tmp/x $(id)"}, dir / "log2", 10s);
  EXPECT_TRUE(literal.succeeded());
  EXPECT_EQ(literal.output, "a; rm -rf /tmp/x $(id)\n");

  const auto start = std::chrono::steady_clock::now();
  auto slow = run_child("/bin/sleep", {"20"}, dir / "log3", 300ms);
  EXPECT_TRUE(slow.timed_out);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s) << "killed at the limit";

  auto missing = run_child(dir / "no-such-program", {}, dir / "log4", 10s);
  EXPECT_TRUE(missing.not_started);
  EXPECT_FALSE(missing.output.empty());
}

TEST(work_queue, RunsJobsInOrderAndRefusesWhenFull) {
  std::mutex m;
  std::condition_variable cv;
  bool started = false;
  bool release = false;
  std::vector<int> ran;
  {
    work_queue q(2);
    ASSERT_TRUE(q.post([&] {
      std::unique_lock lock(m);
      started = true;
      cv.notify_all();
      cv.wait(lock, [&] { return release; });
      ran.push_back(1);
    }));
    {
      // The first job runs (it left the queue): two more may wait.
      std::unique_lock lock(m);
      ASSERT_TRUE(cv.wait_for(lock, 10s, [&] { return started; }));
    }
    EXPECT_TRUE(q.post([&] { ran.push_back(2); }));
    EXPECT_TRUE(q.post([&] { ran.push_back(3); }));
    EXPECT_FALSE(q.post([&] { ran.push_back(4); })) << "two wait already";
    {
      std::lock_guard lock(m);
      release = true;
    }
    cv.notify_all();
    for (int i = 0; i < 400; ++i) {
      {
        std::lock_guard lock(m);
        if (ran.size() == 3) break;
      }
      std::this_thread::sleep_for(5ms);
    }
  }
  EXPECT_EQ(ran, (std::vector<int>{1, 2, 3}));
}

TEST(work_queue, RunsItsChoreWhenIdle) {
  std::atomic<int> chores{0};
  std::atomic<bool> job{false};
  {
    work_queue q(
        1, [&] { ++chores; }, 20ms);
    for (int i = 0; i < 500 && chores < 3; ++i) std::this_thread::sleep_for(5ms);
    EXPECT_GE(chores.load(), 3);
    EXPECT_TRUE(q.post([&] { job = true; }));
    for (int i = 0; i < 500 && !job; ++i) std::this_thread::sleep_for(5ms);
  }
  EXPECT_TRUE(job);
}

void make_executable(const fs::path& p) {
  write(p, "#!/bin/sh\nexit 0\n");
  fs::permissions(p, fs::perms::owner_all);
}

TEST(sheet_tool, FoundAsGivenBesideTheServerOrOnPath) {
  test::temp_dir dir;
  const fs::path self = dir / "build" / "server" / "plenumd";
  EXPECT_EQ(find_sheet_tool(fs::path("/opt/x/plenum-sheet"), self, ""),
            fs::path("/opt/x/plenum-sheet"));
  EXPECT_FALSE(find_sheet_tool(std::nullopt, self, "/nonexistent:"));

  const fs::path on_path = dir / "bin" / "plenum-sheet";
  make_executable(on_path);
  EXPECT_EQ(find_sheet_tool(std::nullopt, self, "/nonexistent::" + (dir / "bin").string()),
            on_path);

  const fs::path beside = dir / "build" / "clients" / "src" / "sheet" / "plenum-sheet";
  make_executable(beside);
  EXPECT_EQ(find_sheet_tool(std::nullopt, self, (dir / "bin").string()), beside);

  // A file that is not executable does not count.
  fs::permissions(beside, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(find_sheet_tool(std::nullopt, self, (dir / "bin").string()), on_path);
}

TEST(sheet_tool, MissingOrFailingToolIsAClearFailure) {
  test::temp_dir dir;
  auto none = make_sheet(std::nullopt, dir.path(), false, "v1", dir / "v1.pdf", dir / "log", 10s);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->code, errc::sheet_tool_missing);
  auto gone = make_sheet(dir / "gone" / "plenum-sheet", dir.path(), false, "v1", dir / "v1.pdf",
                         dir / "log", 10s);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->code, errc::sheet_tool_missing);
  EXPECT_NE(gone->reason.find("gone/plenum-sheet"), std::string::npos) << gone->reason;

  // The real plenum-sheet on a directory that holds no record.
  const fs::path tool = fs::path(PLENUM_BINARY_DIR) / "clients" / "src" / "sheet" / "plenum-sheet";
  auto failed = make_sheet(tool, dir / "no-record", true, "s1", dir / "s1.pdf", dir / "log", 60s);
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->code, errc::sheet_failed);
  EXPECT_NE(failed->reason.find("congress.json"), std::string::npos) << failed->reason;
  EXPECT_FALSE(fs::exists(dir / "s1.pdf"));
}

}  // namespace
}  // namespace plenum::server::downloads
