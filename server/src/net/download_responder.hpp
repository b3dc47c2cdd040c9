// The HTTPS answer to `GET /downloads/<token>`: the file a download_source hands over, once.
#pragma once

#include <string>
#include <string_view>

#include "net/beast.hpp"
#include "net/download_source.hpp"

namespace plenum::server::net {

/// The path prefix of downloads.
inline constexpr std::string_view downloads_prefix = "/downloads/";

/// Whether `target` (query ignored) asks for a download.
[[nodiscard]] bool is_download_target(std::string_view target) noexcept;

/// Builds the response to a request for a download target:
/// - GET of a token `downloads` hands over → 200 with the file, its Content-Type, Content-Length,
///   `Content-Disposition: attachment; filename*=UTF-8''<percent-encoded name>`, no-store and
///   the security headers;
/// - GET of an unknown, used or expired token (or no `downloads` at all) → 404 with a short text
///   in Chinese and English;
/// - another method → 405 (Allow: GET): a HEAD would spend the single use.
/// Thread-safe when `downloads` is.
[[nodiscard]] http::message_generator respond_download(download_source* downloads,
                                                       const http::request<http::string_body>& req,
                                                       bool keep_alive);

/// `name` percent-encoded for RFC 8187's `filename*` (every byte but the attr-chars as %XX).
[[nodiscard]] std::string percent_encode_filename(std::string_view name);

}  // namespace plenum::server::net
