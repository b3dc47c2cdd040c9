// Exponential ElGamal on ristretto255 (CVP1 §5): a vote value m is encrypted under the joint
// key K as (alpha, beta) = (r·G, m·G + r·K). Ciphertexts add component-wise, which adds the
// values, so the tally is the sum of the ballots' ciphertexts.
#pragma once

#include <cstdint>

#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

/// An ElGamal ciphertext. A plain value: any two valid points form one; where CVP1 forbids an
/// identity `alpha` (a ballot's option) the ballot checks say so. Not thread-safe to mutate.
struct ciphertext {
  point alpha;
  point beta;

  /// Component-wise sum: encrypts the sum of the values under the sum of the nonces.
  friend ciphertext operator+(const ciphertext& a, const ciphertext& b) {
    return {a.alpha + b.alpha, a.beta + b.beta};
  }
  ciphertext& operator+=(const ciphertext& b) { return *this = *this + b; }
  friend bool operator==(const ciphertext&, const ciphertext&) = default;
};

/// Encrypts the small value `m` with the nonce `nonce` under `joint_key`:
/// (nonce·G, m·G + nonce·joint_key). The caller draws the nonce (nonzero, secret, used once)
/// and wipes it; this function keeps no copy. Thread-safe.
[[nodiscard]] ciphertext encrypt(std::uint64_t m, const scalar& nonce, const point& joint_key);

}  // namespace plenum::crypto
