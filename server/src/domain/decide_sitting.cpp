// Sittings, attendance, quorum and agenda.
#include "domain/decide_internal.hpp"
#include "domain/generated_ids.hpp"
#include "domain/quorum.hpp"
#include "domain/term.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/hash.hpp"

namespace plenum::server::domain::detail {

namespace {

const role_set attendees{role::delegate, role::alternate, role::observer};

bool vote_open_in(const congress_state& state, const std::string& sitting_id) {
  for (const auto& [id, v] : state.votes())
    if (v.sitting_id == sitting_id && v.state == vote::status::open) return true;
  return false;
}

// The signed time must be non-negative and within the allowed skew of the server's clock.
boost::system::error_code check_time(std::int64_t signed_ms, const context& ctx) {
  if (signed_ms < 0) return errc::invalid_field;
  const std::int64_t skew =
      signed_ms > ctx.unix_ms ? signed_ms - ctx.unix_ms : ctx.unix_ms - signed_ms;
  if (skew > ctx.config.max_checkin_skew_ms) return errc::stale_checkin;
  return {};
}

// A person may be present once, and not while excused; at a group's sitting, only its members.
boost::system::error_code check_presence(const congress_state& state, const sitting& s,
                                         const std::string& number) {
  if (!s.group_id.empty() && !state.sits_in(s, number)) return errc::not_in_group;
  if (s.excused.contains(number)) return errc::excused;
  if (s.present.contains(number)) return errc::already_checked_in;
  return {};
}

}  // namespace

result<decision> handle(const congress_state& state, const create_sitting& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair, role::secretary})) return ec;
  const std::string id = c.sitting_id.empty() ? next_sitting_id(state) : c.sitting_id;
  const std::string kind = c.kind.empty() ? "annual" : c.kind;
  if (!valid_id(id) || !valid_text(c.title, 256) || !parse_iso_date(c.date) ||
      (kind != "annual" && kind != "extraordinary"))
    return errc::invalid_field;
  if (state.find_sitting(id) != nullptr) return errc::sitting_exists;
  if (!c.group_id.empty() && state.groups().find_group(c.group_id) == nullptr)
    return errc::unknown_group;
  auto d = single(events::sitting_created{id, c.title, c.date, kind,
                                          term_year(state.congress()->term_start, c.date)});
  if (!c.group_id.empty()) std::get<events::sitting_created>(d.events.back()).group_id = c.group_id;
  // An annual meeting of the congress opens with the follow-up of what the term decided before
  // it.
  if (kind == "annual" && c.group_id.empty()) follow_up_agenda(state, id, d);
  d.created_id_field = "sitting_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state& state, const open_checkin& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if ((*s)->checkin_open) return errc::invalid_field;
  return single(events::checkin_opened{c.sitting_id});
}

result<decision> handle(const congress_state& state, const close_checkin& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if (!(*s)->checkin_open) return errc::checkin_closed;
  return single(events::checkin_closed{c.sitting_id});
}

result<decision> handle(const congress_state& state, const check_in& c, const context& ctx) {
  if (auto ec = require_role(ctx, attendees)) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if (!(*s)->checkin_open) return errc::checkin_closed;
  if (c.unix_ms < 0) return errc::invalid_field;
  if (!ctx.who.device_key) return errc::unauthenticated;
  const auto& key = *ctx.who.device_key;
  const auto digest =
      crypto::checkin_digest(c.sitting_id, key, static_cast<std::uint64_t>(c.unix_ms));
  if (!key.verify(digest, c.signature)) return errc::bad_checkin_signature;
  if (auto ec = check_time(c.unix_ms, ctx)) return ec;
  if (auto ec = check_presence(state, **s, ctx.who.person_id)) return ec;
  return single(events::checked_in{c.sitting_id,
                                   ctx.who.person_id,
                                   key,
                                   static_cast<std::uint64_t>(c.unix_ms),
                                   c.signature,
                                   false,
                                   {},
                                   std::nullopt,
                                   {}});
}

result<decision> handle(const congress_state& state, const assisted_check_in& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if (!(*s)->checkin_open) return errc::checkin_closed;
  const person* p = state.find_person(c.person);
  if (p == nullptr) return errc::unknown_person;
  if (!p->roles.intersects(attendees)) return errc::not_a_voter;
  if (!valid_text(c.reason, 512)) return errc::invalid_field;
  const enrollment* en = state.find_enrollment(c.person);
  if (en == nullptr || !en->device_key) return errc::not_enrolled;
  if (c.unix_ms < 0) return errc::invalid_field;
  if (!ctx.who.device_key) return errc::unauthenticated;
  const auto& secretary_key = *ctx.who.device_key;
  const auto digest =
      crypto::checkin_digest(c.sitting_id, *en->device_key, static_cast<std::uint64_t>(c.unix_ms));
  if (!secretary_key.verify(digest, c.signature)) return errc::bad_checkin_signature;
  if (auto ec = check_time(c.unix_ms, ctx)) return ec;
  if (auto ec = check_presence(state, **s, c.person)) return ec;
  return single(events::checked_in{c.sitting_id, c.person, *en->device_key,
                                   static_cast<std::uint64_t>(c.unix_ms), c.signature, true,
                                   ctx.who.person_id, secretary_key, c.reason});
}

result<decision> handle(const congress_state& state, const excuse_delegate& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair, role::secretary})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if (state.find_person(c.person) == nullptr) return errc::unknown_person;
  if (!state.is_delegate(c.person)) return errc::not_a_voter;
  if (!state.sits_in(**s, c.person)) return errc::not_in_group;
  if (!valid_text(c.reason, 512) || !valid_text(c.approver, 256)) return errc::invalid_field;
  if ((*s)->excused.contains(c.person)) return errc::already_excused;
  if ((*s)->present.contains(c.person)) return errc::already_checked_in;
  return single(
      events::delegate_excused{c.sitting_id, c.person, c.reason, c.approver, ctx.who.person_id});
}

result<decision> handle(const congress_state& state, const withdraw_excusal& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair, role::secretary})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if (state.find_person(c.person) == nullptr) return errc::unknown_person;
  if (!valid_text(c.reason, 512)) return errc::invalid_field;
  if (!(*s)->excused.contains(c.person)) return errc::not_excused;
  return single(events::excusal_withdrawn{c.sitting_id, c.person, c.reason, ctx.who.person_id});
}

result<decision> handle(const congress_state& state, const open_sitting& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if ((*s)->state == sitting::status::open) return errc::sitting_already_open;
  if (state.persons().empty()) return errc::invalid_roster;
  if (!state.warnings_acknowledged()) return errc::warnings_unacknowledged;
  const std::uint64_t seated = state.seated(**s).size();
  const std::uint64_t present = state.present_count(**s);
  if (seated == 0 || !quorum_holds(seated, present)) return errc::quorum_not_reached;
  return single(events::sitting_opened{c.sitting_id, seated, present, quorum_required(seated)});
}

result<decision> handle(const congress_state& state, const close_sitting& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if ((*s)->state != sitting::status::open) return errc::sitting_not_open;
  if (vote_open_in(state, c.sitting_id)) return errc::vote_still_open;
  return single(events::sitting_closed{c.sitting_id});
}

result<decision> handle(const congress_state& state, const add_item& c, const context& ctx) {
  auto kind = parse_item_kind(c.kind);
  const bool proposal_item = kind == item_kind::proposal;
  if (auto ec = require_role(
          ctx, proposal_item ? role_set{role::chair} : role_set{role::chair, role::secretary}))
    return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  const std::string id = c.item_id.empty() ? next_item_id(**s) : c.item_id;
  if (!kind || !valid_id(id) || !valid_text(c.title, 512)) return errc::invalid_item;
  if ((*s)->items.contains(id)) return errc::item_exists;
  // Items that end in a resolution name who is responsible for carrying it out.
  const bool resolution =
      kind == item_kind::report || kind == item_kind::major_matter || kind == item_kind::proposal;
  if (resolution && !valid_text(c.responsible, 256)) return errc::invalid_item;
  if (proposal_item) {
    const proposal* pr = state.find_proposal(c.proposal_id);
    if (pr == nullptr) return errc::unknown_proposal;
    if (!pr->item_id.empty()) return errc::invalid_item;
    if (!may_go_on_agenda(state, *pr)) return errc::proposal_not_accepted;
  } else if (!c.proposal_id.empty()) {
    return errc::invalid_item;
  }
  auto d = single(
      events::item_added{c.sitting_id, id, std::string(to_string(*kind)), c.title,
                         static_cast<std::uint64_t>(c.order == 0 ? next_item_order(**s) : c.order),
                         c.responsible, c.proposal_id});
  d.created_id_field = "item_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state& state, const add_material& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair, role::secretary})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  auto item = (*s)->items.find(c.item_id);
  if (item == (*s)->items.end()) return errc::unknown_item;
  const std::string material_id =
      c.material_id.empty() ? next_material_id(item->second) : c.material_id;
  if (!valid_id(material_id) || !valid_text(c.title, 512)) return errc::invalid_field;
  for (const auto& m : item->second.materials)
    if (m.id == material_id) return errc::material_exists;
  // Materials are delivered before the vote: none may be added once a vote on the item opened.
  for (const auto& [id, v] : state.votes())
    if (v.sitting_id == c.sitting_id && v.item_id == c.item_id && v.state != vote::status::created)
      return errc::vote_already_open;
  std::string digest;
  if (!c.text.empty() && c.url.empty() && c.digest.empty()) {
    if (c.text.size() > 1'000'000) return errc::invalid_field;
    digest = crypto::to_hex(crypto::transcript("material").str(c.text).h32());
  } else if (c.text.empty() && valid_text(c.url, 2048) && crypto::from_hex_fixed<32>(c.digest)) {
    digest = c.digest;
  } else {
    return errc::invalid_field;
  }
  auto d = single(
      events::material_added{c.sitting_id, c.item_id, material_id, c.title, c.text, c.url, digest});
  d.created_id_field = "material_id";
  d.created_id = material_id;
  return d;
}

result<decision> handle(const congress_state& state, const set_current_item& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if ((*s)->state != sitting::status::open) return errc::sitting_not_open;
  if (!(*s)->items.contains(c.item_id)) return errc::unknown_item;
  if (vote_open_in(state, c.sitting_id)) return errc::vote_still_open;
  return single(events::current_item_set{c.sitting_id, c.item_id});
}

}  // namespace plenum::server::domain::detail
