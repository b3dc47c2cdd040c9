// The hall commands of the protocol (PROTOCOL.md §8): what the secretary, the chair, the
// delegates and the scrutineers send to run a sitting, and the read-only queries behind their
// consoles. Typed values with strict decoders and encoders, beside the session messages of
// messages.hpp. A decoded request holds only values of the right type and size; whether the
// actor may send it now is the server's business. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/decode_error.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/vote_subject.hpp"

namespace plenum::protocol {

/// Longest roster CSV text in bytes.
inline constexpr std::size_t max_csv_bytes = 200 * 1024;
/// Longest title, reason or other short free text in bytes.
inline constexpr std::size_t max_title_bytes = 1024;
/// Longest proposal or material text in bytes.
inline constexpr std::size_t max_text_bytes = 64 * 1024;
/// Most candidates, members or scrutineers in one list.
inline constexpr std::size_t max_list_size = 256;
/// Most board events one `get_board` reply carries.
inline constexpr std::uint64_t max_board_page = 500;

/// A request's wire type as a template argument, for the requests that share one shape
/// (`sitting_id_request<"open_checkin">`). Holds the characters of a string literal.
template <std::size_t N>
struct request_type_name {
  char text[N]{};
  // Implicit, so that a string literal can be the template argument.
  constexpr request_type_name(const char (&name)[N]) {
    for (std::size_t i = 0; i < N; ++i) text[i] = name[i];
  }
  [[nodiscard]] constexpr std::string_view view() const { return {text, N - 1}; }
};

/// A request that names one sitting.
template <request_type_name Type>
struct sitting_id_request {
  static constexpr std::string_view type = Type.view();
  std::string sitting_id;
};

/// A request that names one vote.
template <request_type_name Type>
struct vote_id_request {
  static constexpr std::string_view type = Type.view();
  std::string vote_id;
};

/// A query about a sitting, or about the current one when `sitting_id` is absent.
template <request_type_name Type>
struct optional_sitting_id_request {
  static constexpr std::string_view type = Type.view();
  std::optional<std::string> sitting_id;
};

/// A device key's signature over a decided vote's result_digest (CVP1 §7).
template <request_type_name Type>
struct vote_signature_request {
  static constexpr std::string_view type = Type.view();
  std::string vote_id;
  crypto::signature sig;
};

// ---- roster and enrollment (secretary) ----

/// `import_roster`: replaces the roster with a CSV (DOMAIN-NOTES.md lists the columns).
struct import_roster_request {
  static constexpr std::string_view type = "import_roster";
  std::string csv;
  std::uint64_t members = 0;  ///< the party's total membership
  std::uint64_t women = 0;
  std::uint64_t minority = 0;  ///< ethnic-minority members
};

/// `acknowledge_warnings`: accepts the roster's composition warnings.
struct acknowledge_warnings_request {
  static constexpr std::string_view type = "acknowledge_warnings";
};

/// `issue_enrollment_code`: a fresh one-time code for a person (the reply carries it once).
struct issue_enrollment_code_request {
  static constexpr std::string_view type = "issue_enrollment_code";
  std::string person;
};

// ---- sittings and attendance ----

/// `create_sitting` (chair, secretary). An empty `sitting_id` (absent on the wire) asks the
/// congress for one ("S1", …), which the reply carries.
struct create_sitting_request {
  static constexpr std::string_view type = "create_sitting";
  std::string sitting_id;
  std::string title;
  std::string date;  ///< ISO YYYY-MM-DD
  /// "annual" (the default when empty, absent on the wire) or "extraordinary".
  std::string kind{};
  /// A delegate group's own sitting (its election): the group's id; empty, absent on the wire,
  /// for a sitting of the whole congress.
  std::string group_id{};
};

/// `open_checkin`, `close_checkin`, `open_sitting`, `close_sitting` (chair): one sitting id.
using open_checkin_request = sitting_id_request<"open_checkin">;
using close_checkin_request = sitting_id_request<"close_checkin">;
using open_sitting_request = sitting_id_request<"open_sitting">;
using close_sitting_request = sitting_id_request<"close_sitting">;

/// `assisted_checkin` (secretary): checks a person in, signing
/// crypto::checkin_digest(sitting_id, person's device key, unix_ms) with the secretary's key.
struct assisted_checkin_request {
  static constexpr std::string_view type = "assisted_checkin";
  std::string sitting_id;
  std::string person;
  std::uint64_t unix_ms = 0;
  std::string reason;
  crypto::signature sig;
};

/// `excuse_delegate` (chair, secretary).
struct excuse_delegate_request {
  static constexpr std::string_view type = "excuse_delegate";
  std::string sitting_id;
  std::string person;
  std::string reason;
  std::string approver;
};

/// `withdraw_excusal` (chair, secretary): an excused delegate arrived after all; they are
/// seated again and may check in.
struct withdraw_excusal_request {
  static constexpr std::string_view type = "withdraw_excusal";
  std::string sitting_id;
  std::string person;
  std::string reason;
};

// ---- agenda and proposals ----

/// `add_item` (chair, secretary). An empty `item_id` asks the congress for one; `order` 0
/// (absent) puts the item after the last.
struct add_item_request {
  static constexpr std::string_view type = "add_item";
  std::string sitting_id;
  std::string item_id;
  std::string kind;  ///< report, major_matter, briefing, proposal, election, appraisal, other
  std::string title;
  std::uint64_t order = 0;
  std::string responsible;  ///< may be empty
  std::optional<std::string> proposal_id;
};

/// `add_material` (chair, secretary): either `text`, or `url` with `digest` (hex, 32 bytes).
/// An empty `material_id` asks the congress for one.
struct add_material_request {
  static constexpr std::string_view type = "add_material";
  std::string sitting_id;
  std::string item_id;
  std::string material_id;
  std::string title;
  std::optional<std::string> text;
  std::optional<std::string> url;
  std::optional<std::string> digest;
};

/// `set_current_item` (chair).
struct set_current_item_request {
  static constexpr std::string_view type = "set_current_item";
  std::string sitting_id;
  std::string item_id;
};

/// `submit_proposal` (delegate). An empty `proposal_id` asks the congress for one.
struct submit_proposal_request {
  static constexpr std::string_view type = "submit_proposal";
  std::string proposal_id;
  std::string title;
  std::string text;
  std::vector<std::string> co_signers{};  ///< other delegates' numbers; absent when none
};

// ---- the proposals' handling and the working-day calendar ----

/// `set_calendar` (secretary): the year's public holidays and make-up workdays (ISO dates;
/// each list may be absent when empty). Replaces that year's calendar.
struct set_calendar_request {
  static constexpr std::string_view type = "set_calendar";
  std::uint64_t year = 0;
  std::vector<std::string> holidays;
  std::vector<std::string> workdays;
};

/// `accept_proposal` (secretary): 立案, assigned to `unit`; `deadline` (ISO date, a working
/// day) defaults to today + 6 months rolled to a working day.
struct accept_proposal_request {
  static constexpr std::string_view type = "accept_proposal";
  std::string proposal_id;
  std::string unit;
  std::optional<std::string> deadline;
};

/// `merge_proposal` (secretary): into an accepted proposal still being handled.
struct merge_proposal_request {
  static constexpr std::string_view type = "merge_proposal";
  std::string proposal_id;
  std::string into;
};

/// `convert_proposal` (secretary): turned into an opinion with the reason.
struct convert_proposal_request {
  static constexpr std::string_view type = "convert_proposal";
  std::string proposal_id;
  std::string reason;
};

/// `answer_proposal` (secretary): the handling unit's answer to the current round; `unit`
/// defaults to the assigned one.
struct answer_proposal_request {
  static constexpr std::string_view type = "answer_proposal";
  std::string proposal_id;
  std::string text;
  std::optional<std::string> unit;
};

/// `rate_proposal` (the proposer): satisfied, basically_satisfied or unsatisfied.
struct rate_proposal_request {
  static constexpr std::string_view type = "rate_proposal";
  std::string proposal_id;
  std::string rating;
};

// ---- votes and the key ceremony (chair) ----

/// `create_vote`. Optional members default to false / empty / 0; an empty `vote_id` asks the
/// congress for one.
struct create_vote_request {
  static constexpr std::string_view type = "create_vote";
  std::string vote_id;
  std::string sitting_id;
  std::string item_id;
  std::string kind;  ///< motion, election, appraisal, confidence, satisfaction
  std::string title;
  bool open_ballot = false;
  std::string rule;
  std::uint64_t seats = 0;
  std::vector<std::string> candidates;
  bool uncontested = false;
  std::vector<std::string> members;  ///< appraisal, confidence: members; satisfaction: items
  bool alternative_scale = false;
  /// Satisfaction: what each item appraises, parallel to `members` (absent when empty).
  std::vector<vote_subject> subjects;
};

/// `open_vote`, `close_vote`.
using open_vote_request = vote_id_request<"open_vote">;
using close_vote_request = vote_id_request<"close_vote">;

/// `start_ceremony`: appoints the sitting's scrutineers in order, threshold `k` (0: the
/// default of CVP1 §3, n − 1 for n ≥ 3 and n otherwise).
struct start_ceremony_request {
  static constexpr std::string_view type = "start_ceremony";
  std::string sitting_id;
  std::vector<std::string> scrutineers;
  std::uint64_t k = 0;
};

// ---- results ----

/// `sign_result` (a scrutineer whose partial decryption was combined into the counts): its
/// device key's signature over the decided vote's result_digest (CVP1 §7), made after
/// recomputing the digest from its own copy of the board.
using sign_result_request = vote_signature_request<"sign_result">;

/// `announce_result` (chair): the chair's signature over the same result_digest, once every
/// scrutineer who decrypted has signed.
using announce_result_request = vote_signature_request<"announce_result">;

// ---- the term between its meetings (secretary) ----

/// `record_delegate_left`: a delegate leaves the term (not while a sitting is open).
struct record_delegate_left_request {
  static constexpr std::string_view type = "record_delegate_left";
  std::string person;
  std::string reason;
  std::string date;
};

/// `seat_alternate`: an alternate becomes a delegate, in the place of `replaces` (a person who
/// left; empty, absent on the wire, for none).
struct seat_alternate_request {
  static constexpr std::string_view type = "seat_alternate";
  std::string person;
  std::string replaces;
  std::string date;
};

/// `add_delegate`: a delegate chosen in a by-election, with their roster record (the roster
/// CSV's columns; `gender` F or M; the others may be absent).
struct add_delegate_request {
  static constexpr std::string_view type = "add_delegate";
  std::string number;
  std::string name;
  std::string gender;
  std::string ethnicity;
  std::string occupation;
  std::string unit;
  std::string group;
  bool committee_member = false;
  std::string reason;
  std::string date;
};

/// `record_rectification`: a rectification item for a problem raised about `member` in a
/// decided democratic appraisal. An empty `rectification_id` asks the congress for one.
struct record_rectification_request {
  static constexpr std::string_view type = "record_rectification";
  std::string rectification_id;
  std::string vote_id;
  std::string member;
  std::string problem;
  std::string responsible;
};

/// `report_implementation`: a report on a resolution or rectification item. An empty
/// `report_id` asks the congress for one; `reason` only (and always) for status blocked.
struct report_implementation_request {
  static constexpr std::string_view type = "report_implementation";
  std::string report_id;
  std::string subject;  ///< resolution or rectification
  std::string subject_id;
  std::string status;  ///< not_started, in_progress, completed, blocked
  std::string text;
  std::string date;
  std::string reason;
};

/// `refresh_follow_up`: fresh follow-up materials for a sitting that has not opened yet.
using refresh_follow_up_request = sitting_id_request<"refresh_follow_up">;

/// `get_follow_up` (secretary, chair): every resolution and rectification item with its
/// reports, the roster changes and the sittings with their kind and year.
struct get_follow_up_request {
  static constexpr std::string_view type = "get_follow_up";
};

// ---- three-level contact (三级联系) and opinions ----

/// Private details of a request (`details`: an object of texts): names and words that the
/// server keeps beside the log, never in it (private_details.hpp).
using request_details = std::map<std::string, std::string>;

/// `register_contact` (the keeping delegate, the secretary): a party member kept by a delegate
/// (`kind` member, `keeper` the delegate's number) or a resident kept by a member (`kind`
/// resident, `keeper` the member's contact_id); `details` {name, place}. An empty `contact_id`
/// asks the congress for one.
struct register_contact_request {
  static constexpr std::string_view type = "register_contact";
  std::string contact_id;
  std::string kind;
  std::string keeper;
  request_details details;
};

/// `remove_contact` (the keeping delegate, the secretary): the contact is no longer kept.
struct remove_contact_request {
  static constexpr std::string_view type = "remove_contact";
  std::string contact_id;
  std::string reason;
};

/// `set_committee_contacts` (secretary): the delegates a party committee member keeps in
/// contact with (replaces the member's list).
struct set_committee_contacts_request {
  static constexpr std::string_view type = "set_committee_contacts";
  std::string member;
  std::vector<std::string> delegates;
};

/// `log_opinion` (the delegate keeping the contact): an opinion collected on `date`;
/// `details` {text, name} (the words and who said them). An empty `opinion_id` asks the
/// congress for one.
struct log_opinion_request {
  static constexpr std::string_view type = "log_opinion";
  std::string opinion_id;
  std::string contact_id;
  std::string date;
  std::string category;
  request_details details;
};

/// `route_opinion` (secretary): sent to `department` on `date` (default today).
struct route_opinion_request {
  static constexpr std::string_view type = "route_opinion";
  std::string opinion_id;
  std::string department;
  std::optional<std::string> date;
};

/// `extend_opinion` (secretary): once, 1–15 working days, with the reason.
struct extend_opinion_request {
  static constexpr std::string_view type = "extend_opinion";
  std::string opinion_id;
  std::uint64_t working_days = 0;
  std::string reason;
};

/// `answer_opinion` (secretary, for the department): the answer given on `date` (default
/// today); `details` {text}.
struct answer_opinion_request {
  static constexpr std::string_view type = "answer_opinion";
  std::string opinion_id;
  std::optional<std::string> date;
  request_details details;
};

/// `refuse_opinion` (secretary): not taken up, with the public reason, on `date` (default
/// today).
struct refuse_opinion_request {
  static constexpr std::string_view type = "refuse_opinion";
  std::string opinion_id;
  std::optional<std::string> date;
  std::string reason;
};

/// `report_back_opinion` (the delegate who logged it): they told the person, on `date`
/// (default today).
struct report_back_opinion_request {
  static constexpr std::string_view type = "report_back_opinion";
  std::string opinion_id;
  std::optional<std::string> date;
};

/// `get_contacts` (any person): committee members, delegates and members with their counts
/// and gaps; details to the office (secretary, chair) and to the delegate who keeps them.
struct get_contacts_request {
  static constexpr std::string_view type = "get_contacts";
};

/// `get_opinions` (any person): the office every opinion, a delegate those they logged; each
/// with its due dates, whether each step was on time, and how many working days it is overdue.
struct get_opinions_request {
  static constexpr std::string_view type = "get_opinions";
};

// ---- delegate groups and activities (代表小组与活动) ----

/// `form_group` (secretary): a group of at least 10 seated delegates, none already in a group;
/// `basis` electoral_unit, area or line_of_work. An empty `group_id` asks the congress for one.
struct form_group_request {
  static constexpr std::string_view type = "form_group";
  std::string group_id;
  std::string name;
  std::string basis;
  std::vector<std::string> members;
};

/// `change_group` (secretary): members added and removed, with the reason.
struct change_group_request {
  static constexpr std::string_view type = "change_group";
  std::string group_id;
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::string reason;
};

/// `approve_group_leaders` (secretary): records the party committee's approval (`approval`,
/// e.g. its document number) of the leader and deputy elected in decided vote `vote_id`.
struct approve_group_leaders_request {
  static constexpr std::string_view type = "approve_group_leaders";
  std::string group_id;
  std::string leader;
  std::string deputy;
  std::string vote_id;
  std::string approval;
};

/// `plan_activity` (secretary): an activity on `date` (ISO) at `place`; `group_id` empty for a
/// congress-wide one; `invited` empty means the group's members (a group's activity) or every
/// seated delegate. An empty `activity_id` asks the congress for one.
struct plan_activity_request {
  static constexpr std::string_view type = "plan_activity";
  std::string activity_id;
  std::string kind;
  std::string group_id;
  std::string title;
  std::string date;
  std::string place;
  std::vector<std::string> invited;
};

/// `activity_checkin` (an invited delegate, on the activity's date): signs
/// crypto::activity_checkin_digest(activity_id, own device key, unix_ms).
struct activity_checkin_request {
  static constexpr std::string_view type = "activity_checkin";
  std::string activity_id;
  std::uint64_t unix_ms = 0;
  crypto::signature sig;
};

/// `record_attendance` (secretary): present, absent or excused, with the reason.
struct record_attendance_request {
  static constexpr std::string_view type = "record_attendance";
  std::string activity_id;
  std::string person;
  std::string status;
  std::string reason;
};

/// `record_activity_held` (secretary): the activity took place with this outcome.
struct record_activity_held_request {
  static constexpr std::string_view type = "record_activity_held";
  std::string activity_id;
  std::string outcome;
};

/// `get_groups` (any person): every group with its members, leaders, this year's activities
/// and whether it has met this year.
struct get_groups_request {
  static constexpr std::string_view type = "get_groups";
};

/// `get_activities` (any person): every activity with its attendance; a delegate's own status
/// in each.
struct get_activities_request {
  static constexpr std::string_view type = "get_activities";
};

// ---- queries ----

/// `get_roster` (secretary, chair): the secretary's roster view for a sitting.
using get_roster_request = optional_sitting_id_request<"get_roster">;

/// `get_my_status` (any person): their roster entry, presence and receipts.
using get_my_status_request = optional_sitting_id_request<"get_my_status">;

/// `get_proposals` (any person): the liaison office (secretary, chair) gets every proposal,
/// anyone else the ones they submitted or co-signed; each with its handling, deadline and
/// whether it is overdue today.
struct get_proposals_request {
  static constexpr std::string_view type = "get_proposals";
};

/// `get_ceremony` (authenticated): the record a scrutineer needs to open its shares.
using get_ceremony_request = sitting_id_request<"get_ceremony">;

/// `get_tally` (authenticated): the aggregates of a closed vote, for partial decryptions.
using get_tally_request = vote_id_request<"get_tally">;
/// `get_roster_proof` (authenticated): the inclusion path of the caller's device key in an
/// opened vote's roster tree (crypto/roster_tree.hpp), checked by a tablet against the signed
/// vote_opened's roster_root and roster_count.
using get_roster_proof_request = vote_id_request<"get_roster_proof">;

/// `get_board` (anyone): board events from `from_seq`, at most `limit` (1 … max_board_page,
/// default max_board_page); with `only` "basis", the ballots are left out as from the `basis`
/// topic; with `only` "course", only the sitting's course a tablet checks (protocol/PROTOCOL.md
/// §8b: the votes, the key ceremonies and the enrollments of the scrutineers they appointed).
struct get_board_request {
  static constexpr std::string_view type = "get_board";
  std::uint64_t from_seq = 0;
  std::optional<std::uint64_t> limit;
  std::optional<std::string> only;
};

/// `export_record` (secretary, scrutineer, observer): writes the record of the congress
/// (protocol/RECORD.md) into the server's data directory, under exports/record-<number of events>,
/// and answers with
/// {"record": {"dir", "events", "receipts", "head_hash"}}.
struct export_record_request {
  static constexpr std::string_view type = "export_record";
};

/// `prepare_download` (secretary, chair): a file the browser downloads once, from the URL of the
/// reply. `kind` is "record" (the signed record as one .tar.gz; no id), "vote_sheet" (the
/// result sheet PDF of decided vote `vote_id`), "sitting_sheet" (the summary sheet PDF of
/// sitting `sitting_id`), "monthly_report" (the PDF) or "monthly_report_json" (the JSON file)
/// of `month` (YYYY-MM: the issued report, or the draft of a month not issued), or
/// "performance_file" (the PDF of delegate `person`'s performance file; a delegate may ask for
/// their own); the decoder refuses another kind, a missing id and an id the kind does not take.
struct prepare_download_request {
  static constexpr std::string_view type = "prepare_download";
  std::string kind{};
  std::optional<std::string> vote_id;
  std::optional<std::string> sitting_id;
  std::optional<std::string> month{};
  std::optional<std::string> person{};
};

/// `issue_monthly_report` (secretary): issues the report of `month` (YYYY-MM) to the county
/// once the month has ended; the reply names its report_id.
struct issue_monthly_report_request {
  static constexpr std::string_view type = "issue_monthly_report";
  std::string month;
};

/// `get_monthly_report` (secretary, chair): the report of `month` (YYYY-MM; absent: the month
/// before today's), issued or a draft from the current state, with its digest, when it is due
/// and whether the desk reminds of it; and every report issued.
struct get_monthly_report_request {
  static constexpr std::string_view type = "get_monthly_report";
  std::string month;
};

/// `get_performance_file` (a delegate for themselves; secretary, chair for anyone): the
/// performance file (履职档案) of `person` (absent: the asker).
struct get_performance_file_request {
  static constexpr std::string_view type = "get_performance_file";
  std::string person;
};

/// Every hall command and query.
using hall_request = std::variant<
    import_roster_request, acknowledge_warnings_request, issue_enrollment_code_request,
    create_sitting_request, open_checkin_request, close_checkin_request, assisted_checkin_request,
    excuse_delegate_request, withdraw_excusal_request, open_sitting_request, close_sitting_request,
    add_item_request, add_material_request, set_current_item_request, submit_proposal_request,
    create_vote_request, open_vote_request, close_vote_request, start_ceremony_request,
    get_roster_request, get_my_status_request, get_ceremony_request, get_tally_request,
    get_roster_proof_request, get_board_request, export_record_request, sign_result_request,
    announce_result_request, prepare_download_request, set_calendar_request,
    accept_proposal_request, merge_proposal_request, convert_proposal_request,
    answer_proposal_request, rate_proposal_request, get_proposals_request,
    record_delegate_left_request, seat_alternate_request, add_delegate_request,
    record_rectification_request, report_implementation_request, refresh_follow_up_request,
    get_follow_up_request, register_contact_request, remove_contact_request,
    set_committee_contacts_request, log_opinion_request, route_opinion_request,
    extend_opinion_request, answer_opinion_request, refuse_opinion_request,
    report_back_opinion_request, get_contacts_request, get_opinions_request,
    issue_monthly_report_request, get_monthly_report_request, get_performance_file_request,
    form_group_request, change_group_request, approve_group_leaders_request, plan_activity_request,
    activity_checkin_request, record_attendance_request, record_activity_held_request,
    get_groups_request, get_activities_request>;

/// A decoded hall request with the id its reply must echo.
struct hall_request_message {
  std::uint64_t id = 0;
  hall_request body;
};

/// The type name of the request held.
[[nodiscard]] std::string_view type_of(const hall_request& r);

/// Whether `type` names a hall request.
[[nodiscard]] bool is_hall_request_type(std::string_view type);

/// Decodes the fields of an envelope-checked frame (parse_request) into a hall request.
/// Errors: unknown_message_type for another type; invalid_field for an unknown, missing, or
/// ill-typed field, a string too long, hex of the wrong size, a list too long or with an empty
/// element. The refusal carries the frame's id.
[[nodiscard]] decoded<hall_request_message> decode_hall_request(const frame& f);

/// The request frame `{"v":1,"id":id,"type":…, …fields}` for `r` (clients and tests).
[[nodiscard]] std::string encode_hall_request(std::uint64_t id, const hall_request& r);

}  // namespace plenum::protocol
