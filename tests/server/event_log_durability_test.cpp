// "Acknowledged only after the commit is durable": a child process appends in bursts and
// reports, from each handler, the seq of every event it was told is durable; the parent kills it
// with SIGKILL at a random moment and checks that every reported event survived and that the
// chain still verifies. Each round continues the same database.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <random>
#include <vector>

#include "storage/event_log.hpp"
#include "temp_dir.hpp"

namespace plenum::server::storage {
namespace {

crypto::secret_key test_key() {
  crypto::byte_array<32> seed{};
  seed.fill(42);
  return crypto::secret_key::from_seed(seed);
}

void write_seq(int fd, std::uint64_t seq) {
  // 8 bytes is less than PIPE_BUF, so the write is atomic: the parent never sees half a seq.
  while (::write(fd, &seq, sizeof seq) < 0 && errno == EINTR) {
  }
}

// The child: appends in bursts until killed. Never returns.
[[noreturn]] void append_until_killed(const std::filesystem::path& path, int report_fd) {
  event_log_options options;
  options.max_batch = 128;
  options.log_error = [](std::string_view) {};
  auto log = event_log::open(path, test_key(), options);
  if (!log) ::_exit(3);
  for (std::uint64_t burst = 0;; ++burst) {
    for (int i = 0; i < 200; ++i) {
      // This thread is the only appender, so the next seq is the head's length.
      const std::uint64_t seq = (*log)->head().length;
      auto placed = (*log)->append(
          "burst", R"({"burst":)" + std::to_string(burst) + R"(,"i":)" + std::to_string(i) + "}",
          [report_fd, seq](boost::system::error_code ec) {
            if (!ec) write_seq(report_fd, seq);
          });
      if (!placed || placed->seq != seq) ::_exit(4);
    }
    if ((*log)->flush()) ::_exit(5);
  }
}

// Reads whole seqs from `fd` until `count` were read in total or the writer is gone.
bool read_seqs(int fd, std::vector<std::uint64_t>& into, std::size_t count) {
  while (into.size() < count) {
    std::uint64_t seq = 0;
    const ssize_t n = ::read(fd, &seq, sizeof seq);
    if (n < 0 && errno == EINTR) continue;
    if (n != static_cast<ssize_t>(sizeof seq)) return false;
    into.push_back(seq);
  }
  return true;
}

TEST(EventLogDurability, EverythingReportedDurableSurvivesSigkill) {
  test::temp_dir dir;
  const std::filesystem::path path = dir / "board.db";
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> kill_after(1, 3000);

  std::uint64_t length_before = 0;
  for (int round = 0; round < 8; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(fds[0]);
      append_until_killed(path, fds[1]);
    }
    ::close(fds[1]);

    std::vector<std::uint64_t> reported;
    const std::size_t target = kill_after(rng);
    const bool alive = read_seqs(fds[0], reported, target);
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    // Whatever the child wrote before it died was reported durable too.
    (void)read_seqs(fds[0], reported, SIZE_MAX);
    ::close(fds[0]);
    ASSERT_TRUE(alive) << "the child stopped early, status " << status;
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
    ASSERT_GE(reported.size(), target);

    event_log_options options;
    auto log = event_log::open(path, test_key(), options);
    ASSERT_TRUE(log) << log.error().message;  // the chain verifies after the crash
    const std::uint64_t length = (*log)->head().length;

    // Reports come in seq order, start where the last round's log ended, and each one names an
    // event that is on disk.
    for (std::size_t i = 0; i < reported.size(); ++i) {
      ASSERT_EQ(reported[i], length_before + i);
    }
    EXPECT_LT(reported.back(), length);
    length_before = length;
  }
}

}  // namespace
}  // namespace plenum::server::storage
