// Batched "double and encode" for the variable-time verification engine: the ristretto255
// encodings of 2·Q_1, …, 2·Q_n with one field inversion for the whole batch and no square
// root. FOR PUBLIC DATA ONLY (see field.hpp): it branches on the points.
//
// Why it works (RFC 9496 §4.3.2 applied to a doubled point): with x = X/Z and y = Y/Z on
// −x² + y² = 1 + d·x²·y², the double 2·Q has x' = e/f and y' = g/h where
//   e = 2·X·Y,  f = Y² − X²,  g = Y² + X²,  h = 2·Z² − f,
// so 2·Q = (e·h : g·f : f·h : e·g) in extended coordinates. The encoding's square root is of
// u1·u2² with u1 = Z'² − Y'² and u2 = X'·Y'; for the double, u1 = f²·(h − g)·(h + g) =
// 4·f²·(Z² − Y²)·(Z² + X²) = (a − d)·(e·f)² by the curve equation (a = −1), a square times
// the constant a − d. The root is therefore sqrt(a − d)·e·f·u2, a rational expression, and
// the encoding reduces to (c = 1/sqrt(a − d), signs up to the final absolute value):
//   rotate = IS_NEGATIVE(e·g / (f·h))                          (T'/Z')
//   not rotated: s = |c·(h − g)/e|, or |c·(h + g)/e| when IS_NEGATIVE(e/f)        (X'/Z')
//   rotated:     s = |(f − i·e)/g|, or |(f + i·e)/g| when IS_NEGATIVE(i·g/h)      (i·Y'/Z')
// Every division is by a factor of e·f·g·h, so one inverse of the product of all the
// points' e·f·g·h (Montgomery's trick) serves the batch. f and h are never 0 on the curve
// (d and −d are not squares); e·g = 0 exactly when 2·Q is a 4-torsion point, whose encoding
// is 32 zero bytes, as ristretto_encode gives for it.
#pragma once

#include <span>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/group.hpp"
#include "vartime/edwards.hpp"

namespace plenum::crypto::vartime {

/// Writes to out[i] the encoding of 2·points[i], byte for byte what
/// ristretto_encode(dbl(points[i])) gives, for every point of the curve (torsion components
/// and the identity included). T is not read. REQUIRES: out.size() == points.size(); throws
/// std::invalid_argument otherwise. Thread-safe.
void double_and_encode(std::span<const extended_point> points, std::span<byte_array<32>> out);

/// The same, returning the encodings.
[[nodiscard]] std::vector<byte_array<32>> double_and_encode(std::span<const extended_point> points);

/// s/2 mod q, for a product whose encoding double_and_encode is to give: for a point P that
/// represents a ristretto255 element (P in 2·E, as every decoded point and every sum or
/// multiple of such points is), 2·((s/2)·P) = s·P + m·q·P with m in {0, 1}, and q·P is a
/// 4-torsion point, so the encoding of the double is the encoding of s·P. Thread-safe.
[[nodiscard]] scalar half(const scalar& s);

}  // namespace plenum::crypto::vartime
