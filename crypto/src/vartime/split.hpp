// Half-length scalars for the variable-time engine: k·P = lo·P + hi·(2^127·P), so that a
// point used in several products pays its 127 doublings once and every product after that
// needs a chain of 127 doublings instead of 253. FOR PUBLIC DATA ONLY (see field.hpp).
#pragma once

#include <cstdint>

#include "plenum/crypto/bytes.hpp"
#include "vartime/edwards.hpp"
#include "vartime/multiscalar.hpp"

namespace plenum::crypto::vartime {

/// The weight of the high half.
inline constexpr int split_bits = 127;

/// k = lo + 2^127·hi with lo < 2^127; hi < 2^127 for every k below 2^254 (every canonical
/// scalar). Both halves public like k.
struct split_scalar {
  public_scalar lo;
  public_scalar hi;
};

/// Splits `k`. Thread-safe.
[[nodiscard]] split_scalar split(const public_scalar& k);

/// 2^127·P (127 doublings).
[[nodiscard]] extended_point times_two_to_split(const extended_point& p);

/// The tables of P and of 2^127·P, for products with split scalars. Immutable after
/// construction; thread-safe to share.
struct split_tables {
  explicit split_tables(const extended_point& p, int width = odd_multiples::default_width);
  split_tables(const extended_point& p, const extended_point& p_high,
               int width = odd_multiples::default_width);
  odd_multiples low;
  odd_multiples high;
};

/// G's split tables (NAF width 8), built on first use. Thread-safe.
[[nodiscard]] const split_tables& base_split_tables();

/// v·2^127·G for a small value v: from a table built once for v < 64. Thread-safe.
[[nodiscard]] extended_point small_multiple_high(std::uint64_t v);

/// k·P for the point whose split tables are `p`: lo·P + hi·(2^127·P). Thread-safe.
[[nodiscard]] inline scalar_term low_term(const split_scalar& k, const split_tables& p) {
  return {k.lo, p.low};
}
[[nodiscard]] inline scalar_term high_term(const split_scalar& k, const split_tables& p) {
  return {k.hi, p.high};
}

/// a·P + b·Q with split scalars: one chain of 127 doublings.
[[nodiscard]] inline extended_point split_double_scalar_mul(const split_scalar& a,
                                                            const split_tables& p,
                                                            const split_scalar& b,
                                                            const split_tables& q) {
  const scalar_term terms[] = {low_term(a, p), high_term(a, p), low_term(b, q), high_term(b, q)};
  return multi_scalar_mul(terms);
}

}  // namespace plenum::crypto::vartime
