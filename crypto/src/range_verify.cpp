#include "range_verify.hpp"

#include <memory>

#include "range_challenge.hpp"
#include "vartime/public_point.hpp"
#include "vartime/ristretto.hpp"

namespace plenum::crypto {

namespace detail {

public_ciphertext public_ciphertext::decode(const ciphertext& ct) {
  return {ct.alpha.bytes(), ct.beta.bytes(), vartime::decode_public(ct.alpha),
          vartime::decode_public(ct.beta)};
}

public_ciphertext public_ciphertext::encode(const vartime::extended_point& alpha,
                                            const vartime::extended_point& beta) {
  return {vartime::ristretto_encode(alpha), vartime::ristretto_encode(beta), alpha, beta};
}

const vartime::split_tables& joint_key_tables(const point& joint_key) {
  struct entry {
    point key;
    vartime::split_tables tables;
  };
  thread_local std::unique_ptr<entry> last;
  if (!last || !(last->key == joint_key)) {
    last = std::make_unique<entry>(
        entry{joint_key, vartime::split_tables(vartime::decode_public(joint_key), 8)});
  }
  return last->tables;
}

bool verify_range_public(const proof_binding& binding, const proof_subject& subject,
                         const vartime::split_tables& joint_key, const public_ciphertext& ct,
                         std::span<const std::uint64_t> allowed,
                         std::span<const proof_entry> proof) {
  if (!strictly_increasing(allowed) || proof.size() != allowed.size()) return false;
  transcript input =
      range_challenge_prefix(binding, subject, ct.alpha_bytes, ct.beta_bytes, allowed);
  // Every product uses half-length scalars (vartime/split.hpp): 2^127·alpha and 2^127·beta
  // are computed once and serve all t entries.
  const vartime::split_tables& g = vartime::base_split_tables();
  const vartime::split_tables alpha(ct.alpha);
  const vartime::extended_point beta_high = vartime::times_two_to_split(ct.beta);
  scalar sum;
  for (std::size_t j = 0; j < proof.size(); ++j) {
    const proof_entry& e = proof[j];
    const vartime::split_scalar z = vartime::split(vartime::declare_public(e.z));
    const vartime::split_scalar minus_c = vartime::split(vartime::declare_public(-e.c));
    // a_j = z_j·G − c_j·alpha
    input.raw(vartime::ristretto_encode(vartime::split_double_scalar_mul(z, g, minus_c, alpha)));
    // b_j = z_j·K − c_j·(beta − v_j·G), with 2^127·(beta − v_j·G) = 2^127·beta − v_j·2^127·G
    const std::uint64_t v = allowed[j];
    const vartime::split_tables shifted =
        v == 0 ? vartime::split_tables(ct.beta, beta_high)
               : vartime::split_tables(ct.beta - vartime::small_multiple(v),
                                       beta_high - vartime::small_multiple_high(v));
    input.raw(vartime::ristretto_encode(
        vartime::split_double_scalar_mul(z, joint_key, minus_c, shifted)));
    sum += e.c;
  }
  return sum == input.hs();
}

}  // namespace detail

bool verify_range(const proof_binding& binding, const proof_subject& subject,
                  const point& joint_key, const ciphertext& ct,
                  std::span<const std::uint64_t> allowed, std::span<const proof_entry> proof) {
  if (!detail::strictly_increasing(allowed) || proof.size() != allowed.size()) return false;
  return detail::verify_range_public(binding, subject, detail::joint_key_tables(joint_key),
                                     detail::public_ciphertext::decode(ct), allowed, proof);
}

}  // namespace plenum::crypto
