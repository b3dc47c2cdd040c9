// Tallying a vote (CVP1 §7): summing the ballots' ciphertexts per position, combining at least
// k verified partial decryptions with Lagrange coefficients, and reading the counts.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/discrete_log.hpp"
#include "plenum/crypto/elgamal.hpp"
#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

/// Running sums A = Σ alpha, B = Σ beta for each position of one vote, over accepted ballots.
/// Starts at the identity (an empty tally). Not thread-safe.
class tally_accumulator {
 public:
  /// A tally of `positions` positions (Σ over contests of their option counts).
  explicit tally_accumulator(std::size_t positions) : sums_(positions) {}

  /// Adds one ballot's ciphertexts, in position order. Returns false and changes nothing if
  /// the ballot does not have exactly one ciphertext per position. It does not check the
  /// ballot: only accepted ballots may be added.
  [[nodiscard]] bool add(std::span<const ciphertext> ballot);

  /// The aggregates (A, B), one per position.
  [[nodiscard]] const std::vector<ciphertext>& aggregates() const { return sums_; }
  /// How many ballots were added.
  [[nodiscard]] std::uint64_t ballots() const { return ballots_; }

 private:
  std::vector<ciphertext> sums_;
  std::uint64_t ballots_ = 0;
};

/// λ_l = Π_{m∈S, m≠l} m·(m − l)^−1 mod q for every l of `indices` (in that order): the
/// weights that interpolate the shared polynomial at 0. Nullopt if `indices` is empty or
/// holds 0 or a repeated index.
[[nodiscard]] std::optional<std::vector<scalar>> lagrange_coefficients(
    std::span<const std::uint64_t> indices);

/// M = Σ_{l∈S} λ_l·M_l for every position, S being the partials' indices. The partials must
/// have passed check_partial_decryption() against the same aggregates. Nullopt if there are
/// fewer than `threshold` of them, an index repeats or one has a different number of
/// positions than `positions`.
[[nodiscard]] std::optional<std::vector<point>> combine_partials(
    std::span<const partial_decryption> partials, std::uint64_t threshold, std::size_t positions);

/// The counts t with t·G == B − M for every position, each in [0, ballots]. Needs at least
/// `threshold` verified partials (see combine_partials) and table.max() ≥ ballots (otherwise
/// std::invalid_argument). Nullopt if the partials cannot be combined or any position has no
/// count in range: it fails closed. With no ballots every aggregate is the identity and every
/// count is 0.
[[nodiscard]] std::optional<std::vector<std::uint64_t>> decrypt_counts(
    std::span<const ciphertext> aggregates, std::span<const partial_decryption> partials,
    std::uint64_t threshold, std::uint64_t ballots, const discrete_log_table& table);

}  // namespace plenum::crypto
