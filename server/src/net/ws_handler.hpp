// The seam between the network layer and the application: the net layer calls a
// `ws_handler` for every WebSocket connection and hands it a `connection` to reply on.
// Nothing here knows Beast, so handlers can be tested with fake connections.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace plenum::server::net {

/// One open WebSocket connection, as the application sees it.
/// Thread safety: every member may be called from any thread, at any time, also after the
/// connection closed (then `send` and `close` do nothing).
class connection {
 public:
  virtual ~connection();

  /// A number unique among the connections of this process; never 0.
  [[nodiscard]] virtual std::uint64_t id() const = 0;

  /// Queues one text message. The buffer is shared, so one broadcast message serves every
  /// connection without copies. Messages are sent in the order of `send` calls from one
  /// thread. If the peer reads so slowly that its queue exceeds the configured limit, the
  /// connection is dropped (its handler gets `on_close`) instead of buffering without bound.
  virtual void send(std::shared_ptr<const std::string> text) = 0;

  /// How many more bytes may be queued before the connection is backlogged: 0 once the messages
  /// sent and not yet written pass an eighth of the queue's limits (bytes or messages). A pusher
  /// stops pushing to a backlogged connection (and takes up again once it drained, when_drained)
  /// long before the limit drops it.
  [[nodiscard]] virtual std::size_t backlog_room() const = 0;

  /// Runs `then` once, on the connection's own thread of calls (never inside the caller), when
  /// the messages not yet written are down to a thirty-second of the queue's limits (at once when
  /// they are). Replaces an earlier `then` not yet run; never runs after the connection ended.
  virtual void when_drained(std::function<void()> then) = 0;

  /// Starts a normal close handshake once the queued messages are written.
  virtual void close() = 0;

  /// The peer's address and port ("127.0.0.1:50312"), for logs.
  [[nodiscard]] virtual std::string remote() const = 0;
};

/// The application's side of every WebSocket connection.
/// Calls for one connection come from that connection's strand, one at a time, in the order
/// on_open, on_message*, on_close; calls for different connections may run concurrently, so
/// an implementation protects state it shares between connections.
/// A handler must outlive every connection it serves (the server holds it by reference).
/// A handler that keeps connections (for pushes) releases them in on_close: a connection must
/// not outlive the io_context that runs it.
/// Exceptions escaping a call are caught by the net layer, logged, and close the connection.
class ws_handler {
 public:
  virtual ~ws_handler();

  /// The WebSocket handshake completed; `conn` can be used (and kept) from now on.
  virtual void on_open(const std::shared_ptr<connection>& conn) = 0;

  /// One complete text message (at most the configured maximum size).
  virtual void on_message(const std::shared_ptr<connection>& conn, std::string text) = 0;

  /// The connection ended (by either side, an error or a timeout); called exactly once after
  /// on_open. Later `send` calls on `conn` are ignored.
  virtual void on_close(const std::shared_ptr<connection>& conn) = 0;
};

}  // namespace plenum::server::net
