#include "vartime/ristretto.hpp"

namespace plenum::crypto::vartime {

namespace {

// Whether the 32 bytes are a canonical field element (RFC 9496 §4.3.1): below p = 2^255 − 19,
// and so with bit 255 clear. Checked here rather than left to point::from_bytes or to
// libsodium (1.0.18 ignores bit 255; later releases refuse it), so that the engine decides
// alone and one element has one encoding.
bool is_canonical_field(const byte_array<32>& s) {
  if ((s[31] & 0x80) != 0) return false;
  // Below 2^255, the value is at least p only when bits 248..254 are all set, bytes 1..30 are
  // all 0xff and byte 0 is at least 0xed.
  if (s[31] != 0x7f || s[0] < 0xed) return true;
  for (std::size_t i = 1; i < 31; ++i) {
    if (s[i] != 0xff) return true;
  }
  return false;
}

}  // namespace

std::optional<extended_point> ristretto_decode(const byte_array<32>& bytes) {
  if (!is_canonical_field(bytes) || (bytes[0] & 1) != 0) return std::nullopt;
  const field_element s = field_from_bytes(bytes);
  const field_element ss = square(s);
  const field_element u1 = field_one() - ss;
  const field_element u2 = field_one() + ss;
  const field_element u2_sqr = square(u2);
  const field_element v = -(edwards_d() * square(u1)) - u2_sqr;
  const sqrt_ratio_result inv = sqrt_ratio_m1(field_one(), v * u2_sqr);
  const field_element den_x = inv.root * u2;
  const field_element den_y = inv.root * den_x * v;
  const field_element x = absolute((s + s) * den_x);
  const field_element y = u1 * den_y;
  const field_element t = x * y;
  if (!inv.was_square || is_negative(t) || is_zero(y)) return std::nullopt;
  return extended_point{x, y, field_one(), t};
}

byte_array<32> ristretto_encode(const extended_point& p) {
  const field_element u1 = (p.z + p.y) * (p.z - p.y);
  const field_element u2 = p.x * p.y;
  const sqrt_ratio_result inv = sqrt_ratio_m1(field_one(), u1 * square(u2));
  const field_element den1 = inv.root * u1;
  const field_element den2 = inv.root * u2;
  const field_element z_inv = den1 * den2 * p.t;
  field_element x = p.x;
  field_element y = p.y;
  field_element den_inv = den2;
  if (is_negative(p.t * z_inv)) {
    x = p.y * sqrt_m1();
    y = p.x * sqrt_m1();
    den_inv = den1 * invsqrt_a_minus_d();
  }
  if (is_negative(x * z_inv)) y = -y;
  return field_to_bytes(absolute(den_inv * (p.z - y)));
}

}  // namespace plenum::crypto::vartime
