// The roster between sittings: a delegate leaves, an alternate is seated, a by-election adds a
// delegate. Each is an event of its own, never an edit of the imported roster, and none while
// a sitting is open (the seated counts of an open sitting stay as they were).
#include "domain/decide_internal.hpp"
#include "domain/term.hpp"

namespace plenum::server::domain::detail {

namespace {

boost::system::error_code between_sittings(const congress_state& state) {
  for (const auto& [id, s] : state.sittings())
    if (s.state == sitting::status::open) return errc::sitting_already_open;
  return {};
}

bool valid_change(std::string_view reason, std::string_view date) {
  return valid_text(reason, 512) && parse_iso_date(date).has_value();
}

}  // namespace

result<decision> handle(const congress_state& state, const record_delegate_left& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  if (auto ec = between_sittings(state)) return ec;
  if (state.find_person(c.person) == nullptr) return errc::unknown_person;
  if (!state.is_delegate(c.person)) return errc::not_a_voter;
  if (!valid_change(c.reason, c.date)) return errc::invalid_field;
  return single(events::delegate_left{c.person, c.reason, c.date, ctx.who.person_id});
}

result<decision> handle(const congress_state& state, const seat_alternate& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  if (auto ec = between_sittings(state)) return ec;
  const person* p = state.find_person(c.person);
  if (p == nullptr) return errc::unknown_person;
  if (!p->roles.has(role::alternate)) return errc::not_an_alternate;
  if (!parse_iso_date(c.date)) return errc::invalid_field;
  if (!c.replaces.empty()) {
    if (state.find_person(c.replaces) == nullptr) return errc::unknown_person;
    // Only a place left empty can be filled.
    if (state.is_delegate(c.replaces) || c.replaces == c.person) return errc::invalid_field;
  }
  return single(events::alternate_seated{c.person, c.replaces, c.date, ctx.who.person_id});
}

result<decision> handle(const congress_state& state, const add_delegate& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  if (auto ec = between_sittings(state)) return ec;
  const person& p = c.record;
  if (!valid_id(p.number) || !valid_text(p.name, 256) || (p.gender != "F" && p.gender != "M"))
    return errc::invalid_field;
  if (!valid_change(c.reason, c.date)) return errc::invalid_field;
  if (state.find_person(p.number) != nullptr) return errc::person_exists;
  person delegate = p;
  delegate.roles = role_set{role::delegate};
  return single(
      events::delegate_added{roster_entry(delegate), c.reason, c.date, ctx.who.person_id});
}

}  // namespace plenum::server::domain::detail
