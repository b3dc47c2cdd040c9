// The limits and timeouts of plenumd's connections: what a client may cost the server.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace plenum::server::net {

/// Per-connection limits. Plain values; copied into each session at creation.
struct session_limits {
  /// Largest WebSocket message accepted; a larger one closes the connection (code 1009).
  std::size_t read_message_max = 256 * 1024;
  /// Largest total size of messages waiting to be written to one WebSocket peer.
  std::size_t send_queue_max_bytes = 8 * 1024 * 1024;
  /// Largest number of messages waiting to be written to one WebSocket peer.
  std::size_t send_queue_max_messages = 4096;
  /// The messages waiting past which a connection is backlogged (connection::backlog_room): an
  /// eighth of the limits (1 MiB, 512 messages by default), far enough below them that the
  /// pages a lagging subscriber is fed and the replies behind them fit, and short enough that a
  /// reply waits behind at most about a second of a hall Wi-Fi's throughput.
  [[nodiscard]] std::size_t backlog_bytes() const { return send_queue_max_bytes / 8; }
  [[nodiscard]] std::size_t backlog_messages() const { return send_queue_max_messages / 8; }
  /// The messages waiting at or under which a backlogged connection has drained
  /// (connection::when_drained): a thirty-second of the limits (256 KiB, 128 messages), enough
  /// to keep the link busy while the next page is read.
  [[nodiscard]] std::size_t drained_bytes() const { return send_queue_max_bytes / 32; }
  [[nodiscard]] std::size_t drained_messages() const { return send_queue_max_messages / 32; }
  /// Largest HTTP request header block.
  std::uint32_t http_header_limit = 8 * 1024;
  /// Largest HTTP request body (the server only serves GET and HEAD).
  std::uint64_t http_body_limit = 16 * 1024;
  /// Time allowed for the TLS handshake.
  std::chrono::seconds tls_handshake_timeout{15};
  /// Time allowed to receive one HTTP request, and idle time between keep-alive requests.
  std::chrono::seconds http_request_timeout{30};
  /// Requests served on one keep-alive connection before the server closes it.
  unsigned http_max_requests = 100;
};

}  // namespace plenum::server::net
