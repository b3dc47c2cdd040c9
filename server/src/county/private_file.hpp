// Files only plenumd's operator may read: written whole, mode 0600, durable before they count.
#pragma once

#include <filesystem>
#include <string>

namespace plenum::server::county {

/// Replaces `path` with `text` atomically: a 0600 temp file beside it, written and fsync'd,
/// renamed into place, the directory fsync'd. False (and the old file untouched) on failure.
[[nodiscard]] bool replace_private_file(const std::filesystem::path& path, const std::string& text);

}  // namespace plenum::server::county
