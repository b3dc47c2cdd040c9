// `plenumd promote`: the standby machine takes the hall over (server/STANDBY.md, "The standby
// plenumd and taking over"). One command on machine B once machine A is off: it refuses, and
// changes nothing, unless B holds every event A reported durable and may sign after it; then it
// promotes B's PostgreSQL, stops B's commits from waiting for a standby it does not have, and
// appends the server_handover signed by B's own key.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace plenum::server::app {

/// The file `plenumd --standby` rewrites every second in its data directory with what it saw
/// of the replication (format "plenum-standby-sync/1").
inline constexpr const char* standby_sync_file = "standby-sync.json";
/// The handover certificate `plenumd certify-standby` made on the primary, copied to the
/// standby's data directory.
inline constexpr const char* standby_certificate_file = "standby-certificate.json";

struct promote_options {
  /// B's data directory: standby.key, standby-certificate.json, standby-sync.json.
  std::filesystem::path data_dir;
  /// libpq connection string of B's PostgreSQL (the standby).
  std::string event_store;
  /// libpq connection string of A's PostgreSQL: promote refuses while it answers.
  std::optional<std::string> primary_event_store;
  /// Why the hall changes machine, kept in the handover event.
  std::string reason = "plenumd promote";
  /// How long the WAL received may take to be replayed.
  std::chrono::milliseconds replay_wait{5000};
  /// standby-sync.json older than this means plenumd --standby is not running.
  std::chrono::milliseconds sync_file_max_age{10000};
};

/// Takes over; returns the handover's seq, or the refusal or failure in plain words (what is
/// wrong and what to do) and whether anything was changed. Progress lines go to `progress`.
struct promote_outcome {
  std::optional<std::uint64_t> handover_seq;
  std::string error;
  /// The error came after pg_promote(): this machine's PostgreSQL is no longer a standby.
  bool changed = false;
};
[[nodiscard]] promote_outcome promote_standby(const promote_options& options,
                                              std::ostream& progress);

/// `plenumd promote --data-dir B --event-store CONNINFO [--primary-event-store CONNINFO]
/// [--reason TEXT]`: `args` are the words after "promote". Prints the handover's seq and exits
/// 0, or the reason on stderr and exits 1; 2 on bad usage.
[[nodiscard]] int run_promote_command(const std::vector<std::string>& args);

}  // namespace plenum::server::app
