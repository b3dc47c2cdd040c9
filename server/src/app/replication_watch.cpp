#include "app/replication_watch.hpp"

#include <chrono>
#include <optional>

#include "common/log.hpp"
#include "storage/pq.hpp"

namespace plenum::server::app {

replication_watch::replication_watch(std::string conninfo, std::string what,
                                     std::function<void(const primary_replication&)> on_read,
                                     bool unreachable_is_warning)
    : conninfo_(with_connect_timeout(conninfo)),
      what_(std::move(what)),
      on_read_(std::move(on_read)),
      unreachable_is_warning_(unreachable_is_warning) {
  thread_ = std::thread([this] { run(); });
}

replication_watch::~replication_watch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_changed_.notify_all();
  thread_.join();
}

void replication_watch::run() {
  std::optional<storage::pq::connection> db;
  bool unreachable_noted = false;
  for (;;) {
    std::string failure;
    if (!db || !db->ok()) {
      db.reset();
      auto opened = storage::pq::connection::open(conninfo_);
      if (opened)
        db.emplace(std::move(*opened));
      else
        failure = opened.error().message;
    }
    if (db) {
      auto read = read_primary_replication(*db);
      if (read) {
        if (unreachable_noted) log::info(what_ + " answers again");
        unreachable_noted = false;
        on_read_(*read);
      } else {
        failure = read.error().message;
        db.reset();
      }
    }
    if (!failure.empty() && !unreachable_noted) {
      unreachable_noted = true;
      log::write(unreachable_is_warning_ ? log::level::warn : log::level::info,
                 what_ + " does not answer", {{"error", failure}});
    }
    std::unique_lock lock(mutex_);
    if (stop_changed_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; })) return;
  }
}

void hall_sync_reporter::operator()(const primary_replication& r) {
  const std::string state = hall_standby_state(r);
  if (state == last_) return;
  if (state == "in_sync") {
    log::info("the standby is in sync");
  } else if (state == "standalone") {
    log::warn("the hall runs without a standby: synchronous_standby_names is empty");
  } else {
    log::warn(
        "the standby left sync: every reply waits for it (bring it back, or run plenumd "
        "standalone when it is gone for good)",
        {{"was", last_.empty() ? std::string("unknown") : last_}});
  }
  last_ = state;
  on_change_(state);
}

}  // namespace plenum::server::app
