// Mapping request targets to files under the web root, safely.
#pragma once

#include <filesystem>
#include <string_view>

#include <plenum/protocol/error.hpp>

namespace plenum::server::net {

/// Maps an HTTP request target ("/app/main.js?v=2") to a regular file under `root`.
/// `root` must be canonical (std::filesystem::canonical). The query and fragment are
/// ignored; percent-escapes are decoded once; "/" and directory targets mean their
/// `index.html`. Errors (generic codes of boost::system::errc, mapped to HTTP statuses by
/// the caller):
/// - invalid_argument (400): the target does not start with '/', has a bad escape, a NUL,
///   a backslash, or a "." or ".." segment (before or after decoding);
/// - no_such_file_or_directory (404): no such regular file, a hidden segment (".git"), or a
///   path that leaves `root` through a symbolic link.
/// Thread-safe (reads the file system only).
[[nodiscard]] plenum::result<std::filesystem::path> resolve_web_path(
    const std::filesystem::path& root, std::string_view target);

/// The Content-Type for a file by its extension ("text/html; charset=utf-8",
/// "application/wasm", ...); "application/octet-stream" when unknown.
[[nodiscard]] std::string_view mime_type(const std::filesystem::path& file) noexcept;

}  // namespace plenum::server::net
