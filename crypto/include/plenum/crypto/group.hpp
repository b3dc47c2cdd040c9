// The ristretto255 group of CVP1 §1: scalars modulo q and points, as value types that are
// valid by construction. Parsing validates; arithmetic cannot produce an invalid value.
#pragma once

#include <cstdint>
#include <optional>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/random.hpp"

namespace plenum::crypto {

/// Initializes libsodium. Safe to call repeatedly and from several threads; every entry point
/// of this library that needs it calls it, so callers need not.
void ensure_sodium();

/// An integer modulo the group order q, always canonical (< q). Wiped on destruction, compared
/// in constant time, so a scalar may hold a secret (a nonce, a key share).
class scalar {
 public:
  static constexpr std::size_t size = 32;

  /// Zero.
  scalar() = default;
  scalar(const scalar&) = default;
  scalar& operator=(const scalar&) = default;
  ~scalar();

  /// Parses 32 little-endian bytes; nullopt unless exactly 32 bytes encoding a value < q.
  [[nodiscard]] static std::optional<scalar> from_bytes(byte_span bytes);
  /// Parses the lowercase-hex form; nullopt on any malformation or a non-canonical value.
  [[nodiscard]] static std::optional<scalar> from_hex(std::string_view hex);
  /// The small integer `n`.
  [[nodiscard]] static scalar from_u64(std::uint64_t n);
  /// The 64-byte little-endian integer `wide` reduced modulo q (Hs uses this).
  [[nodiscard]] static scalar reduce_wide(const byte_array<64>& wide);
  /// A uniformly random scalar, possibly zero (64 random bytes reduced modulo q).
  [[nodiscard]] static scalar random(random_source& source = system_random());
  /// A uniformly random nonzero scalar.
  [[nodiscard]] static scalar random_nonzero(random_source& source = system_random());

  [[nodiscard]] const byte_array<32>& bytes() const { return bytes_; }
  [[nodiscard]] std::string hex() const { return to_hex(bytes_); }
  [[nodiscard]] bool is_zero() const;
  /// The multiplicative inverse; nullopt for zero.
  [[nodiscard]] std::optional<scalar> inverse() const;

  friend scalar operator+(const scalar& a, const scalar& b);
  friend scalar operator-(const scalar& a, const scalar& b);
  friend scalar operator*(const scalar& a, const scalar& b);
  friend scalar operator-(const scalar& a);
  scalar& operator+=(const scalar& b) { return *this = *this + b; }
  scalar& operator-=(const scalar& b) { return *this = *this - b; }
  scalar& operator*=(const scalar& b) { return *this = *this * b; }
  /// Constant time.
  friend bool operator==(const scalar& a, const scalar& b);

 private:
  byte_array<32> bytes_{};
};

class ballot_points_builder;  // plenum/crypto/ballot_points.hpp

/// A ristretto255 group element in its canonical 32-byte encoding. The identity (32 zero
/// bytes) is a valid point; CVP1 forbids it in some places, which their parsers check.
class point {
 public:
  static constexpr std::size_t size = 32;

  /// The identity.
  point() = default;

  /// Parses a canonical encoding; nullopt for anything that is not a valid point.
  [[nodiscard]] static std::optional<point> from_bytes(byte_span bytes);
  /// Parses the lowercase-hex form.
  [[nodiscard]] static std::optional<point> from_hex(std::string_view hex);
  /// The standard base point G.
  [[nodiscard]] static const point& generator();
  /// k·G; the identity when k is zero.
  [[nodiscard]] static point base_mul(const scalar& k);
  /// n·G for a small integer n (vote values, counts).
  [[nodiscard]] static point small_multiple(std::uint64_t n);

  [[nodiscard]] const byte_array<32>& bytes() const { return bytes_; }
  [[nodiscard]] std::string hex() const { return to_hex(bytes_); }
  [[nodiscard]] bool is_identity() const;

  friend point operator+(const point& a, const point& b);
  friend point operator-(const point& a, const point& b);
  /// k·P; the identity when the product is the identity.
  friend point operator*(const scalar& k, const point& p);
  point& operator+=(const point& b) { return *this = *this + b; }
  point& operator-=(const point& b) { return *this = *this - b; }
  friend bool operator==(const point& a, const point& b) { return a.bytes_ == b.bytes_; }

 private:
  friend class ballot_points_builder;  // makes points from encodings it decoded itself

  byte_array<32> bytes_{};
};

}  // namespace plenum::crypto
