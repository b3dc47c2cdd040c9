// Shared plumbing of the clients: TLS contexts, blocking waits with deadlines, connecting.
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <cstdint>
#include <string_view>

#include <plenum/clients/tls_options.hpp>
#include <plenum/protocol/error.hpp>

namespace plenum::clients::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using tls_stream = ssl::stream<beast::tcp_stream>;
using clock = std::chrono::steady_clock;

/// A client TLS context for `tls` (versions, trust, security level).
[[nodiscard]] plenum::result<ssl::context> make_client_context(const tls_options& tls);

/// Runs `ioc` until the operation started by `start` completes or `deadline` passes; on a
/// deadline, `cancel` is called, the operation is drained and beast::error::timeout returned.
/// `start` receives a completion handler taking (error_code, ...).
template <typename Start, typename Cancel>
[[nodiscard]] beast::error_code run_until(asio::io_context& ioc, clock::time_point deadline,
                                          Start&& start, Cancel&& cancel) {
  bool done = false;
  beast::error_code result;
  start([&done, &result](beast::error_code ec, auto&&...) {
    done = true;
    result = ec;
  });
  ioc.restart();
  while (!done) {
    if (ioc.run_one_until(deadline) == 0) break;
  }
  if (done) return result;
  cancel();
  ioc.restart();
  while (!done) {
    if (ioc.run_one() == 0) break;
  }
  return beast::error::timeout;
}

/// Resolves `host`, connects, and completes the TLS handshake (SNI for names, peer checks
/// as `tls` asks) on `stream`, before `deadline`.
[[nodiscard]] beast::error_code connect_tls(asio::io_context& ioc, tls_stream& stream,
                                            std::string_view host, std::uint16_t port,
                                            const tls_options& tls, clock::time_point deadline);

}  // namespace plenum::clients::detail
