// Delegate proposals (代表提案) from submission to the floor, and the working-day calendar
// their deadlines are counted in.
#include <algorithm>
#include <set>

#include "domain/decide_internal.hpp"
#include "domain/generated_ids.hpp"

namespace plenum::server::domain::detail {

namespace {

constexpr std::size_t max_unit_bytes = 256;
constexpr std::size_t max_reason_bytes = 1024;
constexpr std::size_t max_proposal_text_bytes = 100'000;
/// Months a handling unit has for an answer, and for the second one after 不满意.
constexpr int answer_months = 6;
constexpr int rehandling_months = 3;

std::uint64_t ms(const context& ctx) { return static_cast<std::uint64_t>(ctx.unix_ms); }

civil_date today(const context& ctx) { return civil_date::of_unix_ms(ctx.unix_ms); }

// The proposal, or unknown_proposal.
result<const proposal*> find_proposal(const congress_state& state, const std::string& id) {
  const proposal* pr = state.find_proposal(id);
  if (pr == nullptr) return errc::unknown_proposal;
  return pr;
}

// The proposal if the liaison office has not reviewed it yet.
result<const proposal*> reviewable(const congress_state& state, const std::string& id) {
  auto pr = find_proposal(state, id);
  if (pr && (*pr)->reviewed != proposal::review::submitted) return errc::proposal_already_reviewed;
  return pr;
}

// The ISO dates of a calendar list, each of `year`, none twice.
result<std::set<civil_date>> calendar_dates(const std::vector<std::string>& texts) {
  std::set<civil_date> out;
  for (const auto& t : texts) {
    auto d = civil_date::parse(t);
    if (!d) return errc::invalid_date;
    if (!out.insert(*d).second) return errc::invalid_calendar;
  }
  return out;
}

std::vector<std::string> texts_of(const std::set<civil_date>& dates) {
  std::vector<std::string> out;
  for (const auto& d : dates) out.push_back(d.text());
  return out;
}

}  // namespace

bool may_go_on_agenda(const congress_state& state, const proposal& pr) {
  if (pr.reviewed == proposal::review::accepted) return true;
  if (pr.reviewed != proposal::review::merged) return false;
  const proposal* into = state.find_proposal(pr.merged_into);
  return into != nullptr && into->reviewed == proposal::review::accepted;
}

result<decision> handle(const congress_state& state, const submit_proposal& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::delegate})) return ec;
  const std::string id = c.proposal_id.empty() ? next_proposal_id(state) : c.proposal_id;
  if (!valid_id(id) || !valid_text(c.title, 512) || !valid_text(c.text, max_proposal_text_bytes))
    return errc::invalid_field;
  if (state.proposals().contains(id)) return errc::proposal_exists;
  std::set<std::string> seen;
  for (const auto& number : c.co_signers) {
    if (number == ctx.who.person_id || !state.is_delegate(number) || !seen.insert(number).second)
      return errc::invalid_co_signer;
  }
  auto d = single(
      events::proposal_submitted{id, ctx.who.person_id, c.title, c.text, ms(ctx), c.co_signers});
  d.created_id_field = "proposal_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state&, const set_calendar& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  if (c.year < 1900 || c.year > 9999) return errc::invalid_calendar;
  auto holidays = calendar_dates(c.holidays);
  if (!holidays) return holidays.error();
  auto workdays = calendar_dates(c.workdays);
  if (!workdays) return workdays.error();
  year_calendar year{*holidays, *workdays};
  if (protocol::calendar_problem(static_cast<int>(c.year), year)) return errc::invalid_calendar;
  return single(events::calendar_set{c.year, texts_of(year.holidays), texts_of(year.workdays),
                                     ctx.who.person_id});
}

result<decision> handle(const congress_state& state, const accept_proposal& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto pr = reviewable(state, c.proposal_id);
  if (!pr) return pr.error();
  if (!valid_text(c.unit, max_unit_bytes)) return errc::invalid_field;
  const auto& calendar = state.calendar();
  civil_date deadline = calendar.add_months(today(ctx), answer_months);
  if (!c.deadline.empty()) {
    auto given = civil_date::parse(c.deadline);
    if (!given || !calendar.is_working_day(*given) || *given <= today(ctx))
      return errc::invalid_date;
    deadline = *given;
  }
  return single(events::proposal_accepted{c.proposal_id, c.unit, deadline.text(), ctx.who.person_id,
                                          ms(ctx)});
}

result<decision> handle(const congress_state& state, const merge_proposal& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto pr = reviewable(state, c.proposal_id);
  if (!pr) return pr.error();
  auto into = find_proposal(state, c.into);
  if (!into) return into.error();
  if (*into == *pr || (*into)->reviewed != proposal::review::accepted || (*into)->finished)
    return errc::invalid_merge;
  return single(events::proposal_merged{c.proposal_id, c.into, ctx.who.person_id, ms(ctx)});
}

result<decision> handle(const congress_state& state, const convert_proposal& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto pr = reviewable(state, c.proposal_id);
  if (!pr) return pr.error();
  if (!valid_text(c.reason, max_reason_bytes)) return errc::invalid_field;
  return single(events::proposal_converted{c.proposal_id, c.reason, ctx.who.person_id, ms(ctx)});
}

result<decision> handle(const congress_state& state, const answer_proposal& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto pr = find_proposal(state, c.proposal_id);
  if (!pr) return pr.error();
  if ((*pr)->reviewed != proposal::review::accepted) return errc::proposal_not_accepted;
  if (!(*pr)->awaiting_answer()) return errc::proposal_not_awaiting_answer;
  const std::string unit = c.unit.empty() ? (*pr)->unit : c.unit;
  if (!valid_text(c.text, max_proposal_text_bytes) || !valid_text(unit, max_unit_bytes))
    return errc::invalid_field;
  return single(events::proposal_answered{c.proposal_id, (*pr)->round, unit, c.text,
                                          ctx.who.person_id, ms(ctx)});
}

result<decision> handle(const congress_state& state, const rate_proposal& c, const context& ctx) {
  if (ctx.who.who != actor::kind::person) return errc::permission_denied;
  auto pr = find_proposal(state, c.proposal_id);
  if (!pr) return pr.error();
  if ((*pr)->by != ctx.who.person_id) return errc::not_the_proposer;
  if ((*pr)->reviewed != proposal::review::accepted) return errc::proposal_not_accepted;
  if (!(*pr)->awaiting_rating()) return errc::proposal_not_answered;
  if (c.rating != "satisfied" && c.rating != "basically_satisfied" && c.rating != "unsatisfied")
    return errc::invalid_rating;
  std::string deadline;
  if ((*pr)->round == 1 && c.rating == "unsatisfied")
    deadline = state.calendar().add_months(today(ctx), rehandling_months).text();
  return single(events::proposal_rated{c.proposal_id, (*pr)->round, c.rating, ctx.who.person_id,
                                       ms(ctx), deadline});
}

}  // namespace plenum::server::domain::detail
