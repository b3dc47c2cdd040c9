// Internal: range-proof verification (CVP1 §5) on points already decoded for the
// variable-time engine, so that a ballot decodes each point and the joint key once.
// Every input is public; no secret reaches this code.
#pragma once

#include <cstdint>
#include <span>

#include "plenum/crypto/range_proof.hpp"
#include "vartime/edwards.hpp"
#include "vartime/split.hpp"

namespace plenum::crypto::detail {

/// A ciphertext as a verifier needs it: the encodings the challenge hashes and the points the
/// verification equations use. Plain value.
struct public_ciphertext {
  byte_array<32> alpha_bytes{};
  byte_array<32> beta_bytes{};
  vartime::extended_point alpha;
  vartime::extended_point beta;

  /// Decodes a ciphertext's two points.
  [[nodiscard]] static public_ciphertext decode(const ciphertext& ct);
  /// Encodes two computed points (a contest's or a constraint's sum).
  [[nodiscard]] static public_ciphertext encode(const vartime::extended_point& alpha,
                                                const vartime::extended_point& beta);
};

/// The joint key's split tables (NAF width 8) for the verification equations. A vote's
/// ballots all use one joint key, so the last key's tables are kept per thread and rebuilt
/// only when the key changes. The reference is valid until this thread's next call.
[[nodiscard]] const vartime::split_tables& joint_key_tables(const point& joint_key);

/// verify_range with the joint key's split tables and the decoded ciphertext: recomputes
/// a_j = z_j·G − c_j·alpha and b_j = z_j·K − c_j·(beta − v_j·G) for every entry, hashes them
/// into the challenge and checks Σ c_j == c (as a batch of one, range_batch.hpp, so the
/// commitments are encoded together). False for a proof of the wrong length or an empty or
/// unsorted `allowed`. Thread-safe.
[[nodiscard]] bool verify_range_public(const proof_binding& binding, const proof_subject& subject,
                                       const vartime::split_tables& joint_key,
                                       const public_ciphertext& ct,
                                       std::span<const std::uint64_t> allowed,
                                       std::span<const proof_entry> proof);

}  // namespace plenum::crypto::detail
