// The reference verification path (CVP1 §8, SPEC.md §13): the same checks as verify_range,
// verify_ballot and check_partial_decryption, with every group operation done by libsodium
// (crypto_scalarmult_ristretto255*, crypto_core_ristretto255_add/sub) and nothing from the
// variable-time engine. A second engine, so that a bug in one cannot make a verifier accept
// (or refuse) on its own: a verifier runs both and fails loudly where they disagree. It is
// several times slower than the engine. Every function is thread-safe and never throws on
// bad input.
#pragma once

#include <cstdint>
#include <span>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/range_proof.hpp"

namespace plenum::crypto::reference {

/// verify_range's answer, computed with libsodium: recomputes a_j = z_j·G − c_j·alpha and
/// b_j = z_j·K − c_j·(beta − v_j·G), hashes them into the challenge, checks Σ c_j == c.
[[nodiscard]] bool verify_range(const proof_binding& binding, const proof_subject& subject,
                                const point& joint_key, const ciphertext& ct,
                                std::span<const std::uint64_t> allowed,
                                std::span<const proof_entry> proof);

/// verify_ballot's answer (the same steps in the same order, so the same status), computed
/// with libsodium.
[[nodiscard]] ballot_status verify_ballot(const manifest& m, const digest32& election_hash,
                                          const point& joint_key, const ballot& b);

/// check_partial_decryption's answer, computed with libsodium: a = v·G − c·Z_l and
/// b = v·A − c·M_l for every position, then the scrutineer's signature.
[[nodiscard]] bool check_partial_decryption(const ceremony_params& params,
                                            const ceremony_keys& keys,
                                            const digest32& election_hash,
                                            std::span<const ciphertext> aggregates,
                                            const partial_decryption& partial);

}  // namespace plenum::crypto::reference
