// Votes, ballots, results and the key ceremony.
#include <algorithm>
#include <set>

#include "domain/ballot_check.hpp"
#include "domain/decide_internal.hpp"
#include "domain/generated_ids.hpp"
#include "domain/quorum.hpp"
#include "domain/satisfaction_subjects.hpp"
#include "domain/voter_ballot.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/hash.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/result.hpp"
#include "plenum/crypto/roster_tree.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace plenum::server::domain::detail {

namespace json = boost::json;
using protocol::vote_kind;

namespace {

struct vote_definition {
  std::string vote_id;
  std::string sitting_id;
  std::string item_id;
  vote_kind kind = vote_kind::motion;
  std::string title;
  bool secret = true;
  protocol::decision_rule rule;
  std::uint32_t seats = 0;
  std::vector<std::string> candidates;
  bool uncontested = false;
  std::vector<std::string> members;
  bool alternative_scale = false;
  std::string follow_up_of;
  std::vector<protocol::vote_subject> subjects;
};

crypto::manifest build_manifest(const vote_definition& d) {
  switch (d.kind) {
    case vote_kind::motion:
      return crypto::motion_manifest(d.vote_id, d.title, "决议");
    case vote_kind::election:
      return crypto::election_manifest(d.vote_id, d.title, d.candidates, d.seats);
    case vote_kind::appraisal:
      return crypto::appraisal_manifest(d.vote_id, d.title, d.members,
                                        d.alternative_scale ? crypto::appraisal_scale::alternative
                                                            : crypto::appraisal_scale::standard);
    case vote_kind::confidence:
      return crypto::confidence_manifest(d.vote_id, d.title, d.members);
    case vote_kind::satisfaction:
      return crypto::satisfaction_manifest(d.vote_id, d.title, d.members);
  }
  return {};
}

result<events::vote_created> vote_created(const vote_definition& d) {
  crypto::manifest m = build_manifest(d);
  if (crypto::check_manifest(m)) return errc::invalid_vote;
  return events::vote_created{d.vote_id,
                              d.sitting_id,
                              d.item_id,
                              d.kind,
                              d.title,
                              d.secret,
                              protocol::rule_text(d.rule),
                              d.seats,
                              d.kind == vote_kind::election ? d.candidates : d.members,
                              d.uncontested,
                              d.follow_up_of,
                              std::move(m),
                              d.subjects};
}

bool item_allows(item_kind item, vote_kind kind) {
  switch (kind) {
    case vote_kind::motion:
      return item == item_kind::report || item == item_kind::major_matter ||
             item == item_kind::proposal || item == item_kind::other;
    case vote_kind::election:
      return item == item_kind::election;
    case vote_kind::appraisal:
    case vote_kind::confidence:
      return item == item_kind::appraisal;
    case vote_kind::satisfaction:
      // The follow-up reports on resolutions, proposals and rectification are report items.
      return item == item_kind::report || item == item_kind::appraisal;
  }
  return false;
}

bool distinct_names(const std::vector<std::string>& names) {
  std::set<std::string> seen;
  for (const auto& n : names)
    if (!valid_text(n, 256) || !seen.insert(n).second) return false;
  return !names.empty();
}

const vote* vote_open_in(const congress_state& state, const std::string& sitting_id) {
  for (const auto& [id, v] : state.votes())
    if (v.sitting_id == sitting_id && v.state == vote::status::open) return &v;
  return nullptr;
}

// The next free id for a follow-up vote of `base`.
std::string follow_up_id(const congress_state& state, const std::string& base) {
  for (int n = 2;; ++n) {
    std::string id = base + "-" + std::to_string(n);
    if (state.find_vote(id) == nullptr) return id;
  }
}

}  // namespace

result<decision> handle(const congress_state& state, const create_vote& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  auto item = (*s)->items.find(c.item_id);
  if (item == (*s)->items.end()) return errc::unknown_item;
  const std::string vote_id = c.vote_id.empty() ? next_vote_id(state, c.sitting_id) : c.vote_id;
  if (!valid_id(vote_id) || vote_id.size() > 56) return errc::invalid_vote;
  if (state.find_vote(vote_id) != nullptr) return errc::vote_exists;
  auto kind = protocol::parse_vote_kind(c.kind);
  if (!kind || !valid_text(c.title, 512)) return errc::invalid_vote;
  if (!item_allows(item->second.kind, *kind)) return errc::invalid_vote;
  // A named vote only for a procedural motion.
  if (c.open_ballot && !(*kind == vote_kind::motion && item->second.kind == item_kind::other))
    return errc::invalid_vote;

  vote_definition d;
  d.vote_id = vote_id;
  d.sitting_id = c.sitting_id;
  d.item_id = c.item_id;
  d.kind = *kind;
  d.title = c.title;
  d.secret = !c.open_ballot;
  if (*kind == vote_kind::election) {
    if (c.seats == 0 || !distinct_names(c.candidates)) return errc::invalid_vote;
    const std::uint64_t n = c.candidates.size();
    if (n < c.seats) return errc::not_enough_candidates;
    if (c.uncontested) {
      if (n != c.seats) return errc::invalid_vote;
    } else if (5 * n < 6 * std::uint64_t{c.seats}) {
      // 差额: candidates ≥ ceil(1.2 × seats), i.e. 5 × candidates ≥ 6 × seats.
      return errc::not_enough_candidates;
    }
    d.seats = c.seats;
    d.candidates = c.candidates;
    d.uncontested = c.uncontested;
  } else {
    if (c.seats != 0 || !c.candidates.empty() || c.uncontested) return errc::invalid_vote;
    d.members = c.members;
    if (*kind == vote_kind::satisfaction) {
      // The items' titles are the subjects' own, generated when the chair leaves them out.
      auto titles = satisfaction_titles(state, c.subjects, c.members);
      if (!titles) return titles.error();
      d.members = std::move(*titles);
      d.subjects = c.subjects;
    } else if (!c.subjects.empty()) {
      return errc::invalid_vote;
    }
    if (*kind == vote_kind::motion) {
      if (!d.members.empty()) return errc::invalid_vote;
    } else if (!distinct_names(d.members)) {
      return errc::invalid_vote;
    }
    d.alternative_scale = c.alternative_scale && *kind == vote_kind::appraisal;
  }
  if (c.rule.empty()) {
    d.rule = protocol::decision_rule::default_for(*kind, d.seats);
  } else {
    auto rule = protocol::parse_rule(c.rule);
    if (!rule) return rule.error();
    if (rule->kind != *kind || (*kind == vote_kind::election && rule->seats != d.seats))
      return errc::invalid_rule;
    d.rule = *rule;
  }
  auto draft = vote_created(d);
  if (!draft) return draft.error();
  decision out;
  out.events.push_back(std::move(*draft));
  out.created_id_field = "vote_id";
  out.created_id = vote_id;
  return out;
}

result<decision> handle(const congress_state& state, const open_vote& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  if (v->state != vote::status::created) return errc::vote_already_open;
  auto s = live_sitting(state, v->sitting_id);
  if (!s) return s.error();
  if ((*s)->state != sitting::status::open) return errc::sitting_not_open;
  if ((*s)->current_item != v->item_id) return errc::item_not_current;
  if (vote_open_in(state, v->sitting_id) != nullptr) return errc::vote_still_open;
  const auto& ceremony = (*s)->ceremony;
  if (!ceremony) return errc::no_ceremony;
  if (!ceremony->complete || !ceremony->joint_key) return errc::ceremony_in_progress;
  const auto seated = state.seated(**s);
  const std::uint64_t present = state.present_count(**s);
  if (seated.empty() || !quorum_holds(seated.size(), present)) return errc::quorum_not_reached;

  // The roster of the vote: the device keys of the seated delegates.
  std::vector<crypto::public_key> keys;
  for (const auto& number : seated) {
    const enrollment* en = state.find_enrollment(number);
    if (en != nullptr && en->device_key) keys.push_back(*en->device_key);
  }
  std::sort(keys.begin(), keys.end());
  const auto manifest_hash = crypto::manifest_hash(v->manifest);
  const auto roster_hash = crypto::roster_hash(keys);
  auto ceremony_id = crypto::from_hex_fixed<32>(ceremony->ceremony_id);
  if (!ceremony_id) return errc::internal;
  const auto election_hash =
      crypto::election_hash(*ceremony_id, *ceremony->joint_key, manifest_hash, roster_hash);
  auto tree = crypto::roster_tree::build(keys);
  if (!tree) return errc::not_enrolled;  // no seated delegate has a device key
  // The roster goes in its own event, outside the tablets' course; vote_opened (format 2)
  // names it by seq, count and Merkle root, in the same durable group.
  const std::uint64_t roster_seq = state.next_seq();
  const std::uint64_t roster_count = keys.size();
  decision out;
  out.events.emplace_back(
      events::vote_roster{c.vote_id, seated, std::move(keys), roster_hash, tree->root()});
  events::vote_opened opened{
      c.vote_id,     seated.size(), present,      quorum_required(seated.size()), {},           {},
      manifest_hash, roster_hash,   *ceremony_id, *ceremony->joint_key,           election_hash};
  opened.roster_seq = roster_seq;
  opened.roster_count = roster_count;
  opened.roster_root = tree->root();
  opened.format = 2;
  out.events.emplace_back(std::move(opened));
  return out;
}

result<decision> handle(const congress_state& state, const close_vote& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  if (v->state != vote::status::open) return errc::vote_not_open;
  return single(events::vote_closed{c.vote_id, v->ballots.size()});
}

result<decision> handle(const congress_state& state, const cast_ballot& c, const context& ctx) {
  auto vb = check_voter_ballot(state, c.vote_id, c.ballot, c.checked, ctx);
  if (!vb) return vb.error();
  const vote& v = *vb->v;
  if (auto prior = v.ballots.find(vb->number); prior != v.ballots.end()) {
    // A ballot is final; the identical ballot sent again gets its original receipt data.
    if (prior->second.ballot != c.ballot) return errc::already_voted;
    decision again;
    again.repeat = repeated_ballot{prior->second.seq,
                                   *crypto::from_hex_fixed<32>(prior->second.tracking_code),
                                   *crypto::from_hex_fixed<32>(prior->second.digest),
                                   {}};
    return again;
  }
  if (auto ec = check_unused(*vb)) return ec;
  const auto& verified = vb->check->verdict;
  if (!verified) return verified.error();
  const crypto::ballot& b = c.ballot;
  return single(events::ballot_accepted{c.vote_id, vb->number, b.voter_pk, b.ballot_id,
                                        verified->digest, verified->tracking, b});
}

result<decision> handle(const congress_state& state, const record_result& c, const context& ctx) {
  if (auto ec = require_system(ctx)) return ec;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  if (v->state == vote::status::created) return errc::vote_not_open;
  if (v->state == vote::status::open) return errc::vote_still_open;
  if (v->state == vote::status::decided) return errc::result_exists;
  return decide_result(state, *v, c.counts);
}

result<decision> decide_result(const congress_state& state, const vote& vr,
                               const std::vector<std::uint64_t>& result_counts) {
  const vote* v = &vr;
  auto tally = protocol::make_tally_input(v->manifest, result_counts, v->ballots.size(), v->seated,
                                          v->present);
  if (!tally) return tally.error();
  auto outcome = protocol::decide_outcome(v->rule, *tally);
  if (!outcome) return outcome.error();
  // The digest everyone signs (CVP1 §7), over the board as it stood when the vote closed.
  auto election_hash = crypto::from_hex_fixed<32>(v->election_hash);
  auto closed_hash = crypto::from_hex_fixed<32>(v->closed_hash);
  if (!election_hash || !closed_hash) return errc::internal;
  crypto::result_record record;
  record.election_hash = *election_hash;
  record.board_seq_at_close = v->closed_seq;
  record.board_hash_at_close = *closed_hash;
  record.ballots = tally->ballots;
  record.seated = tally->seated;
  record.present = tally->present;
  record.rule = v->rule_text;
  record.counts = result_counts;
  record.outcome = outcome->text;
  decision out = single(events::vote_decided{
      v->id, v->closed_seq, tally->ballots, tally->seated, tally->present, result_counts,
      v->rule_text, outcome->text, *closed_hash, crypto::result_digest(record)});
  if (auto ec = follow_up_of_result(state, *v, *outcome, out)) return ec;
  // An election that did not fill its seats continues on the same item: a run-off among the
  // tied, or a further round among the candidates not elected.
  if (v->kind == vote_kind::election &&
      (!outcome->runoff.empty() || outcome->further_round_seats > 0)) {
    vote_definition d;
    d.vote_id = follow_up_id(state, v->id);
    d.sitting_id = v->sitting_id;
    d.item_id = v->item_id;
    d.kind = vote_kind::election;
    d.secret = v->secret;
    d.follow_up_of = v->id;
    std::set<std::string> chosen(outcome->runoff.begin(), outcome->runoff.end());
    std::set<std::string> elected(outcome->elected.begin(), outcome->elected.end());
    const bool runoff = !outcome->runoff.empty();
    for (std::size_t i = 0; i < v->manifest.contests.size(); ++i) {
      const auto& id = v->manifest.contests[i].contest_id;
      if (runoff ? chosen.contains(id) : !elected.contains(id))
        d.candidates.push_back(v->candidates.at(i));
    }
    d.seats = runoff ? outcome->runoff_seats : outcome->further_round_seats;
    d.title = v->title + (runoff ? "（另行选举：同票）" : "（另行选举）");
    d.rule = protocol::decision_rule::election(d.seats);
    d.rule.line = v->rule.line;
    d.uncontested = d.candidates.size() == d.seats;
    if (d.candidates.size() >= d.seats) {
      auto draft = vote_created(d);
      if (!draft) return draft.error();
      out.events.push_back(std::move(*draft));
    }
  }
  return out;
}

}  // namespace plenum::server::domain::detail
