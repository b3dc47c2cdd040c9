#include "plenum/crypto/elgamal.hpp"

namespace plenum::crypto {

ciphertext encrypt(std::uint64_t m, const scalar& nonce, const point& joint_key) {
  point shared = nonce * joint_key;
  point beta = m == 0   ? shared
               : m == 1 ? point::generator() + shared
                        : point::small_multiple(m) + shared;
  return {point::base_mul(nonce), beta};
}

}  // namespace plenum::crypto
