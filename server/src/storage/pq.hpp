// A thin RAII layer over libpq for the PostgreSQL store alone: a connection and its results.
// Every failure becomes a storage_error (errc::storage_failure) whose message keeps the context,
// PostgreSQL's message and its SQLSTATE.
//
// Thread safety: a connection and its results may not be used from two threads at once; they
// may move between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "storage/storage_error.hpp"

struct pg_conn;
struct pg_result;

namespace plenum::server::storage::pq {

/// The parameters of one statement: text or binary values, all sent as given.
class params {
 public:
  /// A decimal integer (text format).
  void add(std::int64_t value);
  /// UTF-8 text (text format).
  void add_text(std::string_view value);
  /// bytea (binary format).
  void add_bytes(crypto::byte_span value);
  [[nodiscard]] std::size_t size() const { return values_.size(); }

 private:
  friend class connection;
  std::vector<std::string> values_;
  std::vector<int> binary_;
};

/// The outcome of a statement that succeeded; cells are read in binary format when the
/// statement asked for it. Move-only.
class result {
 public:
  [[nodiscard]] int rows() const;
  [[nodiscard]] bool is_null(int row, int column) const;
  /// A binary int8 cell.
  [[nodiscard]] std::int64_t int64(int row, int column) const;
  /// A cell's bytes (bytea or text in binary format); valid while this result lives.
  [[nodiscard]] crypto::byte_span bytes(int row, int column) const;
  [[nodiscard]] std::string_view text(int row, int column) const;

 private:
  friend class connection;
  struct clearer {
    void operator()(pg_result* r) const noexcept;
  };
  explicit result(pg_result* r) : result_(r) {}
  std::unique_ptr<pg_result, clearer> result_;
};

/// An open connection. Move-only; closes on destruction.
class connection {
 public:
  /// Connects with the libpq connection string `conninfo` ("host=… port=… dbname=…").
  [[nodiscard]] static storage_result<connection> open(const std::string& conninfo);

  /// Runs `sql` with `p` ($1, $2, …); results come in binary format when `binary_results`.
  [[nodiscard]] storage_result<result> exec(std::string_view sql, const params& p = {},
                                            bool binary_results = false);

  /// Runs `sql`, one or several statements without parameters (the simple query protocol).
  [[nodiscard]] storage_result<void> run(std::string_view sql);

  /// Runs `sql` with `p` and calls `row` with each row as it arrives (single-row mode, binary
  /// format), so that a large table is never held whole. Stops at `row`'s first error.
  template <typename F>
  [[nodiscard]] storage_result<void> each_row(std::string_view sql, const params& p, F&& row);

  /// Whether the connection is still up.
  [[nodiscard]] bool ok() const;
  /// Drops the connection and connects again with the same parameters.
  [[nodiscard]] storage_result<void> reset();
  /// The server process serving this connection.
  [[nodiscard]] int backend_pid() const;
  /// "postgresql://host:port/dbname" (no user, no password).
  [[nodiscard]] std::string address() const;
  /// The WARNING notices received since the last call, then forgets them.
  [[nodiscard]] std::vector<std::string> take_warnings();

 private:
  struct finisher {
    void operator()(pg_conn* c) const noexcept;
  };
  struct notices {
    std::vector<std::string> warnings;
  };
  connection(pg_conn* c, std::unique_ptr<notices> n);
  storage_error error(std::string_view context, const pg_result* r) const;
  storage_result<void> start_rows(std::string_view sql, const params& p);
  storage_result<result> next_row(bool& done);

  std::unique_ptr<notices> notices_;  // the notice receiver's target; outlives conn_
  std::unique_ptr<pg_conn, finisher> conn_;
};

template <typename F>
storage_result<void> connection::each_row(std::string_view sql, const params& p, F&& row) {
  if (auto started = start_rows(sql, p); !started) return started.error();
  bool done = false;
  storage_result<void> outcome;
  for (;;) {
    auto r = next_row(done);
    if (done) return outcome;
    if (!r) {
      if (outcome) outcome = r.error();
      continue;  // drain the rest so that the connection can run the next statement
    }
    if (outcome && r->rows() == 1) {
      if (auto taken = row(*r); !taken) outcome = taken.error();
    }
  }
}

}  // namespace plenum::server::storage::pq
