#include "service/board_feed.hpp"

#include <algorithm>

namespace plenum::server::service {

namespace {

std::size_t size_of(const std::shared_ptr<const std::string>& frame) {
  return frame ? frame->size() : 0;
}

}  // namespace

void board_feed::fall_behind(const std::shared_ptr<net::connection>& conn, std::uint64_t next_seq) {
  std::lock_guard lock(mutex_);
  lagging_.try_emplace(conn->id(), lagging{conn, next_seq, {}});
}

bool board_feed::behind(std::uint64_t conn_id) const {
  std::lock_guard lock(mutex_);
  return lagging_.count(conn_id) != 0;
}

std::optional<std::uint64_t> board_feed::position(std::uint64_t conn_id) const {
  std::lock_guard lock(mutex_);
  const auto it = lagging_.find(conn_id);
  if (it == lagging_.end()) return std::nullopt;
  return it->second.next_seq;
}

void board_feed::advance(std::uint64_t conn_id, std::uint64_t next_seq, bool live) {
  std::lock_guard lock(mutex_);
  const auto it = lagging_.find(conn_id);
  if (it == lagging_.end()) return;
  auto& l = it->second;
  l.next_seq = next_seq;
  // In the order they came: a frame waiting for later events holds back those after it.
  while (!l.waiting.empty() && (live || l.waiting.front().events <= next_seq)) {
    l.waiting_bytes -= size_of(l.waiting.front().frame);
    l.conn->send(std::move(l.waiting.front().frame));
    l.waiting.pop_front();
  }
  if (live) lagging_.erase(it);
}

void board_feed::send_after(const std::shared_ptr<net::connection>& conn, std::uint64_t events,
                            std::shared_ptr<const std::string> frame, bool view) {
  std::lock_guard lock(mutex_);
  const auto it = lagging_.find(conn->id());
  if (it == lagging_.end() || (it->second.waiting.empty() && events <= it->second.next_seq))
    return conn->send(std::move(frame));
  auto& waiting = it->second.waiting;
  auto& bytes = it->second.waiting_bytes;
  // Only the newest view of the state matters.
  if (view)
    waiting.erase(std::remove_if(waiting.begin(), waiting.end(),
                                 [&bytes](const waiting_frame& w) {
                                   if (w.view) bytes -= size_of(w.frame);
                                   return w.view;
                                 }),
                  waiting.end());
  bytes += size_of(frame);
  waiting.push_back({events, std::move(frame), view});
  if (waiting.size() <= max_waiting && bytes <= max_waiting_bytes) return;
  for (auto& w : waiting) conn->send(std::move(w.frame));
  waiting.clear();
  bytes = 0;
}

void board_feed::forget(std::uint64_t conn_id, bool send_waiting) {
  std::lock_guard lock(mutex_);
  const auto it = lagging_.find(conn_id);
  if (it == lagging_.end()) return;
  if (send_waiting)
    for (auto& w : it->second.waiting) it->second.conn->send(std::move(w.frame));
  lagging_.erase(it);
}

}  // namespace plenum::server::service
