#include "vartime/public_point.hpp"

#include <array>
#include <stdexcept>

#include "vartime/multiscalar.hpp"
#include "vartime/ristretto.hpp"

namespace plenum::crypto::vartime {

extended_point decode_public(const point& p) {
  auto decoded = ristretto_decode(p.bytes());
  if (!decoded) throw std::logic_error("a valid point does not decode in the vartime engine");
  return *decoded;
}

std::optional<extended_point> decode_public_bytes(const byte_array<32>& bytes) {
  return ristretto_decode(bytes);
}

point to_point(const extended_point& p) {
  auto out = point::from_bytes(ristretto_encode(p));
  if (!out) throw std::logic_error("the vartime engine encoded an invalid point");
  return *out;
}

extended_point small_multiple(std::uint64_t v) {
  constexpr std::size_t table_size = 64;
  static const std::array<extended_point, table_size> table = [] {
    std::array<extended_point, table_size> t{};
    t[0] = identity_point();
    for (std::size_t i = 1; i < table_size; ++i) t[i] = t[i - 1] + base_point();
    return t;
  }();
  if (v < table_size) return table[v];
  const public_scalar k = public_scalar::from_u64(v);
  const scalar_term term[] = {{k, base_table()}};
  return multi_scalar_mul(term);
}

}  // namespace plenum::crypto::vartime
