#include "range_challenge.hpp"

namespace plenum::crypto::detail {

bool strictly_increasing(std::span<const std::uint64_t> values) {
  if (values.empty()) return false;
  for (std::size_t j = 1; j < values.size(); ++j) {
    if (values[j] <= values[j - 1]) return false;
  }
  return true;
}

transcript range_challenge_prefix(const proof_binding& binding, const proof_subject& subject,
                                  const byte_array<32>& alpha, const byte_array<32>& beta,
                                  std::span<const std::uint64_t> allowed) {
  transcript input("range");
  input.raw(binding.election_hash).raw(binding.ballot_id).raw(binding.voter_pk);
  subject.append_to(input);
  input.raw(alpha).raw(beta).u64(allowed.size());
  for (std::uint64_t v : allowed) input.u64(v);
  return input;
}

}  // namespace plenum::crypto::detail
