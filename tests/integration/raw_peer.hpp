// Misbehaving peers of plenumd for the hostile-input tests, below what ws_client allows: a bare
// TCP connection that never speaks TLS, and a TLS connection on a socket with a tiny receive
// buffer that upgrades to WebSocket, sends frames, stops reading and may read again.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace plenum::tests {

/// A connected TCP socket to 127.0.0.1:port, closed on destruction. Movable.
class tcp_peer {
 public:
  /// Connects (blocking); `receive_buffer` > 0 sets SO_RCVBUF before connecting. Throws
  /// std::runtime_error on failure.
  explicit tcp_peer(std::uint16_t port, int receive_buffer = 0);
  ~tcp_peer();
  tcp_peer(tcp_peer&& other) noexcept;
  tcp_peer& operator=(tcp_peer&&) = delete;
  tcp_peer(const tcp_peer&) = delete;
  tcp_peer& operator=(const tcp_peer&) = delete;

  /// Writes all of `bytes`; throws std::runtime_error on failure.
  void write(std::string_view bytes);
  [[nodiscard]] int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

/// A TLS client on a tcp_peer (no certificate check). Not thread-safe.
class tls_peer {
 public:
  /// Connects and completes the TLS handshake; throws std::runtime_error on failure.
  explicit tls_peer(std::uint16_t port, int receive_buffer = 0);
  ~tls_peer();
  tls_peer(const tls_peer&) = delete;
  tls_peer& operator=(const tls_peer&) = delete;

  /// Sends the WebSocket upgrade request for /ws (from a page of `origin` when not empty) and
  /// reads the response header; returns whether it was "101 Switching Protocols".
  bool upgrade(std::string_view origin = {});
  /// Sends one masked text frame (client to server).
  void send_text(std::string_view text);
  /// Reads the next whole text message (its fragments joined; pings and pongs skipped); nullopt
  /// when none comes within `timeout` of each read, or the connection closed.
  std::optional<std::string> receive_text(std::chrono::milliseconds timeout);
  /// Reads and discards whatever arrives until the server closes the connection; whether it
  /// did within `timeout`.
  bool drained_until_closed(std::chrono::milliseconds timeout);

 private:
  void write(std::string_view bytes);
  /// Reads exactly `n` bytes; false on a timeout, an error or the end.
  bool read_exact(char* out, std::size_t n);
  struct tls;
  tcp_peer tcp_;
  std::unique_ptr<tls> tls_;
};

}  // namespace plenum::tests
