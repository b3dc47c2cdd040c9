#include "plenum/crypto/decryption.hpp"

#include <stdexcept>
#include <vector>

#include "plenum/crypto/hash.hpp"
#include "vartime/batch_encode.hpp"
#include "vartime/multiscalar.hpp"
#include "vartime/public_point.hpp"

namespace plenum::crypto {

namespace {

scalar equal_logs_challenge(const digest32& election_hash, std::uint64_t index, const point& z,
                            const point& a_agg, const point& m, const byte_array<32>& a,
                            const byte_array<32>& b) {
  transcript t("decrypt");
  t.raw(election_hash).u64(index).add(z).add(a_agg).add(m).raw(a).raw(b);
  return t.hs();
}

}  // namespace

digest32 partial_digest(const digest32& election_hash, std::uint64_t index,
                        std::span<const ciphertext> aggregates,
                        std::span<const decryption_share> shares) {
  if (aggregates.size() != shares.size()) {
    throw std::invalid_argument("one decryption share per aggregate");
  }
  transcript t("partial");
  t.raw(election_hash).u64(index);
  for (std::size_t p = 0; p < shares.size(); ++p) {
    t.add(aggregates[p].alpha).add(shares[p].m).add(shares[p].c).add(shares[p].v);
  }
  return t.h32();
}

partial_decryption make_partial_decryption(const ceremony_params& params, const ceremony_keys& keys,
                                           const digest32& election_hash,
                                           std::span<const ciphertext> aggregates,
                                           const key_share& share, const secret_key& key,
                                           random_source& random) {
  const std::uint64_t index = share.index();
  if (!params.is_index(index) || !(key.public_part() == params.scrutineer(index))) {
    throw std::invalid_argument("key is not the scrutineer's registered key");
  }
  if (keys.verification_keys.size() != params.n() ||
      !(keys.verification_keys[index - 1] == share.verification_key())) {
    throw std::invalid_argument("key share does not belong to this ceremony");
  }
  const point& z_pub = share.verification_key();
  partial_decryption partial;
  partial.index = index;
  partial.shares.reserve(aggregates.size());
  for (const auto& aggregate : aggregates) {
    const point& a_agg = aggregate.alpha;
    const scalar w = scalar::random_nonzero(random);
    const point m = share.secret() * a_agg;
    const scalar c = equal_logs_challenge(election_hash, index, z_pub, a_agg, m,
                                          point::base_mul(w).bytes(), (w * a_agg).bytes());
    partial.shares.push_back({m, c, w + c * share.secret()});
  }
  partial.sig = key.sign(partial_digest(election_hash, index, aggregates, partial.shares));
  return partial;
}

bool check_partial_decryption(const ceremony_params& params, const ceremony_keys& keys,
                              const digest32& election_hash, std::span<const ciphertext> aggregates,
                              const partial_decryption& partial) {
  const std::uint64_t index = partial.index;
  if (!params.is_index(index) || keys.verification_keys.size() != params.n()) return false;
  if (partial.shares.size() != aggregates.size()) return false;
  // Every value checked here is public: the equations use the variable-time engine. The
  // commitments a = v·G − c·Z_l and b = v·A − c·M_l of all shares are computed as the doubles
  // of their halves and encoded in one batch (vartime/batch_encode.hpp).
  const point& z_pub = keys.verification_keys[index - 1];
  const vartime::odd_multiples z_table(vartime::decode_public(z_pub));
  std::vector<vartime::extended_point> halves;
  halves.reserve(2 * aggregates.size());
  for (std::size_t p = 0; p < aggregates.size(); ++p) {
    const point& a_agg = aggregates[p].alpha;
    const decryption_share& s = partial.shares[p];
    if (s.m.is_identity() != a_agg.is_identity()) return false;
    const vartime::public_scalar v = vartime::declare_public(vartime::half(s.v));
    const vartime::public_scalar minus_c = vartime::declare_public(-vartime::half(s.c));
    halves.push_back(vartime::double_scalar_mul(v, vartime::base_table(), minus_c, z_table));
    halves.push_back(
        vartime::double_scalar_mul(v, vartime::odd_multiples(vartime::decode_public(a_agg)),
                                   minus_c, vartime::odd_multiples(vartime::decode_public(s.m))));
  }
  const std::vector<byte_array<32>> commitments = vartime::double_and_encode(halves);
  for (std::size_t p = 0; p < aggregates.size(); ++p) {
    const decryption_share& s = partial.shares[p];
    if (!(equal_logs_challenge(election_hash, index, z_pub, aggregates[p].alpha, s.m,
                               commitments[2 * p], commitments[2 * p + 1]) == s.c)) {
      return false;
    }
  }
  return params.scrutineer(index).verify(
      partial_digest(election_hash, index, aggregates, partial.shares), partial.sig);
}

}  // namespace plenum::crypto
