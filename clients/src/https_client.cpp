#include <plenum/clients/https_client.hpp>

#include <openssl/ssl.h>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <cctype>

#include "tls_connect.hpp"

namespace plenum::clients {

namespace http = boost::beast::http;
using namespace detail;

std::string https_response::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string{} : it->second;
}

plenum::result<https_response> https_request(std::string_view method, std::string_view host,
                                             std::uint16_t port, std::string_view target,
                                             const tls_options& tls,
                                             std::chrono::milliseconds timeout) {
  http::verb verb = http::string_to_verb(method);
  if (verb != http::verb::get && verb != http::verb::head) {
    return boost::system::errc::make_error_code(boost::system::errc::invalid_argument);
  }
  auto ctx = make_client_context(tls);
  if (!ctx) return ctx.error();
  asio::io_context ioc;
  tls_stream stream(ioc, *ctx);
  auto deadline = clock::now() + timeout;
  if (auto ec = connect_tls(ioc, stream, host, port, tls, deadline)) return ec;
  auto cancel = [&stream] { beast::get_lowest_layer(stream).close(); };

  http::request<http::empty_body> req{verb, std::string(target), 11};
  req.set(http::field::host, std::string(host) + ":" + std::to_string(port));
  req.set(http::field::user_agent, "plenum-client");
  req.keep_alive(false);
  auto ec = run_until(
      ioc, deadline, [&](auto handler) { http::async_write(stream, req, std::move(handler)); },
      cancel);
  if (ec) return ec;

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(16 * 1024 * 1024);
  if (verb == http::verb::head) parser.skip(true);
  ec = run_until(
      ioc, deadline,
      [&](auto handler) { http::async_read(stream, buffer, parser, std::move(handler)); }, cancel);
  if (ec) return ec;

  https_response out;
  out.tls_version = SSL_get_version(stream.native_handle());
  auto& res = parser.get();
  out.status = res.result_int();
  for (const auto& f : res) {
    std::string name(f.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.headers[name] = std::string(f.value());
  }
  out.body = std::move(res.body());

  // The server closes after the response; a missing close_notify is not an error here.
  beast::error_code ignored;
  beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
  return out;
}

plenum::result<https_response> https_get(std::string_view host, std::uint16_t port,
                                         std::string_view target, const tls_options& tls,
                                         std::chrono::milliseconds timeout) {
  return https_request("GET", host, port, target, tls, timeout);
}

}  // namespace plenum::clients
