// standby_follower: the standby machine's plenumd between start and takeover (plenumd --standby,
// server/STANDBY.md). On a thread of its own it follows the replicated log (postgres_standby_log::
// catch_up every 200 ms), keeps the standby's identity up to date (congress, keys), watches its
// sync once a second (its own server's replication, and the primary's word over
// --primary-event-store on a replication_watch), writes standby-sync.json, warns when the stream
// is lost, and, once its PostgreSQL has left recovery and the log holds a server_handover, asks
// for the takeover until it succeeds.
#pragma once

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/replication_watch.hpp"
#include "app/standby_responder.hpp"
#include "app/standby_sync_file.hpp"
#include "storage/postgres_standby_log.hpp"

namespace plenum::server::app {

/// The replicated log as the standby opened it, and who it is.
struct opened_standby {
  std::unique_ptr<storage::postgres_standby_log> log;
  /// The standby server's cluster_name: its name in the primary's pg_stat_replication.
  std::string name;
  standby_identity identity;
};

/// Opens the replicated log at `conninfo` (the standby's own PostgreSQL, in recovery) under the
/// congress key the log records. Errors: as postgres_standby_log::open, and
/// errc::storage_failure when the log records no congress key yet.
[[nodiscard]] storage::storage_result<opened_standby> open_standby(const std::string& conninfo);

/// Who the log says it is: the congress of event 0, `congress_pk`, and the signer of new entries
/// (the standby key of its server_handover, if any).
[[nodiscard]] standby_identity identity_of(const std::vector<storage::stored_event>& events,
                                           const crypto::public_key& congress_pk);

/// Thread safety: constructed and destroyed on one thread; the callbacks run on its own.
class standby_follower {
 public:
  struct config {
    /// --event-store: the standby's own PostgreSQL, opened again when its connection is lost.
    std::string event_store;
    /// --primary-event-store; none: the primary is never seen.
    std::optional<std::string> primary_event_store;
    /// <data-dir>/standby-sync.json.
    std::filesystem::path sync_file;
  };
  /// The log moved to another signer (a handover): the new identity.
  using identity_handler = std::function<void(const standby_identity&)>;
  /// The standby's server left recovery and the log holds a handover certifying `standby_pk`:
  /// take over. Returns true once the hall serves (following ends), false to be asked again a
  /// second later.
  using takeover_handler = std::function<bool(const crypto::public_key& standby_pk)>;

  standby_follower(config cfg, opened_standby standby, identity_handler on_identity,
                   takeover_handler on_takeover);
  /// Stops following and joins the thread.
  ~standby_follower();
  standby_follower(const standby_follower&) = delete;
  standby_follower& operator=(const standby_follower&) = delete;

  /// Whether the takeover succeeded.
  [[nodiscard]] bool taken_over() const { return taken_over_.load(); }

 private:
  void run();
  /// Once a second: the standby's replication, standby-sync.json, the stream warning, and the
  /// takeover when due.
  void observe();

  config config_;
  opened_standby standby_;
  identity_handler on_identity_;
  takeover_handler on_takeover_;
  std::atomic<bool> taken_over_{false};

  // The primary's last word (from the watch's thread).
  std::mutex primary_mutex_;
  std::optional<std::uint64_t> primary_seen_ms_;
  bool primary_named_sync_ = false;
  std::unique_ptr<replication_watch> primary_watch_;

  // Follower thread only.
  bool streaming_ = false;
  bool read_failing_ = false;

  std::mutex mutex_;
  std::condition_variable stop_changed_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace plenum::server::app
