#include "storage/postgres_log_reader.hpp"

#include "storage/postgres_log_store.hpp"
#include "storage/pq.hpp"

namespace plenum::server::storage {

storage_result<verified_log> read_postgres_log(const std::string& conninfo) {
  auto db = pq::connection::open(conninfo);
  if (!db) return db.error();
  const std::string name = db->address();
  auto tables =
      db->exec("SELECT to_regclass('meta') IS NOT NULL AND to_regclass('events') IS NOT NULL");
  if (!tables) return tables.error();
  if (tables->text(0, 0) != "t") {
    return make_storage_error(errc::storage_failure, name + " holds no event log");
  }
  auto stored = db->exec("SELECT value FROM meta WHERE key = 'congress_public_key'", {}, true);
  if (!stored) return stored.error();
  if (stored->rows() != 1) return broken_log(name, "the congress public key is missing");
  auto key = crypto::public_key::from_bytes(stored->bytes(0, 0));
  if (!key) return broken_log(name, "the congress public key is not 32 bytes");
  chain_verifier chain(name, *key);
  auto read = read_postgres_events(*db, 0, [&](const event_row& row) { return chain.add(row); });
  if (!read) return read.error();
  std::map<std::uint64_t, crypto::signature> receipts;
  auto has_receipts = db->exec("SELECT to_regclass('receipts') IS NOT NULL");
  if (!has_receipts) return has_receipts.error();
  if (has_receipts->text(0, 0) == "t") {
    auto kept = db->each_row("SELECT seq, signature FROM receipts", {},
                             [&](const pq::result& r) -> storage_result<void> {
                               auto sig = crypto::signature::from_bytes(r.bytes(0, 1));
                               if (!sig) return broken_log(name, "a receipt is not 64 bytes");
                               receipts.emplace(static_cast<std::uint64_t>(r.int64(0, 0)), *sig);
                               return {};
                             });
    if (!kept) return kept.error();
  }
  return verified_log{name, *key, chain.signers(), chain.take(), std::move(receipts)};
}

}  // namespace plenum::server::storage
