// A thin RAII layer over the SQLite C API for the storage layer alone: a connection, a prepared
// statement and a transaction that rolls back unless committed. Every failure becomes a
// storage_error (errc::storage_failure) whose message keeps the context, SQLite's own message
// and its extended result code.
//
// Thread safety: none of these objects may be used from two threads at once; a connection and
// its statements may move between threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "plenum/crypto/bytes.hpp"
#include "storage/storage_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace plenum::server::storage::sql {

class statement;

/// An open database connection (extended result codes on). Move-only; closes on destruction.
class connection {
 public:
  /// Opens `path` for reading and writing, creating the file if absent, and sets the busy
  /// timeout (how long a statement waits for another connection's lock before failing).
  [[nodiscard]] static storage_result<connection> open(const std::filesystem::path& path,
                                                       std::chrono::milliseconds busy_timeout);

  /// Runs SQL that returns no rows (one or several statements).
  [[nodiscard]] storage_result<void> exec(std::string_view sql);

  /// Prepares one statement. The statement must not outlive this connection.
  [[nodiscard]] storage_result<statement> prepare(std::string_view sql);

  /// The error SQLite reports for the last failed call on this connection, prefixed by
  /// `context` (e.g. "COMMIT"): "COMMIT: disk I/O error (SQLITE_IOERR_FSYNC, extended code 1034)".
  [[nodiscard]] storage_error last_error(std::string_view context) const;

 private:
  struct closer {
    void operator()(sqlite3* db) const noexcept;
  };
  explicit connection(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, closer> db_;
};

/// A prepared statement. Parameters are numbered from 1, result columns from 0, as in SQLite.
/// Move-only; finalized on destruction.
class statement {
 public:
  [[nodiscard]] storage_result<void> bind(int index, std::int64_t value);
  /// Binds a copy of `value` (SQLITE_TRANSIENT), so the caller's buffer may go away.
  [[nodiscard]] storage_result<void> bind(int index, crypto::byte_span value);
  [[nodiscard]] storage_result<void> bind_text(int index, std::string_view value);

  /// Advances: true when a row is available, false when the statement is done.
  [[nodiscard]] storage_result<bool> step();

  /// Resets the statement and clears its bindings so it can run again.
  void reset() noexcept;

  /// Accessors for the current row; the views stay valid until the next step() or reset().
  [[nodiscard]] std::int64_t column_int(int column) const;
  [[nodiscard]] crypto::byte_span column_blob(int column) const;
  [[nodiscard]] std::string_view column_text(int column) const;

 private:
  friend class connection;
  struct finalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept;
  };
  statement(const connection* owner, sqlite3_stmt* stmt) : owner_(owner), stmt_(stmt) {}
  storage_result<void> check(int rc, std::string_view context) const;

  const connection* owner_;  // not owned
  std::unique_ptr<sqlite3_stmt, finalizer> stmt_;
};

/// BEGIN IMMEDIATE … COMMIT. Rolls back on destruction unless commit() succeeded. Holds a
/// reference to the connection, which must outlive it.
class transaction {
 public:
  /// Starts a write transaction (takes the write lock now, waiting up to the busy timeout).
  [[nodiscard]] static storage_result<transaction> begin(connection& db);

  transaction(transaction&& other) noexcept;
  transaction& operator=(transaction&&) = delete;
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  ~transaction();

  /// Commits; with synchronous=FULL the transaction is on disk when this returns success.
  /// After a failure the destructor rolls back whatever SQLite left open.
  [[nodiscard]] storage_result<void> commit();

 private:
  explicit transaction(connection& db) : db_(&db) {}
  connection* db_;  // not owned; null once committed or moved from
};

}  // namespace plenum::server::storage::sql
