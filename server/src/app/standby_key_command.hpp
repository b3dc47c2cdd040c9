// `plenumd standby-key --data-dir B`: the standby machine's own Ed25519 key (server/STANDBY.md),
// kept in `B/standby.key` like the congress key on the primary (congress_key_store).
#pragma once

#include <string>
#include <vector>

namespace plenum::server::app {

/// `args` are the words after "standby-key". Creates `<data-dir>/standby.key` if missing and
/// prints its public key in hex (for `plenumd certify-standby --standby-key` on the primary).
/// Returns the exit status: 0 on success, 1 when the key cannot be read or written (the reason
/// on stderr), 2 on bad usage.
[[nodiscard]] int run_standby_key_command(const std::vector<std::string>& args);

}  // namespace plenum::server::app
