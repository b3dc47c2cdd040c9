// The only scalars the variable-time engine accepts. FOR PUBLIC DATA ONLY (see field.hpp).
//
// A `scalar` may hold a secret (a nonce, a coefficient, a key share), and the engine's time
// depends on every scalar it multiplies by. So the engine takes `public_scalar`s, and the way
// from a `scalar` to one is a single named call, declare_public(), that a reviewer can grep
// for: every call site must name a value that is published in the record (a proof's
// challenge or response, a power of a public index). Small integers (vote values, counts,
// indices) are public by nature and have their own constructor.
#pragma once

#include <cstdint>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/group.hpp"

namespace plenum::crypto::vartime {

struct split_scalar;

/// A canonical scalar (below q) that is public. Plain value, thread-safe.
class public_scalar {
 public:
  /// Zero.
  public_scalar() = default;

  /// The small integer `n`.
  [[nodiscard]] static public_scalar from_u64(std::uint64_t n) {
    return public_scalar(scalar::from_u64(n).bytes());
  }

  /// 32 little-endian bytes.
  [[nodiscard]] const byte_array<32>& bytes() const { return bytes_; }

 private:
  explicit public_scalar(const byte_array<32>& bytes) : bytes_(bytes) {}

  friend public_scalar declare_public(const scalar& s);
  friend split_scalar split(const public_scalar& k);

  byte_array<32> bytes_{};
};

/// Declares that `s` is public (published in the record) and so may reach the variable-time
/// engine. NEVER call it on a nonce, a polynomial coefficient, a key share or anything
/// derived from one: their timing would leak. Thread-safe.
[[nodiscard]] inline public_scalar declare_public(const scalar& s) {
  return public_scalar(s.bytes());
}

}  // namespace plenum::crypto::vartime
