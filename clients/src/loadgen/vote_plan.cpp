#include "vote_plan.hpp"

namespace plenum::clients::loadgen {

namespace {

// Sizes of the votes: every ballot stays well below the server's 256 KiB request limit.
constexpr std::size_t election_candidates = 40;
constexpr std::uint64_t election_seats = 10;
constexpr std::size_t appraisal_members = 36;
constexpr std::size_t appraisal_levels = 4;
constexpr std::size_t confidence_members = 48;
constexpr std::size_t confidence_levels = 3;

std::vector<std::string> names(const std::string& prefix, std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 1; i <= n; ++i) out.push_back(prefix + std::to_string(i));
  return out;
}

planned_vote make_vote(std::size_t number) {
  planned_vote v;
  v.vote_id = "v" + std::to_string(number);
  v.item_id = "i" + std::to_string(number);
  switch ((number - 1) % 4) {
    case 0:
      v.item_kind = "major_matter";
      v.kind = "motion";
      v.title = "Motion " + std::to_string(number);
      v.positions = 3;
      break;
    case 1:
      v.item_kind = "election";
      v.kind = "election";
      v.title = "Election " + std::to_string(number);
      v.names = names("Candidate " + std::to_string(number) + "-", election_candidates);
      v.seats = election_seats;
      v.positions = 2 * election_candidates;
      break;
    case 2:
      v.item_kind = "appraisal";
      v.kind = "appraisal";
      v.title = "Appraisal " + std::to_string(number);
      v.names = names("Member " + std::to_string(number) + "-", appraisal_members);
      v.positions = appraisal_levels * appraisal_members;
      break;
    default:
      v.item_kind = "appraisal";
      v.kind = "confidence";
      v.title = "Confidence " + std::to_string(number);
      v.names = names("Member " + std::to_string(number) + "-", confidence_members);
      v.positions = confidence_levels * confidence_members;
      break;
  }
  return v;
}

}  // namespace

std::vector<planned_vote> volume_plan(std::size_t delegates, std::uint64_t positions) {
  std::vector<planned_vote> plan;
  std::uint64_t total = 0;
  while (plan.size() < 4 || total < positions) {
    plan.push_back(make_vote(plan.size() + 1));
    total += static_cast<std::uint64_t>(delegates) * plan.back().positions;
  }
  return plan;
}

crypto::ballot_choices planned_marks(const crypto::manifest& m, const std::string& kind,
                                     std::size_t index) {
  crypto::ballot_choices choices;
  for (const auto& c : m.contests) choices.emplace_back(c.options.size(), 0);
  if (kind == "motion") {
    choices.at(0).at(index % choices[0].size()) = 1;
    return choices;
  }
  const std::size_t n = choices.size();
  if (kind == "election") {
    // Candidate j: approved when (index + j) mod n < seats, disapproved when it equals seats.
    const std::uint64_t seats = m.constraints.empty() ? 0 : m.constraints.front().max;
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t r = (index + j) % n;
      if (r < seats)
        choices[j][0] = 1;
      else if (r == seats)
        choices[j][1] = 1;
    }
    return choices;
  }
  // A member's level is (index + 2j) mod (levels + 1); the last value leaves it unmarked.
  for (std::size_t j = 0; j < n; ++j) {
    const std::size_t levels = choices[j].size();
    const std::size_t r = (index + 2 * j) % (levels + 1);
    if (r < levels) choices[j][r] = 1;
  }
  return choices;
}

void add_marks(const crypto::ballot_choices& choices, std::vector<std::uint64_t>& counts) {
  std::size_t p = 0;
  for (const auto& contest : choices)
    for (const auto mark : contest) {
      if (counts.size() <= p) counts.resize(p + 1, 0);
      counts[p++] += mark;
    }
}

}  // namespace plenum::clients::loadgen
