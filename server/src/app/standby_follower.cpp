#include "app/standby_follower.hpp"

#include <boost/json/parse.hpp>
#include <chrono>

#include "app/now_ms.hpp"
#include "common/log.hpp"
#include "storage/pq.hpp"

namespace plenum::server::app {

namespace {

// The payload's string member `key`, or "".
std::string string_member(const std::string& payload, std::string_view key) {
  boost::system::error_code ec;
  const auto v = boost::json::parse(payload, ec);
  const auto* o = ec ? nullptr : v.if_object();
  const auto* m = o != nullptr ? o->if_contains(key) : nullptr;
  return m != nullptr && m->is_string() ? std::string(m->as_string()) : std::string();
}

}  // namespace

storage::storage_result<opened_standby> open_standby(const std::string& conninfo) {
  auto db = storage::pq::connection::open(conninfo);
  if (!db) return db.error();
  auto name = db->exec("SELECT current_setting('cluster_name')");
  if (!name) return name.error();
  std::string standby_name(name->text(0, 0));
  auto tables = db->exec("SELECT to_regclass('meta') IS NOT NULL");
  if (!tables) return tables.error();
  if (tables->text(0, 0) != "t")
    return storage::make_storage_error(
        errc::storage_failure, db->address() + " holds no event log yet (start the primary first)");
  auto key = db->exec("SELECT value FROM meta WHERE key = 'congress_public_key'", {}, true);
  if (!key) return key.error();
  std::optional<crypto::public_key> congress_pk;
  if (key->rows() == 1) congress_pk = crypto::public_key::from_bytes(key->bytes(0, 0));
  if (!congress_pk)
    return storage::make_storage_error(errc::storage_failure,
                                       db->address() + " records no congress key yet");
  auto log = storage::postgres_standby_log::open(conninfo, *congress_pk);
  if (!log) return log.error();
  auto identity = identity_of((*log)->events(), *congress_pk);
  return opened_standby{std::move(*log), std::move(standby_name), std::move(identity)};
}

standby_identity identity_of(const std::vector<storage::stored_event>& events,
                             const crypto::public_key& congress_pk) {
  standby_identity id{"", congress_pk, congress_pk};
  if (!events.empty()) id.congress_id = string_member(events.front().payload, "congress_id");
  for (const auto& e : events) {
    if (e.type != "server_handover") continue;
    if (auto key = crypto::public_key::from_hex(string_member(e.payload, "standby_pk")))
      id.signing_pk = *key;
  }
  return id;
}

standby_follower::standby_follower(config cfg, opened_standby standby, identity_handler on_identity,
                                   takeover_handler on_takeover)
    : config_(std::move(cfg)),
      standby_(std::move(standby)),
      on_identity_(std::move(on_identity)),
      on_takeover_(std::move(on_takeover)) {
  if (config_.primary_event_store) {
    primary_watch_ = std::make_unique<replication_watch>(
        *config_.primary_event_store, "the primary's PostgreSQL",
        [this](const primary_replication& r) {
          const bool in_sync = named_in_sync(r, standby_.name);
          std::lock_guard lock(primary_mutex_);
          primary_seen_ms_ = now_ms();
          primary_named_sync_ = in_sync;
        },
        false);
  }
  thread_ = std::thread([this] { run(); });
}

standby_follower::~standby_follower() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_changed_.notify_all();
  thread_.join();
  primary_watch_.reset();
}

void standby_follower::run() {
  using clock = std::chrono::steady_clock;
  auto next_observation = clock::now();
  for (;;) {
    auto added = standby_.log->catch_up();
    if (!added) {
      if (!read_failing_)
        log::error("cannot read the replicated log", {{"error", added.error().message}});
      read_failing_ = true;
      // A restarted server: read the log afresh over a new connection.
      if (auto again = open_standby(config_.event_store)) {
        standby_ = std::move(*again);
        on_identity_(standby_.identity);
        added = std::size_t{0};
      }
    }
    if (added) {
      if (read_failing_) log::info("reading the replicated log again");
      read_failing_ = false;
      if (*added > 0) {
        const auto& events = standby_.log->events();
        bool handover = false;
        for (auto i = events.size() - *added; i < events.size(); ++i)
          handover = handover || events[i].type == "server_handover";
        if (handover) {
          standby_.identity = identity_of(events, standby_.identity.congress_pk);
          log::info("the replicated log holds a server handover",
                    {{"signing_pk", standby_.identity.signing_pk.hex()}});
          on_identity_(standby_.identity);
        }
      }
    }
    if (clock::now() >= next_observation) {
      next_observation = clock::now() + std::chrono::seconds(1);
      observe();
      if (taken_over_.load()) return;
    }
    std::unique_lock lock(mutex_);
    if (stop_changed_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stopping_; }))
      return;
  }
}

void standby_follower::observe() {
  standby_sync s;
  s.observed_unix_ms = now_ms();
  s.head_seq = standby_.log->head().length == 0 ? 0 : standby_.log->head().length - 1;
  {
    std::lock_guard lock(primary_mutex_);
    s.primary_last_seen_unix_ms = primary_seen_ms_;
    s.named_sync_when_last_seen = primary_named_sync_;
  }
  auto r = standby_.log->replication();
  bool in_recovery = true;
  if (r) {
    s.streaming = r->streaming;
    s.replayed_all = r->replayed_all;
    in_recovery = r->in_recovery;
    if (streaming_ && !r->streaming && r->in_recovery)
      log::warn("the standby lost the primary's stream",
                {{"received", r->receive_lsn}, {"replayed", r->replay_lsn}});
    if (!streaming_ && r->streaming) log::info("the standby streams from the primary");
    streaming_ = r->streaming;
  }
  try {
    write_standby_sync(config_.sync_file, s);
  } catch (const std::exception& e) {
    log::error("cannot write the standby's sync file", {{"error", e.what()}});
  }
  if (!r || in_recovery) return;
  if (standby_.identity.signing_pk == standby_.identity.congress_pk) return;  // no handover yet
  if (on_takeover_(standby_.identity.signing_pk)) taken_over_.store(true);
}

}  // namespace plenum::server::app
