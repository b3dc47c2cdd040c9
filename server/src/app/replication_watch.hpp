// replication_watch: asks a PostgreSQL primary every second what it says of its standbys
// (hall_replication.hpp), on a thread of its own, so that neither the command path nor the
// standby's log reader ever waits for it (a machine that is off may take the connect timeout).
// The primary's plenumd turns each reading into the hall's sync state (hall_sync_reporter);
// the standby's records when it last saw the primary name it in sync (standby-sync.json).
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "app/hall_replication.hpp"

namespace plenum::server::app {

/// Thread safety: constructed and destroyed on one thread; the callbacks run on the watch's own.
class replication_watch {
 public:
  /// Starts watching the primary at `conninfo` (with_connect_timeout added): `on_read` gets
  /// every reading, once a second while the primary answers. `what` names the primary in the
  /// server log, where a primary that stops answering is noted once (at `warn` when
  /// `unreachable_is_warning`, else at `info`) until it answers again.
  replication_watch(std::string conninfo, std::string what,
                    std::function<void(const primary_replication&)> on_read,
                    bool unreachable_is_warning);
  /// Stops the thread and joins it.
  ~replication_watch();
  replication_watch(const replication_watch&) = delete;
  replication_watch& operator=(const replication_watch&) = delete;

 private:
  void run();

  std::string conninfo_;
  std::string what_;
  std::function<void(const primary_replication&)> on_read_;
  bool unreachable_is_warning_;
  std::mutex mutex_;
  std::condition_variable stop_changed_;
  bool stopping_ = false;
  std::thread thread_;
};

/// The primary's part: turns readings into the hall's `standby` state, calls `on_change` with
/// each new one ("in_sync", "not_in_sync", "standalone"), and warns in the server log when the
/// standby leaves sync or the hall runs without one. Not thread-safe: one watch calls it.
class hall_sync_reporter {
 public:
  explicit hall_sync_reporter(std::function<void(const std::string&)> on_change)
      : on_change_(std::move(on_change)) {}
  void operator()(const primary_replication& r);

 private:
  std::function<void(const std::string&)> on_change_;
  std::string last_;
};

}  // namespace plenum::server::app
