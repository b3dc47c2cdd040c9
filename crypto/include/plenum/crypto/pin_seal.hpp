// A scrutineer's key share at rest (CVP1 §3): encrypted under a key derived from a PIN with
// Argon2id (crypto_pwhash) and sealed with XSalsa20-Poly1305 (crypto_secretbox).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/key_share.hpp"
#include "plenum/crypto/random.hpp"

namespace plenum::crypto {

/// Argon2id work factors. The defaults are libsodium's "moderate" limits (3 passes, 256 MiB).
struct pin_limits {
  std::uint64_t ops = 3;
  std::uint64_t mem_bytes = 256ull << 20;

  /// libsodium's "interactive" limits (2 passes, 64 MiB): for tests only.
  [[nodiscard]] static pin_limits interactive() { return {2, 64ull << 20}; }
};

/// Encrypts `share` (its index, secret and verification key) under `pin`. The salt and nonce
/// come from `random`. Output: LE64(ops) ‖ LE64(mem) ‖ salt(16) ‖ nonce(24) ‖ secretbox of
/// LE64(index) ‖ z ‖ Z. The derived key and plaintext are wiped. Throws std::invalid_argument if
/// the limits are outside libsodium's bounds and std::runtime_error if Argon2id cannot get
/// its memory.
[[nodiscard]] byte_vector seal_share_with_pin(const key_share& share, std::string_view pin,
                                              random_source& random, const pin_limits& limits = {});

/// Opens what seal_share_with_pin() made. Nullopt for a wrong PIN, altered or truncated
/// bytes, limits above libsodium's "sensitive" level (so a planted file cannot make the device
/// spend unbounded work), or contents that are not a valid key share. Thread-safe.
[[nodiscard]] std::optional<key_share> open_share_with_pin(byte_span sealed, std::string_view pin);

}  // namespace plenum::crypto
