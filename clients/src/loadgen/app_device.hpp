// One simulated device of the hall following it as its app does (app_subscriptions.hpp): it
// reads the board's past, subscribes, reads the state, answers pushes with the reads the app
// makes, and notes when it first saw the open vote's progress complete and its result
// announced.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <plenum/clients/board.hpp>

#include "app_subscriptions.hpp"
#include "async_connection.hpp"
#include "fleet.hpp"

namespace plenum::clients::loadgen {

/// What the devices watch for in the vote of the run. Set by the scenario, read by every device.
struct app_watch {
  std::string vote_id;
  /// The ballots that make the progress complete (received ≥ this); 0 until the burst starts.
  std::atomic<std::size_t> ballots{0};
};

/// A device on an authenticated async_connection (auth is the caller's). Its callbacks run on
/// the connection's strand; the getters may be called from any thread.
class app_device_sim : public std::enable_shared_from_this<app_device_sim> {
 public:
  using clock = std::chrono::steady_clock;

  /// `watch` and `errors` must outlive the device; `congress_pk` checks the board it keeps and
  /// the events it relies on; `own_key` is the device key the connection is authenticated with
  /// (a tablet proves it is on a vote's roster).
  app_device_sim(const app_subscription& sub, std::shared_ptr<async_connection> conn,
                 const app_watch& watch, error_tally& errors, const crypto::public_key& congress_pk,
                 const crypto::public_key& own_key);

  /// Follows the hall as the app: the board's past in pages (if its row says so), subscribe
  /// from the next seq, get_state. Calls done(ok) once.
  void start(std::function<void(bool)> done);

  /// The device's ballot was receipted: if its row says so, it checks its own ballot's board
  /// entry — the one the cast_ballot reply carried, else read with get_board {from_seq:
  /// receipt seq, limit: 1} — for the receipt's seq and entry hash, the congress signature and
  /// that it is the ballot_accepted of the receipt's tracking code (a failure is counted in the
  /// error tally).
  void after_receipt(const protocol::receipt& r, const std::optional<protocol::board_event>& entry);
  /// When it first held a state whose vote had received watch.ballots ballots.
  [[nodiscard]] std::optional<clock::time_point> progress_seen_at() const;
  /// When it first held a state with the vote's result announced (counts shown).
  [[nodiscard]] std::optional<clock::time_point> announced_seen_at() const;
  /// Board events pushed or read.
  [[nodiscard]] std::size_t board_events() const { return board_events_; }
  /// The bytes it received from start() until its first get_state reply: what joining cost
  /// (the board's past, the subscribe reply, the state); 0 until then.
  [[nodiscard]] std::uint64_t join_bytes() const { return join_bytes_; }
  /// get_state requests it made after pushes.
  [[nodiscard]] std::size_t state_reads() const { return state_reads_; }
  /// The `state` pushes received.
  [[nodiscard]] std::size_t state_pushes() const { return state_pushes_; }
  /// Whether the board it keeps holds vote `vote` closed (vote_closed arrived).
  [[nodiscard]] bool holds_closed(const std::string& vote) const;
  /// Whether the board it keeps holds vote `vote` decided (vote_decided arrived).
  [[nodiscard]] bool holds_decided(const std::string& vote) const;
  /// Calls `look(board)` with the board it keeps (keeps_board: checked event by event, each
  /// vote's aggregates added as its ballots arrived) and returns what it returns; no event is
  /// added meanwhile. Nothing is copied.
  template <typename Look>
  auto with_board(Look&& look) const {
    std::lock_guard lock(board_mutex_);
    return look(static_cast<const board_record&>(board_));
  }
  /// Sends the request `encode(id)` on the device's connection and waits for the reply: its
  /// fields, or nothing (the refusal or transport error is counted). Not from a fleet thread.
  [[nodiscard]] std::optional<boost::json::object> call(
      const std::function<std::string(std::uint64_t)>& encode);
  [[nodiscard]] const std::shared_ptr<async_connection>& connection() const { return conn_; }
  [[nodiscard]] const app_subscription& subscription() const { return sub_; }

 private:
  void read_page(std::uint64_t from, std::function<void(bool)> done);
  /// Under a course past: reads the course from `from` up to the ceremony at `ceremony_seq`
  /// until it holds the enrollment of each of `persons`.
  void read_enrollments(std::uint64_t from, std::uint64_t ceremony_seq,
                        std::vector<std::string> persons);
  void on_ceremony_pushed(const boost::json::value& event);
  // A tablet's part when a vote_opened of format 2 is pushed: it checks the event's signature
  // and asks get_roster_proof once for the vote, as the app does (its roster is no part of the
  // course); a reply that does not prove own_key_ on the event's roster_root with its
  // roster_count is counted as an error (roster_proof_check.hpp).
  void on_vote_opened_pushed(const boost::json::value& event);
  [[nodiscard]] bool reads_course() const { return sub_.board_read_only == "course"; }
  void subscribe(std::function<void(bool)> done);
  void read_state();
  void on_push(std::string_view text);
  void on_board_event(const boost::json::value& event);
  void check_own_ballot(const protocol::frame& reply, const protocol::receipt& r);
  // Whether `e` is the receipt's entry, signed by the congress, holding this device's ballot.
  [[nodiscard]] bool holds_own_ballot(const protocol::board_event& e,
                                      const protocol::receipt& r) const;
  void look_at_state(const boost::json::value& state);
  void send(std::string type, boost::json::object fields,
            std::function<void(const protocol::frame*)> then);

  const app_subscription& sub_;
  std::shared_ptr<async_connection> conn_;
  const app_watch& watch_;
  error_tally& errors_;
  crypto::public_key congress_pk_;
  crypto::public_key own_key_;
  std::uint64_t next_seq_ = 0;
  std::atomic<std::size_t> board_events_{0};
  std::atomic<std::size_t> state_reads_{0};
  std::atomic<std::size_t> state_pushes_{0};
  std::uint64_t join_bytes_from_ = 0;
  std::atomic<std::uint64_t> join_bytes_{0};
  std::set<std::string> enrolled_held_;  ///< under a course past: whose enrollments it read
  std::string last_course_;  ///< course_of the last public state that made it read its own
  std::atomic<clock::rep> progress_at_{0};
  std::atomic<clock::rep> announced_at_{0};
  mutable std::mutex board_mutex_;
  board_record board_;
};

}  // namespace plenum::clients::loadgen
