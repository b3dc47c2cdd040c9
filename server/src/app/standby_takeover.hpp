// The standby machine's takeover (server/STANDBY.md): once `plenumd promote` has appended the
// server_handover, the standby's plenumd opens the log for writing with its standby key and
// builds the hall service from it, without a restart.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
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

/// Whether the PostgreSQL server of `event_store` answers and is a primary (not in recovery):
/// on a standby machine, that it was promoted. False when it cannot be asked.
[[nodiscard]] bool store_is_primary(const std::string& event_store);

/// The hall of a standby machine that took over and is started again (with or without
/// --standby): its data directory holds standby.key and no congress.key. nullopt when the
/// directory is not such (a primary's or a new one); otherwise open_taken_over_hall with
/// standby.key's own public key, which the log's check refuses unless a server_handover
/// certifies it.
[[nodiscard]] std::optional<storage::storage_result<std::unique_ptr<service::hall_service>>>
open_hall_taken_over_before(const service::hall_config& config, const std::string& event_store);

}  // namespace plenum::server::app
