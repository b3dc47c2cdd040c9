// The bridge between the library's `point` values and the variable-time engine, for
// verifiers. FOR PUBLIC DATA ONLY (see field.hpp).
#pragma once

#include <cstdint>
#include <optional>

#include "plenum/crypto/group.hpp"
#include "vartime/edwards.hpp"

namespace plenum::crypto::vartime {

/// The engine's form of a `point`, declared public: the only way a parsed point reaches the
/// engine, named so that a reviewer can grep for it (a point can be secret too: r·K inside an
/// encryption). `p` is valid by construction, so decoding cannot fail; if it ever did, the
/// engine and point::from_bytes would disagree, and this throws std::logic_error rather than
/// verify anything against a wrong point. Thread-safe.
[[nodiscard]] extended_point decode_public(const point& p);

/// The engine's form of 32 bytes received in public (a ballot's option ciphertext on its way to
/// the board), or nullopt where point::from_bytes refuses them: the same rule (RFC 9496 §4.3.1,
/// bit 255 clear), applied by the engine's own decoder, so that checking a received point and
/// using it is one decoding. Thread-safe.
[[nodiscard]] std::optional<extended_point> decode_public_bytes(const byte_array<32>& bytes);

/// The `point` an engine result represents. Checks the encoding with libsodium like any
/// parsed point (so it costs about one decoding more than ristretto_encode). Thread-safe.
[[nodiscard]] point to_point(const extended_point& p);

/// v·G for a small value v (vote values, counts): from a table built once for v < 64.
/// Thread-safe.
[[nodiscard]] extended_point small_multiple(std::uint64_t v);

}  // namespace plenum::crypto::vartime
