#include "groups.hpp"

#include <boost/json/parse.hpp>

#include "model.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/working_calendar.hpp"

namespace plenum::clients::verify::detail {

namespace json = boost::json;
namespace ev = protocol::events;

namespace {

constexpr std::size_t min_members = 10;

std::string at_seq(std::uint64_t seq) { return "seq " + std::to_string(seq) + ": "; }

bool has_role(const congress_model& m, const std::string& person, const std::string& role) {
  auto it = m.roles.find(person);
  return it != m.roles.end() && it->second.contains(role);
}

void check(check_log& log, const std::string& name, bool ok, std::uint64_t seq,
           const std::string& problem) {
  if (ok)
    log.pass(name, "");
  else
    log.fail(name, "", at_seq(seq) + problem);
}

const std::string* group_of(const congress_model& m, const std::string& person) {
  for (const auto& [id, members] : m.groups.members)
    if (members.contains(person)) return &id;
  return nullptr;
}

// The candidates a decided election elected, by vote_created's candidate texts.
std::set<std::string> elected_candidates(const congress_model& m, const vote_model& v) {
  std::set<std::string> out;
  if (!v.decided) return out;
  json::error_code ec;
  auto outcome = json::parse(v.decided->outcome, ec);
  if (ec || !outcome.is_object()) return out;
  const auto* elected = outcome.as_object().if_contains("elected");
  auto names = m.follow_up.votes.find(v.id);
  if (elected == nullptr || !elected->is_array() || names == m.follow_up.votes.end()) return out;
  for (const auto& id : elected->as_array()) {
    if (!id.is_string()) continue;
    for (std::size_t i = 0; i < v.manifest.contests.size(); ++i)
      if (v.manifest.contests[i].contest_id == id.as_string() && i < names->second.second.size())
        out.insert(names->second.second[i]);
  }
  return out;
}

}  // namespace

void on_group_formed(congress_model& m, std::uint64_t seq, const ev::group_formed& e,
                     check_log& log) {
  bool ok = has_role(m, e.by, "secretary") && e.members.size() >= min_members &&
            !m.groups.members.contains(e.group_id);
  std::set<std::string> members;
  for (const auto& p : e.members)
    ok = ok && has_role(m, p, "delegate") && group_of(m, p) == nullptr && members.insert(p).second;
  check(log, "groups", ok, seq,
        e.group_id + " is not formed by a secretary from 10 or more delegates in no other group");
  m.groups.members[e.group_id] = std::move(members);
}

void on_group_changed(congress_model& m, std::uint64_t seq, const ev::group_changed& e,
                      check_log& log) {
  auto it = m.groups.members.find(e.group_id);
  if (it == m.groups.members.end()) throw bad_payload("unknown group " + e.group_id);
  bool ok = has_role(m, e.by, "secretary");
  for (const auto& p : e.removed) ok = ok && it->second.erase(p) == 1;
  for (const auto& p : e.added)
    ok = ok && has_role(m, p, "delegate") && group_of(m, p) == nullptr &&
         it->second.insert(p).second;
  ok = ok && it->second.size() >= min_members;
  check(log, "groups", ok, seq,
        e.group_id + " is not changed by a secretary to 10 or more delegates in no other group");
}

void on_group_leaders_approved(congress_model& m, std::uint64_t seq,
                               const ev::group_leaders_approved& e, check_log& log) {
  auto it = m.groups.members.find(e.group_id);
  if (it == m.groups.members.end()) throw bad_payload("unknown group " + e.group_id);
  const bool ok = has_role(m, e.by, "secretary") && it->second.contains(e.leader) &&
                  it->second.contains(e.deputy) && e.leader != e.deputy;
  check(log, "groups", ok, seq,
        e.group_id + ": the approval is not a secretary's of two members of the group");
  m.groups.approvals.push_back(e);
  m.groups.approval_seqs.push_back(seq);
}

void on_activity_planned(congress_model& m, std::uint64_t seq, const ev::activity_planned& e,
                         check_log& log) {
  bool ok = has_role(m, e.by, "secretary") && !m.groups.activities.contains(e.activity_id) &&
            (e.group_id.empty() || m.groups.members.contains(e.group_id)) && !e.invited.empty();
  group_model::activity a;
  a.date = e.date;
  for (const auto& p : e.invited)
    ok = ok && has_role(m, p, "delegate") && a.invited.insert(p).second;
  check(log, "activities", ok, seq,
        e.activity_id + " is not planned by a secretary for delegates (and an existing group)");
  m.groups.activities[e.activity_id] = std::move(a);
}

void on_activity_checked_in(congress_model& m, std::uint64_t seq, const ev::activity_checked_in& e,
                            check_log& log) {
  auto it = m.groups.activities.find(e.activity_id);
  if (it == m.groups.activities.end()) throw bad_payload("unknown activity " + e.activity_id);
  auto& a = it->second;
  auto key = m.keys.find(e.person);
  const auto digest = crypto::activity_checkin_digest(e.activity_id, e.device_pk, e.unix_ms);
  const auto day = protocol::civil_date::of_unix_ms(static_cast<std::int64_t>(e.unix_ms)).text();
  std::string problem;
  if (!a.invited.contains(e.person))
    problem = "not invited";
  else if (key == m.keys.end() || key->second != e.device_pk)
    problem = "device_pk is not the person's enrolled key";
  else if (!e.device_pk.verify(digest, e.signature))
    problem = "the signature does not verify";
  else if (day != a.date)
    problem = "signed on " + day + ", the activity is on " + a.date;
  else if (a.held)
    problem = "after the activity was recorded as held";
  else if (!a.recorded.insert(e.person).second)
    problem = "attendance recorded twice";
  check(log, "activities", problem.empty(), seq,
        e.activity_id + " check-in of " + e.person + ": " + problem);
}

void on_attendance_recorded(congress_model& m, std::uint64_t seq, const ev::attendance_recorded& e,
                            check_log& log) {
  auto it = m.groups.activities.find(e.activity_id);
  if (it == m.groups.activities.end()) throw bad_payload("unknown activity " + e.activity_id);
  auto& a = it->second;
  const bool ok = has_role(m, e.by, "secretary") && a.invited.contains(e.person) &&
                  !e.reason.empty() && a.recorded.insert(e.person).second;
  check(log, "activities", ok, seq,
        e.activity_id + " attendance of " + e.person +
            " is not recorded once, by a secretary, for an invited delegate with a reason");
}

void on_activity_held(congress_model& m, std::uint64_t seq, const ev::activity_held& e,
                      check_log& log) {
  auto it = m.groups.activities.find(e.activity_id);
  if (it == m.groups.activities.end()) throw bad_payload("unknown activity " + e.activity_id);
  const bool ok = has_role(m, e.by, "secretary") && !it->second.held;
  it->second.held = true;
  check(log, "activities", ok, seq, e.activity_id + " is not recorded held once by a secretary");
}

void on_group_member_left(congress_model& m, const std::string& person) {
  for (auto& [id, members] : m.groups.members) members.erase(person);
}

void check_group_leaders(const congress_model& m, check_log& log) {
  for (std::size_t i = 0; i < m.groups.approvals.size(); ++i) {
    const auto& e = m.groups.approvals[i];
    const std::uint64_t seq = m.groups.approval_seqs[i];
    auto v = m.votes.find(e.vote_id);
    std::string problem;
    if (v == m.votes.end()) {
      problem = "no vote " + e.vote_id;
    } else {
      auto group = m.groups.sitting_group.find(v->second.sitting_id);
      const auto elected = elected_candidates(m, v->second);
      auto names_of = [&](const std::string& person) {
        // A candidate stands for a person by their number or their roster name.
        auto n = m.names.find(person);
        return elected.contains(person) || (n != m.names.end() && elected.contains(n->second));
      };
      if (v->second.kind != "election" || !v->second.decided)
        problem = e.vote_id + " is not a decided election";
      else if (group == m.groups.sitting_group.end() || group->second != e.group_id)
        problem = e.vote_id + " is not a vote of " + e.group_id + "'s own sitting";
      else if (!names_of(e.leader) || !names_of(e.deputy))
        problem = e.vote_id + " did not elect both " + e.leader + " and " + e.deputy;
    }
    check(log, "groups", problem.empty(), seq, e.group_id + " leaders: " + problem);
  }
}

}  // namespace plenum::clients::verify::detail
