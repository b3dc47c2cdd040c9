// log_store: where an event log keeps its events, behind one small interface. The event log
// (event_log.hpp) owns the chain, the group commit, the durable handlers and the fault handling;
// a store only creates its schema, reads what it holds and writes a batch in one transaction.
// Two stores exist: SQLite on the local disk (sqlite_log_store.hpp, the default) and PostgreSQL
// with synchronous replication to a standby (postgres_log_store.hpp, server/STANDBY.md).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"
#include "storage/event_record.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::storage {

/// One stored event as read, before it is checked: the columns exactly as the store holds them.
/// The views stay valid only during the call they are passed to.
struct event_row {
  std::int64_t seq = 0;
  crypto::byte_span prev_hash;
  std::string_view type;
  std::string_view payload;
  crypto::byte_span entry_hash;
  crypto::byte_span signature;
  std::int64_t stored_at_unix_ms = 0;
};

/// One event of a batch to write, with the private details it carries the digest of, and, for a
/// ballot_accepted event in a store that keeps receipts, the signer's signature over its
/// receipt (crypto::receipt_digest), which a machine without that key exports.
struct event_write {
  const stored_event* event = nullptr;
  const std::vector<private_detail_row>* private_details = nullptr;
  const crypto::signature* receipt = nullptr;
};

/// Private details by digest.
using private_detail_map = std::map<std::string, private_detail_row, std::less<>>;

/// The storage under an event log. Used by one thread at a time: open() calls prepare(),
/// congress_public_key(), read_events() and read_private_details() in this order, then only the
/// log's writer thread calls write().
class log_store {
 public:
  virtual ~log_store() = default;

  /// Names the log in messages ("event log <name>: seq 4: …"): the file's path, or the
  /// database's address without its password.
  [[nodiscard]] virtual const std::string& name() const = 0;

  /// Creates the schema of a new, empty store and records `key` as the congress public key in
  /// it; checks the schema version of an existing one. Errors: errc::storage_failure.
  [[nodiscard]] virtual storage_result<void> prepare(const crypto::public_key& key) = 0;

  /// The congress public key the store records; nullopt when it records none.
  [[nodiscard]] virtual storage_result<std::optional<std::vector<std::uint8_t>>>
  congress_public_key() = 0;

  /// Calls `row` for each stored event in seq order and stops at the first error it returns,
  /// which is then returned.
  [[nodiscard]] virtual storage_result<void> read_events(
      const std::function<storage_result<void>(const event_row&)>& row) = 0;

  /// Every private details row.
  [[nodiscard]] virtual storage_result<private_detail_map> read_private_details() = 0;

  /// Whether write() keeps the receipt signatures of ballots (event_write::receipt): a store
  /// that another machine takes over keeps them, since that machine cannot re-make the
  /// receipts its predecessor signed.
  [[nodiscard]] virtual bool keeps_receipts() const { return false; }

  /// Writes `batch` (events with consecutive seqs, the first one right after the last event
  /// this store reported durable) and their private details in one transaction; success means
  /// the transaction is durable as the store promises (on disk; with a synchronous standby, on
  /// both machines). A failure means none of it counts: the next write starts again at a seq
  /// not above the failed batch's first. Rows of a private details digest already stored stay
  /// as they are.
  [[nodiscard]] virtual storage_result<void> write(std::span<const event_write> batch) = 0;
};

}  // namespace plenum::server::storage
