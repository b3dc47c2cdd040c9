#include "storage/postgres_standby_log.hpp"

#include "storage/chain_check.hpp"
#include "storage/postgres_log_store.hpp"
#include "storage/pq.hpp"

namespace plenum::server::storage {

namespace {

// Connects to a standby holding an event log and reads the congress key it records.
struct standby_connection {
  std::unique_ptr<pq::connection> db;
  std::string name;
  std::optional<std::vector<std::uint8_t>> stored_key;
};

storage_result<standby_connection> connect_standby(const std::string& conninfo) {
  auto opened = pq::connection::open(conninfo);
  if (!opened) return opened.error();
  auto db = std::make_unique<pq::connection>(std::move(*opened));
  std::string name = db->address();
  auto recovery = db->exec("SELECT pg_is_in_recovery()");
  if (!recovery) return recovery.error();
  if (recovery->text(0, 0) != "t") {
    return make_storage_error(errc::storage_failure,
                              name + " is not a standby (not in recovery): it is a primary");
  }
  auto tables =
      db->exec("SELECT to_regclass('meta') IS NOT NULL AND to_regclass('events') IS NOT NULL");
  if (!tables) return tables.error();
  if (tables->text(0, 0) != "t") {
    return make_storage_error(errc::storage_failure,
                              name + " holds no event log yet (the primary has not made it)");
  }
  auto stored = db->exec("SELECT value FROM meta WHERE key = 'congress_public_key'", {}, true);
  if (!stored) return stored.error();
  std::optional<std::vector<std::uint8_t>> stored_key;
  if (stored->rows() == 1) {
    const auto b = stored->bytes(0, 0);
    stored_key.emplace(b.begin(), b.end());
  }
  return standby_connection{std::move(db), std::move(name), std::move(stored_key)};
}

}  // namespace

storage_result<std::unique_ptr<postgres_standby_log>> postgres_standby_log::open(
    const std::string& conninfo, const crypto::public_key& congress_key) {
  auto c = connect_standby(conninfo);
  if (!c) return c.error();
  if (auto same = check_congress_key(c->name, c->stored_key, congress_key); !same) {
    return same.error();
  }
  auto log = std::make_unique<postgres_standby_log>(std::move(c->db), c->name, congress_key);
  if (auto read = log->catch_up(); !read) return read.error();
  return log;
}

storage_result<std::unique_ptr<postgres_standby_log>> postgres_standby_log::open(
    const std::string& conninfo) {
  auto c = connect_standby(conninfo);
  if (!c) return c.error();
  if (!c->stored_key) return broken_log(c->name, "the congress public key is missing");
  auto key = crypto::public_key::from_bytes(*c->stored_key);
  if (!key) return broken_log(c->name, "the congress public key is not 32 bytes");
  auto log = std::make_unique<postgres_standby_log>(std::move(c->db), c->name, *key);
  if (auto read = log->catch_up(); !read) return read.error();
  return log;
}

postgres_standby_log::postgres_standby_log(std::unique_ptr<pq::connection> db, std::string name,
                                           const crypto::public_key& congress_key)
    : db_(std::move(db)), name_(std::move(name)), key_(congress_key) {}

postgres_standby_log::~postgres_standby_log() = default;

storage_result<std::size_t> postgres_standby_log::catch_up() {
  chain_verifier chain(name_, key_, head_, signers_);
  auto read = read_postgres_events(*db_, head_.length,
                                   [&](const event_row& row) { return chain.add(row); });
  if (!read) return read.error();
  signers_ = chain.signers();
  std::vector<stored_event> added = chain.take();
  for (auto& e : added) {
    head_ = {e.seq + 1, e.entry_hash};
    events_.push_back(std::move(e));
  }
  return added.size();
}

storage_result<replication_state> postgres_standby_log::replication() {
  auto r = db_->exec(
      "SELECT pg_is_in_recovery(), "
      "EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming'), "
      "coalesce(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false), "
      "coalesce(pg_last_wal_receive_lsn()::text, ''), "
      "coalesce(pg_last_wal_replay_lsn()::text, ''), "
      "pg_is_in_recovery() AND pg_get_wal_replay_pause_state() <> 'not paused'");
  if (!r) return r.error();
  replication_state s;
  s.in_recovery = r->text(0, 0) == "t";
  s.streaming = r->text(0, 1) == "t";
  s.replayed_all = r->text(0, 2) == "t";
  s.receive_lsn = r->text(0, 3);
  s.replay_lsn = r->text(0, 4);
  s.replay_paused = r->text(0, 5) == "t";
  return s;
}

}  // namespace plenum::server::storage
