// The fixed inputs of the test vectors: who takes part, what is voted on and how each delegate
// votes. Changing anything here changes tests/vectors/cvp1.json (regenerate and commit it).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/protocol/rules.hpp"

namespace plenum::test::vectors {

/// The congress and sitting that the ceremony, the check-in and the connection challenge name.
inline constexpr std::string_view congress_id = "congress-vectors";
inline constexpr std::string_view sitting_id = "sitting-1";

/// n scrutineers with threshold k.
inline constexpr std::size_t scrutineer_count = 3;
inline constexpr std::uint64_t threshold = 2;
/// The scrutineers whose partial decryptions every tally combines.
inline constexpr std::array<std::uint64_t, 2> decrypting_scrutineers{1, 3};

/// Seated delegates (the roster of every vote). Delegates 1..present_count are present and
/// each casts one ballot in every vote; the last one is seated but absent.
inline constexpr std::size_t seated_count = 6;
inline constexpr std::size_t present_count = 5;

/// A ballot that breaks its manifest's bounds, made with proofs for a wider range.
struct over_vote {
  crypto::ballot_choices choices;
  std::string why;
};

/// One vote: its manifest, the choices of delegates 1..present_count in order, an optional
/// over-vote among the invalid ballots, and the decision rule of its result.
struct vote_plan {
  crypto::manifest manifest;
  std::vector<crypto::ballot_choices> choices;
  std::optional<over_vote> over;
  protocol::decision_rule rule;
};

/// The four votes: a motion (3 options), an election (4 candidates, 2 seats), an appraisal
/// (3 members, 4 levels) and a confidence vote (3 members, 3 options).
[[nodiscard]] std::vector<vote_plan> vote_plans();

}  // namespace plenum::test::vectors
