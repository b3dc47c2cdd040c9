// How often the hall pushes `state` to its subscribers.
#pragma once

#include <chrono>

namespace plenum::server::service {

/// The pause after a `state` push: `interval`, or `per_subscriber` × the subscribers the push
/// went to when that is longer, but never more than `longest`. Each frame costs the server a TLS
/// record and a system call, so in a full hall the pushes come less often and their cost stays
/// a small share of a core (at 0.4 ms per subscriber and ~12 µs per frame, about 3 % up to
/// 1250 subscribers); a change still reaches every subscriber within `longest` and the time to
/// send it.
struct state_push_pace {
  std::chrono::milliseconds interval{200};
  std::chrono::microseconds per_subscriber{400};
  std::chrono::milliseconds longest{500};
};

}  // namespace plenum::server::service
