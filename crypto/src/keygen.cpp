#include "plenum/crypto/keygen.hpp"

#include <stdexcept>
#include <vector>

#include "plenum/crypto/hash.hpp"
#include "plenum/crypto/seal.hpp"
#include "vartime/batch_encode.hpp"
#include "vartime/multiscalar.hpp"
#include "vartime/public_point.hpp"

namespace plenum::crypto {

namespace {

scalar pok_challenge(const ceremony_params& params, std::uint64_t dealer, std::uint64_t j,
                     const point& commitment, const byte_array<32>& h) {
  transcript t("keygen-pok");
  t.raw(params.ceremony_id()).u64(dealer).u64(j).add(commitment).raw(h);
  return t.hs();
}

// s = Σ_j a_j·x^j by Horner's rule.
scalar evaluate(const std::vector<scalar>& coefficients, std::uint64_t x) {
  const scalar at = scalar::from_u64(x);
  scalar sum;
  for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) sum = sum * at + *it;
  return sum;
}

}  // namespace

digest32 keygen_digest(const ceremony_params& params, const keygen_message& msg) {
  transcript t("keygen");
  t.raw(params.ceremony_id()).u64(msg.dealer);
  for (const auto& k : msg.commitments) t.add(k);
  for (const auto& p : msg.proofs) t.add(p.c).add(p.v);
  for (const auto& s : msg.sealed_shares) t.raw(s);
  return t.h32();
}

keygen_message make_keygen_message(const ceremony_params& params, std::uint64_t dealer,
                                   const secret_key& dealer_key, random_source& random) {
  if (!params.is_index(dealer)) throw std::invalid_argument("dealer index outside 1..n");
  if (!(dealer_key.public_part() == params.scrutineer(dealer))) {
    throw std::invalid_argument("dealer key is not the dealer's registered key");
  }
  keygen_message msg;
  msg.dealer = dealer;
  std::vector<scalar> coefficients;  // scalar wipes itself when the vector is destroyed.
  coefficients.reserve(params.k());
  for (std::uint64_t j = 0; j < params.k(); ++j) {
    const scalar& a = coefficients.emplace_back(scalar::random_nonzero(random));
    const point commitment = point::base_mul(a);
    const scalar u = scalar::random_nonzero(random);
    const scalar c = pok_challenge(params, dealer, j, commitment, point::base_mul(u).bytes());
    msg.commitments.push_back(commitment);
    msg.proofs.push_back({c, u + c * a});
  }
  for (std::uint64_t l = 1; l <= params.n(); ++l) {
    const scalar share = evaluate(coefficients, l);
    msg.sealed_shares.push_back(seal_to(params.scrutineer(l), share.bytes()));
  }
  const digest32 digest = keygen_digest(params, msg);
  msg.sig = dealer_key.sign(digest);
  return msg;
}

bool check_keygen_message(const ceremony_params& params, const keygen_message& msg) {
  if (!params.is_index(msg.dealer)) return false;
  if (msg.commitments.size() != params.k() || msg.proofs.size() != params.k()) return false;
  if (msg.sealed_shares.size() != params.n()) return false;
  for (const auto& sealed : msg.sealed_shares) {
    if (sealed.size() != sealed_share_size) return false;
  }
  // h_j = v_j·G − c_j·K_ij, on public values only: the variable-time engine, each computed as
  // the double of its half and all encoded in one batch (vartime/batch_encode.hpp).
  std::vector<vartime::extended_point> halves;
  halves.reserve(params.k());
  for (std::uint64_t j = 0; j < params.k(); ++j) {
    const point& commitment = msg.commitments[j];
    const knowledge_proof& proof = msg.proofs[j];
    if (commitment.is_identity()) return false;
    halves.push_back(vartime::double_scalar_mul(
        vartime::declare_public(vartime::half(proof.v)), vartime::base_table(),
        vartime::declare_public(-vartime::half(proof.c)),
        vartime::odd_multiples(vartime::decode_public(commitment))));
  }
  const std::vector<byte_array<32>> h = vartime::double_and_encode(halves);
  for (std::uint64_t j = 0; j < params.k(); ++j) {
    if (!(pok_challenge(params, msg.dealer, j, msg.commitments[j], h[j]) == msg.proofs[j].c)) {
      return false;
    }
  }
  const digest32 digest = keygen_digest(params, msg);
  return params.scrutineer(msg.dealer).verify(digest, msg.sig);
}

point share_image(const std::vector<point>& commitments, std::uint64_t index) {
  // Σ_j index^j·K_j over public commitments: one multi-scalar product in variable time.
  const scalar at = scalar::from_u64(index);
  std::vector<vartime::public_scalar> powers;
  std::vector<vartime::odd_multiples> tables;
  powers.reserve(commitments.size());
  tables.reserve(commitments.size());
  scalar power = scalar::from_u64(1);
  for (const point& k : commitments) {
    powers.push_back(vartime::declare_public(power));  // a power of the public index
    tables.emplace_back(vartime::decode_public(k));
    power *= at;
  }
  std::vector<vartime::scalar_term> terms;
  terms.reserve(commitments.size());
  for (std::size_t j = 0; j < commitments.size(); ++j) {
    terms.push_back({powers[j], tables[j]});
  }
  return vartime::to_point(vartime::multi_scalar_mul(terms));
}

}  // namespace plenum::crypto
