// plenumd's network front: one TLS port serving HTTPS (web client files, /healthz) and
// WebSocket connections on /ws for the application's handler (and on the configured routes for
// theirs).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "net/beast.hpp"
#include "net/download_source.hpp"
#include "net/limits.hpp"
#include "net/session_registry.hpp"
#include "net/ws_handler.hpp"

namespace plenum::server::net {

class listener;
struct server_state;

/// Where and what a server serves.
struct server_config {
  tcp::endpoint endpoint;          // port 0 picks a free port
  std::filesystem::path web_root;  // must exist; made canonical by the server
  session_limits limits;
  /// What `GET /downloads/<token>` serves from; null: every download answers 404. Must outlive
  /// the io_context's last run.
  download_source* downloads = nullptr;
  /// WebSocket paths besides `/ws` (which goes to the server's handler), each to its own
  /// handler ("/ws/county", "/ws/township/<id>"); an upgrade on any other path answers 404.
  /// Each handler must outlive the io_context's last run, like the server's.
  std::map<std::string, ws_handler*> ws_routes;
  /// The hall's addresses ("https://host[:port]", plenumd's --hall-server): a page loaded from
  /// any of them may open a WebSocket here, and the CSP's connect-src names their wss://.
  std::vector<std::string> hall_servers;
};

/// Binds at construction, serves after `start` on the threads that run `ioc`.
/// Thread safety: `stop`, `sessions` and `local_endpoint` may be called from any thread.
class server {
 public:
  /// Binds the port. `handler` must outlive `ioc`'s last run. Throws (start-up
  /// configuration) std::runtime_error when the web root is not a directory and
  /// boost::system::system_error when the endpoint cannot be bound.
  server(asio::io_context& ioc, ssl::context tls, const server_config& config, ws_handler& handler);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// The bound endpoint, with the real port.
  [[nodiscard]] tcp::endpoint local_endpoint() const;

  /// Starts accepting connections.
  void start();

  /// Stops accepting and asks every session to end: WebSocket connections get a close
  /// frame 1001 (going away) after their queued messages, HTTP connections close after the
  /// response in progress. Returns at once; the sessions end on the io_context's threads.
  void stop();

  /// The live sessions, for broadcasts.
  [[nodiscard]] session_registry& sessions();

 private:
  std::shared_ptr<server_state> state_;
  std::shared_ptr<listener> listener_;
};

}  // namespace plenum::server::net
