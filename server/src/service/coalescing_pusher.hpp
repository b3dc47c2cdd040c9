// Runs a push after something asked for it, coalescing the changes that come meanwhile: at once
// after a quiet time, and while changes keep coming, once they pause — within bounds the push
// itself sets. Owns one thread.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace plenum::server::service {

/// The bounds a push sets on the next one: no sooner than `shortest` after it, and, while
/// changes keep coming, no later than `longest` after it (REQUIRES: shortest ≤ longest).
struct push_window {
  std::chrono::milliseconds shortest{0};
  std::chrono::milliseconds longest{0};
};

/// When a push of the changes waiting is due: once they have paused for `settle` since the last
/// one (`last_change`), but not before `earliest`, and at `latest` at the latest even if they
/// keep coming. A change after a quiet time is pushed at once (`latest` has passed).
[[nodiscard]] inline std::chrono::steady_clock::time_point push_due(
    std::chrono::steady_clock::time_point earliest, std::chrono::steady_clock::time_point latest,
    std::chrono::steady_clock::time_point last_change, std::chrono::milliseconds settle) {
  return std::min(std::max(earliest, last_change + settle), latest);
}

/// Calls `push` on its own thread after `notify`, when push_due says, from the window the
/// previous call returned; notifications that arrive before the push runs are merged into it.
/// Thread safety: notify may be called from any thread, including from inside `push`.
class coalescing_pusher {
 public:
  /// Starts the thread. `push` returns the window of the next push; it must not throw (an
  /// exception terminates). `settle`: how long changes must pause before a push inside the
  /// window.
  coalescing_pusher(std::function<push_window()> push, std::chrono::milliseconds settle);
  /// Stops the thread; a pending push is dropped.
  ~coalescing_pusher();
  coalescing_pusher(const coalescing_pusher&) = delete;
  coalescing_pusher& operator=(const coalescing_pusher&) = delete;

  /// Asks for a push. Wakes the pusher's thread only when no push was pending (a burst of
  /// changes costs one wake-up, not one each).
  void notify();

 private:
  void loop();

  std::function<push_window()> push_;
  std::chrono::milliseconds settle_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool stop_ = false;
  std::chrono::steady_clock::time_point last_change_;
  std::thread thread_;
};

}  // namespace plenum::server::service
