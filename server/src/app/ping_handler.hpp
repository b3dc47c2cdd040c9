// A stand-in application for the WebSocket side until the protocol dispatcher exists:
// answers `{"type":"ping","id":N}` with `{"type":"pong","id":N}` and anything else with an
// error message. Kept apart so swapping in the real dispatcher touches one file in main.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "net/ws_handler.hpp"

namespace plenum::server::app {

/// The reply to one text message (pure; thread-safe):
/// - `{"type":"ping","id":N}` (N an integer) → `{"type":"pong","id":N}`;
/// - a JSON object of another type → `{"type":"error","code":"unknown_message_type",...}`;
/// - anything else → `{"type":"error","code":"malformed_message",...}`.
/// Error replies carry the request's integer `id` when it had one.
[[nodiscard]] std::string ping_reply(std::string_view text);

/// Sends `ping_reply(text)` back on the same connection. Stateless, so thread-safe.
class ping_handler final : public net::ws_handler {
 public:
  void on_open(const std::shared_ptr<net::connection>& conn) override;
  void on_message(const std::shared_ptr<net::connection>& conn, std::string text) override;
  void on_close(const std::shared_ptr<net::connection>& conn) override;
};

}  // namespace plenum::server::app
