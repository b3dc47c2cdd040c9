// One scrutineer's key-ceremony message (CVP1 §3 steps 1–4): the dealer side that makes it
// and the public check that anyone can run on it.
#pragma once

#include <cstdint>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

/// A Schnorr proof of knowledge of a_ij for the commitment K_ij = a_ij·G.
struct knowledge_proof {
  scalar c;
  scalar v;
  friend bool operator==(const knowledge_proof&, const knowledge_proof&) = default;
};

/// Scrutineer `dealer`'s published message: k commitments K_i0 … K_i,k−1 with their proofs,
/// the n shares s_i1 … s_in each sealed to its recipient, and the dealer's signature over
/// keygen_digest(). A plain value; parsing it from JSON is the protocol layer's job and must
/// be followed by check_keygen_message().
struct keygen_message {
  std::uint64_t dealer = 0;
  std::vector<point> commitments;
  std::vector<knowledge_proof> proofs;
  std::vector<byte_vector> sealed_shares;
  signature sig;
  friend bool operator==(const keygen_message&, const keygen_message&) = default;
};

/// Bytes of one sealed share: a 32-byte scalar in a sealed box.
inline constexpr std::size_t sealed_share_size = 32 + 48;

/// H32("keygen", ceremony_id, LE64(i), K_i0 … K_i,k−1, c_i0, v_i0, …, c_i,k−1, v_i,k−1,
/// sealed_1 … sealed_n): every list at its fixed length (k or n), without a count.
[[nodiscard]] digest32 keygen_digest(const ceremony_params& params, const keygen_message& msg);

/// Scrutineer `dealer` deals: draws k random nonzero coefficients from `random`, commits to
/// them, proves knowledge of each, computes and seals every s_il, and signs. The coefficients
/// and shares are wiped before returning. Throws std::invalid_argument if `dealer` is not an
/// index of `params` or `dealer_key` is not that scrutineer's key (programmer errors).
/// Sealing draws its ephemeral keys from the system, not from `random`.
[[nodiscard]] keygen_message make_keygen_message(const ceremony_params& params,
                                                 std::uint64_t dealer, const secret_key& dealer_key,
                                                 random_source& random);

/// Whether `msg` is a well-formed, honestly proven and signed message of this ceremony:
/// dealer in 1..n, exactly k commitments, none the identity, each proof valid, exactly n
/// sealed shares of sealed_share_size bytes, and the dealer's signature valid. It cannot
/// tell whether the sealed shares are right: only their recipients can (see open_share()).
[[nodiscard]] bool check_keygen_message(const ceremony_params& params, const keygen_message& msg);

/// Σ_j index^j·K_j: the public image of the share that the commitments promise to `index`.
/// The identity for an empty list.
[[nodiscard]] point share_image(const std::vector<point>& commitments, std::uint64_t index);

}  // namespace plenum::crypto
