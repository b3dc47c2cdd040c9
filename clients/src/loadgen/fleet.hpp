// The load generator's connections and the thread(s) that run them, and a way to drive one
// step over many connections at once with a bounded number in flight and a deadline.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <plenum/clients/tls_options.hpp>

#include "async_connection.hpp"

namespace plenum::clients::loadgen {

/// Error counts by name (a protocol code such as "already_voted", or a transport error's
/// message). Thread-safe.
class error_tally {
 public:
  /// Counts `n` errors (one by default) under `name`.
  void add(const std::string& name, std::size_t n = 1);
  /// Counts `ec` under its protocol name or its message.
  void add(boost::system::error_code ec);
  /// A copy of the counts.
  [[nodiscard]] std::map<std::string, std::size_t> counts() const;
  /// Total count.
  [[nodiscard]] std::size_t total() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::size_t> counts_;
};

/// The name under which `ec` is reported: the wire name for plenum codes, else the message.
[[nodiscard]] std::string error_label(boost::system::error_code ec);

/// An io_context run by `threads` threads (1 or 2) from construction to stop(), and the TLS
/// context every connection shares. Not copyable. Declare it before the connections, so that
/// they are destroyed while the io_context exists, and call stop() (or let a fleet_stopper
/// declared after them do it) while what their callbacks touch is still alive.
class fleet {
 public:
  /// Throws std::runtime_error when the TLS context cannot be made (start-up configuration).
  fleet(boost::asio::ip::tcp::endpoint server, const tls_options& tls, unsigned threads,
        std::chrono::milliseconds timeout);
  ~fleet();
  fleet(const fleet&) = delete;
  fleet& operator=(const fleet&) = delete;

  /// Lets the threads finish the work left (3 s at most, then stops the io_context) and joins
  /// them. Idempotent; the destructor calls it.
  void stop();

  /// A new, unstarted connection on its own strand.
  [[nodiscard]] std::shared_ptr<async_connection> make_connection();
  /// The same to another of the hall's servers (the fleet's TLS trust: one --ca file may hold
  /// the certificates of several machines).
  [[nodiscard]] std::shared_ptr<async_connection> make_connection(
      const boost::asio::ip::tcp::endpoint& server);

  /// A new fleet to the same server, with the same TLS trust and reply timeout, run by a thread
  /// of its own: a device with its own processor (a scrutineer's tablet, a big screen), whose
  /// work neither waits behind this fleet's connections nor holds them up. Throws as the
  /// constructor does.
  [[nodiscard]] std::unique_ptr<fleet> with_own_thread() const;

  /// Runs step(i, done) for i in [0, count), at most `window` at a time; each step calls
  /// done(ok) exactly once (from any thread). Returns how many steps reported ok; steps still
  /// running at `deadline` count as failed (their late done() calls are ignored). Each call of
  /// `step` must return at once (its work goes on asynchronously); run_steps returns only when
  /// none is running, and calls none after. Blocks the calling thread, which must not be one of
  /// the fleet's.
  [[nodiscard]] std::size_t run_steps(
      std::size_t count, std::size_t window, std::chrono::steady_clock::time_point deadline,
      const std::function<void(std::size_t, std::function<void(bool)>)>& step);

  [[nodiscard]] boost::asio::io_context& io() { return ioc_; }

 private:
  boost::asio::io_context ioc_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
  std::optional<boost::asio::ssl::context> ctx_;
  tls_options tls_;
  boost::asio::ip::tcp::endpoint server_;
  std::chrono::milliseconds timeout_;
  std::vector<std::thread> threads_;
};

/// Stops a fleet when it goes out of scope (also when an exception unwinds): declared after the
/// state the connections' callbacks touch, it stops the threads before that state is destroyed.
class fleet_stopper {
 public:
  explicit fleet_stopper(fleet& f) : f_(f) {}
  ~fleet_stopper() { f_.stop(); }
  fleet_stopper(const fleet_stopper&) = delete;
  fleet_stopper& operator=(const fleet_stopper&) = delete;

 private:
  fleet& f_;
};

}  // namespace plenum::clients::loadgen
