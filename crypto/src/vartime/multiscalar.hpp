// Multi-scalar multiplication Σ k_i·P_i (Straus's interleaved method over width-w NAFs) for
// the variable-time verification engine: one shared chain of doublings for all terms, so
// a·P + b·Q costs little more than one multiplication.
//
// FOR PUBLIC DATA ONLY (see field.hpp): its time depends on the scalars and the points.
#pragma once

#include <span>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "vartime/edwards.hpp"
#include "vartime/public_scalar.hpp"

namespace plenum::crypto::vartime {

/// The odd multiples P, 3·P, 5·P, …, (2^(w−1) − 1)·P of one point, ready for additions: the
/// table a width-w NAF digit indexes. Immutable after construction; thread-safe to share.
class odd_multiples {
 public:
  /// The width used for points that serve a few multiplications (8 entries).
  static constexpr int default_width = 5;

  /// Builds the table of `p` for NAF width `width`. REQUIRES: 2 ≤ width ≤ 8.
  explicit odd_multiples(const extended_point& p, int width = default_width);

  [[nodiscard]] int width() const { return width_; }
  /// d·P for an odd digit d with |d| < 2^(w−1), as an addend (negative d subtracts).
  [[nodiscard]] const cached_point& odd(int d) const {
    return table_[static_cast<std::size_t>(d / 2)];
  }

 private:
  int width_;
  std::vector<cached_point> table_;
};

/// The standard base point G of ristretto255 (the representative libsodium's base point
/// encoding decodes to).
[[nodiscard]] const extended_point& base_point();

/// The odd multiples of G for NAF width 8, built on first use. Thread-safe.
[[nodiscard]] const odd_multiples& base_table();

/// One term k·P of a sum: `scalar` a public scalar (or a half of one, vartime/split.hpp),
/// `table` the odd multiples of P. Both are borrowed for the call only.
struct scalar_term {
  const public_scalar& scalar;
  const odd_multiples& table;
};

/// Σ k_i·P_i over `terms`; the identity for no terms or all-zero scalars. Thread-safe.
[[nodiscard]] extended_point multi_scalar_mul(std::span<const scalar_term> terms);

/// a·P + b·Q, the shape of every Schnorr-style verification equation.
[[nodiscard]] inline extended_point double_scalar_mul(const public_scalar& a,
                                                      const odd_multiples& p,
                                                      const public_scalar& b,
                                                      const odd_multiples& q) {
  const scalar_term terms[] = {{a, p}, {b, q}};
  return multi_scalar_mul(terms);
}

}  // namespace plenum::crypto::vartime
