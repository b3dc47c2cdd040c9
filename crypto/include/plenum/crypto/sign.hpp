// Ed25519 device keys and signatures (CVP1 §2). Every person who acts signs with a key made on
// their own device; the server signs with the congress key.
#pragma once

#include <optional>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/random.hpp"

namespace plenum::crypto {

/// A detached Ed25519 signature.
class signature {
 public:
  static constexpr std::size_t size = 64;
  signature() = default;
  explicit signature(const byte_array<64>& bytes) : bytes_(bytes) {}
  [[nodiscard]] static std::optional<signature> from_bytes(byte_span bytes);
  [[nodiscard]] static std::optional<signature> from_hex(std::string_view hex);
  [[nodiscard]] const byte_array<64>& bytes() const { return bytes_; }
  [[nodiscard]] std::string hex() const { return to_hex(bytes_); }
  friend bool operator==(const signature&, const signature&) = default;

 private:
  byte_array<64> bytes_{};
};

/// An Ed25519 public key that is a valid curve point of large order, so that it can also be
/// converted to X25519 for sealed boxes.
class public_key {
 public:
  static constexpr std::size_t size = 32;
  [[nodiscard]] static std::optional<public_key> from_bytes(byte_span bytes);
  [[nodiscard]] static std::optional<public_key> from_hex(std::string_view hex);
  [[nodiscard]] const byte_array<32>& bytes() const { return bytes_; }
  [[nodiscard]] std::string hex() const { return to_hex(bytes_); }
  /// Whether `sig` is this key's signature over `message`.
  [[nodiscard]] bool verify(byte_span message, const signature& sig) const;
  friend bool operator==(const public_key&, const public_key&) = default;
  friend auto operator<=>(const public_key&, const public_key&) = default;

 private:
  public_key() = default;
  byte_array<32> bytes_{};
};

/// An Ed25519 secret key (libsodium's 64-byte seed ‖ public form). Wiped on destruction; it is
/// meant to stay on the device that made it.
class secret_key {
 public:
  static constexpr std::size_t size = 64;
  secret_key(const secret_key&) = default;
  secret_key& operator=(const secret_key&) = default;
  ~secret_key();

  /// A fresh key whose seed is drawn from `source`.
  [[nodiscard]] static secret_key generate(random_source& source = system_random());
  /// The key derived from a 32-byte seed (deterministic; for tests and vectors).
  [[nodiscard]] static secret_key from_seed(const byte_array<32>& seed);
  /// Parses the 64-byte form; nullopt unless its public half matches its seed.
  [[nodiscard]] static std::optional<secret_key> from_bytes(byte_span bytes);
  [[nodiscard]] static std::optional<secret_key> from_hex(std::string_view hex);

  [[nodiscard]] const byte_array<64>& bytes() const { return bytes_; }
  [[nodiscard]] public_key public_part() const;
  [[nodiscard]] signature sign(byte_span message) const;

 private:
  secret_key() = default;
  byte_array<64> bytes_{};
};

}  // namespace plenum::crypto
