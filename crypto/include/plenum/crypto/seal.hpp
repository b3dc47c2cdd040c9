// Sealing a byte string to a person's Ed25519 device key (CVP1 §2): an anonymous
// crypto_box_seal to the key converted to X25519. Used to hand key-ceremony shares over.
#pragma once

#include <cstddef>
#include <optional>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/secret_bytes.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

/// Bytes a sealed box adds to its plaintext (ephemeral public key and MAC).
inline constexpr std::size_t seal_overhead = 48;

/// Seals `plaintext` so that only the holder of `recipient`'s secret key can open it. The
/// ephemeral key comes from libsodium's system randomness (sealed boxes take no injected
/// source), so the output is not reproducible. Thread-safe. Aborts only if libsodium cannot
/// initialize.
[[nodiscard]] byte_vector seal_to(const public_key& recipient, byte_span plaintext);

/// Opens a box sealed to `recipient`'s public key. Returns nullopt if it is too short, was
/// sealed to another key or was altered; never says which. The converted X25519 secret is
/// wiped before returning. Thread-safe.
[[nodiscard]] std::optional<secret_bytes> open_sealed(const secret_key& recipient,
                                                      byte_span sealed);

}  // namespace plenum::crypto
