// Which of the hall's addresses (--hall-server) is this machine's own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plenum::server::app {

/// The first of `hall_servers` ("https://host[:port]", port 443 when none) whose port is `port`
/// and whose host is, or resolves to, an address of one of this machine's network interfaces;
/// "" when none is (or `port` is 0: not known before binding).
[[nodiscard]] std::string own_hall_address(const std::vector<std::string>& hall_servers,
                                           std::uint16_t port);

}  // namespace plenum::server::app
