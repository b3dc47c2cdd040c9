// broadcaster: the hall's pushes. Durable events go in seq order, batched as they became durable
// together, to the board's subscribers (every event), the basis' (every one but the ballots)
// and the course's (the sitting's course and their own device's events), the coalesced `state` push
// to the state's, decided and announced results to the results', each sealed on the way out while
// its result is under embargo; replies that wait for an event's durability leave from here in the
// same order. A view of the state leaves only once every event it was made of is durable, after the
// board events that hold them. A board or basis subscriber whose connection is backlogged is fed
// from the log instead, a page each time it drained, until it is live again (board_feed.hpp,
// broadcaster_feed.cpp); the replies and views that follow its board events wait for the feed.
#pragma once

#include <atomic>
#include <boost/json/object.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "net/ws_handler.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "service/board_feed.hpp"
#include "service/course_index.hpp"
#include "service/result_embargo.hpp"
#include "service/state_push_pace.hpp"
#include "storage/event_log.hpp"

namespace plenum::server::service {

class coalescing_pusher;

/// Whether `e` goes to a `basis` reader: every event but the ballots (ballot_accepted,
/// ballot_spoiled).
[[nodiscard]] bool in_basis(const storage::stored_event& e);

/// Whether a `course` subscriber is pushed `e` live whatever it names: every basis event but
/// those that come one per delegate or carry the whole roster (roster_imported,
/// enrollment_code_issued, device_enrolled, checked_in, activity_checked_in, vote_roster) —
/// the standing term's proposals, contacts, opinions and groups, which the delegate's own
/// screens follow, are pushed; the course's own events are pushed besides.
[[nodiscard]] bool pushed_live_to_course(const storage::stored_event& e);

/// Which events a get_board page holds (protocol/PROTOCOL.md §8: its `only`).
enum class board_selection { every, basis, course };

/// What one connection subscribed to (protocol/PROTOCOL.md §6).
struct subscription {
  bool board = false;
  /// Every event but the ballots (exclusive with board and course).
  bool basis = false;
  /// The events in the course as they become durable (course_index.hpp) and those naming
  /// `own_device_pk` (exclusive with board and basis).
  bool course = false;
  bool state = false;
  bool results = false;
  /// With board, basis or course: replay its durable events from this seq on before the live
  /// pushes (the course's as get_board `only: "course"` reads them).
  std::optional<std::uint64_t> since_seq;
  /// The subscriber's authenticated device key (hex), "" before auth: its own part of the course.
  std::string own_device_pk;
};

/// Views of the congress state made at one moment, and how many events that state was made of.
struct state_views {
  /// The state's events (its next seq): the views may be sent once this many are durable.
  std::uint64_t events = 0;
  std::vector<boost::json::object> views;
};

/// Thread safety: every member may be called from any thread. One mutex (mutex_) guards the
/// durable count, the number of failed commits, the events waiting for their turn, the waiting
/// sends, the last state pushes and the subscribers; every `state` push is sent under it. Lock
/// order: the command pipeline's mutex, then this one, then the embargo's, the course index's or
/// the feed's (each taken last); no call into the broadcaster holds the session gate's mutex, and
/// the broadcaster never calls out to the pipeline while holding its mutex (the state push reads
/// its views before taking it). A lagging subscriber's page is read from the log without mutex_
/// and queued under it.
class broadcaster {
 public:
  /// The public views of the hall, one for each entry of `privileged` (true: with the results
  /// under embargo), all read at once under the pipeline's mutex from the applied state, with
  /// its number of events; the `state` push is made from them once those events are durable.
  using view_source = std::function<state_views(const std::vector<bool>& privileged)>;

  /// Takes note of the events of `log` durable at start-up (REQUIRES: no append runs). The log
  /// must outlive the broadcaster; it is read for replays and queries.
  explicit broadcaster(const storage::event_log& log);
  /// Stops the state pushes (stop()).
  ~broadcaster();
  broadcaster(const broadcaster&) = delete;
  broadcaster& operator=(const broadcaster&) = delete;

  /// Starts the `state` pushes made from `views`: at most one per `pace.interval`, and in a
  /// hall of many subscribers at most one per `pace.per_subscriber` × subscribers, up to
  /// `pace.longest`; while the state keeps changing, once the changes pause (`pace.settle`) or at
  /// `pace.while_changing` times that pause (state_push_pace). A push waits until the events its
  /// views were made of are durable (the group commit that holds them: a burst of ballots still
  /// gets its progress pushes); when a commit fails meanwhile it is dropped and made again from the
  /// state taken back.
  void start(state_push_pace pace, view_source views);
  /// Stops the `state` pushes (their thread is joined); idempotent.
  void stop();

  /// Takes a durable event (from the log's writer thread, in any order): once every event
  /// before it is durable, pushes it (with the others that became durable in its turn, in one
  /// `board_events` push of at most 256) to the board's and, unless a ballot, the basis'
  /// subscribers, if in the course or naming their device to the course's, the results it decides
  /// or unseals to the results' subscribers, and runs the sends waiting for it.
  void on_event_durable(const storage::stored_event& e);
  /// Takes a durable event like on_event_durable, but pushes nothing yet: the next
  /// push_durable() (or on_event_durable) pushes it with the others of its turn. For the log's
  /// writer thread, which hands over the events of one commit one at a time.
  void take_durable(storage::stored_event e);
  /// Pushes the durable events taken whose turn came, and runs the sends waiting for them, as
  /// on_event_durable does.
  void push_durable();
  /// Runs `send` once event `seq` is durable (no error), at once when it is, or with
  /// errc::storage_unavailable when its commit failed (refuse_from).
  void send_when_durable(std::uint64_t seq, std::function<void(boost::system::error_code)> send);
  /// After a failed commit took the log back to `seq` events: the sends waiting for a later
  /// event get errc::storage_unavailable (called here, after this mutex is released), and the
  /// events from `seq` on that were waiting for their turn are dropped.
  void refuse_from(std::uint64_t seq);
  /// Sends `frame` on `conn` once the connection was pushed the first `events` board events: at
  /// once, unless it is a board or basis subscriber being fed from the log that has not reached
  /// them yet (board_feed). May be called under this mutex (from a send it runs).
  void send_after_board(const std::shared_ptr<net::connection>& conn, std::uint64_t events,
                        std::shared_ptr<const std::string> frame);
  /// Sends a command's reply, made once its events were durable, after the board events durable
  /// now (send_after_board). May be called under this mutex (from a send it runs).
  void send_reply(const std::shared_ptr<net::connection>& conn, std::string frame);
  /// Asks for a `state` push (coalesced).
  void notify_state();

  /// The number of failed commits so far. Read before a view of the state is made, it is
  /// handed to send_view_when_durable, which then knows whether the view may hold events a
  /// failed commit took back.
  [[nodiscard]] std::uint64_t failed_commits() const;
  /// Runs `send` (under this mutex: it must only queue a frame) once the first `events` events
  /// are durable, at once when they are; or, when a commit failed since `failed_commits_seen`
  /// was read (the view may count events that are gone) or fails before then, gives it
  /// errc::storage_unavailable.
  void send_view_when_durable(std::uint64_t events, std::uint64_t failed_commits_seen,
                              std::function<void(boost::system::error_code)> send);

  /// Replies `subscribe_reply{durable count}` to request `id` on `conn`, replays the board (or
  /// basis, or course) from `topics.since_seq`, and from then on pushes `topics` to `conn`
  /// (replacing any earlier subscription), sealed unless `privileged`; the first `state` push
  /// follows once the state it was made of is durable.
  void subscribe(const std::shared_ptr<net::connection>& conn, std::uint64_t id,
                 const subscription& topics, bool privileged);
  /// After the connection's auth: its pushes read as `privileged` says, and a course subscription
  /// holds the events naming `own_device_pk` (hex) from now on.
  void set_authenticated(std::uint64_t conn_id, bool privileged, const std::string& own_device_pk);
  /// Ends every push to the connection.
  void remove(std::uint64_t conn_id);

  /// The number of events durable and pushed, in seq order.
  [[nodiscard]] std::uint64_t durable_count() const;
  /// The durable events from `from` on, at most `limit` of them, those `selection` holds: every
  /// one, the basis (the ballots left out) or the course (course_index.hpp); a page then reaches
  /// further to hold `limit` events.
  /// `own_device_pk` (hex) adds to the course the events naming that device key.
  [[nodiscard]] std::vector<storage::stored_event> durable_events(
      std::uint64_t from, std::uint64_t limit, board_selection selection = board_selection::every,
      const std::string& own_device_pk = {}) const;
  /// A stored event as it goes to a reader: whole, or sealed (no payload) while it is under
  /// embargo and the reader is not privileged.
  [[nodiscard]] protocol::board_event board_event_for(const storage::stored_event& e,
                                                      bool privileged) const;
  /// Which results are sealed now.
  [[nodiscard]] const result_embargo& embargo() const { return embargo_; }

 private:
  struct subscriber {
    std::shared_ptr<net::connection> conn;
    bool privileged = false;  ///< reads results under embargo
    /// The events of the state its first `state` push was made of: no older one follows it.
    std::uint64_t state_events = 0;
    /// A course subscriber's device key (hex), "" when unauthenticated.
    std::string own_device_pk;
  };
  /// An event outside the course naming the device of a course subscriber.
  struct own_event {
    std::string device_pk;
    protocol::board_event whole;
    protocol::board_event public_view;
  };
  /// The events of one push round, as the six kinds of reader read them.
  struct batch {
    std::vector<protocol::board_event> board_whole;
    std::vector<protocol::board_event> board_public;  ///< sealed under embargo
    std::vector<protocol::board_event> basis_whole;
    std::vector<protocol::board_event> basis_public;
    /// In the course: the part every course subscriber reads.
    std::vector<protocol::board_event> course_whole;
    std::vector<protocol::board_event> course_public;
    /// Outside the course, for the few course subscribers whose device they name.
    std::vector<own_event> own;
    bool sealed = false;          ///< whether any event differs between whole and public
    std::uint64_t first_seq = 0;  ///< the round's first event
  };
  /// Pushes the state to its subscribers if it changed, once the state it was made of is
  /// durable; returns how many it went to.
  std::size_t push_state();
  /// Waits until `events` events are durable; false when a commit failed since
  /// `failed_commits_seen` or the pushes stop first. REQUIRES: `lock` holds mutex_.
  bool wait_durable(std::unique_lock<std::mutex>& lock, std::uint64_t events,
                    std::uint64_t failed_commits_seen);
  /// Adds one event in its turn to `b`, as each reader reads it now; `course` says what it is to
  /// the course. REQUIRES: mutex_ held.
  void add_to_batch(batch& b, const storage::stored_event& e,
                    const course_index::entry& course) const;
  /// Sends `b` to the board's, the basis' and the course's subscribers. REQUIRES: mutex_ held.
  void push_batch_locked(const batch& b);
  /// Sends `b`'s course part to the course's subscribers: one set of frames for all, and frames of
  /// their own for those whose device an event names. REQUIRES: mutex_ held.
  void push_course_locked(const batch& b);
  /// Sends `whole` (or `public_view` to the unprivileged) to `subscribers`, but for those
  /// behind, and marks behind at `b.first_seq` those whose connection is backlogged.
  /// REQUIRES: mutex_ held.
  void push_board_locked(const std::map<std::uint64_t, subscriber>& subscribers, const batch& b,
                         const std::vector<protocol::board_event>& whole,
                         const std::vector<protocol::board_event>& public_view);
  /// Marks `sub` behind at `next_seq` and has its connection call feed() once it drained.
  /// REQUIRES: mutex_ held.
  void fall_behind_locked(const subscriber& sub, std::uint64_t next_seq);
  /// One step of a lagging board or basis subscriber's feed: reads the events from where it
  /// stopped (at most what its connection has room for before it is backlogged, up to the
  /// durable head) without mutex_, then under it queues them and, at the head, makes it live
  /// again; else waits for its connection to drain once more. Runs on the connection's thread.
  void feed(std::uint64_t conn_id);
  /// Drops the course subscriber `conn_id` from course_by_device_. REQUIRES: mutex_ held.
  void forget_device(std::uint64_t conn_id);
  /// Replays the course from `from` to `conn` (with `own_device_pk`'s events), as get_board
  /// `only: "course"` reads it. REQUIRES: mutex_ held.
  void replay_course_locked(const std::shared_ptr<net::connection>& conn, std::uint64_t from,
                            const std::string& own_device_pk, bool privileged) const;
  /// The durable events of the course from `from` up to `to`, at most `limit` (with
  /// `own_device_pk`'s events): each read on its own, the rest of the log never copied. Takes
  /// no lock of this class.
  [[nodiscard]] std::vector<storage::stored_event> course_events(
      std::uint64_t from, std::uint64_t to, std::uint64_t limit,
      const std::string& own_device_pk) const;

  const storage::event_log& log_;
  view_source views_;
  state_push_pace pace_;

  mutable std::mutex mutex_;
  std::uint64_t durable_count_ = 0;  ///< events durable and pushed
  /// durable_count_ once each round's pushes are queued, read without mutex_ (send_reply).
  std::atomic<std::uint64_t> durable_pushed_{0};
  std::uint64_t failed_commits_ = 0;         ///< refuse_from calls
  bool stopping_ = false;                    ///< stop() was called
  std::condition_variable durable_changed_;  ///< durable_count_, failed_commits_ or stopping_
  std::map<std::uint64_t, storage::stored_event> ready_;  ///< durable, waiting for their turn
  /// Sends waiting for a seq to be durable.
  std::multimap<std::uint64_t, std::function<void(boost::system::error_code)>> waiting_;
  std::string last_state_push_;             ///< to the public
  std::string last_privileged_state_push_;  ///< to chair, secretary, scrutineers
  /// By connection id: a push reads these instead of walking every connection.
  std::map<std::uint64_t, subscriber> board_subscribers_;
  std::map<std::uint64_t, subscriber> basis_subscribers_;
  std::map<std::uint64_t, subscriber> course_subscribers_;
  /// The course subscribers by their device key (hex): the few an event outside the course goes to.
  std::multimap<std::string, std::uint64_t> course_by_device_;
  std::map<std::uint64_t, subscriber> state_subscribers_;
  std::map<std::uint64_t, subscriber> result_subscribers_;

  /// Results sealed until announced (its own mutex, taken last).
  result_embargo embargo_;
  /// The sitting's course, for get_board's `only: "course"` (its own mutex, taken last).
  course_index course_;
  /// The board and basis subscribers fed from the log (its own mutex, taken last).
  board_feed feed_;
  std::unique_ptr<coalescing_pusher> pusher_;
};

}  // namespace plenum::server::service
