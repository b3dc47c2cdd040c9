// The monthly written report (月度书面报告) the liaison office sends to the county organisation
// department: a pure function of the congress state and a month. It counts what happened in the
// month (by the date of each event's time in China Standard Time, or the date it records) and
// what stood at the month's end; plenum-verify recomputes it from the record
// (clients/src/verify/monthly_report.cpp), so every count here has its twin there. Thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "domain/state.hpp"
#include "plenum/crypto/bytes.hpp"

namespace plenum::server::domain {

/// A calendar month.
struct report_month {
  int year = 1970;
  unsigned month = 1;

  /// The month written `YYYY-MM`, or nullopt for any other text.
  [[nodiscard]] static std::optional<report_month> parse(std::string_view text);
  /// The month `day` falls in.
  [[nodiscard]] static report_month of(const civil_date& day);
  [[nodiscard]] std::string text() const;
  [[nodiscard]] civil_date first_day() const;
  [[nodiscard]] civil_date last_day() const;
  [[nodiscard]] report_month next() const;
  [[nodiscard]] report_month previous() const;
  /// The report's id: "MR-" followed by text().
  [[nodiscard]] std::string report_id() const { return "MR-" + text(); }
  /// When the report is due: the 30th of the following month (its last day when shorter).
  [[nodiscard]] civil_date due_date() const;
  /// From when the desk reminds the office: the 25th of the following month.
  [[nodiscard]] civil_date remind_from() const;
  friend auto operator<=>(const report_month&, const report_month&) = default;
};

/// The report of `month` from `state`: {"version": 1, "congress": {id, name}, "month",
/// "period": {from, to}, "sittings": {held, present, excused, list: [{id, title, date, kind,
/// present, excused}]} (sittings dated in the month that opened; present = checked-in delegates
/// not excused), "activities": {held, invited, present, excused, absent}, "groups_not_met": [],
/// "proposals": {received, accepted, merged, converted, answered, ratings: {satisfied,
/// basically_satisfied, unsatisfied}, overdue, overdue_list: [{id, title, unit, round, deadline,
/// working_days_overdue}]}, "opinions": {logged, routed_on_time, answered_on_time, extended,
/// refused, overdue}, "resolutions" and "rectifications": {total, not_reported, not_started,
/// in_progress, completed, blocked} (items adopted or opened by the month's end, by their
/// latest report dated by then)}. Counts of the month are events whose time falls in it;
/// overdue is at the month's end: an accepted proposal whose round then current had no answer
/// and whose deadline had passed, working days counted with the congress's calendar.
[[nodiscard]] boost::json::object monthly_report(const congress_state& state,
                                                 const report_month& month);

/// The office's view of month `month` on `today`: {"month", "report" (the issued one, or the
/// draft made from the current state), "report_digest" (hex), "issued": {report_id, by,
/// unix_ms} or null, "due_date", "remind_from", "ended" (the month is over), "remind" (not
/// issued, and today is on or after remind_from), "late" (not issued after the due date),
/// "reports": [{report_id, month, report_digest, by, unix_ms}] (every report issued)}.
[[nodiscard]] boost::json::object monthly_report_view(const congress_state& state,
                                                      const report_month& month,
                                                      const civil_date& today);

/// SHA-256 of the report's canonical JSON (protocol::canonical_json).
[[nodiscard]] crypto::digest32 report_digest(const boost::json::object& report);

}  // namespace plenum::server::domain
