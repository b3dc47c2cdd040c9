// Internal: what decoded_ballot_points holds (plenum/crypto/running_tally.hpp).
#pragma once

#include <vector>

#include "plenum/crypto/running_tally.hpp"
#include "range_verify.hpp"

namespace plenum::crypto::detail {

/// A ballot's option ciphertexts, decoded, in position order (contests, then options).
struct decoded_ciphertexts {
  std::vector<public_ciphertext> positions;
};

}  // namespace plenum::crypto::detail
