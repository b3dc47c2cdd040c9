// Private to plenum_verify: the monthly reports of the record, recomputed. The verifier keeps its
// own ledger of what every report counts, taken from the events as they pass, and when a
// monthly_report_issued arrives recomputes that month's report from the events before it and
// compares the SHA-256 of its canonical JSON with the recorded digest (check monthly_reports).
// The report's form is server/src/domain/monthly_report.hpp's; this is a second reading of it,
// written against the events, not the server's code.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "plenum/protocol/events.hpp"
#include "plenum/protocol/record.hpp"
#include "plenum/protocol/working_calendar.hpp"

namespace plenum::clients::verify::detail {

class check_log;
struct congress_model;

/// What the monthly reports count, as the events told it.
struct report_ledger {
  struct sitting_facts {
    std::string title;
    std::string date;
    std::string kind = "annual";
    /// The delegate group whose own sitting this is; empty for the congress's sittings.
    std::string group_id;
    bool opened = false;
    std::set<std::string> checked_in;
    std::set<std::string> excused;
  };
  struct answer_facts {
    std::uint64_t answered_ms = 0;
    std::string rating;
    std::uint64_t rated_ms = 0;
  };
  struct proposal_facts {
    std::string title;
    std::uint64_t submitted_ms = 0;
    std::string review;  ///< "", accepted, merged, converted
    std::uint64_t reviewed_ms = 0;
    std::string unit;
    std::vector<std::string> deadlines;  ///< by round
    std::vector<answer_facts> answers;
  };
  struct report_facts {
    std::string date;
    std::string status;
  };

  std::string congress_id;
  std::string congress_name;
  protocol::working_calendar calendar;
  std::map<std::string, sitting_facts> sittings;
  std::map<std::string, std::string> vote_sitting;
  std::map<std::string, proposal_facts> proposals;
  std::map<std::string, std::string> resolution_sitting;
  std::map<std::string, std::string> rectification_vote;
  /// (subject, id) → reports in log order.
  std::map<std::pair<std::string, std::string>, std::vector<report_facts>> reports;
  std::set<std::string> issued_months;

  // The work between meetings (format 2; monthly_report_counts.cpp).
  struct activity_facts {
    std::string kind;
    std::string group_id;
    std::string title;
    std::string date;
    std::vector<std::string> invited;
    bool held = false;
    /// person → present_signed, present_recorded, excused or absent (the first record stands).
    std::map<std::string, std::string> attendance;
  };
  struct group_facts {
    std::string name;
    std::uint64_t formed_ms = 0;
  };
  struct opinion_facts {
    std::string date;
    std::string category;
    std::string department;
    std::string routed;  ///< dates, "" until the step
    std::string answered;
    std::string refused;
    std::uint64_t extension_days = 0;
    std::uint64_t extended_ms = 0;
  };
  struct contact_facts {
    std::string kind;
    std::string keeper;
    std::uint64_t registered_ms = 0;
    std::optional<std::uint64_t> removed_ms;
  };
  std::map<std::string, activity_facts> activities;
  std::map<std::string, group_facts> groups;
  std::map<std::string, opinion_facts> opinions;
  std::map<std::string, contact_facts> contacts;
  /// Persons the roster marks as party committee members.
  std::set<std::string> committee_members;
  /// Committee member → (time set, how many delegates) of each list set, in log order.
  std::map<std::string, std::vector<std::pair<std::uint64_t, std::size_t>>> committee_lists;

  /// Takes what the reports count from one decoded event (every event passes here).
  void note(const protocol::congress_event& event);
};

/// The report of `month` (YYYY-MM, valid) in `format` (1 or 2) from the ledger, the delegates
/// being those of `model.roles` now.
[[nodiscard]] boost::json::object recompute_monthly_report(const report_ledger& ledger,
                                                           const congress_model& model,
                                                           const std::string& month,
                                                           std::uint64_t format);

/// The first and last day of a month reported.
struct report_days {
  protocol::civil_date from;
  protocol::civil_date to;
};

/// Format 2's parts of the work between meetings, from the ledger: "activities", "groups",
/// "groups_not_met", "opinions" and "contacts" (monthly_report_counts.cpp).
[[nodiscard]] boost::json::object between_meetings_parts(const report_ledger& ledger,
                                                         const congress_model& model,
                                                         const report_days& days);

/// The check of one monthly_report_issued (before the ledger notes it): issued by a secretary,
/// for a month that had ended by its time, once, with the digest of the recomputed report.
void check_monthly_report(const report_ledger& ledger, const congress_model& model,
                          const protocol::board_event& e,
                          const protocol::events::monthly_report_issued& p, check_log& log);

}  // namespace plenum::clients::verify::detail
