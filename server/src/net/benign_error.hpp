// Which connection errors are routine (a peer leaving, our own cancellation) and need no
// warning in the log.
#pragma once

#include "net/beast.hpp"

namespace plenum::server::net {

/// True for operation_aborted, end of stream, connection reset, a TLS stream truncated by
/// the peer, a closed WebSocket and a timeout.
[[nodiscard]] bool is_benign(const beast::error_code& ec) noexcept;

}  // namespace plenum::server::net
