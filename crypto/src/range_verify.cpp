#include "range_verify.hpp"

#include "range_challenge.hpp"
#include "vartime/public_point.hpp"
#include "vartime/ristretto.hpp"

namespace plenum::crypto {

namespace detail {

public_ciphertext public_ciphertext::decode(const ciphertext& ct) {
  return {ct.alpha.bytes(), ct.beta.bytes(), vartime::decode_valid(ct.alpha),
          vartime::decode_valid(ct.beta)};
}

public_ciphertext public_ciphertext::encode(const vartime::extended_point& alpha,
                                            const vartime::extended_point& beta) {
  return {vartime::ristretto_encode(alpha), vartime::ristretto_encode(beta), alpha, beta};
}

bool verify_range_public(const proof_binding& binding, const proof_subject& subject,
                         const vartime::odd_multiples& joint_key, const public_ciphertext& ct,
                         std::span<const std::uint64_t> allowed,
                         std::span<const proof_entry> proof) {
  if (!strictly_increasing(allowed) || proof.size() != allowed.size()) return false;
  transcript input =
      range_challenge_prefix(binding, subject, ct.alpha_bytes, ct.beta_bytes, allowed);
  const vartime::odd_multiples alpha(ct.alpha);
  scalar sum;
  for (std::size_t j = 0; j < proof.size(); ++j) {
    const proof_entry& e = proof[j];
    const scalar minus_c = -e.c;
    // a_j = z_j·G − c_j·alpha
    input.raw(vartime::ristretto_encode(
        vartime::double_scalar_mul(e.z.bytes(), vartime::base_table(), minus_c.bytes(), alpha)));
    // b_j = z_j·K − c_j·(beta − v_j·G)
    const vartime::extended_point shifted =
        allowed[j] == 0 ? ct.beta : ct.beta - vartime::small_multiple(allowed[j]);
    input.raw(vartime::ristretto_encode(vartime::double_scalar_mul(
        e.z.bytes(), joint_key, minus_c.bytes(), vartime::odd_multiples(shifted))));
    sum += e.c;
  }
  return sum == input.hs();
}

}  // namespace detail

bool verify_range(const proof_binding& binding, const proof_subject& subject,
                  const point& joint_key, const ciphertext& ct,
                  std::span<const std::uint64_t> allowed, std::span<const proof_entry> proof) {
  if (!detail::strictly_increasing(allowed) || proof.size() != allowed.size()) return false;
  const vartime::odd_multiples key(vartime::decode_valid(joint_key));
  return detail::verify_range_public(binding, subject, key, detail::public_ciphertext::decode(ct),
                                     allowed, proof);
}

}  // namespace plenum::crypto
