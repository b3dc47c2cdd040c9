// plenumd as a child process, for everything that starts one: the load generator and the
// integration and end-to-end tests. One way to start it, find its port, stop it and reap it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plenum::clients::launch {

/// How a plenumd child is run, besides its own arguments.
struct plenumd_settings {
  std::uint16_t port = 0;          ///< `--port`; 0 lets plenumd take a free one (see wait_ready)
  std::filesystem::path log_file;  ///< stdout and stderr, appended; empty: `<data_dir>.log`
  std::string log_level;           ///< `--log-level`; empty: plenumd's default
  unsigned threads = 0;            ///< `--threads`; 0: plenumd's default
  bool dies_with_parent = false;   ///< the child gets SIGTERM if this process dies first
  /// What the destructor does to a child still running: SIGTERM and up to 10 s for it to end,
  /// then SIGKILL (true), or SIGKILL at once (false).
  bool graceful_end = false;
};

/// One plenumd child: `binary --data-dir D --port P --ready-file D.ready` (plus `--log-level`
/// and `--threads` when set) followed by `extra`. The destructor ends it (see graceful_end) and
/// reaps it. Not copyable; not thread-safe.
class plenumd_process {
 public:
  /// Starts the child. Throws std::runtime_error when fork fails; a binary that cannot be run
  /// shows as a child that exits with status 127 (126: the log file cannot be opened).
  plenumd_process(const std::filesystem::path& binary, const std::filesystem::path& data_dir,
                  std::vector<std::string> extra = {}, plenumd_settings settings = {});
  ~plenumd_process();
  plenumd_process(const plenumd_process&) = delete;
  plenumd_process& operator=(const plenumd_process&) = delete;

  /// Waits until the ready file holds the bound port and a newline; the port, or nullopt if
  /// the child exited or `timeout` passed first.
  [[nodiscard]] std::optional<std::uint16_t> wait_ready(std::chrono::seconds timeout);

  /// Sends `signo` (unless the child already exited) and waits for the exit; the exit status
  /// (the exit code, or 128 + the signal number when a signal ended it), or nullopt if it did
  /// not exit within `timeout`.
  [[nodiscard]] std::optional<int> stop(int signo, std::chrono::seconds timeout);

  /// The child's process id (for /proc, prlimit and the like).
  [[nodiscard]] pid_t pid() const { return pid_; }
  /// Where its output goes.
  [[nodiscard]] const std::filesystem::path& log() const { return log_; }

 private:
  pid_t pid_ = -1;
  std::filesystem::path ready_;
  std::filesystem::path log_;
  bool graceful_end_ = false;
  std::optional<int> exit_status_;

  /// Reaps the child if it exited (waiting for it when `block`); whether it has exited.
  bool reap(bool block);
};

}  // namespace plenum::clients::launch
