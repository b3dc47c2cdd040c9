// postgres_log_store: the event log in a PostgreSQL database, for a hall with a standby machine
// (server/STANDBY.md). The tables mirror the SQLite file's: meta (the schema version and the
// congress public key), events (the chain) and private_details (with the seq of the event that
// brought each row). The writer's session runs with synchronous_commit = remote_apply, so when
// the primary names a synchronous standby (synchronous_standby_names) a COMMIT returns only
// once the standby has the transaction on disk and visible: an event reported durable is on
// both machines. Without a synchronous standby the same COMMIT is durable on the primary alone.
//
// One writer per database: the store holds a session advisory lock while it is open. A failed
// write may still have committed (the connection dropped during COMMIT, or the wait for the
// standby was cancelled and PostgreSQL warned that the transaction committed locally only); so
// after any failure the next write first deletes the rows at and after its first seq, which no
// one was ever told were durable, reconnecting first when the connection is gone.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "storage/log_store.hpp"

namespace plenum::server::storage {

namespace pq {
class connection;
}  // namespace pq

/// How to reach the database.
struct postgres_store_options {
  /// A libpq connection string, e.g. "host=127.0.0.1 port=5433 dbname=plenum user=plenum".
  std::string conninfo;
  /// The writer session's synchronous_commit: "remote_apply" (the standby has the event on
  /// disk and shows it to its readers) or "on" (on the standby's disk).
  std::string synchronous_commit = "remote_apply";
  /// How long to wait for the one-writer lock while another session holds it: a writer that
  /// just disconnected (a plenumd that stopped, `plenumd promote` handing the log to the
  /// standby's plenumd, this store's own dropped connection) keeps it until its server process
  /// has ended, a moment later.
  std::chrono::milliseconds lock_wait{2000};
};

/// Calls `row` for each event of the log in `db` from seq `from` on, in seq order (the query
/// the store and the standby's reader share).
[[nodiscard]] storage_result<void> read_postgres_events(
    pq::connection& db, std::uint64_t from,
    const std::function<storage_result<void>(const event_row&)>& row);

class postgres_log_store final : public log_store {
 public:
  /// Connects, refuses a database in recovery (a standby: it is read-only until promoted),
  /// takes the one-writer lock and sets the session's synchronous_commit.
  /// Errors: errc::storage_failure (cannot connect; a standby; another writer holds the log),
  /// with PostgreSQL's message and SQLSTATE.
  [[nodiscard]] static storage_result<std::unique_ptr<postgres_log_store>> connect(
      const postgres_store_options& options);

  ~postgres_log_store() override;

  [[nodiscard]] const std::string& name() const override { return name_; }
  [[nodiscard]] storage_result<void> prepare(const crypto::public_key& key) override;
  [[nodiscard]] storage_result<std::optional<std::vector<std::uint8_t>>> congress_public_key()
      override;
  [[nodiscard]] storage_result<void> read_events(
      const std::function<storage_result<void>(const event_row&)>& row) override;
  [[nodiscard]] storage_result<private_detail_map> read_private_details() override;
  [[nodiscard]] storage_result<void> write(std::span<const event_write> batch) override;
  /// In table `receipts (seq, signature)`, for `plenumd export` on the standby after takeover.
  [[nodiscard]] bool keeps_receipts() const override { return true; }

  /// The server process of the writer's connection (for monitoring, and for tests that cut it).
  [[nodiscard]] int backend_pid() const;

  /// Use connect().
  postgres_log_store(postgres_store_options options, std::unique_ptr<pq::connection> db);

 private:
  /// Refuses a standby, takes the writer lock, sets synchronous_commit. After every connect.
  [[nodiscard]] storage_result<void> start_session();
  [[nodiscard]] storage_result<void> write_transaction(std::span<const event_write> batch);

  postgres_store_options options_;
  std::unique_ptr<pq::connection> db_;
  std::string name_;
  /// A write failed; the next one first deletes what that one may have left.
  bool unsure_ = false;
};

}  // namespace plenum::server::storage
