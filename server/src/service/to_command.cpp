#include "service/to_command.hpp"

#include "domain/enrollment.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_spoil.hpp"

namespace plenum::server::service {

namespace {

namespace p = plenum::protocol;
namespace d = plenum::server::domain;
using maybe_command = std::optional<d::command>;

std::int64_t signed_ms(std::uint64_t ms) { return static_cast<std::int64_t>(ms); }

struct session_mapper {
  maybe_command operator()(const p::enroll_request& r) const {
    return d::enroll_device{r.person, r.code, r.device_pk, r.sig, r.possession};
  }
  maybe_command operator()(const p::cast_ballot_request& r) const {
    return d::cast_ballot{r.vote_id, r.ballot, nullptr, r.points};
  }
  maybe_command operator()(const p::spoil_ballot_request& r) const {
    return d::spoil_ballot{r.vote_id, r.ballot, r.nonces};
  }
  maybe_command operator()(const p::checkin_request& r) const {
    return d::check_in{r.sitting_id, signed_ms(r.unix_ms), r.sig};
  }
  maybe_command operator()(const p::keygen_request& r) const {
    return d::submit_keygen{r.sitting_id, r.message};
  }
  maybe_command operator()(const p::confirm_key_request& r) const {
    return d::confirm_keys{r.sitting_id, r.confirmation.sig};
  }
  maybe_command operator()(const p::partial_decryption_request& r) const {
    return d::submit_partial{r.vote_id, r.partial};
  }
  template <typename T>
  maybe_command operator()(const T&) const {
    return std::nullopt;
  }
};

struct hall_mapper {
  crypto::random_source& random;

  maybe_command operator()(const p::import_roster_request& r) const {
    return d::import_roster{r.csv, d::membership_totals{r.members, r.women, r.minority}};
  }
  maybe_command operator()(const p::acknowledge_warnings_request&) const {
    return d::acknowledge_warnings{};
  }
  maybe_command operator()(const p::issue_enrollment_code_request& r) const {
    auto code = d::enrollment_code::generate(random);
    auto salt = d::generate_salt(random);
    return d::issue_enrollment_code{r.person, code.printable(), crypto::to_hex(salt)};
  }
  maybe_command operator()(const p::create_sitting_request& r) const {
    return d::create_sitting{r.sitting_id, r.title, r.date, r.kind, r.group_id};
  }
  maybe_command operator()(const p::open_checkin_request& r) const {
    return d::open_checkin{r.sitting_id};
  }
  maybe_command operator()(const p::close_checkin_request& r) const {
    return d::close_checkin{r.sitting_id};
  }
  maybe_command operator()(const p::assisted_checkin_request& r) const {
    return d::assisted_check_in{r.sitting_id, r.person, signed_ms(r.unix_ms), r.reason, r.sig};
  }
  maybe_command operator()(const p::excuse_delegate_request& r) const {
    return d::excuse_delegate{r.sitting_id, r.person, r.reason, r.approver};
  }
  maybe_command operator()(const p::withdraw_excusal_request& r) const {
    return d::withdraw_excusal{r.sitting_id, r.person, r.reason};
  }
  maybe_command operator()(const p::open_sitting_request& r) const {
    return d::open_sitting{r.sitting_id};
  }
  maybe_command operator()(const p::close_sitting_request& r) const {
    return d::close_sitting{r.sitting_id};
  }
  maybe_command operator()(const p::add_item_request& r) const {
    return d::add_item{r.sitting_id,
                       r.item_id,
                       r.kind,
                       r.title,
                       static_cast<std::int64_t>(r.order),
                       r.responsible,
                       r.proposal_id.value_or("")};
  }
  maybe_command operator()(const p::add_material_request& r) const {
    return d::add_material{r.sitting_id,        r.item_id,          r.material_id,        r.title,
                           r.text.value_or(""), r.url.value_or(""), r.digest.value_or("")};
  }
  maybe_command operator()(const p::set_current_item_request& r) const {
    return d::set_current_item{r.sitting_id, r.item_id};
  }
  maybe_command operator()(const p::submit_proposal_request& r) const {
    return d::submit_proposal{r.proposal_id, r.title, r.text, r.co_signers};
  }
  maybe_command operator()(const p::set_calendar_request& r) const {
    return d::set_calendar{static_cast<std::uint32_t>(r.year), r.holidays, r.workdays};
  }
  maybe_command operator()(const p::accept_proposal_request& r) const {
    return d::accept_proposal{r.proposal_id, r.unit, r.deadline.value_or("")};
  }
  maybe_command operator()(const p::merge_proposal_request& r) const {
    return d::merge_proposal{r.proposal_id, r.into};
  }
  maybe_command operator()(const p::convert_proposal_request& r) const {
    return d::convert_proposal{r.proposal_id, r.reason};
  }
  maybe_command operator()(const p::answer_proposal_request& r) const {
    return d::answer_proposal{r.proposal_id, r.text, r.unit.value_or("")};
  }
  maybe_command operator()(const p::rate_proposal_request& r) const {
    return d::rate_proposal{r.proposal_id, r.rating};
  }
  maybe_command operator()(const p::create_vote_request& r) const {
    d::create_vote c;
    c.vote_id = r.vote_id;
    c.sitting_id = r.sitting_id;
    c.item_id = r.item_id;
    c.kind = r.kind;
    c.title = r.title;
    c.open_ballot = r.open_ballot;
    c.rule = r.rule;
    c.seats = static_cast<std::uint32_t>(r.seats);
    c.candidates = r.candidates;
    c.uncontested = r.uncontested;
    c.members = r.members;
    c.alternative_scale = r.alternative_scale;
    c.subjects = r.subjects;
    return c;
  }
  maybe_command operator()(const p::open_vote_request& r) const { return d::open_vote{r.vote_id}; }
  maybe_command operator()(const p::close_vote_request& r) const {
    return d::close_vote{r.vote_id};
  }
  maybe_command operator()(const p::start_ceremony_request& r) const {
    return d::start_ceremony{r.sitting_id, r.scrutineers, r.k};
  }
  maybe_command operator()(const p::sign_result_request& r) const {
    return d::sign_result{r.vote_id, r.sig};
  }
  maybe_command operator()(const p::announce_result_request& r) const {
    return d::announce_result{r.vote_id, r.sig};
  }
  maybe_command operator()(const p::record_delegate_left_request& r) const {
    return d::record_delegate_left{r.person, r.reason, r.date};
  }
  maybe_command operator()(const p::seat_alternate_request& r) const {
    return d::seat_alternate{r.person, r.replaces, r.date};
  }
  maybe_command operator()(const p::add_delegate_request& r) const {
    d::person record;
    record.number = r.number;
    record.name = r.name;
    record.gender = r.gender;
    record.ethnicity = r.ethnicity;
    record.occupation = r.occupation;
    record.unit = r.unit;
    record.group = r.group;
    record.committee_member = r.committee_member;
    return d::add_delegate{record, r.reason, r.date};
  }
  maybe_command operator()(const p::record_rectification_request& r) const {
    return d::record_rectification{r.rectification_id, r.vote_id, r.member, r.problem,
                                   r.responsible};
  }
  maybe_command operator()(const p::report_implementation_request& r) const {
    return d::report_implementation{r.report_id, r.subject, r.subject_id, r.status,
                                    r.text,      r.date,    r.reason};
  }
  maybe_command operator()(const p::refresh_follow_up_request& r) const {
    return d::refresh_follow_up{r.sitting_id};
  }
  // Private details get a fresh salt each (RECORD.md "Private details").
  d::private_input sealed(const p::request_details& details) const {
    d::private_input in{details, {}};
    random.fill(in.salt);
    return in;
  }
  maybe_command operator()(const p::register_contact_request& r) const {
    return d::register_contact{r.contact_id, r.kind, r.keeper, sealed(r.details)};
  }
  maybe_command operator()(const p::remove_contact_request& r) const {
    return d::remove_contact{r.contact_id, r.reason};
  }
  maybe_command operator()(const p::set_committee_contacts_request& r) const {
    return d::set_committee_contacts{r.member, r.delegates};
  }
  maybe_command operator()(const p::log_opinion_request& r) const {
    return d::log_opinion{r.opinion_id, r.contact_id, r.date, r.category, sealed(r.details)};
  }
  maybe_command operator()(const p::route_opinion_request& r) const {
    return d::route_opinion{r.opinion_id, r.department, r.date.value_or("")};
  }
  maybe_command operator()(const p::extend_opinion_request& r) const {
    return d::extend_opinion{r.opinion_id, r.working_days, r.reason};
  }
  maybe_command operator()(const p::answer_opinion_request& r) const {
    return d::answer_opinion{r.opinion_id, r.date.value_or(""), sealed(r.details)};
  }
  maybe_command operator()(const p::refuse_opinion_request& r) const {
    return d::refuse_opinion{r.opinion_id, r.date.value_or(""), r.reason};
  }
  maybe_command operator()(const p::report_back_opinion_request& r) const {
    return d::report_back_opinion{r.opinion_id, r.date.value_or("")};
  }
  maybe_command operator()(const p::issue_monthly_report_request& r) const {
    return d::issue_monthly_report{r.month};
  }
  maybe_command operator()(const p::form_group_request& r) const {
    return d::form_group{r.group_id, r.name, r.basis, r.members};
  }
  maybe_command operator()(const p::change_group_request& r) const {
    return d::change_group{r.group_id, r.added, r.removed, r.reason};
  }
  maybe_command operator()(const p::approve_group_leaders_request& r) const {
    return d::approve_group_leaders{r.group_id, r.leader, r.deputy, r.vote_id, r.approval};
  }
  maybe_command operator()(const p::plan_activity_request& r) const {
    return d::plan_activity{r.activity_id, r.kind, r.group_id, r.title, r.date, r.place, r.invited};
  }
  maybe_command operator()(const p::activity_checkin_request& r) const {
    return d::activity_check_in{r.activity_id, signed_ms(r.unix_ms), r.sig};
  }
  maybe_command operator()(const p::record_attendance_request& r) const {
    return d::record_attendance{r.activity_id, r.person, r.status, r.reason};
  }
  maybe_command operator()(const p::record_activity_held_request& r) const {
    return d::record_activity_held{r.activity_id, r.outcome};
  }
  template <typename T>
  maybe_command operator()(const T&) const {
    return std::nullopt;
  }
};

}  // namespace

std::optional<domain::command> to_command(const protocol::request& r) {
  return std::visit(session_mapper{}, r);
}

std::optional<domain::command> to_command(const protocol::hall_request& r,
                                          crypto::random_source& random) {
  return std::visit(hall_mapper{random}, r);
}

}  // namespace plenum::server::service
