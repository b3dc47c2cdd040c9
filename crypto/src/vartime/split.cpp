#include "vartime/split.hpp"

#include <array>
#include <stdexcept>

#include "vartime/public_point.hpp"

namespace plenum::crypto::vartime {

split_scalar split(const public_scalar& scalar) {
  const byte_array<32>& k = scalar.bytes();
  // Canonical scalars are below q < 2^253; the check keeps the halves' bound if that changed.
  if ((k[31] & 0xc0) != 0) throw std::invalid_argument("split: scalar of 2^254 or more");
  byte_array<32> lo{}, hi{};
  // lo: bits 0..126 (bytes 0..15 with bit 127 cleared); hi: bits 127..253.
  for (std::size_t i = 0; i < 16; ++i) lo[i] = k[i];
  lo[15] &= 0x7f;
  for (std::size_t i = 0; i < 16; ++i) {
    hi[i] = static_cast<std::uint8_t>((k[15 + i] >> 7) | (k[16 + i] << 1));
  }
  hi[16] = static_cast<std::uint8_t>(k[31] >> 7);
  return {public_scalar(lo), public_scalar(hi)};
}

extended_point times_two_to_split(const extended_point& p) {
  projective_point r = to_projective(p);
  for (int i = 1; i < split_bits; ++i) r = to_projective(dbl(r));
  return to_extended(dbl(r));
}

split_tables::split_tables(const extended_point& p, int width)
    : split_tables(p, times_two_to_split(p), width) {}

split_tables::split_tables(const extended_point& p, const extended_point& p_high, int width)
    : low(p, width), high(p_high, width) {}

const split_tables& base_split_tables() {
  static const split_tables tables(base_point(), 8);
  return tables;
}

extended_point small_multiple_high(std::uint64_t v) {
  constexpr std::size_t table_size = 64;
  static const std::array<extended_point, table_size> table = [] {
    const extended_point g_high = times_two_to_split(base_point());
    std::array<extended_point, table_size> t{};
    t[0] = identity_point();
    for (std::size_t i = 1; i < table_size; ++i) t[i] = t[i - 1] + g_high;
    return t;
  }();
  if (v < table_size) return table[v];
  return times_two_to_split(small_multiple(v));
}

}  // namespace plenum::crypto::vartime
