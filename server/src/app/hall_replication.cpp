#include "app/hall_replication.hpp"

#include "storage/pq.hpp"

namespace plenum::server::app {

storage::storage_result<primary_replication> read_primary_replication(storage::pq::connection& db) {
  auto recovery =
      db.exec("SELECT pg_is_in_recovery(), current_setting('synchronous_standby_names')");
  if (!recovery) return recovery.error();
  if (recovery->text(0, 0) == "t") {
    return storage::make_storage_error(errc::storage_failure,
                                       "the primary's PostgreSQL is itself a standby");
  }
  primary_replication out;
  out.synchronous_standby_names = std::string(recovery->text(0, 1));
  auto rows = db.exec(
      "SELECT coalesce(application_name, ''), coalesce(state, ''), coalesce(sync_state, '') "
      "FROM pg_stat_replication");
  if (!rows) return rows.error();
  for (int i = 0; i < rows->rows(); ++i) {
    out.standbys.push_back({std::string(rows->text(i, 0)), std::string(rows->text(i, 1)),
                            std::string(rows->text(i, 2))});
  }
  return out;
}

std::string hall_standby_state(const primary_replication& r) {
  if (r.synchronous_standby_names.empty()) return "standalone";
  for (const auto& s : r.standbys)
    if (s.state == "streaming" && s.sync_state == "sync") return "in_sync";
  return "not_in_sync";
}

bool named_in_sync(const primary_replication& r, std::string_view standby_name) {
  if (r.synchronous_standby_names.empty()) return false;
  for (const auto& s : r.standbys)
    if (s.name == standby_name && s.state == "streaming" && s.sync_state == "sync") return true;
  return false;
}

std::string with_connect_timeout(const std::string& conninfo) {
  if (conninfo.starts_with("postgres://") || conninfo.starts_with("postgresql://")) return conninfo;
  if (conninfo.find("connect_timeout") != std::string::npos) return conninfo;
  return conninfo + " connect_timeout=2";
}

}  // namespace plenum::server::app
