// The certificate plenumd uses when none is given: self-signed, made on first start and
// kept in the data directory so clients can pin it.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace plenum::server::net {

/// A certificate and its private key, both PEM.
struct pem_pair {
  std::string cert;
  std::string key;  // secret: wiped by the functions below once written
};

/// Where a certificate and its key live.
struct tls_files {
  std::filesystem::path cert;
  std::filesystem::path key;
};

/// Longest validity browsers accept for a certificate (CA/Browser Forum, 825 days).
inline constexpr std::chrono::days max_certificate_validity{825};

/// Makes a fresh ECDSA P-256 key and a self-signed X.509 v3 certificate for it: subject
/// CN=localhost, SAN DNS:localhost, IP:127.0.0.1, IP:::1, CA:FALSE, serverAuth, valid from
/// now for `validity` (capped at 825 days), random 128-bit serial, SHA-256 signature.
/// Throws std::runtime_error when OpenSSL fails.
[[nodiscard]] pem_pair make_self_signed_certificate(
    std::chrono::days validity = max_certificate_validity);

/// Returns `<dir>/cert.pem` and `<dir>/key.pem`, creating them with
/// `make_self_signed_certificate` if neither exists (directory mode 0700, key mode 0600,
/// written to temporary names and renamed, so a crash never leaves half a key). Existing
/// files are reused untouched. Throws std::runtime_error when only one of the two exists or
/// the files cannot be written. Not safe against two processes creating the same directory.
[[nodiscard]] tls_files ensure_self_signed_certificate(const std::filesystem::path& dir);

}  // namespace plenum::server::net
