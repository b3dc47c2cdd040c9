// The vote manifest and the hashes that bind a ballot to one vote (CVP1 §4): manifest_hash,
// roster_hash and election_hash, structural validation, and builders for the standard kinds of
// vote (DOMAIN.md) and the satisfaction appraisal.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

/// The kind of a vote; its spelling in hashes and JSON is "motion", "election", "appraisal",
/// "confidence", "satisfaction" (Plenum's fifth kind, SPEC.md §4).
enum class vote_kind { motion, election, appraisal, confidence, satisfaction };

/// The spec's string for `kind`.
[[nodiscard]] std::string_view to_string(vote_kind kind);
/// Parses the spec's string; nullopt for anything else (case-sensitive).
[[nodiscard]] std::optional<vote_kind> parse_vote_kind(std::string_view text);

/// One option of a contest; its value on a ballot is 0 or 1.
struct manifest_option {
  std::string option_id;
  std::string label;
  friend bool operator==(const manifest_option&, const manifest_option&) = default;
};

/// A contest: the sum of its options' values lies in [min, max].
struct manifest_contest {
  std::string contest_id;
  std::string title;
  std::uint64_t min = 0;
  std::uint64_t max = 0;
  std::vector<manifest_option> options;
  friend bool operator==(const manifest_contest&, const manifest_contest&) = default;
};

/// An option of the ballot, by index.
struct position {
  std::uint64_t contest_index = 0;
  std::uint64_t option_index = 0;
  friend bool operator==(const position&, const position&) = default;
};

/// A constraint across contests: the sum of the values at `positions` lies in [min, max].
struct manifest_constraint {
  std::uint64_t min = 0;
  std::uint64_t max = 0;
  std::vector<position> positions;
  friend bool operator==(const manifest_constraint&, const manifest_constraint&) = default;
};

/// What is voted on and which ballots are well formed. A plain value; validate it with
/// `check_manifest` before use (the ballot functions assume a valid manifest).
struct manifest {
  std::string vote_id;
  vote_kind kind = vote_kind::motion;
  std::string title;
  std::vector<manifest_contest> contests;
  std::vector<manifest_constraint> constraints;
  friend bool operator==(const manifest&, const manifest&) = default;
};

/// Size limits of a manifest, so that a ballot's work is bounded.
inline constexpr std::size_t max_contests = 256;
inline constexpr std::size_t max_options = 32;
inline constexpr std::size_t max_constraints = 16;

/// Why a manifest is not well formed (the first problem found, in this order).
enum class manifest_problem {
  empty_vote_id,          // vote_id is empty
  no_contests,            // no contest at all
  too_large,              // more than max_contests, max_options or max_constraints
  empty_id,               // a contest or option id is empty
  duplicate_contest_id,   // two contests share an id
  no_options,             // a contest has no option
  duplicate_option_id,    // two options of one contest share an id
  bad_contest_bounds,     // a contest has min > max or max > #options
  no_positions,           // a constraint has no position
  position_out_of_range,  // a constraint names a contest or option that does not exist
  duplicate_position,     // a constraint names a position twice
  bad_constraint_bounds,  // a constraint has min > max or max > #positions
};

/// A short English description of `problem`, for logs and error messages.
[[nodiscard]] std::string_view to_string(manifest_problem problem);

/// The first structural problem of `m`, or nullopt when it is well formed.
[[nodiscard]] std::optional<manifest_problem> check_manifest(const manifest& m);

/// manifest_hash (CVP1 §4). Hashes `m` as it is, valid or not.
[[nodiscard]] digest32 manifest_hash(const manifest& m);

/// roster_hash = H32("roster", LE64(#voters), keys sorted bytewise). The order of `voters` does
/// not matter; a key listed twice is hashed twice (the roster is expected to have no duplicates).
[[nodiscard]] digest32 roster_hash(std::span<const public_key> voters);

/// election_hash = H32("election", ceremony_id, K, manifest_hash, roster_hash).
[[nodiscard]] digest32 election_hash(const digest32& ceremony_id, const point& joint_key,
                                     const digest32& manifest_hash, const digest32& roster_hash);

// Builders for the standard votes of DOMAIN.md. Ids and labels are those of the record format
// (and of cvp1-kat.json); titles are the caller's. The results pass check_manifest provided
// the ids are non-empty and the sizes within limits.

/// A motion: one contest "motion" titled `contest_title`, options for/赞成, against/反对,
/// abstain/弃权, exactly one mark (min = max = 1).
[[nodiscard]] manifest motion_manifest(std::string vote_id, std::string title,
                                       std::string contest_title);

/// An election: per candidate i a contest "cand-i" titled with the name, options
/// approve/赞成 and disapprove/不赞成, min 0 max 1 (no mark = abstain); one constraint: the
/// approvals number at most `seats`.
[[nodiscard]] manifest election_manifest(std::string vote_id, std::string title,
                                         std::span<const std::string> candidates,
                                         std::uint64_t seats);

/// The rating scale of a democratic appraisal.
enum class appraisal_scale {
  standard,     // excellent/优秀, competent/合格, basic/基本合格, incompetent/不合格
  alternative,  // good/好, fairly-good/较好, average/一般, poor/差
};

/// A democratic appraisal: per member i a contest "member-i" titled with the name, one option
/// per level of `scale`, min 0 max 1.
[[nodiscard]] manifest appraisal_manifest(std::string vote_id, std::string title,
                                          std::span<const std::string> members,
                                          appraisal_scale scale = appraisal_scale::standard);

/// A confidence vote: per member i a contest "member-i" titled with the name, options
/// trust/信任, basic-trust/基本信任, distrust/不信任, min 0 max 1.
[[nodiscard]] manifest confidence_manifest(std::string vote_id, std::string title,
                                           std::span<const std::string> members);

/// A satisfaction appraisal (满意度测评): per item i a contest "item-i" titled with the item
/// (a resolution's implementation, a proposal's handling, a rectification), options
/// satisfied/满意, basically_satisfied/基本满意, unsatisfied/不满意, min 0 max 1.
[[nodiscard]] manifest satisfaction_manifest(std::string vote_id, std::string title,
                                             std::span<const std::string> items);

}  // namespace plenum::crypto
