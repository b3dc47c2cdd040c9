// Bounded discrete logarithms for tallies (CVP1 §7): the t in [0, max] with t·G == T, by
// baby-step giant-step.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

/// Precomputed baby steps j·G for j < m = ⌈√(max+1)⌉, reused for every position of every vote
/// with at most `max` ballots. Memory is about 36·m bytes (a few KB for thousands of
/// ballots); a lookup costs at most ⌈(max+1)/m⌉ point subtractions. Immutable after
/// construction: const lookups may run from several threads.
class discrete_log_table {
 public:
  /// Builds the table for results in [0, max]. Throws std::invalid_argument if max ≥ 2^40
  /// (a table that large is a programmer error for a congress).
  explicit discrete_log_table(std::uint64_t max);

  [[nodiscard]] std::uint64_t max() const { return max_; }

  /// The t in [0, max()] with t·G == target; nullopt (fail closed) if there is none.
  /// The identity gives 0.
  [[nodiscard]] std::optional<std::uint64_t> find(const point& target) const;

 private:
  std::optional<std::uint64_t> baby_step(const point& p) const;

  std::uint64_t max_;
  std::uint64_t step_;                                          // m
  std::vector<std::pair<byte_array<32>, std::uint64_t>> baby_;  // (j·G, j), sorted by bytes
  point giant_;                                                 // m·G
};

}  // namespace plenum::crypto
