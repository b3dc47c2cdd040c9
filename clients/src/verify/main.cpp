// plenum-verify RECORD [--threads N] [--congress-key HEX] [--reference] [--sample-seed N]:
// checks an exported record of a congress (protocol/RECORD.md) as CVP1 §8 says, prints one line
// per check and exits 0 only if every check passed (1 on a failed check, 2 on a record that
// cannot be read or bad usage).
// plenum-verify --challenge RECORD --vote V [--tracking CODE]: shows what the challenged
// (spoiled) ballots of vote V encrypted, in the manifest's words.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "plenum/clients/verify/challenge.hpp"
#include "plenum/clients/verify/record_files.hpp"
#include "plenum/clients/verify/verifier.hpp"

namespace {

constexpr const char* usage_line =
    "usage: plenum-verify RECORD_DIR [--threads N] [--congress-key HEX] [--reference]\n"
    "                     [--sample-seed N]\n"
    "       plenum-verify --challenge RECORD_DIR --vote VOTE_ID [--tracking CODE]\n";

int usage() {
  std::cerr << usage_line;
  return 2;
}

void help() {
  std::cout
      << usage_line
      << "Checks an exported record (protocol/RECORD.md) as CVP1 §8 says; one PASS/FAIL line per\n"
         "check. Exit status 0: every check passed; 1: a check failed; 2: unreadable record or\n"
         "bad usage.\n"
         "  --threads N          threads for the ballot and chain checks (default: all cores)\n"
         "  --congress-key HEX   the congress key published at the sitting; the record's must\n"
         "                       equal it\n"
         "  --reference          check every ballot with both engines: the fast variable-time\n"
         "                       one and the reference on libsodium's own operations (several\n"
         "                       times slower). Without it, a random sample of each vote's\n"
         "                       ballots (16, or 5 % when more) is checked both ways. Partial\n"
         "                       decryptions are always checked both ways. Any disagreement\n"
         "                       fails the `engines` check and the verification.\n"
         "  --sample-seed N      the sample's seed (the `engines` line reports the one used),\n"
         "                       to repeat a run\n"
         "  --challenge          cast or challenge: instead of verifying, show what the\n"
         "                       challenged (spoiled) ballots of --vote encrypted, in the\n"
         "                       manifest's words, to compare with what the tablet showed.\n"
         "                       --tracking selects one by its tracking code (as shown, e.g.\n"
         "                       7ZK3-M0QH-X4TB-9C2D, or 64 hex digits). Exit status 0: every\n"
         "                       ballot shown opened; 1: one did not (the tablet or the record\n"
         "                       lies); 2: none found, unreadable record or bad usage\n";
}

// Prints the challenged ballots of `vote` matching `tracking`; the exit status.
int show_challenges(const plenum::clients::verify::record& rec, const std::string& vote,
                    const std::string& tracking) {
  const auto found = plenum::clients::verify::find_challenges(rec, vote, tracking);
  if (found.empty()) {
    std::cout << "NO CHALLENGED BALLOT of vote " << vote
              << (tracking.empty() ? std::string() : " with tracking code " + tracking)
              << " in the record\n";
    return 2;
  }
  bool all_opened = true;
  for (const auto& c : found) {
    std::cout << "CHALLENGED BALLOT 检验的选票 " << c.tracking_code_display << " (vote "
              << c.vote_id << " " << c.vote_title << ", board entry " << c.seq << ", delegate "
              << c.person << ")\n";
    if (!c.opened) {
      all_opened = false;
      std::cout << "  DOES NOT OPEN 无法核对: " << c.problem << "\n";
      continue;
    }
    for (const auto& line : c.lines) std::cout << "  " << line << "\n";
    std::cout << "  OPENED 已核对: the ballot encrypted exactly this; it was spoiled and is not "
                 "counted\n";
  }
  return all_opened ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace plenum::clients::verify;
  std::string dir;
  verify_options options;
  bool challenge = false;
  std::string challenge_vote;
  std::string challenge_tracking;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      try {
        options.threads = static_cast<unsigned>(std::stoul(argv[++i]));
      } catch (const std::exception&) {
        return usage();
      }
    } else if (arg == "--congress-key" && i + 1 < argc) {
      auto key = plenum::crypto::public_key::from_hex(argv[++i]);
      if (!key) return usage();
      options.pinned_congress_key = *key;
    } else if (arg == "--challenge") {
      challenge = true;
    } else if (arg == "--vote" && i + 1 < argc) {
      challenge_vote = argv[++i];
    } else if (arg == "--tracking" && i + 1 < argc) {
      challenge_tracking = argv[++i];
    } else if (arg == "--reference") {
      options.reference_all = true;
    } else if (arg == "--sample-seed" && i + 1 < argc) {
      try {
        std::size_t used = 0;
        const std::string text = argv[++i];
        options.sample_seed = std::stoull(text, &used);
        if (used != text.size()) return usage();
      } catch (const std::exception&) {
        return usage();
      }
    } else if (arg == "--help" || arg == "-h") {
      help();
      return 0;
    } else if (dir.empty() && !arg.starts_with("--")) {
      dir = arg;
    } else {
      return usage();
    }
  }
  if (dir.empty()) return usage();
  if (challenge != !challenge_vote.empty() || (!challenge && !challenge_tracking.empty()))
    return usage();

  const auto start = std::chrono::steady_clock::now();
  auto rec = load_record(dir);
  if (!rec) {
    std::cout << "FAIL record: " << rec.error().message() << "\n";
    return 2;
  }
  if (challenge) return show_challenges(*rec, challenge_vote, challenge_tracking);
  std::cout << "PASS record: " << rec->events.size() << " events, " << rec->receipts.size()
            << " receipts read from " << dir << "\n";
  const auto report = verify_record(*rec, options);
  std::size_t failed = 0;
  bool engines_disagree = false;
  for (const auto& check : report.checks) {
    std::cout << format_check(check) << "\n";
    if (!check.passed) ++failed;
    if (!check.passed && check.name == "engines") engines_disagree = true;
  }
  if (engines_disagree)
    std::cerr << "plenum-verify: THE TWO ENGINES DISAGREE on this record: one of them is wrong, "
                 "so no verdict on the items named in the FAIL engines lines can be trusted\n";
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  if (report.passed())
    std::cout << "RECORD VERIFIED: " << report.checks.size() << " checks passed in " << ms
              << " ms\n";
  else
    std::cout << "RECORD NOT VERIFIED: " << failed << " of " << report.checks.size()
              << " checks failed\n";
  return report.passed() ? 0 : 1;
}
