#include "app/standalone_command.hpp"

#include <iostream>

#include "app/synchronous_standby.hpp"
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
  auto has_log = db->exec("SELECT to_regclass('events') IS NOT NULL");
  if (!has_log) return fail(has_log.error().message);
  std::string from_seq = "0";
  if (has_log->text(0, 0) == "t") {
    // A commit waiting for the standby is not visible yet: the head is the first seq that
    // becomes durable on this machine alone.
    auto head = db->exec("SELECT coalesce(max(seq) + 1, 0) FROM events");
    if (!head) return fail(head.error().message);
    from_seq = head->text(0, 0);
  }
  if (auto alone = stop_waiting_for_a_standby(*db, conninfo); !alone) {
    return fail("cannot stop waiting for the standby: " + alone.error().message +
                " (the --event-store user must be allowed ALTER SYSTEM).");
  }
  log::warn("from seq " + from_seq + " the hall runs without a standby",
            {{"event_store", db->address()}, {"from_seq", from_seq}});
  std::cout << "from seq " << from_seq
            << " the hall runs without a standby: commits no longer wait for one\n";
  return 0;
}

}  // namespace plenum::server::app
