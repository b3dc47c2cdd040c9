#include "app/now_ms.hpp"

#include <chrono>

namespace plenum::server::app {

std::uint64_t now_ms() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

}  // namespace plenum::server::app
