#include "plenum/crypto/range_proof.hpp"

#include <stdexcept>

#include "range_challenge.hpp"

namespace plenum::crypto {

namespace {

constexpr std::uint64_t table_size = 64;

// v·G for a vote value v; the values that occur (0 … #options) come from a table built once.
point value_point(std::uint64_t v) {
  static const std::array<point, table_size> table = [] {
    std::array<point, table_size> t{};
    for (std::uint64_t i = 1; i < table_size; ++i) t[i] = t[i - 1] + point::generator();
    return t;
  }();
  return v < table_size ? table[v] : point::small_multiple(v);
}

// beta − v·G, the point whose discrete log base K is r when the ciphertext holds v.
point shifted_beta(const point& beta, std::uint64_t v) {
  return v == 0 ? beta : beta - value_point(v);
}

}  // namespace

void proof_subject::append_to(transcript& input) const {
  input.str(label_);
  for (std::size_t i = 0; i < count_; ++i) input.u64(indices_[i]);
}

std::optional<range_proof> prove_range(const proof_binding& binding, const proof_subject& subject,
                                       const point& joint_key, const ciphertext& ct,
                                       std::span<const std::uint64_t> allowed, std::size_t index,
                                       const scalar& nonce, random_source& source) {
  if (!detail::strictly_increasing(allowed) || index >= allowed.size()) return std::nullopt;
  transcript input =
      detail::range_challenge_prefix(binding, subject, ct.alpha.bytes(), ct.beta.bytes(), allowed);
  range_proof proof(allowed.size());
  const scalar w = scalar::random(source);
  scalar others;  // Σ_{j≠s} c_j
  for (std::size_t j = 0; j < allowed.size(); ++j) {
    // Computed for every j, the true one included, so that the time spent does not depend
    // on which value the ciphertext holds beyond the order of the steps.
    const point shifted = shifted_beta(ct.beta, allowed[j]);
    if (j == index) {
      input.add(point::base_mul(w)).add(w * joint_key);
      continue;
    }
    proof[j].c = scalar::random(source);
    proof[j].z = scalar::random(source);
    others += proof[j].c;
    input.add(point::base_mul(proof[j].z) - proof[j].c * ct.alpha);
    input.add(proof[j].z * joint_key - proof[j].c * shifted);
  }
  proof[index].c = input.hs() - others;
  proof[index].z = w + proof[index].c * nonce;
  return proof;
}

std::vector<std::uint64_t> value_range(std::uint64_t lo, std::uint64_t hi) {
  std::vector<std::uint64_t> values;
  if (lo > hi) return values;
  if (hi - lo >= max_range_values) throw std::length_error("value_range: range too large");
  values.reserve(hi - lo + 1);
  for (std::uint64_t v = lo; v <= hi; ++v) values.push_back(v);
  return values;
}

}  // namespace plenum::crypto
