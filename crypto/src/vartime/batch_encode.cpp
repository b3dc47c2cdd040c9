#include "vartime/batch_encode.hpp"

#include <stdexcept>

namespace plenum::crypto::vartime {

namespace {

// The parts of 2·Q that the encoding needs (batch_encode.hpp): x(2·Q) = e/f, y(2·Q) = g/h,
// with eg = e·g and fh = f·h kept for the sign tests and efgh = e·f·g·h for the inversion.
struct doubled_parts {
  field_element e, f, g, h, eg, fh, efgh;
};

doubled_parts parts_of_double(const extended_point& q) {
  const field_element xx = square(q.x);
  const field_element yy = square(q.y);
  const field_element zz = square(q.z);
  const field_element xy = q.x * q.y;
  doubled_parts d;
  d.e = xy + xy;
  d.f = yy - xx;
  d.g = yy + xx;
  d.h = (zz + zz) - d.f;
  d.eg = d.e * d.g;
  d.fh = d.f * d.h;
  d.efgh = d.eg * d.fh;
  return d;
}

// The encoding of 2·Q from its parts and inv = 1/(e·f·g·h).
byte_array<32> encode_double(const doubled_parts& d, const field_element& inv) {
  const field_element inv_fh = d.eg * inv;  // 1/(f·h) = 1/Z'
  const field_element inv_eg = d.fh * inv;  // 1/(e·g)
  if (is_negative(d.eg * inv_fh)) {
    // Rotated: s = |(f ∓ i·e)/g|, the sign from i·g/h.
    const field_element inv_g = d.e * inv_eg;
    const field_element ie = d.e * sqrt_m1();
    const bool flip = is_negative(sqrt_m1() * d.g * d.f * inv_fh);
    return field_to_bytes(absolute((flip ? d.f + ie : d.f - ie) * inv_g));
  }
  // Not rotated: s = |c·(h ∓ g)/e|, the sign from e/f.
  const field_element inv_e = d.g * inv_eg;
  const bool flip = is_negative(d.e * d.h * inv_fh);
  return field_to_bytes(absolute(invsqrt_a_minus_d() * (flip ? d.h + d.g : d.h - d.g) * inv_e));
}

}  // namespace

void double_and_encode(std::span<const extended_point> points, std::span<byte_array<32>> out) {
  if (out.size() != points.size()) {
    throw std::invalid_argument("double_and_encode: one output per point");
  }
  std::vector<doubled_parts> parts;
  parts.reserve(points.size());
  // products[i] = the product of the nonzero e·f·g·h of points 0..i (1 for none).
  std::vector<field_element> products;
  products.reserve(points.size());
  std::vector<bool> doubles_to_torsion(points.size(), false);
  field_element running = field_one();
  for (std::size_t i = 0; i < points.size(); ++i) {
    parts.push_back(parts_of_double(points[i]));
    if (is_zero(parts[i].efgh)) {
      doubles_to_torsion[i] = true;
    } else {
      running = running * parts[i].efgh;
    }
    products.push_back(running);
  }
  // One inversion; walking back, inverse_of_prefix is 1/products[i] at step i.
  field_element inverse_of_prefix = invert(running);
  for (std::size_t i = points.size(); i-- > 0;) {
    if (doubles_to_torsion[i]) {
      out[i] = byte_array<32>{};
      continue;
    }
    const field_element& before = i == 0 ? field_one() : products[i - 1];
    out[i] = encode_double(parts[i], inverse_of_prefix * before);
    inverse_of_prefix = inverse_of_prefix * parts[i].efgh;
  }
}

scalar half(const scalar& s) {
  // s/2 for even s, (s + q)/2 for odd s (s + q < 2^254): a 256-bit addition and a shift,
  // without a branch on s.
  static constexpr byte_array<32> q = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,
                                       0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
                                       0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                       0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
  const byte_array<32>& k = s.bytes();
  const auto odd_mask = static_cast<std::uint8_t>(-(k[0] & 1));
  byte_array<32> sum{};
  unsigned carry = 0;
  for (std::size_t i = 0; i < sum.size(); ++i) {
    const unsigned total = k[i] + (q[i] & odd_mask) + carry;
    sum[i] = static_cast<std::uint8_t>(total);
    carry = total >> 8;
  }
  byte_array<32> halved{};
  for (std::size_t i = 0; i < halved.size(); ++i) {
    const unsigned next = i + 1 < halved.size() ? sum[i + 1] : 0;
    halved[i] = static_cast<std::uint8_t>((sum[i] >> 1) | (next << 7));
  }
  const auto out = scalar::from_bytes(halved);
  if (!out) throw std::logic_error("half: the half of a canonical scalar is not canonical");
  return *out;
}

std::vector<byte_array<32>> double_and_encode(std::span<const extended_point> points) {
  std::vector<byte_array<32>> out(points.size());
  double_and_encode(points, out);
  return out;
}

}  // namespace plenum::crypto::vartime
