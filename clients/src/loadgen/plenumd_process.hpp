// A plenumd started by the load generator: a child process on a data directory, its port read
// from the ready file, and its CPU time and peak memory read from /proc.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plenum::clients::loadgen {

/// CPU time and memory of a process, from /proc/<pid>/stat and /proc/<pid>/status.
struct process_usage {
  double cpu_seconds = 0;          ///< utime + stime
  std::uint64_t peak_rss_kib = 0;  ///< VmHWM
  std::uint64_t rss_kib = 0;       ///< VmRSS
};

/// The usage of `pid`, or nullopt if /proc cannot be read (the process is gone).
[[nodiscard]] std::optional<process_usage> read_usage(pid_t pid);

/// plenumd as a child: `binary --data-dir D --port 0 --ready-file D.ready --log-level warn`
/// plus `extra`, its output appended to D.log. The destructor stops it (SIGTERM, then SIGKILL
/// after 10 s); it also gets SIGTERM if this process dies first. Not copyable.
class plenumd_process {
 public:
  /// Throws std::runtime_error when fork fails.
  plenumd_process(const std::filesystem::path& binary, const std::filesystem::path& data_dir,
                  const std::vector<std::string>& extra);
  ~plenumd_process();
  plenumd_process(const plenumd_process&) = delete;
  plenumd_process& operator=(const plenumd_process&) = delete;

  /// Waits up to `timeout` for the ready file; the port, or nullopt if the process died or
  /// time ran out.
  [[nodiscard]] std::optional<std::uint16_t> wait_ready(std::chrono::seconds timeout);
  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] const std::filesystem::path& log() const { return log_; }

 private:
  pid_t pid_ = -1;
  std::filesystem::path ready_;
  std::filesystem::path log_;
};

/// The plenumd of the same build (set at compile time), else "plenumd".
[[nodiscard]] std::filesystem::path default_plenumd();

}  // namespace plenum::clients::loadgen
