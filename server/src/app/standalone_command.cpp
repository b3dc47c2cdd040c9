#include "app/standalone_command.hpp"

#include <chrono>
#include <iostream>
#include <thread>

#include "common/log.hpp"
#include "storage/pq.hpp"

namespace plenum::server::app {

namespace {

namespace pq = server::storage::pq;

int fail(const std::string& why) {
  std::cerr << "standalone refused: " << why << "\n";
  return 1;
}

}  // namespace

int run_standalone_command(const std::vector<std::string>& args) {
  std::string conninfo;
  if (args.size() == 2 && args[0] == "--event-store") conninfo = args[1];
  if (conninfo.empty()) {
    std::cerr << "usage: plenumd standalone --event-store CONNINFO\n";
    return 2;
  }
  auto db = pq::connection::open(conninfo);
  if (!db) return fail("cannot reach the primary's PostgreSQL: " + db.error().message);
  auto recovery = db->exec("SELECT pg_is_in_recovery()");
  if (!recovery) return fail(recovery.error().message);
  if (recovery->text(0, 0) == "t") {
    return fail(db->address() +
                " is a standby (in recovery): run standalone on the primary machine, whose "
                "commits wait for the standby. Nothing was changed.");
  }
  auto head = db->exec(
      "SELECT CASE WHEN to_regclass('events') IS NULL THEN 0 "
      "ELSE (SELECT coalesce(max(seq) + 1, 0) FROM events) END");
  if (!head) return fail(head.error().message);
  const std::string from_seq(head->text(0, 0));
  if (auto cleared =
          db->run("ALTER SYSTEM SET synchronous_standby_names = ''; SELECT pg_reload_conf()");
      !cleared) {
    return fail("cannot clear synchronous_standby_names: " + cleared.error().message +
                " (the --event-store user must be allowed ALTER SYSTEM). Nothing was changed.");
  }
  // The reload reaches the server processes shortly after; a new session shows when it has.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    auto fresh = pq::connection::open(conninfo);
    auto names = fresh ? fresh->exec("SHOW synchronous_standby_names") : fresh.error();
    if (names && names->text(0, 0).empty()) break;
    if (std::chrono::steady_clock::now() > deadline) {
      std::cerr << "standalone failed: synchronous_standby_names is still set after the reload; "
                   "see the PostgreSQL log\n";
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  log::warn("from seq " + from_seq + " the hall runs without a standby",
            {{"event_store", db->address()}, {"from_seq", from_seq}});
  std::cout << "from seq " << from_seq
            << " the hall runs without a standby: commits no longer wait for one\n";
  return 0;
}

}  // namespace plenum::server::app
