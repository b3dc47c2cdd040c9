// The monthly written report (月度书面报告) the liaison office sends to the county organisation
// department: a pure function of the congress state and a month. It counts what happened in the
// month (by the date of each event's time in China Standard Time, or the date it records) and
// what stood at the month's end; plenum-verify recomputes it from the record
// (clients/src/verify/monthly_report.cpp), so every count here has its twin there. Thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
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

/// The report formats. An issued report records its format (monthly_report_issued's `format`,
/// absent for 1) and is recomputed in it: format 1 was issued before the work between meetings
/// was counted (its activities, groups_not_met and opinions stand as zeros and []); format 2
/// counts everything and is what the office issues now.
inline constexpr std::uint64_t report_format_first = 1;
inline constexpr std::uint64_t report_format_current = 2;

/// The report of `month` from `state` in `format` (1 or 2): {"version" (the format),
/// "congress": {id, name}, "month", "period": {from, to}, "sittings": {held, present, excused,
/// list: [{id, title, date, kind, present, excused}]} (sittings dated in the month that opened —
/// from format 2 on the congress's own only, a delegate group's sitting counted in "groups";
/// present = checked-in delegates not excused), "proposals": {received, accepted, merged,
/// converted, answered, ratings: {satisfied, basically_satisfied, unsatisfied}, overdue,
/// overdue_list: [{id, title, unit, round, deadline, working_days_overdue}]}, "resolutions" and
/// "rectifications": {total, not_reported, not_started, in_progress, completed, blocked} (items
/// adopted or opened by the month's end, by their latest report dated by then), and:
/// - "activities": {held, invited, present, present_signed (their own signed check-in),
///   present_recorded (recorded by the office), excused, absent (recorded absent or no record),
///   by_kind: {group_activity, research, inspection, study, committee_attendance}, list: [{id,
///   kind, group_id, title, date, invited, present, present_signed, present_recorded, excused,
///   absent}]}: activities dated in the month and recorded held, each invited delegate counted
///   once;
/// - "groups": {formed, met, meetings}: groups formed by the month's end, those of them with a
///   held group activity dated from 1 January of the month's year to its last day, and the
///   groups' own sittings dated in the month that opened;
///   "groups_not_met": [{group_id, name}]: the others;
/// - "opinions": {logged (collected, by their date, in the month), routed_on_time / routed_late
///   (routed in the month within 5 working days of the date logged, or later), answered_on_time
///   / answered_late (answered in the month within 30 working days of routing plus the
///   extension, or later), extended (extensions recorded in the month), refused (refused in the
///   month), refused_late (of them, after 5 working days of routing), overdue, overdue_list:
///   [{id, category, department, waiting (route|answer), due, working_days_overdue}]} — overdue
///   at the month's end: the step it then waited for was due before the month's last day, with
///   only the steps dated (the extension: recorded) by then;
/// - "contacts": {registered: {members, residents}, removed (in the month), kept: {members,
///   residents} (at the month's end), gaps: {committee: {below, above}, delegates: {below,
///   above}, members: {below, above}} (at the month's end: committee members of the roster with
///   fewer than 2 or more than 3 delegates, delegates with fewer than 3 or more than 5 party
///   members, party members with fewer than 3 residents)}.
/// Format 1 has neither "groups" nor "contacts", and its activities, groups_not_met and opinions
/// are {held, invited, present, excused, absent} 0, [] and {logged, routed_on_time,
/// answered_on_time, extended, refused, overdue} 0.
/// Counts of the month are events whose time (or recorded date) falls in it; overdue is at the
/// month's end: an accepted proposal whose round then current had no answer and whose deadline
/// had passed, working days counted with the congress's calendar.
[[nodiscard]] boost::json::object monthly_report(const congress_state& state,
                                                 const report_month& month,
                                                 std::uint64_t format = report_format_current);

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
