// Runs a push at most once per interval, and only after something asked for it: many changes
// within one interval cause one push. Owns one thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace plenum::server::service {

/// Calls `push` on its own thread after `notify`, no sooner after the previous call than the
/// pause that call returned; notifications that arrive before the push runs are merged into it.
/// Thread safety: notify may be called from any thread, including from inside `push`.
class coalescing_pusher {
 public:
  /// Starts the thread. `push` returns the shortest pause before the next push; it must not
  /// throw (an exception terminates).
  explicit coalescing_pusher(std::function<std::chrono::milliseconds()> push);
  /// Stops the thread; a pending push is dropped.
  ~coalescing_pusher();
  coalescing_pusher(const coalescing_pusher&) = delete;
  coalescing_pusher& operator=(const coalescing_pusher&) = delete;

  /// Asks for a push.
  void notify();

 private:
  void loop();

  std::function<std::chrono::milliseconds()> push_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace plenum::server::service
