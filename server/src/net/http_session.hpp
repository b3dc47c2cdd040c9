// One TLS connection on plenumd's port: serves HTTPS requests with keep-alive (downloads by
// download_responder, everything else by http_responder) until the client asks for a
// WebSocket upgrade on `/ws` (or a configured route), then hands the stream to a
// websocket_session with that path's handler.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "net/beast.hpp"
#include "net/server_state.hpp"
#include "net/session_registry.hpp"

namespace plenum::server::net {

/// Owns itself through shared_from_this; every operation runs on the strand of the socket's
/// executor. Limits (header and body size, timeouts, requests per connection) come from the
/// server's session_limits.
class http_session final : public closable, public std::enable_shared_from_this<http_session> {
 public:
  /// Takes an accepted socket whose executor is the connection's strand.
  http_session(tcp::socket&& socket, std::shared_ptr<server_state> state);
  ~http_session() override;

  /// Starts the TLS handshake. REQUIRES: called once.
  void run();

  /// Finishes the response in progress, then closes the connection (TLS close_notify).
  /// Thread-safe.
  void shutdown() override;

 private:
  void on_run();
  void on_handshake(beast::error_code ec);
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void upgrade(ws_handler& handler);
  void do_write(http::message_generator msg);
  void on_write(bool keep_alive, beast::error_code ec, std::size_t bytes);
  void do_shutdown();
  void on_shutdown(beast::error_code ec);
  void fail(beast::error_code ec, const char* what);

  tls_stream stream_;
  std::shared_ptr<server_state> state_;
  const std::uint64_t id_;
  const std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  unsigned requests_ = 0;
  bool reading_ = false;   // a read of the next request is pending (strand only)
  bool stopping_ = false;  // shutdown() was called (strand only)
};

/// True when the upgrade request's Origin, if any, names the host it was sent to
/// (https://<Host>) or one of the hall's addresses (`hall_servers`, "https://host[:port]"), so
/// a page of another site cannot open a WebSocket with the user's browser. Requests without
/// Origin (non-browser clients) pass. Case-insensitive.
[[nodiscard]] bool origin_allowed(const http::request<http::string_body>& req,
                                  const std::vector<std::string>& hall_servers = {});

}  // namespace plenum::server::net
