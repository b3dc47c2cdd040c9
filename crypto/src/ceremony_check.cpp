#include "plenum/crypto/ceremony_check.hpp"

#include <algorithm>

namespace plenum::crypto {

bool ceremony_check_report::passed() const {
  const auto all = [](const std::vector<bool>& v) {
    return std::all_of(v.begin(), v.end(), [](bool b) { return b; });
  };
  return complete && keys_match && all(messages) && all(confirmations);
}

ceremony_check_report check_ceremony(const ceremony_params& params, keygen_messages messages,
                                     const ceremony_keys& published,
                                     std::span<const signature> confirmations) {
  ceremony_check_report report;
  report.complete = messages.size() == params.n() && confirmations.size() == params.n();
  report.messages.assign(params.n(), false);
  for (std::size_t i = 0; i < messages.size() && i < params.n(); ++i) {
    report.messages[i] = messages[i].dealer == i + 1 && check_keygen_message(params, messages[i]);
  }
  const auto recomputed = compute_ceremony_keys(params, messages);
  report.keys_match = recomputed.has_value() && recomputed->joint_key == published.joint_key &&
                      recomputed->verification_keys == published.verification_keys;
  const digest32 digest = key_digest(params, published);
  report.confirmations.assign(params.n(), false);
  for (std::size_t l = 0; l < confirmations.size() && l < params.n(); ++l) {
    report.confirmations[l] = check_confirmation(params, l + 1, digest, confirmations[l]);
  }
  return report;
}

}  // namespace plenum::crypto
