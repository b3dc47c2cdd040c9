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
/// opened, by date), "sittings_attended", "sittings_held", "activities": [],
/// "activities_attended", "proposals": [{id, title, role (proposer|co_signer), status
/// (handling_status), unit, answers, rating (the latest rating or "")}], "proposals_submitted",
/// "proposals_co_signed", "contacts": {members, residents}, "opinions": {logged,
/// reported_back}}.
[[nodiscard]] boost::json::object performance_file(const congress_state& state,
                                                   std::string_view person,
                                                   const civil_date& today);

}  // namespace plenum::server::domain
