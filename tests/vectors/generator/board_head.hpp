// The head of the example board chain, which the results and a receipt refer to.
#pragma once

#include <cstdint>

#include "plenum/crypto/bytes.hpp"

namespace plenum::test::vectors {

/// The sequence number and entry_hash of the last event of a board chain.
struct board_head {
  std::uint64_t seq = 0;
  crypto::digest32 hash{};
};

}  // namespace plenum::test::vectors
