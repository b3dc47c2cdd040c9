// Internal: what decoded_ballot_points holds (plenum/crypto/ballot_points.hpp).
#pragma once

#include <vector>

#include "plenum/crypto/ballot_points.hpp"
#include "range_verify.hpp"

namespace plenum::crypto::detail {

/// A ballot's option ciphertexts, decoded, in position order (contests, then options).
struct decoded_ciphertexts {
  std::vector<public_ciphertext> positions;
};

}  // namespace plenum::crypto::detail
