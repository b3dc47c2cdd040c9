// plenumd serving: one congress (from its data directory or a PostgreSQL event store), the
// townships and their county, or a standby machine, over TLS until a signal ends it.
#pragma once

#include "app/options.hpp"

namespace plenum::server::app {

/// Serves as `opts` says until SIGINT or SIGTERM, closing the connections within the grace
/// period (a second signal stops at once). Returns the exit code: 0 after a stop, 1 when the
/// congress, a township or the standby's replicated log cannot be opened (said in the log and
/// on stderr). Throws std::exception when it cannot start (certificate, address, roster).
int run_daemon(const daemon_options& opts);

}  // namespace plenum::server::app
