#include "range_batch.hpp"

#include <vector>

#include "range_challenge.hpp"
#include "vartime/batch_encode.hpp"
#include "vartime/public_point.hpp"

namespace plenum::crypto::detail {

namespace {

// Commitments (as the points whose doubles they are) waiting for their encodings, each with
// the index of the claim whose challenge input it goes to, in challenge order.
class pending_commitments {
 public:
  explicit pending_commitments(std::vector<transcript>& inputs) : inputs_(inputs) {
    points_.reserve(max_encoding_batch);
    owners_.reserve(max_encoding_batch);
  }

  void add(std::size_t claim, const vartime::extended_point& half) {
    points_.push_back(half);
    owners_.push_back(claim);
    if (points_.size() == max_encoding_batch) flush();
  }

  // Encodes the waiting commitments and appends each to its claim's input.
  void flush() {
    const std::vector<byte_array<32>> encodings = vartime::double_and_encode(points_);
    for (std::size_t i = 0; i < encodings.size(); ++i) inputs_[owners_[i]].raw(encodings[i]);
    points_.clear();
    owners_.clear();
  }

 private:
  std::vector<transcript>& inputs_;
  std::vector<vartime::extended_point> points_;
  std::vector<std::size_t> owners_;
};

// Adds the halves of a_j and b_j for every entry of the claim's proof.
void add_half_commitments(std::size_t index, const range_claim& claim,
                          const vartime::split_tables& joint_key, pending_commitments& pending) {
  // Every product uses half-length scalars (vartime/split.hpp): 2^127·alpha and 2^127·beta
  // are computed once and serve all t entries.
  const vartime::split_tables& g = vartime::base_split_tables();
  const vartime::split_tables alpha(claim.ct.alpha);
  const vartime::extended_point beta_high = vartime::times_two_to_split(claim.ct.beta);
  for (std::size_t j = 0; j < claim.proof.size(); ++j) {
    const proof_entry& e = claim.proof[j];
    const vartime::split_scalar z = vartime::split(vartime::declare_public(vartime::half(e.z)));
    const vartime::split_scalar minus_c =
        vartime::split(vartime::declare_public(-vartime::half(e.c)));
    // a_j/2 = (z_j/2)·G − (c_j/2)·alpha
    pending.add(index, vartime::split_double_scalar_mul(z, g, minus_c, alpha));
    // b_j/2 = (z_j/2)·K − (c_j/2)·(beta − v_j·G), with 2^127·(beta − v_j·G) = 2^127·beta −
    // v_j·2^127·G
    const std::uint64_t v = claim.allowed[j];
    const vartime::split_tables shifted =
        v == 0 ? vartime::split_tables(claim.ct.beta, beta_high)
               : vartime::split_tables(claim.ct.beta - vartime::small_multiple(v),
                                       beta_high - vartime::small_multiple_high(v));
    pending.add(index, vartime::split_double_scalar_mul(z, joint_key, minus_c, shifted));
  }
}

bool well_formed(const range_claim& claim) {
  return strictly_increasing(claim.allowed) && claim.proof.size() == claim.allowed.size();
}

scalar sum_of_challenges(std::span<const proof_entry> proof) {
  scalar sum;
  for (const proof_entry& e : proof) sum += e.c;
  return sum;
}

}  // namespace

std::optional<std::size_t> first_failing_range_proof(const proof_binding& binding,
                                                     const vartime::split_tables& joint_key,
                                                     std::span<const range_claim> claims) {
  std::vector<transcript> inputs;
  inputs.reserve(claims.size());
  pending_commitments pending(inputs);
  for (std::size_t k = 0; k < claims.size(); ++k) {
    const range_claim& claim = claims[k];
    if (!well_formed(claim)) {
      inputs.emplace_back("range");  // never read: the claim fails on its form
      continue;
    }
    inputs.push_back(range_challenge_prefix(binding, claim.subject, claim.ct.alpha_bytes,
                                            claim.ct.beta_bytes, claim.allowed));
    add_half_commitments(k, claim, joint_key, pending);
  }
  pending.flush();
  for (std::size_t k = 0; k < claims.size(); ++k) {
    if (!well_formed(claims[k]) || !(sum_of_challenges(claims[k].proof) == inputs[k].hs())) {
      return k;
    }
  }
  return std::nullopt;
}

}  // namespace plenum::crypto::detail
