// Packs an exported record directory (protocol/RECORD.md) into one gzip-compressed tar for a
// browser download, with libarchive.
#pragma once

#include <filesystem>
#include <string_view>

#include "plenum/protocol/error.hpp"

namespace plenum::server::downloads {

/// Writes the regular files under `dir` (recursively, sorted by path) into `archive` as a
/// gzip-compressed POSIX tar whose members sit under the folder `top` (`top/events.jsonl`, …),
/// preceded by that folder's own entry. Names are UTF-8; files keep their modification time,
/// with mode 0644 (folders 0755). The archive is written to `archive` directly: the caller
/// removes it on failure. Errors: errc::storage_failure when a file cannot be read or the
/// archive written (the reason is logged). Thread-safe for distinct paths.
[[nodiscard]] result<void> write_tar_gz(const std::filesystem::path& dir, std::string_view top,
                                        const std::filesystem::path& archive);

}  // namespace plenum::server::downloads
