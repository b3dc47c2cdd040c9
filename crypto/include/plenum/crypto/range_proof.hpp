// Disjunctive Chaum–Pedersen range proofs (CVP1 §5): a ciphertext (alpha, beta) made with nonce
// r holds one of the allowed values V = [v_0 < … < v_t−1], without saying which.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/elgamal.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/hash.hpp"
#include "plenum/crypto/random.hpp"

namespace plenum::crypto {

/// One branch (c_j, z_j) of a range proof.
struct proof_entry {
  scalar c;
  scalar z;
  friend bool operator==(const proof_entry&, const proof_entry&) = default;
};

/// A range proof: one entry per allowed value, in the order of V.
using range_proof = std::vector<proof_entry>;

/// The parts that bind every proof of one ballot to its election, ballot and voter: the
/// `election_hash, ballot_id, voter_pk` of the challenge. A proof copied into another ballot,
/// under another voter key or into another election no longer verifies.
struct proof_binding {
  digest32 election_hash{};
  byte_array<32> ballot_id{};
  byte_array<32> voter_pk{};
};

/// What a proof is about: the `ctx…` parts of the challenge.
///   option(c, o):     "option", LE64(c), LE64(o)   (V = [0, 1])
///   contest(c):       "contest", LE64(c)           (V = [min … max] of contest c)
///   constraint(q):    "constraint", LE64(q)        (V = [min … max] of constraint q)
class proof_subject {
 public:
  [[nodiscard]] static proof_subject option(std::uint64_t contest_index,
                                            std::uint64_t option_index) {
    return {"option", {contest_index, option_index}, 2};
  }
  [[nodiscard]] static proof_subject contest(std::uint64_t contest_index) {
    return {"contest", {contest_index, 0}, 1};
  }
  [[nodiscard]] static proof_subject constraint(std::uint64_t constraint_index) {
    return {"constraint", {constraint_index, 0}, 1};
  }

  /// Appends the ctx parts to `input`.
  void append_to(transcript& input) const;

 private:
  proof_subject(std::string_view label, std::array<std::uint64_t, 2> indices, std::size_t count)
      : label_(label), indices_(indices), count_(count) {}
  std::string_view label_;
  std::array<std::uint64_t, 2> indices_;
  std::size_t count_;
};

/// Proves that `ct` holds `allowed[index]`. REQUIRES: `ct` is encrypt(allowed[index], nonce,
/// joint_key); otherwise the proof is produced but does not verify. Returns nullopt when
/// `allowed` is empty or not strictly increasing, or `index` is out of range. Draws 2t − 1
/// scalars from `source`; intermediate secrets are wiped. Thread-safe if `source` is.
[[nodiscard]] std::optional<range_proof> prove_range(const proof_binding& binding,
                                                     const proof_subject& subject,
                                                     const point& joint_key, const ciphertext& ct,
                                                     std::span<const std::uint64_t> allowed,
                                                     std::size_t index, const scalar& nonce,
                                                     random_source& source = system_random());

/// Whether `proof` shows that `ct` holds one of `allowed` under `joint_key` for this binding
/// and subject. False (never an exception) for a proof of the wrong length, an empty or
/// unsorted `allowed`, or any failing check. Every input is public, so it computes in
/// variable time: 2t double-scalar multiplications (a_j and b_j). Thread-safe.
[[nodiscard]] bool verify_range(const proof_binding& binding, const proof_subject& subject,
                                const point& joint_key, const ciphertext& ct,
                                std::span<const std::uint64_t> allowed,
                                std::span<const proof_entry> proof);

/// The largest list value_range builds.
inline constexpr std::uint64_t max_range_values = 1u << 16;

/// The list [lo, lo + 1, …, hi]; empty when lo > hi. For contest and constraint bounds.
/// Throws std::length_error (a programmer error) when it would exceed max_range_values.
[[nodiscard]] std::vector<std::uint64_t> value_range(std::uint64_t lo, std::uint64_t hi);

}  // namespace plenum::crypto
