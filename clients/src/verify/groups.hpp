// Private to plenum_verify: delegate groups and activities as the record shows them, and their
// checks: who formed and changed each group (a secretary; at least 10 delegates, each in one
// group), the leaders' approval (a secretary's, resting on a decided election of that group's
// own sitting that elected both), and each activity's attendance (a signed check-in by the
// delegate's enrolled key on the activity's date, or the office's record with its reason).
// Check names: groups, activities.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "plenum/protocol/events.hpp"

namespace plenum::clients::verify::detail {

class check_log;
struct congress_model;

/// What the group checks keep from the record.
struct group_model {
  /// group → its current members.
  std::map<std::string, std::set<std::string>> members;
  /// sitting → the group whose sitting it is.
  std::map<std::string, std::string> sitting_group;
  struct activity {
    std::string date;
    std::set<std::string> invited;
    std::set<std::string> recorded;
    bool held = false;
  };
  std::map<std::string, activity> activities;
  /// The approvals, checked against the votes' outcomes after the replay.
  std::vector<protocol::events::group_leaders_approved> approvals;
  std::vector<std::uint64_t> approval_seqs;
};

void on_group_formed(congress_model& m, std::uint64_t seq, const protocol::events::group_formed& e,
                     check_log& log);
void on_group_changed(congress_model& m, std::uint64_t seq,
                      const protocol::events::group_changed& e, check_log& log);
void on_group_leaders_approved(congress_model& m, std::uint64_t seq,
                               const protocol::events::group_leaders_approved& e, check_log& log);
void on_activity_planned(congress_model& m, std::uint64_t seq,
                         const protocol::events::activity_planned& e, check_log& log);
void on_activity_checked_in(congress_model& m, std::uint64_t seq,
                            const protocol::events::activity_checked_in& e, check_log& log);
void on_attendance_recorded(congress_model& m, std::uint64_t seq,
                            const protocol::events::attendance_recorded& e, check_log& log);
void on_activity_held(congress_model& m, std::uint64_t seq,
                      const protocol::events::activity_held& e, check_log& log);
/// A delegate who left the congress leaves their group.
void on_group_member_left(congress_model& m, const std::string& person);

/// After the votes are checked: each approval rests on a decided election of a sitting of the
/// same group whose outcome elected both the leader and the deputy.
void check_group_leaders(const congress_model& m, check_log& log);

}  // namespace plenum::clients::verify::detail
