#include "plenum/crypto/seal.hpp"

#include <sodium.h>

#include <stdexcept>

#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

static_assert(seal_overhead == crypto_box_SEALBYTES);

namespace {

// The X25519 form of an Ed25519 public key. public_key guarantees the conversion succeeds.
byte_array<32> curve_public(const public_key& key) {
  byte_array<32> curve{};
  if (crypto_sign_ed25519_pk_to_curve25519(curve.data(), key.bytes().data()) != 0) {
    throw std::logic_error("public_key holds a key that does not convert to X25519");
  }
  return curve;
}

}  // namespace

byte_vector seal_to(const public_key& recipient, byte_span plaintext) {
  ensure_sodium();
  const byte_array<32> curve_pk = curve_public(recipient);
  byte_vector sealed(plaintext.size() + seal_overhead);
  if (crypto_box_seal(sealed.data(), plaintext.data(), plaintext.size(), curve_pk.data()) != 0) {
    throw std::runtime_error("crypto_box_seal failed");
  }
  return sealed;
}

std::optional<secret_bytes> open_sealed(const secret_key& recipient, byte_span sealed) {
  ensure_sodium();
  if (sealed.size() < seal_overhead) return std::nullopt;
  const byte_array<32> curve_pk = curve_public(recipient.public_part());
  byte_array<32> curve_sk{};
  crypto_sign_ed25519_sk_to_curve25519(curve_sk.data(), recipient.bytes().data());
  secret_bytes plain(sealed.size() - seal_overhead);
  const int status = crypto_box_seal_open(plain.data(), sealed.data(), sealed.size(),
                                          curve_pk.data(), curve_sk.data());
  sodium_memzero(curve_sk.data(), curve_sk.size());
  if (status != 0) return std::nullopt;
  return plain;
}

}  // namespace plenum::crypto
