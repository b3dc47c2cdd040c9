// Runs a helper program as a child process, without a shell, with a time limit.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace plenum::server::downloads {

/// How a child process ended.
struct child_outcome {
  /// The program could not be started (missing, not executable); `output` says why.
  bool not_started = false;
  /// The time limit passed and the child was killed (SIGKILL).
  bool timed_out = false;
  /// The exit status when it exited; -1 when it was killed by a signal or never ran.
  int exit_status = -1;
  /// What it wrote to stdout and stderr (at most 4 KiB kept, the start of it).
  std::string output;

  /// Whether it ran and exited with status 0.
  [[nodiscard]] bool succeeded() const { return !not_started && !timed_out && exit_status == 0; }
};

/// Runs `program` with `args` (argv[0] is `program` itself; no shell, no PATH search) and the
/// server's environment, its stdin from /dev/null and its stdout and stderr into the file
/// `output_file` (created or truncated), and waits at most `limit` for it to end, killing it
/// then. Thread-safe (posix_spawn; each call reaps only its own child).
[[nodiscard]] child_outcome run_child(const std::filesystem::path& program,
                                      const std::vector<std::string>& args,
                                      const std::filesystem::path& output_file,
                                      std::chrono::milliseconds limit);

}  // namespace plenum::server::downloads
