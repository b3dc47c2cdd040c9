// congress_state: everything known about one congress, changed only by `apply` of the events
// of its log (event sourcing). The server applies each event live after appending it and again
// at start-up when replaying the log; both give equal states.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/contacts.hpp"
#include "domain/event.hpp"
#include "domain/groups.hpp"
#include "domain/roster.hpp"
#include "domain/working_calendar.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/elgamal.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/roster_tree.hpp"
#include "plenum/crypto/running_tally.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/error.hpp"
#include "plenum/protocol/rules.hpp"
#include "plenum/protocol/vote_subject.hpp"

namespace plenum::server::domain {

/// The congress and its term.
struct congress_info {
  std::string id;
  std::string name;
  std::string term_start;  ///< ISO date
  std::string term_end;
  friend bool operator==(const congress_info&, const congress_info&) = default;
};

/// A person's enrollment: the outstanding code (as a salted hash) and the current device key.
struct enrollment {
  std::string code_salt;  ///< hex
  std::string code_hash;  ///< hex
  bool code_spent = true;
  std::uint64_t codes_issued = 0;
  std::optional<crypto::public_key> device_key;
  friend bool operator==(const enrollment&, const enrollment&) = default;
};

/// Who a device key belongs to, and whether a later enrollment revoked it.
struct device_record {
  std::string person;
  bool revoked = false;
  friend bool operator==(const device_record&, const device_record&) = default;
};

/// A presence record of a sitting.
struct checkin_record {
  std::int64_t unix_ms = 0;
  std::string signature;  ///< hex: the delegate's, or the secretary's when assisted
  std::string signer_pk;  ///< hex
  bool assisted = false;
  std::string reason;     ///< for an assisted check-in
  std::uint64_t seq = 0;  ///< the event that recorded it
  friend bool operator==(const checkin_record&, const checkin_record&) = default;
};

/// An excused absence with its reason and approver.
struct excusal {
  std::string reason;
  std::string approver;
  std::string recorded_by;
  friend bool operator==(const excusal&, const excusal&) = default;
};

/// The seven kinds of agenda item of DOMAIN.md §三(六).
enum class item_kind { report, major_matter, briefing, proposal, election, appraisal, other };
[[nodiscard]] std::string_view to_string(item_kind kind) noexcept;
[[nodiscard]] std::optional<item_kind> parse_item_kind(std::string_view text) noexcept;

/// A document delivered with the agenda: inline text or a URL, with its digest (hex).
struct material {
  std::string id;
  std::string title;
  std::string text;
  std::string url;
  std::string digest;
  friend bool operator==(const material&, const material&) = default;
};

/// An agenda item.
struct agenda_item {
  std::string id;
  item_kind kind = item_kind::other;
  std::string title;
  std::int64_t order = 0;
  std::string responsible;  ///< for items ending in a resolution
  std::string proposal_id;  ///< for a delegate proposal
  /// A generated follow-up report: "resolutions" or "rectification"; empty otherwise.
  std::string follow_up;
  std::vector<material> materials;
  friend bool operator==(const agenda_item&, const agenda_item&) = default;
};

/// The key ceremony of a sitting (CVP1 §3), as far as the domain follows it.
struct ceremony_record {
  std::vector<std::string> scrutineers;  ///< person numbers; index i+1 is scrutineers[i]
  std::vector<crypto::public_key> keys;  ///< their device keys when appointed
  std::uint64_t k = 0;
  std::string ceremony_id;                                 ///< hex
  std::map<std::uint64_t, crypto::keygen_message> keygen;  ///< by dealer index
  std::map<std::uint64_t, std::string> confirmations;      ///< by index: signature hex
  bool complete = false;
  std::optional<crypto::point> joint_key;
  std::vector<crypto::point> verification_keys;
  friend bool operator==(const ceremony_record&, const ceremony_record&) = default;
};

/// A sitting (one annual meeting or extraordinary meeting).
struct sitting {
  enum class status { scheduled, open, closed };
  std::string id;
  std::string title;
  std::string date;
  /// An annual meeting (年会) or an extraordinary one (临时会议); older records are annual.
  enum class meeting { annual, extraordinary };
  meeting kind = meeting::annual;
  std::uint64_t year = 0;  ///< of the term, 1-based; 0 when the record does not say
  /// A delegate group's own sitting: the group's id ("" for a sitting of the whole congress).
  std::string group_id;
  status state = status::scheduled;
  bool checkin_open = false;
  std::map<std::string, checkin_record> present;  ///< by person number (any role)
  std::map<std::string, excusal> excused;         ///< by person number
  std::map<std::string, agenda_item> items;       ///< by item id
  std::optional<std::string> current_item;
  std::optional<ceremony_record> ceremony;
  friend bool operator==(const sitting&, const sitting&) = default;
};

/// One round's answer to an accepted proposal, and the proposer's rating of it.
struct proposal_answer {
  std::uint32_t round = 1;
  std::string unit;
  std::string text;
  std::string by;
  std::int64_t unix_ms = 0;
  std::string rating;  ///< satisfied, basically_satisfied, unsatisfied; "" until rated
  std::int64_t rated_ms = 0;
  friend bool operator==(const proposal_answer&, const proposal_answer&) = default;
};

/// A delegate proposal (代表提案), submitted at any time, and its whole handling.
struct proposal {
  /// The liaison office's review: waiting, accepted (立案), merged into another, or turned
  /// into an opinion.
  enum class review { submitted, accepted, merged, converted };
  std::string id;
  std::string by;
  std::string title;
  std::string text;
  std::int64_t submitted_ms = 0;
  std::vector<std::string> co_signers;
  std::string sitting_id;  ///< set once the chair puts it on an agenda
  std::string item_id;
  /// Decided by the meeting: the resolution adopted on its agenda item; empty until then.
  std::string resolution_id;
  review reviewed = review::submitted;
  std::string reviewed_by;
  std::int64_t reviewed_ms = 0;
  std::string unit;                      ///< accepted: the handling unit
  std::string deadline;                  ///< accepted: the current round's deadline (ISO date)
  std::string first_deadline;            ///< accepted: round 1's deadline
  std::string merged_into;               ///< merged: the accepted proposal it follows
  std::string conversion_reason;         ///< converted
  std::uint32_t round = 0;               ///< accepted: 1, or 2 after an unsatisfied rating
  std::vector<proposal_answer> answers;  ///< in round order
  bool finished = false;                 ///< the final rating was given

  /// Accepted, and the current round has no answer yet.
  [[nodiscard]] bool awaiting_answer() const {
    return reviewed == review::accepted && !finished && answers.size() < round;
  }
  /// Accepted, and the current round's answer waits for the proposer's rating.
  [[nodiscard]] bool awaiting_rating() const {
    return reviewed == review::accepted && !finished && answers.size() == round && round > 0 &&
           answers.back().rating.empty();
  }
  friend bool operator==(const proposal&, const proposal&) = default;
};

/// A change of the roster between sittings (delegate_left, alternate_seated, delegate_added).
struct roster_change {
  std::string kind;  ///< the event type
  std::string person;
  std::string replaces;  ///< alternate_seated: whom they replace, or empty
  std::string reason;
  std::string date;
  std::string by;
  std::uint64_t seq = 0;
  friend bool operator==(const roster_change&, const roster_change&) = default;
};

/// A report on the implementation of a resolution or rectification item.
struct implementation_report {
  std::string id;
  std::string status;  ///< not_started, in_progress, completed, blocked
  std::string text;
  std::string date;
  std::string reason;
  std::string by;
  std::uint64_t seq = 0;
  friend bool operator==(const implementation_report&, const implementation_report&) = default;
};

/// A resolution adopted by a sitting, with its implementation reports in order.
struct resolution {
  std::string id;
  std::string sitting_id;
  std::string item_id;
  std::string vote_id;
  std::string title;
  std::string responsible;
  std::vector<implementation_report> reports;
  friend bool operator==(const resolution&, const resolution&) = default;
};

/// A rectification item (整改事项) with its reports in order.
struct rectification {
  std::string id;
  std::string origin;  ///< appraisal or confidence
  std::string vote_id;
  std::string member;
  std::string problem;
  std::string responsible;
  std::string by;
  std::vector<implementation_report> reports;
  friend bool operator==(const rectification&, const rectification&) = default;
};

/// A monthly report issued to the county: the report as the state stood when it was issued
/// (domain/monthly_report.hpp) and the digest the event recorded.
struct issued_report {
  std::string report_id;
  std::string month;          ///< YYYY-MM
  std::string report_digest;  ///< hex, as recorded
  std::string by;
  std::int64_t unix_ms = 0;
  boost::json::object report;
  friend bool operator==(const issued_report&, const issued_report&) = default;
};

/// An accepted ballot.
struct ballot_record {
  std::string voter_pk;  ///< hex
  std::string ballot_id;
  std::string digest;
  std::string tracking_code;
  std::uint64_t seq = 0;  ///< the event that accepted it
  crypto::ballot ballot;
  friend bool operator==(const ballot_record&, const ballot_record&) = default;
};

/// A spoiled (challenged) ballot of a vote: recorded, never counted (CVP1 "Spoiled ballots").
struct spoiled_record {
  std::string voter_pk;  ///< hex
  std::string ballot_id;
  std::string digest;
  std::string tracking_code;
  std::uint64_t seq = 0;  ///< the ballot_spoiled event
  crypto::ballot ballot;
  crypto::ballot_openings nonces;
  crypto::ballot_choices choices;
  friend bool operator==(const spoiled_record&, const spoiled_record&) = default;
};

/// A signature over a vote's result_digest (CVP1 §7): a scrutineer's or the chair's.
struct result_signature {
  std::string person;
  std::string signer_pk;  ///< hex, the signer's device key
  std::string signature;  ///< hex
  std::uint64_t seq = 0;  ///< the event that recorded it
  friend bool operator==(const result_signature&, const result_signature&) = default;
};

/// The Merkle tree of a vote's roster, shared by the copies of a state; two are equal when
/// their roots are (the tree is a function of the roster).
struct roster_tree_cache {
  std::shared_ptr<const crypto::roster_tree> tree;
  friend bool operator==(const roster_tree_cache& a, const roster_tree_cache& b) {
    if (!a.tree || !b.tree) return !a.tree && !b.tree;
    return a.tree->root() == b.tree->root();
  }
};

/// A vote on an agenda item.
struct vote {
  enum class status { created, open, closed, decided };
  std::string id;
  std::string sitting_id;
  std::string item_id;
  protocol::vote_kind kind = protocol::vote_kind::motion;
  std::string title;
  bool secret = true;
  std::string rule_text;
  protocol::decision_rule rule;
  crypto::manifest manifest;
  std::vector<std::string> candidates;  ///< election: names in the given (stroke) order
  std::uint32_t seats = 0;
  bool uncontested = false;
  std::string follow_up_of;  ///< a run-off or further round of this vote
  /// Satisfaction: what each item appraises, parallel to the manifest's contests (may be empty).
  std::vector<protocol::vote_subject> subjects;
  status state = status::created;
  // Snapshotted when the vote opens.
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  std::vector<std::string> eligible;         ///< seated delegates' numbers
  std::vector<std::string> eligible_sorted;  ///< the same, sorted: a voter found per ballot
  std::vector<std::string> roster;           ///< their device keys, hex, sorted
  std::string manifest_hash;
  std::string roster_hash;
  std::string roster_root;  ///< hex, the roster's Merkle root
  /// The seq of the vote's vote_roster event (0 for a vote_opened of format 1).
  std::uint64_t roster_seq = 0;
  /// The roster's Merkle tree, built once when the roster is applied, for get_roster_proof.
  roster_tree_cache tree;
  std::string election_hash;
  std::uint64_t opened_seq = 0;
  // Ballots.
  std::map<std::string, ballot_record> ballots;  ///< by person number
  /// Spoiled ballots by person number, in board order; never in `ballots` or `aggregates`.
  std::map<std::string, std::vector<spoiled_record>> spoiled;
  /// Every ballot_id and alpha used in this vote, cast or spoiled: none may be used again.
  std::set<crypto::byte_array<32>> ballot_ids;
  std::set<crypto::byte_array<32>> alphas;
  /// (A, B) = (Σ alpha, Σ beta) per position over the accepted ballots (CVP1 §7), kept as
  /// ballots arrive (decoded, on the variable-time engine: ballots are public) so that
  /// closing and decrypting never re-reads them all.
  crypto::running_tally aggregates;
  std::uint64_t closed_seq = 0;
  std::string closed_hash;  ///< hex: entry_hash of the vote_closed event (board_hash_at_close)
  std::map<std::uint64_t, crypto::partial_decryption> partials;  ///< by scrutineer index
  // Result.
  std::vector<std::uint64_t> counts;
  std::string outcome_text;
  std::vector<std::string> runoff;  ///< election: contest ids for a run-off
  std::uint32_t runoff_seats = 0;
  std::uint32_t further_round_seats = 0;
  std::vector<std::string> elected;
  std::string result_digest;                                    ///< hex, CVP1 §7, once decided
  std::map<std::uint64_t, result_signature> result_signatures;  ///< by scrutineer index
  std::optional<result_signature> announcement;                 ///< the chair's
  friend bool operator==(const vote&, const vote&) = default;
};

/// Why an event could not be applied: errc::broken_chain for a sequence gap, errc::internal for
/// an event that does not fit the state (a foreign or forged log), and the reason in words.
struct apply_error {
  boost::system::error_code code;
  std::string reason;
};

/// Lets `result<void, apply_error>::value()` throw (a programmer error: callers check first).
[[noreturn]] void throw_exception_from_error(const apply_error& e,
                                             const boost::source_location& location);

/// The outcome of congress_state::apply.
using apply_result = boost::system::result<void, apply_error>;

/// The state of one congress. Not thread-safe: the caller serializes decide/apply.
class congress_state {
 public:
  congress_state() = default;

  /// Applies one event of this congress's log. `e.seq` must be the next sequence number.
  /// Total and deterministic for every event `decide` produced. An event that does not fit the
  /// state (a foreign or forged log) is refused with errc::internal and the reason (errc::
  /// broken_chain for a sequence gap), and leaves the state as it was.
  [[nodiscard]] apply_result apply(const event& e);

  /// The sequence number the next event must have.
  [[nodiscard]] std::uint64_t next_seq() const { return next_seq_; }

  [[nodiscard]] const std::optional<congress_info>& congress() const { return congress_; }
  [[nodiscard]] const std::vector<person>& persons() const { return persons_; }
  [[nodiscard]] const person* find_person(std::string_view number) const;
  [[nodiscard]] const membership_totals& membership() const { return membership_; }
  [[nodiscard]] const std::vector<roster_warning>& warnings() const { return warnings_; }
  [[nodiscard]] bool warnings_acknowledged() const { return warnings_acknowledged_; }
  [[nodiscard]] const std::map<std::string, enrollment>& enrollments() const {
    return enrollments_;
  }
  [[nodiscard]] const enrollment* find_enrollment(std::string_view number) const;
  /// The record of a device key, current or revoked; nullptr if never enrolled.
  [[nodiscard]] const device_record* find_device(const crypto::public_key& key) const;
  [[nodiscard]] const std::map<std::string, sitting>& sittings() const { return sittings_; }
  [[nodiscard]] const sitting* find_sitting(std::string_view id) const;
  [[nodiscard]] const std::map<std::string, proposal>& proposals() const { return proposals_; }
  [[nodiscard]] const proposal* find_proposal(std::string_view id) const;
  /// The working days: Monday to Friday with each year's calendar_set exceptions.
  [[nodiscard]] const working_calendar& calendar() const { return calendar_; }
  [[nodiscard]] const std::map<std::string, vote>& votes() const { return votes_; }
  [[nodiscard]] const vote* find_vote(std::string_view id) const;
  /// Roster changes between sittings, in log order.
  [[nodiscard]] const std::vector<roster_change>& roster_changes() const { return roster_changes_; }
  [[nodiscard]] const std::map<std::string, resolution>& resolutions() const {
    return resolutions_;
  }
  [[nodiscard]] const std::map<std::string, rectification>& rectifications() const {
    return rectifications_;
  }
  /// Three-level contact and opinions.
  [[nodiscard]] const contact_book& contacts() const { return contacts_; }
  /// The monthly reports issued, by month (YYYY-MM).
  [[nodiscard]] const std::map<std::string, issued_report>& monthly_reports() const {
    return monthly_reports_;
  }
  /// Whether a report with this id exists (on any resolution or rectification item).
  [[nodiscard]] bool has_report(std::string_view id) const {
    return report_ids_.contains(std::string(id));
  }

  /// Delegate groups (代表小组) and activities between meetings.
  [[nodiscard]] const group_register& groups() const { return groups_; }

  /// Whether person `number` is a delegate of the term.
  [[nodiscard]] bool is_delegate(std::string_view number) const;
  /// Seated (应到) of a sitting: delegates of the term minus those excused; of a group's sitting,
  /// only the group's members among them.
  [[nodiscard]] std::vector<std::string> seated(const sitting& s) const;
  /// Whether `number` may attend sitting `s` as one of its seated (a delegate; of a group's
  /// sitting, a member of the group).
  [[nodiscard]] bool sits_in(const sitting& s, std::string_view number) const;
  /// Present (实到): checked-in delegates (of a group's sitting: members).
  [[nodiscard]] std::uint64_t present_count(const sitting& s) const;

  friend bool operator==(const congress_state&, const congress_state&) = default;

 private:
  struct applier;

  std::uint64_t next_seq_ = 0;
  std::optional<congress_info> congress_;
  std::vector<person> persons_;
  /// Index into persons_ by number (the first person of a number), so that a lookup does not
  /// scan the roster: the state views count the present with one lookup per check-in.
  std::map<std::string, std::size_t, std::less<>> person_index_;
  membership_totals membership_;
  std::vector<roster_warning> warnings_;
  bool warnings_acknowledged_ = false;
  std::map<std::string, enrollment> enrollments_;
  std::map<std::string, device_record> devices_;  ///< by device key hex
  std::map<std::string, sitting> sittings_;
  std::map<std::string, proposal> proposals_;
  working_calendar calendar_;
  std::map<std::string, vote> votes_;
  std::vector<roster_change> roster_changes_;
  std::map<std::string, resolution> resolutions_;
  std::map<std::string, rectification> rectifications_;
  std::set<std::string> report_ids_;
  contact_book contacts_;
  std::map<std::string, issued_report> monthly_reports_;
  group_register groups_;
};

}  // namespace plenum::server::domain
