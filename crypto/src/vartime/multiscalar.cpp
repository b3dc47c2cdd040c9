#include "vartime/multiscalar.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

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
    byte_array<32> encoding{};
    std::uint8_t one[crypto_core_ristretto255_SCALARBYTES] = {1};
    if (crypto_scalarmult_ristretto255_base(encoding.data(), one) != 0) {
      throw std::logic_error("libsodium refused 1·G");
    }
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

[[gnu::flatten]] extended_point multi_scalar_mul(std::span<const scalar_term> terms) {
  constexpr std::size_t inline_terms = 4;
  std::array<wnaf_digits, inline_terms> inline_digits;
  std::vector<wnaf_digits> more_digits;
  if (terms.size() > inline_terms) more_digits.resize(terms.size());
  const std::span<wnaf_digits> digits =
      terms.size() > inline_terms ? std::span<wnaf_digits>(more_digits)
                                  : std::span<wnaf_digits>(inline_digits).first(terms.size());
  int top = 0;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    digits[i] = wnaf(terms[i].scalar, terms[i].table.width());
    top = std::max(top, digits[i].length);
  }
  if (top == 0) return identity_point();

  projective_point r = {field_zero(), field_one(), field_one()};
  for (int bit = top - 1;; --bit) {
    completed_point t = dbl(r);
    const auto at = static_cast<std::size_t>(bit);
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const int d = digits[i].digit[at];
      if (d > 0) {
        t = add(to_extended(t), terms[i].table.odd(d));
      } else if (d < 0) {
        t = sub(to_extended(t), terms[i].table.odd(-d));
      }
    }
    if (bit == 0) return to_extended(t);
    r = to_projective(t);
  }
}

}  // namespace plenum::crypto::vartime
