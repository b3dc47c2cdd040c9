#include "plenum/crypto/sign.hpp"

#include <sodium.h>

#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

std::optional<signature> signature::from_bytes(byte_span bytes) {
  if (bytes.size() != size) return std::nullopt;
  byte_array<64> raw{};
  std::copy(bytes.begin(), bytes.end(), raw.begin());
  return signature(raw);
}

std::optional<signature> signature::from_hex(std::string_view hex) {
  auto bytes = from_hex_fixed<64>(hex);
  if (!bytes) return std::nullopt;
  return signature(*bytes);
}

std::optional<public_key> public_key::from_bytes(byte_span bytes) {
  if (bytes.size() != size) return std::nullopt;
  ensure_sodium();
  public_key pk;
  std::copy(bytes.begin(), bytes.end(), pk.bytes_.begin());
  // The conversion rejects non-points, small-order points and points outside the prime-order
  // subgroup (about a scalar multiplication: the point times the group order).
  byte_array<32> curve{};
  if (crypto_sign_ed25519_pk_to_curve25519(curve.data(), pk.bytes_.data()) != 0) {
    return std::nullopt;
  }
  return pk;
}

std::optional<public_key> public_key::from_hex(std::string_view hex) {
  auto bytes = from_hex_fixed<32>(hex);
  if (!bytes) return std::nullopt;
  return from_bytes(*bytes);
}

bool public_key::verify(byte_span message, const signature& sig) const {
  return crypto_sign_verify_detached(sig.bytes().data(), message.data(), message.size(),
                                     bytes_.data()) == 0;
}

secret_key::~secret_key() { sodium_memzero(bytes_.data(), bytes_.size()); }

secret_key secret_key::generate(random_source& source) {
  byte_array<32> seed{};
  source.fill(seed);
  secret_key sk = from_seed(seed);
  sodium_memzero(seed.data(), seed.size());
  return sk;
}

secret_key secret_key::from_seed(const byte_array<32>& seed) {
  ensure_sodium();
  secret_key sk;
  byte_array<32> pk{};
  crypto_sign_seed_keypair(pk.data(), sk.bytes_.data(), seed.data());
  return sk;
}

std::optional<secret_key> secret_key::from_bytes(byte_span bytes) {
  if (bytes.size() != size) return std::nullopt;
  byte_array<32> seed{};
  std::copy(bytes.begin(), bytes.begin() + 32, seed.begin());
  secret_key sk = from_seed(seed);
  sodium_memzero(seed.data(), seed.size());
  if (sodium_memcmp(sk.bytes_.data() + 32, bytes.data() + 32, 32) != 0) return std::nullopt;
  return sk;
}

std::optional<secret_key> secret_key::from_hex(std::string_view hex) {
  auto bytes = from_hex_fixed<64>(hex);
  if (!bytes) return std::nullopt;
  auto sk = from_bytes(*bytes);
  sodium_memzero(bytes->data(), bytes->size());
  return sk;
}

public_key secret_key::public_part() const {
  return *public_key::from_bytes(byte_span(bytes_.data() + 32, 32));
}

signature secret_key::sign(byte_span message) const {
  byte_array<64> sig{};
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), bytes_.data());
  return signature(sig);
}

}  // namespace plenum::crypto
