// One asynchronous TLS WebSocket connection to plenumd for the load generator: thousands of
// them share one io_context and cost no thread each. A connection reads `hello`, then sends
// requests (each with its own id) and hands every reply to the callback given with its request;
// pushes go to a push callback.
#pragma once

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <plenum/protocol/envelope.hpp>
#include <plenum/protocol/error.hpp>
#include <plenum/protocol/messages.hpp>

namespace plenum::clients::loadgen {

/// What a request's callback receives: the reply frame, or the error that ended the wait (the
/// connection closed or failed before the reply came).
using reply_handler = std::function<void(boost::system::error_code, const protocol::frame* reply)>;

/// Called for every push after `hello`, with the raw text (never parsed, so that counting
/// thousands of board pushes costs the load generator little).
using push_handler = std::function<void(std::string_view text)>;

/// A connection. Owns itself while an operation is pending (enable_shared_from_this); create
/// it with make_shared. Every public member may be called from any thread: the work is posted
/// to the connection's strand, and every callback runs on that strand.
class async_connection : public std::enable_shared_from_this<async_connection> {
 public:
  /// `ctx` must outlive the connection. `timeout` bounds the TCP connect, the TLS and
  /// WebSocket handshakes and the wait for `hello`.
  async_connection(boost::asio::any_io_executor strand, boost::asio::ssl::context& ctx,
                   boost::asio::ip::tcp::endpoint server, std::chrono::milliseconds timeout);
  ~async_connection();
  async_connection(const async_connection&) = delete;
  async_connection& operator=(const async_connection&) = delete;

  /// Connects, shakes hands and reads `hello`; then calls `done` with no error (or with the
  /// first error). Call once.
  void start(std::function<void(boost::system::error_code)> done);

  /// Sends `text` (a request frame whose id is `id`, see next_id()) and calls `on_reply` with
  /// the reply (no error), or with an error and no frame if the connection is not open, is
  /// closing, or ends first (a clean close included).
  void send(std::uint64_t id, std::shared_ptr<const std::string> text, reply_handler on_reply);

  /// Reserves the id of a request to send later (ids increase per connection).
  [[nodiscard]] std::uint64_t next_id() { return next_id_++; }

  /// Pushes from now on go to `handler` (set on the strand, so it may be set while the
  /// connection reads, as a tablet's app does once its delegate is in).
  void on_push(push_handler handler);

  /// The server's hello; valid once start() reported success.
  [[nodiscard]] const protocol::hello& hello() const { return *hello_; }
  /// The hello's `serving` (PROTOCOL.md §6): false on a standby that does not serve yet; true
  /// when the hello does not say (a server without a standby). Valid once started.
  [[nodiscard]] bool serving() const { return serving_; }
  /// The hello's `servers`: the hall's base addresses ("https://host:port"), as sent.
  [[nodiscard]] const std::vector<std::string>& hall_servers() const { return hall_servers_; }
  /// The server this connection goes to.
  [[nodiscard]] const boost::asio::ip::tcp::endpoint& endpoint() const { return endpoint_; }

  /// Sends a close frame and ends the connection; pending requests get an error.
  void close();

  /// Whether the connection is open (hello received, not yet closed or failed).
  [[nodiscard]] bool open() const { return open_; }

  /// The bytes of every frame received so far (replies and pushes, the hello included).
  [[nodiscard]] std::uint64_t bytes_received() const { return bytes_received_; }

 private:
  struct impl;
  void do_read();
  void on_read(boost::system::error_code ec, std::size_t bytes);
  void do_write();
  void fail(boost::system::error_code ec);

  std::unique_ptr<impl> impl_;
  std::function<void(boost::system::error_code)> on_start_;
  push_handler on_push_;
  std::unordered_map<std::uint64_t, reply_handler> pending_;
  std::deque<std::shared_ptr<const std::string>> queue_;  ///< frames not yet handed to async_write
  bool writing_ = false;                                  ///< an async_write is in flight
  std::optional<protocol::hello> hello_;
  bool serving_ = true;
  std::vector<std::string> hall_servers_;
  boost::asio::ip::tcp::endpoint endpoint_;
  std::atomic<std::uint64_t> next_id_{1};
  bool have_hello_ = false;
  std::atomic<bool> open_{false};
  std::atomic<std::uint64_t> bytes_received_{0};
  bool closing_ = false;
};

}  // namespace plenum::clients::loadgen
