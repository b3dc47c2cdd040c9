// One-shot HTTPS requests to plenumd (health checks, static files, tests).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <plenum/clients/tls_options.hpp>
#include <plenum/protocol/error.hpp>

namespace plenum::clients {

/// A response: status, headers (names lower-cased; the last value of a repeated header)
/// and body (empty for HEAD).
struct https_response {
  unsigned status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
  std::string tls_version;  // negotiated, e.g. "TLSv1.3"

  /// The value of header `name` (lower-case), or "" when absent.
  [[nodiscard]] std::string header(const std::string& name) const;
};

/// Sends one request (`method` "GET" or "HEAD"; `target` is sent exactly as given, without
/// normalisation) on a fresh TLS connection and reads the response, all within `timeout`.
/// Bodies above 16 MiB fail. Errors are Boost.Asio/Beast/OpenSSL codes. Thread-safe (no
/// shared state).
[[nodiscard]] plenum::result<https_response> https_request(
    std::string_view method, std::string_view host, std::uint16_t port, std::string_view target,
    const tls_options& tls, std::chrono::milliseconds timeout);

/// `https_request("GET", ...)`.
[[nodiscard]] plenum::result<https_response> https_get(std::string_view host, std::uint16_t port,
                                                       std::string_view target,
                                                       const tls_options& tls,
                                                       std::chrono::milliseconds timeout);

}  // namespace plenum::clients
