// Activities between meetings (group activities, research and inspection, study, committee
// meetings attended without a vote): planning, the delegates' own signed check-ins on the day,
// attendance the office records with a reason, and the outcome once held.
#include <set>

#include "domain/decide_internal.hpp"
#include "domain/term.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/working_calendar.hpp"

namespace plenum::server::domain::detail {

namespace {

bool is_activity_kind(std::string_view kind) {
  return kind == "group_activity" || kind == "research" || kind == "inspection" ||
         kind == "study" || kind == "committee_attendance";
}

bool is_attendance_status(std::string_view status) {
  return status == "present" || status == "absent" || status == "excused";
}

// Today in the congress's clock (China Standard Time).
protocol::civil_date today(const context& ctx) {
  return protocol::civil_date::of_unix_ms(ctx.unix_ms);
}

// The activity's date has come (it is today or past).
bool date_has_come(const activity& a, const context& ctx) {
  auto date = parse_iso_date(a.date);
  return date && *date <= today(ctx);
}

// Who is invited when the plan names nobody: a group's members, else every delegate.
std::vector<std::string> default_invited(const congress_state& state, const delegate_group* g) {
  if (g != nullptr) return g->members;
  std::vector<std::string> out;
  for (const auto& p : state.persons())
    if (p.roles.has(role::delegate)) out.push_back(p.number);
  return out;
}

}  // namespace

result<decision> handle(const congress_state& state, const plan_activity& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const std::string id = c.activity_id.empty() ? next_activity_id(state.groups()) : c.activity_id;
  if (!valid_id(id) || !is_activity_kind(c.kind) || !valid_text(c.title, 512) ||
      !valid_text(c.place, 256) || !parse_iso_date(c.date))
    return errc::invalid_activity;
  if (c.kind == "group_activity" && c.group_id.empty()) return errc::invalid_activity;
  const delegate_group* g = nullptr;
  if (!c.group_id.empty()) {
    g = state.groups().find_group(c.group_id);
    if (g == nullptr) return errc::unknown_group;
  }
  if (state.groups().find_activity(id) != nullptr) return errc::activity_exists;
  std::vector<std::string> invited = c.invited.empty() ? default_invited(state, g) : c.invited;
  std::set<std::string> seen;
  for (const auto& n : invited) {
    if (state.find_person(n) == nullptr) return errc::unknown_person;
    if (!state.is_delegate(n)) return errc::not_a_voter;
    if (!seen.insert(n).second) return errc::invalid_field;
  }
  if (invited.empty()) return errc::invalid_activity;
  auto d = single(events::activity_planned{id, c.kind, c.group_id, c.title, c.date, c.place,
                                           std::move(invited), ctx.who.person_id,
                                           static_cast<std::uint64_t>(ctx.unix_ms)});
  d.created_id_field = "activity_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state& state, const activity_check_in& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::delegate})) return ec;
  if (!ctx.who.device_key) return errc::unauthenticated;
  const activity* a = state.groups().find_activity(c.activity_id);
  if (a == nullptr) return errc::unknown_activity;
  if (c.unix_ms < 0) return errc::invalid_field;
  const auto& key = *ctx.who.device_key;
  const auto digest =
      crypto::activity_checkin_digest(c.activity_id, key, static_cast<std::uint64_t>(c.unix_ms));
  if (!key.verify(digest, c.signature)) return errc::bad_checkin_signature;
  const std::int64_t skew =
      c.unix_ms > ctx.unix_ms ? c.unix_ms - ctx.unix_ms : ctx.unix_ms - c.unix_ms;
  if (skew > ctx.config.max_checkin_skew_ms) return errc::stale_checkin;
  if (!a->invites(ctx.who.person_id)) return errc::not_invited;
  if (a->held) return errc::activity_already_held;
  if (today(ctx).text() != a->date) return errc::not_activity_day;
  if (a->attendance.contains(ctx.who.person_id)) return errc::attendance_recorded_already;
  return single(events::activity_checked_in{c.activity_id, ctx.who.person_id, key,
                                            static_cast<std::uint64_t>(c.unix_ms), c.signature});
}

result<decision> handle(const congress_state& state, const record_attendance& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const activity* a = state.groups().find_activity(c.activity_id);
  if (a == nullptr) return errc::unknown_activity;
  if (!is_attendance_status(c.status)) return errc::invalid_field;
  if (c.reason.empty()) return errc::attendance_reason_required;
  if (!valid_text(c.reason, 512)) return errc::invalid_field;
  if (state.find_person(c.person) == nullptr) return errc::unknown_person;
  if (!a->invites(c.person)) return errc::not_invited;
  if (!date_has_come(*a, ctx)) return errc::activity_not_yet_held;
  if (a->attendance.contains(c.person)) return errc::attendance_recorded_already;
  return single(events::attendance_recorded{c.activity_id, c.person, c.status, c.reason,
                                            ctx.who.person_id,
                                            static_cast<std::uint64_t>(ctx.unix_ms)});
}

result<decision> handle(const congress_state& state, const record_activity_held& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const activity* a = state.groups().find_activity(c.activity_id);
  if (a == nullptr) return errc::unknown_activity;
  if (!valid_text(c.outcome, 16'384)) return errc::invalid_field;
  if (a->held) return errc::activity_already_held;
  if (!date_has_come(*a, ctx)) return errc::activity_not_yet_held;
  return single(events::activity_held{c.activity_id, c.outcome, ctx.who.person_id,
                                      static_cast<std::uint64_t>(ctx.unix_ms)});
}

}  // namespace plenum::server::domain::detail
