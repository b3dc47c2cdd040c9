// hall_service: plenumd's application. Implements the net layer's ws_handler by wiring three
// parts: the session gate (hello, auth, enroll attempts, roles, subscriptions), the command
// pipeline (decide → append to the event log → apply, replies once durable) and the
// broadcaster (board events in seq order, coalesced state, results, sealed under embargo);
// the queries and downloads read through them.
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
#include "service/hall_config.hpp"
#include "storage/event_log.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::downloads {
class download_store;
class work_queue;
}  // namespace plenum::server::downloads

namespace plenum::server::service {

class broadcaster;
class command_pipeline;
class session_gate;
struct session;

/// The hall: one congress's state, log and connections.
/// Thread safety: every public member may be called from any thread. Commands are serialized
/// by the pipeline's mutex (decide → append → apply); replies and pushes are sent from the
/// log's writer thread and the push thread. When a commit fails, the state goes back to the
/// last durable event before the refused commands hear of it (errc::storage_unavailable), and
/// the next command tries the log again (server/README.md "When the disk fills up").
/// Lock order (server/README.md "The hall service"): the pipeline's mutex, then the
/// broadcaster's, then the embargo's; the session gate's mutex and the attempt limiter's are
/// leaves, held alone.
class hall_service final : public net::ws_handler {
 public:
  /// Opens `<data>/congress.key` (created if missing) and `<data>/events.db`, which the log
  /// verifies in full; replays every event into a fresh state; appends event 0 (create_congress
  /// from `config`) to an empty log. Errors: the storage error (errc::broken_chain with the
  /// message naming the first bad entry, errc::storage_failure) or, for a log the domain cannot
  /// replay, errc::broken_chain with the seq and the reason.
  [[nodiscard]] static storage::storage_result<std::unique_ptr<hall_service>> open(
      hall_config config);

  /// Use open(). Takes the key that signs the log's new entries and receipts (the congress key,
  /// or the certified standby key after a server_handover), the verified log and the replayed
  /// state.
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
  /// The congress public key the log records (the congress's identity, whoever signs now).
  [[nodiscard]] crypto::public_key congress_public_key() const;
  /// The roster's persons.
  [[nodiscard]] std::vector<domain::person> persons() const;
  /// The whole state as JSON (domain::full_snapshot), for tests and diagnostics.
  [[nodiscard]] boost::json::object full_snapshot() const;
  /// What the county organisation department sees of this congress on the service's today
  /// (domain::township_overview). Reads the state; changes nothing.
  [[nodiscard]] boost::json::object township_overview() const;
  /// The downloads `prepare_download` prepared, for the HTTPS side (`GET /downloads/<token>`).
  [[nodiscard]] net::download_source& downloads();

  /// The standby's sync as the public view's `hall.standby` shows it (protocol/PROTOCOL.md §6
  /// get_state): "none" (the default: one machine), "in_sync", "not_in_sync" or "standalone".
  /// A change pushes `state` to its subscribers. Thread-safe; never waits for a command.
  void set_standby_sync(std::string state);
  /// What set_standby_sync set last ("none" before).
  [[nodiscard]] std::string standby_sync() const;

 private:
  // Dispatch (hall_service.cpp).
  void handle_session(session& s, const protocol::request_message& m);
  void handle_hall(session& s, const protocol::hall_request_message& m);

  // Queries (hall_service_queries.cpp): they read the state through the pipeline and the
  // events through the broadcaster.
  [[nodiscard]] std::string query(std::uint64_t id, const protocol::hall_request& r,
                                  const session& s) const;
  /// The queries that read the congress as the person behind `device_key`. REQUIRES: the
  /// pipeline's mutex held (called with its state from command_pipeline::read).
  [[nodiscard]] std::string hall_query(std::uint64_t id, const protocol::hall_request& r,
                                       const crypto::public_key& device_key,
                                       const domain::congress_state& state) const;
  /// Replies to get_state `id` with the view of the state made now, once the events it was
  /// made of are durable (the board serves whatever it counts); storage_unavailable when a
  /// failed commit took them back.
  void reply_state(const session& s, std::uint64_t id) const;
  /// state_view with the pipeline's mutex held.
  [[nodiscard]] boost::json::object state_view_of(const domain::congress_state& state,
                                                  const session& s) const;
  /// The public view of the current sitting; without `privileged`, the results under embargo
  /// are left out (only their status and `announced: false` remain). Made once per state and
  /// durable board (the same for every get_state and push until an event changes either: a
  /// hall's tablets all asking after one change cost one view). REQUIRES: the pipeline's mutex
  /// held (called with its state from command_pipeline::read).
  [[nodiscard]] boost::json::object public_view_of(const domain::congress_state& state,
                                                   bool privileged) const;
  /// public_view_of, made anew.
  [[nodiscard]] boost::json::object make_public_view(const domain::congress_state& state,
                                                     bool privileged) const;

  // Downloads (hall_service_downloads.cpp): checks through the pipeline, then makes the file
  // on the download worker and replies from there.
  void prepare_download(session& s, std::uint64_t id, const protocol::prepare_download_request& r);
  /// prepare_download of a monthly report (the office) or a performance file (the office, or the
  /// delegate for their own).
  void prepare_document(session& s, std::uint64_t id, const protocol::prepare_download_request& r);
  /// Makes the file of `r` (the hall's names in `title`) and registers it; the reply frame.
  [[nodiscard]] std::string make_download(std::uint64_t id,
                                          const protocol::prepare_download_request& r,
                                          const std::string& congress, const std::string& title);
  /// Makes the file of a monthly report or performance file from `document` (the JSON the
  /// state gave under the lock): the JSON itself, or the PDF plenum-sheet renders from it.
  [[nodiscard]] std::string make_document_download(std::uint64_t id, const std::string& kind,
                                                   const boost::json::object& document,
                                                   const std::string& filename);

  hall_config config_;
  std::shared_ptr<const domain::clock> clock_;
  crypto::secret_key congress_key_;  ///< signs new entries and receipts (see the constructor)
  crypto::public_key congress_pk_;
  std::unique_ptr<storage::event_log> log_;

  // The three parts, in the order they are made (each refers to those before it).
  std::unique_ptr<broadcaster> pushes_;
  std::unique_ptr<command_pipeline> commands_;
  std::unique_ptr<session_gate> gate_;

  // The last public views made (public_view_of), by privileged, with the state's next seq and
  // the durable count they were made at. The mutex is a leaf.
  struct made_view {
    bool valid = false;
    std::uint64_t next_seq = 0;
    std::uint64_t durable = 0;
    boost::json::object view;
  };
  mutable std::mutex views_mutex_;
  mutable made_view views_made_[2];

  // The standby's sync (set_standby_sync); the mutex is a leaf.
  mutable std::mutex hall_mutex_;
  std::string standby_sync_ = "none";
  /// The public view's `hall`: {serving, standby}.
  [[nodiscard]] boost::json::object hall_view() const;

  // Downloads: the prepared files and the one thread that makes them.
  std::unique_ptr<downloads::download_store> downloads_;
  std::unique_ptr<downloads::work_queue> download_jobs_;
};

}  // namespace plenum::server::service
