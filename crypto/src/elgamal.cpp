#include "plenum/crypto/elgamal.hpp"

#include <cstdint>

namespace plenum::crypto {

namespace {

// a when choose_b is 0, b when it is 1, without a branch on choose_b (a vote value).
point select(const point& a, const point& b, std::uint64_t choose_b) {
  const auto mask = static_cast<std::uint8_t>(0 - (choose_b & 1));
  byte_array<32> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<std::uint8_t>(a.bytes()[i] ^ (mask & (a.bytes()[i] ^ b.bytes()[i])));
  }
  return *point::from_bytes(out);  // one of two valid encodings
}

}  // namespace

ciphertext encrypt(std::uint64_t m, const scalar& nonce, const point& joint_key) {
  const point shared = nonce * joint_key;
  if (m > 1) return {point::base_mul(nonce), point::small_multiple(m) + shared};
  // A ballot's 0 or 1: both candidates are computed, so the time does not depend on the vote.
  const point beta = select(shared, point::generator() + shared, m);
  return {point::base_mul(nonce), beta};
}

}  // namespace plenum::crypto
