// The answers of plenumd's HTTPS side: `/healthz` and the static files of the web client.
#pragma once

#include <filesystem>

#include "net/beast.hpp"

namespace plenum::server::net {

/// The Content-Security-Policy of every response: same-origin scripts, styles, images and
/// connections (including wss:// to this host); 'wasm-unsafe-eval' so libsodium's
/// WebAssembly can be compiled; no plugins, no framing, no foreign form targets.
inline constexpr const char* content_security_policy =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

/// Adds the security headers every response carries: HSTS, X-Content-Type-Options,
/// the CSP above, Referrer-Policy, X-Frame-Options, Cross-Origin-Opener-Policy, and the
/// Server name.
void add_security_headers(http::fields& fields);

/// Builds the response to one request:
/// - GET/HEAD `/healthz` → 200 `{"status":"ok"}` (application/json, no-store);
/// - GET/HEAD of a file under `web_root` → 200 with its MIME type ("/" → index.html;
///   HTML is revalidated on every load, other files may be cached for five minutes);
/// - a bad or escaping target → 400, a missing file → 404, another method → 405;
/// - `/ws` without a WebSocket upgrade → 426.
/// HEAD answers carry the GET headers and no body. `web_root` must be canonical. The
/// connection is kept alive when the request asks for it and `allow_keep_alive` is true.
/// Thread-safe (reads the file system only).
[[nodiscard]] http::message_generator respond(const std::filesystem::path& web_root,
                                              const http::request<http::string_body>& req,
                                              bool allow_keep_alive);

/// An error response (plain text) for requests the session rejects before `respond`,
/// e.g. 413 for a body over the limit. `keep_alive` false closes the connection after it.
[[nodiscard]] http::message_generator error_response(http::status status, unsigned version,
                                                     bool keep_alive);

}  // namespace plenum::server::net
