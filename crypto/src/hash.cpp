#include "plenum/crypto/hash.hpp"

#include <sodium.h>

namespace plenum::crypto {

transcript::transcript(std::string_view tag) {
  input_.reserve(256);
  str("cvp1");
  str(tag);
}

transcript& transcript::str(std::string_view text) { return raw(as_bytes(text)); }

transcript& transcript::u64(std::uint64_t n) {
  byte_array<8> le{};
  for (std::size_t i = 0; i < 8; ++i) le[i] = static_cast<std::uint8_t>(n >> (8 * i));
  return raw(le);
}

transcript& transcript::raw(byte_span bytes) {
  std::uint64_t length = bytes.size();
  for (std::size_t i = 0; i < 8; ++i)
    input_.push_back(static_cast<std::uint8_t>(length >> (8 * i)));
  input_.insert(input_.end(), bytes.begin(), bytes.end());
  return *this;
}

digest64 transcript::h() const {
  digest64 out{};
  crypto_generichash(out.data(), out.size(), input_.data(), input_.size(), nullptr, 0);
  return out;
}

digest32 transcript::h32() const {
  digest32 out{};
  crypto_generichash(out.data(), out.size(), input_.data(), input_.size(), nullptr, 0);
  return out;
}

scalar transcript::hs() const { return scalar::reduce_wide(h()); }

}  // namespace plenum::crypto
