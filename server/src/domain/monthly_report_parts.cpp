#include "domain/monthly_report_parts.hpp"

#include <array>
#include <string_view>

#include "domain/contacts.hpp"
#include "domain/groups.hpp"

namespace plenum::server::domain::report_parts {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 5> activity_kinds{"group_activity", "research", "inspection",
                                                         "study", "committee_attendance"};

// Committee member 2–3 delegates, delegate 3–5 party members, member at least 3 residents.
constexpr std::size_t committee_min = 2, committee_max = 3;
constexpr std::size_t delegate_min = 3, delegate_max = 5;
constexpr std::size_t member_min = 3;

std::optional<civil_date> date_of(const std::string& text) { return civil_date::parse(text); }

bool dated_in(const std::string& text, const month_days& m) {
  const auto d = date_of(text);
  return d && m.in(*d);
}

bool dated_by_end(const std::string& text, const month_days& m) {
  const auto d = date_of(text);
  return d && *d <= m.to;
}

struct attendance_counts {
  std::uint64_t invited = 0, present_signed = 0, present_recorded = 0, excused = 0, absent = 0;

  void add(const activity& a) {
    for (const auto& person : a.invited) {
      ++invited;
      const auto it = a.attendance.find(person);
      if (it == a.attendance.end() || it->second.status == "absent")
        ++absent;
      else if (it->second.status == "excused")
        ++excused;
      else if (it->second.signed_in)
        ++present_signed;
      else
        ++present_recorded;
    }
  }
  void add_to(json::object& out) const {
    out["invited"] = invited;
    out["present"] = present_signed + present_recorded;
    out["present_signed"] = present_signed;
    out["present_recorded"] = present_recorded;
    out["excused"] = excused;
    out["absent"] = absent;
  }
};

// The opinion as it stood at the month's end: steps dated after it (and an extension recorded
// after it) not yet taken.
opinion as_at_end(const opinion& o, const month_days& m) {
  opinion at = o;
  if (!dated_by_end(at.routed_date, m)) at.routed_date.clear();
  if (at.extension_days != 0 && !m.time_by_end(at.extended_ms)) at.extension_days = 0;
  if (!dated_by_end(at.answered_date, m)) at.answered_date.clear();
  if (!dated_by_end(at.refused_date, m)) at.refused_date.clear();
  return at;
}

bool kept_at_end(const contact& c, const month_days& m) {
  return m.time_by_end(c.registered_ms) && !(c.removed && m.time_by_end(c.removed_ms));
}

std::size_t kept_under(const contact_book& book, std::string_view kind, const std::string& keeper,
                       const month_days& m) {
  std::size_t n = 0;
  for (const auto& [id, c] : book.contacts)
    n += c.kind == kind && c.keeper == keeper && kept_at_end(c, m);
  return n;
}

struct gap_counts {
  std::uint64_t below = 0, above = 0;
  void add(std::size_t count, std::size_t at_least, std::optional<std::size_t> at_most) {
    if (count < at_least) ++below;
    if (at_most && count > *at_most) ++above;
  }
  [[nodiscard]] json::object json() const { return {{"below", below}, {"above", above}}; }
};

}  // namespace

json::object activities_of(const congress_state& state, const month_days& m) {
  json::object by_kind;
  for (const auto kind : activity_kinds) by_kind[kind] = 0;
  attendance_counts total;
  json::array list;
  for (const auto& [id, a] : state.groups().activities()) {
    if (!a.held || !dated_in(a.date, m)) continue;
    attendance_counts one;
    one.add(a);
    total.add(a);
    if (auto* n = by_kind.if_contains(a.kind)) *n = n->to_number<std::uint64_t>() + 1;
    json::object item{{"id", id},
                      {"kind", a.kind},
                      {"group_id", a.group_id},
                      {"title", a.title},
                      {"date", a.date}};
    one.add_to(item);
    list.push_back(std::move(item));
  }
  json::object out{{"held", list.size()}, {"by_kind", std::move(by_kind)}};
  total.add_to(out);
  out["list"] = std::move(list);
  return out;
}

namespace {

bool met_by_end(const congress_state& state, const std::string& group_id, const month_days& m) {
  const civil_date new_year{m.to.year, 1, 1};
  for (const auto& [id, a] : state.groups().activities()) {
    if (!a.held || a.kind != "group_activity" || a.group_id != group_id) continue;
    const auto d = date_of(a.date);
    if (d && new_year <= *d && *d <= m.to) return true;
  }
  return false;
}

}  // namespace

json::object groups_of(const congress_state& state, const month_days& m) {
  std::uint64_t formed = 0, met = 0, meetings = 0;
  for (const auto& [id, g] : state.groups().groups()) {
    if (!m.time_by_end(g.formed_ms)) continue;
    ++formed;
    met += met_by_end(state, id, m);
  }
  for (const auto& [id, sit] : state.sittings())
    if (!sit.group_id.empty() && sit.state != sitting::status::scheduled && dated_in(sit.date, m))
      ++meetings;
  return {{"formed", formed}, {"met", met}, {"meetings", meetings}};
}

json::array groups_not_met(const congress_state& state, const month_days& m) {
  json::array out;
  for (const auto& [id, g] : state.groups().groups())
    if (m.time_by_end(g.formed_ms) && !met_by_end(state, id, m))
      out.push_back(json::object{{"group_id", id}, {"name", g.name}});
  return out;
}

json::object opinions_of(const congress_state& state, const month_days& m) {
  const auto& calendar = state.calendar();
  std::uint64_t logged = 0, routed_on_time = 0, routed_late = 0, answered_on_time = 0,
                answered_late = 0, extended = 0, refused = 0, refused_late = 0;
  json::array overdue;
  for (const auto& [id, o] : state.contacts().opinions) {
    if (!dated_by_end(o.date, m)) continue;
    if (dated_in(o.date, m)) ++logged;
    const opinion at = as_at_end(o, m);
    const opinion_deadlines d = deadlines_of(at, calendar, m.to);
    if (dated_in(at.routed_date, m)) ++(d.routed_on_time ? routed_on_time : routed_late);
    if (at.extension_days != 0 && m.time_in(at.extended_ms)) ++extended;
    if (dated_in(at.answered_date, m))
      ++(d.closed_on_time.value_or(false) ? answered_on_time : answered_late);
    if (dated_in(at.refused_date, m)) ++(d.closed_on_time.value_or(false) ? refused : refused_late);
    if (!d.overdue) continue;
    const bool routed = at.routed();
    overdue.push_back(json::object{{"id", id},
                                   {"category", o.category},
                                   {"department", routed ? at.department : std::string()},
                                   {"waiting", routed ? "answer" : "route"},
                                   {"due", (routed ? *d.answer_due : d.route_due).text()},
                                   {"working_days_overdue", d.working_days_overdue}});
  }
  return {{"logged", logged},
          {"routed_on_time", routed_on_time},
          {"routed_late", routed_late},
          {"answered_on_time", answered_on_time},
          {"answered_late", answered_late},
          {"extended", extended},
          {"refused", refused + refused_late},
          {"refused_late", refused_late},
          {"overdue", overdue.size()},
          {"overdue_list", std::move(overdue)}};
}

json::object contacts_of(const congress_state& state, const month_days& m) {
  const auto& book = state.contacts();
  std::uint64_t registered_members = 0, registered_residents = 0, removed = 0;
  std::uint64_t kept_members = 0, kept_residents = 0;
  gap_counts members;
  for (const auto& [id, c] : book.contacts) {
    const bool member = c.kind == "member";
    if (m.time_in(c.registered_ms)) ++(member ? registered_members : registered_residents);
    if (c.removed && m.time_in(c.removed_ms)) ++removed;
    if (!kept_at_end(c, m)) continue;
    ++(member ? kept_members : kept_residents);
    if (member) members.add(kept_under(book, "resident", id, m), member_min, std::nullopt);
  }
  gap_counts committee;
  gap_counts delegates;
  for (const auto& p : state.persons()) {
    if (p.committee_member) {
      std::size_t count = 0;
      if (auto it = book.committee_history.find(p.number); it != book.committee_history.end())
        for (const auto& list : it->second)
          if (m.time_by_end(list.unix_ms)) count = list.delegates.size();
      committee.add(count, committee_min, committee_max);
    }
    if (state.is_delegate(p.number))
      delegates.add(kept_under(book, "member", p.number, m), delegate_min, delegate_max);
  }
  return {{"registered",
           json::object{{"members", registered_members}, {"residents", registered_residents}}},
          {"removed", removed},
          {"kept", json::object{{"members", kept_members}, {"residents", kept_residents}}},
          {"gaps", json::object{{"committee", committee.json()},
                                {"delegates", delegates.json()},
                                {"members", members.json()}}}};
}

}  // namespace plenum::server::domain::report_parts
