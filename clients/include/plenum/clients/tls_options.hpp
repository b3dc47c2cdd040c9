// How a Plenum client checks the server it connects to.
#pragma once

#include <filesystem>

namespace plenum::clients {

/// Whom the client trusts.
enum class verify_mode {
  /// Verify the server's chain against `trust_file` (a CA or the server's own self-signed
  /// certificate, PEM; several, one per machine of the hall, in one file) and its name against
  /// the host connected to (DNS name or IP address).
  trust_file,
  /// Accept any certificate. Only for tests and first contact with a self-signed server:
  /// an active attacker can impersonate the server.
  insecure,
};

/// TLS settings of a connection. Plain values.
struct tls_options {
  verify_mode verify = verify_mode::trust_file;
  std::filesystem::path trust_file;  // used with verify_mode::trust_file
  /// Lowest and highest protocol versions offered, as OpenSSL version numbers
  /// (0x0303 = TLS 1.2, 0x0304 = TLS 1.3; 0 as maximum = the highest supported).
  int min_version = 0x0303;
  int max_version = 0;
  /// Lowers OpenSSL's security level to 0 so versions and ciphers older than TLS 1.2 can be
  /// offered at all. Only for tests that check a server refuses them.
  bool allow_legacy = false;
};

}  // namespace plenum::clients
