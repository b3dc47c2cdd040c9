// Delegate groups (代表小组): forming and changing them, and the party committee's approval of
// the leader and deputy a group elected in its own sitting.
#include <set>

#include "domain/decide_internal.hpp"

namespace plenum::server::domain::detail {

namespace {

bool is_basis(std::string_view basis) {
  return basis == "electoral_unit" || basis == "area" || basis == "line_of_work";
}

// Each of `numbers` is a delegate of the term, named once (also across `others`).
boost::system::error_code delegates_once(const congress_state& state,
                                         const std::vector<std::string>& numbers,
                                         std::set<std::string>& seen) {
  for (const auto& n : numbers) {
    if (!state.is_delegate(n) || !seen.insert(n).second) return errc::invalid_group_member;
  }
  return {};
}

// The person a candidate of group election `v` stands for: the member whose number, or else
// whose roster name, the candidate's text is ("" when none or several).
std::string member_of_candidate(const congress_state& state, const delegate_group& g,
                                const std::string& candidate) {
  if (g.has_member(candidate)) return candidate;
  std::string found;
  for (const auto& m : g.members) {
    const person* p = state.find_person(m);
    if (p == nullptr || p->name != candidate) continue;
    if (!found.empty()) return {};
    found = m;
  }
  return found;
}

// The members a decided election elected, by its outcome's contest ids.
std::set<std::string> elected_members(const congress_state& state, const delegate_group& g,
                                      const vote& v) {
  std::set<std::string> out;
  for (const auto& contest_id : v.elected) {
    for (std::size_t i = 0; i < v.manifest.contests.size() && i < v.candidates.size(); ++i) {
      if (v.manifest.contests[i].contest_id != contest_id) continue;
      const std::string m = member_of_candidate(state, g, v.candidates[i]);
      if (!m.empty()) out.insert(m);
    }
  }
  return out;
}

}  // namespace

result<decision> handle(const congress_state& state, const form_group& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const std::string id = c.group_id.empty() ? next_group_id(state.groups()) : c.group_id;
  if (!valid_id(id) || !valid_text(c.name, 256) || !is_basis(c.basis)) return errc::invalid_field;
  if (state.groups().find_group(id) != nullptr) return errc::group_exists;
  std::set<std::string> seen;
  if (auto ec = delegates_once(state, c.members, seen)) return ec;
  for (const auto& m : c.members)
    if (state.groups().group_of(m) != nullptr) return errc::already_in_group;
  if (c.members.size() < min_group_members) return errc::group_too_small;
  auto d = single(events::group_formed{id, c.name, c.basis, c.members, ctx.who.person_id,
                                       static_cast<std::uint64_t>(ctx.unix_ms)});
  d.created_id_field = "group_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state& state, const change_group& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const delegate_group* g = state.groups().find_group(c.group_id);
  if (g == nullptr) return errc::unknown_group;
  if (!valid_text(c.reason, 512) || (c.added.empty() && c.removed.empty()))
    return errc::invalid_field;
  std::set<std::string> seen;
  if (auto ec = delegates_once(state, c.added, seen)) return ec;
  for (const auto& m : c.added) {
    const delegate_group* in = state.groups().group_of(m);
    if (in == g) return errc::invalid_group_member;
    if (in != nullptr) return errc::already_in_group;
  }
  std::set<std::string> removed;
  for (const auto& m : c.removed) {
    if (!g->has_member(m)) return errc::not_in_group;
    if (!removed.insert(m).second || seen.contains(m)) return errc::invalid_group_member;
  }
  if (g->members.size() + c.added.size() - c.removed.size() < min_group_members)
    return errc::group_too_small;
  return single(events::group_changed{c.group_id, c.added, c.removed, c.reason, ctx.who.person_id,
                                      static_cast<std::uint64_t>(ctx.unix_ms)});
}

result<decision> handle(const congress_state& state, const approve_group_leaders& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const delegate_group* g = state.groups().find_group(c.group_id);
  if (g == nullptr) return errc::unknown_group;
  if (!valid_text(c.approval, 512) || c.leader == c.deputy) return errc::invalid_field;
  if (!g->has_member(c.leader) || !g->has_member(c.deputy)) return errc::not_in_group;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  if (v->state != vote::status::decided) return errc::vote_not_decided;
  const sitting* s = state.find_sitting(v->sitting_id);
  if (s == nullptr) return errc::internal;
  if (v->kind != protocol::vote_kind::election || s->group_id != c.group_id)
    return errc::leaders_not_elected;
  const auto elected = elected_members(state, *g, *v);
  if (!elected.contains(c.leader) || !elected.contains(c.deputy)) return errc::leaders_not_elected;
  return single(events::group_leaders_approved{c.group_id, c.leader, c.deputy, c.vote_id,
                                               c.approval, ctx.who.person_id,
                                               static_cast<std::uint64_t>(ctx.unix_ms)});
}

}  // namespace plenum::server::domain::detail
