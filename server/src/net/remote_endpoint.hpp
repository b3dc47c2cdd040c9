// The peer's address of a connection, for logs.
#pragma once

#include <string>

#include "net/beast.hpp"

namespace plenum::server::net {

/// "address:port" of the stream's peer ("[::1]:50312" for IPv6); "unknown" when the socket
/// is no longer connected. Never throws.
[[nodiscard]] std::string remote_endpoint_of(const beast::tcp_stream& stream) noexcept;

}  // namespace plenum::server::net
