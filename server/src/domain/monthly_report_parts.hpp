// The parts of the monthly report (format 2) that count the work between meetings: activities
// and their attendance, the groups that have not met this year, opinions and their deadlines,
// and three-level contact. Each is a pure function of the state and the month's first and last
// day (Beijing dates); monthly_report.hpp documents the fields, and plenum-verify recomputes
// each of them (clients/src/verify/monthly_report_counts.cpp). Thread-safe.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "domain/state.hpp"

namespace plenum::server::domain::report_parts {

/// The first and last day of the month reported.
struct month_days {
  civil_date from;
  civil_date to;
  [[nodiscard]] bool in(const civil_date& d) const { return from <= d && d <= to; }
  [[nodiscard]] bool time_in(std::int64_t unix_ms) const {
    return in(civil_date::of_unix_ms(unix_ms));
  }
  [[nodiscard]] bool time_by_end(std::int64_t unix_ms) const {
    return civil_date::of_unix_ms(unix_ms) <= to;
  }
};

/// "activities": activities dated in the month and recorded held, with their attendance.
[[nodiscard]] boost::json::object activities_of(const congress_state& state, const month_days& m);

/// "groups": {"formed", "met", "meetings"}: groups formed by the month's end, how many of them held
/// a group activity dated from 1 January of the month's year to its last day, and the groups' own
/// sittings (their elections) held in the month, which the report's "sittings" leave out.
[[nodiscard]] boost::json::object groups_of(const congress_state& state, const month_days& m);

/// "groups_not_met": [{"group_id", "name"}] — the groups formed by the month's end that had not
/// met by then in the month's year, in id order.
[[nodiscard]] boost::json::array groups_not_met(const congress_state& state, const month_days& m);

/// "opinions": the steps dated in the month and what stood overdue at its end.
[[nodiscard]] boost::json::object opinions_of(const congress_state& state, const month_days& m);

/// "contacts": registered and removed in the month, kept and gaps at its end.
[[nodiscard]] boost::json::object contacts_of(const congress_state& state, const month_days& m);

}  // namespace plenum::server::domain::report_parts
