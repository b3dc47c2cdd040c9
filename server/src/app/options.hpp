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

/// One township's congress held by plenumd (`--township ID=NAME`), in
/// `<data-dir>/townships/ID/`, with what its new log is created with.
struct township_option {
  std::string id;    ///< 1–32 of a-z, 0-9, '-': the congress id and the path /ws/township/ID
  std::string name;  ///< the congress name of a new log
  std::optional<std::filesystem::path> roster;     ///< --township-roster ID=FILE
  std::vector<std::uint64_t> membership{0, 0, 0};  ///< --township-membership ID=M,W,N
};

/// Everything plenumd can be told on its command line; defaults as in `--help`.
struct daemon_options {
  std::filesystem::path data_dir = "data";
  std::string listen = "127.0.0.1";
  std::uint16_t port = 8443;
  std::filesystem::path web_root;  // default: the web client of the source tree
  unsigned threads = 1;
  std::optional<std::filesystem::path> ready_file;
  std::optional<std::filesystem::path> tls_cert;
  std::optional<std::filesystem::path> tls_key;
  unsigned shutdown_grace_ms = 3000;
  log::level log_level = log::level::info;
  net::session_limits limits;
  std::string congress_id = "congress";  // event 0 of a new log
  std::string congress_name = "Congress";
  bool init_demo = false;                           // a new log gets the demo congress
  std::optional<std::filesystem::path> roster;      // a new log gets this roster CSV
  std::vector<std::uint64_t> membership;            // members, women, minority (with roster)
  std::optional<std::filesystem::path> sheet_tool;  // plenum-sheet; default: looked for
  std::vector<township_option> townships;           // empty: the single congress in data_dir
  std::string county_id = "county";                 // the county view (with townships)
  std::string county_name = "County";
  std::vector<std::pair<std::string, std::string>> county_accounts;  // id, name
  std::vector<std::string> county_reissue;  // accounts that get a fresh code at this start
  std::optional<std::string> event_store;   // libpq conninfo: the log in PostgreSQL (STANDBY.md)
  /// --standby: follow the replicated log of --event-store and refuse to serve until promoted
  /// (server/STANDBY.md).
  bool standby = false;
  /// With --standby: libpq conninfo of the primary's PostgreSQL, watched for sync.
  std::optional<std::string> primary_event_store;
  /// The hall's base addresses ("https://host[:port]", as --hall-server gives them, without a
  /// trailing slash): named in hello, their origins accepted for WebSockets.
  std::vector<std::string> hall_servers;
  std::string help;  // non-empty when --help was given: print it and exit 0
};

/// Parses the command line (argv[0] is the program name). Throws std::invalid_argument
/// with a message for the user on an unknown option, a bad value, or only one of
/// --tls-cert/--tls-key, a bad or repeated township, a township option naming no township, a
/// county account without townships, --roster/--init-demo with townships (start-up
/// configuration), --event-store with townships, --standby without --event-store or with
/// --init-demo/--roster, --primary-event-store without --standby, or a --hall-server that is not
/// https://host[:port].
[[nodiscard]] daemon_options parse_options(const std::vector<std::string>& args);

/// A --hall-server address checked and normalised: "https://host[:port]" (a trailing '/' is
/// dropped; host a name or an IPv4 address or a bracketed IPv6 one; port 1–65535). Throws
/// std::invalid_argument naming what is wrong.
[[nodiscard]] std::string parse_hall_server(const std::string& text);

}  // namespace plenum::server::app
