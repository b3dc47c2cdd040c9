// The wall clock as the standby machine's messages and files carry it.
#pragma once

#include <cstdint>

namespace plenum::server::app {

/// Milliseconds since the Unix epoch, by the system clock.
[[nodiscard]] std::uint64_t now_ms();

}  // namespace plenum::server::app
