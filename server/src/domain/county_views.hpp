// What the county organisation department sees of one township's congress: its name, the
// monthly reports it has issued, and what is overdue today. A pure function of the state; it
// carries no private details and nothing the township has not sent upward.
#pragma once

#include <boost/json/object.hpp>

#include "domain/state.hpp"

namespace plenum::server::domain {

/// One township for the county: {"congress_id", "congress_name", "events" (the log's length),
/// "monthly_reports": [{"report_id", "month", "report_digest", "unix_ms"}] (issued, by month),
/// "reports_late": ["YYYY-MM"] (past their due date and not issued: from the month after the
/// first report issued — before any, the latest past-due month alone — to the latest past-due
/// month, never before the term's first month), "reports_awaited": ["YYYY-MM"] (last month's
/// report, from the day after the month ended while it is not issued and not yet past due —
/// flagged at once, never before the term's first month), "next_report": {"month", "due_date",
/// "ended", "issued"} (the report whose due date comes next),
/// "overdue": {"proposals": n, "opinions": n, "monthly_reports": n} (counts of what is overdue
/// on `today`), "overdue_proposals": [{"id", "title", "unit", "deadline", "round",
/// "working_days_overdue"}] (accepted proposals whose current round is unanswered after its
/// deadline, in id order), "overdue_opinions": [{"id", "category", "department", "waiting"
/// (route|answer), "due", "working_days_overdue"}] (opinions whose next step is past due, in id
/// order; no words, no names)}. A township that has issued no report and owes one has it in
/// reports_late or reports_awaited.
[[nodiscard]] boost::json::object township_overview(const congress_state& state,
                                                    const civil_date& today);

}  // namespace plenum::server::domain
