// What every session of one server shares. Held by shared_ptr by the listener and by each
// session, so it outlives all of them whatever order the io_context tears them down in.
#pragma once

#include <filesystem>

#include "net/beast.hpp"
#include "net/download_source.hpp"
#include "net/limits.hpp"
#include "net/session_registry.hpp"
#include "net/ws_handler.hpp"

namespace plenum::server::net {

/// Shared, read-only after construction except for `registry_` (which is thread-safe).
struct server_state {
  server_state(ssl::context tls, std::filesystem::path web_root, session_limits limits,
               ws_handler& handler, download_source* downloads = nullptr)
      : tls_(std::move(tls)),
        web_root_(std::move(web_root)),
        limits_(limits),
        handler_(handler),
        downloads_(downloads) {}

  ssl::context tls_;
  const std::filesystem::path web_root_;  // canonical
  const session_limits limits_;
  ws_handler& handler_;               // must outlive the io_context that runs the sessions
  download_source* const downloads_;  // may be null; outlives the sessions like handler_
  session_registry registry_;
};

}  // namespace plenum::server::net
