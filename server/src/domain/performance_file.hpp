// A delegate's performance file (履职档案): the sittings they attended, the activities, their
// proposals and how each was handled, the contacts they keep and the opinions they handled. A
// pure function of the state; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

#include "domain/state.hpp"

namespace plenum::server::domain {

/// The file of `person` (a person of the roster; the caller checks) on `today`:
/// {"congress": {id, name}, "as_of", "person": {number, name, unit, group, delegate},
/// "sittings": [{id, title, date, kind, attendance (present|excused|absent)}] (every sitting that
/// opened and called them — each of the whole congress, and their own group's — by date),
/// "sittings_attended", "sittings_held", "activities": [{id, kind, group_id,
/// title, date, attendance (present|excused|absent), check_in (signed: their own signed
/// check-in; recorded: present by the office's record; "" when not present)}] (every activity
/// recorded held that invited them, by date), "activities_held" (their number),
/// "activities_attended", "activities_signed", "activities_recorded", "groups": [{group_id,
/// name, post (leader 组长 | deputy 副组长 | member)}], "proposals": [{id, title, role
/// (proposer|co_signer), status (handling_status), unit, answers, rating (the latest rating or
/// "")}], "proposals_submitted", "proposals_co_signed", "contacts": {members, residents} (the
/// party members they keep and those members' residents: counts only, no names), "opinions":
/// {logged, routed, answered, refused, overdue (on `today`), reported_back} (the opinions they
/// logged)}.
[[nodiscard]] boost::json::object performance_file(const congress_state& state,
                                                   std::string_view person,
                                                   const civil_date& today);

}  // namespace plenum::server::domain
