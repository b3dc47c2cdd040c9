// ristretto255 encoding and decoding (RFC 9496 §4.3) for the variable-time verification
// engine. FOR PUBLIC DATA ONLY (see field.hpp): both branch on the point.
#pragma once

#include <optional>

#include "plenum/crypto/bytes.hpp"
#include "vartime/edwards.hpp"

namespace plenum::crypto::vartime {

/// Decodes a 32-byte ristretto255 encoding to a representative point. Returns nullopt for
/// exactly the strings libsodium's crypto_core_ristretto255_is_valid_point rejects: a field
/// element that is not canonical (≥ p), a negative one (odd), and any string for which RFC
/// 9496's decoding fails (no square root, negative x·y, or y = 0). 32 zero bytes decode to the
/// identity. Like libsodium 1.0.18 (and unlike RFC 9496), bit 255 is ignored: a valid
/// encoding with that bit set decodes to the same element, and ristretto_encode gives the
/// encoding without it. Thread-safe.
[[nodiscard]] std::optional<extended_point> ristretto_decode(const byte_array<32>& bytes);

/// The canonical 32-byte encoding of the ristretto255 element that `p` represents; equal
/// elements (ristretto_equal) give equal bytes. Thread-safe.
[[nodiscard]] byte_array<32> ristretto_encode(const extended_point& p);

}  // namespace plenum::crypto::vartime
