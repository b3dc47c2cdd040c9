// attempt_limiter: what guessing enrollment codes or device keys costs. Every refused `enroll`
// or `auth` counts against the address it came from; past the limit within the window, that
// address gets `rate_limited` for those two requests until older failures age out, so that a
// guesser pays in time while every other tablet of the hall goes on (protocol/PROTOCOL.md §5).
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace plenum::server::service {

/// The limits of attempt_limiter.
struct attempt_limits {
  /// Refused enroll and auth requests one address may make within `window`.
  unsigned max_failures_per_address = 20;
  std::chrono::milliseconds window{60'000};
};

/// Thread safety: every member may be called from any thread (one internal mutex, taken last).
class attempt_limiter {
 public:
  explicit attempt_limiter(attempt_limits limits) : limits_(limits) {}

  /// Whether `address` may try now (at `now_ms`, unix ms).
  [[nodiscard]] bool allowed(std::string_view address, std::int64_t now_ms);

  /// Counts a refused attempt from `address` at `now_ms`.
  void failed(std::string_view address, std::int64_t now_ms);

  /// The host part of a "host:port" or "[v6]:port" peer name.
  [[nodiscard]] static std::string address_of(std::string_view remote);

 private:
  // Drops the failures older than the window. REQUIRES: mutex_ held.
  void expire(std::deque<std::int64_t>& times, std::int64_t now_ms) const;

  attempt_limits limits_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>, std::less<>> failures_;  ///< by address
};

}  // namespace plenum::server::service
