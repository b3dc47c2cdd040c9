// A plenumd started by the load generator (the one launcher, launch/plenumd_process.hpp, with
// the load generator's settings), and its CPU time and peak memory read from /proc.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "launch/plenumd_process.hpp"

namespace plenum::clients::loadgen {

/// CPU time and memory of a process, from /proc/<pid>/stat and /proc/<pid>/status.
struct process_usage {
  double cpu_seconds = 0;          ///< utime + stime
  double system_cpu_seconds = 0;   ///< stime: in the kernel on the process's behalf
  std::uint64_t peak_rss_kib = 0;  ///< VmHWM
  std::uint64_t rss_kib = 0;       ///< VmRSS
};

/// The usage of `pid`, or nullopt if /proc cannot be read (the process is gone).
[[nodiscard]] std::optional<process_usage> read_usage(pid_t pid);

/// plenumd as the load generator runs it: `--log-level warn`, output appended to D.log, ended
/// gracefully by the destructor (SIGTERM, then SIGKILL after 10 s) and sent SIGTERM if this
/// process dies first. Throws std::runtime_error when fork fails.
class plenumd_process : public launch::plenumd_process {
 public:
  plenumd_process(const std::filesystem::path& binary, const std::filesystem::path& data_dir,
                  const std::vector<std::string>& extra)
      : launch::plenumd_process(binary, data_dir, extra, settings()) {}

 private:
  static launch::plenumd_settings settings() {
    launch::plenumd_settings s;
    s.log_level = "warn";
    s.dies_with_parent = true;
    s.graceful_end = true;
    return s;
  }
};

/// The plenumd of the same build (set at compile time), else "plenumd".
[[nodiscard]] std::filesystem::path default_plenumd();

}  // namespace plenum::clients::loadgen
