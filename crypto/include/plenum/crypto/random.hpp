// Where randomness comes from. Production code draws from the system; tests and the
// committed test vectors inject a seeded source so that every output is reproducible.
#pragma once

#include <cstdint>
#include <span>

#include "plenum/crypto/bytes.hpp"

namespace plenum::crypto {

/// A source of random bytes. Implementations need not be thread-safe; give each thread its own.
class random_source {
 public:
  virtual ~random_source() = default;
  /// Fills `out` with random bytes.
  virtual void fill(std::span<std::uint8_t> out) = 0;
};

/// The operating system's cryptographic random source (libsodium's randombytes). Thread-safe.
random_source& system_random();

/// A deterministic stream (ChaCha20 keyed by a 32-byte seed). For tests and test vectors only:
/// never for keys or nonces of a real sitting.
class seeded_random final : public random_source {
 public:
  explicit seeded_random(const byte_array<32>& seed);
  /// Seeds from the BLAKE2b-256 of `label`, for readable test seeds.
  explicit seeded_random(std::string_view label);
  ~seeded_random() override;
  void fill(std::span<std::uint8_t> out) override;

 private:
  byte_array<32> key_{};
  std::uint64_t block_ = 0;
};

}  // namespace plenum::crypto
