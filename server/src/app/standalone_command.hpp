// `plenumd standalone`: on the primary when the standby machine is gone for good, the hall goes
// on with one machine (server/STANDBY.md): the primary stops waiting for a synchronous standby,
// so the commits that wait return and every reply held back leaves.
#pragma once

#include <string>
#include <vector>

namespace plenum::server::app {

/// `plenumd standalone --event-store CONNINFO` (A's PostgreSQL): `args` are the words after
/// "standalone". Clears synchronous_standby_names (ALTER SYSTEM, then pg_reload_conf()) and
/// waits until a new session sees it cleared; warns, with the log's head, from which seq the
/// hall runs without a standby. Returns 0 on success; 1 when the server cannot be reached, is
/// itself a standby, or refuses the change (the reason on stderr, nothing changed); 2 on bad
/// usage.
[[nodiscard]] int run_standalone_command(const std::vector<std::string>& args);

}  // namespace plenum::server::app
