// The one error convention of Plenum's libraries: `boost::system::error_code` /
// `boost::system::result<T>` with the codes below. Each specific code belongs to one canonical
// category (abseil's set), which clients may use to decide how to react; the specific name is
// what travels on the wire (`"code": "vote_not_open"`).
#pragma once

#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <string_view>

namespace plenum {

/// Canonical categories, in the sense of abseil's StatusCode.
enum class canonical {
  invalid_argument,
  not_found,
  already_exists,
  permission_denied,
  unauthenticated,
  failed_precondition,
  resource_exhausted,
  unavailable,
  internal,
};

// X(name, canonical category, message). Add new codes at the end of their group.
#define PLENUM_ERRORS(X)                                                                           \
  /* messages */                                                                                   \
  X(malformed_message, invalid_argument, "the message is not valid JSON of the protocol")          \
  X(unsupported_version, invalid_argument, "unsupported protocol version")                         \
  X(unknown_message_type, invalid_argument, "unknown message type")                                \
  X(invalid_field, invalid_argument, "a field is missing, of the wrong type or out of range")      \
  X(message_too_large, resource_exhausted, "the message exceeds the size limit")                   \
  X(rate_limited, resource_exhausted, "too many requests")                                         \
  /* identity */                                                                                   \
  X(unauthenticated, unauthenticated, "authenticate first")                                        \
  X(bad_auth_signature, unauthenticated, "the authentication signature does not verify")           \
  X(unknown_device_key, unauthenticated, "no enrolled person has this device key")                 \
  X(key_revoked, unauthenticated, "this device key was revoked by a later enrollment")             \
  X(permission_denied, permission_denied, "this role may not do that")                             \
  X(not_yourself, permission_denied, "a delegate may act only as themselves")                      \
  /* roster and enrollment */                                                                      \
  X(unknown_person, not_found, "no such person on the roster")                                     \
  X(person_exists, already_exists, "a person with this number is already on the roster")           \
  X(invalid_roster, invalid_argument, "the roster is malformed")                                   \
  X(bad_enrollment_code, permission_denied, "the enrollment code is wrong")                        \
  X(enrollment_code_spent, failed_precondition, "the enrollment code was already used")            \
  X(device_key_in_use, already_exists, "this device key is already enrolled")                      \
  X(no_congress, failed_precondition, "the congress has not been created")                         \
  X(congress_exists, already_exists, "the congress was already created")                           \
  X(warnings_unacknowledged, failed_precondition, "roster warnings not acknowledged")              \
  X(warnings_already_acknowledged, failed_precondition,                                            \
    "the roster warnings were already acknowledged")                                               \
  X(not_enrolled, failed_precondition, "the person has no enrolled device key")                    \
  /* sitting, attendance, quorum */                                                                \
  X(no_sitting, failed_precondition, "no sitting is in progress")                                  \
  X(sitting_exists, already_exists, "a sitting with this id exists")                               \
  X(sitting_not_open, failed_precondition, "the sitting is not open")                              \
  X(sitting_already_open, failed_precondition, "the sitting is already open")                      \
  X(sitting_closed, failed_precondition, "the sitting is closed")                                  \
  X(checkin_closed, failed_precondition, "check-in is not open")                                   \
  X(already_checked_in, already_exists, "already checked in")                                      \
  X(not_a_voter, permission_denied, "only seated delegates may do that")                           \
  X(excused, failed_precondition, "the delegate's absence is excused")                             \
  X(already_excused, already_exists, "the delegate is already excused")                            \
  X(not_excused, failed_precondition, "the delegate's absence is not excused")                     \
  X(bad_checkin_signature, unauthenticated, "the check-in signature does not verify")              \
  X(stale_checkin, invalid_argument, "the check-in time is too far from the server's clock")       \
  X(quorum_not_reached, failed_precondition, "fewer than four fifths of the seated are present")   \
  /* agenda */                                                                                     \
  X(unknown_item, not_found, "no such agenda item")                                                \
  X(item_exists, already_exists, "an agenda item with this id exists")                             \
  X(item_not_current, failed_precondition, "that agenda item is not the current one")              \
  X(invalid_item, invalid_argument, "the agenda item is malformed")                                \
  X(unknown_proposal, not_found, "no such proposal")                                               \
  X(proposal_exists, already_exists, "a proposal with this id exists")                             \
  X(material_exists, already_exists, "a material with this id exists on the item")                 \
  /* proposals and the working-day calendar */                                                     \
  X(invalid_date, invalid_argument, "a date is not a valid YYYY-MM-DD working day as required")    \
  X(invalid_calendar, invalid_argument,                                                            \
    "the calendar lists a date of another year, twice, or a weekday as a make-up workday")         \
  X(invalid_co_signer, invalid_argument,                                                           \
    "a co-signer must be another delegate of the roster, named once")                              \
  X(proposal_already_reviewed, failed_precondition,                                                \
    "the proposal was already accepted, merged or turned into an opinion")                         \
  X(proposal_not_accepted, failed_precondition, "the proposal has not been accepted (立案)")       \
  X(invalid_merge, invalid_argument,                                                               \
    "a proposal is merged only into another accepted proposal still being handled")                \
  X(proposal_not_awaiting_answer, failed_precondition,                                             \
    "the proposal's current round was already answered, or its handling is finished")              \
  X(not_the_proposer, permission_denied, "only the proposer may rate the answer to a proposal")    \
  X(proposal_not_answered, failed_precondition,                                                    \
    "the proposal has no answer waiting for the proposer's rating")                                \
  X(invalid_rating, invalid_argument, "a rating is satisfied, basically_satisfied or unsatisfied") \
  /* key ceremony */                                                                               \
  X(no_ceremony, failed_precondition, "no key ceremony is in progress or complete")                \
  X(ceremony_in_progress, failed_precondition, "the key ceremony is not complete")                 \
  X(ceremony_complete, failed_precondition, "the key ceremony is already complete")                \
  X(not_a_scrutineer, permission_denied, "only the sitting's scrutineers may do that")             \
  X(bad_ceremony_message, invalid_argument, "the key-ceremony message does not verify")            \
  X(duplicate_ceremony_message, already_exists, "this scrutineer already sent that message")       \
  /* votes and ballots */                                                                          \
  X(unknown_vote, not_found, "no such vote")                                                       \
  X(vote_not_open, failed_precondition, "the vote is not open")                                    \
  X(vote_already_open, failed_precondition, "the vote was already opened")                         \
  X(vote_still_open, failed_precondition, "the vote is still open")                                \
  X(not_checked_in, failed_precondition, "the delegate has not checked in")                        \
  X(not_in_roster, failed_precondition, "the device's key is not in the vote's roster")            \
  X(already_voted, already_exists, "this delegate already cast a ballot in this vote")             \
  X(ballot_id_reused, already_exists, "this ballot id was already used in this vote")              \
  X(ciphertext_reused, already_exists, "a ciphertext of this ballot was already cast")             \
  X(wrong_election, invalid_argument, "the ballot was made for another vote or key")               \
  X(malformed_ballot, invalid_argument, "the ballot does not match the vote's manifest")           \
  X(invalid_point, invalid_argument, "a group element is not valid or is forbidden")               \
  X(non_canonical_scalar, invalid_argument, "a scalar is not canonical")                           \
  X(bad_proof, invalid_argument, "a proof in the ballot does not verify")                          \
  X(bad_signature, unauthenticated, "the signature does not verify")                               \
  X(bad_partial_decryption, invalid_argument, "the partial decryption does not verify")            \
  X(duplicate_partial, already_exists, "this scrutineer already sent a partial decryption")        \
  X(not_enough_partials, failed_precondition, "fewer than k partial decryptions")                  \
  X(decryption_failed, internal, "the tally could not be decrypted to a count in range")           \
  X(invalid_rule, invalid_argument, "the decision rule is malformed or not canonical")             \
  X(invalid_tally, invalid_argument, "the counts do not fit the vote's rule and manifest")         \
  X(vote_exists, already_exists, "a vote with this id exists")                                     \
  X(invalid_vote, invalid_argument, "the vote is malformed or does not fit its item")              \
  X(not_enough_candidates, invalid_argument, "fewer candidates than 1.2 x seats")                  \
  X(result_exists, already_exists, "the vote already has a result")                                \
  X(vote_not_decided, failed_precondition, "the vote has no result yet")                           \
  X(did_not_decrypt, permission_denied,                                                            \
    "only a scrutineer whose partial decryption was combined may sign the result")                 \
  X(result_already_signed, already_exists, "this scrutineer already signed the result")            \
  X(result_not_signed, failed_precondition,                                                        \
    "not every scrutineer who decrypted has signed the result")                                    \
  X(result_already_announced, already_exists, "the result was already announced")                  \
  X(result_under_embargo, failed_precondition,                                                     \
    "a result is under embargo until the chair announces it")                                      \
  X(result_mismatch, failed_precondition,                                                          \
    "the published result is not the one recomputed from the board")                               \
  X(challenge_limit, resource_exhausted,                                                           \
    "this delegate has spoiled as many ballots as allowed in this vote")                           \
  X(bad_nonce, invalid_argument, "a revealed nonce does not open its ciphertext")                  \
  /* the term and follow-up */                                                                     \
  X(not_an_alternate, failed_precondition, "the person is not an alternate")                       \
  X(unknown_resolution, not_found, "no such resolution")                                           \
  X(unknown_rectification, not_found, "no such rectification item")                                \
  X(rectification_exists, already_exists, "a rectification item with this id exists")              \
  X(report_exists, already_exists, "an implementation report with this id exists")                 \
  X(reason_required, invalid_argument, "a blocked implementation needs its reason")                \
  X(no_follow_up, failed_precondition, "the sitting has no follow-up report")                      \
  X(duplicate_subject, already_exists, "a satisfaction appraisal names each subject once")         \
  X(subject_title_mismatch, invalid_argument,                                                      \
    "an item's title is not its subject's title (leave the titles out to have them generated)")    \
  /* three-level contact and opinions */                                                           \
  X(invalid_private_details, invalid_argument,                                                     \
    "private details hold only their record's fields (a contact: name and place; an opinion: "     \
    "text and name; an answer: text), none empty, and never an ID number")                         \
  X(unknown_contact, not_found, "no such contact")                                                 \
  X(contact_exists, already_exists, "a contact with this id exists")                               \
  X(invalid_contact_keeper, invalid_argument,                                                      \
    "a party member is kept by a delegate, a resident by a party member's contact still kept")     \
  X(not_the_keeper, permission_denied,                                                             \
    "only the delegate who keeps the contact, or the secretary, may do that")                      \
  X(contact_has_residents, failed_precondition,                                                    \
    "the party member still keeps residents: remove or move them first")                           \
  X(not_a_committee_member, invalid_argument, "the person is not a party committee member")        \
  X(unknown_opinion, not_found, "no such opinion")                                                 \
  X(opinion_exists, already_exists, "an opinion with this id exists")                              \
  X(opinion_not_routed, failed_precondition, "the opinion has not been sent to a department")      \
  X(opinion_already_routed, failed_precondition, "the opinion was already sent to a department")   \
  X(opinion_closed, failed_precondition, "the opinion was already answered or refused")            \
  X(opinion_extension_refused, failed_precondition,                                                \
    "an answer deadline is extended once, by 1 to 15 working days, before it passes")              \
  X(opinion_not_closed, failed_precondition, "the opinion has no answer or refusal yet")           \
  X(opinion_already_reported_back, already_exists,                                                 \
    "the delegate already reported back on this opinion")                                          \
  X(opinion_date_out_of_order, invalid_argument,                                                   \
    "the date is after today or before the step it follows")                                       \
  /* the monthly report and the performance file */                                                \
  X(invalid_month, invalid_argument, "a month is not written YYYY-MM")                             \
  X(month_not_ended, failed_precondition, "the month has not ended yet")                           \
  X(report_already_issued, already_exists, "the report of this month was issued already")          \
  /* delegate groups and activities */                                                             \
  X(unknown_group, not_found, "no such delegate group")                                            \
  X(group_exists, already_exists, "a delegate group with this id exists")                          \
  X(group_too_small, failed_precondition, "a delegate group has at least 10 members")              \
  X(invalid_group_member, invalid_argument,                                                        \
    "a group's members are delegates of the term, each named once")                                \
  X(already_in_group, failed_precondition, "the delegate is already a member of a group")          \
  X(not_in_group, failed_precondition, "the delegate is not a member of this group")               \
  X(leaders_not_elected, failed_precondition,                                                      \
    "the vote is not a decided election of this group's sitting that elected both")                \
  X(unknown_activity, not_found, "no such activity")                                               \
  X(activity_exists, already_exists, "an activity with this id exists")                            \
  X(invalid_activity, invalid_argument, "the activity's kind, group, date or place is not valid")  \
  X(activity_already_held, failed_precondition, "the activity was already recorded as held")       \
  X(activity_not_yet_held, failed_precondition, "the activity's date has not come yet")            \
  X(not_invited, permission_denied, "the delegate is not invited to this activity")                \
  X(not_activity_day, failed_precondition, "check-in to an activity is open on its date only")     \
  X(attendance_recorded_already, already_exists, "the delegate's attendance is already recorded")  \
  X(attendance_reason_required, invalid_argument, "recorded attendance needs its reason")          \
  /* downloads */                                                                                  \
  X(sheet_tool_missing, unavailable, "the server cannot find plenum-sheet to make the sheet")      \
  X(sheet_failed, internal, "the result sheet could not be made")                                  \
  /* storage and everything else */                                                                \
  X(storage_failure, unavailable, "the event could not be stored")                                 \
  X(broken_chain, internal, "the event log's hash chain is broken")                                \
  X(shutting_down, unavailable, "the server is shutting down")                                     \
  X(internal, internal, "internal error")                                                          \
  X(storage_unavailable, unavailable,                                                              \
    "the server cannot store events at the moment; nothing was recorded, try again shortly")       \
  X(not_serving, unavailable,                                                                      \
    "this machine is the standby; the hall is served by the other machine")

/// Every specific error code. Zero is reserved for success.
enum class errc {
#define PLENUM_ERRC_ENUM(name, category, message) name,
  success_ = 0,
  PLENUM_ERRORS(PLENUM_ERRC_ENUM)
#undef PLENUM_ERRC_ENUM
};

/// The category object of `errc` values.
const boost::system::error_category& plenum_category() noexcept;

/// Lets `errc` convert to `error_code` (found by argument-dependent lookup).
inline boost::system::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), plenum_category()};
}

/// The wire name of a code ("vote_not_open"); "unknown" for codes outside this enum.
std::string_view error_name(boost::system::error_code ec) noexcept;
/// The canonical category of a code; `internal` for codes outside this enum.
canonical canonical_of(boost::system::error_code ec) noexcept;
/// The canonical category's name ("failed_precondition").
std::string_view canonical_name(canonical c) noexcept;

template <typename T>
using result = boost::system::result<T>;

}  // namespace plenum

template <>
struct boost::system::is_error_code_enum<plenum::errc> : std::true_type {};
