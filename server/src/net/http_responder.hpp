// The answers of plenumd's HTTPS side: `/healthz` and the static files of the web client.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "net/beast.hpp"

namespace plenum::server::net {

/// The Content-Security-Policy of every response: same-origin scripts, styles, images and
/// connections (including wss:// to this host); 'wasm-unsafe-eval' so libsodium's
/// WebAssembly can be compiled; no plugins, no framing, no foreign form targets.
inline constexpr const char* content_security_policy =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

/// The CSP above with every hall address (https://host[:port], server/STANDBY.md) added to
/// connect-src as its wss:// address, so a page loaded from one of the hall's machines may
/// connect to the other; the CSP above itself when `hall_servers` is empty.
[[nodiscard]] std::string content_security_policy_for(const std::vector<std::string>& hall_servers);

/// Adds the security headers every response carries: HSTS, X-Content-Type-Options,
/// `csp` as Content-Security-Policy, Referrer-Policy, X-Frame-Options,
/// Cross-Origin-Opener-Policy, and the Server name.
void add_security_headers(http::fields& fields, std::string_view csp = content_security_policy);

/// Builds the response to one request:
/// - GET/HEAD `/healthz` → 200 `{"status":"ok"}` (application/json, no-store);
/// - GET/HEAD of a file under `web_root` → 200 with its MIME type ("/" → index.html;
///   HTML is revalidated on every load, other files may be cached for five minutes);
/// - a bad or escaping target → 400, a missing file → 404, another method → 405;
/// - `/ws` without a WebSocket upgrade → 426.
/// HEAD answers carry the GET headers and no body. `web_root` must be canonical. The
/// connection is kept alive when the request asks for it and `allow_keep_alive` is true.
/// Every response carries `csp` (content_security_policy_for). Thread-safe (reads the file
/// system only).
[[nodiscard]] http::message_generator respond(const std::filesystem::path& web_root,
                                              const http::request<http::string_body>& req,
                                              bool allow_keep_alive,
                                              std::string_view csp = content_security_policy);

/// An error response (plain text) for requests the session rejects before `respond`,
/// e.g. 413 for a body over the limit. `keep_alive` false closes the connection after it.
[[nodiscard]] http::message_generator error_response(http::status status, unsigned version,
                                                     bool keep_alive);

}  // namespace plenum::server::net
