#include "domain/group_views.hpp"

#include <boost/json/array.hpp>

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

std::string name_of(const congress_state& state, std::string_view number) {
  const person* p = state.find_person(number);
  return p != nullptr ? p->name : std::string();
}

json::array group_sittings(const congress_state& state, const std::string& group_id) {
  json::array out;
  for (const auto& [id, s] : state.sittings())
    if (s.group_id == group_id) out.emplace_back(id);
  return out;
}

json::object attendance_json(const congress_state& state, const std::string& number,
                             const activity_attendance& a) {
  return {{"person", number},
          {"name", name_of(state, number)},
          {"status", a.status},
          {"signed_in", a.signed_in},
          {"reason", a.reason}};
}

}  // namespace

json::object groups_view(const congress_state& state, const protocol::civil_date& today) {
  const int year = today.year;
  json::array groups;
  for (const auto& [id, g] : state.groups().groups()) {
    json::array members;
    for (const auto& m : g.members)
      members.push_back(json::object{{"number", m}, {"name", name_of(state, m)}});
    const std::size_t held = state.groups().meetings_in(id, year);
    groups.push_back(json::object{{"group_id", id},
                                  {"name", g.name},
                                  {"basis", g.basis},
                                  {"members", std::move(members)},
                                  {"leader", g.leader},
                                  {"deputy", g.deputy},
                                  {"leader_name", name_of(state, g.leader)},
                                  {"deputy_name", name_of(state, g.deputy)},
                                  {"leaders_vote", g.leaders_vote},
                                  {"approval", g.approval},
                                  {"sittings", group_sittings(state, id)},
                                  {"held_this_year", held},
                                  {"met_this_year", held > 0}});
  }
  json::array ungrouped;
  for (const auto& p : state.persons())
    if (p.roles.has(role::delegate) && state.groups().group_of(p.number) == nullptr)
      ungrouped.emplace_back(p.number);
  return {{"today", today.text()},
          {"year", year},
          {"groups", std::move(groups)},
          {"ungrouped", std::move(ungrouped)}};
}

json::object activities_view(const congress_state& state, std::string_view person) {
  json::array out;
  for (const auto& [id, a] : state.groups().activities()) {
    std::uint64_t present = 0, absent = 0, excused = 0;
    json::array attendance;
    for (const auto& [number, rec] : a.attendance) {
      if (rec.status == "present") ++present;
      if (rec.status == "absent") ++absent;
      if (rec.status == "excused") ++excused;
      if (person.empty() || number == person)
        attendance.push_back(attendance_json(state, number, rec));
    }
    json::array invited;
    for (const auto& n : a.invited) invited.emplace_back(n);
    json::object o{{"activity_id", id},
                   {"kind", a.kind},
                   {"group_id", a.group_id},
                   {"title", a.title},
                   {"date", a.date},
                   {"place", a.place},
                   {"held", a.held},
                   {"outcome", a.outcome},
                   {"invited", std::move(invited)},
                   {"counts", json::object{{"invited", a.invited.size()},
                                           {"present", present},
                                           {"absent", absent},
                                           {"excused", excused},
                                           {"unrecorded", a.invited.size() - a.attendance.size()}}},
                   {"attendance", std::move(attendance)}};
    if (!person.empty()) {
      auto mine = a.attendance.find(std::string(person));
      o["invited_me"] = a.invites(person);
      o["my_status"] = mine == a.attendance.end() ? std::string() : mine->second.status;
    }
    out.push_back(std::move(o));
  }
  return {{"activities", std::move(out)}};
}

}  // namespace plenum::server::domain
