// What get_groups and get_activities answer: the delegate groups with their members, leaders
// and whether each has met this year, and the activities with their attendance. Pure functions
// of the state.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

#include "domain/state.hpp"
#include "plenum/protocol/working_calendar.hpp"

namespace plenum::server::domain {

/// {"today","year","groups":[{"group_id","name","basis","members":[{"number","name"}],
/// "leader","deputy","leader_name","deputy_name","leaders_vote","approval","sittings":[ids],
/// "held_this_year" (group activities held this year),"met_this_year"}],"ungrouped":[numbers of
/// delegates in no group]}.
[[nodiscard]] boost::json::object groups_view(const congress_state& state,
                                              const protocol::civil_date& today);

/// {"activities":[{"activity_id","kind","group_id","title","date","place","held","outcome",
/// "invited":[numbers],"counts":{"invited","present","absent","excused","unrecorded"},
/// "attendance":[{"person","name","status","signed_in","reason"}], and for `person` (when not
/// empty) "invited_me" and "my_status" ("" until recorded)}]}. With `person` empty (the office)
/// every activity's attendance is listed; a delegate sees only their own line of it.
[[nodiscard]] boost::json::object activities_view(const congress_state& state,
                                                  std::string_view person);

}  // namespace plenum::server::domain
