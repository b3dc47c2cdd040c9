// Accepts TCP connections and starts an http_session for each, on its own strand.
#pragma once

#include <memory>

#include "net/beast.hpp"
#include "net/server_state.hpp"

namespace plenum::server::net {

/// Owns the listening socket. Lives through shared_from_this while accepting.
class listener final : public std::enable_shared_from_this<listener> {
 public:
  /// Opens, binds and listens on `endpoint` (port 0 picks a free port). Throws
  /// boost::system::system_error when the address cannot be bound (start-up configuration).
  listener(asio::io_context& ioc, const tcp::endpoint& endpoint,
           std::shared_ptr<server_state> state);

  /// The bound endpoint (with the real port when 0 was asked for).
  [[nodiscard]] tcp::endpoint local_endpoint() const { return local_; }

  /// Starts accepting. REQUIRES: called once.
  void run();

  /// Stops accepting; connections already accepted go on. Thread-safe.
  void stop();

 private:
  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void on_backoff(beast::error_code ec);

  asio::io_context& ioc_;
  tcp::acceptor acceptor_;
  asio::steady_timer backoff_;  // pause after a failed accept (e.g. out of descriptors)
  std::shared_ptr<server_state> state_;
  tcp::endpoint local_;
};

}  // namespace plenum::server::net
