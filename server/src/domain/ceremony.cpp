#include "domain/ceremony.hpp"

namespace plenum::server::domain {

std::optional<crypto::ceremony_params> ceremony_params_of(const congress_state& state,
                                                          const sitting& s) {
  if (!s.ceremony || !state.congress()) return std::nullopt;
  return crypto::ceremony_params::create(state.congress()->id, s.id, s.ceremony->keys,
                                         s.ceremony->k);
}

std::vector<crypto::keygen_message> keygen_messages_of(const ceremony_record& c) {
  std::vector<crypto::keygen_message> out;
  for (const auto& [index, m] : c.keygen) out.push_back(m);
  return out;
}

std::optional<crypto::ceremony_keys> ceremony_keys_of(const ceremony_record& c) {
  if (!c.joint_key || c.verification_keys.size() != c.scrutineers.size()) return std::nullopt;
  return crypto::ceremony_keys{*c.joint_key, c.verification_keys};
}

std::vector<crypto::ciphertext> vote_aggregates(const vote& v) { return v.aggregates.aggregates(); }

}  // namespace plenum::server::domain
