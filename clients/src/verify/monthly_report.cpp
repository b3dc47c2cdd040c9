#include "monthly_report.hpp"

#include <algorithm>
#include <cstdio>
#include <variant>

#include "model.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/protocol/canonical_json.hpp"

namespace plenum::clients::verify::detail {

namespace ev = protocol::events;
namespace json = boost::json;
using protocol::civil_date;

namespace {

// The ledger's reading of each event it counts; the rest pass by.
struct noter {
  report_ledger& l;

  void operator()(const ev::congress_created& p) const {
    l.congress_id = p.congress_id;
    l.congress_name = p.name;
  }
  void operator()(const ev::calendar_set& p) const {
    protocol::year_calendar year;
    for (const auto& d : p.holidays)
      if (auto c = civil_date::parse(d)) year.holidays.insert(*c);
    for (const auto& d : p.workdays)
      if (auto c = civil_date::parse(d)) year.workdays.insert(*c);
    l.calendar.set_year(static_cast<int>(p.year), std::move(year));
  }
  void operator()(const ev::sitting_created& p) const {
    auto& s = l.sittings[p.sitting_id];
    s.title = p.title;
    s.date = p.date;
    s.kind = p.kind.value_or("annual");
    s.group_id = p.group_id.value_or("");
  }
  void operator()(const ev::sitting_opened& p) const { l.sittings[p.sitting_id].opened = true; }
  void operator()(const ev::checked_in& p) const {
    l.sittings[p.sitting_id].checked_in.insert(p.person);
  }
  void operator()(const ev::delegate_excused& p) const {
    l.sittings[p.sitting_id].excused.insert(p.person);
  }
  void operator()(const ev::excusal_withdrawn& p) const {
    l.sittings[p.sitting_id].excused.erase(p.person);
  }
  void operator()(const ev::vote_created& p) const { l.vote_sitting[p.vote_id] = p.sitting_id; }
  void operator()(const ev::proposal_submitted& p) const {
    auto& pr = l.proposals[p.proposal_id];
    pr.title = p.title;
    pr.submitted_ms = p.unix_ms;
  }
  void operator()(const ev::proposal_accepted& p) const {
    auto& pr = l.proposals[p.proposal_id];
    pr.review = "accepted";
    pr.reviewed_ms = p.unix_ms;
    pr.unit = p.unit;
    pr.deadlines = {p.deadline};
  }
  void operator()(const ev::proposal_merged& p) const {
    auto& pr = l.proposals[p.proposal_id];
    pr.review = "merged";
    pr.reviewed_ms = p.unix_ms;
  }
  void operator()(const ev::proposal_converted& p) const {
    auto& pr = l.proposals[p.proposal_id];
    pr.review = "converted";
    pr.reviewed_ms = p.unix_ms;
  }
  void operator()(const ev::proposal_answered& p) const {
    l.proposals[p.proposal_id].answers.push_back({p.unix_ms, "", 0});
  }
  void operator()(const ev::proposal_rated& p) const {
    auto& pr = l.proposals[p.proposal_id];
    if (pr.answers.size() < p.round) return;  // the proposals check reports it
    pr.answers[p.round - 1].rating = p.rating;
    pr.answers[p.round - 1].rated_ms = p.unix_ms;
    if (!p.deadline.empty()) pr.deadlines.push_back(p.deadline);
  }
  void operator()(const ev::resolution_adopted& p) const {
    l.resolution_sitting[p.resolution_id] = p.sitting_id;
  }
  void operator()(const ev::rectification_opened& p) const {
    l.rectification_vote[p.rectification_id] = p.vote_id;
  }
  void operator()(const ev::implementation_reported& p) const {
    l.reports[{p.subject, p.subject_id}].push_back({p.date, p.status});
  }
  void operator()(const ev::monthly_report_issued& p) const { l.issued_months.insert(p.month); }

  void operator()(const ev::roster_imported& p) const {
    l.committee_members.clear();
    for (const auto& person : p.persons)
      if (person.committee_member) l.committee_members.insert(person.number);
  }
  void operator()(const ev::delegate_added& p) const {
    if (p.person.committee_member) l.committee_members.insert(p.person.number);
  }
  void operator()(const ev::group_formed& p) const {
    l.groups.try_emplace(p.group_id, report_ledger::group_facts{p.name, p.unix_ms});
  }
  void operator()(const ev::activity_planned& p) const {
    auto& a = l.activities[p.activity_id];
    a.kind = p.kind;
    a.group_id = p.group_id;
    a.title = p.title;
    a.date = p.date;
    a.invited = p.invited;
  }
  void operator()(const ev::activity_checked_in& p) const {
    l.activities[p.activity_id].attendance.try_emplace(p.person, "present_signed");
  }
  void operator()(const ev::attendance_recorded& p) const {
    l.activities[p.activity_id].attendance.try_emplace(
        p.person, p.status == "present" ? "present_recorded" : p.status);
  }
  void operator()(const ev::activity_held& p) const { l.activities[p.activity_id].held = true; }
  void operator()(const ev::contact_registered& p) const {
    l.contacts.try_emplace(p.contact_id,
                           report_ledger::contact_facts{p.kind, p.keeper, p.unix_ms, std::nullopt});
  }
  void operator()(const ev::contact_removed& p) const {
    auto it = l.contacts.find(p.contact_id);
    if (it != l.contacts.end() && !it->second.removed_ms) it->second.removed_ms = p.unix_ms;
  }
  void operator()(const ev::committee_contacts_set& p) const {
    l.committee_lists[p.member].emplace_back(p.unix_ms, p.delegates.size());
  }
  void operator()(const ev::opinion_logged& p) const {
    auto& o = l.opinions[p.opinion_id];
    o.date = p.date;
    o.category = p.category;
  }
  void operator()(const ev::opinion_routed& p) const {
    auto& o = l.opinions[p.opinion_id];
    o.department = p.department;
    o.routed = p.date;
  }
  void operator()(const ev::opinion_extended& p) const {
    auto& o = l.opinions[p.opinion_id];
    o.extension_days = p.working_days;
    o.extended_ms = p.unix_ms;
  }
  void operator()(const ev::opinion_answered& p) const {
    l.opinions[p.opinion_id].answered = p.date;
  }
  void operator()(const ev::opinion_refused& p) const { l.opinions[p.opinion_id].refused = p.date; }
  template <typename Other>
  void operator()(const Other&) const {}
};

struct month_span {
  civil_date from;
  civil_date to;
  [[nodiscard]] bool in(std::uint64_t ms) const {
    const auto d = civil_date::of_unix_ms(static_cast<std::int64_t>(ms));
    return from <= d && d <= to;
  }
  [[nodiscard]] bool by_end(std::uint64_t ms) const {
    return civil_date::of_unix_ms(static_cast<std::int64_t>(ms)) <= to;
  }
  [[nodiscard]] bool date_by_end(const std::string& text) const {
    auto d = civil_date::parse(text);
    return d && *d <= to;
  }
};

std::optional<month_span> span_of(const std::string& month) {
  auto first = civil_date::parse(month + "-01");
  if (month.size() != 7 || !first) return std::nullopt;
  civil_date last = first->plus_months(1).plus_days(-1);
  return month_span{*first, last};
}

bool is_delegate(const congress_model& model, const std::string& person) {
  auto it = model.roles.find(person);
  return it != model.roles.end() && it->second.contains("delegate");
}

// The congress's sittings held in the month; with `congress_only` (format 2 on) a group's own
// sitting is left out, as it is counted among the groups' meetings.
json::object sittings_part(const report_ledger& l, const congress_model& model, const month_span& s,
                           bool congress_only) {
  json::array list;
  std::uint64_t present_total = 0;
  std::uint64_t excused_total = 0;
  for (const auto& [id, sit] : l.sittings) {
    const auto date = civil_date::parse(sit.date);
    if (!sit.opened || !date || *date < s.from || s.to < *date) continue;
    if (congress_only && !sit.group_id.empty()) continue;
    std::uint64_t present = 0;
    for (const auto& person : sit.checked_in)
      if (is_delegate(model, person) && !sit.excused.contains(person)) ++present;
    present_total += present;
    excused_total += sit.excused.size();
    list.push_back(json::object{{"id", id},
                                {"title", sit.title},
                                {"date", sit.date},
                                {"kind", sit.kind},
                                {"present", present},
                                {"excused", sit.excused.size()}});
  }
  return {{"held", list.size()},
          {"present", present_total},
          {"excused", excused_total},
          {"list", std::move(list)}};
}

json::object proposals_part(const report_ledger& l, const month_span& s) {
  std::map<std::string, std::uint64_t> n;
  json::array overdue;
  for (const auto& [id, pr] : l.proposals) {
    if (s.in(pr.submitted_ms)) ++n["received"];
    if (!pr.review.empty() && s.in(pr.reviewed_ms)) ++n[pr.review];
    for (const auto& a : pr.answers) {
      if (s.in(a.answered_ms)) ++n["answered"];
      if (!a.rating.empty() && s.in(a.rated_ms)) ++n[a.rating];
    }
    if (pr.review != "accepted" || !s.by_end(pr.reviewed_ms)) continue;
    // Which round stood at the month's end, and whether its answer had come.
    std::size_t round = 1;
    if (!pr.answers.empty() && pr.answers[0].rating == "unsatisfied" &&
        s.by_end(pr.answers[0].rated_ms))
      round = 2;
    if (pr.answers.size() >= round && s.by_end(pr.answers[round - 1].answered_ms)) continue;
    if (pr.deadlines.size() < round) continue;
    const auto deadline = civil_date::parse(pr.deadlines[round - 1]);
    if (!deadline || !(*deadline < s.to)) continue;
    overdue.push_back(
        json::object{{"id", id},
                     {"title", pr.title},
                     {"unit", pr.unit},
                     {"round", round},
                     {"deadline", deadline->text()},
                     {"working_days_overdue", l.calendar.working_days_between(*deadline, s.to)}});
  }
  return {{"received", n["received"]},
          {"accepted", n["accepted"]},
          {"merged", n["merged"]},
          {"converted", n["converted"]},
          {"answered", n["answered"]},
          {"ratings", json::object{{"satisfied", n["satisfied"]},
                                   {"basically_satisfied", n["basically_satisfied"]},
                                   {"unsatisfied", n["unsatisfied"]}}},
          {"overdue", overdue.size()},
          {"overdue_list", std::move(overdue)}};
}

// Items by the status of their latest report dated by the month's end.
json::object status_part(const report_ledger& l, const std::string& subject,
                         const std::vector<std::string>& ids, const month_span& s) {
  std::map<std::string, std::uint64_t> n;
  for (const auto& id : ids) {
    std::string status = "not_reported";
    if (auto it = l.reports.find({subject, id}); it != l.reports.end())
      for (const auto& r : it->second)
        if (s.date_by_end(r.date)) status = r.status;
    ++n[status];
  }
  return {{"total", ids.size()},
          {"not_reported", n["not_reported"]},
          {"not_started", n["not_started"]},
          {"in_progress", n["in_progress"]},
          {"completed", n["completed"]},
          {"blocked", n["blocked"]}};
}

std::string sitting_date(const report_ledger& l, const std::string& sitting_id) {
  auto it = l.sittings.find(sitting_id);
  return it == l.sittings.end() ? std::string() : it->second.date;
}

}  // namespace

void report_ledger::note(const protocol::congress_event& event) { std::visit(noter{*this}, event); }

json::object recompute_monthly_report(const report_ledger& l, const congress_model& model,
                                      const std::string& month, std::uint64_t format) {
  const month_span s = *span_of(month);
  std::vector<std::string> resolutions;
  for (const auto& [id, sitting_id] : l.resolution_sitting)
    if (s.date_by_end(sitting_date(l, sitting_id))) resolutions.push_back(id);
  std::vector<std::string> rectifications;
  for (const auto& [id, vote_id] : l.rectification_vote) {
    auto v = l.vote_sitting.find(vote_id);
    if (v != l.vote_sitting.end() && s.date_by_end(sitting_date(l, v->second)))
      rectifications.push_back(id);
  }
  json::object report{{"version", format},
                      {"congress", json::object{{"id", l.congress_id}, {"name", l.congress_name}}},
                      {"month", month},
                      {"period", json::object{{"from", s.from.text()}, {"to", s.to.text()}}},
                      {"sittings", sittings_part(l, model, s, format >= 2)},
                      {"proposals", proposals_part(l, s)},
                      {"resolutions", status_part(l, "resolution", resolutions, s)},
                      {"rectifications", status_part(l, "rectification", rectifications, s)}};
  if (format >= 2) {
    for (auto& [key, part] : between_meetings_parts(l, model, report_days{s.from, s.to}))
      report[key] = std::move(part);
    return report;
  }
  // The first format counted nothing between meetings.
  report["activities"] =
      json::object{{"held", 0}, {"invited", 0}, {"present", 0}, {"excused", 0}, {"absent", 0}};
  report["groups_not_met"] = json::array{};
  report["opinions"] = json::object{{"logged", 0},   {"routed_on_time", 0}, {"answered_on_time", 0},
                                    {"extended", 0}, {"refused", 0},        {"overdue", 0}};
  return report;
}

void check_monthly_report(const report_ledger& l, const congress_model& model,
                          const protocol::board_event& e, const ev::monthly_report_issued& p,
                          check_log& log) {
  const std::string subject = p.report_id;
  const auto span = span_of(p.month);
  auto fail = [&](const std::string& why) {
    log.fail("monthly_reports", "", "seq " + std::to_string(e.seq) + " " + subject + ": " + why);
  };
  if (!span) return fail("month " + p.month + " is not YYYY-MM");
  auto roles = model.roles.find(p.by);
  if (roles == model.roles.end() || !roles->second.contains("secretary"))
    return fail("issued by " + p.by + ", who is not a secretary");
  if (!(span->to < civil_date::of_unix_ms(static_cast<std::int64_t>(p.unix_ms))))
    return fail("issued before the month ended");
  if (l.issued_months.contains(p.month)) return fail("the month's report was issued before");
  const std::uint64_t format = p.format.value_or(1);
  const auto digest = protocol::sha256(
      protocol::canonical_json(recompute_monthly_report(l, model, p.month, format)));
  if (digest != p.report_digest)
    return fail("the recorded digest " + crypto::to_hex(p.report_digest) +
                " is not the recomputed report's " + crypto::to_hex(digest) + " (format " +
                std::to_string(format) + ")");
  log.pass("monthly_reports", "");
}

}  // namespace plenum::clients::verify::detail
