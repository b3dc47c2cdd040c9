// The sequential pass over the board: the verifier's own reading of every event type of
// protocol/EVENTS.md, each decoded by the one event decoder (protocol::decode_event_payload),
// with the checks that depend on the order of events.
#include <algorithm>
#include <variant>

#include "model.hpp"
#include "monthly_report.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_check.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/roster_tree.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/working_calendar.hpp"
#include "satisfaction_subjects.hpp"

namespace plenum::clients::verify::detail {

namespace ev = protocol::events;

namespace {

std::string seq_text(std::uint64_t seq) { return "seq " + std::to_string(seq); }

// The replay of one record.
class replayer {
 public:
  replayer(congress_model& model, check_log& log) : m_(model), log_(log) {}

  void apply(const protocol::board_event& e) {
    m_.entry_hashes.push_back(e.entry_hash);
    // A ballot event's voter key, when it is an enrolled device's, was checked with its
    // enrollment: taken as that key (the same event either way).
    protocol::ballot_event_reading reading;
    reading.known = [this](const crypto::byte_array<32>& bytes) -> const crypto::public_key* {
      auto it = checked_keys_.find(bytes);
      return it == checked_keys_.end() ? nullptr : &it->second;
    };
    auto decoded = protocol::decode_event_payload(e.type, e.payload, reading);
    if (!decoded) {
      log_.fail("events", "", seq_text(e.seq) + " (" + e.type + "): " + decoded.error().message());
      return;
    }
    try {
      std::visit([&](const auto& event) { on(e, event); }, *decoded);
      reports_.note(*decoded);
      log_.pass("events", "");
    } catch (const bad_payload& ex) {
      log_.fail("events", "", seq_text(e.seq) + " (" + e.type + "): " + ex.what());
    }
  }

  // After the last event: how many enrollments rest on the server's word alone, and what the
  // proposals check covered.
  void finish() {
    if (!proposals_.empty())
      log_.describe("proposals", "",
                    "followed " + std::to_string(proposals_.size()) +
                        ": every review and answer by a secretary, every rating by its proposer, "
                        "in order" +
                        (decided_ > 0 ? "; " + std::to_string(decided_) +
                                            " decided by the meeting, each accepted before"
                                      : std::string()));
    log_.touch("enrollments", "");
    if (enrollments_unproven_ > 0)
      log_.describe("enrollments", "",
                    std::to_string(enrollments_unproven_) +
                        " without the device's possession signature (trusted to the server)");
  }

 private:
  // Nothing the cryptographic checks depend on; covered by the chain and its signatures.
  void on(const protocol::board_event&, const ev::roster_warnings_acknowledged&) {}
  void on(const protocol::board_event&, const ev::enrollment_code_issued&) {}
  void on(const protocol::board_event&, const ev::checkin_opened&) {}
  void on(const protocol::board_event&, const ev::checkin_closed&) {}
  void on(const protocol::board_event&, const ev::sitting_closed& p) {
    m_.follow_up.open_sittings.erase(p.sitting_id);
  }
  void on(const protocol::board_event&, const ev::item_added& p) {
    m_.follow_up.item_kinds[{p.sitting_id, p.item_id}] = p.kind;
    if (!p.proposal_id.empty()) item_proposals_[{p.sitting_id, p.item_id}] = p.proposal_id;
  }
  // The term between its meetings (follow_up.cpp).
  void on(const protocol::board_event& e, const ev::delegate_left& p) {
    on_delegate_left(m_, e.seq, p, log_);
    if (!has_role(p.person, "delegate")) on_group_member_left(m_, p.person);
  }
  void on(const protocol::board_event& e, const ev::alternate_seated& p) {
    on_alternate_seated(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::delegate_added& p) {
    on_delegate_added(m_, e.seq, p, log_);
    m_.names.emplace(p.person.number, p.person.name);
  }
  // Delegate groups and activities (groups.cpp).
  void on(const protocol::board_event& e, const ev::group_formed& p) {
    on_group_formed(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::group_changed& p) {
    on_group_changed(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::group_leaders_approved& p) {
    on_group_leaders_approved(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::activity_planned& p) {
    on_activity_planned(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::activity_checked_in& p) {
    on_activity_checked_in(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::attendance_recorded& p) {
    on_attendance_recorded(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::activity_held& p) {
    on_activity_held(m_, e.seq, p, log_);
  }
  // The handover's certificate and the signer from it on are checked with the signatures.
  void on(const protocol::board_event&, const ev::server_handover&) {}
  void on(const protocol::board_event& e, const ev::resolution_adopted& p) {
    on_resolution_adopted(m_, e.seq, p, log_);
    auto item = item_proposals_.find({p.sitting_id, p.item_id});
    if (item != item_proposals_.end()) decided_by_meeting(e, item->second, p.resolution_id);
  }
  void on(const protocol::board_event& e, const ev::rectification_opened& p) {
    on_rectification_opened(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::implementation_reported& p) {
    on_implementation_reported(m_, e.seq, p, log_);
  }
  // Three-level contact and opinions (contacts.cpp).
  void on(const protocol::board_event& e, const ev::contact_registered& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::contact_removed& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::committee_contacts_set& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::opinion_logged& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::opinion_routed& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::opinion_extended& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::opinion_answered& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::opinion_refused& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::opinion_reported_back& p) {
    on_contact_event(m_, e.seq, p, log_);
  }
  void on(const protocol::board_event& e, const ev::monthly_report_issued& p) {
    check_monthly_report(reports_, m_, e, p, log_);
  }
  void on(const protocol::board_event&, const ev::material_added&) {}
  void on(const protocol::board_event&, const ev::current_item_set&) {}

  // ---- proposals and the working-day calendar: who may send each, and in what order ----

  struct proposal_model {
    std::string by;
    std::string title;
    std::string review = "submitted";  // accepted, merged, converted
    std::uint64_t round = 0;
    std::uint64_t answered = 0;  // rounds answered
    std::uint64_t rated = 0;     // rounds rated
    bool finished = false;
    std::string into;        // merged: the proposal it follows
    std::string resolution;  // decided by the meeting: the resolution adopted on its item
  };

  // A resolution adopted on a proposal's item decides the proposal: one accepted (立案), or
  // merged into an accepted one, and decided once.
  void decided_by_meeting(const protocol::board_event& e, const std::string& id,
                          const std::string& resolution_id) {
    auto& pr = *proposal(id);
    const auto into = proposals_.find(pr.into);
    const bool accepted =
        pr.review == "accepted" ||
        (pr.review == "merged" && into != proposals_.end() && into->second.review == "accepted");
    proposal_check(e, id, accepted && pr.resolution.empty(),
                   !accepted
                       ? "decided by the meeting (resolution " + resolution_id + ") but " +
                             (pr.review == "submitted" ? "never accepted" : pr.review)
                       : "decided again (resolution " + resolution_id + ") after " + pr.resolution);
    if (pr.resolution.empty()) pr.resolution = resolution_id;
    ++decided_;
  }

  void proposal_check(const protocol::board_event& e, const std::string& id, bool ok,
                      const std::string& problem) {
    if (ok)
      log_.pass("proposals", "");
    else
      log_.fail("proposals", "", seq_text(e.seq) + " " + id + ": " + problem);
  }

  proposal_model* proposal(const std::string& id) {
    auto it = proposals_.find(id);
    if (it == proposals_.end()) throw bad_payload("unknown proposal " + id);
    return &it->second;
  }

  void on(const protocol::board_event& e, const ev::proposal_submitted& p) {
    std::set<std::string> seen;
    bool co_signers_ok = true;
    for (const auto& n : p.co_signers)
      co_signers_ok =
          co_signers_ok && n != p.by && has_role(n, "delegate") && seen.insert(n).second;
    const bool fresh = !proposals_.contains(p.proposal_id);
    proposal_check(e, p.proposal_id, fresh && has_role(p.by, "delegate") && co_signers_ok,
                   !fresh ? "submitted twice"
                   : !has_role(p.by, "delegate")
                       ? "submitted by " + p.by + ", who is not a delegate"
                       : "a co-signer is not another delegate, or is named twice");
    if (fresh) {
      proposals_[p.proposal_id].by = p.by;
      proposals_[p.proposal_id].title = p.title;
    }
  }

  void on(const protocol::board_event& e, const ev::calendar_set& p) {
    protocol::year_calendar year;
    for (const auto& d : p.holidays) year.holidays.insert(*protocol::civil_date::parse(d));
    for (const auto& d : p.workdays) year.workdays.insert(*protocol::civil_date::parse(d));
    const auto problem = protocol::calendar_problem(static_cast<int>(p.year), year);
    const bool secretary = has_role(p.by, "secretary");
    proposal_check(
        e, "calendar " + std::to_string(p.year), secretary && !problem,
        !secretary ? "set by " + p.by + ", who is not a secretary" : problem.value_or(""));
    calendar_.set_year(static_cast<int>(p.year), std::move(year));
  }

  // A review (accept, merge, convert) is the secretary's, of a proposal not reviewed yet.
  bool reviewable(const protocol::board_event& e, const std::string& id, const std::string& by,
                  proposal_model& pr) {
    if (!has_role(by, "secretary")) {
      proposal_check(e, id, false, "reviewed by " + by + ", who is not a secretary");
      return false;
    }
    if (pr.review != "submitted") {
      proposal_check(e, id, false, "reviewed again after it was " + pr.review);
      return false;
    }
    return true;
  }

  void on(const protocol::board_event& e, const ev::proposal_accepted& p) {
    auto& pr = *proposal(p.proposal_id);
    if (!reviewable(e, p.proposal_id, p.by, pr)) return;
    const auto deadline = protocol::civil_date::parse(p.deadline);  // checked by the decoder
    const auto accepted_on = protocol::civil_date::of_unix_ms(static_cast<std::int64_t>(p.unix_ms));
    proposal_check(e, p.proposal_id, calendar_.is_working_day(*deadline) && *deadline > accepted_on,
                   "deadline " + p.deadline + " is not a working day after the acceptance");
    pr.review = "accepted";
    pr.round = 1;
    m_.follow_up.appraisable[{"proposal", p.proposal_id}] = appraised_title(pr.title);
  }

  void on(const protocol::board_event& e, const ev::proposal_merged& p) {
    auto& pr = *proposal(p.proposal_id);
    if (!reviewable(e, p.proposal_id, p.by, pr)) return;
    const auto into = proposals_.find(p.into);
    const bool ok = into != proposals_.end() && p.into != p.proposal_id &&
                    into->second.review == "accepted" && !into->second.finished;
    proposal_check(e, p.proposal_id, ok, "merged into " + p.into + ", not an accepted proposal");
    pr.review = "merged";
    pr.into = p.into;
  }

  void on(const protocol::board_event& e, const ev::proposal_converted& p) {
    auto& pr = *proposal(p.proposal_id);
    if (!reviewable(e, p.proposal_id, p.by, pr)) return;
    proposal_check(e, p.proposal_id, true, "");
    pr.review = "converted";
  }

  void on(const protocol::board_event& e, const ev::proposal_answered& p) {
    auto& pr = *proposal(p.proposal_id);
    const bool secretary = has_role(p.by, "secretary");
    const bool due = pr.review == "accepted" && !pr.finished && pr.answered + 1 == pr.round &&
                     p.round == pr.round;
    proposal_check(e, p.proposal_id, secretary && due,
                   !secretary
                       ? "answer recorded by " + p.by + ", who is not a secretary"
                       : "round " + std::to_string(p.round) + " is not waiting for an answer");
    if (due) pr.answered = p.round;
  }

  void on(const protocol::board_event& e, const ev::proposal_rated& p) {
    auto& pr = *proposal(p.proposal_id);
    const bool proposer = p.by == pr.by;
    const bool due = pr.review == "accepted" && !pr.finished && pr.answered == pr.round &&
                     pr.rated + 1 == pr.round && p.round == pr.round;
    bool deadline_ok = true;
    if (!p.deadline.empty()) {
      const auto deadline = protocol::civil_date::parse(p.deadline);  // checked by the decoder
      deadline_ok = calendar_.is_working_day(*deadline);
    }
    proposal_check(e, p.proposal_id, proposer && due && deadline_ok,
                   !proposer ? "rated by " + p.by + ", who is not its proposer " + pr.by
                   : !due    ? "round " + std::to_string(p.round) + " has no answer to rate"
                             : "the new deadline " + p.deadline + " is not a working day");
    if (!proposer || !due) return;
    pr.rated = p.round;
    if (p.deadline.empty())
      pr.finished = true;
    else
      pr.round = 2;
  }

  void on(const protocol::board_event& e, const ev::congress_created& p) {
    if (e.seq != 0) throw bad_payload("congress_created after event 0");
    m_.congress_id = p.congress_id;
  }

  void on(const protocol::board_event&, const ev::delegate_excused& p) {
    sitting(p.sitting_id).excused.insert(p.person);
  }

  void on(const protocol::board_event&, const ev::excusal_withdrawn& p) {
    if (sitting(p.sitting_id).excused.erase(p.person) == 0)
      throw bad_payload("excusal withdrawn for a delegate who is not excused");
  }

  void on(const protocol::board_event&, const ev::sitting_created& p) {
    m_.sittings[p.sitting_id].id = p.sitting_id;
    if (p.group_id) {
      if (!m_.groups.members.contains(*p.group_id))
        throw bad_payload("sitting of unknown group " + *p.group_id);
      m_.sittings[p.sitting_id].group = *p.group_id;
      m_.groups.sitting_group[p.sitting_id] = *p.group_id;
    }
    if (p.kind) m_.follow_up.sittings_with_kind.insert(p.sitting_id);
  }

  sitting_model& sitting(const std::string& id) {
    auto it = m_.sittings.find(id);
    if (it == m_.sittings.end()) throw bad_payload("unknown sitting " + id);
    return it->second;
  }

  vote_model& vote(const std::string& id) {
    auto it = m_.votes.find(id);
    if (it == m_.votes.end()) throw bad_payload("unknown vote " + id);
    return it->second;
  }

  bool has_role(const std::string& person, std::string_view role) const {
    auto it = m_.roles.find(person);
    return it != m_.roles.end() && it->second.contains(std::string(role));
  }

  const crypto::public_key* current_key(const std::string& person) const {
    auto it = m_.keys.find(person);
    return it == m_.keys.end() ? nullptr : &it->second;
  }

  // Whether `person` is one of a sitting's seated: a delegate; of a group's sitting, a member.
  bool sits_in(const sitting_model& s, const std::string& person) const {
    if (!has_role(person, "delegate") || s.excused.contains(person)) return false;
    if (s.group.empty()) return true;
    auto g = m_.groups.members.find(s.group);
    return g != m_.groups.members.end() && g->second.contains(person);
  }

  // The seated delegates of a sitting, in roster order, and how many of them are present.
  std::vector<std::string> seated(const sitting_model& s) const {
    std::vector<std::string> out;
    for (const auto& person : m_.person_order)
      if (sits_in(s, person)) out.push_back(person);
    return out;
  }
  std::uint64_t present(const sitting_model& s) const {
    std::uint64_t n = 0;
    for (const auto& [person, seq] : s.present)
      if (sits_in(s, person)) ++n;
    return n;
  }

  void on(const protocol::board_event&, const ev::roster_imported& p) {
    m_.roles.clear();
    m_.person_order.clear();
    for (const auto& person : p.persons) {
      if (!m_.roles
               .emplace(person.number,
                        std::set<std::string>(person.roles.begin(), person.roles.end()))
               .second)
        throw bad_payload("person " + person.number + " listed twice");
      m_.person_order.push_back(person.number);
      m_.names[person.number] = person.name;
    }
    std::sort(m_.person_order.begin(), m_.person_order.end());
  }

  void on(const protocol::board_event& e, const ev::checked_in& p) {
    auto& s = sitting(p.sitting_id);
    const auto digest = crypto::checkin_digest(s.id, p.device_pk, p.unix_ms);
    const std::string at = seq_text(e.seq) + " " + p.person;
    const crypto::public_key* key = current_key(p.person);
    if (!m_.roles.contains(p.person))
      return log_.fail("checkins", s.id, at + ": not on the roster");
    if (key == nullptr || *key != p.device_pk)
      return log_.fail("checkins", s.id, at + ": device_pk is not the person's enrolled key");
    if (s.present.contains(p.person)) return log_.fail("checkins", s.id, at + ": checked in twice");
    if (p.assisted) {
      // The decoder refuses an assisted check-in without secretary_pk.
      const auto& secretary_pk = *p.secretary_pk;
      const crypto::public_key* skey = current_key(p.secretary);
      if (!has_role(p.secretary, "secretary") || skey == nullptr || *skey != secretary_pk)
        return log_.fail("checkins", s.id, at + ": assisted by someone who is not a secretary");
      if (!secretary_pk.verify(digest, p.signature))
        return log_.fail("checkins", s.id, at + ": secretary's signature does not verify");
    } else if (!p.device_pk.verify(digest, p.signature)) {
      return log_.fail("checkins", s.id, at + ": delegate's signature does not verify");
    }
    s.present.emplace(p.person, e.seq);
    log_.pass("checkins", s.id);
  }

  void on(const protocol::board_event&, const ev::sitting_opened& p) {
    auto& s = sitting(p.sitting_id);
    m_.follow_up.open_sittings.insert(p.sitting_id);
    const auto seated_count = seated(s).size();
    const auto present_count = present(s);
    if (p.seated != seated_count || p.present != present_count) {
      log_.fail("attendance", s.id,
                "sitting_opened says seated " + std::to_string(p.seated) + " present " +
                    std::to_string(p.present) + ", the record gives " +
                    std::to_string(seated_count) + " and " + std::to_string(present_count));
    } else {
      log_.pass("attendance", s.id);
      log_.describe("attendance", s.id,
                    "seated " + std::to_string(seated_count) + ", present " +
                        std::to_string(present_count) + " at opening");
    }
  }

  // The device's possession signature proves it made the key (SPEC.md §2); an enrollment
  // without one is counted and reported, as trusted to the server's signature alone.
  void on(const protocol::board_event&, const ev::device_enrolled& p) {
    if (!m_.roles.contains(p.person)) throw bad_payload("enrollment of unknown person " + p.person);
    m_.keys.insert_or_assign(p.person, p.device_pk);
    checked_keys_.try_emplace(p.device_pk.bytes(), p.device_pk);
    if (!p.possession) {
      ++enrollments_unproven_;
      return;
    }
    if (p.device_pk.verify(crypto::possession_digest(m_.congress_id, p.person, p.device_pk),
                           *p.possession))
      log_.pass("enrollments", "");
    else
      log_.fail("enrollments", "", p.person + "'s device key does not sign its possession digest");
  }

  void on(const protocol::board_event& e, const ev::ceremony_started& p) {
    auto& s = sitting(p.sitting_id);
    ceremony_model c;
    c.started_seq = e.seq;
    std::vector<crypto::public_key> keys;
    std::uint64_t expect = 1;
    for (const auto& appointed : p.scrutineers) {
      if (appointed.index != expect++) throw bad_payload("scrutineer indices out of order");
      const auto* current = current_key(appointed.person);
      if (current == nullptr || *current != appointed.pk)
        log_.fail("ceremony", s.id,
                  "scrutineer " + appointed.person + "'s key is not their enrolled key");
      c.persons.push_back(appointed.person);
      keys.push_back(appointed.pk);
    }
    c.params = crypto::ceremony_params::create(m_.congress_id, s.id, keys, p.k);
    if (!c.params) {
      log_.fail("ceremony", s.id, "invalid ceremony parameters");
    } else if (c.params->ceremony_id() != p.ceremony_id || c.params->n() != p.n) {
      log_.fail("ceremony", s.id, "ceremony_id is not H32(\"ceremony\", …) of its parameters");
    }
    c.messages.resize(keys.size());
    c.confirmations.resize(keys.size());
    s.ceremony = std::move(c);
  }

  ceremony_model& ceremony_of(sitting_model& s, std::uint64_t index, const std::string& person) {
    if (!s.ceremony || !s.ceremony->params) throw bad_payload("no ceremony in this sitting");
    auto& c = *s.ceremony;
    if (index < 1 || index > c.persons.size() || c.persons[index - 1] != person)
      throw bad_payload("index " + std::to_string(index) + " is not " + person + "'s");
    return c;
  }

  void on(const protocol::board_event&, const ev::keygen_submitted& p) {
    auto& c = ceremony_of(sitting(p.sitting_id), p.index, p.person);
    if (p.message.dealer != p.index) throw bad_payload("message of another dealer");
    if (c.messages[p.index - 1]) throw bad_payload("second keygen message of a dealer");
    c.messages[p.index - 1] = p.message;
    if (p.joint_key) c.published = crypto::ceremony_keys{*p.joint_key, p.verification_keys};
  }

  void on(const protocol::board_event&, const ev::keys_confirmed& p) {
    auto& c = ceremony_of(sitting(p.sitting_id), p.index, p.person);
    c.confirmations[p.index - 1] = p.signature;
  }

  void on(const protocol::board_event& e, const ev::vote_created& p) {
    vote_model v;
    v.id = p.vote_id;
    v.sitting_id = p.sitting_id;
    v.kind = std::string(protocol::to_string(p.kind));
    v.rule_text = p.rule;
    if (p.manifest.vote_id != v.id) throw bad_payload("the manifest names another vote");
    if (crypto::to_string(p.manifest.kind) != v.kind)
      throw bad_payload("the manifest is of another kind");
    v.manifest = p.manifest;
    if (!m_.sittings.contains(v.sitting_id)) throw bad_payload("unknown sitting " + v.sitting_id);
    if (m_.votes.contains(v.id)) throw bad_payload("vote " + v.id + " created twice");
    m_.vote_order.push_back(v.id);
    m_.follow_up.votes[v.id] = {p.item_id, p.candidates};
    if (p.kind == protocol::vote_kind::satisfaction)
      check_satisfaction_subjects(m_.follow_up, e.seq, p, log_);
    m_.votes.emplace(v.id, std::move(v));
  }

  void on(const protocol::board_event& e, const ev::vote_roster& p) {
    auto& v = vote(p.vote_id);
    if (v.opened) throw bad_payload("vote_roster after the vote opened");
    if (v.roster_event) throw bad_payload("vote_roster twice for one vote");
    v.roster_event = p;
    v.roster_event_seq = e.seq;
  }

  void on(const protocol::board_event& e, const ev::vote_opened& p) {
    auto& v = vote(p.vote_id);
    if (v.opened) throw bad_payload("vote opened twice");
    v.opened = true;
    auto& s = m_.sittings.at(v.sitting_id);
    // The roster: the seated delegates' current keys, recomputed from the record.
    const auto seated_list = seated(s);
    v.seated = seated_list.size();
    v.present = present(s);
    v.eligible = std::set<std::string>(seated_list.begin(), seated_list.end());
    std::vector<crypto::public_key> roster;
    for (const auto& person : seated_list)
      if (const auto* k = current_key(person)) roster.push_back(*k);
    std::sort(roster.begin(), roster.end());
    v.roster = std::set<crypto::public_key>(roster.begin(), roster.end());
    const auto roster_hash = crypto::roster_hash(roster);

    std::vector<std::string> problems;
    if (p.seated != v.seated || p.present != v.present)
      problems.push_back("seated/present are " + std::to_string(p.seated) + "/" +
                         std::to_string(p.present) + ", recomputed " + std::to_string(v.seated) +
                         "/" + std::to_string(v.present));
    // Format 1 lists the roster in vote_opened; format 2 in the vote_roster just before it.
    const std::vector<std::string>* eligible = &p.eligible;
    const std::vector<crypto::public_key>* listed = &p.roster;
    if (p.lists_roster_apart()) {
      const auto& r = v.roster_event;
      if (!r || v.roster_event_seq + 1 != e.seq || p.roster_seq != v.roster_event_seq) {
        problems.push_back("vote_opened's roster_seq does not name the vote_roster just before it");
      } else {
        eligible = &r->eligible;
        listed = &r->roster;
        const auto root = crypto::roster_root(r->roster);
        if (r->roster_hash != crypto::roster_hash(r->roster))
          problems.push_back("vote_roster's roster_hash is not H32(\"roster\", …) of its keys");
        if (!root || r->roster_root != *root)
          problems.push_back("vote_roster's roster_root is not the Merkle root of its keys");
        if (p.roster_root != r->roster_root || p.roster_count != r->roster.size())
          problems.push_back("vote_opened's roster_root or roster_count is not its vote_roster's");
      }
    }
    if (std::set<std::string>(eligible->begin(), eligible->end()) != v.eligible ||
        eligible->size() != v.eligible.size())
      problems.push_back("eligible is not the seated delegates");
    if (*listed != roster) problems.push_back("roster keys are not the seated delegates' keys");
    if (p.roster_hash != roster_hash)
      problems.push_back("roster_hash is not H32(\"roster\", …) of the seated delegates' keys");
    for (const auto& problem : problems) log_.fail("roster", v.id, problem);
    if (problems.empty()) {
      log_.pass("roster", v.id, roster.size());
      log_.describe("roster", v.id,
                    std::to_string(roster.size()) + " keys, seated " + std::to_string(v.seated) +
                        ", present " + std::to_string(v.present));
    }

    // The election hash: this vote's manifest, the sitting's complete ceremony, the roster.
    const auto manifest_hash = crypto::manifest_hash(v.manifest);
    std::vector<std::string> eproblems;
    if (p.manifest_hash != manifest_hash)
      eproblems.push_back("manifest_hash is not the hash of the vote's manifest");
    if (!s.ceremony || !s.ceremony->params || !s.ceremony->published) {
      eproblems.push_back("the sitting has no ceremony with published keys");
    } else {
      const auto& c = *s.ceremony;
      if (!c.all_confirmed()) eproblems.push_back("opened before all scrutineers confirmed");
      if (p.ceremony_id != c.params->ceremony_id())
        eproblems.push_back("ceremony_id is not the sitting's ceremony");
      if (p.joint_key != c.published->joint_key)
        eproblems.push_back("joint_key is not the ceremony's");
      v.params = c.params;
      v.keys = c.published;
      v.scrutineers = c.persons;
      v.election_hash = crypto::election_hash(c.params->ceremony_id(), c.published->joint_key,
                                              manifest_hash, roster_hash);
      if (p.election_hash != v.election_hash)
        eproblems.push_back("election_hash is not H32(\"election\", …) recomputed");
    }
    for (const auto& problem : eproblems) log_.fail("election", v.id, problem);
    if (eproblems.empty()) {
      log_.pass("election", v.id);
      log_.describe("election", v.id,
                    "election_hash " + crypto::to_hex(v.election_hash).substr(0, 16) + "…");
    }
  }

  void on(const protocol::board_event& e, const ev::ballot_accepted& p) {
    auto& v = vote(p.vote_id);
    ballot_entry entry;
    entry.seq = e.seq;
    entry.entry_hash = e.entry_hash;
    entry.person = p.person;
    entry.claimed_digest = p.digest;
    entry.claimed_tracking = p.tracking_code;
    entry.ballot = p.ballot;
    const std::string at = seq_text(e.seq) + " " + entry.person;
    auto fail = [&](const std::string& why) {
      log_.fail("ballots", v.id, at + ": " + why);
      v.ballots.push_back(std::move(entry));
    };
    const auto& b = p.ballot;
    if (auto why = signer_problem(v, b, p.person, p.voter_pk, p.ballot_id, e.seq, "casting"))
      return fail(*why);
    if (!v.voters.insert(p.person).second) return fail("second ballot of the same signer");
    bool reuses_spoiled = v.spoiled_ids.contains(p.ballot_id);
    for (const auto& contest : b.contests)
      for (const auto& option : contest.options)
        reuses_spoiled = reuses_spoiled || v.spoiled_alphas.contains(option.ct.alpha.bytes());
    if (reuses_spoiled)
      log_.fail("spoiled", v.id, at + ": a spoiled ballot's id or alpha was cast later");
    if (!v.ballot_ids.insert(p.ballot_id).second) return fail("ballot_id used twice");
    for (const auto& contest : b.contests)
      for (const auto& option : contest.options)
        if (!v.alphas.insert(option.ct.alpha.bytes()).second) return fail("alpha used twice");
    entry.admissible = true;
    v.ballots.push_back(std::move(entry));
  }

  // What a cast and a spoiled ballot must both satisfy at board position `seq`: the vote open,
  // the ballot its own and consistent with the event, signed by the person's enrolled key, in
  // the roster, after a valid check-in. The reason it fails, if it does.
  std::optional<std::string> signer_problem(const vote_model& v, const crypto::ballot& b,
                                            const std::string& person,
                                            const crypto::public_key& voter_pk,
                                            const crypto::digest32& ballot_id, std::uint64_t seq,
                                            const std::string& act) const {
    if (!v.opened || v.closed)
      return std::string(act == "casting" ? "cast" : "spoiled") + " while the vote was not open";
    if (b.vote_id != v.id) return std::string("ballot names another vote");
    if (b.voter_pk != voter_pk || b.ballot_id != ballot_id)
      return std::string("voter_pk or ballot_id differ from the ballot's");
    const auto* key = current_key(person);
    if (key == nullptr || *key != voter_pk)
      return std::string("signer is not the person's enrolled key");
    if (!v.eligible.contains(person) || !v.roster.contains(voter_pk))
      return std::string("signer is not in the vote's roster");
    const auto& s = m_.sittings.at(v.sitting_id);
    auto in = s.present.find(person);
    if (in == s.present.end() || in->second > seq || s.excused.contains(person))
      return "signer has no valid check-in before " + act;
    return std::nullopt;
  }

  void on(const protocol::board_event& e, const ev::ballot_spoiled& p) {
    auto& v = vote(p.vote_id);
    spoiled_entry entry;
    entry.seq = e.seq;
    entry.person = p.person;
    entry.claimed_digest = p.digest;
    entry.claimed_tracking = p.tracking_code;
    entry.ballot = p.ballot;
    entry.openings = p.nonces;
    entry.claimed_choices = p.choices;
    const std::string at = seq_text(e.seq) + " " + entry.person;
    log_.touch("spoiled", v.id);
    auto fail = [&](const std::string& why) {
      log_.fail("spoiled", v.id, at + ": " + why);
      v.spoiled.push_back(std::move(entry));
    };
    const auto& b = p.ballot;
    if (auto why = signer_problem(v, b, p.person, p.voter_pk, p.ballot_id, e.seq, "spoiling"))
      return fail(*why);
    if (v.voters.contains(p.person)) return fail("spoiled after the signer had cast");
    if (!v.ballot_ids.insert(p.ballot_id).second) return fail("ballot_id used twice");
    v.spoiled_ids.insert(p.ballot_id);
    for (const auto& contest : b.contests) {
      for (const auto& option : contest.options) {
        if (!v.alphas.insert(option.ct.alpha.bytes()).second) return fail("alpha used twice");
        v.spoiled_alphas.insert(option.ct.alpha.bytes());
      }
    }
    entry.admissible = true;
    v.spoiled.push_back(std::move(entry));
  }

  void on(const protocol::board_event& e, const ev::vote_closed& p) {
    auto& v = vote(p.vote_id);
    if (!v.opened || v.closed) throw bad_payload("vote closed while not open");
    v.closed = true;
    v.closed_seq = e.seq;
    if (p.ballots != v.ballots.size())
      log_.fail("result", v.id,
                "vote_closed counts " + std::to_string(p.ballots) + " ballots, the board holds " +
                    std::to_string(v.ballots.size()));
  }

  void on(const protocol::board_event& e, const ev::partial_submitted& p) {
    auto& v = vote(p.vote_id);
    if (!v.closed) throw bad_payload("partial decryption before the vote closed");
    if (p.index < 1 || p.index > v.scrutineers.size() || v.scrutineers[p.index - 1] != p.person)
      log_.fail(
          "tally", v.id,
          seq_text(e.seq) + ": index " + std::to_string(p.index) + " is not " + p.person + "'s");
    v.partials.push_back(partial_entry{e.seq, p.index, p.partial});
  }

  void on(const protocol::board_event& e, const ev::vote_decided& p) {
    auto& v = vote(p.vote_id);
    if (!v.closed) throw bad_payload("result before the vote closed");
    if (v.decided) throw bad_payload("second result of a vote");
    decided_entry d;
    d.seq = e.seq;
    d.board_seq_at_close = p.board_seq_at_close;
    d.ballots = p.ballots;
    d.seated = p.seated;
    d.present = p.present;
    d.counts = p.counts;
    d.rule = p.rule;
    d.outcome = p.outcome;
    d.published_digest = p.result_digest;
    d.published_hash_at_close = p.board_hash_at_close;
    v.decided = std::move(d);
  }

  // A scrutineer's signature over the result.
  void on(const protocol::board_event& e, const ev::result_signed& p) {
    auto& v = vote(p.vote_id);
    if (!v.decided) throw bad_payload("result signed before the vote was decided");
    result_signature_entry r{e.seq, p.index, p.person, p.signer_pk, p.signature, false};
    r.signer_entitled = r.index >= 1 && r.index <= v.scrutineers.size() &&
                        v.scrutineers[r.index - 1] == r.person && v.params &&
                        v.params->scrutineer(r.index) == r.signer_pk;
    v.result_signatures.push_back(std::move(r));
  }

  // The chair's announcement: a signature over the same result digest.
  void on(const protocol::board_event& e, const ev::result_announced& p) {
    auto& v = vote(p.vote_id);
    if (!v.decided) throw bad_payload("result signed before the vote was decided");
    result_signature_entry r{e.seq, 0, p.person, p.signer_pk, p.signature, false};
    const auto* key = current_key(r.person);
    r.signer_entitled = has_role(r.person, "chair") && key != nullptr && *key == r.signer_pk;
    v.announcements.push_back(std::move(r));
  }

  congress_model& m_;
  check_log& log_;
  /// Every device key enrolled so far, by its bytes (each checked when its event was decoded).
  std::map<crypto::byte_array<32>, crypto::public_key> checked_keys_;
  std::uint64_t enrollments_unproven_ = 0;
  std::map<std::string, proposal_model> proposals_;
  // (sitting, item) → the proposal the item carries.
  std::map<std::pair<std::string, std::string>, std::string> item_proposals_;
  std::uint64_t decided_ = 0;  // resolutions on proposals' items
  protocol::working_calendar calendar_;
  /// What the monthly reports count, for recomputing each one issued.
  report_ledger reports_;
};

}  // namespace

void replay(const record& rec, congress_model& model, check_log& log) {
  replayer r(model, log);
  for (const auto& e : rec.events) r.apply(e);
  r.finish();
  log.touch("events", "");
  if (!rec.events.empty() && model.congress_id != rec.header.congress_id)
    log.fail("head", "", "congress.json congress_id is not event 0's");
}

namespace {

// Whether a vote of sitting `id` opened, i.e. used its ceremony's joint key.
bool ceremony_used(const congress_model& model, const std::string& sitting_id) {
  return std::any_of(model.votes.begin(), model.votes.end(), [&](const auto& entry) {
    return entry.second.sitting_id == sitting_id && entry.second.opened;
  });
}

// A ceremony still under way when the record was exported, which no vote used: what is there
// is checked, what is missing is reported as not yet done rather than as a failure.
void check_unfinished_ceremony(const std::string& id, const ceremony_model& c, check_log& log) {
  const auto& params = *c.params;
  std::size_t messages = 0;
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    if (!c.messages[i]) continue;
    ++messages;
    if (crypto::check_keygen_message(params, *c.messages[i]))
      log.pass("ceremony", id);
    else
      log.fail("ceremony", id,
               "keygen message of scrutineer " + std::to_string(i + 1) +
                   " (proofs of knowledge, signature) does not verify");
  }
  std::size_t confirmations = 0;
  if (c.published) {
    const auto digest = crypto::key_digest(params, *c.published);
    for (std::size_t i = 0; i < c.confirmations.size(); ++i) {
      if (!c.confirmations[i]) continue;
      ++confirmations;
      if (crypto::check_confirmation(params, i + 1, digest, *c.confirmations[i]))
        log.pass("ceremony", id);
      else
        log.fail("ceremony", id,
                 "confirmation of scrutineer " + std::to_string(i + 1) +
                     " is not a signature over the key digest");
    }
  }
  const auto n = std::to_string(params.n());
  log.describe("ceremony", id,
               "unfinished when exported (no vote used it): " + std::to_string(messages) + " of " +
                   n + " keygen messages, " + std::to_string(confirmations) + " of " + n +
                   " confirmations");
}

}  // namespace

void check_ceremonies(const congress_model& model, check_log& log) {
  for (const auto& [id, s] : model.sittings) {
    if (!s.ceremony || !s.ceremony->params) continue;
    const auto& c = *s.ceremony;
    std::vector<crypto::keygen_message> messages;
    for (const auto& m : c.messages)
      if (m) messages.push_back(*m);
    std::vector<crypto::signature> confirmations;
    for (const auto& sig : c.confirmations)
      if (sig) confirmations.push_back(*sig);
    const bool finished =
        c.published && messages.size() == c.params->n() && confirmations.size() == c.params->n();
    if (!finished && !ceremony_used(model, id)) {
      check_unfinished_ceremony(id, c, log);
      continue;
    }
    if (!c.published) {
      log.fail("ceremony", id, "the joint and verification keys were never published");
      continue;
    }
    const auto report = crypto::check_ceremony(*c.params, messages, *c.published, confirmations);
    const auto n = c.params->n();
    if (!report.complete)
      log.fail("ceremony", id,
               std::to_string(messages.size()) + " messages and " +
                   std::to_string(confirmations.size()) + " confirmations of " + std::to_string(n));
    for (std::size_t i = 0; i < report.messages.size(); ++i)
      if (report.messages[i])
        log.pass("ceremony", id);
      else
        log.fail("ceremony", id,
                 "keygen message of scrutineer " + std::to_string(i + 1) +
                     " (proofs of knowledge, signature) does not verify");
    if (report.keys_match)
      log.pass("ceremony", id);
    else
      log.fail("ceremony", id, "K or some Z_l is not recomputed from the commitments");
    for (std::size_t i = 0; i < report.confirmations.size(); ++i)
      if (report.confirmations[i])
        log.pass("ceremony", id);
      else
        log.fail("ceremony", id,
                 "confirmation of scrutineer " + std::to_string(i + 1) +
                     " is not a signature over the key digest");
    log.describe("ceremony", id,
                 std::to_string(n) + " keygen messages, K and " + std::to_string(n) + " Z_l, " +
                     std::to_string(n) + " confirmations; k = " + std::to_string(c.params->k()));
  }
}

}  // namespace plenum::clients::verify::detail
