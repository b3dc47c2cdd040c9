// The standby machine's takeover (server/STANDBY.md): once `plenumd promote` has appended the
// server_handover, the standby's plenumd opens the log for writing with its standby key and
// builds the hall service from it, without a restart.
#pragma once

#include <memory>
#include <string>

#include "plenum/crypto/sign.hpp"
#include "service/hall_config.hpp"
#include "service/hall_service.hpp"

namespace plenum::server::app {

/// The hall of the log at `event_store` (PostgreSQL, out of recovery), signed from its handover
/// on by `<config.data_dir>/standby.key`, which must be the key `handover_pk` names; a ballot
/// sent again is answered with the receipt the log kept for it (signed by the key that signed
/// its seq, the congress key before the handover). Errors:
/// errc::storage_failure when standby.key is missing or another key, and those of
/// hall_service::open (the log does not verify, the key does not sign it from its head).
[[nodiscard]] storage::storage_result<std::unique_ptr<service::hall_service>> open_taken_over_hall(
    service::hall_config config, const std::string& event_store,
    const crypto::public_key& handover_pk);

}  // namespace plenum::server::app
