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

  /// Takes what the reports count from one decoded event (every event passes here).
  void note(const protocol::congress_event& event);
};

/// The report of `month` (YYYY-MM, valid) from the ledger, the delegates being those of
/// `model.roles` now.
[[nodiscard]] boost::json::object recompute_monthly_report(const report_ledger& ledger,
                                                           const congress_model& model,
                                                           const std::string& month);

/// The check of one monthly_report_issued (before the ledger notes it): issued by a secretary,
/// for a month that had ended by its time, once, with the digest of the recomputed report.
void check_monthly_report(const report_ledger& ledger, const congress_model& model,
                          const protocol::board_event& e,
                          const protocol::events::monthly_report_issued& p, check_log& log);

}  // namespace plenum::clients::verify::detail
