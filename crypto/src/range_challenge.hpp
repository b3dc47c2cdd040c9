// Internal: the parts of the range-proof challenge (CVP1 §5) that proving and verifying share.
#pragma once

#include <cstdint>
#include <span>

#include "plenum/crypto/range_proof.hpp"

namespace plenum::crypto::detail {

/// Whether `values` is non-empty and strictly increasing (a valid V).
[[nodiscard]] bool strictly_increasing(std::span<const std::uint64_t> values);

/// The challenge input up to and including the list of allowed values:
/// "range", election_hash, ballot_id, voter_pk, ctx…, alpha, beta, LE64(t), LE64(v_0), …
[[nodiscard]] transcript range_challenge_prefix(const proof_binding& binding,
                                                const proof_subject& subject,
                                                const byte_array<32>& alpha,
                                                const byte_array<32>& beta,
                                                std::span<const std::uint64_t> allowed);

}  // namespace plenum::crypto::detail
