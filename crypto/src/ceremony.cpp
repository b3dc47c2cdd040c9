#include "plenum/crypto/ceremony.hpp"

#include <stdexcept>

#include "plenum/crypto/hash.hpp"
#include "plenum/crypto/seal.hpp"

namespace plenum::crypto {

namespace {

void require_own_key(const ceremony_params& params, std::uint64_t index, const secret_key& key) {
  if (!params.is_index(index)) throw std::invalid_argument("scrutineer index outside 1..n");
  if (!(key.public_part() == params.scrutineer(index))) {
    throw std::invalid_argument("key is not the scrutineer's registered key");
  }
}

complaint make_complaint(const ceremony_params& params, const keygen_message& msg,
                         std::uint64_t accuser, const secret_key& key) {
  complaint c;
  c.accuser = accuser;
  c.accused = msg.dealer;
  c.message_digest = keygen_digest(params, msg);
  c.sig = key.sign(complaint_digest(params, c.accuser, c.accused, c.message_digest));
  return c;
}

bool is_complete_set(const ceremony_params& params, keygen_messages messages) {
  if (messages.size() != params.n()) return false;
  for (std::uint64_t i = 0; i < messages.size(); ++i) {
    if (messages[i].dealer != i + 1 || messages[i].commitments.size() != params.k()) return false;
  }
  return true;
}

// Σ_i K_ij for every j: the commitments of the summed polynomial.
std::vector<point> summed_commitments(const ceremony_params& params, keygen_messages messages) {
  std::vector<point> sums(params.k());
  for (const auto& msg : messages) {
    for (std::uint64_t j = 0; j < params.k(); ++j) sums[j] += msg.commitments[j];
  }
  return sums;
}

}  // namespace

digest32 complaint_digest(const ceremony_params& params, std::uint64_t accuser,
                          std::uint64_t accused, const digest32& message_digest) {
  transcript t("complaint");
  t.raw(params.ceremony_id()).u64(accuser).u64(accused).raw(message_digest);
  return t.h32();
}

bool check_complaint(const ceremony_params& params, const complaint& c) {
  if (!params.is_index(c.accuser) || !params.is_index(c.accused)) return false;
  return params.scrutineer(c.accuser).verify(
      complaint_digest(params, c.accuser, c.accused, c.message_digest), c.sig);
}

share_outcome open_share(const ceremony_params& params, const keygen_message& msg,
                         std::uint64_t recipient, const secret_key& recipient_key) {
  require_own_key(params, recipient, recipient_key);
  if (msg.sealed_shares.size() != params.n() || msg.commitments.size() != params.k()) {
    return make_complaint(params, msg, recipient, recipient_key);
  }
  const auto opened = open_sealed(recipient_key, msg.sealed_shares[recipient - 1]);
  if (!opened) return make_complaint(params, msg, recipient, recipient_key);
  auto share = scalar::from_bytes(opened->view());
  if (!share || !(point::base_mul(*share) == share_image(msg.commitments, recipient))) {
    return make_complaint(params, msg, recipient, recipient_key);
  }
  return *share;
}

std::optional<point> verification_key(const ceremony_params& params, keygen_messages messages,
                                      std::uint64_t index) {
  if (!params.is_index(index) || !is_complete_set(params, messages)) return std::nullopt;
  const point z = share_image(summed_commitments(params, messages), index);
  if (z.is_identity()) return std::nullopt;
  return z;
}

std::optional<point> joint_key(const ceremony_params& params, keygen_messages messages) {
  if (!is_complete_set(params, messages)) return std::nullopt;
  point k;
  for (const auto& msg : messages) k += msg.commitments[0];
  if (k.is_identity()) return std::nullopt;
  return k;
}

std::optional<ceremony_keys> compute_ceremony_keys(const ceremony_params& params,
                                                   keygen_messages messages) {
  if (!is_complete_set(params, messages)) return std::nullopt;
  const std::vector<point> sums = summed_commitments(params, messages);
  ceremony_keys keys;
  keys.joint_key = sums[0];
  if (keys.joint_key.is_identity()) return std::nullopt;
  for (std::uint64_t l = 1; l <= params.n(); ++l) {
    const point& z = keys.verification_keys.emplace_back(share_image(sums, l));
    if (z.is_identity()) return std::nullopt;
  }
  return keys;
}

digest32 key_digest(const ceremony_params& params, const ceremony_keys& keys) {
  transcript t("key");
  t.raw(params.ceremony_id()).add(keys.joint_key);
  for (const auto& z : keys.verification_keys) t.add(z);
  return t.h32();
}

signature confirm_keys(const ceremony_params& params, std::uint64_t index, const secret_key& key,
                       const digest32& key_digest) {
  require_own_key(params, index, key);
  return key.sign(key_digest);
}

bool check_confirmation(const ceremony_params& params, std::uint64_t index,
                        const digest32& key_digest, const signature& sig) {
  return params.is_index(index) && params.scrutineer(index).verify(key_digest, sig);
}

std::optional<key_share> combine_shares(const ceremony_params& params, std::uint64_t index,
                                        std::span<const scalar> shares,
                                        const point& verification_key) {
  if (!params.is_index(index) || shares.size() != params.n()) return std::nullopt;
  scalar z;
  for (const auto& s : shares) z += s;
  return key_share::create(index, z, verification_key);
}

}  // namespace plenum::crypto
