#include <string>
#include <utility>

#include "plenum/crypto/manifest.hpp"

namespace plenum::crypto {

namespace {

std::vector<manifest_option> options_of(
    std::initializer_list<std::pair<const char*, const char*>> list) {
  std::vector<manifest_option> options;
  for (const auto& [id, label] : list) options.push_back({id, label});
  return options;
}

// One contest per person or item, "member-i" / "cand-i" / "item-i", each with `options`, min 0
// max 1.
std::vector<manifest_contest> contest_per_person(std::string_view prefix,
                                                 std::span<const std::string> people,
                                                 const std::vector<manifest_option>& options) {
  std::vector<manifest_contest> contests;
  contests.reserve(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) {
    contests.push_back({std::string(prefix) + std::to_string(i), people[i], 0, 1, options});
  }
  return contests;
}

}  // namespace

manifest motion_manifest(std::string vote_id, std::string title, std::string contest_title) {
  manifest m{std::move(vote_id), vote_kind::motion, std::move(title), {}, {}};
  m.contests.push_back({"motion", std::move(contest_title), 1, 1,
                        options_of({{"for", "赞成"}, {"against", "反对"}, {"abstain", "弃权"}})});
  return m;
}

manifest election_manifest(std::string vote_id, std::string title,
                           std::span<const std::string> candidates, std::uint64_t seats) {
  manifest m{std::move(vote_id), vote_kind::election, std::move(title), {}, {}};
  m.contests = contest_per_person("cand-", candidates,
                                  options_of({{"approve", "赞成"}, {"disapprove", "不赞成"}}));
  manifest_constraint approvals{0, seats, {}};
  for (std::size_t i = 0; i < candidates.size(); ++i) approvals.positions.push_back({i, 0});
  m.constraints.push_back(std::move(approvals));
  return m;
}

manifest appraisal_manifest(std::string vote_id, std::string title,
                            std::span<const std::string> members, appraisal_scale scale) {
  manifest m{std::move(vote_id), vote_kind::appraisal, std::move(title), {}, {}};
  auto levels =
      scale == appraisal_scale::standard
          ? options_of({{"excellent", "优秀"},
                        {"competent", "合格"},
                        {"basic", "基本合格"},
                        {"incompetent", "不合格"}})
          : options_of(
                {{"good", "好"}, {"fairly-good", "较好"}, {"average", "一般"}, {"poor", "差"}});
  m.contests = contest_per_person("member-", members, levels);
  return m;
}

manifest confidence_manifest(std::string vote_id, std::string title,
                             std::span<const std::string> members) {
  manifest m{std::move(vote_id), vote_kind::confidence, std::move(title), {}, {}};
  m.contests = contest_per_person(
      "member-", members,
      options_of({{"trust", "信任"}, {"basic-trust", "基本信任"}, {"distrust", "不信任"}}));
  return m;
}

manifest satisfaction_manifest(std::string vote_id, std::string title,
                               std::span<const std::string> items) {
  manifest m{std::move(vote_id), vote_kind::satisfaction, std::move(title), {}, {}};
  m.contests = contest_per_person(
      "item-", items,
      options_of(
          {{"satisfied", "满意"}, {"basically_satisfied", "基本满意"}, {"unsatisfied", "不满意"}}));
  return m;
}

}  // namespace plenum::crypto
