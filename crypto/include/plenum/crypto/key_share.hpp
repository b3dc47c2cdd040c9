// A scrutineer's share of the sitting's decryption key (CVP1 §3): z_l with its public
// verification key Z_l = z_l·G.
#pragma once

#include <cstdint>
#include <optional>

#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

/// Scrutineer `index`'s secret share z and the matching public verification key Z. Valid by
/// construction (z·G == Z, Z not the identity). The secret is wiped on destruction (scalar
/// wipes itself). It stays on the scrutineer's device; at rest, see pin_seal.hpp.
/// Not thread-safe for writes; const access may be shared.
class key_share {
 public:
  /// Builds the share; nullopt if `index` is 0, `z`·G != `verification_key` or the key is
  /// the identity.
  [[nodiscard]] static std::optional<key_share> create(std::uint64_t index, const scalar& z,
                                                       const point& verification_key);

  [[nodiscard]] std::uint64_t index() const { return index_; }
  [[nodiscard]] const scalar& secret() const { return z_; }
  [[nodiscard]] const point& verification_key() const { return verification_key_; }

 private:
  key_share(std::uint64_t index, const scalar& z, const point& verification_key)
      : index_(index), z_(z), verification_key_(verification_key) {}

  std::uint64_t index_;
  scalar z_;
  point verification_key_;
};

}  // namespace plenum::crypto
