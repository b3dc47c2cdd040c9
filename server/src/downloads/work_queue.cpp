#include "downloads/work_queue.hpp"

#include <exception>

#include "common/log.hpp"

namespace plenum::server::downloads {

work_queue::work_queue(std::size_t max_waiting)
    : max_waiting_(max_waiting), worker_([this] { run(); }) {}

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
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
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
