#include "storage/event_log.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "plenum/crypto/board.hpp"
#include "storage/sqlite.hpp"

namespace plenum::server::storage {

namespace {

constexpr std::int64_t schema_version = 1;

constexpr std::string_view schema_sql = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL
) STRICT;
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  prev_hash BLOB NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  entry_hash BLOB NOT NULL,
  signature BLOB NOT NULL,
  stored_at INTEGER NOT NULL
) STRICT;
PRAGMA user_version = 1;
)sql";

// Private details beside the chain (RECORD.md "Private details"); added to logs made before it.
constexpr std::string_view private_details_sql = R"sql(
CREATE TABLE IF NOT EXISTS private_details (
  digest TEXT PRIMARY KEY,
  salt TEXT NOT NULL,
  details TEXT NOT NULL
) STRICT;
)sql";

constexpr std::string_view public_key_meta = "congress_public_key";

void default_log(std::string_view line) {
  std::fprintf(stderr, "plenumd storage: %.*s\n", static_cast<int>(line.size()), line.data());
}

storage_error broken(const std::filesystem::path& path, std::string what) {
  return make_storage_error(errc::broken_chain, "event log " + path.string() + ": " + what);
}

template <std::size_t N>
bool copy_exact(crypto::byte_span from, crypto::byte_array<N>& to) {
  if (from.size() != N) return false;
  std::copy(from.begin(), from.end(), to.begin());
  return true;
}

// Sets WAL mode, synchronous=FULL and foreign keys on; creates the schema of a new file.
storage_result<void> prepare_database(sql::connection& db, const crypto::public_key& key) {
  {
    auto wal = db.prepare("PRAGMA journal_mode = WAL");
    if (!wal) return wal.error();
    auto row = wal->step();
    if (!row) return row.error();
    if (!*row || wal->column_text(0) != "wal") {
      return make_storage_error(errc::storage_failure, "the database refused WAL journal mode");
    }
  }
  if (auto done = db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"); !done) {
    return done.error();
  }

  auto tx = sql::transaction::begin(db);
  if (!tx) return tx.error();
  auto version = db.prepare("PRAGMA user_version");
  if (!version) return version.error();
  auto version_row = version->step();
  if (!version_row) return version_row.error();
  const std::int64_t found = *version_row ? version->column_int(0) : 0;
  if (found == schema_version) {
    if (auto created = db.exec(private_details_sql); !created) return created.error();
    return tx->commit();
  }
  if (found != 0) {
    return make_storage_error(errc::storage_failure,
                              "unknown event log schema version " + std::to_string(found));
  }
  if (auto created = db.exec(schema_sql); !created) return created.error();
  if (auto created = db.exec(private_details_sql); !created) return created.error();
  auto insert = db.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
  if (!insert) return insert.error();
  if (auto b = insert->bind_text(1, public_key_meta); !b) return b.error();
  if (auto b = insert->bind(2, key.bytes()); !b) return b.error();
  if (auto s = insert->step(); !s) return s.error();
  return tx->commit();
}

storage_result<void> check_congress_key(sql::connection& db, const std::filesystem::path& path,
                                        const crypto::public_key& key) {
  auto select = db.prepare("SELECT value FROM meta WHERE key = ?1");
  if (!select) return select.error();
  if (auto b = select->bind_text(1, public_key_meta); !b) return b.error();
  auto row = select->step();
  if (!row) return row.error();
  if (!*row) return broken(path, "the congress public key is missing");
  const crypto::byte_span stored = select->column_blob(0);
  if (stored.size() != key.bytes().size() || !crypto::equal_constant_time(stored, key.bytes())) {
    return broken(path, "it was signed by congress key " + crypto::to_hex(stored) +
                            ", not by the key given (" + key.hex() + ")");
  }
  return {};
}

// Reads every event in seq order and checks the chain; the first problem is reported.
storage_result<std::vector<stored_event>> load_and_verify(sql::connection& db,
                                                          const std::filesystem::path& path,
                                                          const crypto::public_key& key) {
  auto select = db.prepare(
      "SELECT seq, prev_hash, type, payload, entry_hash, signature, stored_at "
      "FROM events ORDER BY seq");
  if (!select) return select.error();
  std::vector<stored_event> events;
  crypto::digest32 previous = crypto::genesis_hash;
  for (;;) {
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) break;
    const auto expected = static_cast<std::int64_t>(events.size());
    const std::int64_t seq = select->column_int(0);
    const std::string at = "seq " + std::to_string(expected) + ": ";
    if (seq != expected) {
      if (seq > expected) {
        return broken(path, at + "event is missing (the next stored event has seq " +
                                std::to_string(seq) + ")");
      }
      return broken(path, at + "expected here, found seq " + std::to_string(seq));
    }
    stored_event e;
    e.seq = static_cast<std::uint64_t>(seq);
    if (!copy_exact(select->column_blob(1), e.prev_hash)) {
      return broken(path, at + "prev_hash is not 32 bytes");
    }
    e.type = select->column_text(2);
    e.payload = select->column_text(3);
    if (!copy_exact(select->column_blob(4), e.entry_hash)) {
      return broken(path, at + "entry_hash is not 32 bytes");
    }
    auto sig = crypto::signature::from_bytes(select->column_blob(5));
    if (!sig) return broken(path, at + "signature is not 64 bytes");
    e.signature = *sig;
    e.stored_at_unix_ms = select->column_int(6);

    if (e.prev_hash != previous) {
      return broken(path, at + "prev_hash does not match the entry_hash of the event before");
    }
    if (crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload) != e.entry_hash) {
      return broken(path, at + "entry_hash does not match the event's contents");
    }
    if (!key.verify(e.entry_hash, e.signature)) {
      return broken(path, at + "the server signature does not verify");
    }
    previous = e.entry_hash;
    events.push_back(std::move(e));
  }
  return events;
}

storage_result<std::map<std::string, private_detail_row, std::less<>>> load_private_details(
    sql::connection& db) {
  auto select = db.prepare("SELECT digest, salt, details FROM private_details");
  if (!select) return select.error();
  std::map<std::string, private_detail_row, std::less<>> out;
  for (;;) {
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) break;
    private_detail_row r{std::string(select->column_text(0)), std::string(select->column_text(1)),
                         std::string(select->column_text(2))};
    out.emplace(r.digest, std::move(r));
  }
  return out;
}

}  // namespace

storage_result<std::unique_ptr<event_log>> event_log::open(const std::filesystem::path& path,
                                                           const crypto::secret_key& congress_key,
                                                           event_log_options options) {
  if (!options.log_error) options.log_error = default_log;
  if (options.max_batch == 0) options.max_batch = 1;
  const crypto::public_key public_key = congress_key.public_part();

  auto fail = [&](storage_error e) -> storage_result<std::unique_ptr<event_log>> {
    options.log_error(e.message);
    return e;
  };

  auto opened = sql::connection::open(path, options.busy_timeout);
  if (!opened) return fail(opened.error());
  auto db = std::make_unique<sql::connection>(std::move(*opened));
  if (auto ready = prepare_database(*db, public_key); !ready) {
    return fail(storage_error{ready.error().code, path.string() + ": " + ready.error().message});
  }
  if (auto same_key = check_congress_key(*db, path, public_key); !same_key) {
    return fail(same_key.error());
  }
  auto events = load_and_verify(*db, path, public_key);
  if (!events) return fail(events.error());
  auto insert = db->prepare(
      "INSERT INTO events (seq, prev_hash, type, payload, entry_hash, signature, stored_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!insert) return fail(insert.error());
  auto insert_details = db->prepare(
      "INSERT OR IGNORE INTO private_details (digest, salt, details) VALUES (?1, ?2, ?3)");
  if (!insert_details) return fail(insert_details.error());
  auto details = load_private_details(*db);
  if (!details) return fail(details.error());
  return std::make_unique<event_log>(
      private_tag{}, std::move(db), std::make_unique<sql::statement>(std::move(*insert)),
      std::make_unique<sql::statement>(std::move(*insert_details)), congress_key,
      std::move(options), std::move(*events), std::move(*details));
}

event_log::event_log(private_tag, std::unique_ptr<sql::connection> db,
                     std::unique_ptr<sql::statement> insert,
                     std::unique_ptr<sql::statement> insert_details,
                     const crypto::secret_key& congress_key, event_log_options options,
                     std::vector<stored_event> events,
                     std::map<std::string, private_detail_row, std::less<>> details)
    : db_(std::move(db)),
      insert_(std::move(insert)),
      insert_details_(std::move(insert_details)),
      key_(congress_key),
      public_key_(congress_key.public_part()),
      options_(std::move(options)),
      events_(std::move(events)),
      details_(std::move(details)) {
  head_.length = events_.size();
  head_.hash = events_.empty() ? crypto::genesis_hash : events_.back().entry_hash;
  writer_ = std::thread([this] { writer_loop(); });
}

event_log::~event_log() {
  {
    std::lock_guard lock(queue_mutex_);
    stop_ = true;
  }
  queue_ready_.notify_all();
  writer_.join();
}

std::int64_t event_log::now_unix_ms() const {
  if (options_.clock) return options_.clock();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool event_log::pausing() const { return failed_ && std::chrono::steady_clock::now() < retry_at_; }

result<appended_event> event_log::append(std::string type, std::string payload,
                                         durable_handler on_durable) {
  std::vector<event_draft> one;
  one.push_back({std::move(type), std::move(payload), std::move(on_durable)});
  std::lock_guard chain_lock(append_mutex_);
  auto placed = append_locked(one);
  if (!placed) return placed.error();
  return placed->front();
}

result<std::vector<appended_event>> event_log::append_group(std::uint64_t expected_seq,
                                                            std::vector<event_draft> drafts) {
  if (drafts.empty()) return errc::invalid_field;
  std::lock_guard chain_lock(append_mutex_);
  if (head_.length != expected_seq) return errc::storage_unavailable;
  return append_locked(drafts);
}

result<std::vector<appended_event>> event_log::append_locked(std::vector<event_draft>& drafts) {
  {
    std::lock_guard queue_lock(queue_mutex_);
    if (pausing()) return errc::storage_unavailable;
  }

  std::vector<pending> group;
  std::vector<appended_event> placed;
  group.reserve(drafts.size());
  placed.reserve(drafts.size());
  chain_head head = head_;
  const std::int64_t stored_at = now_unix_ms();
  for (event_draft& d : drafts) {
    stored_event e;
    e.seq = head.length;
    e.prev_hash = head.hash;
    e.type = std::move(d.type);
    e.payload = std::move(d.payload);
    e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
    e.signature = key_.sign(e.entry_hash);
    e.stored_at_unix_ms = stored_at;
    placed.push_back({e.seq, e.entry_hash, e.signature, e.stored_at_unix_ms});
    head = {e.seq + 1, e.entry_hash};
    group.push_back({std::move(e), std::move(d.on_durable), std::move(d.private_details), false});
  }
  group.back().ends_group = true;

  for (const pending& p : group) {
    events_.push_back(p.event);
    for (const auto& row : p.private_details) details_.insert_or_assign(row.digest, row);
  }
  {
    std::lock_guard queue_lock(queue_mutex_);
    for (pending& p : group) queue_.push_back(std::move(p));
    queued_ += group.size();
  }
  queue_ready_.notify_one();
  head_ = head;
  return placed;
}

boost::system::error_code event_log::flush() {
  std::unique_lock lock(queue_mutex_);
  const std::uint64_t target = queued_;
  // After a failure the writer still runs every failed handler (with the error), so this
  // also returns once the handlers of the failed events have run.
  progress_.wait(lock, [&] { return handled_ >= target; });
  if (failed_events_ != flushed_failed_) {
    flushed_failed_ = failed_events_;
    return errc::storage_unavailable;
  }
  return {};
}

std::vector<stored_event> event_log::snapshot(std::uint64_t from) const {
  std::lock_guard lock(append_mutex_);
  if (from >= events_.size()) return {};
  return {events_.begin() + static_cast<std::ptrdiff_t>(from), events_.end()};
}

std::vector<stored_event> event_log::select(
    std::uint64_t from, std::uint64_t to, std::uint64_t limit,
    const std::function<bool(const stored_event&)>& keep) const {
  std::vector<stored_event> out;
  std::lock_guard lock(append_mutex_);
  const std::uint64_t end = std::min<std::uint64_t>(to, events_.size());
  for (std::uint64_t seq = from; seq < end && out.size() < limit; ++seq) {
    const auto& e = events_[seq];
    if (!keep || keep(e)) out.push_back(e);
  }
  return out;
}

std::optional<private_detail_row> event_log::private_details(std::string_view digest_hex) const {
  std::lock_guard lock(append_mutex_);
  auto it = details_.find(digest_hex);
  if (it == details_.end()) return std::nullopt;
  return it->second;
}

chain_head event_log::head() const {
  std::lock_guard lock(append_mutex_);
  return head_;
}

bool event_log::failed() const {
  std::lock_guard lock(queue_mutex_);
  return failed_;
}

std::uint64_t event_log::faults() const {
  std::lock_guard lock(queue_mutex_);
  return stats_.failed_commits;
}

writer_stats event_log::stats() const {
  std::lock_guard lock(queue_mutex_);
  return stats_;
}

storage_result<void> event_log::write_batch(const std::vector<pending>& batch) {
  auto tx = sql::transaction::begin(*db_);
  if (!tx) return tx.error();
  for (const pending& p : batch) {
    const stored_event& e = p.event;
    insert_->reset();
    if (auto b = insert_->bind(1, static_cast<std::int64_t>(e.seq)); !b) return b.error();
    if (auto b = insert_->bind(2, e.prev_hash); !b) return b.error();
    if (auto b = insert_->bind_text(3, e.type); !b) return b.error();
    if (auto b = insert_->bind_text(4, e.payload); !b) return b.error();
    if (auto b = insert_->bind(5, e.entry_hash); !b) return b.error();
    if (auto b = insert_->bind(6, e.signature.bytes()); !b) return b.error();
    if (auto b = insert_->bind(7, e.stored_at_unix_ms); !b) return b.error();
    if (auto s = insert_->step(); !s) {
      insert_->reset();
      return s.error();
    }
    // The event's private details, in the same transaction: durable with it or not at all.
    for (const auto& row : p.private_details) {
      insert_details_->reset();
      if (auto b = insert_details_->bind_text(1, row.digest); !b) return b.error();
      if (auto b = insert_details_->bind_text(2, row.salt); !b) return b.error();
      if (auto b = insert_details_->bind_text(3, row.details); !b) return b.error();
      if (auto s = insert_details_->step(); !s) {
        insert_details_->reset();
        return s.error();
      }
    }
  }
  insert_->reset();
  insert_details_->reset();
  return tx->commit();
}

std::vector<event_log::pending> event_log::fail_from(std::vector<pending> batch,
                                                     const storage_error& why) {
  std::lock_guard chain_lock(append_mutex_);
  std::lock_guard queue_lock(queue_mutex_);
  for (pending& p : queue_) batch.push_back(std::move(p));
  queue_.clear();
  const std::uint64_t first = batch.front().event.seq;
  const std::uint64_t last = batch.back().event.seq;
  events_.resize(first);
  head_ = {first, events_.empty() ? crypto::genesis_hash : events_.back().entry_hash};
  for (const pending& p : batch)
    for (const auto& row : p.private_details) details_.erase(row.digest);

  failed_ = true;
  ++failures_in_a_row_;
  ++stats_.failed_commits;
  failed_events_ += batch.size();
  auto pause = options_.retry_pause;
  for (unsigned i = 1; i < failures_in_a_row_ && pause < options_.retry_pause_max; ++i) pause *= 2;
  pause = std::min(pause, options_.retry_pause_max);
  retry_at_ = std::chrono::steady_clock::now() + pause;
  options_.log_error("writing events " + std::to_string(first) + ".." + std::to_string(last) +
                     " failed; they are refused, the log goes back to " + std::to_string(first) +
                     " events and tries again in " + std::to_string(pause.count()) +
                     " ms: " + why.message);
  return batch;
}

void event_log::writer_loop() {
  std::unique_lock lock(queue_mutex_);
  for (;;) {
    queue_ready_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stop_ and nothing left to write

    // Up to max_batch events, but never part of a group.
    std::vector<pending> batch;
    while (!queue_.empty() && (batch.size() < options_.max_batch || !batch.back().ends_group)) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    lock.unlock();

    auto written = write_batch(batch);
    const boost::system::error_code outcome =
        written ? boost::system::error_code{} : make_error_code(errc::storage_unavailable);
    if (!written) batch = fail_from(std::move(batch), written.error());
    for (pending& p : batch) {
      if (p.on_durable) p.on_durable(outcome);
    }

    lock.lock();
    if (!outcome) {
      ++stats_.commits;
      stats_.events += batch.size();
      stats_.largest_batch = std::max<std::uint64_t>(stats_.largest_batch, batch.size());
      failed_ = false;
      failures_in_a_row_ = 0;
    }
    handled_ += batch.size();
    progress_.notify_all();
  }
}

}  // namespace plenum::server::storage
