#include "vartime/field.hpp"

namespace plenum::crypto::vartime {

namespace {

using field_detail::mask51;

std::uint64_t load64(const byte_array<32>& b, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v |= std::uint64_t{b[at + i]} << (8 * i);
  return v;
}

// The fully reduced limbs of a (each below 2^51, value below p).
std::array<std::uint64_t, 5> reduce(const field_element& a) {
  field_element h = field_detail::carry(a.limb);
  h = field_detail::carry(h.limb);  // now every limb is below 2^51 and the value below 2^255
  // The value is at least p exactly when value + 19 reaches 2^255.
  std::uint64_t q = (h.limb[0] + 19) >> 51;
  for (int i = 1; i < 5; ++i) q = (h.limb[i] + q) >> 51;
  std::array<std::uint64_t, 5> r = h.limb;
  r[0] += 19 * q;
  for (int i = 0; i < 4; ++i) {
    r[i + 1] += r[i] >> 51;
    r[i] &= mask51;
  }
  r[4] &= mask51;  // drops the 2^255 that the added 19 produced when q = 1
  return r;
}

field_element from_limbs(std::uint64_t l0, std::uint64_t l1, std::uint64_t l2, std::uint64_t l3,
                         std::uint64_t l4) {
  return {{l0, l1, l2, l3, l4}};
}

}  // namespace

field_element field_from_bytes(const byte_array<32>& bytes) {
  const std::uint64_t w0 = load64(bytes, 0), w1 = load64(bytes, 8), w2 = load64(bytes, 16),
                      w3 = load64(bytes, 24);
  return {{w0 & mask51, ((w0 >> 51) | (w1 << 13)) & mask51, ((w1 >> 38) | (w2 << 26)) & mask51,
           ((w2 >> 25) | (w3 << 39)) & mask51, (w3 >> 12) & mask51}};
}

byte_array<32> field_to_bytes(const field_element& a) {
  const std::array<std::uint64_t, 5> r = reduce(a);
  const std::array<std::uint64_t, 4> w = {r[0] | (r[1] << 51), (r[1] >> 13) | (r[2] << 38),
                                          (r[2] >> 26) | (r[3] << 25), (r[3] >> 39) | (r[4] << 12)};
  byte_array<32> out{};
  for (std::size_t i = 0; i < 32; ++i)
    out[i] = static_cast<std::uint8_t>(w[i / 8] >> (8 * (i % 8)));
  return out;
}

bool is_zero(const field_element& a) {
  const std::array<std::uint64_t, 5> r = reduce(a);
  return (r[0] | r[1] | r[2] | r[3] | r[4]) == 0;
}

bool equal(const field_element& a, const field_element& b) { return is_zero(a - b); }

bool is_negative(const field_element& a) { return (reduce(a)[0] & 1) == 1; }

field_element absolute(const field_element& a) { return is_negative(a) ? -a : a; }

namespace {

// a^(2^250 − 1), the common part of inversion and the square-root exponent; also returns a^11.
struct pow_chain {
  field_element a_2_250_1;
  field_element a11;
};

pow_chain pow_2_250_1(const field_element& a) {
  const field_element a2 = square(a);
  const field_element a9 = square_times(a2, 2) * a;
  const field_element a11 = a9 * a2;
  const field_element a_2_5_1 = square(a11) * a9;                        // a^(2^5 − 1)
  const field_element a_2_10_1 = square_times(a_2_5_1, 5) * a_2_5_1;     // a^(2^10 − 1)
  const field_element a_2_20_1 = square_times(a_2_10_1, 10) * a_2_10_1;  // a^(2^20 − 1)
  const field_element a_2_40_1 = square_times(a_2_20_1, 20) * a_2_20_1;
  const field_element a_2_50_1 = square_times(a_2_40_1, 10) * a_2_10_1;
  const field_element a_2_100_1 = square_times(a_2_50_1, 50) * a_2_50_1;
  const field_element a_2_200_1 = square_times(a_2_100_1, 100) * a_2_100_1;
  const field_element a_2_250_1 = square_times(a_2_200_1, 50) * a_2_50_1;
  return {a_2_250_1, a11};
}

// a^((p − 5)/8) = a^(2^252 − 3).
field_element pow_p58(const field_element& a) {
  return square_times(pow_2_250_1(a).a_2_250_1, 2) * a;
}

}  // namespace

field_element invert(const field_element& a) {
  // p − 2 = 2^255 − 21 = (2^250 − 1)·2^5 + 11.
  const pow_chain c = pow_2_250_1(a);
  return square_times(c.a_2_250_1, 5) * c.a11;
}

sqrt_ratio_result sqrt_ratio_m1(const field_element& u, const field_element& v) {
  const field_element v3 = square(v) * v;
  const field_element v7 = square(v3) * v;
  field_element r = (u * v3) * pow_p58(u * v7);
  const field_element check = v * square(r);
  const field_element minus_u = -u;
  const bool correct_sign = equal(check, u);
  const bool flipped_sign = equal(check, minus_u);
  const bool flipped_sign_i = equal(check, minus_u * sqrt_m1());
  if (flipped_sign || flipped_sign_i) r = r * sqrt_m1();
  return {correct_sign || flipped_sign, absolute(r)};
}

const field_element& edwards_d() {
  static const field_element d = from_limbs(0x34dca135978a3, 0x1a8283b156ebd, 0x5e7a26001c029,
                                            0x739c663a03cbb, 0x52036cee2b6ff);
  return d;
}

const field_element& edwards_2d() {
  static const field_element d2 = from_limbs(0x69b9426b2f159, 0x35050762add7a, 0x3cf44c0038052,
                                             0x6738cc7407977, 0x2406d9dc56dff);
  return d2;
}

const field_element& sqrt_m1() {
  static const field_element i = from_limbs(0x61b274a0ea0b0, 0xd5a5fc8f189d, 0x7ef5e9cbd0c60,
                                            0x78595a6804c9e, 0x2b8324804fc1d);
  return i;
}

const field_element& invsqrt_a_minus_d() {
  static const field_element c =
      from_limbs(0xfdaa805d40ea, 0x2eb482e57d339, 0x7610274bc58, 0x6510b613dc8ff, 0x786c8905cfaff);
  return c;
}

}  // namespace plenum::crypto::vartime
