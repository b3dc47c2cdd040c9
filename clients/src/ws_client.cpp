#include <plenum/clients/ws_client.hpp>

#include <openssl/ssl.h>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "tls_connect.hpp"

namespace plenum::clients {

namespace websocket = boost::beast::websocket;
using namespace detail;

struct ws_client::impl {
  explicit impl(ssl::context c) : ctx(std::move(c)), ws(ioc, ctx) {}

  // Runs one websocket operation with a deadline; a timeout leaves the stream unusable.
  template <typename Start>
  beast::error_code run(std::chrono::milliseconds timeout, Start&& start) {
    if (broken) return asio::error::not_connected;
    auto ec = run_until(ioc, clock::now() + timeout, std::forward<Start>(start),
                        [this] { beast::get_lowest_layer(ws).close(); });
    if (ec && ec != websocket::error::closed) broken = true;
    return ec;
  }

  asio::io_context ioc;
  ssl::context ctx;
  websocket::stream<tls_stream> ws;
  beast::flat_buffer buffer;
  bool broken = false;
};

ws_client::ws_client(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
ws_client::ws_client(ws_client&&) noexcept = default;
ws_client& ws_client::operator=(ws_client&&) noexcept = default;
ws_client::~ws_client() = default;

plenum::result<ws_client> ws_client::connect(std::string_view host, std::uint16_t port,
                                             const tls_options& tls,
                                             std::chrono::milliseconds timeout,
                                             std::string_view target) {
  auto ctx = make_client_context(tls);
  if (!ctx) return ctx.error();
  auto p = std::make_unique<impl>(std::move(*ctx));
  auto deadline = clock::now() + timeout;
  if (auto ec = connect_tls(p->ioc, p->ws.next_layer(), host, port, tls, deadline)) return ec;

  p->ws.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
    req.set(boost::beast::http::field::user_agent, "plenum-client");
  }));
  std::string host_header = std::string(host) + ":" + std::to_string(port);
  std::string target_str(target);
  auto ec = run_until(
      p->ioc, deadline,
      [&](auto handler) { p->ws.async_handshake(host_header, target_str, std::move(handler)); },
      [&p] { beast::get_lowest_layer(p->ws).close(); });
  if (ec) return ec;
  return ws_client(std::move(p));
}

plenum::result<void> ws_client::send_text(std::string_view text,
                                          std::chrono::milliseconds timeout) {
  impl_->ws.text(true);
  if (auto ec = impl_->run(timeout, [&](auto handler) {
        impl_->ws.async_write(asio::buffer(text.data(), text.size()), std::move(handler));
      })) {
    return ec;
  }
  return {};
}

plenum::result<void> ws_client::send_binary(std::string_view data,
                                            std::chrono::milliseconds timeout) {
  impl_->ws.binary(true);
  if (auto ec = impl_->run(timeout, [&](auto handler) {
        impl_->ws.async_write(asio::buffer(data.data(), data.size()), std::move(handler));
      })) {
    return ec;
  }
  return {};
}

plenum::result<std::string> ws_client::receive(std::chrono::milliseconds timeout) {
  impl_->buffer.clear();
  if (auto ec = impl_->run(timeout, [&](auto handler) {
        impl_->ws.async_read(impl_->buffer, std::move(handler));
      })) {
    return ec;
  }
  std::string text = beast::buffers_to_string(impl_->buffer.data());
  impl_->buffer.clear();
  return text;
}

plenum::result<void> ws_client::close(std::chrono::milliseconds timeout) {
  if (auto ec = impl_->run(timeout, [&](auto handler) {
        impl_->ws.async_close(websocket::close_code::normal, std::move(handler));
      })) {
    return ec;
  }
  return {};
}

std::optional<close_info> ws_client::close_reason() const {
  const auto& r = impl_->ws.reason();
  if (r.code == websocket::close_code::none) return std::nullopt;
  return close_info{static_cast<std::uint16_t>(r.code), std::string(r.reason.c_str())};
}

std::string ws_client::tls_version() const {
  auto* ssl = const_cast<websocket::stream<tls_stream>&>(impl_->ws).next_layer().native_handle();
  return SSL_get_version(ssl);
}

}  // namespace plenum::clients
