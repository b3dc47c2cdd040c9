#include "plenum/crypto/manifest.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "plenum/crypto/hash.hpp"

namespace plenum::crypto {

std::string_view to_string(vote_kind kind) {
  switch (kind) {
    case vote_kind::motion:
      return "motion";
    case vote_kind::election:
      return "election";
    case vote_kind::appraisal:
      return "appraisal";
    case vote_kind::confidence:
      return "confidence";
    case vote_kind::satisfaction:
      return "satisfaction";
  }
  return "?";
}

std::optional<vote_kind> parse_vote_kind(std::string_view text) {
  for (vote_kind k : {vote_kind::motion, vote_kind::election, vote_kind::appraisal,
                      vote_kind::confidence, vote_kind::satisfaction}) {
    if (to_string(k) == text) return k;
  }
  return std::nullopt;
}

std::string_view to_string(manifest_problem problem) {
  switch (problem) {
    case manifest_problem::empty_vote_id:
      return "the vote id is empty";
    case manifest_problem::no_contests:
      return "the manifest has no contest";
    case manifest_problem::too_large:
      return "the manifest has too many contests, options or constraints";
    case manifest_problem::empty_id:
      return "a contest or option id is empty";
    case manifest_problem::duplicate_contest_id:
      return "two contests share an id";
    case manifest_problem::no_options:
      return "a contest has no option";
    case manifest_problem::duplicate_option_id:
      return "two options of a contest share an id";
    case manifest_problem::bad_contest_bounds:
      return "a contest's bounds are not 0 <= min <= max <= #options";
    case manifest_problem::no_positions:
      return "a constraint has no position";
    case manifest_problem::position_out_of_range:
      return "a constraint names a position that does not exist";
    case manifest_problem::duplicate_position:
      return "a constraint names a position twice";
    case manifest_problem::bad_constraint_bounds:
      return "a constraint's bounds are not 0 <= min <= max <= #positions";
  }
  return "?";
}

std::optional<manifest_problem> check_manifest(const manifest& m) {
  if (m.vote_id.empty()) return manifest_problem::empty_vote_id;
  if (m.contests.empty()) return manifest_problem::no_contests;
  if (m.contests.size() > max_contests || m.constraints.size() > max_constraints) {
    return manifest_problem::too_large;
  }
  std::set<std::string_view> contest_ids;
  for (const manifest_contest& c : m.contests) {
    if (c.options.size() > max_options) return manifest_problem::too_large;
    if (c.contest_id.empty()) return manifest_problem::empty_id;
    if (!contest_ids.insert(c.contest_id).second) return manifest_problem::duplicate_contest_id;
    if (c.options.empty()) return manifest_problem::no_options;
    std::set<std::string_view> option_ids;
    for (const manifest_option& o : c.options) {
      if (o.option_id.empty()) return manifest_problem::empty_id;
      if (!option_ids.insert(o.option_id).second) return manifest_problem::duplicate_option_id;
    }
    if (c.min > c.max || c.max > c.options.size()) return manifest_problem::bad_contest_bounds;
  }
  for (const manifest_constraint& q : m.constraints) {
    if (q.positions.empty()) return manifest_problem::no_positions;
    std::set<std::pair<std::uint64_t, std::uint64_t>> seen;
    for (const position& p : q.positions) {
      if (p.contest_index >= m.contests.size() ||
          p.option_index >= m.contests[p.contest_index].options.size()) {
        return manifest_problem::position_out_of_range;
      }
      if (!seen.insert({p.contest_index, p.option_index}).second) {
        return manifest_problem::duplicate_position;
      }
    }
    if (q.min > q.max || q.max > q.positions.size()) return manifest_problem::bad_constraint_bounds;
  }
  return std::nullopt;
}

digest32 manifest_hash(const manifest& m) {
  transcript input("manifest");
  input.str(m.vote_id).str(to_string(m.kind)).str(m.title).u64(m.contests.size());
  for (const manifest_contest& c : m.contests) {
    input.str(c.contest_id).str(c.title).u64(c.min).u64(c.max).u64(c.options.size());
    for (const manifest_option& o : c.options) input.str(o.option_id).str(o.label);
  }
  input.u64(m.constraints.size());
  for (const manifest_constraint& q : m.constraints) {
    input.u64(q.min).u64(q.max).u64(q.positions.size());
    for (const position& p : q.positions) input.u64(p.contest_index).u64(p.option_index);
  }
  return input.h32();
}

digest32 roster_hash(std::span<const public_key> voters) {
  std::vector<public_key> sorted(voters.begin(), voters.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const public_key& a, const public_key& b) { return a.bytes() < b.bytes(); });
  transcript input("roster");
  input.u64(sorted.size());
  for (const public_key& k : sorted) input.raw(k.bytes());
  return input.h32();
}

digest32 election_hash(const digest32& ceremony_id, const point& joint_key,
                       const digest32& manifest_hash, const digest32& roster_hash) {
  return transcript("election")
      .raw(ceremony_id)
      .add(joint_key)
      .raw(manifest_hash)
      .raw(roster_hash)
      .h32();
}

}  // namespace plenum::crypto
