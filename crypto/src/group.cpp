#include "plenum/crypto/group.hpp"

#include <sodium.h>

#include <cstdlib>

namespace plenum::crypto {

void ensure_sodium() {
  static const int status = sodium_init();
  if (status < 0) std::abort();  // No usable randomness: nothing in this library may proceed.
}

namespace {

// q = 2^252 + 27742317777372353535851937790883648493, little-endian.
constexpr byte_array<32> group_order = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// Whether the little-endian integer `s` is below q. Runs over every byte regardless of the
// value, so it does not leak where a secret scalar differs from q.
bool is_canonical(const std::uint8_t* s) {
  unsigned borrow = 0;  // Computes s - q and keeps the final borrow: set iff s < q.
  for (std::size_t i = 0; i < 32; ++i) {
    unsigned diff = static_cast<unsigned>(s[i]) - group_order[i] - borrow;
    borrow = (diff >> 8) & 1;
  }
  return borrow == 1;
}

}  // namespace

scalar::~scalar() { sodium_memzero(bytes_.data(), bytes_.size()); }

std::optional<scalar> scalar::from_bytes(byte_span bytes) {
  if (bytes.size() != size || !is_canonical(bytes.data())) return std::nullopt;
  scalar s;
  std::copy(bytes.begin(), bytes.end(), s.bytes_.begin());
  return s;
}

std::optional<scalar> scalar::from_hex(std::string_view hex) {
  auto bytes = from_hex_fixed<32>(hex);
  if (!bytes) return std::nullopt;
  auto s = from_bytes(*bytes);
  sodium_memzero(bytes->data(), bytes->size());
  return s;
}

scalar scalar::from_u64(std::uint64_t n) {
  scalar s;
  for (std::size_t i = 0; i < 8; ++i) s.bytes_[i] = static_cast<std::uint8_t>(n >> (8 * i));
  return s;  // Below 2^64 < q: already canonical.
}

scalar scalar::reduce_wide(const byte_array<64>& wide) {
  scalar s;
  crypto_core_ristretto255_scalar_reduce(s.bytes_.data(), wide.data());
  return s;
}

scalar scalar::random(random_source& source) {
  byte_array<64> wide{};
  source.fill(wide);
  scalar s = reduce_wide(wide);
  sodium_memzero(wide.data(), wide.size());
  return s;
}

scalar scalar::random_nonzero(random_source& source) {
  for (;;) {
    scalar s = random(source);
    if (!s.is_zero()) return s;
  }
}

bool scalar::is_zero() const { return sodium_is_zero(bytes_.data(), bytes_.size()) == 1; }

std::optional<scalar> scalar::inverse() const {
  scalar out;
  if (crypto_core_ristretto255_scalar_invert(out.bytes_.data(), bytes_.data()) != 0) {
    return std::nullopt;
  }
  return out;
}

scalar operator+(const scalar& a, const scalar& b) {
  scalar out;
  crypto_core_ristretto255_scalar_add(out.bytes_.data(), a.bytes_.data(), b.bytes_.data());
  return out;
}

scalar operator-(const scalar& a, const scalar& b) {
  scalar out;
  crypto_core_ristretto255_scalar_sub(out.bytes_.data(), a.bytes_.data(), b.bytes_.data());
  return out;
}

scalar operator*(const scalar& a, const scalar& b) {
  scalar out;
  crypto_core_ristretto255_scalar_mul(out.bytes_.data(), a.bytes_.data(), b.bytes_.data());
  return out;
}

scalar operator-(const scalar& a) {
  scalar out;
  crypto_core_ristretto255_scalar_negate(out.bytes_.data(), a.bytes_.data());
  return out;
}

bool operator==(const scalar& a, const scalar& b) {
  return sodium_memcmp(a.bytes_.data(), b.bytes_.data(), scalar::size) == 0;
}

std::optional<point> point::from_bytes(byte_span bytes) {
  if (bytes.size() != size) return std::nullopt;
  // RFC 9496 encodings have bit 255 clear. libsodium 1.0.18 ignores that bit, which would give
  // every element a second encoding; refused here so that an element has one encoding only.
  if ((bytes[31] & 0x80) != 0) return std::nullopt;
  point p;
  std::copy(bytes.begin(), bytes.end(), p.bytes_.begin());
  if (p.is_identity()) return p;
  if (crypto_core_ristretto255_is_valid_point(p.bytes_.data()) != 1) return std::nullopt;
  return p;
}

std::optional<point> point::from_hex(std::string_view hex) {
  auto bytes = from_hex_fixed<32>(hex);
  if (!bytes) return std::nullopt;
  return from_bytes(*bytes);
}

const point& point::generator() {
  static const point g = base_mul(scalar::from_u64(1));
  return g;
}

point point::base_mul(const scalar& k) {
  point p;
  if (crypto_scalarmult_ristretto255_base(p.bytes_.data(), k.bytes().data()) != 0) {
    return point{};  // libsodium reports an identity result as failure.
  }
  return p;
}

point point::small_multiple(std::uint64_t n) { return base_mul(scalar::from_u64(n)); }

bool point::is_identity() const { return sodium_is_zero(bytes_.data(), bytes_.size()) == 1; }

point operator+(const point& a, const point& b) {
  if (a.is_identity()) return b;
  if (b.is_identity()) return a;
  point out;
  crypto_core_ristretto255_add(out.bytes_.data(), a.bytes_.data(), b.bytes_.data());
  return out;
}

point operator-(const point& a, const point& b) {
  if (b.is_identity()) return a;
  point out;
  crypto_core_ristretto255_sub(out.bytes_.data(), a.bytes_.data(), b.bytes_.data());
  return out;
}

point operator*(const scalar& k, const point& p) {
  point out;
  if (p.is_identity() ||
      crypto_scalarmult_ristretto255(out.bytes_.data(), k.bytes().data(), p.bytes_.data()) != 0) {
    return point{};  // libsodium reports an identity result as failure.
  }
  return out;
}

}  // namespace plenum::crypto
