#include "domain/performance_file.hpp"

#include <algorithm>
#include <vector>

#include "domain/contacts.hpp"
#include "domain/groups.hpp"
#include "domain/proposal_views.hpp"

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

std::string_view attendance(const sitting& s, std::string_view person) {
  const std::string key(person);
  if (s.excused.contains(key)) return "excused";
  if (s.present.contains(key)) return "present";
  return "absent";
}

// Whether `person` was called to `s`: every sitting of the whole congress, and a group's own
// sitting when they sit in it or took part in it (present or excused) before leaving the group.
bool called_to(const congress_state& state, const sitting& s, std::string_view person) {
  if (s.group_id.empty()) return true;
  const std::string key(person);
  return state.sits_in(s, person) || s.present.contains(key) || s.excused.contains(key);
}

// The activities held that invited `person`, by date, with how they attended.
json::array activities_of(const congress_state& state, std::string_view person,
                          std::uint64_t& attended, std::uint64_t& signed_in) {
  std::vector<const activity*> held;
  for (const auto& [id, a] : state.groups().activities())
    if (a.held && a.invites(person)) held.push_back(&a);
  std::stable_sort(held.begin(), held.end(),
                   [](const activity* a, const activity* b) { return a->date < b->date; });
  json::array out;
  for (const activity* a : held) {
    std::string status = "absent";
    std::string how;
    if (auto it = a->attendance.find(std::string(person)); it != a->attendance.end()) {
      status = it->second.status;
      if (status == "present") how = it->second.signed_in ? "signed" : "recorded";
    }
    if (status == "present") ++attended;
    if (how == "signed") ++signed_in;
    out.push_back(json::object{{"id", a->id},
                               {"kind", a->kind},
                               {"group_id", a->group_id},
                               {"title", a->title},
                               {"date", a->date},
                               {"attendance", status},
                               {"check_in", how}});
  }
  return out;
}

// The groups `person` belongs to, with their post: leader (组长), deputy (副组长) or member.
json::array groups_of(const congress_state& state, std::string_view person) {
  json::array out;
  for (const auto& [id, g] : state.groups().groups()) {
    if (!g.has_member(person)) continue;
    const std::string post = g.leader == person   ? "leader"
                             : g.deputy == person ? "deputy"
                                                  : "member";
    out.push_back(json::object{{"group_id", id}, {"name", g.name}, {"post", post}});
  }
  return out;
}

// The party members `person` keeps and the residents those members keep (counts only).
json::object contacts_of(const congress_state& state, std::string_view person) {
  const auto& book = state.contacts();
  std::uint64_t members = 0, residents = 0;
  for (const auto& [id, c] : book.contacts) {
    if (c.removed || c.kind != "member" || c.keeper != person) continue;
    ++members;
    residents += book.residents_of(id);
  }
  return {{"members", members}, {"residents", residents}};
}

// The opinions `person` logged and how far each got on `today`.
json::object opinions_of(const congress_state& state, std::string_view person,
                         const civil_date& today) {
  std::uint64_t logged = 0, routed = 0, answered = 0, refused = 0, reported_back = 0, overdue = 0;
  for (const auto& [id, o] : state.contacts().opinions) {
    if (o.by != person) continue;
    ++logged;
    routed += o.routed();
    answered += !o.answered_date.empty();
    refused += !o.refused_date.empty();
    reported_back += !o.reported_back_date.empty();
    overdue += deadlines_of(o, state.calendar(), today).overdue;
  }
  return {{"logged", logged},   {"routed", routed},   {"answered", answered},
          {"refused", refused}, {"overdue", overdue}, {"reported_back", reported_back}};
}

}  // namespace

json::object performance_file(const congress_state& state, std::string_view person,
                              const civil_date& today) {
  const domain::person* p = state.find_person(person);
  json::object who{{"number", std::string(person)},
                   {"name", p != nullptr ? p->name : std::string()},
                   {"unit", p != nullptr ? p->unit : std::string()},
                   {"group", p != nullptr ? p->group : std::string()},
                   {"delegate", state.is_delegate(person)}};

  std::vector<const sitting*> held;
  for (const auto& [id, s] : state.sittings())
    if (s.state != sitting::status::scheduled && called_to(state, s, person)) held.push_back(&s);
  std::stable_sort(held.begin(), held.end(),
                   [](const sitting* a, const sitting* b) { return a->date < b->date; });
  json::array sittings;
  std::uint64_t attended = 0;
  for (const sitting* s : held) {
    const auto a = attendance(*s, person);
    if (a == "present") ++attended;
    sittings.push_back(json::object{
        {"id", s->id},
        {"title", s->title},
        {"date", s->date},
        {"kind", s->kind == sitting::meeting::extraordinary ? "extraordinary" : "annual"},
        {"attendance", a}});
  }

  json::array proposals;
  std::uint64_t submitted = 0;
  std::uint64_t co_signed = 0;
  for (const auto& [id, pr] : state.proposals()) {
    const bool own = pr.by == person;
    const bool co =
        std::find(pr.co_signers.begin(), pr.co_signers.end(), person) != pr.co_signers.end();
    if (!own && !co) continue;
    ++(own ? submitted : co_signed);
    const json::object view = proposal_json(state, pr, today);
    std::string rating;
    for (const auto& a : view.at("answers").as_array())
      if (!a.at("rating").as_string().empty()) rating = a.at("rating").as_string();
    proposals.push_back(json::object{{"id", id},
                                     {"title", pr.title},
                                     {"role", own ? "proposer" : "co_signer"},
                                     {"status", view.at("status")},
                                     {"unit", view.at("unit")},
                                     {"answers", view.at("answers").as_array().size()},
                                     {"rating", rating}});
  }

  std::uint64_t activities_attended = 0;
  std::uint64_t activities_signed = 0;
  json::array activities = activities_of(state, person, activities_attended, activities_signed);

  json::object congress{{"id", ""}, {"name", ""}};
  if (state.congress()) congress = {{"id", state.congress()->id}, {"name", state.congress()->name}};
  return {{"congress", std::move(congress)},
          {"as_of", today.text()},
          {"person", std::move(who)},
          {"sittings", std::move(sittings)},
          {"sittings_attended", attended},
          {"sittings_held", held.size()},
          {"activities_held", activities.size()},
          {"activities", std::move(activities)},
          {"activities_attended", activities_attended},
          {"activities_signed", activities_signed},
          {"activities_recorded", activities_attended - activities_signed},
          {"groups", groups_of(state, person)},
          {"proposals", std::move(proposals)},
          {"proposals_submitted", submitted},
          {"proposals_co_signed", co_signed},
          {"contacts", contacts_of(state, person)},
          {"opinions", opinions_of(state, person, today)}};
}

}  // namespace plenum::server::domain
