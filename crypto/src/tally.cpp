#include "plenum/crypto/tally.hpp"

#include <algorithm>
#include <stdexcept>

namespace plenum::crypto {

bool tally_accumulator::add(std::span<const ciphertext> ballot) {
  if (ballot.size() != sums_.size()) return false;
  for (std::size_t p = 0; p < sums_.size(); ++p) sums_[p] += ballot[p];
  ++ballots_;
  return true;
}

std::optional<std::vector<scalar>> lagrange_coefficients(std::span<const std::uint64_t> indices) {
  if (indices.empty()) return std::nullopt;
  std::vector<std::uint64_t> sorted(indices.begin(), indices.end());
  std::sort(sorted.begin(), sorted.end());
  if (sorted.front() == 0 || std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return std::nullopt;
  }
  std::vector<scalar> lambdas;
  lambdas.reserve(indices.size());
  for (const std::uint64_t l : indices) {
    scalar numerator = scalar::from_u64(1);
    scalar denominator = scalar::from_u64(1);
    for (const std::uint64_t m : indices) {
      if (m == l) continue;
      numerator *= scalar::from_u64(m);
      denominator *= scalar::from_u64(m) - scalar::from_u64(l);
    }
    const auto inverse = denominator.inverse();  // Nonzero: the indices are distinct and < q.
    if (!inverse) return std::nullopt;
    lambdas.push_back(numerator * *inverse);
  }
  return lambdas;
}

std::optional<std::vector<point>> combine_partials(std::span<const partial_decryption> partials,
                                                   std::uint64_t threshold, std::size_t positions) {
  if (threshold == 0 || partials.size() < threshold) return std::nullopt;
  std::vector<std::uint64_t> indices;
  indices.reserve(partials.size());
  for (const auto& partial : partials) {
    if (partial.shares.size() != positions) return std::nullopt;
    indices.push_back(partial.index);
  }
  const auto lambdas = lagrange_coefficients(indices);
  if (!lambdas) return std::nullopt;
  std::vector<point> combined(positions);
  for (std::size_t s = 0; s < partials.size(); ++s) {
    for (std::size_t p = 0; p < positions; ++p) {
      combined[p] += (*lambdas)[s] * partials[s].shares[p].m;
    }
  }
  return combined;
}

std::optional<std::vector<std::uint64_t>> decrypt_counts(
    std::span<const ciphertext> aggregates, std::span<const partial_decryption> partials,
    std::uint64_t threshold, std::uint64_t ballots, const discrete_log_table& table) {
  if (table.max() < ballots) throw std::invalid_argument("discrete log table too small");
  const auto combined = combine_partials(partials, threshold, aggregates.size());
  if (!combined) return std::nullopt;
  std::vector<std::uint64_t> counts;
  counts.reserve(aggregates.size());
  for (std::size_t p = 0; p < aggregates.size(); ++p) {
    const auto t = table.find(aggregates[p].beta - (*combined)[p]);
    if (!t || *t > ballots) return std::nullopt;
    counts.push_back(*t);
  }
  return counts;
}

}  // namespace plenum::crypto
