#include "service/coalescing_pusher.hpp"

namespace plenum::server::service {

coalescing_pusher::coalescing_pusher(std::function<push_window()> push,
                                     std::chrono::milliseconds settle)
    : push_(std::move(push)), settle_(settle), thread_([this] { loop(); }) {}

coalescing_pusher::~coalescing_pusher() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void coalescing_pusher::notify() {
  bool was_pending = false;
  {
    std::lock_guard lock(mutex_);
    last_change_ = std::chrono::steady_clock::now();
    was_pending = pending_;
    pending_ = true;
  }
  // A pending push already has its thread waiting for its moment, which it recomputes from
  // last_change_ when it comes.
  if (!was_pending) wake_.notify_all();
}

void coalescing_pusher::loop() {
  using clock = std::chrono::steady_clock;
  auto earliest = clock::now();
  auto latest = earliest;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return pending_ || stop_; });
    if (stop_) return;
    // Changes meanwhile join this push and may move it, up to `latest`.
    for (auto due = push_due(earliest, latest, last_change_, settle_); clock::now() < due;
         due = push_due(earliest, latest, last_change_, settle_)) {
      if (wake_.wait_until(lock, due, [this] { return stop_; })) return;
    }
    pending_ = false;
    lock.unlock();
    const push_window next = push_();
    const auto pushed = clock::now();
    earliest = pushed + next.shortest;
    latest = pushed + std::max(next.shortest, next.longest);
    lock.lock();
  }
}

}  // namespace plenum::server::service
