// A real write failure: a child process whose file-size limit stops SQLite's writes (EFBIG, as
// a full disk would) must see the failed commit's events refused with storage_unavailable,
// further appends refused during the pause, and, once the limit is raised, appends durable
// again without reopening; the log on disk holds exactly the events reported durable.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "storage/event_log.hpp"
#include "temp_dir.hpp"

namespace plenum::server::storage {
namespace {

crypto::secret_key test_key() {
  crypto::byte_array<32> seed{};
  seed.fill(77);
  return crypto::secret_key::from_seed(seed);
}

// Exit codes of the child, each naming the check that failed.
enum child_exit : int {
  ok = 0,
  open_failed = 10,
  first_flush_failed = 11,
  never_failed = 12,
  wrong_code = 13,
  append_not_refused = 14,
  bad_report = 15,
  refused_before_failure = 16,
  not_resumed = 17,
};

// Appends 8 kB events until the file-size limit makes a commit fail. Reports through the exit
// code; writes the number of events it saw durable to `report_fd`.
[[noreturn]] void fill_until_failure(const std::filesystem::path& path, int report_fd) {
  event_log_options options;
  options.max_batch = 4;
  options.retry_pause = std::chrono::milliseconds(300);
  options.log_error = [](std::string_view) {};
  auto log = event_log::open(path, test_key(), options);
  if (!log) ::_exit(open_failed);
  if (!(*log)->append("first", "{}", nullptr) || (*log)->flush()) ::_exit(first_flush_failed);

  ::signal(SIGXFSZ, SIG_IGN);  // a write beyond the limit then fails with EFBIG
  const rlimit limit{256 * 1024, RLIM_INFINITY};
  if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(never_failed);

  std::uint64_t durable = 1;
  bool saw_failure = false;
  bool wrong = false;
  const std::string payload = R"({"pad":")" + std::string(8000, 'x') + "\"}";
  for (int i = 0; i < 1000 && !saw_failure; ++i) {
    auto placed = (*log)->append("filler", payload, [&](boost::system::error_code ec) {
      if (!ec) {
        ++durable;
      } else {
        saw_failure = true;
        if (ec != make_error_code(errc::storage_unavailable)) wrong = true;
      }
    });
    if (!placed) ::_exit(refused_before_failure);
    const auto flushed = (*log)->flush();
    if (flushed !=
        (saw_failure ? make_error_code(errc::storage_unavailable) : boost::system::error_code{}))
      wrong = true;
  }
  if (!saw_failure) ::_exit(never_failed);
  if (wrong) ::_exit(wrong_code);
  if (!(*log)->failed()) ::_exit(wrong_code);
  if ((*log)->append("during", "{}", nullptr)) ::_exit(append_not_refused);

  // The space comes back: after the pause the same log commits again.
  const rlimit lifted{RLIM_INFINITY, RLIM_INFINITY};
  if (::setrlimit(RLIMIT_FSIZE, &lifted) != 0) ::_exit(not_resumed);
  ::usleep(400 * 1000);
  bool resumed = false;
  auto placed = (*log)->append("after", payload, [&](boost::system::error_code ec) {
    resumed = !ec;
    if (!ec) ++durable;
  });
  if (!placed || (*log)->flush() || !resumed || (*log)->failed()) ::_exit(not_resumed);
  if (::write(report_fd, &durable, sizeof durable) != sizeof durable) ::_exit(bad_report);
  ::_exit(ok);
}

TEST(EventLogDiskFull, AFailedWriteIsRefusedAndTheLogResumesWhenThereIsRoomAgain) {
  test::temp_dir dir;
  const std::filesystem::path path = dir / "board.db";
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    fill_until_failure(path, fds[1]);
  }
  ::close(fds[1]);
  std::uint64_t durable = 0;
  const ssize_t n = ::read(fds[0], &durable, sizeof durable);
  ::close(fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "status " << status;
  ASSERT_EQ(WEXITSTATUS(status), ok);
  ASSERT_EQ(n, static_cast<ssize_t>(sizeof durable));
  EXPECT_GT(durable, 1u);

  // Exactly the events reported durable are there (the last one written after the fault),
  // and the chain verifies.
  auto log = event_log::open(path, test_key());
  ASSERT_TRUE(log) << log.error().message;
  EXPECT_EQ((*log)->head().length, durable);
  EXPECT_EQ((*log)->events().back().type, "after");
}

}  // namespace
}  // namespace plenum::server::storage
