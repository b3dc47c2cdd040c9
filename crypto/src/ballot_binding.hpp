// Internal: what making and verifying a ballot share.
#pragma once

#include <array>
#include <cstdint>

#include "plenum/crypto/ballot.hpp"

namespace plenum::crypto::detail {

/// The allowed values of an option.
inline constexpr std::array<std::uint64_t, 2> binary_values{0, 1};

/// The parts every proof of the ballot is bound to.
inline proof_binding binding_of(const digest32& election_hash, const byte_array<32>& ballot_id,
                                const public_key& voter_pk) {
  return {election_hash, ballot_id, voter_pk.bytes()};
}

}  // namespace plenum::crypto::detail
