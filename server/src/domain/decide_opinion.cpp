// Opinions (党员群众意见建议) from the delegate who collected them to the department that answers,
// and back. Lateness is never a refusal: a late step is recorded and shown late (contacts.hpp
// deadlines_of); what is refused is a step out of order or a date that does not fit.
#include "domain/decide_internal.hpp"
#include "plenum/crypto/bytes.hpp"

namespace plenum::server::domain::detail {

namespace {

constexpr std::size_t max_short_bytes = 1024;

std::uint64_t ms(const context& ctx) { return static_cast<std::uint64_t>(ctx.unix_ms); }

civil_date today(const context& ctx) { return civil_date::of_unix_ms(ctx.unix_ms); }

// The date of a step: `text` (today when empty), not after today and not before `after`.
result<civil_date> step_date(const std::string& text, const std::string& after,
                             const context& ctx) {
  civil_date date = today(ctx);
  if (!text.empty()) {
    auto given = civil_date::parse(text);
    if (!given) return errc::invalid_date;
    date = *given;
  }
  if (date > today(ctx)) return errc::opinion_date_out_of_order;
  if (!after.empty()) {
    auto earlier = civil_date::parse(after);
    if (earlier && date < *earlier) return errc::opinion_date_out_of_order;
  }
  return date;
}

result<const opinion*> find_opinion(const congress_state& state, const std::string& id) {
  const opinion* o = state.contacts().find_opinion(id);
  if (o == nullptr) return errc::unknown_opinion;
  return o;
}

// An opinion being handled: routed and neither answered nor refused.
result<const opinion*> in_handling(const congress_state& state, const std::string& id) {
  auto o = find_opinion(state, id);
  if (!o) return o.error();
  if (!(*o)->routed()) return errc::opinion_not_routed;
  if ((*o)->closed()) return errc::opinion_closed;
  return o;
}

}  // namespace

result<decision> handle(const congress_state& state, const log_opinion& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::delegate})) return ec;
  const auto& book = state.contacts();
  const std::string id = c.opinion_id.empty() ? book.next_opinion_id() : c.opinion_id;
  if (!valid_id(id) || !valid_text(c.category, max_short_bytes)) return errc::invalid_field;
  if (book.opinions.contains(id)) return errc::opinion_exists;
  const contact* from = book.find_contact(c.contact_id);
  if (from == nullptr || from->removed) return errc::unknown_contact;
  if (book.keeping_delegate(c.contact_id) != ctx.who.person_id) return errc::not_the_keeper;
  auto date = step_date(c.date.empty() ? "-" : c.date, "", ctx);
  if (!date) return date.error();
  auto sealed = seal_private_details(c.details, {"text", "name"}, {"text"});
  if (!sealed) return sealed.error();
  auto d = single(events::opinion_logged{id, c.contact_id, ctx.who.person_id, date->text(),
                                         *crypto::from_hex_fixed<32>(sealed->digest), c.category,
                                         ms(ctx)});
  d.private_details.push_back(std::move(*sealed));
  d.created_id_field = "opinion_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state& state, const route_opinion& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto o = find_opinion(state, c.opinion_id);
  if (!o) return o.error();
  if ((*o)->routed()) return errc::opinion_already_routed;
  if (!valid_text(c.department, max_short_bytes)) return errc::invalid_field;
  auto date = step_date(c.date, (*o)->date, ctx);
  if (!date) return date.error();
  return single(
      events::opinion_routed{c.opinion_id, c.department, date->text(), ctx.who.person_id, ms(ctx)});
}

result<decision> handle(const congress_state& state, const extend_opinion& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto o = in_handling(state, c.opinion_id);
  if (!o) return o.error();
  if (!valid_text(c.reason, max_short_bytes)) return errc::invalid_field;
  const auto due = deadlines_of(**o, state.calendar(), today(ctx)).answer_due;
  if ((*o)->extension_days != 0 || c.working_days < 1 || c.working_days > max_extension_days ||
      today(ctx) > *due)
    return errc::opinion_extension_refused;
  return single(
      events::opinion_extended{c.opinion_id, c.working_days, c.reason, ctx.who.person_id, ms(ctx)});
}

result<decision> handle(const congress_state& state, const answer_opinion& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto o = in_handling(state, c.opinion_id);
  if (!o) return o.error();
  auto date = step_date(c.date, (*o)->routed_date, ctx);
  if (!date) return date.error();
  auto sealed = seal_private_details(c.details, {"text"}, {"text"});
  if (!sealed) return sealed.error();
  auto d = single(events::opinion_answered{c.opinion_id, date->text(),
                                           *crypto::from_hex_fixed<32>(sealed->digest),
                                           ctx.who.person_id, ms(ctx)});
  d.private_details.push_back(std::move(*sealed));
  return d;
}

result<decision> handle(const congress_state& state, const refuse_opinion& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto o = in_handling(state, c.opinion_id);
  if (!o) return o.error();
  if (!valid_text(c.reason, max_short_bytes) || protocol::looks_like_id_number(c.reason))
    return errc::invalid_field;
  auto date = step_date(c.date, (*o)->routed_date, ctx);
  if (!date) return date.error();
  return single(
      events::opinion_refused{c.opinion_id, date->text(), c.reason, ctx.who.person_id, ms(ctx)});
}

result<decision> handle(const congress_state& state, const report_back_opinion& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::delegate})) return ec;
  auto o = find_opinion(state, c.opinion_id);
  if (!o) return o.error();
  if ((*o)->by != ctx.who.person_id) return errc::not_the_keeper;
  if (!(*o)->closed()) return errc::opinion_not_closed;
  if (!(*o)->reported_back_date.empty()) return errc::opinion_already_reported_back;
  const std::string& closed_on =
      (*o)->answered_date.empty() ? (*o)->refused_date : (*o)->answered_date;
  auto date = step_date(c.date, closed_on, ctx);
  if (!date) return date.error();
  return single(
      events::opinion_reported_back{c.opinion_id, date->text(), ctx.who.person_id, ms(ctx)});
}

}  // namespace plenum::server::domain::detail
