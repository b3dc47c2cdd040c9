#include "net/tls_context.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <stdexcept>
#include <string>

namespace plenum::server::net {
namespace {

// TLS 1.2: forward-secret ECDHE only, AEAD only; no CBC, no RSA key exchange, no SHA-1.
constexpr const char* tls12_ciphers =
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256";
constexpr const char* tls13_suites =
    "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";
constexpr const char* groups = "X25519:P-256:P-384";

[[noreturn]] void fail(const std::string& what) {
  unsigned long code = ERR_get_error();
  std::string detail;
  if (code != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    detail = std::string(": ") + buf;
  }
  ERR_clear_error();
  throw std::runtime_error("TLS configuration: " + what + detail);
}

}  // namespace

ssl::context make_server_tls_context(const std::filesystem::path& cert_chain_pem,
                                     const std::filesystem::path& key_pem) {
  ssl::context ctx{ssl::context::tls_server};
  SSL_CTX* native = ctx.native_handle();

  if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1) fail("minimum version");
  if (SSL_CTX_set_max_proto_version(native, 0) != 1) fail("maximum version");
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_compression |
                  ssl::context::single_dh_use);
  // OpenSSL 3 refuses client-initiated renegotiation by default; this also stops the
  // server from starting one.
  SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_set_cipher_list(native, tls12_ciphers) != 1) fail("TLS 1.2 cipher list");
  if (SSL_CTX_set_ciphersuites(native, tls13_suites) != 1) fail("TLS 1.3 cipher suites");
  if (SSL_CTX_set1_groups_list(native, groups) != 1) fail("key exchange groups");

  if (SSL_CTX_use_certificate_chain_file(native, cert_chain_pem.c_str()) != 1) {
    fail("cannot load certificate " + cert_chain_pem.string());
  }
  if (SSL_CTX_use_PrivateKey_file(native, key_pem.c_str(), SSL_FILETYPE_PEM) != 1) {
    fail("cannot load private key " + key_pem.string());
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    fail("the private key does not match the certificate");
  }
  return ctx;
}

}  // namespace plenum::server::net
