#include "plenum/protocol/messages_hall.hpp"

#include <utility>

#include "event_codecs.hpp"
#include "message_fields.hpp"
#include "plenum/protocol/fields.hpp"
#include "plenum/protocol/messages.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

using wire::member;
using wire::tag;

// The `membership` object of import_roster: the party's total, and women and minorities
// (`minority`, the same name as in roster_imported's membership)
// among it (each at most the total).
struct membership_entry {
  std::string_view name = "membership";

  [[nodiscard]] decoded<void> read_into(const object_reader& r, import_roster_request& out) const {
    PLENUM_TRY(auto m, r.object(name));
    PLENUM_CHECK(m.allow_only({"members", "women", "minority"}));
    PLENUM_TRY(out.members, m.u64("members"));
    PLENUM_TRY(out.women, m.u64("women", 0, out.members));
    PLENUM_TRY(out.minority, m.u64("minority", 0, out.members));
    return {};
  }
  void write_from(json::object& out, const import_roster_request& in) const {
    out.emplace(name, json::object{
                          {"members", in.members}, {"women", in.women}, {"minority", in.minority}});
  }
};

// add_material gives either its text, or a url with the digest of what it points to.
decoded<void> text_or_url_with_digest(const add_material_request& m, const object_reader& r) {
  const bool by_text = m.text.has_value() && !m.url.has_value() && !m.digest.has_value();
  const bool by_url = !m.text.has_value() && m.url.has_value() && m.digest.has_value();
  if (by_text || by_url) return {};
  return refuse(errc::invalid_field, r.path(m.text.has_value() ? "url" : "digest"),
                "give either text, or url with digest");
}

// get_board's `only` names one of the selections there are.
decoded<void> only_basis(const get_board_request& q, const object_reader& r) {
  if (!q.only || *q.only == "basis" || *q.only == "course") return {};
  return refuse(errc::invalid_field, r.path("only"), "must be basis or course");
}

// prepare_download names a known kind, and the one id that kind takes.
decoded<void> kind_with_its_id(const prepare_download_request& d, const object_reader& r) {
  const bool vote_sheet = d.kind == "vote_sheet";
  const bool sitting_sheet = d.kind == "sitting_sheet";
  const bool monthly = d.kind == "monthly_report" || d.kind == "monthly_report_json";
  const bool performance = d.kind == "performance_file";
  if (!vote_sheet && !sitting_sheet && !monthly && !performance && d.kind != "record")
    return refuse(errc::invalid_field, r.path("kind"),
                  "must be record, vote_sheet, sitting_sheet, monthly_report, "
                  "monthly_report_json or performance_file");
  if (monthly != d.month.has_value())
    return refuse(errc::invalid_field, r.path("month"),
                  monthly ? "is required for a monthly report" : "is only for a monthly report");
  if (performance != d.person.has_value())
    return refuse(
        errc::invalid_field, r.path("person"),
        performance ? "is required for a performance file" : "is only for a performance file");
  if (vote_sheet != d.vote_id.has_value())
    return refuse(errc::invalid_field, r.path("vote_id"),
                  vote_sheet ? "is required for a vote_sheet" : "is only for a vote_sheet");
  if (sitting_sheet != d.sitting_id.has_value())
    return refuse(
        errc::invalid_field, r.path("sitting_id"),
        sitting_sheet ? "is required for a sitting_sheet" : "is only for a sitting_sheet");
  return {};
}

// The `details` object of a request with private details: member names and text values only
// (which names a record allows is the server's to check).
template <typename T>
struct details_entry {
  std::string_view name = "details";
  [[nodiscard]] decoded<void> read_into(const object_reader& r, T& out) const {
    PLENUM_TRY(auto d, r.object(name));
    if (d.object().size() > 8) return refuse(errc::invalid_field, r.path(name), "too many fields");
    for (const auto& member : d.object()) {
      const std::string key(member.key());
      PLENUM_TRY(out.details[key], d.string(key, max_text_bytes));
    }
    return {};
  }
  void write_from(json::object& out, const T& in) const {
    json::object d;
    for (const auto& [key, value] : in.details) d.emplace(key, value);
    out.emplace(name, std::move(d));
  }
};

constexpr wire::text id_text{max_name_bytes};
// An id the congress gives when the request leaves it out.
constexpr wire::text_or_empty optional_id{max_name_bytes};
constexpr wire::text short_text{max_title_bytes};
constexpr wire::names_or_empty name_list{{max_list_size, max_title_bytes}};
// A year's holidays or make-up workdays: at most 366 dates of 10 characters.
constexpr wire::names_or_empty date_list{{366, 10, 1}};
// Person numbers that may be absent (nobody).
constexpr wire::names_or_empty person_list{{max_list_size, max_name_bytes, 1}};

// Each hall request's fields, once.
struct hall_tables {
  template <request_type_name N>
  static constexpr auto of(tag<sitting_id_request<N>>) {
    using t = sitting_id_request<N>;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id_text));
  }
  template <request_type_name N>
  static constexpr auto of(tag<vote_id_request<N>>) {
    using t = vote_id_request<N>;
    return wire::fields<t>(member("vote_id", &t::vote_id, id_text));
  }
  template <request_type_name N>
  static constexpr auto of(tag<optional_sitting_id_request<N>>) {
    using t = optional_sitting_id_request<N>;
    return wire::fields<t>(
        member("sitting_id", &t::sitting_id, wire::optional_text{max_name_bytes}));
  }
  template <request_type_name N>
  static constexpr auto of(tag<vote_signature_request<N>>) {
    using t = vote_signature_request<N>;
    return wire::fields<t>(member("vote_id", &t::vote_id, id_text),
                           member("signature", &t::sig, wire::signature{}));
  }
  static constexpr auto of(tag<import_roster_request>) {
    return wire::fields<import_roster_request>(
        member("csv", &import_roster_request::csv, wire::text{max_csv_bytes}), membership_entry{});
  }
  static constexpr auto of(tag<acknowledge_warnings_request>) {
    return wire::fields<acknowledge_warnings_request>();
  }
  static constexpr auto of(tag<issue_enrollment_code_request>) {
    return wire::fields<issue_enrollment_code_request>(
        member("person", &issue_enrollment_code_request::person, id_text));
  }
  static constexpr auto of(tag<create_sitting_request>) {
    return wire::fields<create_sitting_request>(
        member("sitting_id", &create_sitting_request::sitting_id, optional_id),
        member("title", &create_sitting_request::title, short_text),
        member("date", &create_sitting_request::date, id_text),
        member("kind", &create_sitting_request::kind, optional_id),
        member("group_id", &create_sitting_request::group_id, optional_id));
  }
  static constexpr auto of(tag<assisted_checkin_request>) {
    return wire::fields<assisted_checkin_request>(
        member("sitting_id", &assisted_checkin_request::sitting_id, id_text),
        member("person", &assisted_checkin_request::person, id_text),
        member("unix_ms", &assisted_checkin_request::unix_ms, wire::number{}),
        member("reason", &assisted_checkin_request::reason, short_text),
        member("signature", &assisted_checkin_request::sig, wire::signature{}));
  }
  static constexpr auto of(tag<excuse_delegate_request>) {
    return wire::fields<excuse_delegate_request>(
        member("sitting_id", &excuse_delegate_request::sitting_id, id_text),
        member("person", &excuse_delegate_request::person, id_text),
        member("reason", &excuse_delegate_request::reason, short_text),
        member("approver", &excuse_delegate_request::approver, short_text));
  }
  static constexpr auto of(tag<withdraw_excusal_request>) {
    return wire::fields<withdraw_excusal_request>(
        member("sitting_id", &withdraw_excusal_request::sitting_id, id_text),
        member("person", &withdraw_excusal_request::person, id_text),
        member("reason", &withdraw_excusal_request::reason, short_text));
  }
  static constexpr auto of(tag<add_item_request>) {
    return wire::fields<add_item_request>(
        member("sitting_id", &add_item_request::sitting_id, id_text),
        member("item_id", &add_item_request::item_id, optional_id),
        member("kind", &add_item_request::kind, id_text),
        member("title", &add_item_request::title, short_text),
        member("order", &add_item_request::order, wire::number_or_zero{1, max_safe_integer}),
        member("responsible", &add_item_request::responsible, wire::text{max_title_bytes, 0}),
        member("proposal_id", &add_item_request::proposal_id, wire::optional_text{max_name_bytes}));
  }
  static constexpr auto of(tag<add_material_request>) {
    return wire::fields_checked<add_material_request>(
        text_or_url_with_digest, member("sitting_id", &add_material_request::sitting_id, id_text),
        member("item_id", &add_material_request::item_id, id_text),
        member("material_id", &add_material_request::material_id, optional_id),
        member("title", &add_material_request::title, short_text),
        member("text", &add_material_request::text, wire::optional_text{max_text_bytes}),
        member("url", &add_material_request::url, wire::optional_text{max_title_bytes}),
        member("digest", &add_material_request::digest, wire::optional_hex_text<32>{}));
  }
  static constexpr auto of(tag<set_current_item_request>) {
    return wire::fields<set_current_item_request>(
        member("sitting_id", &set_current_item_request::sitting_id, id_text),
        member("item_id", &set_current_item_request::item_id, id_text));
  }
  static constexpr auto of(tag<submit_proposal_request>) {
    return wire::fields<submit_proposal_request>(
        member("proposal_id", &submit_proposal_request::proposal_id, optional_id),
        member("title", &submit_proposal_request::title, short_text),
        member("text", &submit_proposal_request::text, wire::text{max_text_bytes}),
        member("co_signers", &submit_proposal_request::co_signers,
               wire::names_or_empty{{max_list_size, max_name_bytes, 1, max_name_bytes}}));
  }
  static constexpr auto of(tag<set_calendar_request>) {
    using t = set_calendar_request;
    return wire::fields<t>(member("year", &t::year, wire::number{1900, 9999}),
                           member("holidays", &t::holidays, date_list),
                           member("workdays", &t::workdays, date_list));
  }
  static constexpr auto of(tag<accept_proposal_request>) {
    using t = accept_proposal_request;
    return wire::fields<t>(member("proposal_id", &t::proposal_id, id_text),
                           member("unit", &t::unit, short_text),
                           member("deadline", &t::deadline, wire::optional_text{max_name_bytes}));
  }
  static constexpr auto of(tag<merge_proposal_request>) {
    using t = merge_proposal_request;
    return wire::fields<t>(member("proposal_id", &t::proposal_id, id_text),
                           member("into", &t::into, id_text));
  }
  static constexpr auto of(tag<convert_proposal_request>) {
    using t = convert_proposal_request;
    return wire::fields<t>(member("proposal_id", &t::proposal_id, id_text),
                           member("reason", &t::reason, short_text));
  }
  static constexpr auto of(tag<answer_proposal_request>) {
    using t = answer_proposal_request;
    return wire::fields<t>(member("proposal_id", &t::proposal_id, id_text),
                           member("text", &t::text, wire::text{max_text_bytes}),
                           member("unit", &t::unit, wire::optional_text{max_title_bytes}));
  }
  static constexpr auto of(tag<rate_proposal_request>) {
    using t = rate_proposal_request;
    return wire::fields<t>(member("proposal_id", &t::proposal_id, id_text),
                           member("rating", &t::rating, id_text));
  }
  static constexpr auto of(tag<get_proposals_request>) {
    return wire::fields<get_proposals_request>();
  }
  static constexpr auto of(tag<create_vote_request>) {
    using v = create_vote_request;
    return wire::fields<v>(
        member("vote_id", &v::vote_id, optional_id), member("sitting_id", &v::sitting_id, id_text),
        member("item_id", &v::item_id, id_text), member("kind", &v::kind, id_text),
        member("title", &v::title, short_text),
        member("open_ballot", &v::open_ballot, wire::flag_or_false{}),
        member("rule", &v::rule, wire::text_or_empty{max_title_bytes}),
        member("seats", &v::seats, wire::number_or_zero{0, max_list_size}),
        member("candidates", &v::candidates, name_list),
        member("uncontested", &v::uncontested, wire::flag_or_false{}),
        member("members", &v::members, name_list),
        member("alternative_scale", &v::alternative_scale, wire::flag_or_false{}),
        member("subjects", &v::subjects,
               wire::list_codec<vote_subject>{max_list_size, &decode_vote_subject,
                                              &encode_vote_subject, "object[]", true}));
  }
  static constexpr auto of(tag<start_ceremony_request>) {
    return wire::fields<start_ceremony_request>(
        member("sitting_id", &start_ceremony_request::sitting_id, id_text),
        member("scrutineers", &start_ceremony_request::scrutineers,
               wire::names{max_list_size, max_title_bytes, 1, max_name_bytes}),
        member("k", &start_ceremony_request::k, wire::number_or_zero{1, max_list_size}));
  }
  static constexpr auto of(tag<record_delegate_left_request>) {
    using t = record_delegate_left_request;
    return wire::fields<t>(member("person", &t::person, id_text),
                           member("reason", &t::reason, short_text),
                           member("date", &t::date, id_text));
  }
  static constexpr auto of(tag<seat_alternate_request>) {
    using t = seat_alternate_request;
    return wire::fields<t>(member("person", &t::person, id_text),
                           member("replaces", &t::replaces, optional_id),
                           member("date", &t::date, id_text));
  }
  static constexpr auto of(tag<add_delegate_request>) {
    using t = add_delegate_request;
    constexpr wire::text_or_empty optional_title{max_title_bytes};
    return wire::fields<t>(
        member("number", &t::number, id_text), member("name", &t::name, short_text),
        member("gender", &t::gender, id_text), member("ethnicity", &t::ethnicity, optional_title),
        member("occupation", &t::occupation, optional_title),
        member("unit", &t::unit, optional_title), member("group", &t::group, optional_title),
        member("committee_member", &t::committee_member, wire::flag_or_false{}),
        member("reason", &t::reason, short_text), member("date", &t::date, id_text));
  }
  static constexpr auto of(tag<record_rectification_request>) {
    using t = record_rectification_request;
    return wire::fields<t>(member("rectification_id", &t::rectification_id, optional_id),
                           member("vote_id", &t::vote_id, id_text),
                           member("member", &t::member, short_text),
                           member("problem", &t::problem, wire::text{max_text_bytes}),
                           member("responsible", &t::responsible, short_text));
  }
  static constexpr auto of(tag<report_implementation_request>) {
    using t = report_implementation_request;
    return wire::fields<t>(
        member("report_id", &t::report_id, optional_id), member("subject", &t::subject, id_text),
        member("subject_id", &t::subject_id, id_text), member("status", &t::status, id_text),
        member("text", &t::text, wire::text{max_text_bytes}), member("date", &t::date, id_text),
        member("reason", &t::reason, wire::text_or_empty{max_text_bytes}));
  }
  static constexpr auto of(tag<get_follow_up_request>) {
    return wire::fields<get_follow_up_request>();
  }
  static constexpr auto of(tag<register_contact_request>) {
    using t = register_contact_request;
    return wire::fields<t>(member("contact_id", &t::contact_id, optional_id),
                           member("kind", &t::kind, id_text), member("keeper", &t::keeper, id_text),
                           details_entry<t>{});
  }
  static constexpr auto of(tag<remove_contact_request>) {
    using t = remove_contact_request;
    return wire::fields<t>(member("contact_id", &t::contact_id, id_text),
                           member("reason", &t::reason, short_text));
  }
  static constexpr auto of(tag<set_committee_contacts_request>) {
    using t = set_committee_contacts_request;
    return wire::fields<t>(
        member("member", &t::member, id_text),
        member("delegates", &t::delegates, wire::names{max_list_size, max_name_bytes}));
  }
  static constexpr auto of(tag<log_opinion_request>) {
    using t = log_opinion_request;
    return wire::fields<t>(member("opinion_id", &t::opinion_id, optional_id),
                           member("contact_id", &t::contact_id, id_text),
                           member("date", &t::date, id_text),
                           member("category", &t::category, short_text), details_entry<t>{});
  }
  static constexpr auto of(tag<route_opinion_request>) {
    using t = route_opinion_request;
    return wire::fields<t>(member("opinion_id", &t::opinion_id, id_text),
                           member("department", &t::department, short_text),
                           member("date", &t::date, wire::optional_text{max_name_bytes}));
  }
  static constexpr auto of(tag<extend_opinion_request>) {
    using t = extend_opinion_request;
    return wire::fields<t>(member("opinion_id", &t::opinion_id, id_text),
                           member("working_days", &t::working_days, wire::number{}),
                           member("reason", &t::reason, short_text));
  }
  static constexpr auto of(tag<answer_opinion_request>) {
    using t = answer_opinion_request;
    return wire::fields<t>(member("opinion_id", &t::opinion_id, id_text),
                           member("date", &t::date, wire::optional_text{max_name_bytes}),
                           details_entry<t>{});
  }
  static constexpr auto of(tag<refuse_opinion_request>) {
    using t = refuse_opinion_request;
    return wire::fields<t>(member("opinion_id", &t::opinion_id, id_text),
                           member("date", &t::date, wire::optional_text{max_name_bytes}),
                           member("reason", &t::reason, short_text));
  }
  static constexpr auto of(tag<report_back_opinion_request>) {
    using t = report_back_opinion_request;
    return wire::fields<t>(member("opinion_id", &t::opinion_id, id_text),
                           member("date", &t::date, wire::optional_text{max_name_bytes}));
  }
  static constexpr auto of(tag<get_contacts_request>) {
    return wire::fields<get_contacts_request>();
  }
  static constexpr auto of(tag<get_opinions_request>) {
    return wire::fields<get_opinions_request>();
  }
  static constexpr auto of(tag<form_group_request>) {
    using t = form_group_request;
    return wire::fields<t>(
        member("group_id", &t::group_id, optional_id), member("name", &t::name, short_text),
        member("basis", &t::basis, id_text),
        member("members", &t::members, wire::names{max_list_size, max_name_bytes, 1}));
  }
  static constexpr auto of(tag<change_group_request>) {
    using t = change_group_request;
    return wire::fields<t>(
        member("group_id", &t::group_id, id_text), member("added", &t::added, person_list),
        member("removed", &t::removed, person_list), member("reason", &t::reason, short_text));
  }
  static constexpr auto of(tag<approve_group_leaders_request>) {
    using t = approve_group_leaders_request;
    return wire::fields<t>(
        member("group_id", &t::group_id, id_text), member("leader", &t::leader, id_text),
        member("deputy", &t::deputy, id_text), member("vote_id", &t::vote_id, id_text),
        member("approval", &t::approval, short_text));
  }
  static constexpr auto of(tag<plan_activity_request>) {
    using t = plan_activity_request;
    return wire::fields<t>(
        member("activity_id", &t::activity_id, optional_id), member("kind", &t::kind, id_text),
        member("group_id", &t::group_id, optional_id), member("title", &t::title, short_text),
        member("date", &t::date, id_text), member("place", &t::place, short_text),
        member("invited", &t::invited, person_list));
  }
  static constexpr auto of(tag<activity_checkin_request>) {
    using t = activity_checkin_request;
    return wire::fields<t>(member("activity_id", &t::activity_id, id_text),
                           member("unix_ms", &t::unix_ms, wire::number{}),
                           member("signature", &t::sig, wire::signature{}));
  }
  static constexpr auto of(tag<record_attendance_request>) {
    using t = record_attendance_request;
    return wire::fields<t>(member("activity_id", &t::activity_id, id_text),
                           member("person", &t::person, id_text),
                           member("status", &t::status, id_text),
                           // Empty is the domain's to refuse: attendance_reason_required.
                           member("reason", &t::reason, wire::text{max_title_bytes, 0}));
  }
  static constexpr auto of(tag<record_activity_held_request>) {
    using t = record_activity_held_request;
    return wire::fields<t>(member("activity_id", &t::activity_id, id_text),
                           member("outcome", &t::outcome, wire::text{max_text_bytes}));
  }
  static constexpr auto of(tag<get_groups_request>) { return wire::fields<get_groups_request>(); }
  static constexpr auto of(tag<get_activities_request>) {
    return wire::fields<get_activities_request>();
  }
  static constexpr auto of(tag<get_board_request>) {
    return wire::fields_checked<get_board_request>(
        only_basis, member("from_seq", &get_board_request::from_seq, wire::number{}),
        member("limit", &get_board_request::limit, wire::optional_number{1, max_board_page}),
        member("only", &get_board_request::only, wire::optional_text{max_name_bytes}));
  }
  static constexpr auto of(tag<export_record_request>) {
    return wire::fields<export_record_request>();
  }
  static constexpr auto of(tag<prepare_download_request>) {
    using d = prepare_download_request;
    return wire::fields_checked<d>(
        kind_with_its_id, member("kind", &d::kind, id_text),
        member("vote_id", &d::vote_id, wire::optional_text{max_name_bytes}),
        member("sitting_id", &d::sitting_id, wire::optional_text{max_name_bytes}),
        member("month", &d::month, wire::optional_text{max_name_bytes}),
        member("person", &d::person, wire::optional_text{max_name_bytes}));
  }
  static constexpr auto of(tag<issue_monthly_report_request>) {
    using t = issue_monthly_report_request;
    return wire::fields<t>(member("month", &t::month, id_text));
  }
  static constexpr auto of(tag<get_monthly_report_request>) {
    using t = get_monthly_report_request;
    return wire::fields<t>(member("month", &t::month, optional_id));
  }
  static constexpr auto of(tag<get_performance_file_request>) {
    using t = get_performance_file_request;
    return wire::fields<t>(member("person", &t::person, optional_id));
  }
};

using hall_family = wire::family<hall_request, hall_tables>;

}  // namespace

std::string_view type_of(const hall_request& r) { return hall_family::type_of(r); }

bool is_hall_request_type(std::string_view type) { return hall_family::is_type(type); }

decoded<hall_request_message> decode_hall_request(const frame& f) {
  return hall_family::decode<hall_request_message>(f);
}

std::string encode_hall_request(std::uint64_t id, const hall_request& r) {
  return hall_family::encode(id, r);
}

}  // namespace plenum::protocol
