// The volume run's plan: which votes are held (every kind in turn, until the ballots of all
// delegates carry the positions asked for) and what each delegate marks in each, so that the
// decrypted counts can be compared with the plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <plenum/crypto/ballot.hpp>
#include <plenum/crypto/manifest.hpp>

namespace plenum::clients::loadgen {

/// One vote of the plan and the agenda item it is held on.
struct planned_vote {
  std::string vote_id;
  std::string item_id;
  std::string item_kind;  ///< major_matter, election or appraisal
  std::string kind;       ///< motion, election, appraisal or confidence
  std::string title;
  std::vector<std::string> names;  ///< candidates (election) or members (appraisal, confidence)
  std::uint64_t seats = 0;         ///< election
  std::size_t positions = 0;       ///< positions of one ballot
};

/// Votes in the order motion, election, appraisal, confidence, motion, … until
/// delegates × Σ positions reaches `positions` (at least one vote of each kind).
[[nodiscard]] std::vector<planned_vote> volume_plan(std::size_t delegates, std::uint64_t positions);

/// What delegate `index` (1-based) marks under manifest `m` of a vote of `kind`: a motion one
/// option of three; an election approves exactly `seats` candidates, disapproves one and
/// leaves the rest unmarked; an appraisal or confidence vote marks one level per member or
/// leaves the member unmarked. Always allowed by the manifest.
[[nodiscard]] crypto::ballot_choices planned_marks(const crypto::manifest& m,
                                                   const std::string& kind, std::size_t index);

/// The marks of `choices` position by position (contests in manifest order), added to `counts`
/// (resized to fit).
void add_marks(const crypto::ballot_choices& choices, std::vector<std::uint64_t>& counts);

}  // namespace plenum::clients::loadgen
