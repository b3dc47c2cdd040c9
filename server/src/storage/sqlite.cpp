#include "storage/sqlite.hpp"

#include <sqlite3.h>

#include <limits>
#include <utility>

namespace plenum::server::storage::sql {

namespace {

std::string describe(sqlite3* db, int rc, std::string_view context) {
  std::string out(context);
  out += ": ";
  out += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  out += " (extended code ";
  out += std::to_string(extended);
  out += ')';
  return out;
}

}  // namespace

void connection::closer::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }

storage_result<connection> connection::open(const std::filesystem::path& path,
                                            std::chrono::milliseconds busy_timeout) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  // sqlite3_open_v2 hands out a handle even on failure (it carries the message); the
  // connection owns and closes it either way.
  connection db(raw);
  if (rc != SQLITE_OK) {
    return make_storage_error(errc::storage_failure, describe(raw, rc, "opening " + path.string()));
  }
  sqlite3_extended_result_codes(raw, 1);
  const auto ms = busy_timeout.count();
  sqlite3_busy_timeout(raw, ms > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max()
                                                                 : static_cast<int>(ms));
  return db;
}

storage_result<void> connection::exec(std::string_view sql) {
  const std::string text(sql);
  if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return last_error(text);
  }
  return {};
}

storage_result<statement> connection::prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  statement stmt(this, raw);
  if (rc != SQLITE_OK) return last_error("preparing " + std::string(sql));
  return stmt;
}

storage_error connection::last_error(std::string_view context) const {
  return make_storage_error(errc::storage_failure,
                            describe(db_.get(), sqlite3_errcode(db_.get()), context));
}

void statement::finalizer::operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }

storage_result<void> statement::check(int rc, std::string_view context) const {
  if (rc == SQLITE_OK) return {};
  std::string what(context);
  what += " in ";
  what += sqlite3_sql(stmt_.get());
  return owner_->last_error(what);
}

storage_result<void> statement::bind(int index, std::int64_t value) {
  return check(sqlite3_bind_int64(stmt_.get(), index, value), "binding an integer");
}

storage_result<void> statement::bind(int index, crypto::byte_span value) {
  return check(
      sqlite3_bind_blob64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT),
      "binding a blob");
}

storage_result<void> statement::bind_text(int index, std::string_view value) {
  return check(sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8),
               "binding text");
}

storage_result<bool> statement::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  auto failure = check(rc, "stepping");
  return failure.error();
}

void statement::reset() noexcept {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::int64_t statement::column_int(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

crypto::byte_span statement::column_blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_.get(), column);
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column));
  if (data == nullptr) return {};
  return {static_cast<const std::uint8_t*>(data), size};
}

std::string_view statement::column_text(int column) const {
  const unsigned char* data = sqlite3_column_text(stmt_.get(), column);
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column));
  if (data == nullptr) return {};
  return {reinterpret_cast<const char*>(data), size};
}

storage_result<transaction> transaction::begin(connection& db) {
  auto started = db.exec("BEGIN IMMEDIATE");
  if (!started) return started.error();
  return transaction(db);
}

transaction::transaction(transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

transaction::~transaction() {
  if (db_ != nullptr) {
    // Fails harmlessly when SQLite already rolled back after an error.
    (void)db_->exec("ROLLBACK");
  }
}

storage_result<void> transaction::commit() {
  auto done = db_->exec("COMMIT");
  if (done) db_ = nullptr;
  return done;
}

}  // namespace plenum::server::storage::sql
