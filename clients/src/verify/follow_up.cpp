#include "follow_up.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "model.hpp"
#include "satisfaction_subjects.hpp"

namespace plenum::clients::verify::detail {

namespace json = boost::json;
namespace ev = protocol::events;

namespace {

std::string at_seq(std::uint64_t seq) { return "seq " + std::to_string(seq) + ": "; }

bool has_role(const congress_model& m, const std::string& person, const std::string& role) {
  auto it = m.roles.find(person);
  return it != m.roles.end() && it->second.contains(role);
}

// The published outcome of a decided vote, parsed; an empty object when there is none.
json::object outcome_of(const vote_model& v) {
  if (!v.decided) return {};
  json::error_code ec;
  auto parsed = json::parse(v.decided->outcome, ec);
  if (ec || !parsed.is_object()) return {};
  return parsed.as_object();
}

bool passed(const vote_model& v) {
  const auto outcome = outcome_of(v);
  const auto* p = outcome.if_contains("passed");
  return v.kind == "motion" && p != nullptr && p->is_bool() && p->as_bool();
}

// The members a decided confidence vote flagged, by the names of vote_created's candidates.
std::vector<std::string> flagged_members(const congress_model& m, const vote_model& v) {
  std::vector<std::string> out;
  const auto outcome = outcome_of(v);
  const auto* flagged = outcome.if_contains("flagged");
  auto names = m.follow_up.votes.find(v.id);
  if (flagged == nullptr || !flagged->is_array() || names == m.follow_up.votes.end()) return out;
  for (const auto& id : flagged->as_array()) {
    if (!id.is_string()) continue;
    for (std::size_t i = 0; i < v.manifest.contests.size(); ++i)
      if (v.manifest.contests[i].contest_id == id.as_string() && i < names->second.second.size())
        out.push_back(names->second.second[i]);
  }
  return out;
}

bool ends_in_resolution(const std::string& kind) {
  return kind == "report" || kind == "major_matter" || kind == "proposal";
}

std::string item_kind(const congress_model& m, const vote_model& v) {
  auto vote = m.follow_up.votes.find(v.id);
  if (vote == m.follow_up.votes.end()) return {};
  auto kind = m.follow_up.item_kinds.find({v.sitting_id, vote->second.first});
  return kind == m.follow_up.item_kinds.end() ? std::string() : kind->second;
}

// A roster change is the secretary's, and never while a sitting is open.
std::optional<std::string> change_problem(const congress_model& m, const std::string& by) {
  if (!m.follow_up.open_sittings.empty()) return "recorded while a sitting is open";
  if (!has_role(m, by, "secretary")) return "recorded by " + by + ", who is not a secretary";
  return std::nullopt;
}

void record_change(check_log& log, std::uint64_t seq, const std::string& person,
                   const std::optional<std::string>& problem) {
  if (problem)
    log.fail("roster_changes", "", at_seq(seq) + person + ": " + *problem);
  else
    log.pass("roster_changes", "");
}

}  // namespace

void on_delegate_left(congress_model& m, std::uint64_t seq, const ev::delegate_left& e,
                      check_log& log) {
  auto problem = change_problem(m, e.by);
  if (!problem && !has_role(m, e.person, "delegate")) problem = "is not a delegate";
  if (!problem) m.roles[e.person].erase("delegate");
  record_change(log, seq, e.person, problem);
}

void on_alternate_seated(congress_model& m, std::uint64_t seq, const ev::alternate_seated& e,
                         check_log& log) {
  auto problem = change_problem(m, e.by);
  if (!problem && !has_role(m, e.person, "alternate")) problem = "is not an alternate";
  if (!problem && !e.replaces.empty() && has_role(m, e.replaces, "delegate"))
    problem = "replaces " + e.replaces + ", who is still a delegate";
  if (!problem) {
    m.roles[e.person].erase("alternate");
    m.roles[e.person].insert("delegate");
  }
  record_change(log, seq, e.person, problem);
}

void on_delegate_added(congress_model& m, std::uint64_t seq, const ev::delegate_added& e,
                       check_log& log) {
  auto problem = change_problem(m, e.by);
  if (!problem && m.roles.contains(e.person.number)) problem = "is already on the roster";
  if (!problem &&
      std::find(e.person.roles.begin(), e.person.roles.end(), "delegate") == e.person.roles.end())
    problem = "is not added as a delegate";
  if (!problem) {
    m.roles[e.person.number] = std::set<std::string>(e.person.roles.begin(), e.person.roles.end());
    m.person_order.push_back(e.person.number);
    std::sort(m.person_order.begin(), m.person_order.end());
  }
  record_change(log, seq, e.person.number, problem);
}

void on_resolution_adopted(congress_model& m, std::uint64_t seq, const ev::resolution_adopted& e,
                           check_log& log) {
  auto v = m.votes.find(e.vote_id);
  std::string problem;
  if (v == m.votes.end() || !v->second.decided) {
    problem = "its vote " + e.vote_id + " is not decided";
  } else if (!passed(v->second)) {
    problem = "its vote " + e.vote_id + " did not pass";
  } else if (v->second.decided->seq + 1 != seq) {
    problem = "not recorded with its vote_decided";
  } else if (v->second.sitting_id != e.sitting_id ||
             m.follow_up.votes.at(e.vote_id).first != e.item_id) {
    problem = "names another sitting or item than its vote's";
  } else if (!ends_in_resolution(item_kind(m, v->second))) {
    problem = "its item is not a report, major matter or proposal";
  } else if (!m.follow_up.resolutions.insert(e.resolution_id).second) {
    problem = "resolution id used twice";
  } else if (!m.follow_up.resolutions_by_vote.emplace(e.vote_id, seq).second) {
    problem = "a second resolution of the same vote";
  }
  if (problem.empty()) {
    log.pass("resolutions", "");
    m.follow_up.appraisable[{"resolution", e.resolution_id}] = appraised_title(e.title);
  } else {
    log.fail("resolutions", "", at_seq(seq) + e.resolution_id + ": " + problem);
  }
}

void on_rectification_opened(congress_model& m, std::uint64_t seq,
                             const ev::rectification_opened& e, check_log& log) {
  auto v = m.votes.find(e.vote_id);
  std::string problem;
  if (v == m.votes.end() || !v->second.decided) {
    problem = "its vote " + e.vote_id + " is not decided";
  } else if (e.origin == "confidence") {
    const auto flagged = flagged_members(m, v->second);
    if (v->second.kind != "confidence")
      problem = "its vote is not a confidence vote";
    else if (std::find(flagged.begin(), flagged.end(), e.member) == flagged.end())
      problem = e.member + " was not flagged by the vote";
    else if (!e.by.empty())
      problem = "a flagged member's item is the server's, not " + e.by + "'s";
    else if (!m.follow_up.confidence_items.emplace(e.vote_id, e.member).second)
      problem = "a second item for the same flagged member";
  } else if (e.origin == "appraisal") {
    const auto& members = m.follow_up.votes.at(e.vote_id).second;
    if (v->second.kind != "appraisal")
      problem = "its vote is not a democratic appraisal";
    else if (std::find(members.begin(), members.end(), e.member) == members.end())
      problem = e.member + " was not appraised in the vote";
    else if (!has_role(m, e.by, "secretary"))
      problem = "recorded by " + e.by + ", who is not a secretary";
  } else {
    problem = "unknown origin " + e.origin;
  }
  if (problem.empty() && !m.follow_up.rectifications.insert(e.rectification_id).second)
    problem = "rectification id used twice";
  if (problem.empty()) {
    log.pass("rectification", "");
    m.follow_up.appraisable[{"rectification", e.rectification_id}] =
        rectification_title(e.member, e.problem);
  } else {
    log.fail("rectification", "", at_seq(seq) + e.rectification_id + ": " + problem);
  }
}

void on_implementation_reported(congress_model& m, std::uint64_t seq,
                                const ev::implementation_reported& e, check_log& log) {
  static const std::set<std::string> statuses = {"not_started", "in_progress", "completed",
                                                 "blocked"};
  std::string problem;
  const bool known = e.subject == "resolution" ? m.follow_up.resolutions.contains(e.subject_id)
                     : e.subject == "rectification"
                         ? m.follow_up.rectifications.contains(e.subject_id)
                         : false;
  if (!known)
    problem = "reports on an unknown " + e.subject + " " + e.subject_id;
  else if (!statuses.contains(e.status))
    problem = "unknown status " + e.status;
  else if (!has_role(m, e.by, "secretary"))
    problem = "reported by " + e.by + ", who is not a secretary";
  else if (!m.follow_up.reports.insert(e.report_id).second)
    problem = "report id used twice";
  if (problem.empty())
    log.pass("reports", "");
  else
    log.fail("reports", "", at_seq(seq) + e.report_id + ": " + problem);
}

void check_follow_up(const congress_model& m, check_log& log) {
  for (const auto& id : m.vote_order) {
    const auto& v = m.votes.at(id);
    // A record made before votes left resolutions and rectification items owes none.
    if (!v.decided || !m.follow_up.sittings_with_kind.contains(v.sitting_id)) continue;
    if (passed(v) && ends_in_resolution(item_kind(m, v)) &&
        !m.follow_up.resolutions_by_vote.contains(id))
      log.fail("resolutions", "", id + " passed on a resolution item without its resolution");
    if (v.kind != "confidence") continue;
    for (const auto& member : flagged_members(m, v)) {
      if (m.follow_up.confidence_items.contains({id, member}))
        log.pass("rectification", "");
      else
        log.fail("rectification", "",
                 id + " flagged " + member + " without its rectification item");
    }
  }
}

}  // namespace plenum::clients::verify::detail
