// Delegate groups (代表小组) and the activities of the delegates between meetings, as the log
// records them: the part of congress_state that group_formed … activity_held change. Each
// `apply` checks everything first and changes nothing when it refuses (a foreign or forged log);
// it returns the reason in words. Not thread-safe (the state's caller serializes).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/protocol/events.hpp"

namespace plenum::server::domain {

/// The fewest members a delegate group has.
inline constexpr std::size_t min_group_members = 10;

/// A delegate group with its members and its approved leader and deputy.
struct delegate_group {
  std::string id;
  std::string name;
  std::string basis;                 ///< electoral_unit, area or line_of_work
  std::vector<std::string> members;  ///< person numbers, in the order recorded
  std::string leader;                ///< 组长, once approved ("" before)
  std::string deputy;                ///< 副组长
  std::string leaders_vote;          ///< the election the approval rests on
  std::string approval;              ///< the party committee's approval (document number)
  std::int64_t formed_ms = 0;
  [[nodiscard]] bool has_member(std::string_view person) const;
  friend bool operator==(const delegate_group&, const delegate_group&) = default;
};

/// One delegate's attendance at an activity: their own signed check-in, or the office's record.
struct activity_attendance {
  std::string status;  ///< present, absent or excused
  bool signed_in = false;
  std::string reason;     ///< the office's record: why
  std::string by;         ///< the office's record: who recorded it
  std::string device_pk;  ///< a signed check-in: hex
  std::string signature;  ///< a signed check-in: hex
  std::int64_t unix_ms = 0;
  std::uint64_t seq = 0;
  friend bool operator==(const activity_attendance&, const activity_attendance&) = default;
};

/// An activity between meetings and its attendance.
struct activity {
  std::string id;
  std::string kind;      ///< group_activity, research, inspection, study, committee_attendance
  std::string group_id;  ///< "" for a congress-wide activity
  std::string title;
  std::string date;  ///< ISO date
  std::string place;
  std::vector<std::string> invited;
  std::string by;
  std::int64_t planned_ms = 0;
  bool held = false;
  std::string outcome;
  std::string held_by;
  std::int64_t held_ms = 0;
  std::map<std::string, activity_attendance> attendance;  ///< by person number
  [[nodiscard]] bool invites(std::string_view person) const;
  friend bool operator==(const activity&, const activity&) = default;
};

/// Every group and activity of the congress.
class group_register {
 public:
  [[nodiscard]] const std::map<std::string, delegate_group>& groups() const { return groups_; }
  [[nodiscard]] const delegate_group* find_group(std::string_view id) const;
  /// The group `person` is a member of, or nullptr.
  [[nodiscard]] const delegate_group* group_of(std::string_view person) const;
  [[nodiscard]] const std::map<std::string, activity>& activities() const { return activities_; }
  [[nodiscard]] const activity* find_activity(std::string_view id) const;
  /// Whether group `group_id` held a group activity (activity_held) dated in calendar `year`.
  [[nodiscard]] bool has_met(std::string_view group_id, int year) const;
  /// How many group activities group `group_id` held dated in `year`.
  [[nodiscard]] std::size_t meetings_in(std::string_view group_id, int year) const;

  /// Each returns the reason when the event does not fit (nothing changed), nullopt when applied.
  std::optional<std::string> apply(const protocol::events::group_formed& e);
  std::optional<std::string> apply(const protocol::events::group_changed& e);
  std::optional<std::string> apply(const protocol::events::group_leaders_approved& e);
  std::optional<std::string> apply(const protocol::events::activity_planned& e);
  std::optional<std::string> apply(const protocol::events::activity_checked_in& e,
                                   std::uint64_t seq);
  std::optional<std::string> apply(const protocol::events::attendance_recorded& e,
                                   std::uint64_t seq);
  std::optional<std::string> apply(const protocol::events::activity_held& e);

  /// A delegate who leaves the congress leaves their group (and its leadership).
  void delegate_left(std::string_view person);

  friend bool operator==(const group_register&, const group_register&) = default;

 private:
  std::map<std::string, delegate_group> groups_;
  std::map<std::string, activity> activities_;
};

/// "G1", "G2", …: the first id not taken by a group.
[[nodiscard]] std::string next_group_id(const group_register& r);
/// "A1", "A2", …: the first id not taken by an activity.
[[nodiscard]] std::string next_activity_id(const group_register& r);

}  // namespace plenum::server::domain
