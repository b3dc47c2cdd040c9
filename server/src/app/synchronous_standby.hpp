// Stops a PostgreSQL primary from waiting for a synchronous standby (`plenumd standalone` on the
// primary, `plenumd promote` on the new primary, which has no standby of its own yet).
#pragma once

#include <string>

#include "storage/pq.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::app {

/// Sets synchronous_standby_names to '' with ALTER SYSTEM (so that it stays after a restart,
/// whatever postgresql.conf says), reloads the configuration, and returns once a new session
/// on `conninfo` sees it empty (at most 5 s): from then on COMMIT returns without a standby,
/// and commits that were waiting for one return. `db` is a connection to the same server, as a
/// user allowed ALTER SYSTEM. Errors: errc::storage_failure with PostgreSQL's message, or when
/// the setting is still there after 5 s.
[[nodiscard]] storage::storage_result<void> stop_waiting_for_a_standby(storage::pq::connection& db,
                                                                       const std::string& conninfo);

}  // namespace plenum::server::app
