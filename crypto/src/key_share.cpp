#include "plenum/crypto/key_share.hpp"

namespace plenum::crypto {

std::optional<key_share> key_share::create(std::uint64_t index, const scalar& z,
                                           const point& verification_key) {
  if (index == 0 || verification_key.is_identity()) return std::nullopt;
  if (!(point::base_mul(z) == verification_key)) return std::nullopt;
  return key_share(index, z, verification_key);
}

}  // namespace plenum::crypto
