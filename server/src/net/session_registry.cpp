#include "net/session_registry.hpp"

namespace plenum::server::net {

connection::~connection() = default;
ws_handler::~ws_handler() = default;
closable::~closable() = default;

std::uint64_t session_registry::next_id() noexcept {
  return last_id_.fetch_add(1, std::memory_order_relaxed) + 1;
}

void session_registry::add(std::uint64_t id, std::weak_ptr<closable> session,
                           std::weak_ptr<connection> conn) {
  bool late = false;
  {
    std::lock_guard lock(mutex_);
    entries_[id] = entry{session, std::move(conn)};
    late = shutting_down_;
  }
  if (late) {
    if (auto s = session.lock()) s->shutdown();
  }
}

void session_registry::remove(std::uint64_t id) noexcept {
  std::lock_guard lock(mutex_);
  entries_.erase(id);
}

std::vector<std::shared_ptr<connection>> session_registry::connections() const {
  std::vector<std::weak_ptr<connection>> weak;
  {
    std::lock_guard lock(mutex_);
    weak.reserve(entries_.size());
    for (const auto& [id, e] : entries_) {
      if (!e.conn.expired()) weak.push_back(e.conn);
    }
  }
  std::vector<std::shared_ptr<connection>> live;
  live.reserve(weak.size());
  for (auto& w : weak) {
    if (auto c = w.lock()) live.push_back(std::move(c));
  }
  return live;
}

std::size_t session_registry::broadcast(const std::shared_ptr<const std::string>& text) const {
  auto live = connections();
  for (auto& c : live) c->send(text);
  return live.size();
}

std::size_t session_registry::broadcast_if(
    const std::shared_ptr<const std::string>& text,
    const std::function<bool(const connection&)>& select) const {
  std::size_t sent = 0;
  for (auto& c : connections()) {
    if (select(*c)) {
      c->send(text);
      ++sent;
    }
  }
  return sent;
}

void session_registry::shutdown_all() {
  std::vector<std::weak_ptr<closable>> weak;
  {
    std::lock_guard lock(mutex_);
    shutting_down_ = true;
    weak.reserve(entries_.size());
    for (const auto& [id, e] : entries_) weak.push_back(e.session);
  }
  for (auto& w : weak) {
    if (auto s = w.lock()) s->shutdown();
  }
}

std::size_t session_registry::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace plenum::server::net
