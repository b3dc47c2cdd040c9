#include "domain/groups.hpp"

#include <algorithm>
#include <set>

namespace plenum::server::domain {

namespace ev = protocol::events;

namespace {

template <typename Map>
std::string first_free(const Map& map, std::string_view prefix) {
  for (std::size_t n = 1;; ++n) {
    std::string id = std::string(prefix) + std::to_string(n);
    if (!map.contains(id)) return id;
  }
}

bool contains(const std::vector<std::string>& list, std::string_view one) {
  return std::find(list.begin(), list.end(), one) != list.end();
}

}  // namespace

bool delegate_group::has_member(std::string_view person) const { return contains(members, person); }

bool activity::invites(std::string_view person) const { return contains(invited, person); }

const delegate_group* group_register::find_group(std::string_view id) const {
  auto it = groups_.find(std::string(id));
  return it == groups_.end() ? nullptr : &it->second;
}

const delegate_group* group_register::group_of(std::string_view person) const {
  for (const auto& [id, g] : groups_)
    if (g.has_member(person)) return &g;
  return nullptr;
}

const activity* group_register::find_activity(std::string_view id) const {
  auto it = activities_.find(std::string(id));
  return it == activities_.end() ? nullptr : &it->second;
}

std::size_t group_register::meetings_in(std::string_view group_id, int year) const {
  const std::string prefix = std::to_string(year) + "-";
  std::size_t n = 0;
  for (const auto& [id, a] : activities_)
    if (a.held && a.kind == "group_activity" && a.group_id == group_id &&
        a.date.starts_with(prefix))
      ++n;
  return n;
}

bool group_register::has_met(std::string_view group_id, int year) const {
  return meetings_in(group_id, year) > 0;
}

std::optional<std::string> group_register::apply(const ev::group_formed& e) {
  if (groups_.contains(e.group_id)) return "group_formed: " + e.group_id + " exists";
  std::set<std::string> seen;
  for (const auto& m : e.members) {
    if (!seen.insert(m).second) return "group_formed: " + m + " named twice";
    if (group_of(m) != nullptr) return "group_formed: " + m + " is already in a group";
  }
  delegate_group g;
  g.id = e.group_id;
  g.name = e.name;
  g.basis = e.basis;
  g.members = e.members;
  g.formed_ms = static_cast<std::int64_t>(e.unix_ms);
  groups_.emplace(e.group_id, std::move(g));
  return std::nullopt;
}

std::optional<std::string> group_register::apply(const ev::group_changed& e) {
  auto it = groups_.find(e.group_id);
  if (it == groups_.end()) return "group_changed names an unknown group " + e.group_id;
  delegate_group& g = it->second;
  for (const auto& m : e.removed)
    if (!g.has_member(m)) return "group_changed: " + m + " is not a member of " + e.group_id;
  for (const auto& m : e.added)
    if (group_of(m) != nullptr && !contains(e.removed, m))
      return "group_changed: " + m + " is already in a group";
  for (const auto& m : e.removed) {
    std::erase(g.members, m);
    if (g.leader == m) g.leader.clear();
    if (g.deputy == m) g.deputy.clear();
  }
  for (const auto& m : e.added)
    if (!g.has_member(m)) g.members.push_back(m);
  return std::nullopt;
}

std::optional<std::string> group_register::apply(const ev::group_leaders_approved& e) {
  auto it = groups_.find(e.group_id);
  if (it == groups_.end()) return "group_leaders_approved names an unknown group " + e.group_id;
  delegate_group& g = it->second;
  if (!g.has_member(e.leader) || !g.has_member(e.deputy) || e.leader == e.deputy)
    return "group_leaders_approved: leader and deputy are two members of " + e.group_id;
  g.leader = e.leader;
  g.deputy = e.deputy;
  g.leaders_vote = e.vote_id;
  g.approval = e.approval;
  return std::nullopt;
}

std::optional<std::string> group_register::apply(const ev::activity_planned& e) {
  if (activities_.contains(e.activity_id)) return "activity_planned: " + e.activity_id + " exists";
  if (!e.group_id.empty() && !groups_.contains(e.group_id))
    return "activity_planned names an unknown group " + e.group_id;
  activity a;
  a.id = e.activity_id;
  a.kind = e.kind;
  a.group_id = e.group_id;
  a.title = e.title;
  a.date = e.date;
  a.place = e.place;
  a.invited = e.invited;
  a.by = e.by;
  a.planned_ms = static_cast<std::int64_t>(e.unix_ms);
  activities_.emplace(e.activity_id, std::move(a));
  return std::nullopt;
}

std::optional<std::string> group_register::apply(const ev::activity_checked_in& e,
                                                 std::uint64_t seq) {
  auto it = activities_.find(e.activity_id);
  if (it == activities_.end())
    return "activity_checked_in names an unknown activity " + e.activity_id;
  activity& a = it->second;
  if (a.held) return "activity_checked_in: " + e.activity_id + " was already held";
  if (!a.invites(e.person) || a.attendance.contains(e.person))
    return "activity_checked_in: " + e.person + " is not invited or already recorded";
  activity_attendance r;
  r.status = "present";
  r.signed_in = true;
  r.device_pk = e.device_pk.hex();
  r.signature = e.signature.hex();
  r.unix_ms = static_cast<std::int64_t>(e.unix_ms);
  r.seq = seq;
  a.attendance.emplace(e.person, std::move(r));
  return std::nullopt;
}

std::optional<std::string> group_register::apply(const ev::attendance_recorded& e,
                                                 std::uint64_t seq) {
  auto it = activities_.find(e.activity_id);
  if (it == activities_.end())
    return "attendance_recorded names an unknown activity " + e.activity_id;
  activity& a = it->second;
  if (!a.invites(e.person) || a.attendance.contains(e.person))
    return "attendance_recorded: " + e.person + " is not invited or already recorded";
  activity_attendance r;
  r.status = e.status;
  r.reason = e.reason;
  r.by = e.by;
  r.unix_ms = static_cast<std::int64_t>(e.unix_ms);
  r.seq = seq;
  a.attendance.emplace(e.person, std::move(r));
  return std::nullopt;
}

std::optional<std::string> group_register::apply(const ev::activity_held& e) {
  auto it = activities_.find(e.activity_id);
  if (it == activities_.end()) return "activity_held names an unknown activity " + e.activity_id;
  activity& a = it->second;
  if (a.held) return "activity_held: " + e.activity_id + " was already held";
  a.held = true;
  a.outcome = e.outcome;
  a.held_by = e.by;
  a.held_ms = static_cast<std::int64_t>(e.unix_ms);
  return std::nullopt;
}

void group_register::delegate_left(std::string_view person) {
  for (auto& [id, g] : groups_) {
    std::erase(g.members, std::string(person));
    if (g.leader == person) g.leader.clear();
    if (g.deputy == person) g.deputy.clear();
  }
}

std::string next_group_id(const group_register& r) { return first_free(r.groups(), "G"); }

std::string next_activity_id(const group_register& r) { return first_free(r.activities(), "A"); }

}  // namespace plenum::server::domain
