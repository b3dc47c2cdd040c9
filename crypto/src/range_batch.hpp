// Internal: several range proofs (CVP1 §5) of one binding and joint key verified together, so
// that all their commitments are encoded in a few batches (vartime/batch_encode.hpp) instead of
// one square root each. Every input is public; no secret reaches this code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "plenum/crypto/range_proof.hpp"
#include "range_verify.hpp"
#include "vartime/split.hpp"

namespace plenum::crypto::detail {

/// One range proof to verify: the statement's subject, its ciphertext and allowed values, and
/// the proof. `allowed` and `proof` are borrowed.
struct range_claim {
  proof_subject subject;
  public_ciphertext ct;
  std::span<const std::uint64_t> allowed;
  std::span<const proof_entry> proof;
};

/// The most commitments encoded in one batch: bounds the memory a proof of many entries takes
/// while the inversion is shared by plenty of points.
inline constexpr std::size_t max_encoding_batch = 256;

/// Verifies every claim as verify_range_public does and returns the index of the first one
/// (in order) that fails, or nullopt when all hold. Each proof's commitments a_j, b_j are
/// computed as the doubles of (z_j/2)·G − (c_j/2)·alpha and (z_j/2)·K − (c_j/2)·(beta − v_j·G)
/// (halves mod q), which differ from them by at most a 4-torsion point (the representatives lie
/// in 2·E), invisible to the encoding; so the challenge input, and every answer, is exactly
/// that of computing a_j and b_j directly. Every claim's commitments are computed before any
/// claim is decided. Thread-safe.
[[nodiscard]] std::optional<std::size_t> first_failing_range_proof(
    const proof_binding& binding, const vartime::split_tables& joint_key,
    std::span<const range_claim> claims);

}  // namespace plenum::crypto::detail
