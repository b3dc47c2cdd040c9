// What a PostgreSQL primary says of its standbys (pg_stat_replication and
// synchronous_standby_names), read by the primary's plenumd for the hall's sync state and by the
// standby's plenumd for standby-sync.json (server/STANDBY.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/storage_error.hpp"

namespace plenum::server::storage::pq {
class connection;
}  // namespace plenum::server::storage::pq

namespace plenum::server::app {

/// One standby streaming from the primary: its application_name (the standby's cluster_name),
/// state ("streaming", "catchup", …) and sync_state ("sync", "async", "potential", …).
struct standby_link {
  std::string name;
  std::string state;
  std::string sync_state;
};

/// The primary's replication now.
struct primary_replication {
  /// Empty: commits wait for no standby (`plenumd standalone` or never set).
  std::string synchronous_standby_names;
  std::vector<standby_link> standbys;
};

/// Reads the primary's replication over `db`. Errors: errc::storage_failure (the connection
/// failed, or the server is itself a standby).
[[nodiscard]] storage::storage_result<primary_replication> read_primary_replication(
    storage::pq::connection& db);

/// The hall's `standby` as the public view shows it: "standalone" when the primary waits for no
/// standby, "in_sync" when a standby streams as `sync`, else "not_in_sync" (commits wait for a
/// standby that is not there: every reply waits).
[[nodiscard]] std::string hall_standby_state(const primary_replication& r);

/// Whether the primary waits for a standby and `standby_name` streams to it as `sync`.
[[nodiscard]] bool named_in_sync(const primary_replication& r, std::string_view standby_name);

/// `conninfo` with connect_timeout=2 added when it names none (a key=value string), so that a
/// machine that is off is noticed in seconds; a URI is returned as it is.
[[nodiscard]] std::string with_connect_timeout(const std::string& conninfo);

}  // namespace plenum::server::app
