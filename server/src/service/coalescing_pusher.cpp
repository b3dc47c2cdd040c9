#include "service/coalescing_pusher.hpp"

namespace plenum::server::service {

coalescing_pusher::coalescing_pusher(std::function<std::chrono::milliseconds()> push)
    : push_(std::move(push)), thread_([this] { loop(); }) {}

coalescing_pusher::~coalescing_pusher() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void coalescing_pusher::notify() {
  {
    std::lock_guard lock(mutex_);
    // A push already asked for takes this change too: the thread is woken only when it waits
    // for a first request, never while it waits out the interval.
    if (pending_) return;
    pending_ = true;
  }
  wake_.notify_one();
}

void coalescing_pusher::loop() {
  auto next_allowed = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return pending_ || stop_; });
    if (stop_) return;
    // Wait out the rest of the interval; changes meanwhile join this push.
    if (wake_.wait_until(lock, next_allowed, [this] { return stop_; })) return;
    pending_ = false;
    lock.unlock();
    const auto pause = push_();
    next_allowed = std::chrono::steady_clock::now() + pause;
    lock.lock();
  }
}

}  // namespace plenum::server::service
