// Internal: what making and verifying a ballot share.
#pragma once

#include <array>
#include <cstdint>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/manifest.hpp"

namespace plenum::crypto::detail {

/// The allowed values of an option.
inline constexpr std::array<std::uint64_t, 2> binary_values{0, 1};

/// The parts every proof of the ballot is bound to.
inline proof_binding binding_of(const digest32& election_hash, const byte_array<32>& ballot_id,
                                const public_key& voter_pk) {
  return {election_hash, ballot_id, voter_pk.bytes()};
}

/// verify_ballot's step 2: a valid manifest, and one contest per manifest contest, one option
/// per option and one constraint proof per constraint.
inline bool shape_matches(const manifest& m, const ballot& b) {
  if (check_manifest(m)) return false;
  if (b.contests.size() != m.contests.size()) return false;
  for (std::size_t c = 0; c < m.contests.size(); ++c) {
    if (b.contests[c].options.size() != m.contests[c].options.size()) return false;
  }
  return b.constraint_proofs.size() == m.constraints.size();
}

}  // namespace plenum::crypto::detail
