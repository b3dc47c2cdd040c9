// The server's TLS configuration.
#pragma once

#include <filesystem>

#include "net/beast.hpp"

namespace plenum::server::net {

/// Builds the server's TLS context from a PEM certificate chain and a PEM private key:
/// TLS 1.2 minimum, TLS 1.3 preferred, TLS 1.2 limited to ECDHE key exchange with AEAD
/// ciphers (AES-GCM, ChaCha20-Poly1305), server cipher preference, no compression, no
/// renegotiation.
/// Throws std::runtime_error (start-up configuration) when a file cannot be read or the key
/// does not match the certificate. The returned context is shared by every connection;
/// it is not modified afterwards, so concurrent use is safe.
[[nodiscard]] ssl::context make_server_tls_context(const std::filesystem::path& cert_chain_pem,
                                                   const std::filesystem::path& key_pem);

}  // namespace plenum::server::net
