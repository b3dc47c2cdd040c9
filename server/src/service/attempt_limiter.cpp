#include "service/attempt_limiter.hpp"

namespace plenum::server::service {

void attempt_limiter::expire(std::deque<std::int64_t>& times, std::int64_t now_ms) const {
  while (!times.empty() && now_ms - times.front() >= limits_.window.count()) times.pop_front();
}

bool attempt_limiter::allowed(std::string_view address, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(address);
  if (it == failures_.end()) return true;
  expire(it->second, now_ms);
  if (it->second.empty()) {
    failures_.erase(it);
    return true;
  }
  return it->second.size() < limits_.max_failures_per_address;
}

void attempt_limiter::failed(std::string_view address, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(address);
  if (it == failures_.end())
    it = failures_.emplace(std::string(address), std::deque<std::int64_t>{}).first;
  expire(it->second, now_ms);
  it->second.push_back(now_ms);
  // Old entries of addresses that went quiet go too, so the map stays as small as the guessers.
  if (failures_.size() > 4096) {
    for (auto i = failures_.begin(); i != failures_.end();) {
      expire(i->second, now_ms);
      i = i->second.empty() ? failures_.erase(i) : std::next(i);
    }
  }
}

std::string attempt_limiter::address_of(std::string_view remote) {
  if (!remote.empty() && remote.front() == '[') {
    const auto close = remote.find(']');
    return std::string(
        remote.substr(1, close == std::string_view::npos ? remote.size() - 1 : close - 1));
  }
  const auto colon = remote.rfind(':');
  return std::string(colon == std::string_view::npos ? remote : remote.substr(0, colon));
}

}  // namespace plenum::server::service
