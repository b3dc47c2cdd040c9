// Reads an event log kept in PostgreSQL without writing to it: from the primary while its
// plenumd runs (the one-writer lock is not taken), or from a standby in recovery. Everything read
// is verified as event_log::open does, under the congress key the database records. For the
// one-shot commands (`plenumd certify-standby`, `export`, `promote`).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "plenum/crypto/sign.hpp"
#include "storage/chain_check.hpp"
#include "storage/event_record.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::storage {

/// A log read to its end and verified.
struct verified_log {
  /// "postgresql://host:port/dbname", for messages.
  std::string name;
  /// The congress key the database records; every entry before a handover verified under it.
  crypto::public_key congress_pk;
  /// Who signed it (the handover, when there is one).
  chain_signers signers;
  /// Every event, in seq order.
  std::vector<stored_event> events;
  /// The receipt signatures the primary kept, by the ballot's seq (not checked here).
  std::map<std::uint64_t, crypto::signature> receipts;
};

/// Connects with `conninfo`, reads the log and verifies it. Errors: errc::storage_failure
/// (cannot connect; the database holds no event log), errc::broken_chain (as event_log::open,
/// naming the first bad seq).
[[nodiscard]] storage_result<verified_log> read_postgres_log(const std::string& conninfo);

}  // namespace plenum::server::storage
