// Private details (个人信息): the names of party members and residents and the words of their
// opinions. They never enter the log or the record; an event carries only their digest
// (RECORD.md "Private details"), and the server keeps the details beside the log, readable by
// the office and the keeping delegate. Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "plenum/crypto/bytes.hpp"

namespace plenum::protocol {

/// The fields of one private record, by name (each a UTF-8 text).
using private_fields = std::map<std::string, std::string>;

/// Length of the random salt in bytes.
inline constexpr std::size_t private_salt_bytes = 16;

/// The canonical JSON text of `fields`: one object, members sorted by name (bytewise), strings
/// escaped as Boost.JSON serializes them, no whitespace.
[[nodiscard]] std::string canonical_private_json(const private_fields& fields);

/// details_digest = SHA-256("plenum/private-details/v1" ‖ salt ‖ canonical JSON of `fields`).
/// With 16 random salt bytes the digest cannot be reversed by trying likely names.
[[nodiscard]] crypto::digest32 private_details_digest(
    const crypto::byte_array<private_salt_bytes>& salt, const private_fields& fields);

/// Whether `text` holds something that looks like a resident identity number (身份证号): a run
/// of 15 digits, or of 17 digits followed by a digit or X, possibly split by spaces or dashes.
[[nodiscard]] bool looks_like_id_number(std::string_view text);

}  // namespace plenum::protocol
