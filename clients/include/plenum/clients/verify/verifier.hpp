// The independent verifier of CVP1 §8: given an exported record, recomputes everything the
// record lets anyone recompute and reports each check with its counts. It trusts nothing the
// server derived: the roster, attendance, aggregates, counts and outcomes are recomputed from
// the signed board events and compared with what the server published.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/clients/verify/record_files.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::clients::verify {

/// One line of the report: check `name` (chain, signatures, head, events, congress,
/// checkins, attendance, ceremony, election, roster, ballots, spoiled, receipts, engines, tally,
/// outcome, result, signers, and for the term between its meetings roster_changes, resolutions,
/// rectification, reports)
/// about `subject` (a sitting or vote id; empty for the whole board), with how many items it
/// covered and, when it failed, how many failed and the first reasons.
struct check_result {
  std::string name;
  std::string subject;
  bool passed = true;
  /// Items checked (events, check-ins, ballots, partials, positions, …).
  std::uint64_t count = 0;
  /// Items that failed.
  std::uint64_t failed = 0;
  /// What was checked (passed) or the first failures, "; "-separated (failed).
  std::string detail;
};

/// The full report, checks in the order first met.
struct verify_report {
  std::vector<check_result> checks;

  /// Whether there is at least one check and every check passed.
  [[nodiscard]] bool passed() const;
  /// The check named `name` about `subject`, if the report has it.
  [[nodiscard]] const check_result* find(std::string_view name,
                                         std::string_view subject = {}) const;
};

/// How to verify.
struct verify_options {
  /// Threads for the ballot, chain and partial checks; 0 means std::thread::hardware_concurrency.
  unsigned threads = 0;
  /// The congress key as published independently of the record (e.g. on the projector at the
  /// sitting); when set, the record's congress_pk must equal it.
  std::optional<crypto::public_key> pinned_congress_key;
  /// Ballots and partial decryptions are checked by the variable-time engine and, as a second
  /// engine, by the reference path on libsodium's own operations
  /// (plenum/crypto/reference_verify.hpp); any disagreement fails the `engines` check and the
  /// item. Every partial decryption is checked both ways. Ballots: all of them with
  /// `reference_all` (plenum-verify --reference), otherwise a seeded random sample of each
  /// vote's ballots (reference_sample_size of them).
  bool reference_all = false;
  /// The sample's seed; without one a fresh seed is drawn. The `engines` check reports the
  /// seed used, so a run can be repeated (plenum-verify --sample-seed).
  std::optional<std::uint64_t> sample_seed;
  /// TEST ONLY, a fault injector: the reference path's verdict on the ballot or partial
  /// decryption at this board seq is turned into its opposite (accepted ↔ refused), as a bug
  /// in one engine would, so that tests can see the disagreement fail the verification. Never
  /// set outside tests; plenum-verify has no option for it.
  std::optional<std::uint64_t> test_only_flip_reference_verdict_at_seq;
};

/// How many of `ballots` ballots of a vote the reference path checks without reference_all:
/// all of them up to 16, otherwise the larger of 16 and 5 % (rounded up).
[[nodiscard]] std::size_t reference_sample_size(std::size_t ballots);

/// Which of the `ballots` ballots of vote `vote_id` (in board order) the reference path checks
/// without reference_all: reference_sample_size(ballots) of them, one flag per ballot, chosen
/// by `seed` and the vote id alone (SplitMix64 driving a Fisher–Yates shuffle), so the same
/// seed and record give the same sample on every platform. Thread-safe.
[[nodiscard]] std::vector<bool> reference_sample(std::uint64_t seed, std::string_view vote_id,
                                                 std::size_t ballots);

/// Runs every check on `rec`. Never throws on bad input: whatever is wrong shows as a failed
/// check. Thread-safe (uses its own threads; `rec` is read only).
[[nodiscard]] verify_report verify_record(const record& rec, const verify_options& options = {});

/// `PASS ballots v1: 3000 verified` / `FAIL ballots v1: 2 of 3000 failed: …`.
[[nodiscard]] std::string format_check(const check_result& check);

}  // namespace plenum::clients::verify
