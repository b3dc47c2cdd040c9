// Width-w non-adjacent form of a scalar, for the variable-time verification engine.
// FOR PUBLIC DATA ONLY (see field.hpp): the recoding's time depends on the scalar.
#pragma once

#include <array>
#include <cstdint>

#include "plenum/crypto/bytes.hpp"
#include "vartime/public_scalar.hpp"

namespace plenum::crypto::vartime {

/// Signed digits d_0 … d_255 with Σ d_i·2^i equal to the scalar: every nonzero digit is odd
/// with |d_i| < 2^(w−1), and any w consecutive digits hold at most one nonzero one.
struct wnaf_digits {
  std::array<std::int8_t, 256> digit{};
  /// One past the index of the highest nonzero digit; 0 for the scalar 0.
  int length = 0;
};

/// The width-`width` NAF of the public scalar `scalar`. REQUIRES: 2 ≤ width ≤ 8. Thread-safe.
[[nodiscard]] wnaf_digits wnaf(const public_scalar& scalar, int width);

}  // namespace plenum::crypto::vartime
