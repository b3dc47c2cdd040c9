// JSON text written directly by the encoders on a ballot's path (the ballot_accepted payload,
// the board_events push, the cast_ballot reply): the bytes Boost.JSON's serializer writes for
// the same values, without a JSON tree or a string per value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "plenum/crypto/bytes.hpp"

namespace plenum::protocol::detail {

/// Appends `bytes` as lowercase hex, as crypto::to_hex writes them.
inline void append_hex(std::string& out, crypto::byte_span bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  for (const std::uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 0x0f];
  }
}

/// Appends `"name":"<hex of bytes>"`. REQUIRES: `name` needs no escaping.
inline void append_hex_member(std::string& out, std::string_view name, crypto::byte_span bytes) {
  out += '"';
  out += name;
  out += "\":\"";
  append_hex(out, bytes);
  out += '"';
}

}  // namespace plenum::protocol::detail
