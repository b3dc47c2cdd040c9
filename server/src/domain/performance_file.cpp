#include "domain/performance_file.hpp"

#include <algorithm>
#include <vector>

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
    if (s.state != sitting::status::scheduled) held.push_back(&s);
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

  json::object congress{{"id", ""}, {"name", ""}};
  if (state.congress()) congress = {{"id", state.congress()->id}, {"name", state.congress()->name}};
  return {{"congress", std::move(congress)},
          {"as_of", today.text()},
          {"person", std::move(who)},
          {"sittings", std::move(sittings)},
          {"sittings_attended", attended},
          {"sittings_held", held.size()},
          {"activities", json::array{}},
          {"activities_attended", 0},
          {"proposals", std::move(proposals)},
          {"proposals_submitted", submitted},
          {"proposals_co_signed", co_signed},
          {"contacts", json::object{{"members", 0}, {"residents", 0}}},
          {"opinions", json::object{{"logged", 0}, {"reported_back", 0}}}};
}

}  // namespace plenum::server::domain
