// hall_service: plenumd's application. Implements the net layer's ws_handler: a session per
// WebSocket connection (hello, auth, enroll), the dispatch of every protocol message to the
// domain (decide → append to the event log → apply), replies sent once the events are
// durable, and the pushes (board events, coalesced state, results).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/commands.hpp"
#include "domain/context.hpp"
#include "domain/state.hpp"
#include "net/download_source.hpp"
#include "net/ws_handler.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/messages_hall.hpp"
#include "service/attempt_limiter.hpp"
#include "service/result_embargo.hpp"
#include "storage/event_log.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::downloads {
class download_store;
class work_queue;
}  // namespace plenum::server::downloads

namespace plenum::server::service {

class coalescing_pusher;
struct session;

/// What a hall service opens and how it behaves.
struct hall_config {
  /// Holds congress.key and events.db (created when missing).
  std::filesystem::path data_dir_;
  /// Event 0 of an empty log: create_congress with these.
  std::string congress_id_ = "congress";
  std::string congress_name_ = "Congress";
  std::string term_start_ = "2026-01-01";
  std::string term_end_ = "2030-12-31";
  /// The time of commands (unix ms); the system clock when null.
  std::shared_ptr<const domain::clock> clock_;
  /// The domain's parameters (check-in clock window).
  domain::settings settings_;
  /// The shortest time between two `state` pushes.
  std::chrono::milliseconds push_interval_{200};
  /// Failed `auth` (and failed `enroll`) attempts after which a connection is closed.
  unsigned max_auth_attempts_ = 3;
  /// Refused enroll and auth requests per address before `rate_limited`.
  attempt_limits attempt_limits_;
  /// plenum-sheet, which renders the result sheets of `prepare_download` (downloads::
  /// find_sheet_tool); nullopt: sheets answer sheet_tool_missing.
  std::optional<std::filesystem::path> sheet_tool_;
  /// The longest a sheet may take to render before it fails.
  std::chrono::milliseconds sheet_time_limit_{60'000};
};

/// The completion of a command run through `execute`: the full reply frame for request `id`
/// (ok with the command's result, or the error), sent only once the command's events are
/// durable; `ec` is empty for an ok reply and the refusal's code otherwise. Called exactly once,
/// from the calling thread (refusals, queries) or the log's writer thread.
using reply_handler = std::function<void(boost::system::error_code ec, std::string frame)>;

/// The hall: one congress's state, log and connections.
/// Thread safety: every public member may be called from any thread. Commands are serialized
/// by one mutex (decide → append → apply); replies and pushes are sent from the log's writer
/// thread and the push thread. When a commit fails, the state goes back to the last durable
/// event before the refused commands hear of it (errc::storage_unavailable), and the next
/// command tries the log again (server/README.md "When the disk fills up").
class hall_service final : public net::ws_handler {
 public:
  /// Opens `<data>/congress.key` (created if missing) and `<data>/events.db`, which the log
  /// verifies in full; replays every event into a fresh state; appends event 0 (create_congress
  /// from `config`) to an empty log. Errors: the storage error (errc::broken_chain with the
  /// message naming the first bad entry, errc::storage_failure) or, for a log the domain cannot
  /// replay, errc::broken_chain with the seq and the reason.
  [[nodiscard]] static storage::storage_result<std::unique_ptr<hall_service>> open(
      hall_config config);

  /// Use open(). Takes the key, the verified log and the replayed state.
  hall_service(hall_config config, crypto::secret_key congress_key,
               std::unique_ptr<storage::event_log> log, domain::congress_state state);
  /// Stops the pushes and flushes the log (running the last replies).
  ~hall_service() override;
  hall_service(const hall_service&) = delete;
  hall_service& operator=(const hall_service&) = delete;

  void on_open(const std::shared_ptr<net::connection>& conn) override;
  void on_message(const std::shared_ptr<net::connection>& conn, std::string text) override;
  void on_close(const std::shared_ptr<net::connection>& conn) override;

  /// Runs `cmd` as `who` (the service's own commands: start-up, the demo congress): under the
  /// lock decide, append and apply each event; `done` gets the reply frame for request `id`.
  void execute(std::uint64_t id, const domain::command& cmd, const domain::actor& who,
               reply_handler done);

  /// execute and wait for its completion: the reply frame's fields, or the refusal's code.
  /// Must not be called from a durable handler.
  [[nodiscard]] result<boost::json::object> execute_and_wait(const domain::command& cmd,
                                                             const domain::actor& who);

  /// Waits until every event appended so far is durable (its reply sent).
  [[nodiscard]] boost::system::error_code flush();

  /// The congress id, as recorded in event 0.
  [[nodiscard]] std::string congress_id() const;
  /// The number of events in the log.
  [[nodiscard]] std::uint64_t event_count() const;
  /// The congress public key.
  [[nodiscard]] crypto::public_key congress_public_key() const;
  /// The roster's persons.
  [[nodiscard]] std::vector<domain::person> persons() const;
  /// The whole state as JSON (domain::full_snapshot), for tests and diagnostics.
  [[nodiscard]] boost::json::object full_snapshot() const;
  /// The downloads `prepare_download` prepared, for the HTTPS side (`GET /downloads/<token>`).
  [[nodiscard]] net::download_source& downloads();

 private:
  struct applied_event {
    std::uint64_t seq = 0;
    protocol::congress_event body;
  };

  // Dispatch (hall_service.cpp).
  void handle_session(session& s, const protocol::request_message& m);
  void handle_hall(session& s, const protocol::hall_request_message& m);
  void handle_auth(session& s, std::uint64_t id, const protocol::auth_request& r);
  void handle_subscribe(session& s, std::uint64_t id, const protocol::subscribe_request& r);
  void run_for_session(session& s, std::uint64_t id, domain::command cmd);
  /// Runs `cmd` as the person behind `device_key` (looked up under the lock), else as
  /// `otherwise`.
  void execute_as(std::uint64_t id, const domain::command& cmd,
                  const std::optional<crypto::public_key>& device_key,
                  const domain::actor& otherwise, reply_handler done);
  [[nodiscard]] std::shared_ptr<session> find_session(std::uint64_t conn_id) const;
  /// A cast_ballot with its cryptography checked now, outside mutex_ (the vote's basis is
  /// copied under it), so that ballots verify on every I/O thread at once; any other command
  /// unchanged.
  [[nodiscard]] domain::command with_ballot_checked(domain::command cmd) const;

  // Commands (hall_service_execute.cpp). reply_for and receipt_reply run under mutex_.
  [[nodiscard]] std::string reply_for(std::uint64_t id, const domain::command& cmd,
                                      const domain::decision& d,
                                      const std::vector<applied_event>& applied) const;
  [[nodiscard]] std::string receipt_reply(std::uint64_t id, const std::string& tracking_hex,
                                          std::uint64_t seq) const;
  /// The spoil_ballot reply from a ballot_spoiled payload (at `seq`) or a repeat's reply.
  [[nodiscard]] std::string spoil_reply(std::uint64_t id, const crypto::digest32& tracking_code,
                                        crypto::ballot_choices choices, std::uint64_t seq) const;
  void on_event_durable(const storage::stored_event& e);
  /// Runs `send` once event `seq` is durable (no error), or with errc::storage_unavailable
  /// when its commit failed.
  void send_when_durable(std::uint64_t seq, std::function<void(boost::system::error_code)> send);
  /// From a failed event's durable handler (the writer thread): resync_locked under mutex_.
  void on_commit_failed();
  /// When a failed commit took the log back, takes the state, the entry hashes and the waiting
  /// replies back to the last durable event. REQUIRES: mutex_ held.
  void resync_locked();

  // Queries (hall_service_queries.cpp), each takes mutex_.
  [[nodiscard]] std::string query(std::uint64_t id, const protocol::hall_request& r,
                                  const session& s) const;
  [[nodiscard]] boost::json::object state_view(const session& s) const;
  /// The public view of the current sitting; without `privileged`, the results under embargo
  /// are left out (only their status and `announced: false` remain). REQUIRES: mutex_ held.
  [[nodiscard]] boost::json::object public_view_locked(bool privileged) const;
  /// A stored event as it goes to a reader: whole, or sealed (no payload) while it is under
  /// embargo and the reader is not privileged.
  [[nodiscard]] protocol::board_event board_event_for(const storage::stored_event& e,
                                                      bool privileged) const;
  [[nodiscard]] std::vector<storage::stored_event> durable_events(std::uint64_t from,
                                                                  std::uint64_t limit) const;
  void push_state();

  // Downloads (hall_service_downloads.cpp): checks under mutex_, then makes the file on the
  // download worker and replies from there.
  void prepare_download(session& s, std::uint64_t id, const protocol::prepare_download_request& r);
  /// Makes the file of `r` (the hall's names in `title`) and registers it; the reply frame.
  [[nodiscard]] std::string make_download(std::uint64_t id,
                                          const protocol::prepare_download_request& r,
                                          const std::string& congress, const std::string& title);

  hall_config config_;
  std::shared_ptr<const domain::clock> clock_;
  crypto::secret_key congress_key_;
  crypto::public_key congress_pk_;
  std::unique_ptr<storage::event_log> log_;

  // The congress, guarded by mutex_.
  mutable std::mutex mutex_;
  domain::congress_state state_;
  std::vector<crypto::digest32> entry_hashes_;  ///< by seq

  // Durability and pushes, guarded by push_mutex_ (never taken before mutex_ is released).
  mutable std::mutex push_mutex_;
  std::uint64_t durable_count_ = 0;  ///< events durable and pushed, in seq order
  std::map<std::uint64_t, storage::stored_event> ready_;  ///< durable, waiting for their turn
  /// Sends waiting for a seq to be durable.
  std::multimap<std::uint64_t, std::function<void(boost::system::error_code)>> waiting_;
  std::string last_state_push_;             ///< to the public
  std::string last_privileged_state_push_;  ///< to chair, secretary, scrutineers
  /// Results sealed until announced (its own mutex, taken last).
  result_embargo embargo_;
  /// Refused enroll and auth requests by address (its own mutex, taken last).
  attempt_limiter attempts_;

  // Connections, guarded by sessions_mutex_.
  mutable std::mutex sessions_mutex_;
  std::map<std::uint64_t, std::shared_ptr<session>> sessions_;
  /// The connections subscribed to the board and to results, by connection id: a push reads
  /// these instead of walking every connection.
  struct subscriber {
    std::shared_ptr<net::connection> conn;
    bool privileged = false;  ///< reads results under embargo
  };
  std::map<std::uint64_t, subscriber> board_subscribers_;
  std::map<std::uint64_t, subscriber> result_subscribers_;

  std::unique_ptr<coalescing_pusher> pusher_;

  // Downloads: the prepared files and the one thread that makes them.
  std::unique_ptr<downloads::download_store> downloads_;
  std::unique_ptr<downloads::work_queue> download_jobs_;
};

}  // namespace plenum::server::service
