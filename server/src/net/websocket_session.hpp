// One WebSocket connection over TLS: reads text messages for the application's handler and
// writes the messages queued for it, one at a time.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>

#include "net/beast.hpp"
#include "net/server_state.hpp"
#include "net/session_registry.hpp"
#include "net/ws_handler.hpp"

namespace plenum::server::net {

/// Owns itself through shared_from_this: it lives as long as one of its asynchronous
/// operations is pending. Every operation runs on the connection's strand (the executor of
/// the stream it is given). Registered in the server's registry from `run` until it ends.
class websocket_session final : public connection,
                                public closable,
                                public std::enable_shared_from_this<websocket_session> {
 public:
  /// Takes over a TLS stream whose handshake is done and whose HTTP upgrade request was read.
  /// `handler` serves it (the state's handler or a route's; it outlives the state's io_context
  /// like them). REQUIRES: the stream's lowest layer has no timeout set (expires_never).
  websocket_session(tls_stream&& stream, std::shared_ptr<server_state> state, ws_handler& handler);
  ~websocket_session() override;

  /// Completes the WebSocket handshake for `upgrade`, then serves the connection.
  /// REQUIRES: called once, on the stream's strand.
  void run(http::request<http::string_body> upgrade);

  // connection
  [[nodiscard]] std::uint64_t id() const override { return id_; }
  void send(std::shared_ptr<const std::string> text) override;
  [[nodiscard]] std::size_t backlog_room() const override;
  void when_drained(std::function<void()> then) override;
  void close() override;
  [[nodiscard]] std::string remote() const override { return remote_; }

  // closable: close with 1001 (going away) after the queued writes.
  void shutdown() override;

 private:
  void on_accept(beast::error_code ec);
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void on_send(std::shared_ptr<const std::string> text);
  /// One message sent and not yet written is gone (written or abandoned).
  void unpend(std::size_t bytes);
  /// Whether the messages not yet written are down to the drained mark.
  [[nodiscard]] bool drained() const;
  /// Runs the when_drained callback once the connection drained. On the strand.
  void run_drained();
  void do_write();
  void on_write(beast::error_code ec, std::size_t bytes);
  void request_close(websocket::close_code code);
  void do_close();
  void on_close(beast::error_code ec);
  void drop(const char* why);
  void fail(beast::error_code ec, const char* what);
  void end();

  websocket::stream<tls_stream> ws_;
  std::shared_ptr<server_state> state_;
  ws_handler& handler_;
  const std::uint64_t id_;
  const std::string remote_;
  beast::flat_buffer buffer_;
  // The messages sent and not yet written (or abandoned), also those still on their way to the
  // strand: read from any thread.
  std::atomic<std::size_t> pending_bytes_{0};
  std::atomic<std::size_t> pending_messages_{0};

  // Everything below is touched only on the strand.
  std::deque<std::shared_ptr<const std::string>> queue_;  // front() is being written
  std::size_t queued_bytes_ = 0;
  std::function<void()> drained_;  // when_drained's callback, not yet run
  websocket::close_code close_code_ = websocket::close_code::normal;
  bool opened_ = false;           // handshake done, handler told
  bool close_requested_ = false;  // close once the queue drains
  bool close_started_ = false;    // async_close issued
  bool ended_ = false;            // handler told on_close, unregistered
};

}  // namespace plenum::server::net
