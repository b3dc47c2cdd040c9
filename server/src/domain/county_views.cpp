#include "domain/county_views.hpp"

#include <boost/json/array.hpp>

#include "domain/monthly_report.hpp"
#include "domain/proposal_views.hpp"

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

json::array overdue_proposals(const congress_state& state, const civil_date& today) {
  json::array out;
  for (const auto& [id, pr] : state.proposals()) {
    if (!is_overdue(pr, today)) continue;
    const auto deadline = civil_date::parse(pr.deadline);
    out.push_back(json::object{
        {"id", pr.id},
        {"title", pr.title},
        {"unit", pr.unit},
        {"deadline", pr.deadline},
        {"round", pr.round},
        {"working_days_overdue", state.calendar().working_days_between(*deadline, today)}});
  }
  return out;
}

// The opinions overdue on `today`: the step each waits for and its due date; no words, no
// names (only the category and the department the office wrote).
json::array overdue_opinions(const congress_state& state, const civil_date& today) {
  json::array out;
  for (const auto& [id, o] : state.contacts().opinions) {
    const opinion_deadlines d = deadlines_of(o, state.calendar(), today);
    if (!d.overdue) continue;
    out.push_back(json::object{{"id", id},
                               {"category", o.category},
                               {"department", o.department},
                               {"waiting", o.routed() ? "answer" : "route"},
                               {"due", (o.routed() ? *d.answer_due : d.route_due).text()},
                               {"working_days_overdue", d.working_days_overdue}});
  }
  return out;
}

json::array issued_reports(const congress_state& state) {
  json::array out;
  for (const auto& [month, r] : state.monthly_reports())
    out.push_back(json::object{{"report_id", r.report_id},
                               {"month", r.month},
                               {"report_digest", r.report_digest},
                               {"unix_ms", r.unix_ms}});
  return out;
}

// The latest month whose report's due date is before `today`.
report_month latest_past_due(const civil_date& today) {
  report_month m = report_month::of(today).previous();
  while (!(m.due_date() < today)) m = m.previous();
  return m;
}

// The months whose report is past due and not issued: from the month after the first report
// the township issued (or, before any, the latest past-due month alone) up to the latest
// past-due month, never before the term's first month.
json::array late_reports(const congress_state& state, const civil_date& today) {
  const auto& issued = state.monthly_reports();
  const report_month latest = latest_past_due(today);
  report_month first = latest;
  if (!issued.empty())
    if (auto earliest = report_month::parse(issued.begin()->first)) first = earliest->next();
  if (state.congress())
    if (auto start = civil_date::parse(state.congress()->term_start))
      first = std::max(first, report_month::of(*start));
  json::array out;
  for (report_month m = first; m <= latest; m = m.next())
    if (!issued.contains(m.text())) out.emplace_back(m.text());
  return out;
}

// The months that have ended whose report is not issued and not yet past its due date (at most
// last month's): flagged from the day after the month ends, never before the term's first month.
json::array awaited_reports(const congress_state& state, const civil_date& today) {
  const report_month last = report_month::of(today).previous();
  json::array out;
  if (!(today <= last.due_date()) || state.monthly_reports().contains(last.text())) return out;
  if (state.congress())
    if (auto start = civil_date::parse(state.congress()->term_start))
      if (last < report_month::of(*start)) return out;
  out.emplace_back(last.text());
  return out;
}

// The report due next: the month whose due date is the first on or after `today`.
json::object next_report(const congress_state& state, const civil_date& today) {
  const report_month m = latest_past_due(today).next();
  return {{"month", m.text()},
          {"due_date", m.due_date().text()},
          {"ended", m.last_day() < today},
          {"issued", state.monthly_reports().contains(m.text())}};
}

}  // namespace

json::object township_overview(const congress_state& state, const civil_date& today) {
  json::array proposals = overdue_proposals(state, today);
  json::array opinions = overdue_opinions(state, today);
  json::array late = late_reports(state, today);
  const std::size_t overdue_count = proposals.size();
  const std::size_t opinions_count = opinions.size();
  const std::size_t late_count = late.size();
  return {{"congress_id", state.congress() ? state.congress()->id : std::string()},
          {"congress_name", state.congress() ? state.congress()->name : std::string()},
          {"events", state.next_seq()},
          {"monthly_reports", issued_reports(state)},
          {"reports_late", std::move(late)},
          {"reports_awaited", awaited_reports(state, today)},
          {"next_report", next_report(state, today)},
          {"overdue", json::object{{"proposals", overdue_count},
                                   {"opinions", opinions_count},
                                   {"monthly_reports", late_count}}},
          {"overdue_proposals", std::move(proposals)},
          {"overdue_opinions", std::move(opinions)}};
}

}  // namespace plenum::server::domain
