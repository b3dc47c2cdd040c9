// Support of the end-to-end tests: a temporary directory, the real plenumd as a child process,
// and runs of the real plenum-cli executable with their output.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

namespace plenum::e2e {

/// A fresh directory under the system temp directory, removed on destruction.
class scratch_dir {
 public:
  scratch_dir();
  ~scratch_dir();
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// plenumd as a child: `--data-dir data --port port --ready-file …` plus `extra`, its output
/// appended to `<data>.log`. The destructor kills it (SIGKILL) if it still runs.
class daemon {
 public:
  daemon(const std::filesystem::path& data_dir, std::vector<std::string> extra,
         std::uint16_t port = 0);
  ~daemon();
  daemon(const daemon&) = delete;
  daemon& operator=(const daemon&) = delete;

  /// Waits for the ready file; the port, or nullopt if the process died or time ran out.
  [[nodiscard]] std::optional<std::uint16_t> wait_ready(std::chrono::seconds timeout);
  /// Sends `signo` and reaps the process; its wait status, or nullopt on timeout.
  [[nodiscard]] std::optional<int> stop(int signo, std::chrono::seconds timeout);
  /// The log file.
  [[nodiscard]] const std::filesystem::path& log() const { return log_; }

 private:
  pid_t pid_ = -1;
  std::filesystem::path ready_;
  std::filesystem::path log_;
};

/// What one plenum-cli run produced.
struct cli_run {
  int exit_code = -1;
  std::string out;
  std::string err;
  /// stdout parsed as JSON (null when it is not JSON).
  [[nodiscard]] boost::json::value json() const;
};

/// Runs plenum-cli with `args` (no shell), waiting for it to end.
[[nodiscard]] cli_run run_cli(const std::vector<std::string>& args,
                              const std::filesystem::path& scratch);

/// The text of a file ("" when missing).
[[nodiscard]] std::string read_text(const std::filesystem::path& p);

}  // namespace plenum::e2e
