// Random ristretto255 points for the variable-time engine's tests: encodings made by libsodium
// from random bytes, and their decoding on the engine.
#pragma once

#include <sodium.h>

#include <stdexcept>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/random.hpp"
#include "vartime/ristretto.hpp"

namespace plenum::crypto::vartime {

/// The encoding of a random group element (libsodium's hash to the group over 64 random bytes).
inline byte_array<32> random_point(random_source& rng) {
  byte_array<64> wide{};
  rng.fill(wide);
  byte_array<32> out{};
  crypto_core_ristretto255_from_hash(out.data(), wide.data());
  return out;
}

/// `b` decoded on the engine. Throws std::runtime_error when it does not decode.
inline extended_point decode(const byte_array<32>& b) {
  auto p = ristretto_decode(b);
  if (!p) throw std::runtime_error("test point does not decode");
  return *p;
}

}  // namespace plenum::crypto::vartime
