// Byte strings and their lowercase-hex form, as CVP1 carries them in JSON.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plenum::crypto {

using byte_vector = std::vector<std::uint8_t>;
using byte_span = std::span<const std::uint8_t>;
template <std::size_t N>
using byte_array = std::array<std::uint8_t, N>;

/// A 32-byte digest (H32) and a 64-byte digest (H).
using digest32 = byte_array<32>;
using digest64 = byte_array<64>;

/// Lowercase hex of `bytes`.
[[nodiscard]] std::string to_hex(byte_span bytes);

/// Parses lowercase hex. Returns nullopt on odd length, uppercase or any non-hex character:
/// CVP1 has one encoding for each byte string, so every other spelling is rejected.
[[nodiscard]] std::optional<byte_vector> from_hex(std::string_view hex);

/// Parses lowercase hex of exactly N bytes.
template <std::size_t N>
[[nodiscard]] std::optional<byte_array<N>> from_hex_fixed(std::string_view hex) {
  if (hex.size() != 2 * N) return std::nullopt;
  auto bytes = from_hex(hex);
  if (!bytes) return std::nullopt;
  byte_array<N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = (*bytes)[i];
  return out;
}

/// The UTF-8 bytes of `text`, without a terminator.
[[nodiscard]] inline byte_span as_bytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

/// Compares two equally long byte strings in constant time.
[[nodiscard]] bool equal_constant_time(byte_span a, byte_span b);

}  // namespace plenum::crypto
