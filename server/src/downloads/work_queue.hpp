// One worker thread that runs slow jobs (packing a record, rendering a sheet) in order, off the
// I/O threads, and a chore of its own whenever it has been idle for a while (removing expired
// downloads).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace plenum::server::downloads {

/// Thread-safe: `post` may be called from any thread.
class work_queue {
 public:
  /// Starts the worker; at most `max_waiting` jobs wait behind the running one. `idle`, when
  /// given, runs on the worker after each `idle_every` without a job.
  explicit work_queue(std::size_t max_waiting, std::function<void()> idle = {},
                      std::chrono::milliseconds idle_every = std::chrono::seconds(30));
  /// Lets the running job finish, drops the waiting ones unrun, and joins the worker.
  ~work_queue();
  work_queue(const work_queue&) = delete;
  work_queue& operator=(const work_queue&) = delete;

  /// Queues `job`; false (and `job` dropped) when `max_waiting` jobs already wait. An exception
  /// escaping a job is swallowed after being logged.
  bool post(std::function<void()> job);

 private:
  void run();

  const std::size_t max_waiting_;
  const std::function<void()> idle_;
  const std::chrono::milliseconds idle_every_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace plenum::server::downloads
