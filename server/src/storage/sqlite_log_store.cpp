#include "storage/sqlite_log_store.hpp"

#include "storage/sqlite.hpp"

namespace plenum::server::storage {

namespace {

constexpr std::int64_t schema_version = 1;

constexpr std::string_view schema_sql = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL
) STRICT;
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  prev_hash BLOB NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  entry_hash BLOB NOT NULL,
  signature BLOB NOT NULL,
  stored_at INTEGER NOT NULL
) STRICT;
PRAGMA user_version = 1;
)sql";

// Private details beside the chain (RECORD.md "Private details"); added to logs made before it.
constexpr std::string_view private_details_sql = R"sql(
CREATE TABLE IF NOT EXISTS private_details (
  digest TEXT PRIMARY KEY,
  salt TEXT NOT NULL,
  details TEXT NOT NULL
) STRICT;
)sql";

constexpr std::string_view public_key_meta = "congress_public_key";

// Sets WAL mode, synchronous=FULL and foreign keys on; creates the schema of a new file.
storage_result<void> prepare_database(sql::connection& db, const crypto::public_key& key) {
  {
    auto wal = db.prepare("PRAGMA journal_mode = WAL");
    if (!wal) return wal.error();
    auto row = wal->step();
    if (!row) return row.error();
    if (!*row || wal->column_text(0) != "wal") {
      return make_storage_error(errc::storage_failure, "the database refused WAL journal mode");
    }
  }
  if (auto done = db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"); !done) {
    return done.error();
  }

  auto tx = sql::transaction::begin(db);
  if (!tx) return tx.error();
  auto version = db.prepare("PRAGMA user_version");
  if (!version) return version.error();
  auto version_row = version->step();
  if (!version_row) return version_row.error();
  const std::int64_t found = *version_row ? version->column_int(0) : 0;
  if (found == schema_version) {
    if (auto created = db.exec(private_details_sql); !created) return created.error();
    return tx->commit();
  }
  if (found != 0) {
    return make_storage_error(errc::storage_failure,
                              "unknown event log schema version " + std::to_string(found));
  }
  if (auto created = db.exec(schema_sql); !created) return created.error();
  if (auto created = db.exec(private_details_sql); !created) return created.error();
  auto insert = db.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
  if (!insert) return insert.error();
  if (auto b = insert->bind_text(1, public_key_meta); !b) return b.error();
  if (auto b = insert->bind(2, key.bytes()); !b) return b.error();
  if (auto s = insert->step(); !s) return s.error();
  return tx->commit();
}

}  // namespace

storage_result<std::unique_ptr<sqlite_log_store>> sqlite_log_store::open(
    const std::filesystem::path& path, std::chrono::milliseconds busy_timeout) {
  auto opened = sql::connection::open(path, busy_timeout);
  if (!opened) return opened.error();
  return std::make_unique<sqlite_log_store>(path.string(),
                                            std::make_unique<sql::connection>(std::move(*opened)));
}

sqlite_log_store::sqlite_log_store(std::string name, std::unique_ptr<sql::connection> db)
    : name_(std::move(name)), db_(std::move(db)) {}

sqlite_log_store::~sqlite_log_store() {
  insert_details_.reset();
  insert_.reset();
}

storage_result<void> sqlite_log_store::prepare(const crypto::public_key& key) {
  if (auto ready = prepare_database(*db_, key); !ready) {
    return storage_error{ready.error().code, name_ + ": " + ready.error().message};
  }
  auto insert = db_->prepare(
      "INSERT INTO events (seq, prev_hash, type, payload, entry_hash, signature, stored_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!insert) return insert.error();
  auto insert_details = db_->prepare(
      "INSERT OR IGNORE INTO private_details (digest, salt, details) VALUES (?1, ?2, ?3)");
  if (!insert_details) return insert_details.error();
  insert_ = std::make_unique<sql::statement>(std::move(*insert));
  insert_details_ = std::make_unique<sql::statement>(std::move(*insert_details));
  return {};
}

storage_result<std::optional<std::vector<std::uint8_t>>> sqlite_log_store::congress_public_key() {
  auto select = db_->prepare("SELECT value FROM meta WHERE key = ?1");
  if (!select) return select.error();
  if (auto b = select->bind_text(1, public_key_meta); !b) return b.error();
  auto row = select->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::vector<std::uint8_t>>{};
  const crypto::byte_span stored = select->column_blob(0);
  return std::optional<std::vector<std::uint8_t>>{std::in_place, stored.begin(), stored.end()};
}

storage_result<void> sqlite_log_store::read_events(
    const std::function<storage_result<void>(const event_row&)>& row) {
  auto select = db_->prepare(
      "SELECT seq, prev_hash, type, payload, entry_hash, signature, stored_at "
      "FROM events ORDER BY seq");
  if (!select) return select.error();
  for (;;) {
    auto stepped = select->step();
    if (!stepped) return stepped.error();
    if (!*stepped) return {};
    event_row r;
    r.seq = select->column_int(0);
    r.prev_hash = select->column_blob(1);
    r.type = select->column_text(2);
    r.payload = select->column_text(3);
    r.entry_hash = select->column_blob(4);
    r.signature = select->column_blob(5);
    r.stored_at_unix_ms = select->column_int(6);
    if (auto taken = row(r); !taken) return taken.error();
  }
}

storage_result<private_detail_map> sqlite_log_store::read_private_details() {
  auto select = db_->prepare("SELECT digest, salt, details FROM private_details");
  if (!select) return select.error();
  private_detail_map out;
  for (;;) {
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) break;
    private_detail_row r{std::string(select->column_text(0)), std::string(select->column_text(1)),
                         std::string(select->column_text(2))};
    out.emplace(r.digest, std::move(r));
  }
  return out;
}

storage_result<void> sqlite_log_store::write(std::span<const event_write> batch) {
  auto tx = sql::transaction::begin(*db_);
  if (!tx) return tx.error();
  for (const event_write& w : batch) {
    const stored_event& e = *w.event;
    insert_->reset();
    if (auto b = insert_->bind(1, static_cast<std::int64_t>(e.seq)); !b) return b.error();
    if (auto b = insert_->bind(2, e.prev_hash); !b) return b.error();
    if (auto b = insert_->bind_text(3, e.type); !b) return b.error();
    if (auto b = insert_->bind_text(4, e.payload); !b) return b.error();
    if (auto b = insert_->bind(5, e.entry_hash); !b) return b.error();
    if (auto b = insert_->bind(6, e.signature.bytes()); !b) return b.error();
    if (auto b = insert_->bind(7, e.stored_at_unix_ms); !b) return b.error();
    if (auto s = insert_->step(); !s) {
      insert_->reset();
      return s.error();
    }
    // The event's private details, in the same transaction: durable with it or not at all.
    for (const auto& row : *w.private_details) {
      insert_details_->reset();
      if (auto b = insert_details_->bind_text(1, row.digest); !b) return b.error();
      if (auto b = insert_details_->bind_text(2, row.salt); !b) return b.error();
      if (auto b = insert_details_->bind_text(3, row.details); !b) return b.error();
      if (auto s = insert_details_->step(); !s) {
        insert_details_->reset();
        return s.error();
      }
    }
  }
  insert_->reset();
  insert_details_->reset();
  return tx->commit();
}

}  // namespace plenum::server::storage
