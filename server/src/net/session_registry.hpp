// The live sessions of one server: for broadcasts to WebSocket connections and for closing
// every session at shutdown.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "net/ws_handler.hpp"

namespace plenum::server::net {

/// Something the registry can ask to end: an HTTP or a WebSocket session.
class closable {
 public:
  virtual ~closable();
  /// Ends the session soon: WebSocket sessions send a close frame with code 1001 (going
  /// away) after their queued writes, HTTP sessions stop after the current response.
  /// Thread-safe; may be called more than once.
  virtual void shutdown() = 0;
};

/// Holds weak pointers to the live sessions; it never keeps a session alive.
/// Thread-safe: every member may be called from any thread. Snapshots are copied under the
/// lock and used after releasing it, so sending never happens with the lock held.
class session_registry {
 public:
  session_registry() = default;
  session_registry(const session_registry&) = delete;
  session_registry& operator=(const session_registry&) = delete;

  /// A fresh session id, unique in this registry; never 0.
  [[nodiscard]] std::uint64_t next_id() noexcept;

  /// Registers a session under `id`. `conn` is empty for sessions that are not WebSocket
  /// connections (they are closed at shutdown but get no broadcasts). If `shutdown_all` was
  /// already called, the session is told to shut down at once.
  void add(std::uint64_t id, std::weak_ptr<closable> session, std::weak_ptr<connection> conn);

  /// Forgets a session; does nothing for an unknown id.
  void remove(std::uint64_t id) noexcept;

  /// The WebSocket connections alive at the moment of the call.
  [[nodiscard]] std::vector<std::shared_ptr<connection>> connections() const;

  /// Sends `text` to every live WebSocket connection; returns how many it was queued for.
  std::size_t broadcast(const std::shared_ptr<const std::string>& text) const;

  /// Sends `text` to the live connections for which `select` returns true; `select` runs
  /// without the registry's lock held. Returns how many connections it was queued for.
  std::size_t broadcast_if(const std::shared_ptr<const std::string>& text,
                           const std::function<bool(const connection&)>& select) const;

  /// Asks every registered session, and every one registered later, to shut down.
  void shutdown_all();

  /// Number of registered sessions (HTTP and WebSocket).
  [[nodiscard]] std::size_t size() const;

 private:
  struct entry {
    std::weak_ptr<closable> session;
    std::weak_ptr<connection> conn;
  };

  std::atomic<std::uint64_t> last_id_{0};
  mutable std::mutex mutex_;
  std::map<std::uint64_t, entry> entries_;  // REQUIRES: mutex_ held
  bool shutting_down_ = false;              // REQUIRES: mutex_ held
};

}  // namespace plenum::server::net
