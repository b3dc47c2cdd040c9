#include "domain/monthly_report.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "domain/follow_up.hpp"
#include "domain/monthly_report_parts.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/protocol/canonical_json.hpp"

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

unsigned days_in(int year, unsigned month) {
  const civil_date first{year, month, 1};
  const civil_date next = month == 12 ? civil_date{year + 1, 1, 1} : civil_date{year, month + 1, 1};
  return static_cast<unsigned>(next.days() - first.days());
}

// The span of a month as day numbers, and whether a time or a date falls in it or before its
// end.
struct span {
  civil_date from;
  civil_date to;
  [[nodiscard]] bool in(std::int64_t unix_ms) const {
    const auto d = civil_date::of_unix_ms(unix_ms);
    return from <= d && d <= to;
  }
  [[nodiscard]] bool by_end(std::int64_t unix_ms) const {
    return civil_date::of_unix_ms(unix_ms) <= to;
  }
  [[nodiscard]] bool date_in(std::string_view text) const {
    auto d = civil_date::parse(text);
    return d && from <= *d && *d <= to;
  }
  [[nodiscard]] bool date_by_end(std::string_view text) const {
    auto d = civil_date::parse(text);
    return d && *d <= to;
  }
};

// The congress's sittings held in the month; with `congress_only` (report format 2 on) a
// delegate group's own sitting is left out: it is counted among the groups' meetings.
json::object sittings_of(const congress_state& state, const span& s, bool congress_only) {
  json::array list;
  std::uint64_t present = 0;
  std::uint64_t excused = 0;
  for (const auto& [id, sit] : state.sittings()) {
    if (sit.state == sitting::status::scheduled || !s.date_in(sit.date)) continue;
    if (congress_only && !sit.group_id.empty()) continue;
    const std::uint64_t p = state.present_count(sit);
    const std::uint64_t e = sit.excused.size();
    present += p;
    excused += e;
    list.push_back(json::object{
        {"id", id},
        {"title", sit.title},
        {"date", sit.date},
        {"kind", sit.kind == sitting::meeting::extraordinary ? "extraordinary" : "annual"},
        {"present", p},
        {"excused", e}});
  }
  return {
      {"held", list.size()}, {"present", present}, {"excused", excused}, {"list", std::move(list)}};
}

// The deadline of `round` of an accepted proposal.
std::string round_deadline(const proposal& pr, std::uint32_t round) {
  return round == 1 ? pr.first_deadline : pr.deadline;
}

json::object proposals_of(const congress_state& state, const span& s) {
  std::uint64_t received = 0, accepted = 0, merged = 0, converted = 0, answered = 0;
  std::uint64_t satisfied = 0, basically = 0, unsatisfied = 0;
  json::array overdue;
  for (const auto& [id, pr] : state.proposals()) {
    if (s.in(pr.submitted_ms)) ++received;
    if (pr.reviewed != proposal::review::submitted && s.in(pr.reviewed_ms)) {
      if (pr.reviewed == proposal::review::accepted) ++accepted;
      if (pr.reviewed == proposal::review::merged) ++merged;
      if (pr.reviewed == proposal::review::converted) ++converted;
    }
    for (const auto& a : pr.answers) {
      if (s.in(a.unix_ms)) ++answered;
      if (a.rating.empty() || !s.in(a.rated_ms)) continue;
      if (a.rating == "satisfied") ++satisfied;
      if (a.rating == "basically_satisfied") ++basically;
      if (a.rating == "unsatisfied") ++unsatisfied;
    }
    if (pr.reviewed != proposal::review::accepted || !s.by_end(pr.reviewed_ms)) continue;
    // The round current at the month's end, and whether it had its answer by then.
    std::uint32_t round = 1;
    if (!pr.answers.empty() && pr.answers[0].rating == "unsatisfied" &&
        s.by_end(pr.answers[0].rated_ms))
      round = 2;
    const bool answered_by_end =
        pr.answers.size() >= round && s.by_end(pr.answers[round - 1].unix_ms);
    const auto deadline = civil_date::parse(round_deadline(pr, round));
    if (answered_by_end || !deadline || !(s.to > *deadline)) continue;
    overdue.push_back(json::object{
        {"id", id},
        {"title", pr.title},
        {"unit", pr.unit},
        {"round", round},
        {"deadline", deadline->text()},
        {"working_days_overdue", state.calendar().working_days_between(*deadline, s.to)}});
  }
  return {{"received", received},
          {"accepted", accepted},
          {"merged", merged},
          {"converted", converted},
          {"answered", answered},
          {"ratings", json::object{{"satisfied", satisfied},
                                   {"basically_satisfied", basically},
                                   {"unsatisfied", unsatisfied}}},
          {"overdue", overdue.size()},
          {"overdue_list", std::move(overdue)}};
}

// Counts of items by the status of their latest report dated by the month's end.
struct status_counts {
  std::uint64_t total = 0, not_reported = 0, not_started = 0, in_progress = 0, completed = 0,
                blocked = 0;
  void add(const std::vector<implementation_report>& reports, const span& s) {
    ++total;
    const implementation_report* latest = nullptr;
    for (const auto& r : reports)
      if (s.date_by_end(r.date)) latest = &r;
    const std::string status = latest == nullptr ? "not_reported" : latest->status;
    if (status == "not_reported") ++not_reported;
    if (status == "not_started") ++not_started;
    if (status == "in_progress") ++in_progress;
    if (status == "completed") ++completed;
    if (status == "blocked") ++blocked;
  }
  [[nodiscard]] json::object json() const {
    return {{"total", total},
            {"not_reported", not_reported},
            {"not_started", not_started},
            {"in_progress", in_progress},
            {"completed", completed},
            {"blocked", blocked}};
  }
};

// The date of the sitting a vote belongs to ("" when unknown).
std::string vote_date(const congress_state& state, const std::string& vote_id) {
  const vote* v = state.find_vote(vote_id);
  if (v == nullptr) return {};
  const sitting* sit = state.find_sitting(v->sitting_id);
  return sit == nullptr ? std::string() : sit->date;
}

}  // namespace

std::optional<report_month> report_month::parse(std::string_view text) {
  auto day = civil_date::parse(std::string(text) + "-01");
  if (text.size() != 7 || !day) return std::nullopt;
  return report_month{day->year, day->month};
}

report_month report_month::of(const civil_date& day) { return {day.year, day.month}; }

std::string report_month::text() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
  return buf;
}

civil_date report_month::first_day() const { return {year, month, 1}; }
civil_date report_month::last_day() const { return {year, month, days_in(year, month)}; }
report_month report_month::next() const {
  return month == 12 ? report_month{year + 1, 1} : report_month{year, month + 1};
}
report_month report_month::previous() const {
  return month == 1 ? report_month{year - 1, 12} : report_month{year, month - 1};
}
civil_date report_month::due_date() const {
  const report_month n = next();
  return {n.year, n.month, std::min(30U, days_in(n.year, n.month))};
}
civil_date report_month::remind_from() const {
  const report_month n = next();
  return {n.year, n.month, 25};
}

json::object monthly_report(const congress_state& state, const report_month& month,
                            std::uint64_t format) {
  const span s{month.first_day(), month.last_day()};
  status_counts resolutions;
  for (const auto& [id, r] : state.resolutions()) {
    const sitting* sit = state.find_sitting(r.sitting_id);
    if (sit != nullptr && s.date_by_end(sit->date)) resolutions.add(r.reports, s);
  }
  status_counts rectifications;
  for (const auto& [id, r] : state.rectifications())
    if (s.date_by_end(vote_date(state, r.vote_id))) rectifications.add(r.reports, s);
  json::object congress{{"id", ""}, {"name", ""}};
  if (state.congress()) congress = {{"id", state.congress()->id}, {"name", state.congress()->name}};
  json::object report{{"version", format == report_format_first ? 1 : 2},
                      {"congress", std::move(congress)},
                      {"month", month.text()},
                      {"period", json::object{{"from", s.from.text()}, {"to", s.to.text()}}},
                      {"sittings", sittings_of(state, s, format != report_format_first)},
                      {"proposals", proposals_of(state, s)},
                      {"resolutions", resolutions.json()},
                      {"rectifications", rectifications.json()}};
  if (format == report_format_first) {
    // Format 1 counted none of the work between meetings: its figures stand as zeros.
    report["activities"] =
        json::object{{"held", 0}, {"invited", 0}, {"present", 0}, {"excused", 0}, {"absent", 0}};
    report["groups_not_met"] = json::array{};
    report["opinions"] =
        json::object{{"logged", 0},   {"routed_on_time", 0}, {"answered_on_time", 0},
                     {"extended", 0}, {"refused", 0},        {"overdue", 0}};
    return report;
  }
  const report_parts::month_days days{s.from, s.to};
  report["activities"] = report_parts::activities_of(state, days);
  report["groups"] = report_parts::groups_of(state, days);
  report["groups_not_met"] = report_parts::groups_not_met(state, days);
  report["opinions"] = report_parts::opinions_of(state, days);
  report["contacts"] = report_parts::contacts_of(state, days);
  return report;
}

json::object monthly_report_view(const congress_state& state, const report_month& month,
                                 const civil_date& today) {
  json::array reports;
  for (const auto& [m, r] : state.monthly_reports())
    reports.push_back(json::object{{"report_id", r.report_id},
                                   {"month", r.month},
                                   {"report_digest", r.report_digest},
                                   {"by", r.by},
                                   {"unix_ms", r.unix_ms}});
  const auto it = state.monthly_reports().find(month.text());
  const bool issued = it != state.monthly_reports().end();
  json::object report = issued ? it->second.report : monthly_report(state, month);
  std::string digest = issued ? it->second.report_digest : crypto::to_hex(report_digest(report));
  json::value issued_json = nullptr;
  if (issued)
    issued_json = json::object{{"report_id", it->second.report_id},
                               {"by", it->second.by},
                               {"unix_ms", it->second.unix_ms}};
  return {{"month", month.text()},
          {"report", std::move(report)},
          {"report_digest", std::move(digest)},
          {"issued", std::move(issued_json)},
          {"due_date", month.due_date().text()},
          {"remind_from", month.remind_from().text()},
          {"ended", today > month.last_day()},
          {"remind", !issued && today >= month.remind_from()},
          {"late", !issued && today > month.due_date()},
          {"reports", std::move(reports)}};
}

crypto::digest32 report_digest(const json::object& report) {
  return protocol::sha256(protocol::canonical_json(report));
}

}  // namespace plenum::server::domain
