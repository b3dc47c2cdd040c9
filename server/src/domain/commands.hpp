// The commands of the congress: plain structs, one per thing an actor asks for. Who may send
// each is in protocol/EVENTS.md and enforced by `decide`.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/roster.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/ballot_points.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/private_details.hpp"
#include "plenum/protocol/vote_subject.hpp"

namespace plenum::server::domain {

struct ballot_check;  // domain/ballot_check.hpp

/// System: the first event of a congress's log.
struct create_congress {
  std::string congress_id;
  std::string name;
  std::string term_start;
  std::string term_end;
};

/// Secretary: replaces the roster with a CSV import (one event, with its warnings).
struct import_roster {
  std::string csv;
  membership_totals membership;
};

/// Secretary: acknowledges the composition warnings of the current roster.
struct acknowledge_warnings {};

/// Secretary: issues a new one-time code for a person. The caller draws `code` and `salt`
/// (enrollment_code::generate, generate_salt) and shows the code to the secretary once; only
/// its salted hash enters the log. Supersedes any unspent code of that person.
struct issue_enrollment_code {
  std::string person;
  std::string code;  ///< canonical or printed form
  std::string salt;  ///< hex, 16 bytes
};

/// Any device: enrolls its key with a person's code.
struct enroll_device {
  std::string person;
  std::string code;
  crypto::public_key device_pk;
  crypto::signature signature;  ///< over enrollment_digest
  /// over crypto::possession_digest; absent when the device sent none (older clients)
  std::optional<crypto::signature> possession{};
};

/// Chair or secretary: schedules a sitting on `date` (ISO), an annual meeting or an
/// extraordinary one (`kind` "annual", the default when empty, or "extraordinary"). An annual
/// meeting created after the term adopted resolutions or opened rectification items starts
/// with the two follow-up reports and their generated materials.
struct create_sitting {
  std::string sitting_id;
  std::string title;
  std::string date;
  std::string kind{};
  /// A delegate group's own sitting: its seated are the group's members who are seated
  /// delegates (empty for a sitting of the whole congress).
  std::string group_id{};
};

/// Chair: opens or closes check-in of a sitting.
struct open_checkin {
  std::string sitting_id;
};
struct close_checkin {
  std::string sitting_id;
};

/// Delegate (alternate, observer): checks in with the device key's signature over
/// checkin_digest(sitting_id, device_pk, unix_ms).
struct check_in {
  std::string sitting_id;
  std::int64_t unix_ms = 0;
  crypto::signature signature;
};

/// Secretary: checks a person in on their behalf, signing the same digest with the
/// secretary's own key (over the person's device key).
struct assisted_check_in {
  std::string sitting_id;
  std::string person;
  std::int64_t unix_ms = 0;
  std::string reason;
  crypto::signature signature;
};

/// Chair or secretary: records an excused absence of a delegate from a sitting.
struct excuse_delegate {
  std::string sitting_id;
  std::string person;
  std::string reason;
  std::string approver;
};

/// Chair or secretary: withdraws the excusal of a delegate who arrived after all; they are
/// seated again and may check in.
struct withdraw_excusal {
  std::string sitting_id;
  std::string person;
  std::string reason;
};
/// Chair: opens (quorum checked) or closes a sitting.
struct open_sitting {
  std::string sitting_id;
};
struct close_sitting {
  std::string sitting_id;
};

/// Chair or secretary: adds an agenda item. Only the chair adds a `proposal` item, naming a
/// submitted proposal.
struct add_item {
  std::string sitting_id;
  std::string item_id;
  std::string kind;  ///< report, major_matter, briefing, proposal, election, appraisal, other
  std::string title;
  std::int64_t order = 0;
  std::string responsible;
  std::string proposal_id;
};

/// Chair or secretary: attaches a document to an item before its vote opens. Either `text`
/// (its digest is computed) or `url` with the document's `digest` (hex, 32 bytes).
struct add_material {
  std::string sitting_id;
  std::string item_id;
  std::string material_id;
  std::string title;
  std::string text;
  std::string url;
  std::string digest;
};

/// Chair: makes an item the current one.
struct set_current_item {
  std::string sitting_id;
  std::string item_id;
};

/// Delegate: submits a proposal (at any time), with other delegates as co-signers.
struct submit_proposal {
  std::string proposal_id;
  std::string title;
  std::string text;
  std::vector<std::string> co_signers{};
};

/// Secretary: sets the working-day calendar of `year` (replaces it): public holidays and
/// make-up workdays (weekend dates), ISO dates of that year.
struct set_calendar {
  std::uint32_t year = 0;
  std::vector<std::string> holidays;
  std::vector<std::string> workdays;
};

/// Secretary (the liaison office): accepts a submitted proposal (立案) and assigns it to a
/// handling unit, to answer by `deadline` (a working day after today; empty: today + 6 months,
/// rolled forward to a working day).
struct accept_proposal {
  std::string proposal_id;
  std::string unit;
  std::string deadline{};
};

/// Secretary: merges a submitted proposal into a similar accepted one still being handled.
struct merge_proposal {
  std::string proposal_id;
  std::string into;
};

/// Secretary: turns a submitted proposal into an opinion (转为意见建议), with the reason. Final.
struct convert_proposal {
  std::string proposal_id;
  std::string reason;
};

/// Secretary: records the handling unit's answer to the current round of an accepted proposal
/// (`unit` empty: the unit it was assigned to).
struct answer_proposal {
  std::string proposal_id;
  std::string text;
  std::string unit{};
};

/// The proposer: rates the answer of the current round (satisfied, basically_satisfied,
/// unsatisfied). An unsatisfied first round goes back for handling once more, due in 3 months
/// (rolled forward to a working day).
struct rate_proposal {
  std::string proposal_id;
  std::string rating;
};

/// Chair: creates a vote on an agenda item.
struct create_vote {
  std::string vote_id;
  std::string sitting_id;
  std::string item_id;
  std::string kind;  ///< motion, election, appraisal, confidence, satisfaction
  std::string title;
  bool open_ballot = false;             ///< a named vote: procedural motions (item kind other) only
  std::string rule;                     ///< a rule text; empty for the default of the kind
  std::uint32_t seats = 0;              ///< election
  std::vector<std::string> candidates;  ///< election: names in stroke order
  bool uncontested = false;             ///< election of secretary/deputy posts (等额)
  std::vector<std::string> members;     ///< appraisal, confidence; satisfaction: the items
  bool alternative_scale = false;       ///< appraisal: 好/较好/一般/差
  /// Satisfaction only: what each item appraises, parallel to `members`; may be empty.
  std::vector<protocol::vote_subject> subjects;
};

/// Chair: opens a vote (quorum, ceremony and current item checked) or closes it.
struct open_vote {
  std::string vote_id;
};
struct close_vote {
  std::string vote_id;
};

/// Delegate: casts an encrypted ballot (CVP1 §5), decoded by the protocol.
struct cast_ballot {
  std::string vote_id;
  crypto::ballot ballot;
  /// Optional: the verdict of check_ballot on `ballot`, made outside the hall's lock. Used
  /// only when made for the vote's current election hash and joint key; otherwise the ballot
  /// is checked while deciding.
  std::shared_ptr<const ballot_check> checked = nullptr;
  /// Optional: the ballot's option ciphertexts as its decoding decoded them, for check_ballot
  /// (used only when they are the ballot's own).
  crypto::decoded_ballot_points points{};
};

/// Delegate: challenges a ballot instead of casting it (CVP1 "Spoiled ballots"): the ballot
/// and the openings of all its options. Recorded as spoiled, never counted; its ballot_id and
/// alphas are burnt for the vote.
struct spoil_ballot {
  std::string vote_id;
  crypto::ballot ballot;
  crypto::ballot_openings nonces;
  /// Optional, as for cast_ballot: check_ballot's verdict on `ballot`, made outside the lock.
  std::shared_ptr<const ballot_check> checked = nullptr;
};

/// System: records the decrypted counts of a closed vote (one per position, in manifest
/// order); the rule gives the outcome. An election needing a run-off or a further round
/// also creates that vote on the same item.
struct record_result {
  std::string vote_id;
  std::vector<std::uint64_t> counts;
};

/// Chair: appoints the sitting's scrutineers in order, with threshold k.
struct start_ceremony {
  std::string sitting_id;
  std::vector<std::string> scrutineers;
  std::uint64_t k = 0;
};

/// Scrutineer: publishes its keygen message (CVP1 §3).
struct submit_keygen {
  std::string sitting_id;
  crypto::keygen_message message;
};

/// Scrutineer: confirms the keys that all n keygen messages give, signing key_digest.
struct confirm_keys {
  std::string sitting_id;
  crypto::signature signature;
};

/// Scrutineer: publishes its partial decryption of a closed vote (CVP1 §7). The k-th valid one
/// decrypts the counts and decides the vote.
struct submit_partial {
  std::string vote_id;
  crypto::partial_decryption partial;
};

/// Scrutineer whose partial decryption was combined into a decided vote's counts: signs the
/// result after checking it, with its device key over result_digest (CVP1 §7).
struct sign_result {
  std::string vote_id;
  crypto::signature signature;
};

/// Chair: announces a decided vote's result once every scrutineer who decrypted has signed it,
/// signing the same result_digest with the chair's device key. Once per vote.
struct announce_result {
  std::string vote_id;
  crypto::signature signature;
};

/// Secretary, between sittings: a delegate leaves the term (ISO `date`, with the reason).
struct record_delegate_left {
  std::string person;
  std::string reason;
  std::string date;
};

/// Secretary, between sittings: an alternate becomes a delegate, in the place of `replaces`
/// (a person who left; empty for none).
struct seat_alternate {
  std::string person;
  std::string replaces;
  std::string date;
};

/// Secretary, between sittings: a delegate chosen in a by-election joins the roster. The
/// person's roles are set to delegate.
struct add_delegate {
  person record;
  std::string reason;
  std::string date;
};

/// Secretary: a rectification item for a problem raised about `member` in a decided democratic
/// appraisal `vote_id`. An empty id asks the congress for one.
struct record_rectification {
  std::string rectification_id;
  std::string vote_id;
  std::string member;
  std::string problem;
  std::string responsible;
};

/// Secretary: a report on the implementation of a resolution or rectification item (`subject`
/// "resolution" or "rectification"); `status` not_started, in_progress, completed or blocked,
/// `reason` given exactly when blocked. An empty id asks the congress for one.
struct report_implementation {
  std::string report_id;
  std::string subject;
  std::string subject_id;
  std::string status;
  std::string text;
  std::string date;
  std::string reason;
};

/// Secretary: adds fresh follow-up materials, generated from the current state, to the
/// follow-up report items of a sitting that has not opened yet.
struct refresh_follow_up {
  std::string sitting_id;
};

/// Private details a command carries (names, words) with the salt the server drew for them:
/// `decide` checks the fields, the event gets their digest, the decision keeps the details for
/// the store beside the log.
struct private_input {
  protocol::private_fields fields;
  crypto::byte_array<protocol::private_salt_bytes> salt{};
};

/// The keeping delegate, or the secretary: registers a contact (kind member: kept by delegate
/// `keeper`; kind resident: kept by member contact `keeper`) with details {name, place}. An
/// empty id asks the congress for one.
struct register_contact {
  std::string contact_id;
  std::string kind;
  std::string keeper;
  private_input details;
};

/// The keeping delegate, or the secretary: the contact is no longer kept.
struct remove_contact {
  std::string contact_id;
  std::string reason;
};

/// Secretary: the delegates committee member `member` keeps in contact with.
struct set_committee_contacts {
  std::string member;
  std::vector<std::string> delegates;
};

/// The delegate keeping the contact: an opinion collected on `date`, details {text, name}.
struct log_opinion {
  std::string opinion_id;
  std::string contact_id;
  std::string date;
  std::string category;
  private_input details;
};

/// Secretary: the opinion sent to `department` on `date` (empty: today).
struct route_opinion {
  std::string opinion_id;
  std::string department;
  std::string date{};
};

/// Secretary: the answer deadline extended once by `working_days` (1–15), with the reason.
struct extend_opinion {
  std::string opinion_id;
  std::uint64_t working_days = 0;
  std::string reason;
};

/// Secretary, for the department: the answer given on `date` (empty: today), details {text}.
struct answer_opinion {
  std::string opinion_id;
  std::string date;
  private_input details;
};

/// Secretary: the opinion not taken up, with the public reason, on `date` (empty: today).
struct refuse_opinion {
  std::string opinion_id;
  std::string date;
  std::string reason;
};

/// The delegate who logged the opinion: told the person its outcome on `date` (empty: today).
struct report_back_opinion {
  std::string opinion_id;
  std::string date{};
};

/// Secretary: issues the monthly report of `month` (YYYY-MM) to the county, once the month has
/// ended and only once: monthly_report_issued with the report's digest.
struct issue_monthly_report {
  std::string month;
};

/// Secretary: forms a delegate group (代表小组) of at least 10 seated delegates, none already
/// in a group; `basis` electoral_unit, area or line_of_work. An empty id asks for one.
struct form_group {
  std::string group_id;
  std::string name;
  std::string basis;
  std::vector<std::string> members;
};

/// Secretary: adds and removes members of a group, with the reason; it keeps at least 10.
struct change_group {
  std::string group_id;
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::string reason;
};

/// Secretary: records the party committee's approval of the leader (组长) and deputy (副组长)
/// the group elected in decided election `vote_id` of one of its own sittings.
struct approve_group_leaders {
  std::string group_id;
  std::string leader;
  std::string deputy;
  std::string vote_id;
  std::string approval;
};

/// Secretary: plans an activity (group_activity, research, inspection, study,
/// committee_attendance) on an ISO `date` at `place`; `group_id` empty for a congress-wide one
/// (a group_activity names its group); `invited` empty: the group's members, or every seated
/// delegate. An empty id asks for one.
struct plan_activity {
  std::string activity_id;
  std::string kind;
  std::string group_id;
  std::string title;
  std::string date;
  std::string place;
  std::vector<std::string> invited;
};

/// Delegate: checks in to an activity they are invited to, on its date, with the device key's
/// signature over activity_checkin_digest(activity_id, device_pk, unix_ms).
struct activity_check_in {
  std::string activity_id;
  std::int64_t unix_ms = 0;
  crypto::signature signature;
};

/// Secretary: records an invited delegate's attendance (present, absent or excused) with the
/// reason, until the activity is recorded as held.
struct record_attendance {
  std::string activity_id;
  std::string person;
  std::string status;
  std::string reason;
};

/// Secretary: the activity took place on or before today, with its outcome; closes check-in.
struct record_activity_held {
  std::string activity_id;
  std::string outcome;
};

/// Every command.
using command = std::variant<
    create_congress, import_roster, acknowledge_warnings, issue_enrollment_code, enroll_device,
    create_sitting, open_checkin, close_checkin, check_in, assisted_check_in, excuse_delegate,
    withdraw_excusal, open_sitting, close_sitting, add_item, add_material, set_current_item,
    submit_proposal, create_vote, open_vote, close_vote, cast_ballot, record_result, start_ceremony,
    submit_keygen, confirm_keys, submit_partial, sign_result, announce_result, spoil_ballot,
    set_calendar, accept_proposal, merge_proposal, convert_proposal, answer_proposal, rate_proposal,
    record_delegate_left, seat_alternate, add_delegate, record_rectification, report_implementation,
    refresh_follow_up, register_contact, remove_contact, set_committee_contacts, log_opinion,
    route_opinion, extend_opinion, answer_opinion, refuse_opinion, report_back_opinion,
    issue_monthly_report, form_group, change_group, approve_group_leaders, plan_activity,
    activity_check_in, record_attendance, record_activity_held>;

}  // namespace plenum::server::domain
