// Runs the real plenumd binary as a child process for integration tests.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plenum::tests {

/// A fresh directory under the system temp directory, removed (recursively) on destruction.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// One plenumd child process. The destructor kills it (SIGKILL) if it still runs.
class plenumd_process {
 public:
  /// Starts `binary` with `--data-dir data_dir --port 0 --ready-file <data_dir>.ready`
  /// plus `extra_args`, its stderr going to `log_file`.
  plenumd_process(const std::filesystem::path& binary, const std::filesystem::path& data_dir,
                  const std::filesystem::path& log_file, std::vector<std::string> extra_args = {});
  ~plenumd_process();
  plenumd_process(const plenumd_process&) = delete;
  plenumd_process& operator=(const plenumd_process&) = delete;

  /// Waits until the ready file holds the bound port; nullopt if the process exited or
  /// `timeout` passed first.
  [[nodiscard]] std::optional<std::uint16_t> wait_ready(std::chrono::seconds timeout);

  /// Sends `signo` and waits for the exit; returns the exit status (128 + signal number
  /// when killed by a signal), or nullopt if it did not exit within `timeout`.
  [[nodiscard]] std::optional<int> stop(int signo, std::chrono::seconds timeout);

  /// The process id (for prlimit and the like), -1 before the start.
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::filesystem::path ready_file_;
  std::optional<int> exit_status_;

  bool reap(bool block);
};

}  // namespace plenum::tests
