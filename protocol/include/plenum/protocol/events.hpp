// The congress log's vocabulary: one struct per event type (protocol/EVENTS.md), the variant
// of them all, and the one codec every reader and the server use. An event is stored and
// hashed as the JSON text of its payload (CVP1 §6); encode_event_payload writes the members in
// the order of protocol/EVENTS.md, and decoding a stored payload and encoding it again gives
// the same bytes. Decoding is strict: an unknown member, a missing one, a wrong type or an
// out-of-range value is refused with the path and a reason. Pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/ballot_points.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/decode_error.hpp"
#include "plenum/protocol/rules.hpp"
#include "plenum/protocol/vote_subject.hpp"

namespace plenum::protocol {

/// Longest list in an event (a roster, the eligible of a vote).
inline constexpr std::size_t max_event_list_size = 100'000;

namespace events {

/// A person as the roster records them.
struct roster_person {
  std::string number;
  std::string name;
  std::string gender;
  std::string ethnicity;
  std::string occupation;
  std::string unit;
  std::string group;
  /// Role names (delegate, alternate, observer, chair, secretary, scrutineer), in role order.
  std::vector<std::string> roles;
  bool committee_member = false;
  friend bool operator==(const roster_person&, const roster_person&) = default;
};

/// The party's membership the composition warnings were computed against.
struct membership_totals {
  std::uint64_t members = 0;
  std::uint64_t women = 0;
  std::uint64_t minority = 0;
  friend bool operator==(const membership_totals&, const membership_totals&) = default;
};

/// A composition warning of an imported roster.
struct roster_warning {
  std::string code;
  std::string detail;
  friend bool operator==(const roster_warning&, const roster_warning&) = default;
};

/// A scrutineer appointed to a key ceremony: dealer index (from 1), person, device key.
struct appointed_scrutineer {
  std::uint64_t index = 0;
  std::string person;
  crypto::public_key pk;
  friend bool operator==(const appointed_scrutineer&, const appointed_scrutineer&) = default;
};

struct congress_created {
  static constexpr std::string_view type = "congress_created";
  std::string congress_id;
  std::string name;
  std::string term_start;
  std::string term_end;
  friend bool operator==(const congress_created&, const congress_created&) = default;
};

struct roster_imported {
  static constexpr std::string_view type = "roster_imported";
  std::vector<roster_person> persons;
  membership_totals membership;
  std::vector<roster_warning> warnings;
  std::string by;
  friend bool operator==(const roster_imported&, const roster_imported&) = default;
};

struct roster_warnings_acknowledged {
  static constexpr std::string_view type = "roster_warnings_acknowledged";
  std::string by;
  /// How many warnings were acknowledged.
  std::uint64_t warnings = 0;
  friend bool operator==(const roster_warnings_acknowledged&,
                         const roster_warnings_acknowledged&) = default;
};

struct enrollment_code_issued {
  static constexpr std::string_view type = "enrollment_code_issued";
  std::string person;
  crypto::byte_array<16> salt{};
  crypto::digest32 code_hash{};
  std::string by;
  friend bool operator==(const enrollment_code_issued&, const enrollment_code_issued&) = default;
};

struct device_enrolled {
  static constexpr std::string_view type = "device_enrolled";
  std::string person;
  crypto::public_key device_pk;
  /// The key this one replaced (written "" when none).
  std::optional<crypto::public_key> revoked_pk;
  /// The device's signature over possession_digest(congress_id, person, device_pk).
  std::optional<crypto::signature> possession;
  friend bool operator==(const device_enrolled&, const device_enrolled&) = default;
};

struct sitting_created {
  static constexpr std::string_view type = "sitting_created";
  std::string sitting_id;
  std::string title;
  std::string date;
  /// annual or extraordinary; absent in records made before sittings had kinds (= annual).
  std::optional<std::string> kind{};
  /// The year of the term (1-based) the sitting belongs to; absent in older records.
  std::optional<std::uint64_t> year{};
  /// A delegate group's own sitting (its election of 组长 and 副组长): the group's id; absent
  /// for a sitting of the whole congress.
  std::optional<std::string> group_id{};
  friend bool operator==(const sitting_created&, const sitting_created&) = default;
};

struct checkin_opened {
  static constexpr std::string_view type = "checkin_opened";
  std::string sitting_id;
  friend bool operator==(const checkin_opened&, const checkin_opened&) = default;
};

struct checkin_closed {
  static constexpr std::string_view type = "checkin_closed";
  std::string sitting_id;
  friend bool operator==(const checkin_closed&, const checkin_closed&) = default;
};

/// A check-in: the delegate's own (signature by device_pk), or assisted by the secretary
/// (signature by secretary_pk over the same digest; secretary, secretary_pk and reason set).
struct checked_in {
  static constexpr std::string_view type = "checked_in";
  std::string sitting_id;
  std::string person;
  crypto::public_key device_pk;
  std::uint64_t unix_ms = 0;
  crypto::signature signature;
  bool assisted = false;
  std::string secretary;
  std::optional<crypto::public_key> secretary_pk;
  std::string reason;
  friend bool operator==(const checked_in&, const checked_in&) = default;
};

struct delegate_excused {
  static constexpr std::string_view type = "delegate_excused";
  std::string sitting_id;
  std::string person;
  std::string reason;
  std::string approver;
  std::string recorded_by;
  friend bool operator==(const delegate_excused&, const delegate_excused&) = default;
};

struct excusal_withdrawn {
  static constexpr std::string_view type = "excusal_withdrawn";
  std::string sitting_id;
  std::string person;
  std::string reason;
  std::string recorded_by;
  friend bool operator==(const excusal_withdrawn&, const excusal_withdrawn&) = default;
};

struct sitting_opened {
  static constexpr std::string_view type = "sitting_opened";
  std::string sitting_id;
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  std::uint64_t required = 0;
  friend bool operator==(const sitting_opened&, const sitting_opened&) = default;
};

struct sitting_closed {
  static constexpr std::string_view type = "sitting_closed";
  std::string sitting_id;
  friend bool operator==(const sitting_closed&, const sitting_closed&) = default;
};

struct item_added {
  static constexpr std::string_view type = "item_added";
  std::string sitting_id;
  std::string item_id;
  /// report, major_matter, briefing, proposal, election, appraisal or other.
  std::string kind;
  std::string title;
  std::uint64_t order = 0;
  std::string responsible;  ///< may be empty
  std::string proposal_id;  ///< may be empty
  /// A follow-up report generated with an annual meeting: "resolutions" or "rectification".
  std::optional<std::string> follow_up{};
  friend bool operator==(const item_added&, const item_added&) = default;
};

struct material_added {
  static constexpr std::string_view type = "material_added";
  std::string sitting_id;
  std::string item_id;
  std::string material_id;
  std::string title;
  std::string text;    ///< empty for a material given by url
  std::string url;     ///< empty for a material given by text
  std::string digest;  ///< hex of what url points to, or empty
  friend bool operator==(const material_added&, const material_added&) = default;
};

struct current_item_set {
  static constexpr std::string_view type = "current_item_set";
  std::string sitting_id;
  std::string item_id;
  friend bool operator==(const current_item_set&, const current_item_set&) = default;
};

struct proposal_submitted {
  static constexpr std::string_view type = "proposal_submitted";
  std::string proposal_id;
  std::string by;
  std::string title;
  std::string text;
  std::uint64_t unix_ms = 0;
  /// Co-signing delegates' numbers (not the proposer, none twice); absent when none.
  std::vector<std::string> co_signers{};
  friend bool operator==(const proposal_submitted&, const proposal_submitted&) = default;
};

/// A year's working-day calendar (replaces that year's): public holidays and make-up workdays
/// (weekend dates that are working days), ISO dates of `year`.
struct calendar_set {
  static constexpr std::string_view type = "calendar_set";
  std::uint64_t year = 0;
  std::vector<std::string> holidays;
  std::vector<std::string> workdays;
  std::string by;
  friend bool operator==(const calendar_set&, const calendar_set&) = default;
};

/// A proposal accepted (立案) and assigned to a handling unit, to answer by `deadline` (ISO date,
/// a working day).
struct proposal_accepted {
  static constexpr std::string_view type = "proposal_accepted";
  std::string proposal_id;
  std::string unit;
  std::string deadline;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const proposal_accepted&, const proposal_accepted&) = default;
};

/// A proposal merged into a similar accepted one: it follows that one's handling.
struct proposal_merged {
  static constexpr std::string_view type = "proposal_merged";
  std::string proposal_id;
  std::string into;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const proposal_merged&, const proposal_merged&) = default;
};

/// A proposal turned into an opinion (转为意见建议), with the reason; final.
struct proposal_converted {
  static constexpr std::string_view type = "proposal_converted";
  std::string proposal_id;
  std::string reason;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const proposal_converted&, const proposal_converted&) = default;
};

/// The handling unit's answer to an accepted proposal: round 1, or 2 after an unsatisfied
/// rating.
struct proposal_answered {
  static constexpr std::string_view type = "proposal_answered";
  std::string proposal_id;
  std::uint64_t round = 1;
  std::string unit;
  std::string text;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const proposal_answered&, const proposal_answered&) = default;
};

/// The proposer's rating of a round's answer: satisfied, basically_satisfied or unsatisfied.
/// An unsatisfied rating of round 1 sends the proposal back for handling with the new
/// `deadline` (absent otherwise).
struct proposal_rated {
  static constexpr std::string_view type = "proposal_rated";
  std::string proposal_id;
  std::uint64_t round = 1;
  std::string rating;
  std::string by;
  std::uint64_t unix_ms = 0;
  std::string deadline;  ///< "" when absent
  friend bool operator==(const proposal_rated&, const proposal_rated&) = default;
};

struct vote_created {
  static constexpr std::string_view type = "vote_created";
  std::string vote_id;
  std::string sitting_id;
  std::string item_id;
  vote_kind kind = vote_kind::motion;
  std::string title;
  bool secret = true;
  /// The canonical rule text (protocol::rule_text).
  std::string rule;
  std::uint64_t seats = 0;
  /// Election: the candidates; appraisal and confidence: the members; satisfaction: the items'
  /// titles.
  std::vector<std::string> candidates;
  bool uncontested = false;
  std::string follow_up_of;  ///< may be empty
  crypto::manifest manifest;
  /// Satisfaction: what each item appraises, parallel to `candidates`; empty (and absent from
  /// the payload) for the other kinds and for items that name no subject.
  std::vector<vote_subject> subjects;
  friend bool operator==(const vote_created&, const vote_created&) = default;
};

/// Who may vote in vote `vote_id`: appended by open_vote right before its vote_opened (format
/// 2), in the same decision. Not in a tablet's course: a tablet proves its own key against
/// vote_opened's roster_root instead (get_roster_proof); the devices that read the whole board
/// recompute roster_hash and roster_root from it.
struct vote_roster {
  static constexpr std::string_view type = "vote_roster";
  std::string vote_id;
  /// The seated delegates' numbers.
  std::vector<std::string> eligible;
  /// Their device keys, sorted bytewise.
  std::vector<crypto::public_key> roster;
  /// crypto::roster_hash(roster).
  crypto::digest32 roster_hash{};
  /// crypto::roster_root(roster).
  crypto::digest32 roster_root{};
  friend bool operator==(const vote_roster&, const vote_roster&) = default;
};

/// Vote `vote_id` is open. Format 2 (`format` = 2, what the server writes) names its roster by
/// the vote_roster event just before it (`roster_seq`) with its count and Merkle root, and
/// carries no lists; format 1 (`format` absent, older records) lists `eligible` and `roster`.
struct vote_opened {
  static constexpr std::string_view type = "vote_opened";
  std::string vote_id;
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  std::uint64_t required = 0;
  /// Format 1: the seated delegates' numbers; empty in format 2 (see vote_roster).
  std::vector<std::string> eligible;
  /// Format 1: their device keys, sorted; empty in format 2 (see vote_roster).
  std::vector<crypto::public_key> roster;
  crypto::digest32 manifest_hash{};
  crypto::digest32 roster_hash{};
  crypto::digest32 ceremony_id{};
  crypto::point joint_key;
  crypto::digest32 election_hash{};
  /// Format 2: the seq of this vote's vote_roster event (the event just before).
  std::optional<std::uint64_t> roster_seq{};
  /// Format 2: the number of keys of the roster.
  std::optional<std::uint64_t> roster_count{};
  /// Format 2: the roster's Merkle root (crypto/roster_tree.hpp).
  std::optional<crypto::digest32> roster_root{};
  /// 2, or absent in events of format 1.
  std::optional<std::uint64_t> format{};
  /// Whether this is format 2 (its roster in a vote_roster event).
  [[nodiscard]] bool lists_roster_apart() const { return format.has_value(); }
  friend bool operator==(const vote_opened&, const vote_opened&) = default;
};

struct ballot_accepted {
  static constexpr std::string_view type = "ballot_accepted";
  std::string vote_id;
  std::string person;
  crypto::public_key voter_pk;
  crypto::byte_array<32> ballot_id{};
  crypto::digest32 digest{};
  crypto::digest32 tracking_code{};
  crypto::ballot ballot;
  friend bool operator==(const ballot_accepted&, const ballot_accepted&) = default;
};

struct ballot_spoiled {
  static constexpr std::string_view type = "ballot_spoiled";
  std::string vote_id;
  std::string person;
  crypto::public_key voter_pk;
  crypto::byte_array<32> ballot_id{};
  crypto::digest32 digest{};
  crypto::digest32 tracking_code{};
  crypto::ballot ballot;
  crypto::ballot_openings nonces;
  crypto::ballot_choices choices;
  friend bool operator==(const ballot_spoiled&, const ballot_spoiled&) = default;
};

struct vote_closed {
  static constexpr std::string_view type = "vote_closed";
  std::string vote_id;
  std::uint64_t ballots = 0;
  friend bool operator==(const vote_closed&, const vote_closed&) = default;
};

struct vote_decided {
  static constexpr std::string_view type = "vote_decided";
  std::string vote_id;
  std::uint64_t board_seq_at_close = 0;
  std::uint64_t ballots = 0;
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  /// Per position, in manifest order.
  std::vector<std::uint64_t> counts;
  /// The exact texts of result_digest (CVP1 §7).
  std::string rule;
  std::string outcome;
  std::optional<crypto::digest32> board_hash_at_close;
  std::optional<crypto::digest32> result_digest;
  friend bool operator==(const vote_decided&, const vote_decided&) = default;
};

struct result_signed {
  static constexpr std::string_view type = "result_signed";
  std::string vote_id;
  std::string person;
  std::uint64_t index = 0;
  crypto::public_key signer_pk;
  crypto::signature signature;
  friend bool operator==(const result_signed&, const result_signed&) = default;
};

struct result_announced {
  static constexpr std::string_view type = "result_announced";
  std::string vote_id;
  std::string person;
  crypto::public_key signer_pk;
  crypto::signature signature;
  friend bool operator==(const result_announced&, const result_announced&) = default;
};

struct ceremony_started {
  static constexpr std::string_view type = "ceremony_started";
  std::string sitting_id;
  std::vector<appointed_scrutineer> scrutineers;
  std::uint64_t n = 0;
  std::uint64_t k = 0;
  crypto::digest32 ceremony_id{};
  friend bool operator==(const ceremony_started&, const ceremony_started&) = default;
};

/// A dealer's keygen message; the n-th also carries the joint key and the verification keys
/// computed from all n.
struct keygen_submitted {
  static constexpr std::string_view type = "keygen_submitted";
  std::string sitting_id;
  std::uint64_t index = 0;
  std::string person;
  crypto::keygen_message message;
  std::optional<crypto::point> joint_key;
  std::vector<crypto::point> verification_keys;
  friend bool operator==(const keygen_submitted&, const keygen_submitted&) = default;
};

struct keys_confirmed {
  static constexpr std::string_view type = "keys_confirmed";
  std::string sitting_id;
  std::uint64_t index = 0;
  std::string person;
  crypto::signature signature;
  friend bool operator==(const keys_confirmed&, const keys_confirmed&) = default;
};

struct partial_submitted {
  static constexpr std::string_view type = "partial_submitted";
  std::string vote_id;
  std::uint64_t index = 0;
  std::string person;
  crypto::partial_decryption partial;
  friend bool operator==(const partial_submitted&, const partial_submitted&) = default;
};

/// A delegate leaves the term between sittings (resigned, moved, recalled, died).
struct delegate_left {
  static constexpr std::string_view type = "delegate_left";
  std::string person;
  std::string reason;
  std::string date;  ///< ISO date
  std::string by;
  friend bool operator==(const delegate_left&, const delegate_left&) = default;
};

/// An alternate becomes a delegate between sittings, in the place of `replaces` ("" for none).
struct alternate_seated {
  static constexpr std::string_view type = "alternate_seated";
  std::string person;
  std::string replaces;
  std::string date;
  std::string by;
  friend bool operator==(const alternate_seated&, const alternate_seated&) = default;
};

/// A delegate joins the term by a by-election (补选), with their roster record.
struct delegate_added {
  static constexpr std::string_view type = "delegate_added";
  roster_person person;
  std::string reason;
  std::string date;
  std::string by;
  friend bool operator==(const delegate_added&, const delegate_added&) = default;
};

/// A motion on a report, major matter or proposal item passed: the meeting's resolution, with
/// who is responsible for carrying it out. Recorded in the same decision as its vote_decided.
struct resolution_adopted {
  static constexpr std::string_view type = "resolution_adopted";
  std::string resolution_id;
  std::string sitting_id;
  std::string item_id;
  std::string vote_id;
  std::string title;
  std::string responsible;
  friend bool operator==(const resolution_adopted&, const resolution_adopted&) = default;
};

/// A rectification item (整改事项): origin "appraisal" (a problem the secretary records from a
/// decided democratic appraisal) or "confidence" (a member the confidence rule flagged; by "").
struct rectification_opened {
  static constexpr std::string_view type = "rectification_opened";
  std::string rectification_id;
  std::string origin;
  std::string vote_id;
  std::string member;
  std::string problem;
  std::string responsible;
  std::string by;
  friend bool operator==(const rectification_opened&, const rectification_opened&) = default;
};

/// A report on a resolution's or rectification item's implementation: status not_started,
/// in_progress, completed or blocked (with its reason).
struct implementation_reported {
  static constexpr std::string_view type = "implementation_reported";
  std::string report_id;
  std::string subject;  ///< resolution or rectification
  std::string subject_id;
  std::string status;
  std::string text;
  std::string date;    ///< ISO date
  std::string reason;  ///< why it is blocked; empty otherwise
  std::string by;
  friend bool operator==(const implementation_reported&, const implementation_reported&) = default;
};

// ---- three-level contact (三级联系) and opinions: names and words stay off the log; an event
// carries `details_digest` (private_details.hpp) ----

/// A contact kept: a party member kept by a delegate (`keeper` the delegate's number), or a
/// resident kept by a member (`keeper` the member's contact_id).
struct contact_registered {
  static constexpr std::string_view type = "contact_registered";
  std::string contact_id;
  std::string kind;  ///< member or resident
  std::string keeper;
  crypto::digest32 details_digest{};
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const contact_registered&, const contact_registered&) = default;
};

/// A contact no longer kept, with the reason.
struct contact_removed {
  static constexpr std::string_view type = "contact_removed";
  std::string contact_id;
  std::string reason;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const contact_removed&, const contact_removed&) = default;
};

/// The delegates a party committee member keeps in contact with (replaces the member's list).
struct committee_contacts_set {
  static constexpr std::string_view type = "committee_contacts_set";
  std::string member;
  std::vector<std::string> delegates;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const committee_contacts_set&, const committee_contacts_set&) = default;
};

/// An opinion (意见建议) a delegate collected from a contact on `date`, in `category`.
struct opinion_logged {
  static constexpr std::string_view type = "opinion_logged";
  std::string opinion_id;
  std::string contact_id;
  std::string by;
  std::string date;
  crypto::digest32 details_digest{};
  std::string category;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const opinion_logged&, const opinion_logged&) = default;
};

/// An opinion sent to the department that answers it, on `date`.
struct opinion_routed {
  static constexpr std::string_view type = "opinion_routed";
  std::string opinion_id;
  std::string department;
  std::string date;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const opinion_routed&, const opinion_routed&) = default;
};

/// The answer deadline of an opinion extended once, by `working_days` (1–15), with the reason.
struct opinion_extended {
  static constexpr std::string_view type = "opinion_extended";
  std::string opinion_id;
  std::uint64_t working_days = 0;
  std::string reason;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const opinion_extended&, const opinion_extended&) = default;
};

/// The department's answer to an opinion, given on `date`.
struct opinion_answered {
  static constexpr std::string_view type = "opinion_answered";
  std::string opinion_id;
  std::string date;
  crypto::digest32 details_digest{};
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const opinion_answered&, const opinion_answered&) = default;
};

/// An opinion the department does not take up, with the public reason (no names).
struct opinion_refused {
  static constexpr std::string_view type = "opinion_refused";
  std::string opinion_id;
  std::string date;
  std::string reason;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const opinion_refused&, const opinion_refused&) = default;
};

/// The delegate told the person who gave the opinion what became of it, on `date`.
struct opinion_reported_back {
  static constexpr std::string_view type = "opinion_reported_back";
  std::string opinion_id;
  std::string date;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const opinion_reported_back&, const opinion_reported_back&) = default;
};

/// The monthly written report (月度书面报告) of month `month` (`YYYY-MM`) issued to the county:
/// `report_digest` is SHA-256 of the report's canonical JSON, which anyone recomputes from the
/// events before this one (server/src/domain/monthly_report.hpp).
struct monthly_report_issued {
  static constexpr std::string_view type = "monthly_report_issued";
  std::string report_id;  ///< "MR-2027-03"
  std::string month;
  crypto::byte_array<32> report_digest{};
  std::string by;
  std::uint64_t unix_ms = 0;
  /// The report's format: 2 (every figure counted); absent in reports of format 1, issued
  /// before activities, groups, opinions and contacts were counted.
  std::optional<std::uint64_t> format{};
  friend bool operator==(const monthly_report_issued&, const monthly_report_issued&) = default;
};

/// A delegate group (代表小组) formed by the secretary: at least 10 seated delegates, none in
/// another group; `basis` electoral_unit, area or line_of_work.
struct group_formed {
  static constexpr std::string_view type = "group_formed";
  std::string group_id;
  std::string name;
  std::string basis;
  std::vector<std::string> members;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const group_formed&, const group_formed&) = default;
};

/// Members added to and removed from a group, with the reason; the group keeps at least 10.
struct group_changed {
  static constexpr std::string_view type = "group_changed";
  std::string group_id;
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::string reason;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const group_changed&, const group_changed&) = default;
};

/// The party committee's approval (`approval`: e.g. its document number) of the leader (组长)
/// and deputy (副组长) the group elected in decided vote `vote_id` of one of its sittings.
struct group_leaders_approved {
  static constexpr std::string_view type = "group_leaders_approved";
  std::string group_id;
  std::string leader;
  std::string deputy;
  std::string vote_id;
  std::string approval;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const group_leaders_approved&, const group_leaders_approved&) = default;
};

/// An activity of the delegates between meetings: kind group_activity, research, inspection,
/// study or committee_attendance; `group_id` "" for a congress-wide one; `invited` delegates.
struct activity_planned {
  static constexpr std::string_view type = "activity_planned";
  std::string activity_id;
  std::string kind;
  std::string group_id;
  std::string title;
  std::string date;  ///< ISO date
  std::string place;
  std::vector<std::string> invited;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const activity_planned&, const activity_planned&) = default;
};

/// A delegate's own check-in to an activity on its date: `signature` by `device_pk` over
/// crypto::activity_checkin_digest(activity_id, device_pk, unix_ms).
struct activity_checked_in {
  static constexpr std::string_view type = "activity_checked_in";
  std::string activity_id;
  std::string person;
  crypto::public_key device_pk;
  std::uint64_t unix_ms = 0;
  crypto::signature signature;
  friend bool operator==(const activity_checked_in&, const activity_checked_in&) = default;
};

/// The office records a delegate's attendance (present, absent or excused) with the reason: for
/// someone without a device, or who did not come.
struct attendance_recorded {
  static constexpr std::string_view type = "attendance_recorded";
  std::string activity_id;
  std::string person;
  std::string status;
  std::string reason;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const attendance_recorded&, const attendance_recorded&) = default;
};

/// The activity took place, with its outcome; check-in to it is closed.
struct activity_held {
  static constexpr std::string_view type = "activity_held";
  std::string activity_id;
  std::string outcome;
  std::string by;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const activity_held&, const activity_held&) = default;
};

/// The promoted standby's first event: from this entry on the log is signed by `standby_pk`,
/// which the congress key certified for entries from `from_seq` on with `certificate` over
/// crypto::handover_digest(congress_id, congress_pk, standby_pk, from_seq) (crypto/SPEC.md §6).
struct server_handover {
  static constexpr std::string_view type = "server_handover";
  crypto::public_key standby_pk;
  std::uint64_t from_seq = 0;
  crypto::signature certificate;
  std::string reason;
  std::uint64_t unix_ms = 0;
  friend bool operator==(const server_handover&, const server_handover&) = default;
};

}  // namespace events

/// The payload of any event of the log, by its type.
using congress_event = std::variant<
    events::congress_created, events::roster_imported, events::roster_warnings_acknowledged,
    events::enrollment_code_issued, events::device_enrolled, events::sitting_created,
    events::checkin_opened, events::checkin_closed, events::checked_in, events::delegate_excused,
    events::excusal_withdrawn, events::sitting_opened, events::sitting_closed, events::item_added,
    events::material_added, events::current_item_set, events::proposal_submitted,
    events::vote_created, events::vote_roster, events::vote_opened, events::ballot_accepted,
    events::ballot_spoiled, events::vote_closed, events::vote_decided, events::result_signed,
    events::result_announced, events::ceremony_started, events::keygen_submitted,
    events::keys_confirmed, events::partial_submitted, events::calendar_set,
    events::proposal_accepted, events::proposal_merged, events::proposal_converted,
    events::proposal_answered, events::proposal_rated, events::delegate_left,
    events::alternate_seated, events::delegate_added, events::resolution_adopted,
    events::rectification_opened, events::implementation_reported, events::contact_registered,
    events::contact_removed, events::committee_contacts_set, events::opinion_logged,
    events::opinion_routed, events::opinion_extended, events::opinion_answered,
    events::opinion_refused, events::opinion_reported_back, events::monthly_report_issued,
    events::group_formed, events::group_changed, events::group_leaders_approved,
    events::activity_planned, events::activity_checked_in, events::attendance_recorded,
    events::activity_held, events::server_handover>;

/// The type name of the event held ("ballot_accepted", …).
[[nodiscard]] std::string_view event_type(const congress_event& e) noexcept;

/// Whether `type` names an event type.
[[nodiscard]] bool is_event_type(std::string_view type) noexcept;

/// Decodes the stored payload text of an event of type `type`. Errors: unknown_message_type
/// (path "type") for a type that is not an event's, malformed_message for text that is not
/// strict JSON (protocol::parse_strict_json), and the field refusals (invalid_field,
/// invalid_point, non_canonical_scalar …) with the member's path.
[[nodiscard]] decoded<congress_event> decode_event_payload(std::string_view type,
                                                           std::string_view payload_text);

/// The same from a parsed payload object.
[[nodiscard]] decoded<congress_event> decode_event_payload(std::string_view type,
                                                           const boost::json::object& payload);

/// A device key its reader holds already, found by its bytes, or null: one decoded (and so
/// checked) before, e.g. from the board's `device_enrolled` events.
using known_key_lookup =
    std::function<const crypto::public_key*(const crypto::byte_array<32>& bytes)>;

/// What a board reader brings to the decoding of ballot events.
struct ballot_event_reading {
  /// The device keys it holds already (may be empty): a ballot event's `voter_pk` (and its
  /// ballot's) of the bytes of one of them is taken as that key without checking it again (an
  /// Ed25519 key's check costs about one scalar multiplication; every ballot event names its
  /// voter's key twice).
  known_key_lookup known;
  /// When not null, checks the ballot's option ciphertexts and keeps their decodings, for the
  /// reader's running sums (crypto::running_tally::add), so that they are decoded once.
  crypto::ballot_points_builder* points = nullptr;
};

/// decode_event_payload for a board reader (above) on a `ballot_accepted` or `ballot_spoiled`;
/// any key `reading.known` does not find is checked in full, and every other event and member
/// is decoded as decode_event_payload decodes it: the same event, the same errors.
[[nodiscard]] decoded<congress_event> decode_event_payload(std::string_view type,
                                                           std::string_view payload_text,
                                                           const ballot_event_reading& reading);

/// The payload as a JSON object, members in EVENTS.md order.
[[nodiscard]] boost::json::object event_payload_object(const congress_event& e);

/// The payload text as the log stores and hashes it.
[[nodiscard]] std::string encode_event_payload(const congress_event& e);

/// Every event type with its members and their JSON types, as one JSON document
/// (`{"ballot_accepted": [{"name": "vote_id", "type": "string"}, …], …}`): the schema the web
/// apps' generated types are checked against.
[[nodiscard]] boost::json::object event_schema();

}  // namespace plenum::protocol
