#include "range_verify.hpp"

#include <memory>

#include "range_batch.hpp"
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
  const range_claim claim[] = {{subject, ct, allowed, proof}};
  return !first_failing_range_proof(binding, joint_key, claim).has_value();
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
