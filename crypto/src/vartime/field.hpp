// Arithmetic in GF(p), p = 2^255 − 19, for the variable-time verification engine.
//
// FOR PUBLIC DATA ONLY. The operations here happen not to branch on their inputs, but the
// encoding, decoding and multiplication code built on them does; nothing in vartime/ may see
// a secret. Provers and anything holding a secret use libsodium's constant-time operations.
//
// An element is five unsigned 51-bit limbs (radix 2^51): value = Σ limb[i]·2^(51·i), with the
// limbs allowed slightly above 2^51 between operations (the representation is not unique;
// to_bytes gives the canonical form). Every function returns limbs below 2^51 + 2^15, which
// every function accepts. Plain values, thread-safe.
#pragma once

#include <array>
#include <cstdint>

#include "plenum/crypto/bytes.hpp"

namespace plenum::crypto::vartime {

struct field_element {
  std::array<std::uint64_t, 5> limb{};
};

namespace field_detail {

inline constexpr std::uint64_t mask51 = (std::uint64_t{1} << 51) - 1;
__extension__ typedef unsigned __int128 u128;  // GCC/Clang extension

// Carries each limb's excess into the next, the top one back into limb 0 times 19
// (2^255 ≡ 19). Accepts limbs below 2^63; returns limbs below 2^51 + 2^15.
inline field_element carry(std::array<std::uint64_t, 5> h) {
  std::uint64_t c = 0;
  for (int i = 0; i < 5; ++i) {
    h[i] += c;
    c = h[i] >> 51;
    h[i] &= mask51;
  }
  h[0] += 19 * c;
  c = h[0] >> 51;
  h[0] &= mask51;
  h[1] += c;
  return {h};
}

// Carries a 128-bit product column vector into limbs (the same shape as carry()).
inline field_element carry_wide(std::array<u128, 5> r) {
  std::array<std::uint64_t, 5> h{};
  u128 c = 0;
  for (int i = 0; i < 5; ++i) {
    r[i] += c;
    h[i] = static_cast<std::uint64_t>(r[i]) & mask51;
    c = r[i] >> 51;
  }
  // c < 2^64 / 19 here: the columns are below 2^115.
  h[0] += 19 * static_cast<std::uint64_t>(c);
  const std::uint64_t c0 = h[0] >> 51;
  h[0] &= mask51;
  h[1] += c0;
  return {h};
}

}  // namespace field_detail

/// 0 and 1.
[[nodiscard]] inline field_element field_zero() { return {}; }
[[nodiscard]] inline field_element field_one() { return {{1, 0, 0, 0, 0}}; }

/// a + b.
[[nodiscard]] inline field_element operator+(const field_element& a, const field_element& b) {
  std::array<std::uint64_t, 5> h{};
  for (int i = 0; i < 5; ++i) h[i] = a.limb[i] + b.limb[i];
  return field_detail::carry(h);
}

/// a − b (computed as a + 4p − b, so no limb underflows).
[[nodiscard]] inline field_element operator-(const field_element& a, const field_element& b) {
  constexpr std::uint64_t four_p0 = 4 * ((std::uint64_t{1} << 51) - 19);
  constexpr std::uint64_t four_pi = 4 * ((std::uint64_t{1} << 51) - 1);
  std::array<std::uint64_t, 5> h{};
  h[0] = a.limb[0] + four_p0 - b.limb[0];
  for (int i = 1; i < 5; ++i) h[i] = a.limb[i] + four_pi - b.limb[i];
  return field_detail::carry(h);
}

/// −a.
[[nodiscard]] inline field_element operator-(const field_element& a) { return field_zero() - a; }

/// a · b.
[[nodiscard]] inline field_element operator*(const field_element& a, const field_element& b) {
  using field_detail::u128;
  const auto& x = a.limb;
  const auto& y = b.limb;
  // Limbs below 2^52: y·19 below 2^57, each product below 2^109, each column below 2^112.
  const std::uint64_t y1_19 = 19 * y[1], y2_19 = 19 * y[2], y3_19 = 19 * y[3], y4_19 = 19 * y[4];
  std::array<u128, 5> r{};
  r[0] = u128{x[0]} * y[0] + u128{x[1]} * y4_19 + u128{x[2]} * y3_19 + u128{x[3]} * y2_19 +
         u128{x[4]} * y1_19;
  r[1] = u128{x[0]} * y[1] + u128{x[1]} * y[0] + u128{x[2]} * y4_19 + u128{x[3]} * y3_19 +
         u128{x[4]} * y2_19;
  r[2] = u128{x[0]} * y[2] + u128{x[1]} * y[1] + u128{x[2]} * y[0] + u128{x[3]} * y4_19 +
         u128{x[4]} * y3_19;
  r[3] = u128{x[0]} * y[3] + u128{x[1]} * y[2] + u128{x[2]} * y[1] + u128{x[3]} * y[0] +
         u128{x[4]} * y4_19;
  r[4] = u128{x[0]} * y[4] + u128{x[1]} * y[3] + u128{x[2]} * y[2] + u128{x[3]} * y[1] +
         u128{x[4]} * y[0];
  return field_detail::carry_wide(r);
}

/// a².
[[nodiscard]] inline field_element square(const field_element& a) {
  using field_detail::u128;
  const auto& x = a.limb;
  const std::uint64_t x0_2 = 2 * x[0], x1_2 = 2 * x[1];
  const std::uint64_t x1_38 = 38 * x[1], x2_38 = 38 * x[2], x3_38 = 38 * x[3];
  const std::uint64_t x3_19 = 19 * x[3], x4_19 = 19 * x[4];
  std::array<u128, 5> r{};
  r[0] = u128{x[0]} * x[0] + u128{x1_38} * x[4] + u128{x2_38} * x[3];
  r[1] = u128{x0_2} * x[1] + u128{x2_38} * x[4] + u128{x3_19} * x[3];
  r[2] = u128{x0_2} * x[2] + u128{x[1]} * x[1] + u128{x3_38} * x[4];
  r[3] = u128{x0_2} * x[3] + u128{x1_2} * x[2] + u128{x4_19} * x[4];
  r[4] = u128{x0_2} * x[4] + u128{x1_2} * x[3] + u128{x[2]} * x[2];
  return field_detail::carry_wide(r);
}

/// a^(2^n) for n ≥ 1.
[[nodiscard]] inline field_element square_times(field_element a, int n) {
  for (int i = 0; i < n; ++i) a = square(a);
  return a;
}

/// The element encoded by 32 little-endian bytes, bit 255 ignored (RFC 7748 style). Values in
/// [p, 2^255) are accepted and reduced; callers that need canonical input check it first.
[[nodiscard]] field_element field_from_bytes(const byte_array<32>& bytes);

/// The canonical (fully reduced) 32-byte little-endian encoding.
[[nodiscard]] byte_array<32> field_to_bytes(const field_element& a);

/// Whether a is 0 mod p.
[[nodiscard]] bool is_zero(const field_element& a);

/// Whether a == b mod p.
[[nodiscard]] bool equal(const field_element& a, const field_element& b);

/// Whether the canonical encoding of a is odd (RFC 9496's IS_NEGATIVE).
[[nodiscard]] bool is_negative(const field_element& a);

/// |a|: a or −a, whichever is non-negative.
[[nodiscard]] field_element absolute(const field_element& a);

/// a^(p − 2): the inverse of a, or 0 for 0.
[[nodiscard]] field_element invert(const field_element& a);

/// RFC 9496 §4.2 SQRT_RATIO_M1(u, v): was_square says whether u/v is a square (u ≠ 0, v = 0
/// counts as not square); root is the non-negative square root of u/v if so, else of i·u/v
/// (i = sqrt(−1)), and 0 when u = 0.
struct sqrt_ratio_result {
  bool was_square = false;
  field_element root;
};
[[nodiscard]] sqrt_ratio_result sqrt_ratio_m1(const field_element& u, const field_element& v);

/// Curve and encoding constants of RFC 9496 / RFC 8032 (d = −121665/121666, 2d, sqrt(−1),
/// 1/sqrt(a − d) with a = −1).
[[nodiscard]] const field_element& edwards_d();
[[nodiscard]] const field_element& edwards_2d();
[[nodiscard]] const field_element& sqrt_m1();
[[nodiscard]] const field_element& invsqrt_a_minus_d();

}  // namespace plenum::crypto::vartime
