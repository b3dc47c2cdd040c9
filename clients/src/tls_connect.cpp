#include "tls_connect.hpp"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <string>

namespace plenum::clients::detail {

plenum::result<ssl::context> make_client_context(const tls_options& tls) {
  ssl::context ctx{ssl::context::tls_client};
  SSL_CTX* native = ctx.native_handle();
  if (tls.allow_legacy) {
    SSL_CTX_set_security_level(native, 0);
    SSL_CTX_set_cipher_list(native, "DEFAULT:@SECLEVEL=0");
  }
  if (SSL_CTX_set_min_proto_version(native, tls.min_version) != 1 ||
      SSL_CTX_set_max_proto_version(native, tls.max_version) != 1) {
    return boost::system::errc::make_error_code(boost::system::errc::invalid_argument);
  }
  if (tls.verify == verify_mode::insecure) {
    ctx.set_verify_mode(ssl::verify_none);
    return ctx;
  }
  beast::error_code ec;
  ctx.load_verify_file(tls.trust_file.string(), ec);
  if (ec) return ec;
  // A trust file may hold the self-signed certificates of several machines of the hall (a
  // primary and its standby). Theirs share one subject, so OpenSSL's search for an issuer by
  // name finds only the first; with partial chains a server certificate that is itself one of
  // the trusted ones is trusted as it stands. Any other certificate is refused as before.
  X509_STORE_set_flags(SSL_CTX_get_cert_store(native), X509_V_FLAG_PARTIAL_CHAIN);
  ctx.set_verify_mode(ssl::verify_peer);
  return ctx;
}

beast::error_code connect_tls(asio::io_context& ioc, tls_stream& stream, std::string_view host,
                              std::uint16_t port, const tls_options& tls,
                              clock::time_point deadline) {
  std::string host_str(host);
  beast::error_code ec;
  tcp::resolver resolver(ioc);
  auto endpoints = resolver.resolve(host_str, std::to_string(port), ec);
  if (ec) return ec;

  auto& tcp_layer = beast::get_lowest_layer(stream);
  auto cancel = [&tcp_layer] { tcp_layer.close(); };
  ec = run_until(
      ioc, deadline, [&](auto handler) { tcp_layer.async_connect(endpoints, std::move(handler)); },
      cancel);
  if (ec) return ec;

  boost::system::error_code parse_ec;
  asio::ip::make_address(host_str, parse_ec);
  bool is_ip = !parse_ec;
  // SSL_set_tlsext_host_name, spelled out: the macro uses a C cast.
  if (!is_ip && SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME,
                         TLSEXT_NAMETYPE_host_name, host_str.data()) != 1) {
    return boost::system::errc::make_error_code(boost::system::errc::invalid_argument);
  }
  if (tls.verify == verify_mode::trust_file) {
    stream.set_verify_callback(ssl::host_name_verification(host_str));
  }
  return run_until(
      ioc, deadline,
      [&](auto handler) { stream.async_handshake(ssl::stream_base::client, std::move(handler)); },
      cancel);
}

}  // namespace plenum::clients::detail
