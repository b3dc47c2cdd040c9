// A scrutineer's partial decryption of a vote's tally (CVP1 §7): M_l = z_l·A for every
// position's aggregate A, each with a Chaum–Pedersen proof that log_G Z_l == log_A M_l, all
// signed together.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/elgamal.hpp"
#include "plenum/crypto/key_share.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

/// One position's share M = z·A with its equal-logs proof (c, v).
struct decryption_share {
  point m;
  scalar c;
  scalar v;
  friend bool operator==(const decryption_share&, const decryption_share&) = default;
};

/// Scrutineer `index`'s partial decryption of every position of one vote, in position order,
/// with its signature over partial_digest(). A plain value; check it with
/// check_partial_decryption() after parsing.
struct partial_decryption {
  std::uint64_t index = 0;
  std::vector<decryption_share> shares;
  signature sig;
  friend bool operator==(const partial_decryption&, const partial_decryption&) = default;
};

/// H32("partial", election_hash, LE64(index), A_1, M_1, c_1, v_1, …, A_p, M_p, c_p, v_p)
/// for the p positions in order, without a count. `aggregates` and `shares` must be equally
/// long (std::invalid_argument otherwise).
[[nodiscard]] digest32 partial_digest(const digest32& election_hash, std::uint64_t index,
                                      std::span<const ciphertext> aggregates,
                                      std::span<const decryption_share> shares);

/// Scrutineer `share.index()` decrypts its part of every aggregate: M = z·A, proof nonces from
/// `random`, signed with `key`. An aggregate with A = identity (a position no ballot reached)
/// gets M = identity and a proof that still verifies. The proof nonces are wiped. Throws
/// std::invalid_argument if `key` is not the scrutineer's key in `params` or the share's
/// verification key is not Z_index of `keys` (programmer errors).
[[nodiscard]] partial_decryption make_partial_decryption(
    const ceremony_params& params, const ceremony_keys& keys, const digest32& election_hash,
    std::span<const ciphertext> aggregates, const key_share& share, const secret_key& key,
    random_source& random);

/// Whether `partial` is a valid partial decryption of `aggregates` by scrutineer
/// `partial.index`: index in 1..n, one share per position, each proof valid against
/// Z_index, M the identity exactly when A is the identity, and the scrutineer's signature
/// valid. Thread-safe.
[[nodiscard]] bool check_partial_decryption(const ceremony_params& params,
                                            const ceremony_keys& keys,
                                            const digest32& election_hash,
                                            std::span<const ciphertext> aggregates,
                                            const partial_decryption& partial);

}  // namespace plenum::crypto
