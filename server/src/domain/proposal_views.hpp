// The proposals as the liaison office's desk and a delegate see them: each proposal's whole
// handling, with its deadline and whether it is overdue on a given day. Pure functions of the
// state.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string_view>

#include "domain/state.hpp"

namespace plenum::server::domain {

/// Where a proposal's handling stands: submitted (waiting for review), accepted (立案, waiting
/// for the first answer), answered (waiting for the proposer's rating), rehandling (rated
/// 不满意, waiting for the second answer), closed (finally rated), merged, converted.
[[nodiscard]] std::string_view handling_status(const proposal& pr);

/// Whether an accepted proposal's current round is unanswered after its deadline, on `today`.
[[nodiscard]] bool is_overdue(const proposal& pr, const civil_date& today);

/// One proposal for the desk or its proposer: {"id", "by", "by_name", "title", "text",
/// "submitted_ms", "co_signers": [numbers], "status" (handling_status), "unit", "deadline",
/// "round", "answers": [{"round", "unit", "text", "unix_ms", "rating"}] (a merged proposal
/// shows the answers of the one it was merged into), "merged_into", "merged": [ids merged into
/// this one], "conversion_reason", "reviewed_ms", "sitting_id", "item_id", "on_agenda",
/// "overdue", "working_days_overdue"}.
[[nodiscard]] boost::json::object proposal_json(const congress_state& state, const proposal& pr,
                                                const civil_date& today);

/// Every proposal (the liaison office's desk), in id order.
[[nodiscard]] boost::json::array desk_proposals(const congress_state& state,
                                                const civil_date& today);

/// The proposals `person` submitted or co-signed, in id order.
[[nodiscard]] boost::json::array own_proposals(const congress_state& state, std::string_view person,
                                               const civil_date& today);

}  // namespace plenum::server::domain
