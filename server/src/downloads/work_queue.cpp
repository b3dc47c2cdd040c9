#include "downloads/work_queue.hpp"

#include <exception>

#include "common/log.hpp"

namespace plenum::server::downloads {

work_queue::work_queue(std::size_t max_waiting, std::function<void()> idle,
                       std::chrono::milliseconds idle_every)
    : max_waiting_(max_waiting),
      idle_(std::move(idle)),
      idle_every_(idle_every),
      worker_([this] { run(); }) {}

work_queue::~work_queue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  wake_.notify_all();
  worker_.join();
}

bool work_queue::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || jobs_.size() >= max_waiting_) return false;
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

void work_queue::run() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      const bool woken =
          wake_.wait_for(lock, idle_every_, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      if (!woken) {
        if (!idle_) continue;
        job = idle_;
      } else {
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
    }
    try {
      job();
    } catch (const std::exception& e) {
      log::error("background job failed", {{"error", e.what()}});
    } catch (...) {
      log::error("background job failed");
    }
  }
}

}  // namespace plenum::server::downloads
