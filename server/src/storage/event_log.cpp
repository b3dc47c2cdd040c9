#include "storage/event_log.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"
#include "storage/chain_check.hpp"
#include "storage/sqlite_log_store.hpp"

namespace plenum::server::storage {

namespace {

void default_log(std::string_view line) {
  std::fprintf(stderr, "plenumd storage: %.*s\n", static_cast<int>(line.size()), line.data());
}

}  // namespace

storage_result<std::unique_ptr<event_log>> event_log::open(const std::filesystem::path& path,
                                                           const crypto::secret_key& signing_key,
                                                           event_log_options options) {
  auto store = sqlite_log_store::open(path, options.busy_timeout);
  if (!store) {
    (options.log_error ? options.log_error : default_log)(store.error().message);
    return store.error();
  }
  return open(std::move(*store), signing_key, std::move(options));
}

namespace {

// A store read and verified to its end: the congress key it records, its events and who signs
// them, and its private details.
struct verified_store {
  crypto::public_key congress_pk;
  chain_signers signers;
  std::vector<stored_event> events;
  private_detail_map details;
};

// prepare(), congress_public_key(), read_events(), read_private_details(), in the order the
// log_store contract fixes. A new store records `given_pk` (the key the log is opened with) as
// the congress key.
storage_result<verified_store> read_verified(log_store& store, const crypto::public_key& given_pk) {
  if (auto ready = store.prepare(given_pk); !ready) return ready.error();
  auto stored_key = store.congress_public_key();
  if (!stored_key) return stored_key.error();
  if (!*stored_key) return broken_log(store.name(), "the congress public key is missing");
  auto congress_pk = crypto::public_key::from_bytes(**stored_key);
  if (!congress_pk) return broken_log(store.name(), "the congress public key is not 32 bytes");
  chain_verifier chain(store.name(), *congress_pk);
  if (auto read = store.read_events([&](const event_row& row) { return chain.add(row); }); !read) {
    if (*congress_pk == given_pk) return read.error();
    return storage_error{read.error().code, read.error().message +
                                                " (the log records congress key " +
                                                congress_pk->hex() + "; this machine's key is " +
                                                given_pk.hex() + ")"};
  }
  auto details = store.read_private_details();
  if (!details) return details.error();
  return verified_store{*congress_pk, chain.signers(), chain.take(), std::move(*details)};
}

// The key that signs the entry after `v`'s last.
const crypto::public_key& next_signer(const verified_store& v) {
  return v.signers.standby_key ? *v.signers.standby_key : v.congress_pk;
}

// Who signs the log from `seq` on, in words.
std::string who_signs(const verified_store& v) {
  if (!v.signers.standby_key) return "the congress key " + v.congress_pk.hex() + " signs it";
  return "standby key " + v.signers.standby_key->hex() +
         " signs it since the server_handover at seq " + std::to_string(v.signers.handover_seq);
}

}  // namespace

storage_result<std::unique_ptr<event_log>> event_log::open(std::unique_ptr<log_store> store,
                                                           const crypto::secret_key& signing_key,
                                                           event_log_options options) {
  if (!options.log_error) options.log_error = default_log;
  if (options.max_batch == 0) options.max_batch = 1;
  auto fail = [&](storage_error e) -> storage_result<std::unique_ptr<event_log>> {
    options.log_error(e.message);
    return e;
  };

  const crypto::public_key signing_pk = signing_key.public_part();
  auto verified = read_verified(*store, signing_pk);
  if (!verified) return fail(verified.error());
  if (next_signer(*verified) != signing_pk) {
    return fail(broken_log(store->name(), "this machine's key " + signing_pk.hex() +
                                              " does not sign this log from seq " +
                                              std::to_string(verified->events.size()) + ": " +
                                              who_signs(*verified)));
  }
  return std::make_unique<event_log>(private_tag{}, std::move(store), signing_key,
                                     verified->congress_pk, std::move(verified->signers),
                                     std::move(options), std::move(verified->events),
                                     std::move(verified->details));
}

storage_result<std::unique_ptr<event_log>> event_log::open_with_handover(
    std::unique_ptr<log_store> store, const crypto::secret_key& standby_key,
    const protocol::events::server_handover& handover, event_log_options options) {
  if (!options.log_error) options.log_error = default_log;
  if (options.max_batch == 0) options.max_batch = 1;
  auto fail = [&](storage_error e) -> storage_result<std::unique_ptr<event_log>> {
    options.log_error(e.message);
    return e;
  };

  const crypto::public_key standby_pk = standby_key.public_part();
  auto verified = read_verified(*store, standby_pk);
  if (!verified) return fail(verified.error());
  const std::string name = store->name();
  const std::uint64_t seq = verified->events.size();
  const std::string at = "seq " + std::to_string(seq) + ": ";
  if (verified->signers.standby_key) {
    return fail(broken_log(name, at + "the log already holds a server_handover, at seq " +
                                     std::to_string(verified->signers.handover_seq) + " (to " +
                                     verified->signers.standby_key->hex() + ")"));
  }
  if (handover.standby_pk != standby_pk) {
    return fail(broken_log(name, at + "the server_handover names standby key " +
                                     handover.standby_pk.hex() + ", not this machine's key " +
                                     standby_pk.hex()));
  }

  // The handover as it will be stored, checked by the chain's own rules first.
  stored_event e;
  e.seq = seq;
  e.prev_hash =
      verified->events.empty() ? crypto::genesis_hash : verified->events.back().entry_hash;
  e.type = std::string(protocol::events::server_handover::type);
  e.payload = protocol::encode_event_payload(handover);
  e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
  e.signature = standby_key.sign(e.entry_hash);
  chain_verifier chain(name, verified->congress_pk, chain_head{seq, e.prev_hash},
                       verified->signers);
  const event_row row{static_cast<std::int64_t>(e.seq),
                      e.prev_hash,
                      e.type,
                      e.payload,
                      e.entry_hash,
                      e.signature.bytes(),
                      0};
  if (auto checked = chain.add(row); !checked) return fail(checked.error());

  // Opened with the congress key's place in the chain taken by the handover's signer: the
  // handover is the first entry it signs, and the log refuses every append once it failed.
  auto log = std::make_unique<event_log>(private_tag{}, std::move(store), standby_key,
                                         verified->congress_pk, chain.signers(), std::move(options),
                                         std::move(verified->events), std::move(verified->details));
  auto placed = log->append(std::move(e.type), std::move(e.payload), {});
  if (!placed) {
    return fail(make_storage_error(errc::storage_unavailable,
                                   "event log " + name + ": the server_handover was refused"));
  }
  if (placed->seq != seq || placed->entry_hash != e.entry_hash) {
    return fail(broken_log(name, at + "the server_handover was placed elsewhere"));
  }
  if (auto flushed = log->flush()) {
    return fail(make_storage_error(errc::storage_unavailable,
                                   "event log " + name + ": " + at +
                                       "writing the server_handover failed; nothing was handed "
                                       "over (see the storage errors above)"));
  }
  return log;
}

event_log::event_log(private_tag, std::unique_ptr<log_store> store,
                     const crypto::secret_key& signing_key, const crypto::public_key& congress_pk,
                     chain_signers signers, event_log_options options,
                     std::vector<stored_event> events, private_detail_map details)
    : store_(std::move(store)),
      key_(signing_key),
      signing_pk_(signing_key.public_part()),
      congress_pk_(congress_pk),
      signers_(std::move(signers)),
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
    group.push_back({std::move(e), std::move(d.on_durable), std::move(d.private_details),
                     d.receipt_tracking_code, false});
  }
  group.back().ends_group = true;

  for (const pending& p : group) {
    events_.push_back(p.event);
    for (const auto& row : p.private_details) details_.insert_or_assign(row.digest, row);
  }
  bool wake = false;
  {
    std::lock_guard queue_lock(queue_mutex_);
    for (pending& p : group) queue_.push_back(std::move(p));
    queued_ += group.size();
    // A writer busy committing, or waiting out the commit interval, takes these when it is due.
    wake = writer_idle_ || queue_.size() >= options_.max_batch;
  }
  if (wake) queue_ready_.notify_one();
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
  std::vector<event_write> writes;
  writes.reserve(batch.size());
  // The receipt each ballot's delegate gets (command_replies), for a store that keeps them.
  std::vector<crypto::signature> receipts;
  if (store_->keeps_receipts()) receipts.reserve(batch.size());
  for (const pending& p : batch) {
    writes.push_back({&p.event, &p.private_details, nullptr});
    if (!store_->keeps_receipts() || !p.receipt_tracking_code) continue;
    receipts.push_back(key_.sign(
        crypto::receipt_digest(*p.receipt_tracking_code, p.event.seq, p.event.entry_hash)));
    writes.back().receipt = &receipts.back();
  }
  return store_->write(writes);
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
    writer_idle_ = true;
    queue_ready_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    writer_idle_ = false;
    if (queue_.empty()) return;  // stop_ and nothing left to write
    if (options_.commit_interval.count() > 0 && last_commit_) {
      // Under a stream of appends, the events that arrive until the commit is due join it.
      queue_ready_.wait_until(lock, *last_commit_ + options_.commit_interval,
                              [&] { return stop_ || queue_.size() >= options_.max_batch; });
    }
    last_commit_ = std::chrono::steady_clock::now();

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
    if (batch_handler_) batch_handler_();

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
