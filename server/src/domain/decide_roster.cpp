// Congress, roster and enrollment commands.
#include "domain/decide_internal.hpp"
#include "domain/enrollment.hpp"
#include "plenum/crypto/board.hpp"

namespace plenum::server::domain::detail {

result<decision> handle(const congress_state& state, const create_congress& c, const context& ctx) {
  if (auto ec = require_system(ctx)) return ec;
  if (state.congress()) return errc::congress_exists;
  if (!valid_id(c.congress_id) || !valid_text(c.name, 256)) return errc::invalid_field;
  return single(events::congress_created{c.congress_id, c.name, c.term_start, c.term_end});
}

result<decision> handle(const congress_state& state, const import_roster& c, const context& ctx) {
  // The server imports the first roster at start-up; the secretary any later one.
  if (require_system(ctx) && require_role(ctx, {role::secretary})) return errc::permission_denied;
  for (const auto& [id, s] : state.sittings())
    if (s.state == sitting::status::open) return errc::sitting_already_open;
  const auto& m = c.membership;
  if (m.women > m.members || m.minority > m.members) return errc::invalid_roster;
  roster_parse parsed = parse_roster_csv(c.csv);
  if (!parsed.errors.empty() || parsed.persons.empty()) return errc::invalid_roster;
  events::roster_imported e;
  for (const auto& p : parsed.persons) e.persons.push_back(roster_entry(p));
  e.membership = {m.members, m.women, m.minority};
  for (const auto& w : composition_warnings(parsed.persons, m))
    e.warnings.push_back({w.code, w.detail});
  e.by = ctx.who.person_id;
  return single(std::move(e));
}

result<decision> handle(const congress_state& state, const acknowledge_warnings&,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  if (state.persons().empty()) return errc::invalid_roster;
  if (state.warnings_acknowledged()) return errc::warnings_already_acknowledged;
  return single(events::roster_warnings_acknowledged{ctx.who.person_id, state.warnings().size()});
}

result<decision> handle(const congress_state& state, const issue_enrollment_code& c,
                        const context& ctx) {
  // The server issues the first codes (for the secretary) at start-up; the secretary the rest.
  if (require_system(ctx) && require_role(ctx, {role::secretary})) return errc::permission_denied;
  if (state.find_person(c.person) == nullptr) return errc::unknown_person;
  auto code = enrollment_code::parse(c.code);
  auto salt = crypto::from_hex_fixed<16>(c.salt);
  if (!code || !salt) return errc::invalid_field;
  const auto hash = code_hash(state.congress()->id, c.person, *salt, *code);
  return single(events::enrollment_code_issued{c.person, *salt, hash, ctx.who.person_id});
}

result<decision> handle(const congress_state& state, const enroll_device& c, const context&) {
  // The code is the credential: any device may present one.
  const person* p = state.find_person(c.person);
  if (p == nullptr) return errc::unknown_person;
  const crypto::public_key& key = c.device_pk;
  auto code = enrollment_code::parse(c.code);
  const enrollment* en = state.find_enrollment(c.person);
  if (en == nullptr || en->codes_issued == 0) return errc::bad_enrollment_code;
  if (!code) return errc::bad_enrollment_code;
  auto salt = crypto::from_hex_fixed<16>(en->code_salt);
  auto stored = crypto::from_hex_fixed<32>(en->code_hash);
  if (!salt || !stored) return errc::internal;
  const auto presented = code_hash(state.congress()->id, c.person, *salt, *code);
  if (!crypto::equal_constant_time(presented, *stored)) return errc::bad_enrollment_code;
  if (en->code_spent) return errc::enrollment_code_spent;
  if (state.find_device(key) != nullptr) return errc::device_key_in_use;
  const auto digest = enrollment_digest(state.congress()->id, c.person, *code, key);
  if (!key.verify(digest, c.signature)) return errc::bad_signature;
  // The device's proof, for the record, that it holds the key (no secret in its digest).
  if (c.possession &&
      !key.verify(crypto::possession_digest(state.congress()->id, c.person, key), *c.possession))
    return errc::bad_signature;
  events::device_enrolled e{c.person, key, en->device_key, c.possession};
  return single(std::move(e));
}

}  // namespace plenum::server::domain::detail
