#include "storage/postgres_log_store.hpp"

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

#include "storage/pq.hpp"

namespace plenum::server::storage {

namespace {

constexpr std::string_view schema_version = "1";

constexpr std::string_view schema_sql = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  seq BIGINT PRIMARY KEY,
  prev_hash BYTEA NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  entry_hash BYTEA NOT NULL,
  signature BYTEA NOT NULL,
  stored_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS private_details (
  digest TEXT PRIMARY KEY,
  salt TEXT NOT NULL,
  details TEXT NOT NULL,
  seq BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS receipts (
  seq BIGINT PRIMARY KEY,
  signature BYTEA NOT NULL
);
)sql";

// The advisory lock key of the one writer: "plenum" in ASCII.
constexpr std::int64_t writer_lock = 0x706c656e756d;

// Rows per INSERT statement (PostgreSQL takes at most 65535 parameters).
constexpr std::size_t rows_per_insert = 1000;

storage_error failure(std::string message) {
  return make_storage_error(errc::storage_failure, std::move(message));
}

crypto::byte_span as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace

storage_result<std::unique_ptr<postgres_log_store>> postgres_log_store::connect(
    const postgres_store_options& options) {
  auto opened = pq::connection::open(options.conninfo);
  if (!opened) return opened.error();
  auto store = std::make_unique<postgres_log_store>(
      options, std::make_unique<pq::connection>(std::move(*opened)));
  if (auto started = store->start_session(); !started) return started.error();
  return store;
}

postgres_log_store::postgres_log_store(postgres_store_options options,
                                       std::unique_ptr<pq::connection> db)
    : options_(std::move(options)), db_(std::move(db)), name_(db_->address()) {}

postgres_log_store::~postgres_log_store() = default;

int postgres_log_store::backend_pid() const { return db_->backend_pid(); }

storage_result<void> postgres_log_store::start_session() {
  auto recovery = db_->exec("SELECT pg_is_in_recovery()");
  if (!recovery) return recovery.error();
  if (recovery->text(0, 0) == "t") {
    return failure(name_ +
                   " is a standby (in recovery, read-only); it takes the log only once promoted");
  }
  pq::params lock;
  lock.add(writer_lock);
  const auto give_up = std::chrono::steady_clock::now() + options_.lock_wait;
  for (;;) {
    auto locked = db_->exec("SELECT pg_try_advisory_lock($1::bigint)", lock);
    if (!locked) return locked.error();
    if (locked->text(0, 0) == "t") break;
    if (std::chrono::steady_clock::now() >= give_up) {
      return failure(name_ + ": another plenumd is writing this event log");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  pq::params level;
  level.add_text(options_.synchronous_commit);
  if (auto set = db_->exec("SELECT set_config('synchronous_commit', $1, false)", level); !set) {
    return set.error();
  }
  return {};
}

storage_result<void> postgres_log_store::prepare(const crypto::public_key& key) {
  auto wrap = [&](const storage_error& e) {
    return storage_error{e.code, name_ + ": " + e.message};
  };
  if (auto begun = db_->exec("BEGIN"); !begun) return wrap(begun.error());
  auto rollback = [&](const storage_error& e) {
    (void)db_->exec("ROLLBACK");
    return wrap(e);
  };
  if (auto created = db_->run(schema_sql); !created) return rollback(created.error());
  auto version = db_->exec("SELECT value FROM meta WHERE key = 'schema_version'", {}, true);
  if (!version) return rollback(version.error());
  if (version->rows() == 1) {
    const auto found = version->bytes(0, 0);
    if (std::string_view(reinterpret_cast<const char*>(found.data()), found.size()) !=
        schema_version) {
      return rollback(failure("unknown event log schema version"));
    }
  } else {
    auto any = db_->exec("SELECT count(*) FROM events");
    if (!any) return rollback(any.error());
    if (any->text(0, 0) != "0") {
      return rollback(failure("the database holds events but no event log schema version"));
    }
    pq::params meta;
    meta.add_bytes(as_bytes(schema_version));
    meta.add_bytes(key.bytes());
    if (auto inserted = db_->exec("INSERT INTO meta (key, value) VALUES ('schema_version', $1), "
                                  "('congress_public_key', $2)",
                                  meta);
        !inserted) {
      return rollback(inserted.error());
    }
  }
  if (auto committed = db_->exec("COMMIT"); !committed) return wrap(committed.error());
  return {};
}

storage_result<std::optional<std::vector<std::uint8_t>>> postgres_log_store::congress_public_key() {
  auto select = db_->exec("SELECT value FROM meta WHERE key = 'congress_public_key'", {}, true);
  if (!select) return select.error();
  if (select->rows() == 0) return std::optional<std::vector<std::uint8_t>>{};
  const auto stored = select->bytes(0, 0);
  return std::optional<std::vector<std::uint8_t>>{std::in_place, stored.begin(), stored.end()};
}

storage_result<void> postgres_log_store::read_events(
    const std::function<storage_result<void>(const event_row&)>& row) {
  return read_postgres_events(*db_, 0, row);
}

storage_result<void> read_postgres_events(
    pq::connection& db, std::uint64_t from,
    const std::function<storage_result<void>(const event_row&)>& row) {
  pq::params p;
  p.add(static_cast<std::int64_t>(from));
  return db.each_row(
      "SELECT seq, prev_hash, type, payload, entry_hash, signature, stored_at "
      "FROM events WHERE seq >= $1::bigint ORDER BY seq",
      p, [&](const pq::result& r) -> storage_result<void> {
        event_row e;
        e.seq = r.int64(0, 0);
        e.prev_hash = r.bytes(0, 1);
        e.type = r.text(0, 2);
        e.payload = r.text(0, 3);
        e.entry_hash = r.bytes(0, 4);
        e.signature = r.bytes(0, 5);
        e.stored_at_unix_ms = r.int64(0, 6);
        return row(e);
      });
}

storage_result<private_detail_map> postgres_log_store::read_private_details() {
  private_detail_map out;
  auto read =
      db_->each_row("SELECT digest, salt, details FROM private_details", {},
                    [&](const pq::result& r) -> storage_result<void> {
                      private_detail_row d{std::string(r.text(0, 0)), std::string(r.text(0, 1)),
                                           std::string(r.text(0, 2))};
                      out.emplace(d.digest, std::move(d));
                      return {};
                    });
  if (!read) return read.error();
  return out;
}

storage_result<void> postgres_log_store::write(std::span<const event_write> batch) {
  if (batch.empty()) return {};
  if (!db_->ok()) {
    unsure_ = true;
    if (auto again = db_->reset(); !again) return again.error();
    if (auto started = start_session(); !started) return started.error();
  }
  (void)db_->take_warnings();
  auto written = write_transaction(batch);
  if (written) {
    // A WARNING during COMMIT (the wait for the synchronous standby was cancelled) means the
    // transaction committed here but perhaps not on the standby: not durable as promised.
    const auto warnings = db_->take_warnings();
    if (!warnings.empty()) written = failure("COMMIT: " + warnings.front());
  }
  if (!written) {
    unsure_ = true;
    if (db_->ok()) (void)db_->exec("ROLLBACK");
    return written.error();
  }
  unsure_ = false;
  return {};
}

storage_result<void> postgres_log_store::write_transaction(std::span<const event_write> batch) {
  if (auto begun = db_->exec("BEGIN"); !begun) return begun.error();
  const auto first = static_cast<std::int64_t>(batch.front().event->seq);
  if (unsure_) {
    pq::params from;
    from.add(first);
    if (auto d = db_->exec("DELETE FROM private_details WHERE seq >= $1::bigint", from); !d) {
      return d.error();
    }
    if (auto d = db_->exec("DELETE FROM receipts WHERE seq >= $1::bigint", from); !d) {
      return d.error();
    }
    if (auto d = db_->exec("DELETE FROM events WHERE seq >= $1::bigint", from); !d) {
      return d.error();
    }
  }
  for (std::size_t start = 0; start < batch.size(); start += rows_per_insert) {
    const std::size_t end = std::min(batch.size(), start + rows_per_insert);
    std::string sql =
        "INSERT INTO events (seq, prev_hash, type, payload, entry_hash, signature, stored_at) "
        "VALUES ";
    pq::params p;
    for (std::size_t i = start; i < end; ++i) {
      const stored_event& e = *batch[i].event;
      const std::size_t n = p.size();
      if (i != start) sql += ", ";
      sql += "($" + std::to_string(n + 1) + "::bigint, $" + std::to_string(n + 2) + ", $" +
             std::to_string(n + 3) + ", $" + std::to_string(n + 4) + ", $" + std::to_string(n + 5) +
             ", $" + std::to_string(n + 6) + ", $" + std::to_string(n + 7) + "::bigint)";
      p.add(static_cast<std::int64_t>(e.seq));
      p.add_bytes(e.prev_hash);
      p.add_text(e.type);
      p.add_text(e.payload);
      p.add_bytes(e.entry_hash);
      p.add_bytes(e.signature.bytes());
      p.add(e.stored_at_unix_ms);
    }
    if (auto inserted = db_->exec(sql, p); !inserted) return inserted.error();
  }
  // The events' private details, in the same transaction: durable with them or not at all.
  std::vector<std::pair<const private_detail_row*, std::int64_t>> details;
  for (const event_write& w : batch) {
    for (const private_detail_row& row : *w.private_details) {
      details.emplace_back(&row, static_cast<std::int64_t>(w.event->seq));
    }
  }
  for (std::size_t start = 0; start < details.size(); start += rows_per_insert) {
    const std::size_t end = std::min(details.size(), start + rows_per_insert);
    std::string sql = "INSERT INTO private_details (digest, salt, details, seq) VALUES ";
    pq::params p;
    for (std::size_t i = start; i < end; ++i) {
      const std::size_t n = p.size();
      if (i != start) sql += ", ";
      sql += "($" + std::to_string(n + 1) + ", $" + std::to_string(n + 2) + ", $" +
             std::to_string(n + 3) + ", $" + std::to_string(n + 4) + "::bigint)";
      p.add_text(details[i].first->digest);
      p.add_text(details[i].first->salt);
      p.add_text(details[i].first->details);
      p.add(details[i].second);
    }
    sql += " ON CONFLICT (digest) DO NOTHING";
    if (auto inserted = db_->exec(sql, p); !inserted) return inserted.error();
  }
  // The ballots' receipt signatures, in the same transaction.
  std::vector<const event_write*> receipts;
  for (const event_write& w : batch)
    if (w.receipt != nullptr) receipts.push_back(&w);
  for (std::size_t start = 0; start < receipts.size(); start += rows_per_insert) {
    const std::size_t end = std::min(receipts.size(), start + rows_per_insert);
    std::string sql = "INSERT INTO receipts (seq, signature) VALUES ";
    pq::params p;
    for (std::size_t i = start; i < end; ++i) {
      const std::size_t n = p.size();
      if (i != start) sql += ", ";
      sql += "($" + std::to_string(n + 1) + "::bigint, $" + std::to_string(n + 2) + ")";
      p.add(static_cast<std::int64_t>(receipts[i]->event->seq));
      p.add_bytes(receipts[i]->receipt->bytes());
    }
    if (auto inserted = db_->exec(sql, p); !inserted) return inserted.error();
  }
  if (auto committed = db_->exec("COMMIT"); !committed) return committed.error();
  return {};
}

}  // namespace plenum::server::storage
