// The durable, hash-chained event log of CVP1 §6 (the bulletin board), kept in a log_store: a
// SQLite file by default (sqlite_log_store.hpp), or PostgreSQL with a synchronous standby
// (postgres_log_store.hpp, server/STANDBY.md).
//
// Every state change of the congress is an event {seq, prev_hash, type, payload, entry_hash,
// server signature, stored_at}. append() gives the event its place in the chain at once and
// hands it to a writer thread, which commits whatever has queued up in one transaction (group
// commit) and then reports each event durable, in seq order. "Durable" means the store's COMMIT
// that contains the event returned: SQLite runs in WAL mode with synchronous=FULL (on disk);
// PostgreSQL waits for its synchronous standby (on both machines).
//
// open() verifies the whole stored log (every hash, every link, every signature) before it
// returns, so a server never starts on a log that was tampered with or damaged.
//
// A failed commit (disk full, database read-only, an I/O error, a file-size limit) is a fault,
// not the end: the events of that batch and every event queued behind it are reported failed
// (errc::storage_unavailable), the chain goes back to the last durable event, and appends are
// refused quickly for a short, growing pause; the first append after the pause tries the
// database again, and once a commit succeeds the log is healthy. Nothing durable changes.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/error.hpp"
#include "storage/chain_check.hpp"
#include "storage/event_record.hpp"
#include "storage/log_store.hpp"
#include "storage/storage_error.hpp"

namespace plenum::protocol::events {
struct server_handover;
}  // namespace plenum::protocol::events

namespace plenum::server::storage {

/// Where an appended event sits in the chain (what receipts and results cite).
struct appended_event {
  std::uint64_t seq = 0;
  crypto::digest32 entry_hash{};
  crypto::signature signature;
  std::int64_t stored_at_unix_ms = 0;
};

/// Called once per appended event, on the writer thread, after the COMMIT holding the event
/// returned: with no error when the event is durable, with errc::storage_unavailable when the
/// commit failed (then this event never will be: the chain went back to the last durable event
/// and its seq will be given to another event). It must not throw, must not block for long and
/// must not call flush() or destroy the log; it may call append().
using durable_handler = std::function<void(boost::system::error_code)>;

/// What the writer thread has done since open(), for monitoring and benchmarks.
struct writer_stats {
  /// Transactions committed.
  std::uint64_t commits = 0;
  /// Events in those transactions.
  std::uint64_t events = 0;
  /// The most events one transaction held.
  std::uint64_t largest_batch = 0;
  /// Commits that failed (each a fault).
  std::uint64_t failed_commits = 0;
};

/// An event to append: its type, the exact JSON text to store and hash, and its handler; and
/// the private details it carries the digest of, written in the same transaction.
struct event_draft {
  std::string type;
  std::string payload;
  durable_handler on_durable;
  std::vector<private_detail_row> private_details{};
  /// A ballot_accepted's tracking code: a store that keeps receipts (PostgreSQL) stores the
  /// signer's signature over its crypto::receipt_digest with the event, for a machine that
  /// exports the log without that key. Empty for every other event.
  std::optional<crypto::digest32> receipt_tracking_code{};
};

/// Tuning and injected dependencies of an event log.
struct event_log_options {
  /// At most this many events go into one transaction.
  std::size_t max_batch = 512;
  /// A commit starts no sooner than this after the previous one started (unless max_batch
  /// events wait): under a stream of appends each commit takes what arrived meanwhile, so fewer
  /// commits carry the same events. An append after a quiet spell is committed at once. Zero:
  /// every commit starts as soon as the previous one ended.
  std::chrono::microseconds commit_interval{0};
  /// How long a statement waits for another connection's lock before failing (SQLite).
  std::chrono::milliseconds busy_timeout{5000};
  /// The clock for stored_at (Unix milliseconds); the system clock when empty.
  std::function<std::int64_t()> clock;
  /// Receives a line for each storage failure (with SQLite's extended code or PostgreSQL's
  /// SQLSTATE); stderr when empty.
  /// Called from the writer thread or from open().
  std::function<void(std::string_view)> log_error;
  /// After a failed commit appends are refused for this long before the database is tried
  /// again; each further failed commit in a row doubles the pause, up to `retry_pause_max`.
  std::chrono::milliseconds retry_pause{100};
  std::chrono::milliseconds retry_pause_max{2000};
};

/// The append-only event log. Owns its store and its writer thread.
/// Thread safety: append(), head(), flush() and failed() may be called from any thread;
/// events() only while no append() runs (e.g. while rebuilding state at start-up).
class event_log {
 public:
  /// Opens the log at `path` (a SQLite file), creating the file and schema if new, for writing
  /// with `signing_key`; see the open() below for the checks, the key and the errors
  /// (errc::storage_failure messages keep SQLite's extended code).
  [[nodiscard]] static storage_result<std::unique_ptr<event_log>> open(
      const std::filesystem::path& path, const crypto::secret_key& signing_key,
      event_log_options options = {});

  /// Opens the log kept in `store` (see log_store.hpp: the SQLite file, or PostgreSQL through
  /// postgres_log_store::connect) for writing with `signing_key`. This is the call for every
  /// writer: the primary with the congress key, and the standby machine after `plenumd
  /// promote` with its standby key.
  ///
  /// The whole stored log is read and verified first: seq 0, 1, 2, … without gaps, each
  /// prev_hash equal to the previous entry_hash, each entry_hash recomputed from its contents,
  /// each signature valid under the chain's signer for its seq (chain_signers, chain_check.hpp:
  /// the congress key the store records until a server_handover, the standby key that handover
  /// certifies from it on). Then `signing_key` must be the signer of the next seq: the congress
  /// key while the log holds no handover, the certified standby key once it does. A new, empty
  /// store records `signing_key`'s public half as the congress key.
  ///
  /// congress_public_key() is then always the congress key the store records, and
  /// signing_public_key() the key that signs every new entry. The log keeps a copy of
  /// `signing_key` in memory; it never writes a secret key to the store.
  ///
  /// Errors: errc::broken_chain with a message naming the first bad seq and what is wrong, or,
  /// when `signing_key` is not the next seq's signer, "this machine's key … does not sign this
  /// log from seq N" and who does; errc::storage_failure when the store cannot be opened, read
  /// or set up (the message keeps the store's own code).
  [[nodiscard]] static storage_result<std::unique_ptr<event_log>> open(
      std::unique_ptr<log_store> store, const crypto::secret_key& signing_key,
      event_log_options options = {});

  /// Takes the log in `store` over with `standby_key` (`plenumd promote`, server/STANDBY.md):
  /// reads and verifies it as open() does, appends `handover` as the next event, signed by
  /// `standby_key`, and returns once that handover is durable. From then on the log is exactly
  /// the one open(store, standby_key) opens: every later entry is signed by `standby_key`.
  /// `handover.standby_pk` must be `standby_key`'s public half and its certificate must hold for
  /// this log (the congress key's signature over crypto::handover_digest(congress_id,
  /// congress_pk, standby_pk, from_seq), from_seq at most the log's length); the event is
  /// checked by the same chain_verifier that open(), the standby's reader and plenum-verify's
  /// rules apply, before anything is written.
  /// Errors: errc::broken_chain when the log does not verify, already holds a handover, or the
  /// handover would not verify (the message says why); errc::storage_failure or
  /// errc::storage_unavailable when the handover cannot be written (nothing was then written).
  [[nodiscard]] static storage_result<std::unique_ptr<event_log>> open_with_handover(
      std::unique_ptr<log_store> store, const crypto::secret_key& standby_key,
      const protocol::events::server_handover& handover, event_log_options options = {});

  event_log(const event_log&) = delete;
  event_log& operator=(const event_log&) = delete;
  /// Writes whatever is still queued, runs its handlers, then stops the writer and closes.
  ~event_log();

  /// Every event, in seq order: those read at open() and those appended since.
  /// REQUIRES: no concurrent append().
  [[nodiscard]] const std::vector<stored_event>& events() const { return events_; }

  /// A copy of the events from seq `from` to the head (empty when `from` is past it), including
  /// events not yet durable (flush() first to exclude those). Thread-safe; for exports and
  /// readers that run while the server appends.
  [[nodiscard]] std::vector<stored_event> snapshot(std::uint64_t from = 0) const;

  /// A copy of at most `limit` events from seq `from` up to (not including) seq `to`, those
  /// `keep` accepts (every one when `keep` is empty), in seq order: a page without copying the
  /// rest of the log. Thread-safe.
  [[nodiscard]] std::vector<stored_event> select(
      std::uint64_t from, std::uint64_t to, std::uint64_t limit,
      const std::function<bool(const stored_event&)>& keep = {}) const;

  /// Appends an event: assigns seq, prev_hash, entry_hash, signature and stored_at now, and
  /// queues it for the writer, which calls `on_durable` after the event's batch committed.
  /// Handlers run in seq order. `payload` must be the exact JSON text to store and hash.
  /// Thread-safe; concurrent callers are ordered by an internal lock, but a caller that needs
  /// its events in a particular order (the domain engine) must serialize its own appends, e.g.
  /// under the lock that guards its state, so that chain order is state order.
  /// Errors (then `on_durable` is never called): errc::storage_unavailable during the pause
  /// after a failed commit (see the file comment).
  [[nodiscard]] result<appended_event> append(std::string type, std::string payload,
                                              durable_handler on_durable);

  /// Appends `drafts` as one group at seq `expected_seq`, `expected_seq` + 1, …: the writer
  /// commits a group in one transaction, so the group is durable whole or not at all.
  /// Errors (then no handler is ever called and nothing is appended):
  /// errc::storage_unavailable during the pause after a failed commit, or when the head is not
  /// at `expected_seq` (the caller's view of the chain is stale: a commit failed and the chain
  /// went back); errc::invalid_field for an empty group.
  [[nodiscard]] result<std::vector<appended_event>> append_group(std::uint64_t expected_seq,
                                                                 std::vector<event_draft> drafts);

  /// Runs `handler` on the writer thread each time the durable handlers of one batch (the
  /// events one transaction committed, or whose commit failed) have all run, before flush()
  /// counts them handled: what the handlers took one event at a time is acted on here once per
  /// batch. It must not throw, must not block for long and must not call flush() or destroy the
  /// log. REQUIRES: no append() since open() but those open() made and flushed itself.
  void set_batch_handler(std::function<void()> handler) { batch_handler_ = std::move(handler); }

  /// Blocks until the handler of every event appended before the call has returned: each
  /// such event is then durable, or its commit failed and the handler was told so. Returns
  /// errc::storage_unavailable if any of those events failed since the last flush() call
  /// returned. Must not be called from a durable_handler.
  [[nodiscard]] boost::system::error_code flush();

  /// The private details whose digest is `digest_hex`, kept with an event appended so far
  /// (including events not yet durable); nullopt when none. Thread-safe. Only the read side's
  /// queries for the office and the keeping delegate call this; exports never do.
  [[nodiscard]] std::optional<private_detail_row> private_details(
      std::string_view digest_hex) const;

  /// The last event's seq + 1 and hash (including events not yet durable).
  [[nodiscard]] chain_head head() const;

  /// True from a failed commit until a commit succeeds again.
  [[nodiscard]] bool failed() const;

  /// The number of failed commits since open(); it grows by one at each fault, after the
  /// chain went back and before the failed events' handlers run.
  [[nodiscard]] std::uint64_t faults() const;

  /// The writer's counters. Thread-safe.
  [[nodiscard]] writer_stats stats() const;

  /// The congress public key the store records (the congress's identity; event 0's signer).
  [[nodiscard]] const crypto::public_key& congress_public_key() const { return congress_pk_; }

  /// The public half of the key that signs new entries: the congress key until a
  /// server_handover, the certified standby key from it on.
  [[nodiscard]] const crypto::public_key& signing_public_key() const { return signing_pk_; }

  /// Who signs the chain as opened (the handover's seq and standby key, when there is one).
  /// A handover appended by open_with_handover() is included.
  [[nodiscard]] const chain_signers& signers() const { return signers_; }

 private:
  struct private_tag {
    explicit private_tag() = default;
  };

 public:
  /// Use open().
  event_log(private_tag, std::unique_ptr<log_store> store, const crypto::secret_key& signing_key,
            const crypto::public_key& congress_pk, chain_signers signers, event_log_options options,
            std::vector<stored_event> events, private_detail_map details);

 private:
  struct pending {
    stored_event event;
    durable_handler on_durable;
    std::vector<private_detail_row> private_details;
    std::optional<crypto::digest32> receipt_tracking_code;  ///< event_draft's
    bool ends_group = true;  ///< the last event of an append_group (a batch never splits one)
  };

  /// Places `drafts` after the head and queues them as one group. REQUIRES: append_mutex_
  /// held, `drafts` not empty.
  [[nodiscard]] result<std::vector<appended_event>> append_locked(std::vector<event_draft>& drafts);
  void writer_loop();
  [[nodiscard]] storage_result<void> write_batch(const std::vector<pending>& batch);
  /// Fails `batch` and everything queued behind it, and takes the chain back to the last
  /// durable event. Returns the failed events, in seq order. REQUIRES: no lock held.
  [[nodiscard]] std::vector<pending> fail_from(std::vector<pending> batch,
                                               const storage_error& why);
  /// Whether appends are refused now (the pause after a fault). REQUIRES: queue_mutex_ held.
  [[nodiscard]] bool pausing() const;
  [[nodiscard]] std::int64_t now_unix_ms() const;

  // Used by the writer thread only, after open().
  std::unique_ptr<log_store> store_;
  crypto::secret_key key_;  ///< signs new entries
  crypto::public_key signing_pk_;
  crypto::public_key congress_pk_;
  chain_signers signers_;
  event_log_options options_;
  std::function<void()> batch_handler_;  ///< set_batch_handler's

  // Chain state, guarded by append_mutex_.
  mutable std::mutex append_mutex_;
  std::vector<stored_event> events_;
  chain_head head_;
  private_detail_map details_;  ///< by digest

  // Writer hand-off, guarded by queue_mutex_.
  mutable std::mutex queue_mutex_;
  std::condition_variable queue_ready_;  // writer waits: work queued or stop
  std::condition_variable progress_;     // flush() waits: durable_ advanced
  std::deque<pending> queue_;
  std::uint64_t queued_ = 0;          // events ever queued since open()
  std::uint64_t handled_ = 0;         // of those, events whose handler returned
  std::uint64_t failed_events_ = 0;   // events whose commit failed since open()
  std::uint64_t flushed_failed_ = 0;  // failed_events_ when flush() last returned
  bool failed_ = false;               // from a failed commit until one succeeds
  unsigned failures_in_a_row_ = 0;
  std::chrono::steady_clock::time_point retry_at_{};
  bool stop_ = false;
  bool writer_idle_ = false;  // the writer waits for an append (only then is it woken)
  // When the last commit started; none yet: the first append is committed at once. (Not the
  // clock's epoch: on a machine up for less than commit_interval that is not long ago.)
  std::optional<std::chrono::steady_clock::time_point> last_commit_;
  writer_stats stats_;

  std::thread writer_;
};

}  // namespace plenum::server::storage
