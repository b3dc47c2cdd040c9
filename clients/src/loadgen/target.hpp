// The server the load generator talks to: a loopback plenumd it starts itself (with the roster
// of the run) or one it is pointed at. Never anything but loopback.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <plenum/clients/session.hpp>

#include "options.hpp"
#include "plenumd_process.hpp"

namespace plenum::clients::loadgen {

/// The roster number of delegate i (1-based): D00001.
[[nodiscard]] std::string delegate_number(std::size_t i);
/// The delegate index of a roster number, 0 when it is not one of ours.
[[nodiscard]] std::size_t delegate_index(std::string_view number);
/// The roster CSV: `delegates` delegates, CH (chair), SE (secretary), S1 … S`scrutineers`,
/// and P1 … P`screens` (role projector: the big screens).
[[nodiscard]] std::string roster_csv(std::size_t delegates, std::size_t scrutineers,
                                     std::size_t screens = 0);
/// The membership M,W,N matching the roster's shares (no composition warnings).
[[nodiscard]] std::string membership(std::size_t delegates);

/// The server of a run.
/// A directory removed with everything in it when this goes; empty: nothing to remove.
class removed_directory {
 public:
  removed_directory() = default;
  explicit removed_directory(std::filesystem::path dir) : dir_(std::move(dir)) {}
  ~removed_directory() {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
  }
  removed_directory(removed_directory&& other) noexcept : dir_(std::exchange(other.dir_, {})) {}
  removed_directory& operator=(removed_directory&& other) noexcept {
    std::swap(dir_, other.dir_);
    return *this;
  }
  removed_directory(const removed_directory&) = delete;
  removed_directory& operator=(const removed_directory&) = delete;

 private:
  std::filesystem::path dir_;
};

struct target {
  server_address address;
  boost::asio::ip::tcp::endpoint endpoint;
  /// Every machine of the hall given (endpoint first; more with --server given again).
  std::vector<boost::asio::ip::tcp::endpoint> endpoints;
  std::filesystem::path bootstrap;  ///< bootstrap-credentials.txt
  std::filesystem::path data_dir;   ///< of a started plenumd
  /// The fresh data directory made for the plenumd started here (no --data-dir), removed after
  /// plenumd stopped (declared before `process`, so it goes after it).
  removed_directory temporary;
  std::unique_ptr<plenumd_process> process;  ///< when started here
};

/// Resolves every --server (refusing a host that is not loopback), or writes the roster and starts
/// plenumd with it when no server is given. Throws std::runtime_error (start-up configuration)
/// when the server is not loopback or plenumd does not come up.
[[nodiscard]] target open_target(const options& o, bool with_roster);

/// Raises this process's RLIMIT_NOFILE to its hard limit; returns the new soft limit.
std::uint64_t raise_file_limit();

}  // namespace plenum::clients::loadgen
