// Internal to the domain: one `handle` per command, grouped by area in decide_*.cpp, and the
// checks they share.
#pragma once

#include "domain/decide.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::server::domain::detail {

namespace events = protocol::events;

/// One event and no reply.
template <typename Event>
[[nodiscard]] decision single(Event e) {
  decision d;
  d.events.emplace_back(std::move(e));
  return d;
}

/// permission_denied unless the actor is a person holding one of `roles`.
[[nodiscard]] inline boost::system::error_code require_role(const context& ctx, role_set roles) {
  if (ctx.who.holds_any(roles)) return {};
  return errc::permission_denied;
}

/// permission_denied unless the actor is the server itself.
[[nodiscard]] inline boost::system::error_code require_system(const context& ctx) {
  if (ctx.who.who == actor::kind::system) return {};
  return errc::permission_denied;
}

/// The sitting, or no_sitting.
[[nodiscard]] result<const sitting*> find_sitting(const congress_state& state,
                                                  const std::string& id);
/// The sitting if it is not closed (sitting_closed otherwise).
[[nodiscard]] result<const sitting*> live_sitting(const congress_state& state,
                                                  const std::string& id);

/// Whether a proposal may be put on an agenda: accepted (立案), or merged into an accepted one.
[[nodiscard]] bool may_go_on_agenda(const congress_state& state, const proposal& pr);

/// Whether `text` is a plausible id: 1–64 characters of [A-Za-z0-9._-].
[[nodiscard]] bool valid_id(std::string_view text);
/// Whether a free text is non-empty and at most `max` bytes.
[[nodiscard]] bool valid_text(std::string_view text, std::size_t max = 4096);

result<decision> handle(const congress_state&, const create_congress&, const context&);
result<decision> handle(const congress_state&, const import_roster&, const context&);
result<decision> handle(const congress_state&, const acknowledge_warnings&, const context&);
result<decision> handle(const congress_state&, const issue_enrollment_code&, const context&);
result<decision> handle(const congress_state&, const enroll_device&, const context&);
result<decision> handle(const congress_state&, const create_sitting&, const context&);
result<decision> handle(const congress_state&, const open_checkin&, const context&);
result<decision> handle(const congress_state&, const close_checkin&, const context&);
result<decision> handle(const congress_state&, const check_in&, const context&);
result<decision> handle(const congress_state&, const assisted_check_in&, const context&);
result<decision> handle(const congress_state&, const excuse_delegate&, const context&);
result<decision> handle(const congress_state&, const withdraw_excusal&, const context&);
result<decision> handle(const congress_state&, const open_sitting&, const context&);
result<decision> handle(const congress_state&, const close_sitting&, const context&);
result<decision> handle(const congress_state&, const add_item&, const context&);
result<decision> handle(const congress_state&, const add_material&, const context&);
result<decision> handle(const congress_state&, const set_current_item&, const context&);
result<decision> handle(const congress_state&, const submit_proposal&, const context&);
result<decision> handle(const congress_state&, const create_vote&, const context&);
result<decision> handle(const congress_state&, const open_vote&, const context&);
result<decision> handle(const congress_state&, const close_vote&, const context&);
result<decision> handle(const congress_state&, const cast_ballot&, const context&);
result<decision> handle(const congress_state&, const spoil_ballot&, const context&);
result<decision> handle(const congress_state&, const record_result&, const context&);
result<decision> handle(const congress_state&, const start_ceremony&, const context&);
result<decision> handle(const congress_state&, const submit_keygen&, const context&);
result<decision> handle(const congress_state&, const confirm_keys&, const context&);
result<decision> handle(const congress_state&, const submit_partial&, const context&);
result<decision> handle(const congress_state&, const sign_result&, const context&);
result<decision> handle(const congress_state&, const announce_result&, const context&);
result<decision> handle(const congress_state&, const set_calendar&, const context&);
result<decision> handle(const congress_state&, const accept_proposal&, const context&);
result<decision> handle(const congress_state&, const merge_proposal&, const context&);
result<decision> handle(const congress_state&, const convert_proposal&, const context&);
result<decision> handle(const congress_state&, const answer_proposal&, const context&);
result<decision> handle(const congress_state&, const rate_proposal&, const context&);
result<decision> handle(const congress_state&, const record_delegate_left&, const context&);
result<decision> handle(const congress_state&, const seat_alternate&, const context&);
result<decision> handle(const congress_state&, const add_delegate&, const context&);
result<decision> handle(const congress_state&, const record_rectification&, const context&);
result<decision> handle(const congress_state&, const report_implementation&, const context&);
result<decision> handle(const congress_state&, const refresh_follow_up&, const context&);
result<decision> handle(const congress_state&, const register_contact&, const context&);
result<decision> handle(const congress_state&, const remove_contact&, const context&);
result<decision> handle(const congress_state&, const set_committee_contacts&, const context&);
result<decision> handle(const congress_state&, const log_opinion&, const context&);
result<decision> handle(const congress_state&, const route_opinion&, const context&);
result<decision> handle(const congress_state&, const extend_opinion&, const context&);
result<decision> handle(const congress_state&, const answer_opinion&, const context&);
result<decision> handle(const congress_state&, const refuse_opinion&, const context&);
result<decision> handle(const congress_state&, const report_back_opinion&, const context&);

/// Private details checked against the fields their record allows (`allowed`; `required` among
/// them must be non-empty, the others may be absent), none looking like an ID number: the
/// digest the event carries and the record to keep beside the log; invalid_private_details
/// otherwise.
[[nodiscard]] result<private_record> seal_private_details(
    const private_input& in, std::initializer_list<std::string_view> allowed,
    std::initializer_list<std::string_view> required);
result<decision> handle(const congress_state&, const issue_monthly_report&, const context&);
result<decision> handle(const congress_state&, const form_group&, const context&);
result<decision> handle(const congress_state&, const change_group&, const context&);
result<decision> handle(const congress_state&, const approve_group_leaders&, const context&);
result<decision> handle(const congress_state&, const plan_activity&, const context&);
result<decision> handle(const congress_state&, const activity_check_in&, const context&);
result<decision> handle(const congress_state&, const record_attendance&, const context&);
result<decision> handle(const congress_state&, const record_activity_held&, const context&);

/// What a decided vote leaves for the year after: a resolution_adopted when a motion on a
/// report, major matter or proposal item passed, and a rectification_opened for each member a
/// confidence vote flagged. Appended to `out` after the vote_decided.
[[nodiscard]] boost::system::error_code follow_up_of_result(const congress_state& state,
                                                            const vote& v,
                                                            const protocol::outcome& outcome,
                                                            decision& out);

/// The follow-up reports that open annual meeting `sitting_id` (being created): item_added and
/// material_added for each, when the term has resolutions or rectification items; nothing
/// otherwise.
void follow_up_agenda(const congress_state& state, const std::string& sitting_id, decision& out);

/// The events that record `counts` as the result of closed vote `v`: vote_decided, and for an
/// election that left seats unfilled the vote_created of its follow-up.
[[nodiscard]] result<decision> decide_result(const congress_state& state, const vote& v,
                                             const std::vector<std::uint64_t>& counts);

}  // namespace plenum::server::domain::detail
