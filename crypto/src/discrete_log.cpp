#include "plenum/crypto/discrete_log.hpp"

#include <algorithm>
#include <stdexcept>

namespace plenum::crypto {

namespace {

std::uint64_t ceil_sqrt(std::uint64_t n) {
  std::uint64_t r = 0;
  while (r * r < n) ++r;
  return r;
}

}  // namespace

discrete_log_table::discrete_log_table(std::uint64_t max) : max_(max) {
  if (max >= (std::uint64_t{1} << 40)) throw std::invalid_argument("discrete log bound too large");
  step_ = std::max<std::uint64_t>(1, ceil_sqrt(max + 1));
  baby_.reserve(step_);
  point p;  // j·G, starting at the identity
  for (std::uint64_t j = 0; j < step_; ++j) {
    baby_.emplace_back(p.bytes(), j);
    p += point::generator();
  }
  giant_ = p;
  std::sort(baby_.begin(), baby_.end());
}

std::optional<std::uint64_t> discrete_log_table::baby_step(const point& p) const {
  const auto it = std::lower_bound(
      baby_.begin(), baby_.end(), p.bytes(),
      [](const auto& entry, const byte_array<32>& key) { return entry.first < key; });
  if (it == baby_.end() || it->first != p.bytes()) return std::nullopt;
  return it->second;
}

std::optional<std::uint64_t> discrete_log_table::find(const point& target) const {
  point remainder = target;  // target − i·m·G
  for (std::uint64_t i = 0; i * step_ <= max_; ++i) {
    if (const auto j = baby_step(remainder)) {
      const std::uint64_t t = i * step_ + *j;
      if (t <= max_) return t;
      return std::nullopt;  // Larger multiples cannot recur below the group order.
    }
    remainder -= giant_;
  }
  return std::nullopt;
}

}  // namespace plenum::crypto
