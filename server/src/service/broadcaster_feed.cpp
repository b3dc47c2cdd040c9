// The broadcaster's feed of lagging board and basis subscribers (board_feed.hpp): a page of the
// durable log each time the subscriber's connection drained, until it is live again.
#include <algorithm>
#include <functional>
#include <memory>

#include "common/log.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/broadcaster.hpp"

namespace plenum::server::service {

namespace {

/// Events read from the log at a time while a page is filled.
constexpr std::uint64_t chunk_events = 64;

/// The stored size of `e` as a push carries it, near enough to fill a page.
std::size_t approximate_size(const storage::stored_event& e) {
  constexpr std::size_t hashes_and_fields = 400;
  return e.payload.size() + e.type.size() + hashes_and_fields;
}

}  // namespace

void broadcaster::send_after_board(const std::shared_ptr<net::connection>& conn,
                                   std::uint64_t events, std::shared_ptr<const std::string> frame) {
  feed_.send_after(conn, events, std::move(frame));
}

void broadcaster::send_reply(const std::shared_ptr<net::connection>& conn, std::string frame) {
  // Every event durable before the reply was made has been pushed or fed past by then.
  feed_.send_after(conn, durable_pushed_, std::make_shared<const std::string>(std::move(frame)));
}

void broadcaster::fall_behind_locked(const subscriber& sub, std::uint64_t next_seq) {
  log::info("subscriber behind", {{"conn", sub.conn->id()}, {"seq", next_seq}});
  feed_.fall_behind(sub.conn, next_seq);
  sub.conn->when_drained([this, conn_id = sub.conn->id()] { feed(conn_id); });
}

void broadcaster::feed(std::uint64_t conn_id) {
  // Where the subscriber stopped, and what it reads, as it stands now.
  std::shared_ptr<net::connection> conn;
  bool every = false;
  bool privileged = false;
  std::uint64_t from = 0;
  std::uint64_t head = 0;
  {
    std::lock_guard lock(mutex_);
    const auto position = feed_.position(conn_id);
    if (!position) return;
    const auto board = board_subscribers_.find(conn_id);
    const auto basis = basis_subscribers_.find(conn_id);
    const auto* sub = board != board_subscribers_.end()   ? &board->second
                      : basis != basis_subscribers_.end() ? &basis->second
                                                          : nullptr;
    if (sub == nullptr) {
      feed_.forget(conn_id, true);
      return;
    }
    conn = sub->conn;
    every = board != board_subscribers_.end();
    privileged = sub->privileged;
    from = *position;
    head = durable_count_;
  }

  // The page, read without mutex_: as many events as the connection has room for before it is
  // backlogged again (at least one event), up to the head seen above. It ends where the room
  // does, not at the end of a chunk: 64 large events would pass the queue's limit.
  std::vector<protocol::board_event> page;
  const std::size_t room = std::max<std::size_t>(conn->backlog_room(), 1);
  std::size_t bytes = 0;
  std::uint64_t next = from;
  const std::function<bool(const storage::stored_event&)> keep =
      every ? std::function<bool(const storage::stored_event&)>{} : in_basis;
  while (next < head && bytes < room) {
    const auto chunk = log_.select(next, head, chunk_events, keep);
    bool whole_chunk = true;
    for (const auto& e : chunk) {
      if (!page.empty() && bytes >= room) {
        whole_chunk = false;
        break;
      }
      bytes += approximate_size(e);
      page.push_back(board_event_for(e, privileged));
      next = e.seq + 1;
    }
    // A short chunk held every event it selects up to the head.
    if (whole_chunk && chunk.size() < chunk_events) next = head;
  }

  std::vector<std::shared_ptr<const std::string>> frames;
  for (std::size_t i = 0; i < page.size(); i += protocol::max_events_per_push) {
    const auto end = std::min(page.size(), i + protocol::max_events_per_push);
    frames.push_back(std::make_shared<const std::string>(
        protocol::encode_board_events_push({page.begin() + static_cast<std::ptrdiff_t>(i),
                                            page.begin() + static_cast<std::ptrdiff_t>(end)})));
  }

  std::lock_guard lock(mutex_);
  // A new subscription or the connection's end took over meanwhile.
  if (feed_.position(conn_id) != from) return;
  for (auto& frame : frames) conn->send(std::move(frame));
  // Under mutex_ no live push is made: at the head the next round's push is its next event.
  const bool live = next >= durable_count_;
  feed_.advance(conn_id, next, live);
  if (live) return log::info("subscriber live again", {{"conn", conn_id}, {"seq", next}});
  conn->when_drained([this, conn_id] { feed(conn_id); });
}

}  // namespace plenum::server::service
