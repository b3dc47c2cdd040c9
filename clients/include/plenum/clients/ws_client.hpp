// A small synchronous WebSocket-over-TLS client for plenumd: for the integration tests and
// the command-line client.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <plenum/clients/tls_options.hpp>
#include <plenum/protocol/error.hpp>

namespace plenum::clients {

/// The close frame the server sent (RFC 6455 status code and reason).
struct close_info {
  std::uint16_t code = 0;
  std::string reason;
};

/// One WebSocket connection. Every call blocks until done or until its timeout; errors are
/// Boost.Asio/Beast/OpenSSL codes (e.g. beast::error::timeout,
/// websocket::error::closed, an ssl::error for a refused handshake).
/// After a timeout or an error the connection is unusable: only destruction remains.
/// Not thread-safe: use one client from one thread at a time. Movable, not copyable.
class ws_client {
 public:
  ws_client(ws_client&&) noexcept;
  ws_client& operator=(ws_client&&) noexcept;
  ~ws_client();

  /// Connects to wss://host:port<target>: TCP, TLS handshake (with SNI and the checks
  /// `tls` asks for), WebSocket handshake; all within `timeout`.
  [[nodiscard]] static plenum::result<ws_client> connect(std::string_view host, std::uint16_t port,
                                                         const tls_options& tls,
                                                         std::chrono::milliseconds timeout,
                                                         std::string_view target = "/ws");

  /// Sends one text message.
  [[nodiscard]] plenum::result<void> send_text(std::string_view text,
                                               std::chrono::milliseconds timeout);

  /// Sends one binary message (plenumd refuses them; for tests of that).
  [[nodiscard]] plenum::result<void> send_binary(std::string_view data,
                                                 std::chrono::milliseconds timeout);

  /// Waits up to `timeout` for the next message (text or binary) and returns its payload.
  /// When the server closes the connection the error is websocket::error::closed and
  /// `close_reason` tells why.
  [[nodiscard]] plenum::result<std::string> receive(std::chrono::milliseconds timeout);

  /// Sends a close frame (1000) and waits for the server's.
  [[nodiscard]] plenum::result<void> close(std::chrono::milliseconds timeout);

  /// The server's close frame, once one was received.
  [[nodiscard]] std::optional<close_info> close_reason() const;

  /// The negotiated TLS version ("TLSv1.3").
  [[nodiscard]] std::string tls_version() const;

 private:
  struct impl;
  explicit ws_client(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

}  // namespace plenum::clients
