// The decision rules of DOMAIN.md ("Votes and how they are decided") and the outcomes they give.
// The server and the independent verifier both compute outcomes with this code, and both hash
// the exact texts `rule_text` and `outcome::text` into the result digest (CVP1 §7), so every
// text here is canonical: fixed key order, no spaces, integers only (thresholds are exact
// rationals, percentages are fixed decimals computed with integer arithmetic).
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/manifest.hpp"
#include "plenum/protocol/error.hpp"

namespace plenum::protocol {

/// The kinds of vote (CVP1 §4 manifest `kind`; satisfaction is Plenum's fifth kind).
enum class vote_kind { motion, election, appraisal, confidence, satisfaction };

/// "motion", "election", "appraisal", "confidence", "satisfaction".
[[nodiscard]] std::string_view to_string(vote_kind kind) noexcept;
/// The kind named `text`; nullopt for any other text.
[[nodiscard]] std::optional<vote_kind> parse_vote_kind(std::string_view text) noexcept;

/// What a threshold is a fraction of.
enum class denominator {
  seated,   ///< 应到: the seated delegates when the vote opened
  present,  ///< 实到: the delegates present when the vote opened
  ballots,  ///< the ballots cast
};

/// `count > num/den × base` (greater) or `count ≥ num/den × base` (at_least), decided with
/// exact integer arithmetic. 1 ≤ den ≤ max_term, num ≤ max_term (checked by the parsers and
/// the factories of `decision_rule`).
struct threshold {
  enum class comparison { greater, at_least };
  static constexpr std::uint32_t max_term = 1000;

  comparison cmp = comparison::greater;
  std::uint32_t num = 1;
  std::uint32_t den = 2;
  denominator of = denominator::seated;

  /// Whether `count` meets the threshold against `base`. Values up to 2^32 are exact.
  [[nodiscard]] bool met(std::uint64_t count, std::uint64_t base) const noexcept;
  /// The smallest count that meets the threshold against `base`.
  [[nodiscard]] std::uint64_t minimum(std::uint64_t base) const noexcept;

  friend bool operator==(const threshold&, const threshold&) = default;
};

/// A decision rule. Build one with the factories (which give the defaults of DOMAIN.md and its
/// alternatives) or parse one; both yield only valid rules. Value type, no shared state.
struct decision_rule {
  vote_kind kind = vote_kind::motion;
  /// motion: what `for` must meet; election: what approvals must meet to be elected;
  /// confidence: the line that the flagged option's share must exceed to flag a member;
  /// satisfaction: the line that the favourable marks (satisfied + basically_satisfied) of an
  /// item must meet for the item to be satisfactory; appraisal: unused (and not part of the
  /// text).
  threshold line;
  /// election only: seats to fill (≥ 1).
  std::uint32_t seats = 0;
  /// confidence only: the option whose share is compared with `line` ("distrust").
  std::string flag_option;

  /// Motion, default: passes when `for` > 1/2 of seated.
  [[nodiscard]] static decision_rule motion_majority_of_seated();
  /// Motion, alternative: passes when `for` > 1/2 of present.
  [[nodiscard]] static decision_rule motion_majority_of_present();
  /// Motion, alternative: passes when `for` ≥ 2/3 of seated.
  [[nodiscard]] static decision_rule motion_two_thirds_of_seated();
  /// Election of `seats` (≥ 1): elected with approvals > 1/2 of seated.
  [[nodiscard]] static decision_rule election(std::uint32_t seats);
  /// Democratic appraisal: counts and percentages only.
  [[nodiscard]] static decision_rule appraisal();
  /// Confidence vote: flags a member whose "distrust" share of the ballots exceeds num/den
  /// (default 1/3).
  [[nodiscard]] static decision_rule confidence(std::uint32_t num = 1, std::uint32_t den = 3);
  /// Satisfaction appraisal (满意度测评): an item is satisfactory when its satisfied and
  /// basically_satisfied marks together exceed num/den (default 1/2) of the ballots cast;
  /// otherwise it is flagged unsatisfactory.
  [[nodiscard]] static decision_rule satisfaction(std::uint32_t num = 1, std::uint32_t den = 2);
  /// The default rule of `kind` (for an election, of `seats` seats).
  [[nodiscard]] static decision_rule default_for(vote_kind kind, std::uint32_t seats = 1);

  friend bool operator==(const decision_rule&, const decision_rule&) = default;
};

/// The canonical JSON text of `rule`, e.g.
/// {"kind":"motion","pass":{"cmp":"gt","num":1,"den":2,"of":"seated"},"percent_of":"ballots"}
/// or, for a satisfaction appraisal,
/// {"kind":"satisfaction","satisfactory":{"cmp":"gt","num":1,"den":2,"of":"ballots"},
/// "percent_of":"ballots"} (its line is always of the ballots cast).
[[nodiscard]] std::string rule_text(const decision_rule& rule);
/// The rule as a JSON object (the same keys in the same order as `rule_text`).
[[nodiscard]] boost::json::object rule_json(const decision_rule& rule);
/// Parses a rule text. Fails with errc::invalid_rule unless the text is well formed, the rule
/// valid, and the text exactly canonical (it equals `rule_text` of the result).
[[nodiscard]] result<decision_rule> parse_rule(std::string_view text);
/// Reads a rule from a JSON object with the keys of `rule_json`; errc::invalid_rule otherwise.
[[nodiscard]] result<decision_rule> rule_from_json(const boost::json::object& json);

/// One option's decrypted count, with its manifest identity for the outcome's labels.
struct option_count {
  std::string option_id;
  std::string label;
  std::uint64_t count = 0;
};

/// One contest's counts, in manifest order.
struct contest_count {
  std::string contest_id;
  std::string title;
  std::vector<option_count> options;
};

/// Everything an outcome depends on: the counts per position (as decrypted), the number of
/// ballots cast and both denominators as they were when the vote opened.
struct tally_input {
  std::uint64_t ballots = 0;
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  std::vector<contest_count> contests;
};

/// The tally input of a vote from its manifest and its decrypted counts (one per position:
/// contests in order, options in order within each). Fails with errc::invalid_tally when the
/// number of counts differs from the number of positions.
[[nodiscard]] result<tally_input> make_tally_input(const crypto::manifest& m,
                                                   const std::vector<std::uint64_t>& counts,
                                                   std::uint64_t ballots, std::uint64_t seated,
                                                   std::uint64_t present);

/// The outcome of applying a rule to a tally.
struct outcome {
  vote_kind kind = vote_kind::motion;
  /// motion: whether it passed.
  bool passed = false;
  /// election: contest ids of the elected, ranked by approvals (ties in manifest order).
  std::vector<std::string> elected;
  /// election: contest ids tied at the last seat, who go to a run-off for `runoff_seats`.
  std::vector<std::string> runoff;
  std::uint32_t runoff_seats = 0;
  /// election: seats left unfilled because too few reached the threshold (a further round).
  std::uint32_t further_round_seats = 0;
  /// confidence: contest ids of members whose flagged share exceeds the line; satisfaction:
  /// contest ids of the items found unsatisfactory.
  std::vector<std::string> flagged;
  /// The canonical JSON text (see `decide_outcome`), hashed into the result digest.
  std::string text;
};

/// Applies `rule` to `tally`. The outcome text is a JSON object with, in this order:
/// "kind", "ballots", "seated", "present", then per kind
///  - motion: "required" (the least `for` count that passes), "options" [{"id","label","count",
///    "percent"}], "passed";
///  - election: "seats", "required", "candidates" [{"id","name","approve","disapprove",
///    "abstain","percent","elected"}], "elected" [ids ranked], "runoff" [ids], "runoff_seats",
///    "further_round_seats";
///  - appraisal: "members" [{"id","name","levels" [{"id","label","count","percent"}],"none"}];
///  - confidence: "required" (the least flagged-option count that flags), "members" [{"id",
///    "name","levels" [...],"none","flagged"}], "flagged" [ids];
///  - satisfaction: "required" (the least favourable count that is satisfactory), "items" [{"id",
///    "name","levels" [...],"none","favourable" (satisfied + basically_satisfied),"percent" (of
///    favourable),"satisfactory"}], "flagged" [ids of the unsatisfactory items].
/// Percentages are of the ballots cast, rounded half up to two decimals ("66.67"; "0.00" when
/// no ballot was cast); "abstain"/"none" count the ballots without a mark in that contest.
/// Fails with errc::invalid_tally when the tally does not fit the rule (wrong options, counts
/// above the ballots, more approvals than seats allow, seats above candidates).
[[nodiscard]] result<outcome> decide_outcome(const decision_rule& rule, const tally_input& tally);

/// `count` as a percentage of `total` with two decimals, rounded half up ("66.67"); "0.00"
/// when `total` is zero. Integer arithmetic only.
[[nodiscard]] std::string percent_text(std::uint64_t count, std::uint64_t total);

}  // namespace plenum::protocol
