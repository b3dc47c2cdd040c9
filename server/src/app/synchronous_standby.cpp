#include "app/synchronous_standby.hpp"

#include <chrono>
#include <thread>

namespace plenum::server::app {

storage::storage_result<void> stop_waiting_for_a_standby(storage::pq::connection& db,
                                                         const std::string& conninfo) {
  // ALTER SYSTEM may not run in a transaction block: one statement at a time.
  if (auto set = db.run("ALTER SYSTEM SET synchronous_standby_names = ''"); !set) {
    return set.error();
  }
  if (auto reloaded = db.run("SELECT pg_reload_conf()"); !reloaded) return reloaded.error();
  // The server processes reread the configuration shortly after the signal.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    auto fresh = storage::pq::connection::open(conninfo);
    if (fresh) {
      auto names = fresh->exec("SHOW synchronous_standby_names");
      if (names && names->text(0, 0).empty()) return {};
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return storage::make_storage_error(
          errc::storage_failure,
          "synchronous_standby_names is still set 5 s after the configuration was reloaded");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace plenum::server::app
