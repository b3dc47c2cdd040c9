#include "app/standby_takeover.hpp"

#include "storage/congress_key_store.hpp"
#include "storage/postgres_log_store.hpp"
#include "storage/pq.hpp"

namespace plenum::server::app {

namespace {

// <data_dir>/standby.key (`plenumd standby-key`).
storage::storage_result<crypto::secret_key> load_standby_key(
    const std::filesystem::path& data_dir) {
  return storage::congress_key_store(data_dir, storage::congress_key_store::standby_file_name)
      .load();
}

// The receipts the log in PostgreSQL keeps (by the ballot's seq), those of the ballots the
// congress key receipted among them.
storage::storage_result<std::map<std::uint64_t, crypto::signature>> kept_receipts(
    const std::string& event_store) {
  auto db = storage::pq::connection::open(event_store);
  if (!db) return db.error();
  std::map<std::uint64_t, crypto::signature> kept;
  auto has = db->exec("SELECT to_regclass('receipts') IS NOT NULL");
  if (!has) return has.error();
  if (has->text(0, 0) != "t") return kept;
  auto read = db->each_row("SELECT seq, signature FROM receipts", {},
                           [&](const storage::pq::result& r) -> storage::storage_result<void> {
                             if (auto sig = crypto::signature::from_bytes(r.bytes(0, 1)))
                               kept.emplace(static_cast<std::uint64_t>(r.int64(0, 0)), *sig);
                             return {};
                           });
  if (!read) return read.error();
  return kept;
}

}  // namespace

storage::storage_result<std::unique_ptr<service::hall_service>> open_taken_over_hall(
    service::hall_config config, const std::string& event_store,
    const crypto::public_key& handover_pk) {
  auto key = load_standby_key(config.data_dir);
  if (!key) return key.error();
  if (key->public_part() != handover_pk) {
    return storage::make_storage_error(errc::storage_failure,
                                       "this machine's standby.key (" + key->public_part().hex() +
                                           ") is not the key the log's handover certifies (" +
                                           handover_pk.hex() + ")");
  }
  auto kept = kept_receipts(event_store);
  if (!kept) return kept.error();
  config.kept_receipts = std::move(*kept);
  config.signing_key = [k = *key]() -> storage::storage_result<crypto::secret_key> { return k; };
  config.event_store =
      [event_store]() -> storage::storage_result<std::unique_ptr<storage::log_store>> {
    auto store = storage::postgres_log_store::connect({event_store});
    if (!store) return store.error();
    return std::unique_ptr<storage::log_store>(std::move(*store));
  };
  return service::hall_service::open(std::move(config));
}

bool store_is_primary(const std::string& event_store) {
  auto db = storage::pq::connection::open(event_store);
  if (!db) return false;
  auto recovery = db->exec("SELECT pg_is_in_recovery()");
  return recovery && recovery->text(0, 0) == "f";
}

std::optional<storage::storage_result<std::unique_ptr<service::hall_service>>>
open_hall_taken_over_before(const service::hall_config& config, const std::string& event_store) {
  if (std::filesystem::exists(config.data_dir / storage::congress_key_store::file_name) ||
      !std::filesystem::exists(config.data_dir / storage::congress_key_store::standby_file_name)) {
    return std::nullopt;
  }
  auto key = load_standby_key(config.data_dir);
  if (!key) return key.error();
  return open_taken_over_hall(config, event_store, key->public_part());
}

}  // namespace plenum::server::app
