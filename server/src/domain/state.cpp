#include "domain/state.hpp"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>
#include <variant>

#include "domain/monthly_report.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/result.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 7> item_kind_names = {
    "report", "major_matter", "briefing", "proposal", "election", "appraisal", "other"};

}  // namespace

std::string_view to_string(item_kind kind) noexcept {
  return item_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<item_kind> parse_item_kind(std::string_view text) noexcept {
  for (std::size_t i = 0; i < item_kind_names.size(); ++i)
    if (item_kind_names[i] == text) return static_cast<item_kind>(i);
  return std::nullopt;
}

const person* congress_state::find_person(std::string_view number) const {
  auto it = person_index_.find(number);
  return it == person_index_.end() ? nullptr : &persons_[it->second];
}

const enrollment* congress_state::find_enrollment(std::string_view number) const {
  auto it = enrollments_.find(std::string(number));
  return it == enrollments_.end() ? nullptr : &it->second;
}

const device_record* congress_state::find_device(const crypto::public_key& key) const {
  auto it = devices_.find(key.hex());
  return it == devices_.end() ? nullptr : &it->second;
}

const sitting* congress_state::find_sitting(std::string_view id) const {
  auto it = sittings_.find(std::string(id));
  return it == sittings_.end() ? nullptr : &it->second;
}

const proposal* congress_state::find_proposal(std::string_view id) const {
  auto it = proposals_.find(std::string(id));
  return it == proposals_.end() ? nullptr : &it->second;
}

const vote* congress_state::find_vote(std::string_view id) const {
  auto it = votes_.find(std::string(id));
  return it == votes_.end() ? nullptr : &it->second;
}

bool congress_state::is_delegate(std::string_view number) const {
  const person* p = find_person(number);
  return p != nullptr && p->roles.has(role::delegate);
}

bool congress_state::sits_in(const sitting& s, std::string_view number) const {
  if (!is_delegate(number)) return false;
  if (s.group_id.empty()) return true;
  const delegate_group* g = groups_.find_group(s.group_id);
  return g != nullptr && g->has_member(number);
}

std::vector<std::string> congress_state::seated(const sitting& s) const {
  const delegate_group* g = s.group_id.empty() ? nullptr : groups_.find_group(s.group_id);
  if (!s.group_id.empty() && g == nullptr) return {};
  std::vector<std::string> out;
  for (const auto& p : persons_)
    if (p.roles.has(role::delegate) && !s.excused.contains(p.number) &&
        (g == nullptr || g->has_member(p.number)))
      out.push_back(p.number);
  return out;
}

std::uint64_t congress_state::present_count(const sitting& s) const {
  std::uint64_t n = 0;
  for (const auto& [number, record] : s.present)
    if (sits_in(s, number) && !s.excused.contains(number)) ++n;
  return n;
}

void throw_exception_from_error(const apply_error& e, const boost::source_location&) {
  throw std::runtime_error(e.reason);
}

template <typename Map>
auto* find(Map& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

// Applies each event type; a handler checks everything it needs before it changes anything.
struct congress_state::applier {
  congress_state& st;
  const event& e;

  // A vote's eligible numbers, as listed and sorted.
  static void set_eligible(vote& v, const std::vector<std::string>& eligible) {
    v.eligible = eligible;
    v.eligible_sorted = eligible;
    std::sort(v.eligible_sorted.begin(), v.eligible_sorted.end());
  }

  // A vote's eligible numbers and roster keys (sorted) with the tree over them.
  static void set_roster(vote& v, const std::vector<std::string>& eligible,
                         const std::vector<crypto::public_key>& keys, crypto::roster_tree tree) {
    set_eligible(v, eligible);
    v.roster.clear();
    for (const auto& k : keys) v.roster.push_back(k.hex());
    std::sort(v.roster.begin(), v.roster.end());
    v.roster_root = crypto::to_hex(tree.root());
    v.tree.tree = std::make_shared<const crypto::roster_tree>(std::move(tree));
  }

  apply_result operator()(const protocol::events::congress_created& p) {
    st.congress_ = congress_info{p.congress_id, p.name, p.term_start, p.term_end};
    return {};
  }

  apply_result operator()(const protocol::events::roster_imported& p) {
    std::vector<person> persons;
    for (const auto& one : p.persons) {
      auto pr = person_of(one);
      if (!pr) return refused("roster_imported: " + one.number + " has an unknown role");
      persons.push_back(std::move(*pr));
    }
    std::vector<roster_warning> warnings;
    for (const auto& w : p.warnings) warnings.push_back({w.code, w.detail});
    st.persons_ = std::move(persons);
    st.person_index_.clear();
    for (std::size_t i = 0; i < st.persons_.size(); ++i)
      st.person_index_.emplace(st.persons_[i].number, i);
    st.membership_ = {p.membership.members, p.membership.women, p.membership.minority};
    st.warnings_ = std::move(warnings);
    st.warnings_acknowledged_ = st.warnings_.empty();
    // Enrollments of persons no longer on the roster lapse with their device keys.
    for (auto it = st.enrollments_.begin(); it != st.enrollments_.end();) {
      if (st.find_person(it->first) == nullptr) {
        for (auto& [key, device] : st.devices_)
          if (device.person == it->first) device.revoked = true;
        it = st.enrollments_.erase(it);
      } else {
        ++it;
      }
    }
    return {};
  }

  apply_result operator()(const protocol::events::roster_warnings_acknowledged&) {
    st.warnings_acknowledged_ = true;
    return {};
  }

  apply_result operator()(const protocol::events::enrollment_code_issued& p) {
    auto& en = st.enrollments_[p.person];
    en.code_salt = crypto::to_hex(p.salt);
    en.code_hash = crypto::to_hex(p.code_hash);
    en.code_spent = false;
    ++en.codes_issued;
    return {};
  }

  apply_result operator()(const protocol::events::device_enrolled& p) {
    auto en = st.enrollments_.find(p.person);
    if (en == st.enrollments_.end()) return unknown("enrollment of", p.person);
    if (en->second.device_key) st.devices_[en->second.device_key->hex()].revoked = true;
    en->second.device_key = p.device_pk;
    en->second.code_spent = true;
    st.devices_[p.device_pk.hex()] = device_record{p.person, false};
    return {};
  }

  apply_result operator()(const protocol::events::sitting_created& p) {
    sitting s;
    s.id = p.sitting_id;
    s.title = p.title;
    s.date = p.date;
    if (p.kind && *p.kind == "extraordinary")
      s.kind = sitting::meeting::extraordinary;
    else if (p.kind && *p.kind != "annual")
      return refused("sitting_created " + p.sitting_id + ": unknown kind " + *p.kind);
    s.year = p.year.value_or(0);
    if (p.group_id) {
      if (st.groups_.find_group(*p.group_id) == nullptr)
        return refused("sitting_created " + p.sitting_id + " names an unknown group " +
                       *p.group_id);
      s.group_id = *p.group_id;
    }
    st.sittings_.insert_or_assign(p.sitting_id, std::move(s));
    return {};
  }

  apply_result operator()(const protocol::events::checkin_opened& p) {
    return set_checkin(p.sitting_id, true);
  }

  apply_result operator()(const protocol::events::checkin_closed& p) {
    return set_checkin(p.sitting_id, false);
  }

  apply_result operator()(const protocol::events::checked_in& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    checkin_record r;
    r.unix_ms = static_cast<std::int64_t>(p.unix_ms);
    r.signature = p.signature.hex();
    r.assisted = p.assisted;
    r.signer_pk = p.assisted ? p.secretary_pk->hex() : p.device_pk.hex();
    if (p.assisted) r.reason = p.reason;
    r.seq = e.seq;
    s->present[p.person] = std::move(r);
    return {};
  }

  apply_result operator()(const protocol::events::delegate_excused& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    s->excused[p.person] = excusal{p.reason, p.approver, p.recorded_by};
    return {};
  }

  apply_result operator()(const protocol::events::excusal_withdrawn& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    if (s->excused.erase(p.person) == 0)
      return refused("excusal_withdrawn: " + p.person + " is not excused");
    return {};
  }

  apply_result operator()(const protocol::events::sitting_opened& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    s->state = sitting::status::open;
    return {};
  }

  apply_result operator()(const protocol::events::sitting_closed& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    s->state = sitting::status::closed;
    s->checkin_open = false;
    return {};
  }

  apply_result operator()(const protocol::events::item_added& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    auto kind = parse_item_kind(p.kind);
    if (!kind) return refused("unknown item kind " + p.kind);
    proposal* pr = nullptr;
    if (!p.proposal_id.empty()) {
      pr = find(st.proposals_, p.proposal_id);
      if (pr == nullptr) return unknown("proposal", p.proposal_id);
    }
    agenda_item item;
    item.id = p.item_id;
    item.kind = *kind;
    item.title = p.title;
    item.order = static_cast<std::int64_t>(p.order);
    item.responsible = p.responsible;
    item.proposal_id = p.proposal_id;
    if (p.follow_up) {
      if (*p.follow_up != "resolutions" && *p.follow_up != "rectification")
        return refused("item_added " + p.item_id + ": unknown follow_up " + *p.follow_up);
      item.follow_up = *p.follow_up;
    }
    if (pr != nullptr) {
      pr->sitting_id = s->id;
      pr->item_id = item.id;
    }
    s->items.insert_or_assign(p.item_id, std::move(item));
    return {};
  }

  apply_result operator()(const protocol::events::material_added& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    agenda_item* item = find(s->items, p.item_id);
    if (item == nullptr) return unknown("item", p.item_id);
    item->materials.push_back(material{p.material_id, p.title, p.text, p.url, p.digest});
    return {};
  }

  apply_result operator()(const protocol::events::current_item_set& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    s->current_item = p.item_id;
    return {};
  }

  apply_result operator()(const protocol::events::proposal_submitted& p) {
    proposal pr;
    pr.id = p.proposal_id;
    pr.by = p.by;
    pr.title = p.title;
    pr.text = p.text;
    pr.submitted_ms = static_cast<std::int64_t>(p.unix_ms);
    pr.co_signers = p.co_signers;
    st.proposals_.insert_or_assign(p.proposal_id, std::move(pr));
    return {};
  }

  apply_result operator()(const protocol::events::calendar_set& p) {
    year_calendar c;
    const int year = static_cast<int>(p.year);
    for (const auto* list : {&p.holidays, &p.workdays})
      for (const auto& d : *list) {
        auto date = civil_date::parse(d);
        if (!date) return refused("calendar_set " + std::to_string(year) + ": bad date " + d);
        (list == &p.holidays ? c.holidays : c.workdays).insert(*date);
      }
    if (auto problem = protocol::calendar_problem(year, c))
      return refused("calendar_set " + std::to_string(year) + ": " + *problem);
    st.calendar_.set_year(year, std::move(c));
    return {};
  }

  apply_result operator()(const protocol::events::proposal_accepted& p) {
    proposal* pr = reviewable(p.proposal_id);
    if (pr == nullptr) return not_reviewable(p.proposal_id);
    pr->reviewed = proposal::review::accepted;
    pr->reviewed_by = p.by;
    pr->reviewed_ms = static_cast<std::int64_t>(p.unix_ms);
    pr->unit = p.unit;
    pr->deadline = p.deadline;
    pr->first_deadline = p.deadline;
    pr->round = 1;
    return {};
  }

  apply_result operator()(const protocol::events::proposal_merged& p) {
    proposal* pr = reviewable(p.proposal_id);
    if (pr == nullptr) return not_reviewable(p.proposal_id);
    const proposal* into = find(st.proposals_, p.into);
    if (into == nullptr || into == pr || into->reviewed != proposal::review::accepted)
      return refused("proposal_merged: " + p.into + " is not an accepted proposal");
    pr->reviewed = proposal::review::merged;
    pr->reviewed_by = p.by;
    pr->reviewed_ms = static_cast<std::int64_t>(p.unix_ms);
    pr->merged_into = p.into;
    return {};
  }

  apply_result operator()(const protocol::events::proposal_converted& p) {
    proposal* pr = reviewable(p.proposal_id);
    if (pr == nullptr) return not_reviewable(p.proposal_id);
    pr->reviewed = proposal::review::converted;
    pr->reviewed_by = p.by;
    pr->reviewed_ms = static_cast<std::int64_t>(p.unix_ms);
    pr->conversion_reason = p.reason;
    return {};
  }

  apply_result operator()(const protocol::events::proposal_answered& p) {
    proposal* pr = find(st.proposals_, p.proposal_id);
    if (pr == nullptr) return unknown("proposal", p.proposal_id);
    if (!pr->awaiting_answer() || p.round != pr->round)
      return refused("proposal_answered: " + p.proposal_id + " round " + std::to_string(p.round) +
                     " is not waiting for an answer");
    proposal_answer a;
    a.round = static_cast<std::uint32_t>(p.round);
    a.unit = p.unit;
    a.text = p.text;
    a.by = p.by;
    a.unix_ms = static_cast<std::int64_t>(p.unix_ms);
    pr->answers.push_back(std::move(a));
    return {};
  }

  apply_result operator()(const protocol::events::proposal_rated& p) {
    proposal* pr = find(st.proposals_, p.proposal_id);
    if (pr == nullptr) return unknown("proposal", p.proposal_id);
    if (!pr->awaiting_rating() || p.round != pr->round || p.by != pr->by)
      return refused("proposal_rated: " + p.proposal_id + " round " + std::to_string(p.round) +
                     " is not waiting for its proposer's rating");
    pr->answers.back().rating = p.rating;
    pr->answers.back().rated_ms = static_cast<std::int64_t>(p.unix_ms);
    if (!p.deadline.empty()) {
      pr->round = 2;
      pr->deadline = p.deadline;
    } else {
      pr->finished = true;
    }
    return {};
  }

  apply_result operator()(const protocol::events::vote_created& p) {
    auto rule = protocol::parse_rule(p.rule);
    if (!rule) return refused("vote_created " + p.vote_id + ": the rule does not parse");
    vote v;
    v.id = p.vote_id;
    v.sitting_id = p.sitting_id;
    v.item_id = p.item_id;
    v.kind = p.kind;
    v.title = p.title;
    v.secret = p.secret;
    v.rule_text = p.rule;
    v.rule = *rule;
    v.seats = static_cast<std::uint32_t>(p.seats);
    v.candidates = p.candidates;
    v.uncontested = p.uncontested;
    v.follow_up_of = p.follow_up_of;
    v.subjects = p.subjects;
    v.manifest = p.manifest;
    std::size_t positions = 0;
    for (const auto& contest : v.manifest.contests) positions += contest.options.size();
    v.aggregates = crypto::running_tally(positions);
    st.votes_.insert_or_assign(p.vote_id, std::move(v));
    return {};
  }

  // The eligible list and keys of a vote, with the roster's tree; its hash and root must be
  // those of its keys.
  apply_result operator()(const protocol::events::vote_roster& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    if (v->state != vote::status::created)
      return refused("vote_roster " + p.vote_id + ": the vote is already open");
    auto tree = crypto::roster_tree::build(p.roster);
    if (!tree) return refused("vote_roster " + p.vote_id + ": the roster is empty");
    if (tree->root() != p.roster_root)
      return refused("vote_roster " + p.vote_id + ": roster_root is not its keys' root");
    if (crypto::roster_hash(p.roster) != p.roster_hash)
      return refused("vote_roster " + p.vote_id + ": roster_hash is not its keys' hash");
    set_roster(*v, p.eligible, p.roster, std::move(*tree));
    v->roster_hash = crypto::to_hex(p.roster_hash);
    v->roster_seq = e.seq;
    return {};
  }

  apply_result operator()(const protocol::events::vote_opened& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    if (p.lists_roster_apart()) {
      // Format 2: the roster is the vote_roster event just before, as this event names it.
      if (v->roster_seq == 0 || v->roster_seq + 1 != e.seq || p.roster_seq != v->roster_seq)
        return refused("vote_opened " + p.vote_id +
                       ": its roster_seq does not name the vote_roster just before it");
      if (p.roster_count != v->roster.size() || !p.roster_root ||
          crypto::to_hex(*p.roster_root) != v->roster_root ||
          crypto::to_hex(p.roster_hash) != v->roster_hash)
        return refused("vote_opened " + p.vote_id +
                       ": roster_count, roster_root or roster_hash differ from its vote_roster");
    } else {
      // Format 1: the lists are in this event.
      auto tree = crypto::roster_tree::build(p.roster);
      v->tree.tree.reset();
      v->roster_root.clear();
      set_eligible(*v, p.eligible);
      v->roster.clear();
      for (const auto& k : p.roster) v->roster.push_back(k.hex());
      if (tree) set_roster(*v, p.eligible, p.roster, std::move(*tree));
      v->roster_hash = crypto::to_hex(p.roster_hash);
    }
    v->state = vote::status::open;
    v->seated = p.seated;
    v->present = p.present;
    v->manifest_hash = crypto::to_hex(p.manifest_hash);
    v->election_hash = crypto::to_hex(p.election_hash);
    v->opened_seq = e.seq;
    return {};
  }

  apply_result operator()(const protocol::events::ballot_accepted& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    std::vector<crypto::ciphertext> ciphertexts;
    ciphertexts.reserve(v->aggregates.positions());
    for (const auto& contest : p.ballot.contests)
      for (const auto& option : contest.options) ciphertexts.push_back(option.ct);
    const bool added = e.ballot_points != nullptr ? v->aggregates.add(ciphertexts, *e.ballot_points)
                                                  : v->aggregates.add(ciphertexts);
    if (!added)
      return refused("ballot_accepted in " + p.vote_id + ": the ballot does not fit the vote");
    ballot_record b{p.voter_pk.hex(),
                    crypto::to_hex(p.ballot_id),
                    crypto::to_hex(p.digest),
                    crypto::to_hex(p.tracking_code),
                    e.seq,
                    p.ballot};
    burn(*v, p.ballot_id, p.ballot);
    v->ballots.insert_or_assign(p.person, std::move(b));
    return {};
  }

  apply_result operator()(const protocol::events::ballot_spoiled& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    spoiled_record r{p.voter_pk.hex(),
                     crypto::to_hex(p.ballot_id),
                     crypto::to_hex(p.digest),
                     crypto::to_hex(p.tracking_code),
                     e.seq,
                     p.ballot,
                     p.nonces,
                     p.choices};
    // Burnt for the vote: the spoiled ballot's id and alphas can never be cast.
    burn(*v, p.ballot_id, p.ballot);
    v->spoiled[p.person].push_back(std::move(r));
    return {};
  }

  apply_result operator()(const protocol::events::vote_closed& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    v->state = vote::status::closed;
    v->closed_seq = e.seq;
    v->closed_hash = crypto::to_hex(e.entry_hash);
    return {};
  }

  apply_result operator()(const protocol::events::vote_decided& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    json::error_code ec;
    json::value outcome = json::parse(p.outcome, ec);
    if (ec || !outcome.is_object()) return refused("vote_decided " + p.vote_id + ": bad outcome");
    auto election_hash = crypto::from_hex_fixed<32>(v->election_hash);
    auto closed_hash = crypto::from_hex_fixed<32>(v->closed_hash);
    if (!election_hash || !closed_hash || p.board_seq_at_close != v->closed_seq)
      return refused("vote_decided " + p.vote_id + " before the vote was opened and closed");
    crypto::result_record record;
    record.election_hash = *election_hash;
    record.board_seq_at_close = p.board_seq_at_close;
    record.board_hash_at_close = *closed_hash;
    record.ballots = p.ballots;
    record.seated = p.seated;
    record.present = p.present;
    record.rule = p.rule;
    record.counts = p.counts;
    record.outcome = p.outcome;
    const crypto::digest32 digest = crypto::result_digest(record);
    if (p.result_digest && *p.result_digest != digest)
      return refused("vote_decided " + p.vote_id + ": result_digest is not the recomputed one");
    std::vector<std::string> elected;
    std::vector<std::string> runoff;
    std::uint32_t runoff_seats = 0;
    std::uint32_t further = 0;
    if (v->kind == protocol::vote_kind::election) {
      const auto& o = outcome.as_object();
      auto names_of = [&o](std::string_view key, std::vector<std::string>& out) {
        const auto* list = o.if_contains(key);
        if (list == nullptr || !list->is_array()) return false;
        for (const auto& n : list->as_array()) {
          if (!n.is_string()) return false;
          out.emplace_back(n.as_string());
        }
        return true;
      };
      auto number_of = [&o](std::string_view key, std::uint32_t& out) {
        const auto* n = o.if_contains(key);
        if (n == nullptr || !n->is_number()) return false;
        out = static_cast<std::uint32_t>(n->to_number<std::uint64_t>());
        return true;
      };
      if (!names_of("elected", elected) || !names_of("runoff", runoff) ||
          !number_of("runoff_seats", runoff_seats) || !number_of("further_round_seats", further))
        return refused("vote_decided " + p.vote_id + ": bad election outcome");
    }
    v->counts = p.counts;
    v->outcome_text = p.outcome;
    v->elected = std::move(elected);
    v->runoff = std::move(runoff);
    v->runoff_seats = runoff_seats;
    v->further_round_seats = further;
    v->state = vote::status::decided;
    v->result_digest = crypto::to_hex(digest);
    return {};
  }

  apply_result operator()(const protocol::events::ceremony_started& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    ceremony_record c;
    for (const auto& one : p.scrutineers) {
      c.scrutineers.push_back(one.person);
      c.keys.push_back(one.pk);
    }
    c.k = p.k;
    c.ceremony_id = crypto::to_hex(p.ceremony_id);
    s->ceremony = std::move(c);
    return {};
  }

  apply_result operator()(const protocol::events::keygen_submitted& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    if (!s->ceremony) return refused("keygen_submitted without a ceremony in " + p.sitting_id);
    auto& c = *s->ceremony;
    c.keygen[p.index] = p.message;
    if (p.joint_key) {
      c.joint_key = p.joint_key;
      c.verification_keys = p.verification_keys;
    }
    return {};
  }

  apply_result operator()(const protocol::events::keys_confirmed& p) {
    sitting* s = find(st.sittings_, p.sitting_id);
    if (s == nullptr) return unknown("sitting", p.sitting_id);
    if (!s->ceremony) return refused("keys_confirmed without a ceremony in " + p.sitting_id);
    auto& c = *s->ceremony;
    c.confirmations[p.index] = p.signature.hex();
    c.complete = c.confirmations.size() == c.scrutineers.size();
    return {};
  }

  apply_result operator()(const protocol::events::partial_submitted& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    v->partials[p.index] = p.partial;
    return {};
  }

  apply_result operator()(const protocol::events::result_signed& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    v->result_signatures[p.index] =
        result_signature{p.person, p.signer_pk.hex(), p.signature.hex(), e.seq};
    return {};
  }

  apply_result operator()(const protocol::events::result_announced& p) {
    vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    v->announcement = result_signature{p.person, p.signer_pk.hex(), p.signature.hex(), e.seq};
    return {};
  }

  apply_result operator()(const protocol::events::delegate_left& p) {
    person* pr = find_person(p.person);
    if (pr == nullptr) return unknown("person", p.person);
    if (!pr->roles.has(role::delegate))
      return refused("delegate_left: " + p.person + " is not a delegate");
    pr->roles.erase(role::delegate);
    st.groups_.delegate_left(p.person);
    st.roster_changes_.push_back(
        {std::string(p.type), p.person, {}, p.reason, p.date, p.by, e.seq});
    return {};
  }

  apply_result operator()(const protocol::events::alternate_seated& p) {
    person* pr = find_person(p.person);
    if (pr == nullptr) return unknown("person", p.person);
    if (!pr->roles.has(role::alternate))
      return refused("alternate_seated: " + p.person + " is not an alternate");
    pr->roles.erase(role::alternate);
    pr->roles.insert(role::delegate);
    st.roster_changes_.push_back(
        {std::string(p.type), p.person, p.replaces, {}, p.date, p.by, e.seq});
    return {};
  }

  apply_result operator()(const protocol::events::delegate_added& p) {
    if (st.find_person(p.person.number) != nullptr)
      return refused("delegate_added: " + p.person.number + " is already on the roster");
    auto pr = person_of(p.person);
    if (!pr || !pr->roles.has(role::delegate))
      return refused("delegate_added: " + p.person.number + " is not a delegate record");
    st.person_index_.emplace(pr->number, st.persons_.size());
    st.persons_.push_back(std::move(*pr));
    st.roster_changes_.push_back(
        {std::string(p.type), p.person.number, {}, p.reason, p.date, p.by, e.seq});
    return {};
  }

  apply_result operator()(const protocol::events::resolution_adopted& p) {
    const vote* v = find(st.votes_, p.vote_id);
    if (v == nullptr) return unknown("vote", p.vote_id);
    if (st.resolutions_.contains(p.resolution_id))
      return refused("resolution_adopted: " + p.resolution_id + " exists");
    // A resolution on a proposal's item: the proposal is decided by the meeting.
    if (const sitting* s = find(st.sittings_, p.sitting_id); s != nullptr) {
      auto item = s->items.find(p.item_id);
      if (item != s->items.end() && !item->second.proposal_id.empty())
        if (proposal* pr = find(st.proposals_, item->second.proposal_id); pr != nullptr)
          pr->resolution_id = p.resolution_id;
    }
    st.resolutions_.emplace(
        p.resolution_id,
        resolution{
            p.resolution_id, p.sitting_id, p.item_id, p.vote_id, p.title, p.responsible, {}});
    return {};
  }

  apply_result operator()(const protocol::events::rectification_opened& p) {
    if (find(st.votes_, p.vote_id) == nullptr) return unknown("vote", p.vote_id);
    if (p.origin != "appraisal" && p.origin != "confidence")
      return refused("rectification_opened: unknown origin " + p.origin);
    if (st.rectifications_.contains(p.rectification_id))
      return refused("rectification_opened: " + p.rectification_id + " exists");
    st.rectifications_.emplace(
        p.rectification_id,
        rectification{
            p.rectification_id, p.origin, p.vote_id, p.member, p.problem, p.responsible, p.by, {}});
    return {};
  }

  apply_result operator()(const protocol::events::implementation_reported& p) {
    std::vector<implementation_report>* reports = nullptr;
    if (p.subject == "resolution") {
      if (auto* r = find(st.resolutions_, p.subject_id)) reports = &r->reports;
    } else if (p.subject == "rectification") {
      if (auto* r = find(st.rectifications_, p.subject_id)) reports = &r->reports;
    }
    if (reports == nullptr) return unknown(p.subject, p.subject_id);
    if (st.report_ids_.contains(p.report_id))
      return refused("implementation_reported: " + p.report_id + " exists");
    reports->push_back({p.report_id, p.status, p.text, p.date, p.reason, p.by, e.seq});
    st.report_ids_.insert(p.report_id);
    return {};
  }

  // Three-level contact and opinions (contacts.cpp).
  apply_result operator()(const protocol::events::contact_registered& p) { return book(p); }
  apply_result operator()(const protocol::events::contact_removed& p) { return book(p); }
  apply_result operator()(const protocol::events::committee_contacts_set& p) { return book(p); }
  apply_result operator()(const protocol::events::opinion_logged& p) { return book(p); }
  apply_result operator()(const protocol::events::opinion_routed& p) { return book(p); }
  apply_result operator()(const protocol::events::opinion_extended& p) { return book(p); }
  apply_result operator()(const protocol::events::opinion_answered& p) { return book(p); }
  apply_result operator()(const protocol::events::opinion_refused& p) { return book(p); }
  apply_result operator()(const protocol::events::opinion_reported_back& p) { return book(p); }

  // The report is made from the state before this event, as `decide` made it; plenum-verify
  // compares the recorded digest with its own recomputation.
  apply_result operator()(const protocol::events::monthly_report_issued& p) {
    const auto month = report_month::parse(p.month);
    if (!month) return refused("monthly_report_issued: " + p.month + " is not a month");
    if (st.monthly_reports_.contains(p.month))
      return refused("monthly_report_issued: " + p.month + " was issued already");
    issued_report r{p.report_id,
                    p.month,
                    crypto::to_hex(p.report_digest),
                    p.by,
                    static_cast<std::int64_t>(p.unix_ms),
                    monthly_report(st, *month, p.format.value_or(report_format_first))};
    st.monthly_reports_.emplace(p.month, std::move(r));
    return {};
  }

 private:
  template <typename Event>
  apply_result book(const Event& p) {
    if (auto problem = st.contacts_.apply(p))
      return refused(std::string(Event::type) + ": " + *problem);
    return {};
  }

 public:
  // Delegate groups and activities (groups.cpp).
  apply_result operator()(const protocol::events::group_formed& p) {
    for (const auto& m : p.members)
      if (!st.is_delegate(m)) return refused("group_formed: " + m + " is not a delegate");
    return registered(st.groups_.apply(p));
  }
  apply_result operator()(const protocol::events::group_changed& p) {
    for (const auto& m : p.added)
      if (!st.is_delegate(m)) return refused("group_changed: " + m + " is not a delegate");
    return registered(st.groups_.apply(p));
  }
  apply_result operator()(const protocol::events::group_leaders_approved& p) {
    return registered(st.groups_.apply(p));
  }
  apply_result operator()(const protocol::events::activity_planned& p) {
    return registered(st.groups_.apply(p));
  }
  apply_result operator()(const protocol::events::activity_checked_in& p) {
    return registered(st.groups_.apply(p, e.seq));
  }
  apply_result operator()(const protocol::events::attendance_recorded& p) {
    return registered(st.groups_.apply(p, e.seq));
  }
  apply_result operator()(const protocol::events::activity_held& p) {
    return registered(st.groups_.apply(p));
  }
  // Who signs the log is the event log's concern (chain_check); the congress is unchanged.
  apply_result operator()(const protocol::events::server_handover&) { return {}; }

 private:
  static apply_result registered(const std::optional<std::string>& problem) {
    if (problem) return refused(*problem);
    return {};
  }

  // A proposal the liaison office has not reviewed yet, or nullptr.
  proposal* reviewable(const std::string& id) {
    proposal* pr = find(st.proposals_, id);
    return pr != nullptr && pr->reviewed == proposal::review::submitted ? pr : nullptr;
  }

  apply_error not_reviewable(const std::string& id) const {
    return refused(std::string(protocol::event_type(e.body)) + ": " + id +
                   " is not a proposal waiting for review");
  }

  apply_result set_checkin(const std::string& sitting_id, bool open) {
    sitting* s = find(st.sittings_, sitting_id);
    if (s == nullptr) return unknown("sitting", sitting_id);
    s->checkin_open = open;
    return {};
  }

  person* find_person(const std::string& number) {
    for (auto& p : st.persons_)
      if (p.number == number) return &p;
    return nullptr;
  }

  static apply_error refused(std::string reason) {
    return apply_error{errc::internal, std::move(reason)};
  }

  apply_error unknown(std::string_view what, const std::string& id) const {
    return refused(std::string(protocol::event_type(e.body)) + " names an unknown " +
                   std::string(what) + " " + id);
  }

  // The ballot's id and alphas can never be used again in the vote.
  static void burn(vote& v, const crypto::byte_array<32>& ballot_id, const crypto::ballot& b) {
    v.ballot_ids.insert(ballot_id);
    for (const auto& contest : b.contests)
      for (const auto& option : contest.options) v.alphas.insert(option.ct.alpha.bytes());
  }

  static std::optional<person> person_of(const protocol::events::roster_person& p) {
    person out;
    out.number = p.number;
    out.name = p.name;
    out.gender = p.gender;
    out.ethnicity = p.ethnicity;
    out.occupation = p.occupation;
    out.unit = p.unit;
    out.group = p.group;
    for (const auto& r : p.roles) {
      auto parsed = parse_role(r);
      if (!parsed) return std::nullopt;
      out.roles.insert(*parsed);
    }
    out.committee_member = p.committee_member;
    return out;
  }
};

apply_result congress_state::apply(const event& e) {
  if (e.seq != next_seq_)
    return apply_error{errc::broken_chain, "event " + std::to_string(e.seq) + " where " +
                                               std::to_string(next_seq_) + " was due"};
  auto applied = std::visit(applier{*this, e}, e.body);
  if (!applied) return applied;
  ++next_seq_;
  return {};
}

}  // namespace plenum::server::domain
