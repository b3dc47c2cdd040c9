#include "domain/decide.hpp"

#include "domain/decide_internal.hpp"

namespace plenum::server::domain {

namespace detail {

result<const sitting*> find_sitting(const congress_state& state, const std::string& id) {
  const sitting* s = state.find_sitting(id);
  if (s == nullptr) return errc::no_sitting;
  return s;
}

result<const sitting*> live_sitting(const congress_state& state, const std::string& id) {
  auto s = find_sitting(state, id);
  if (!s) return s;
  if ((*s)->state == sitting::status::closed) return errc::sitting_closed;
  return s;
}

bool valid_id(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool valid_text(std::string_view text, std::size_t max) {
  return !text.empty() && text.size() <= max;
}

}  // namespace detail

result<decision> decide(const congress_state& state, const command& cmd, const context& ctx) {
  // Everything but the first event needs the congress to exist.
  if (!std::holds_alternative<create_congress>(cmd) && !state.congress()) return errc::no_congress;
  return std::visit([&](const auto& c) { return detail::handle(state, c, ctx); }, cmd);
}

result<actor> authenticate(const congress_state& state, const crypto::public_key& device_key) {
  const device_record* d = state.find_device(device_key);
  if (d == nullptr) return errc::unknown_device_key;
  if (d->revoked) return errc::key_revoked;
  const person* p = state.find_person(d->person);
  if (p == nullptr) return errc::unknown_device_key;
  return actor::person(p->number, p->roles, device_key);
}

}  // namespace plenum::server::domain
