// The names a browser saves downloads under, made from titles people typed.
#pragma once

#include <string>
#include <string_view>

namespace plenum::server::downloads {

/// `text` as a file name: path separators, characters Windows forbids (`\ / : * ? " < > |`) and
/// control characters become `_`; leading and trailing spaces and dots go; at most 150 bytes,
/// cut at a UTF-8 character boundary. `fallback` when nothing is left. Pure.
[[nodiscard]] std::string safe_file_name(std::string_view text, std::string_view fallback);

}  // namespace plenum::server::downloads
