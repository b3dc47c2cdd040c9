// What the office sends upward: the monthly report issued to the county organisation department.
#include "domain/decide_internal.hpp"
#include "domain/monthly_report.hpp"

namespace plenum::server::domain::detail {

result<decision> handle(const congress_state& state, const issue_monthly_report& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const auto month = report_month::parse(c.month);
  if (!month) return errc::invalid_month;
  if (!(civil_date::of_unix_ms(ctx.unix_ms) > month->last_day())) return errc::month_not_ended;
  if (state.monthly_reports().contains(month->text())) return errc::report_already_issued;
  auto d = single(events::monthly_report_issued{
      month->report_id(), month->text(),
      report_digest(monthly_report(state, *month, report_format_current)), ctx.who.person_id,
      static_cast<std::uint64_t>(ctx.unix_ms), report_format_current});
  d.created_id_field = "report_id";
  d.created_id = month->report_id();
  return d;
}

}  // namespace plenum::server::domain::detail
