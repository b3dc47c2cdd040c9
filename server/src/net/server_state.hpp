// What every session of one server shares. Held by shared_ptr by the listener and by each
// session, so it outlives all of them whatever order the io_context tears them down in.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "net/beast.hpp"
#include "net/download_source.hpp"
#include "net/http_responder.hpp"
#include "net/limits.hpp"
#include "net/session_registry.hpp"
#include "net/ws_handler.hpp"

namespace plenum::server::net {

/// Shared, read-only after construction except for `registry` (which is thread-safe).
struct server_state {
  server_state(ssl::context tls_context, std::filesystem::path canonical_web_root,
               session_limits session_caps, ws_handler& application,
               download_source* download_files = nullptr,
               std::map<std::string, ws_handler*> other_ws_routes = {},
               std::vector<std::string> hall_server_addresses = {})
      : tls(std::move(tls_context)),
        web_root(std::move(canonical_web_root)),
        limits(session_caps),
        handler(application),
        downloads(download_files),
        ws_routes(std::move(other_ws_routes)),
        hall_servers(std::move(hall_server_addresses)),
        csp(content_security_policy_for(hall_servers)) {}

  /// The handler of WebSocket upgrades on `path` (without the query): `handler` for "/ws", a
  /// route's for its path, null for any other path.
  [[nodiscard]] ws_handler* ws_handler_for(std::string_view path) const {
    if (path == "/ws") return &handler;
    auto it = ws_routes.find(std::string(path));
    return it == ws_routes.end() ? nullptr : it->second;
  }

  ssl::context tls;
  const std::filesystem::path web_root;  // canonical
  const session_limits limits;
  ws_handler& handler;               // must outlive the io_context that runs the sessions
  download_source* const downloads;  // may be null; outlives the sessions like handler
  const std::map<std::string, ws_handler*> ws_routes;  // path → handler, as handler
  /// The hall's addresses (https://host[:port]): their origins may open WebSockets.
  const std::vector<std::string> hall_servers;
  /// Every response's Content-Security-Policy (connect-src with the hall's wss:// addresses).
  const std::string csp;
  session_registry registry;
};

}  // namespace plenum::server::net
