#include "vartime/wnaf.hpp"

#include <bit>
#include <stdexcept>

namespace plenum::crypto::vartime {

namespace {

using wide = std::array<std::uint64_t, 5>;

bool is_zero(const wide& k) { return (k[0] | k[1] | k[2] | k[3] | k[4]) == 0; }

void shift_right(wide& k, int n) {  // 1 ≤ n ≤ 63
  for (std::size_t i = 0; i < 4; ++i) k[i] = (k[i] >> n) | (k[i + 1] << (64 - n));
  k[4] >>= n;
}

void add_small(wide& k, std::uint64_t v) {
  for (std::size_t i = 0; i < 5 && v != 0; ++i) {
    k[i] += v;
    v = k[i] < v ? 1 : 0;
  }
}

}  // namespace

wnaf_digits wnaf(const public_scalar& public_k, int width) {
  const byte_array<32>& scalar = public_k.bytes();
  if (width < 2 || width > 8) throw std::invalid_argument("wnaf: width outside 2..8");
  if ((scalar[31] & 0x80) != 0) throw std::invalid_argument("wnaf: scalar of 2^255 or more");
  wide k{};
  for (std::size_t i = 0; i < 32; ++i) k[i / 8] |= std::uint64_t{scalar[i]} << (8 * (i % 8));
  const std::uint64_t window = std::uint64_t{1} << width;
  const auto half = static_cast<std::int64_t>(window / 2);
  wnaf_digits out;
  int pos = 0;  // the weight 2^pos of k's lowest bit
  while (!is_zero(k)) {
    if ((k[0] & 1) == 0) {
      const int zeros = k[0] == 0 ? 63 : std::countr_zero(k[0]);
      shift_right(k, zeros);
      pos += zeros;
      continue;
    }
    auto d = static_cast<std::int64_t>(k[0] & (window - 1));
    if (d >= half) {
      d -= static_cast<std::int64_t>(window);
      add_small(k, static_cast<std::uint64_t>(-d));  // k − d with d < 0
    } else {
      k[0] -= static_cast<std::uint64_t>(d);  // k's low bits are d: no borrow
    }
    out.digit[static_cast<std::size_t>(pos)] = static_cast<std::int8_t>(d);
    out.length = pos + 1;
    // k is now divisible by 2^width.
    shift_right(k, width);
    pos += width;
  }
  return out;
}

}  // namespace plenum::crypto::vartime
