// Support of the end-to-end tests: a temporary directory and runs of the real plenum-cli
// executable with their output (plenumd itself runs through launch/plenumd_process.hpp).
#pragma once

#include <filesystem>
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
