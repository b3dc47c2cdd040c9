// How often the hall pushes `state` to its subscribers.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "service/coalescing_pusher.hpp"

namespace plenum::server::service {

/// The pause after a `state` push that went to `subscribers`: `interval`, or `per_subscriber` ×
/// the subscribers when that is longer, but no more than `longest` — a change reaches every
/// subscriber within `longest` and the time to send it. Each frame costs the server a TLS
/// record and a system call, so in a full hall the pushes come less often and their cost stays
/// a small share of a core (at 0.4 ms per subscriber and ~12 µs per frame, about 3 % up to 1250
/// subscribers). Past `longest` the frames would grow with the hall (20,000 a second to 10,000
/// subscribers every 500 ms): at most `frames_per_second` go out, the pause growing with the
/// hall up to `longest_in_a_large_hall` (unchanged up to 5000 subscribers, 1 s at 10,000).
///
/// While the state keeps changing (a burst of ballots moves the progress with each), the push
/// waits for the changes to pause for `settle`, up to `while_changing` × that pause: a burst
/// gets a quarter of the frames, and its last change still reaches every subscriber within the
/// pause (or `settle`) and the time to send it (coalescing_pusher.hpp, push_due).
struct state_push_pace {
  std::chrono::milliseconds interval{200};
  std::chrono::microseconds per_subscriber{400};
  std::chrono::milliseconds longest{500};
  std::uint64_t frames_per_second{10'000};
  std::chrono::milliseconds longest_in_a_large_hall{1000};
  std::chrono::milliseconds settle{100};
  int while_changing{4};

  /// The pause after a push to `subscribers`, as above; at least `interval`.
  [[nodiscard]] std::chrono::milliseconds pause_after(std::size_t subscribers) const {
    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    const auto n = static_cast<std::int64_t>(subscribers);
    const auto spread =
        std::min(duration_cast<milliseconds>(per_subscriber * n), std::max(interval, longest));
    const auto within_budget =
        frames_per_second == 0
            ? milliseconds(0)
            : milliseconds(n * 1000 / static_cast<std::int64_t>(frames_per_second));
    const auto ceiling = std::max({interval, longest, longest_in_a_large_hall});
    return std::clamp(std::max(spread, within_budget), interval, ceiling);
  }

  /// The next push's bounds after a push to `subscribers`: no sooner than pause_after, and no
  /// later than `while_changing` times it while the state keeps changing.
  [[nodiscard]] push_window window_after(std::size_t subscribers) const {
    const auto pause = pause_after(subscribers);
    return {pause, pause * std::max(1, while_changing)};
  }
};

}  // namespace plenum::server::service
