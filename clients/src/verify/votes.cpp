// The checks of each vote that follow the replay: every ballot's proofs and signature (on all
// threads), the receipts, the aggregates and partial decryptions, the counts, the outcome and
// the result digest; ballots (all or a sample) and partial decryptions by two engines.
#include <algorithm>
#include <map>
#include <set>

#include "board_signers.hpp"
#include "engines.hpp"
#include "model.hpp"
#include "plenum/crypto/discrete_log.hpp"
#include "plenum/crypto/result.hpp"
#include "plenum/crypto/tally.hpp"
#include "plenum/protocol/rules.hpp"

namespace plenum::clients::verify::detail {

namespace {

std::string seq_text(std::uint64_t seq) { return "seq " + std::to_string(seq); }

struct ballot_verdict {
  std::string ballot_error;   // empty when the ballot is fine
  std::string receipt_error;  // empty when its receipt is fine
  bool both_engines = false;  // whether the reference path checked it too
  std::string engines_error;  // empty unless the two engines disagree
};

ballot_verdict check_ballot(const vote_model& v, const ballot_entry& entry,
                            const std::map<std::uint64_t, const protocol::receipt*>& receipts,
                            const crypto::public_key& server_pk, const engine_plan& plan,
                            bool with_reference) {
  ballot_verdict out;
  if (!entry.ballot) return out;  // already reported by the replay
  const auto& b = *entry.ballot;
  const auto status = crypto::verify_ballot(v.manifest, v.election_hash, v.keys->joint_key, b);
  if (with_reference) {
    out.both_engines = true;
    const auto reference =
        reference_ballot_status(plan, entry.seq, v.manifest, v.election_hash, v.keys->joint_key, b);
    if (reference != status)
      out.engines_error = disagreement(std::string(crypto::to_string(status)),
                                       std::string(crypto::to_string(reference)));
  }
  const auto digest = crypto::ballot_digest(b, v.election_hash);
  const auto tracking = crypto::tracking_code(digest, b.sig);
  if (!out.engines_error.empty())
    out.ballot_error = out.engines_error;
  else if (status != crypto::ballot_status::ok)
    out.ballot_error = std::string(crypto::to_string(status));
  else if (digest != entry.claimed_digest)
    out.ballot_error = "digest is not the recomputed ballot_digest";
  else if (tracking != entry.claimed_tracking)
    out.ballot_error = "tracking_code is not the recomputed one";

  auto it = receipts.find(entry.seq);
  if (it == receipts.end()) {
    out.receipt_error = "no receipt";
  } else {
    const auto& r = *it->second;
    if (r.tracking_code != tracking || r.board_entry_hash != entry.entry_hash)
      out.receipt_error = "receipt does not name this ballot's tracking code and board entry";
    else if (!server_pk.verify(crypto::receipt_digest(tracking, entry.seq, entry.entry_hash),
                               r.sig))
      out.receipt_error = "receipt signature does not verify";
  }
  return out;
}

// Returns what the `engines` check covered of the ballots, for its description.
std::string check_ballots(const vote_model& v,
                          const std::map<std::uint64_t, const protocol::receipt*>& receipts,
                          const board_signers& signers, unsigned threads, const engine_plan& plan,
                          check_log& log) {
  log.touch("ballots", v.id);
  if (!v.keys) {
    if (!v.ballots.empty()) log.fail("ballots", v.id, "ballots without an election key");
    return {};
  }
  const std::vector<bool> sample = ballots_to_check_both_ways(plan, v.id, v.ballots.size());
  std::vector<ballot_verdict> verdicts(v.ballots.size());
  parallel_for(v.ballots.size(), threads, [&](std::size_t i) {
    verdicts[i] =
        check_ballot(v, v.ballots[i], receipts, signers.of(v.ballots[i].seq), plan, sample[i]);
  });
  log.touch("engines", v.id);
  std::size_t both = 0;
  for (std::size_t i = 0; i < v.ballots.size(); ++i) {
    if (!verdicts[i].both_engines) continue;
    ++both;
    const std::string at = seq_text(v.ballots[i].seq) + " " + v.ballots[i].person + ": ";
    if (verdicts[i].engines_error.empty())
      log.pass("engines", v.id);
    else
      log.fail("engines", v.id, at + "ballot: " + verdicts[i].engines_error);
  }
  std::size_t with_ballot = 0;
  for (const auto& entry : v.ballots) with_ballot += entry.ballot ? 1 : 0;
  const std::string covered =
      std::to_string(both) + " of " + std::to_string(with_ballot) + " ballots (" +
      (plan.all ? std::string("--reference: all") : "sample seed " + std::to_string(plan.seed)) +
      ")";
  log.describe("engines", v.id, covered + " checked by both engines, verdicts equal");
  log.touch("receipts", v.id);
  for (std::size_t i = 0; i < v.ballots.size(); ++i) {
    const auto& entry = v.ballots[i];
    const std::string at = seq_text(entry.seq) + " " + entry.person + ": ";
    if (!verdicts[i].ballot_error.empty())
      log.fail("ballots", v.id, at + verdicts[i].ballot_error);
    else if (entry.admissible)
      log.pass("ballots", v.id);
    if (entry.ballot) {
      if (verdicts[i].receipt_error.empty())
        log.pass("receipts", v.id);
      else
        log.fail("receipts", v.id, at + verdicts[i].receipt_error);
    }
  }
  log.describe("ballots", v.id,
               "signer seated, checked in, once; unique ids and alphas; proofs, signature, "
               "tracking code");
  return covered;
}

// Every spoiled ballot: verifies as a cast one would, each nonce opens its ciphertext, and the
// recorded choices, digest and tracking code are those recomputed. Spoiled ballots are never in
// `v.ballots`, so the aggregates, the tally and the result leave them out by construction.
void check_spoiled(const vote_model& v, check_log& log) {
  if (v.spoiled.empty()) return;
  log.touch("spoiled", v.id);
  if (!v.keys) {
    log.fail("spoiled", v.id, "spoiled ballots without an election key");
    return;
  }
  for (const auto& entry : v.spoiled) {
    if (!entry.ballot || !entry.openings || !entry.claimed_choices) continue;  // reported
    const std::string at = seq_text(entry.seq) + " " + entry.person + ": ";
    const crypto::opened_ballot opened{*entry.ballot, *entry.openings};
    const auto r =
        crypto::check_spoiled_ballot(v.manifest, v.election_hash, v.keys->joint_key, opened);
    const auto digest = crypto::ballot_digest(*entry.ballot, v.election_hash);
    if (r.status == crypto::spoil_status::bad_ballot)
      log.fail("spoiled", v.id, at + std::string(crypto::to_string(r.ballot)));
    else if (r.status != crypto::spoil_status::ok)
      log.fail("spoiled", v.id, at + std::string(crypto::to_string(r.status)));
    else if (r.choices != *entry.claimed_choices)
      log.fail("spoiled", v.id, at + "the recorded choices are not what the ballot encrypted");
    else if (digest != entry.claimed_digest)
      log.fail("spoiled", v.id, at + "digest is not the recomputed ballot_digest");
    else if (crypto::tracking_code(digest, entry.ballot->sig) != entry.claimed_tracking)
      log.fail("spoiled", v.id, at + "tracking_code is not the recomputed one");
    else if (entry.admissible)
      log.pass("spoiled", v.id);
  }
  log.describe("spoiled", v.id,
               std::to_string(v.spoiled.size()) +
                   " spoiled: proofs, signature, every nonce opens its ciphertext, recorded "
                   "choices; ids and alphas never cast; not counted");
}

// Checks one partial decryption with both engines (counted in `engines`); whether both found
// it valid. A disagreement fails `engines` and `tally`; an invalid partial fails `tally`.
bool check_partial_both_ways(const vote_model& v, const engine_plan& plan,
                             std::span<const crypto::ciphertext> aggregates, const partial_entry& p,
                             check_log& log) {
  const std::string at = seq_text(p.seq) + " scrutineer " + std::to_string(p.index) + ": ";
  const bool fast =
      crypto::check_partial_decryption(*v.params, *v.keys, v.election_hash, aggregates, p.partial);
  const bool reference =
      reference_partial_ok(plan, p.seq, *v.params, *v.keys, v.election_hash, aggregates, p.partial);
  if (fast != reference) {
    const auto verdict = [](bool ok) { return std::string(ok ? "valid" : "invalid"); };
    const std::string why = disagreement(verdict(fast), verdict(reference));
    log.fail("engines", v.id, at + "partial decryption: " + why);
    log.fail("tally", v.id, at + why);
    return false;
  }
  log.pass("engines", v.id);
  if (!fast) log.fail("tally", v.id, at + "partial decryption proof or signature does not verify");
  return fast;
}

// The counts of every position from the valid partials, or why there are none.
// `ballots_covered`: what the engines check covered of the ballots (check_ballots).
std::optional<std::vector<std::uint64_t>> check_tally(const vote_model& v, const engine_plan& plan,
                                                      const std::string& ballots_covered,
                                                      check_log& log) {
  log.touch("tally", v.id);
  crypto::tally_accumulator acc([&] {
    std::size_t n = 0;
    for (const auto& c : v.manifest.contests) n += c.options.size();
    return n;
  }());
  for (const auto& entry : v.ballots) {
    if (!entry.ballot) continue;
    std::vector<crypto::ciphertext> cts;
    for (const auto& c : entry.ballot->contests)
      for (const auto& o : c.options) cts.push_back(o.ct);
    if (!acc.add(cts))
      log.fail("tally", v.id, seq_text(entry.seq) + ": ballot has the wrong shape");
  }
  const auto& aggregates = acc.aggregates();
  std::vector<crypto::partial_decryption> valid;
  std::set<std::uint64_t> seen;
  std::size_t both_ways = 0;
  for (const auto& p : v.partials) {
    const std::string at = seq_text(p.seq) + " scrutineer " + std::to_string(p.index) + ": ";
    if (p.partial.index != p.index) {
      log.fail("tally", v.id, at + "partial names another index");
    } else if (!seen.insert(p.index).second) {
      log.fail("tally", v.id, at + "second partial decryption");
    } else {
      ++both_ways;
      if (check_partial_both_ways(v, plan, aggregates, p, log)) {
        valid.push_back(p.partial);
        log.pass("tally", v.id);
      }
    }
  }
  log.describe("engines", v.id,
               ballots_covered + " and " + std::to_string(both_ways) +
                   " partial decryptions checked by both engines, verdicts equal");
  const auto k = v.params->k();
  if (valid.size() < k) {
    log.fail("tally", v.id,
             std::to_string(valid.size()) + " valid partial decryptions, k = " + std::to_string(k));
    return std::nullopt;
  }
  const crypto::discrete_log_table table(std::max<std::uint64_t>(acc.ballots(), 1));
  auto counts = crypto::decrypt_counts(aggregates, valid, k, acc.ballots(), table);
  if (!counts) {
    log.fail("tally", v.id, "t·G == B − M has no t in [0, #ballots] for some position");
    return std::nullopt;
  }
  log.pass("tally", v.id, counts->size());
  log.describe("tally", v.id,
               std::to_string(acc.ballots()) + " ballots summed, " + std::to_string(valid.size()) +
                   " partial decryptions (k = " + std::to_string(k) + "), " +
                   std::to_string(counts->size()) + " counts with t·G == B − M");
  return counts;
}

void check_outcome(const vote_model& v, const std::vector<std::uint64_t>& counts, check_log& log) {
  const auto& d = *v.decided;
  log.touch("outcome", v.id);
  if (d.rule != v.rule_text)
    return log.fail("outcome", v.id, "the result's rule is not the rule the vote was created with");
  auto rule = protocol::parse_rule(v.rule_text);
  if (!rule) return log.fail("outcome", v.id, "the rule text is not a canonical rule");
  if (protocol::to_string(rule->kind) != v.kind)
    return log.fail("outcome", v.id, "the rule is for another kind of vote");
  protocol::tally_input tally;
  tally.ballots = v.ballots.size();
  tally.seated = v.seated;
  tally.present = v.present;
  std::size_t position = 0;
  for (const auto& contest : v.manifest.contests) {
    protocol::contest_count cc{contest.contest_id, contest.title, {}};
    for (const auto& option : contest.options)
      cc.options.push_back({option.option_id, option.label, counts.at(position++)});
    tally.contests.push_back(std::move(cc));
  }
  auto outcome = protocol::decide_outcome(*rule, tally);
  if (!outcome) return log.fail("outcome", v.id, "the counts do not fit the rule");
  if (outcome->text != d.outcome)
    return log.fail("outcome", v.id, "the published outcome is not the rule applied to the counts");
  log.pass("outcome", v.id);
  log.describe("outcome", v.id,
               "recomputed from counts, seated " + std::to_string(v.seated) + ", present " +
                   std::to_string(v.present) + " and " + v.rule_text);
}

// Every signature on the result (CVP1 §8.6): each scrutineer's, who must be one whose partial
// decryption was combined, and the chair's announcement, which needs all of theirs first.
void check_signers(const vote_model& v, const std::optional<crypto::digest32>& digest,
                   check_log& log) {
  log.touch("signers", v.id);
  const auto total = v.result_signatures.size() + v.announcements.size();
  if (!digest) {
    if (total > 0) log.fail("signers", v.id, "no recomputed result digest to check against");
    return;
  }
  std::set<std::uint64_t> decrypted;
  for (const auto& p : v.partials) decrypted.insert(p.index);
  std::set<std::uint64_t> signed_by;
  for (const auto& r : v.result_signatures) {
    const std::string at =
        seq_text(r.seq) + " scrutineer " + std::to_string(r.index) + " (" + r.person + "): ";
    if (!r.signer_entitled)
      log.fail("signers", v.id, at + "not the scrutineer appointed at this index with this key");
    else if (!decrypted.contains(r.index))
      log.fail("signers", v.id, at + "signed without a partial decryption in the tally");
    else if (!signed_by.insert(r.index).second)
      log.fail("signers", v.id, at + "signed twice");
    else if (!r.signer_pk.verify(*digest, r.sig))
      log.fail("signers", v.id, at + "signature does not verify over the result digest");
    else
      log.pass("signers", v.id);
  }
  std::string announced = "not announced";
  if (v.announcements.size() > 1)
    log.fail("signers", v.id,
             "the result was announced " + std::to_string(v.announcements.size()) + " times");
  for (const auto& a : v.announcements) {
    const std::string at = seq_text(a.seq) + " announcement by " + a.person + ": ";
    if (!a.signer_entitled) {
      log.fail("signers", v.id, at + "not signed by the current key of a chair");
      continue;
    }
    if (!a.signer_pk.verify(*digest, a.sig)) {
      log.fail("signers", v.id, at + "signature does not verify over the result digest");
      continue;
    }
    bool complete = true;
    for (auto index : decrypted) {
      const bool before =
          std::any_of(v.result_signatures.begin(), v.result_signatures.end(), [&](const auto& r) {
            return r.index == index && r.seq < a.seq && signed_by.contains(index);
          });
      if (!before) {
        complete = false;
        log.fail("signers", v.id,
                 at + "announced before scrutineer " + std::to_string(index) + " signed");
      }
    }
    if (complete) {
      log.pass("signers", v.id);
      announced = "announced by " + a.person;
    }
  }
  log.describe("signers", v.id,
               std::to_string(signed_by.size()) + " of " + std::to_string(decrypted.size()) +
                   " scrutineers who decrypted signed the result digest; " + announced);
}

std::optional<crypto::digest32> check_result(
    const vote_model& v, const congress_model& m,
    const std::optional<std::vector<std::uint64_t>>& counts, check_log& log) {
  const auto& d = *v.decided;
  log.touch("result", v.id);
  std::vector<std::string> problems;
  if (d.ballots != v.ballots.size()) problems.push_back("ballots is not the number accepted");
  if (d.seated != v.seated || d.present != v.present)
    problems.push_back("seated/present are not those recomputed when the vote opened");
  if (d.board_seq_at_close != v.closed_seq || d.board_seq_at_close >= m.entry_hashes.size())
    problems.push_back("board_seq_at_close is not the vote_closed event");
  if (counts && *counts != d.counts) problems.push_back("published counts are not the decryption");
  std::size_t positions = 0;
  for (const auto& c : v.manifest.contests) positions += c.options.size();
  if (d.counts.size() != positions) problems.push_back("not one count per position");
  if (d.published_hash_at_close && d.board_seq_at_close < m.entry_hashes.size() &&
      *d.published_hash_at_close != m.entry_hashes[d.board_seq_at_close])
    problems.push_back("board_hash_at_close is not the vote_closed event's entry hash");
  for (const auto& p : problems) log.fail("result", v.id, p);
  if (!problems.empty()) return std::nullopt;
  crypto::result_record r;
  r.election_hash = v.election_hash;
  r.board_seq_at_close = d.board_seq_at_close;
  r.board_hash_at_close = m.entry_hashes[d.board_seq_at_close];
  r.ballots = d.ballots;
  r.seated = d.seated;
  r.present = d.present;
  r.rule = d.rule;
  r.counts = d.counts;
  r.outcome = d.outcome;
  const auto digest = crypto::result_digest(r);
  if (d.published_digest && *d.published_digest != digest) {
    log.fail("result", v.id, "the published result_digest is not the recomputed one");
    return std::nullopt;
  }
  // The server's signature on the board entry holding the result was checked with the chain;
  // the scrutineers' and the chair's are the signers check.
  log.pass("result", v.id);
  log.describe("result", v.id,
               "result_digest " + crypto::to_hex(digest).substr(0, 16) +
                   "…, signed by the server in board entry " + std::to_string(d.seq) + "; " +
                   std::to_string(v.result_signatures.size()) + " scrutineer and " +
                   std::to_string(v.announcements.size()) + " chair signatures in the record");
  return digest;
}

}  // namespace

void check_votes(const record& rec, congress_model& model, const board_signers& signers,
                 unsigned threads, const engine_plan& plan, check_log& log) {
  std::map<std::uint64_t, const protocol::receipt*> receipts;
  for (const auto& r : rec.receipts)
    if (!receipts.emplace(r.board_seq, &r).second)
      log.fail("receipts", "", "two receipts for seq " + std::to_string(r.board_seq));
  for (const auto& id : model.vote_order) {
    const auto& v = model.votes.at(id);
    if (!v.opened) continue;
    const std::string ballots_covered = check_ballots(v, receipts, signers, threads, plan, log);
    check_spoiled(v, log);
    if (!v.decided) {
      if (!v.partials.empty() || v.closed) {
        log.touch("tally", v.id);
        log.describe("tally", v.id,
                     std::to_string(v.partials.size()) +
                         " partial decryptions so far; the record holds no result of this vote");
      }
      continue;
    }
    if (!v.params || !v.keys) {
      log.fail("tally", v.id, "the vote has no ceremony keys");
      continue;
    }
    auto counts = check_tally(v, plan, ballots_covered, log);
    if (counts)
      check_outcome(v, *counts, log);
    else
      log.fail("outcome", v.id, "no decrypted counts to recompute the outcome from");
    check_signers(v, check_result(v, model, counts, log), log);
  }
}

}  // namespace plenum::clients::verify::detail
