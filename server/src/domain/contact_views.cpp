#include "domain/contact_views.hpp"

#include <boost/json/array.hpp>

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

// Committee member 2–3 delegates, delegate 3–5 party members, member at least 3 residents.
constexpr std::size_t committee_min = 2, committee_max = 3;
constexpr std::size_t delegate_min = 3, delegate_max = 5;
constexpr std::size_t member_min = 3;

std::string name_of(const congress_state& state, const std::string& number) {
  const person* p = state.find_person(number);
  return p != nullptr ? p->name : std::string();
}

void add_details(json::object& out, const std::string& key, const std::string& digest,
                 const details_lookup& details) {
  if (digest.empty() || !details) return;
  if (auto found = details(digest)) out[key] = std::move(*found);
}

json::object member_json(const contact_book& book, const contact& m,
                         const details_lookup& details) {
  json::array residents;
  for (const auto& [id, r] : book.contacts) {
    if (r.removed || r.kind != "resident" || r.keeper != m.id) continue;
    json::object one{{"contact_id", r.id}, {"kind", r.kind}, {"keeper", r.keeper}};
    add_details(one, "details", r.details_digest, details);
    residents.push_back(std::move(one));
  }
  json::object out{{"contact_id", m.id},
                   {"kind", m.kind},
                   {"keeper", m.keeper},
                   {"count", residents.size()},
                   {"gap", contact_gap(residents.size(), member_min, std::nullopt)}};
  add_details(out, "details", m.details_digest, details);
  out["residents"] = std::move(residents);
  return out;
}

json::object delegate_json(const congress_state& state, const std::string& number,
                           const details_lookup& details) {
  const auto& book = state.contacts();
  json::array members;
  for (const auto& [id, m] : book.contacts)
    if (!m.removed && m.kind == "member" && m.keeper == number)
      members.push_back(member_json(book, m, details));
  return {{"person", number},
          {"name", name_of(state, number)},
          {"count", members.size()},
          {"gap", contact_gap(members.size(), delegate_min, delegate_max)},
          {"members", std::move(members)}};
}

std::string text_or_empty(const std::optional<civil_date>& d) { return d ? d->text() : ""; }

}  // namespace

std::string contact_gap(std::size_t count, std::size_t at_least,
                        std::optional<std::size_t> at_most) {
  if (count < at_least) return "below";
  if (at_most && count > *at_most) return "above";
  return "ok";
}

json::object contacts_view(const congress_state& state, const std::string& viewer, bool office,
                           const details_lookup& details) {
  const auto& book = state.contacts();
  json::array committee;
  for (const auto& p : state.persons()) {
    if (!p.committee_member) continue;
    std::vector<std::string> delegates;
    if (auto it = book.committee.find(p.number); it != book.committee.end()) delegates = it->second;
    json::array list;
    for (const auto& d : delegates) list.push_back(json::string(d));
    committee.push_back(
        json::object{{"member", p.number},
                     {"name", p.name},
                     {"delegates", std::move(list)},
                     {"count", delegates.size()},
                     {"gap", contact_gap(delegates.size(), committee_min, committee_max)}});
  }
  json::array delegates;
  for (const auto& p : state.persons()) {
    if (!p.roles.has(role::delegate)) continue;
    if (!office && p.number != viewer) continue;
    delegates.push_back(delegate_json(state, p.number, details));
  }
  return {{"bounds", json::object{{"committee", json::array{committee_min, committee_max}},
                                  {"delegate", json::array{delegate_min, delegate_max}},
                                  {"member", json::array{member_min, nullptr}}}},
          {"committee", std::move(committee)},
          {"delegates", std::move(delegates)}};
}

json::array opinions_view(const congress_state& state, const std::string& viewer, bool office,
                          const civil_date& today, const details_lookup& details) {
  json::array out;
  for (const auto& [id, o] : state.contacts().opinions) {
    if (!office && o.by != viewer) continue;
    const auto due = deadlines_of(o, state.calendar(), today);
    std::string status = "logged";
    if (!o.answered_date.empty())
      status = "answered";
    else if (!o.refused_date.empty())
      status = "refused";
    else if (o.routed())
      status = "routed";
    json::object one{{"opinion_id", o.id},
                     {"contact_id", o.contact_id},
                     {"by", o.by},
                     {"by_name", name_of(state, o.by)},
                     {"date", o.date},
                     {"category", o.category},
                     {"status", status},
                     {"route_due", due.route_due.text()},
                     {"routed_date", o.routed_date},
                     {"routed_on_time", due.routed_on_time},
                     {"department", o.department},
                     {"answer_due", text_or_empty(due.answer_due)},
                     {"refuse_due", text_or_empty(due.refuse_due)},
                     {"answered_date", o.answered_date},
                     {"refused_date", o.refused_date},
                     {"refusal_reason", o.refusal_reason},
                     {"reported_back_date", o.reported_back_date},
                     {"overdue", due.overdue},
                     {"working_days_overdue", due.working_days_overdue}};
    if (due.closed_on_time) one["closed_on_time"] = *due.closed_on_time;
    if (o.extension_days > 0)
      one["extension"] =
          json::object{{"working_days", o.extension_days}, {"reason", o.extension_reason}};
    add_details(one, "details", o.details_digest, details);
    add_details(one, "answer_details", o.answer_digest, details);
    out.push_back(std::move(one));
  }
  return out;
}

}  // namespace plenum::server::domain
