// ristretto255 encoding and decoding (RFC 9496 §4.3) for the variable-time verification
// engine. FOR PUBLIC DATA ONLY (see field.hpp): both branch on the point.
#pragma once

#include <optional>

#include "plenum/crypto/bytes.hpp"
#include "vartime/edwards.hpp"

namespace plenum::crypto::vartime {

/// Decodes a 32-byte ristretto255 encoding to a representative point, by RFC 9496 §4.3.1
/// alone. Returns nullopt for a string that is not a canonical field element (bit 255 set, or
/// a value ≥ p), a negative one (odd), and any string for which the decoding fails (x² not a
/// square, negative x·y, or y = 0). 32 zero bytes decode to the identity. Every accepted
/// string is the one ristretto_encode gives for its element. Thread-safe.
[[nodiscard]] std::optional<extended_point> ristretto_decode(const byte_array<32>& bytes);

/// The canonical 32-byte encoding of the ristretto255 element that `p` represents; equal
/// elements (ristretto_equal) give equal bytes. Thread-safe.
[[nodiscard]] byte_array<32> ristretto_encode(const extended_point& p);

}  // namespace plenum::crypto::vartime
