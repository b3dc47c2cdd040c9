// Points of the twisted Edwards curve −x² + y² = 1 + d·x²·y² (edwards25519), the
// representatives behind ristretto255, for the variable-time verification engine.
//
// FOR PUBLIC DATA ONLY (see field.hpp). Formulas: Hisil–Wong–Carter–Dawson 2008 for a = −1,
// which are complete on this curve (d is not a square), so they need no special cases for the
// identity, equal operands or torsion components.
//
// Representations (plain values, thread-safe):
//   extended    (X : Y : Z : T), x = X/Z, y = Y/Z, x·y = T/Z; the general form.
//   projective  (X : Y : Z), the same without T; enough as input to a doubling.
//   completed   ((E, F, G, H)), a sum or double before its last multiplications:
//               X = E·F, Y = G·H, Z = F·G, T = E·H.
//   cached      (Y + X, Y − X, 2·Z, 2d·T), an addend prepared once for many additions.
#pragma once

#include "vartime/field.hpp"

namespace plenum::crypto::vartime {

struct extended_point {
  field_element x, y, z, t;
};

struct projective_point {
  field_element x, y, z;
};

struct completed_point {
  field_element e, f, g, h;
};

struct cached_point {
  field_element y_plus_x, y_minus_x, z2, t2d;
};

/// The neutral element (0, 1).
[[nodiscard]] inline extended_point identity_point() {
  return {field_zero(), field_one(), field_one(), field_zero()};
}

/// Finishes a sum or double as an extended point (4 multiplications).
[[nodiscard]] inline extended_point to_extended(const completed_point& p) {
  return {p.e * p.f, p.g * p.h, p.f * p.g, p.e * p.h};
}

/// Finishes a sum or double without T, when only a doubling follows (3 multiplications).
[[nodiscard]] inline projective_point to_projective(const completed_point& p) {
  return {p.e * p.f, p.g * p.h, p.f * p.g};
}

/// Drops T.
[[nodiscard]] inline projective_point to_projective(const extended_point& p) {
  return {p.x, p.y, p.z};
}

/// Prepares P as an addend.
[[nodiscard]] inline cached_point to_cached(const extended_point& p) {
  return {p.y + p.x, p.y - p.x, p.z + p.z, p.t * edwards_2d()};
}

/// −P.
[[nodiscard]] inline extended_point negate(const extended_point& p) {
  return {-p.x, p.y, p.z, -p.t};
}

/// The cached form of −P, from the cached form of P.
[[nodiscard]] inline cached_point negate(const cached_point& p) {
  return {p.y_minus_x, p.y_plus_x, p.z2, -p.t2d};
}

/// P + Q.
[[nodiscard]] inline completed_point add(const extended_point& p, const cached_point& q) {
  const field_element a = (p.y - p.x) * q.y_minus_x;
  const field_element b = (p.y + p.x) * q.y_plus_x;
  const field_element c = p.t * q.t2d;
  const field_element d = p.z * q.z2;
  return {b - a, d - c, d + c, b + a};
}

/// P − Q.
[[nodiscard]] inline completed_point sub(const extended_point& p, const cached_point& q) {
  const field_element a = (p.y - p.x) * q.y_plus_x;
  const field_element b = (p.y + p.x) * q.y_minus_x;
  const field_element c = p.t * q.t2d;
  const field_element d = p.z * q.z2;
  return {b - a, d + c, d - c, b + a};
}

/// 2·P.
[[nodiscard]] inline completed_point dbl(const projective_point& p) {
  const field_element a = square(p.x);
  const field_element b = square(p.y);
  const field_element c = square(p.z) + square(p.z);
  const field_element e = square(p.x + p.y) - a - b;
  const field_element g = b - a;  // −a·A + B with a = −1
  return {e, g - c, g, -(a + b)};
}

/// Convenience forms returning extended points.
[[nodiscard]] inline extended_point operator+(const extended_point& p, const extended_point& q) {
  return to_extended(add(p, to_cached(q)));
}
[[nodiscard]] inline extended_point operator-(const extended_point& p, const extended_point& q) {
  return to_extended(sub(p, to_cached(q)));
}
[[nodiscard]] inline extended_point dbl(const extended_point& p) {
  return to_extended(dbl(to_projective(p)));
}

/// Whether P and Q are the same ristretto255 element (equal up to the 4-torsion that
/// ristretto255 quotients out): X1·Y2 == Y1·X2 or Y1·Y2 == X1·X2.
[[nodiscard]] bool ristretto_equal(const extended_point& p, const extended_point& q);

}  // namespace plenum::crypto::vartime
