#include "vartime/multiscalar.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>
#include <vector>

#include "vartime/ristretto.hpp"
#include "vartime/wnaf.hpp"

namespace plenum::crypto::vartime {

odd_multiples::odd_multiples(const extended_point& p, int width) : width_(width) {
  if (width < 2 || width > 8) throw std::invalid_argument("odd_multiples: width outside 2..8");
  const std::size_t count = std::size_t{1} << (width - 2);
  table_.reserve(count);
  table_.push_back(to_cached(p));
  const cached_point twice = to_cached(dbl(p));
  extended_point current = p;
  for (std::size_t i = 1; i < count; ++i) {
    current = to_extended(add(current, twice));
    table_.push_back(to_cached(current));
  }
}

const extended_point& base_point() {
  static const extended_point g = [] {
    // The encoding of G (RFC 9496 appendix A.1), checked against libsodium's by the tests.
    const byte_array<32> encoding = {0xe2, 0xf2, 0xae, 0x0a, 0x6a, 0xbc, 0x4e, 0x71,
                                     0xa8, 0x84, 0xa9, 0x61, 0xc5, 0x00, 0x51, 0x5f,
                                     0x58, 0xe3, 0x0b, 0x6a, 0xa5, 0x82, 0xdd, 0x8d,
                                     0xb6, 0xa6, 0x59, 0x45, 0xe0, 0x8d, 0x2d, 0x76};
    auto decoded = ristretto_decode(encoding);
    if (!decoded) throw std::logic_error("the base point does not decode");
    return *decoded;
  }();
  return g;
}

const odd_multiples& base_table() {
  static const odd_multiples table(base_point(), 8);
  return table;
}

// The additions of a product, grouped by the doubling step they follow: the terms' NAF digits
// turned into one list of table entries ordered by bit position (a counting sort), so the
// main loop only walks that list.
struct addend {
  const cached_point* point;
  bool negative;
};

[[gnu::flatten]] extended_point multi_scalar_mul(std::span<const scalar_term> terms) {
  constexpr std::size_t positions = 256;
  std::array<std::uint32_t, positions + 1> first{};     // first[i]: index of bit i's addends
  std::vector<std::pair<std::uint32_t, addend>> found;  // (bit, addend) in term order
  found.reserve(terms.size() * 48);
  int top = 0;
  for (const scalar_term& term : terms) {
    const wnaf_digits naf = wnaf(term.scalar, term.table.width());
    top = std::max(top, naf.length);
    for (int i = 0; i < naf.length; ++i) {
      const int d = naf.digit[static_cast<std::size_t>(i)];
      if (d == 0) continue;
      found.push_back({static_cast<std::uint32_t>(i), {&term.table.odd(d > 0 ? d : -d), d < 0}});
      ++first[static_cast<std::size_t>(i) + 1];
    }
  }
  if (top == 0) return identity_point();
  for (std::size_t i = 1; i <= positions; ++i) first[i] += first[i - 1];
  std::vector<addend> by_bit(found.size());
  std::array<std::uint32_t, positions> next{};
  std::copy(first.begin(), first.end() - 1, next.begin());
  for (const auto& [bit, a] : found) by_bit[next[bit]++] = a;

  projective_point r = {field_zero(), field_one(), field_one()};
  for (int bit = top - 1;; --bit) {
    completed_point t = dbl(r);
    const auto at = static_cast<std::size_t>(bit);
    for (std::size_t k = first[at]; k < first[at + 1]; ++k) {
      const addend& a = by_bit[k];
      t = a.negative ? sub(to_extended(t), *a.point) : add(to_extended(t), *a.point);
    }
    if (bit == 0) return to_extended(t);
    r = to_projective(t);
  }
}

}  // namespace plenum::crypto::vartime
