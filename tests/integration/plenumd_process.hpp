// The integration tests' plenumd (the one launcher, launch/plenumd_process.hpp, with two server
// threads and its output in a log file of the test's choosing) and their temporary directory.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "launch/plenumd_process.hpp"

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

/// A loopback TCP port no one listens on now (the kernel's pick; another process may take it
/// before the caller binds it).
[[nodiscard]] std::uint16_t free_loopback_port();

/// Polls `check` every 50 ms until it holds or `timeout` passes; whether it held.
[[nodiscard]] bool eventually(const std::function<bool()>& check,
                              std::chrono::milliseconds timeout);

/// A finished command: its exit status (-1 when it did not exit normally) and its output.
struct command_result {
  int status = -1;
  std::string out;
  std::string err;
};

/// Runs `binary args…` through the shell, each word quoted, its stdout and stderr collected in
/// files under `scratch`; waits for it.
[[nodiscard]] command_result run_command(const std::filesystem::path& binary,
                                         const std::vector<std::string>& args,
                                         const std::filesystem::path& scratch);

/// `plenumd export --event-store <event_store> --data-dir <key_dir> --out <record>`, then
/// `plenum-verify <record>`: expects (GoogleTest) both to succeed and the record's signatures to
/// pass. `scratch` holds their output.
void expect_exported_record_verifies(const std::filesystem::path& plenumd,
                                     const std::filesystem::path& verify,
                                     const std::string& event_store,
                                     const std::filesystem::path& key_dir,
                                     const std::filesystem::path& record,
                                     const std::filesystem::path& scratch);

/// plenumd started with `--threads 2` plus `extra_args`, its output appended to `log_file`.
/// The destructor kills it (SIGKILL) if it still runs.
class plenumd_process : public clients::launch::plenumd_process {
 public:
  plenumd_process(const std::filesystem::path& binary, const std::filesystem::path& data_dir,
                  const std::filesystem::path& log_file, std::vector<std::string> extra_args = {})
      : clients::launch::plenumd_process(binary, data_dir, std::move(extra_args),
                                         settings(log_file)) {}

 private:
  static clients::launch::plenumd_settings settings(const std::filesystem::path& log_file) {
    clients::launch::plenumd_settings s;
    s.log_file = log_file;
    s.threads = 2;
    return s;
  }
};

}  // namespace plenum::tests
