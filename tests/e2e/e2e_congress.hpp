// A congress for the end-to-end tests: a roster of delegates, a chair (CH), a secretary (SE)
// and scrutineers (S1 …), a plenumd started with that roster, and plenum-cli runs as any of
// them with the keys in one directory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <plenum/clients/session.hpp>

#include "e2e_support.hpp"
#include "launch/plenumd_process.hpp"

namespace plenum::e2e {

class congress {
 public:
  /// Writes the roster (`delegates` delegates D001 …, CH, SE, S1 … S`scrutineers`) and starts
  /// plenumd with it. started() tells whether the server came up.
  congress(int delegates, int scrutineers);

  [[nodiscard]] bool started() const { return port_.has_value(); }
  /// The roster number of delegate i (1-based): D001.
  [[nodiscard]] static std::string delegate(int i);
  /// The delegates from..to (inclusive) as a comma-separated list.
  [[nodiscard]] static std::string delegates(int from, int to);

  /// Runs plenum-cli with the global options (server, --ca, keys, --json) and `args`.
  [[nodiscard]] cli_run cli(const std::vector<std::string>& args) const;
  /// The same acting as `person`.
  [[nodiscard]] cli_run cli_as(const std::string& person,
                               const std::vector<std::string>& args) const;

  /// Enrolls SE from the bootstrap credentials, then everyone else through codes the secretary
  /// issues and `rehearse enroll`. Returns an empty string, or what went wrong.
  [[nodiscard]] std::string enroll_everyone() const;

  /// SIGKILLs plenumd (nothing flushed on purpose) and returns whether it died.
  [[nodiscard]] bool kill9();
  /// Starts plenumd again on the same data directory (and port); whether it came up.
  [[nodiscard]] bool restart();

  /// Where the session library should connect (trusting the server's certificate).
  [[nodiscard]] clients::server_address address() const;
  [[nodiscard]] const std::filesystem::path& dir() const { return scratch_.path(); }
  [[nodiscard]] std::filesystem::path keys() const { return scratch_.path() / "keys"; }
  /// plenumd's log so far (for failure messages).
  [[nodiscard]] std::string server_log() const;

 private:
  scratch_dir scratch_;
  int delegates_;
  int scrutineers_;
  std::unique_ptr<clients::launch::plenumd_process> daemon_;
  std::optional<std::uint16_t> port_;
};

}  // namespace plenum::e2e
