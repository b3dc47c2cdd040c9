// board_feed: the `board` and `basis` subscribers whose connection fell behind, and the frames
// that must reach them after their board events. A subscriber whose connection is backlogged
// (net::connection::backlog_room) is pushed nothing live: the broadcaster feeds it from the
// durable log, a bounded page each time its connection drained, from the seq it stopped at, and
// it is live again once the feed reaches the durable head. The replies and `state` views that
// must follow the board events they count wait here until the feed passed those events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "net/ws_handler.hpp"

namespace plenum::server::service {

/// Thread safety: every member may be called from any thread. One mutex guards the lagging
/// connections; the broadcaster takes it after its own (it is taken last), and every frame sent
/// here is sent under it, so that a frame let through follows the pages queued before it.
class board_feed {
 public:
  /// Marks `conn` behind: its board's next event is `next_seq`, and nothing is pushed to it live
  /// until the feed is live again (advance). No effect when it is behind already.
  void fall_behind(const std::shared_ptr<net::connection>& conn, std::uint64_t next_seq);
  /// Whether connection `conn_id` is behind.
  [[nodiscard]] bool behind(std::uint64_t conn_id) const;
  /// The seq connection `conn_id`'s feed goes on from; nullopt when it is live.
  [[nodiscard]] std::optional<std::uint64_t> position(std::uint64_t conn_id) const;
  /// The feed of `conn_id` queued its board up to `next_seq` (not included): the frames waiting
  /// for no later event leave now, in the order they came. `live`: it reached the durable head,
  /// every frame waiting leaves and the connection is pushed live again.
  /// REQUIRES: called under the broadcaster's mutex, after the page was queued.
  void advance(std::uint64_t conn_id, std::uint64_t next_seq, bool live);
  /// Sends `frame` on `conn` once the connection's board holds the first `events` events: at
  /// once unless it is behind before them, else once its feed passed them. A `view` (a `state`
  /// push) replaces the views still waiting. Past max_waiting frames or max_waiting_bytes bytes
  /// waiting, they all leave at once, out of order: a peer that has read nothing for so long is
  /// left to the connection's limits.
  void send_after(const std::shared_ptr<net::connection>& conn, std::uint64_t events,
                  std::shared_ptr<const std::string> frame, bool view = false);
  /// The most frames one connection has waiting.
  static constexpr std::size_t max_waiting = 256;
  /// The most bytes one connection has waiting: what waits here is not counted against the
  /// connection's send-queue limit, so it is bounded by itself (an eighth of the default limit).
  static constexpr std::size_t max_waiting_bytes = 1024 * 1024;
  /// Ends the feed of `conn_id`: the frames waiting are sent (a new subscription starts its board
  /// afresh) or, when the connection is gone (`send_waiting` false), dropped.
  void forget(std::uint64_t conn_id, bool send_waiting);

 private:
  struct waiting_frame {
    std::uint64_t events = 0;
    std::shared_ptr<const std::string> frame;
    bool view = false;
  };
  struct lagging {
    std::shared_ptr<net::connection> conn;
    std::uint64_t next_seq = 0;
    /// Frames and the number of events the board must hold before each, in the order sent.
    std::deque<waiting_frame> waiting;
    std::size_t waiting_bytes = 0;  ///< the sizes of the frames in `waiting`
  };

  mutable std::mutex mutex_;
  std::map<std::uint64_t, lagging> lagging_;
};

}  // namespace plenum::server::service
