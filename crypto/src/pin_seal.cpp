#include "plenum/crypto/pin_seal.hpp"

#include <sodium.h>

#include <stdexcept>

#include "plenum/crypto/secret_bytes.hpp"

namespace plenum::crypto {

namespace {

constexpr std::size_t salt_size = crypto_pwhash_SALTBYTES;
constexpr std::size_t nonce_size = crypto_secretbox_NONCEBYTES;
constexpr std::size_t key_size = crypto_secretbox_KEYBYTES;
constexpr std::size_t header_size = 8 + 8 + salt_size + nonce_size;
constexpr std::size_t plain_size = 8 + scalar::size + point::size;
constexpr std::size_t sealed_size = header_size + crypto_secretbox_MACBYTES + plain_size;

void put_le64(std::uint8_t* out, std::uint64_t n) {
  for (std::size_t i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(n >> (8 * i));
}

std::uint64_t get_le64(const std::uint8_t* in) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < 8; ++i) n |= static_cast<std::uint64_t>(in[i]) << (8 * i);
  return n;
}

bool limits_in_bounds(const pin_limits& limits, std::uint64_t max_ops, std::uint64_t max_mem) {
  return limits.ops >= crypto_pwhash_OPSLIMIT_MIN && limits.ops <= max_ops &&
         limits.mem_bytes >= crypto_pwhash_MEMLIMIT_MIN && limits.mem_bytes <= max_mem;
}

// Argon2id(pin, salt); false if it could not run (out of memory).
bool derive_key(secret_bytes& key, std::string_view pin, const std::uint8_t* salt,
                const pin_limits& limits) {
  return crypto_pwhash(key.data(), key_size, pin.data(), pin.size(), salt, limits.ops,
                       static_cast<std::size_t>(limits.mem_bytes),
                       crypto_pwhash_ALG_ARGON2ID13) == 0;
}

}  // namespace

byte_vector seal_share_with_pin(const key_share& share, std::string_view pin, random_source& random,
                                const pin_limits& limits) {
  ensure_sodium();
  if (!limits_in_bounds(limits, crypto_pwhash_OPSLIMIT_MAX, crypto_pwhash_MEMLIMIT_MAX)) {
    throw std::invalid_argument("Argon2id limits outside libsodium's bounds");
  }
  byte_vector sealed(sealed_size);
  put_le64(sealed.data(), limits.ops);
  put_le64(sealed.data() + 8, limits.mem_bytes);
  std::uint8_t* salt = sealed.data() + 16;
  std::uint8_t* nonce = salt + salt_size;
  random.fill(std::span<std::uint8_t>(salt, salt_size + nonce_size));

  secret_bytes key(key_size);
  if (!derive_key(key, pin, salt, limits)) throw std::runtime_error("Argon2id failed");
  secret_bytes plain(plain_size);
  put_le64(plain.data(), share.index());
  const auto& z = share.secret().bytes();
  std::copy(z.begin(), z.end(), plain.data() + 8);
  const auto& zk = share.verification_key().bytes();
  std::copy(zk.begin(), zk.end(), plain.data() + 8 + scalar::size);
  crypto_secretbox_easy(sealed.data() + header_size, plain.data(), plain.size(), nonce, key.data());
  return sealed;
}

std::optional<key_share> open_share_with_pin(byte_span sealed, std::string_view pin) {
  ensure_sodium();
  if (sealed.size() != sealed_size) return std::nullopt;
  const pin_limits limits{get_le64(sealed.data()), get_le64(sealed.data() + 8)};
  if (!limits_in_bounds(limits, crypto_pwhash_OPSLIMIT_SENSITIVE,
                        crypto_pwhash_MEMLIMIT_SENSITIVE)) {
    return std::nullopt;
  }
  const std::uint8_t* salt = sealed.data() + 16;
  const std::uint8_t* nonce = salt + salt_size;
  secret_bytes key(key_size);
  if (!derive_key(key, pin, salt, limits)) return std::nullopt;
  secret_bytes plain(plain_size);
  if (crypto_secretbox_open_easy(plain.data(), sealed.data() + header_size,
                                 sealed.size() - header_size, nonce, key.data()) != 0) {
    return std::nullopt;
  }
  const byte_span view = plain.view();
  auto z = scalar::from_bytes(view.subspan(8, scalar::size));
  auto zk = point::from_bytes(view.subspan(8 + scalar::size, point::size));
  if (!z || !zk) return std::nullopt;
  return key_share::create(get_le64(view.data()), *z, *zk);
}

}  // namespace plenum::crypto
