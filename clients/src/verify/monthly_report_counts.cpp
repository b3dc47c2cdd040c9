// The verifier's reading of the monthly report's work between meetings (format 2): activities
// and attendance, groups that have not met this year, opinions and their working-day deadlines,
// three-level contact and its gaps — counted from the ledger the events filled.
#include <boost/json/array.hpp>

#include "model.hpp"
#include "monthly_report.hpp"

namespace plenum::clients::verify::detail {

namespace json = boost::json;
using protocol::civil_date;

namespace {

struct day_range {
  civil_date from;
  civil_date to;

  [[nodiscard]] bool holds(const std::string& date) const {
    const auto d = civil_date::parse(date);
    return d && from <= *d && *d <= to;
  }
  [[nodiscard]] bool reached(const std::string& date) const {
    const auto d = civil_date::parse(date);
    return d && *d <= to;
  }
  [[nodiscard]] bool holds_time(std::uint64_t ms) const {
    const auto d = civil_date::of_unix_ms(static_cast<std::int64_t>(ms));
    return from <= d && d <= to;
  }
  [[nodiscard]] bool reached_time(std::uint64_t ms) const {
    return civil_date::of_unix_ms(static_cast<std::int64_t>(ms)) <= to;
  }
};

// Attendance tallies: invited, present_signed, present_recorded, excused, absent.
using tally = std::map<std::string, std::uint64_t>;

void count_attendance(const report_ledger::activity_facts& a, tally& t) {
  for (const auto& person : a.invited) {
    ++t["invited"];
    auto it = a.attendance.find(person);
    ++t[it == a.attendance.end() ? std::string("absent") : it->second];
  }
}

void put_attendance(json::object& out, tally& t) {
  out["invited"] = t["invited"];
  out["present"] = t["present_signed"] + t["present_recorded"];
  out["present_signed"] = t["present_signed"];
  out["present_recorded"] = t["present_recorded"];
  out["excused"] = t["excused"];
  out["absent"] = t["absent"];
}

json::object activities_part(const report_ledger& l, const day_range& r) {
  json::object by_kind{{"group_activity", 0},
                       {"research", 0},
                       {"inspection", 0},
                       {"study", 0},
                       {"committee_attendance", 0}};
  tally total;
  json::array list;
  for (const auto& [id, a] : l.activities) {
    if (!a.held || !r.holds(a.date)) continue;
    tally one;
    count_attendance(a, one);
    count_attendance(a, total);
    if (auto* n = by_kind.if_contains(a.kind)) *n = n->to_number<std::uint64_t>() + 1;
    json::object entry{{"id", id},
                       {"kind", a.kind},
                       {"group_id", a.group_id},
                       {"title", a.title},
                       {"date", a.date}};
    put_attendance(entry, one);
    list.push_back(std::move(entry));
  }
  json::object out{{"held", list.size()}, {"by_kind", std::move(by_kind)}};
  put_attendance(out, total);
  out["list"] = std::move(list);
  return out;
}

// Whether the group held a group activity from New Year's Day of the month's year to its end.
bool group_met(const report_ledger& l, const std::string& group_id, const day_range& r) {
  const day_range year{civil_date{r.to.year, 1, 1}, r.to};
  for (const auto& [id, a] : l.activities)
    if (a.held && a.kind == "group_activity" && a.group_id == group_id && year.holds(a.date))
      return true;
  return false;
}

// The opinion's deadlines, as protocol/working_calendar.hpp counts them.
struct opinion_clock {
  const protocol::working_calendar& calendar;

  [[nodiscard]] civil_date after(const std::string& date, std::uint64_t days) const {
    return calendar.add_working_days(*civil_date::parse(date), static_cast<std::uint32_t>(days));
  }
};

json::object opinions_part(const report_ledger& l, const day_range& r) {
  const opinion_clock clock{l.calendar};
  tally n;
  json::array overdue;
  for (const auto& [id, o] : l.opinions) {
    if (!r.reached(o.date)) continue;
    if (r.holds(o.date)) ++n["logged"];
    const civil_date route_due = clock.after(o.date, 5);
    const bool routed = r.reached(o.routed);
    if (r.holds(o.routed))
      ++n[*civil_date::parse(o.routed) <= route_due ? "routed_on_time" : "routed_late"];
    const bool extended = o.extension_days > 0 && r.reached_time(o.extended_ms);
    if (o.extension_days > 0 && r.holds_time(o.extended_ms)) ++n["extended"];
    std::optional<civil_date> answer_due;
    if (routed) answer_due = clock.after(o.routed, 30 + (extended ? o.extension_days : 0));
    // An answer or refusal with no routing before it is a forged record (the opinions check
    // fails it); here it counts as late rather than on time.
    if (r.holds(o.answered))
      ++n[answer_due && *civil_date::parse(o.answered) <= *answer_due ? "answered_on_time"
                                                                      : "answered_late"];
    if (r.holds(o.refused)) {
      ++n["refused"];
      if (!routed || clock.after(o.routed, 5) < *civil_date::parse(o.refused)) ++n["refused_late"];
    }
    if (r.reached(o.answered) || r.reached(o.refused)) continue;
    const civil_date due = routed ? *answer_due : route_due;
    if (!(due < r.to)) continue;
    overdue.push_back(
        json::object{{"id", id},
                     {"category", o.category},
                     {"department", routed ? o.department : std::string()},
                     {"waiting", routed ? "answer" : "route"},
                     {"due", due.text()},
                     {"working_days_overdue", l.calendar.working_days_between(due, r.to)}});
  }
  return {{"logged", n["logged"]},
          {"routed_on_time", n["routed_on_time"]},
          {"routed_late", n["routed_late"]},
          {"answered_on_time", n["answered_on_time"]},
          {"answered_late", n["answered_late"]},
          {"extended", n["extended"]},
          {"refused", n["refused"]},
          {"refused_late", n["refused_late"]},
          {"overdue", overdue.size()},
          {"overdue_list", std::move(overdue)}};
}

bool kept(const report_ledger::contact_facts& c, const day_range& r) {
  return r.reached_time(c.registered_ms) && !(c.removed_ms && r.reached_time(*c.removed_ms));
}

// Gaps: how many fall below `low`, and above `high` (0 for none).
struct gaps {
  std::uint64_t below = 0;
  std::uint64_t above = 0;
  void judge(std::size_t count, std::size_t low, std::size_t high) {
    below += count < low;
    above += high != 0 && count > high;
  }
  [[nodiscard]] json::object json() const { return {{"below", below}, {"above", above}}; }
};

json::object contacts_part(const report_ledger& l, const congress_model& model,
                           const day_range& r) {
  tally n;
  std::map<std::string, std::size_t> members_of_delegate;
  std::map<std::string, std::size_t> residents_of_member;
  for (const auto& [id, c] : l.contacts) {
    if (r.holds_time(c.registered_ms)) ++n[c.kind == "member" ? "new_members" : "new_residents"];
    if (c.removed_ms && r.holds_time(*c.removed_ms)) ++n["removed"];
    if (!kept(c, r)) continue;
    if (c.kind == "member") {
      ++n["members"];
      ++members_of_delegate[c.keeper];
      residents_of_member.try_emplace(id, 0);
    } else {
      ++n["residents"];
      ++residents_of_member[c.keeper];
    }
  }
  gaps member_gaps;
  for (const auto& [id, c] : l.contacts)
    if (c.kind == "member" && kept(c, r)) member_gaps.judge(residents_of_member[id], 3, 0);
  gaps delegate_gaps;
  for (const auto& [person, roles] : model.roles)
    if (roles.contains("delegate")) delegate_gaps.judge(members_of_delegate[person], 3, 5);
  gaps committee_gaps;
  for (const auto& member : l.committee_members) {
    std::size_t count = 0;
    if (auto it = l.committee_lists.find(member); it != l.committee_lists.end())
      for (const auto& [ms, size] : it->second)
        if (r.reached_time(ms)) count = size;
    committee_gaps.judge(count, 2, 3);
  }
  return {{"registered",
           json::object{{"members", n["new_members"]}, {"residents", n["new_residents"]}}},
          {"removed", n["removed"]},
          {"kept", json::object{{"members", n["members"]}, {"residents", n["residents"]}}},
          {"gaps", json::object{{"committee", committee_gaps.json()},
                                {"delegates", delegate_gaps.json()},
                                {"members", member_gaps.json()}}}};
}

}  // namespace

json::object between_meetings_parts(const report_ledger& l, const congress_model& model,
                                    const report_days& days) {
  const day_range r{days.from, days.to};
  std::uint64_t formed = 0;
  std::uint64_t met = 0;
  std::uint64_t meetings = 0;
  json::array not_met;
  for (const auto& [id, g] : l.groups) {
    if (!r.reached_time(g.formed_ms)) continue;
    ++formed;
    if (group_met(l, id, r))
      ++met;
    else
      not_met.push_back(json::object{{"group_id", id}, {"name", g.name}});
  }
  for (const auto& [id, sit] : l.sittings)
    if (!sit.group_id.empty() && sit.opened && r.holds(sit.date)) ++meetings;
  return {{"activities", activities_part(l, r)},
          {"groups", json::object{{"formed", formed}, {"met", met}, {"meetings", meetings}}},
          {"groups_not_met", std::move(not_met)},
          {"opinions", opinions_part(l, r)},
          {"contacts", contacts_part(l, model, r)}};
}

}  // namespace plenum::clients::verify::detail
