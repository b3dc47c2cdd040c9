// plenumd's command line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/log.hpp"
#include "net/limits.hpp"

namespace plenum::server::app {

/// Everything plenumd can be told on its command line; defaults as in `--help`.
struct daemon_options {
  std::filesystem::path data_dir_ = "data";
  std::string listen_ = "127.0.0.1";
  std::uint16_t port_ = 8443;
  std::filesystem::path web_root_;  // default: the web client of the source tree
  unsigned threads_ = 1;
  std::optional<std::filesystem::path> ready_file_;
  std::optional<std::filesystem::path> tls_cert_;
  std::optional<std::filesystem::path> tls_key_;
  unsigned shutdown_grace_ms_ = 3000;
  log::level log_level_ = log::level::info;
  net::session_limits limits_;
  std::string congress_id_ = "congress";  // event 0 of a new log
  std::string congress_name_ = "Congress";
  bool init_demo_ = false;                           // a new log gets the demo congress
  std::optional<std::filesystem::path> roster_;      // a new log gets this roster CSV
  std::vector<std::uint64_t> membership_;            // members, women, minority (with roster_)
  std::optional<std::filesystem::path> sheet_tool_;  // plenum-sheet; default: looked for
  std::string help_;  // non-empty when --help was given: print it and exit 0
};

/// Parses the command line (argv[0] is the program name). Throws std::invalid_argument
/// with a message for the user on an unknown option, a bad value, or only one of
/// --tls-cert/--tls-key (start-up configuration).
[[nodiscard]] daemon_options parse_options(const std::vector<std::string>& args);

}  // namespace plenum::server::app
