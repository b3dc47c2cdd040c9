#include "plenum/protocol/events.hpp"

#include <array>
#include <boost/json/serialize.hpp>
#include <utility>

#include "event_codecs.hpp"
#include "message_fields.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_manifest.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/messages_hall.hpp"
#include "plenum/protocol/strict_json.hpp"
#include "plenum/protocol/working_calendar.hpp"
#include "text_append.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

using wire::member;
using wire::tag;

constexpr wire::text id{max_name_bytes};
// Who did it: empty for the server itself.
constexpr wire::any_text actor{max_name_bytes};
constexpr wire::text title{max_title_bytes};
constexpr wire::any_text any_title{max_title_bytes};
// Material texts and proposals are longer than a request's text.
constexpr wire::any_text any_text{1'000'000};
constexpr wire::any_text any_url{2048};
constexpr wire::names numbers{max_event_list_size, max_name_bytes};
constexpr wire::names titles{max_event_list_size, max_title_bytes};
// A year's holidays or make-up workdays: ISO dates.
constexpr wire::names dates{366, 10};

// ---- element codecs of the lists ----

decoded<events::roster_person> read_person(const json::value& v, const field_path& at);
json::value write_person(const events::roster_person& p);
decoded<events::roster_warning> read_warning(const json::value& v, const field_path& at);
json::value write_warning(const events::roster_warning& w);
decoded<events::appointed_scrutineer> read_scrutineer(const json::value& v, const field_path& at);
json::value write_scrutineer(const events::appointed_scrutineer& s);

decoded<crypto::public_key> read_key(const json::value& v, const field_path& at) {
  return read_public_key(v, at);
}
json::value write_key(const crypto::public_key& k) { return json::string(k.hex()); }

decoded<crypto::point> read_element(const json::value& v, const field_path& at) {
  return read_point(v, at, identity_rule::reject);
}
json::value write_element(const crypto::point& p) { return json::string(p.hex()); }

decoded<std::uint64_t> read_count(const json::value& v, const field_path& at) {
  return read_u64(v, at);
}
json::value write_count(const std::uint64_t& n) { return n; }

decoded<crypto::ballot_openings> read_openings(const json::value& v, const field_path& at) {
  return decode_openings(v, at);
}
decoded<crypto::ballot_choices> read_choices(const json::value& v, const field_path& at) {
  return decode_choices(v, at);
}

// The `membership` member: the party's totals.
struct membership_entry {
  std::string_view name = "membership";
  [[nodiscard]] decoded<void> read_into(const object_reader& r,
                                        events::roster_imported& out) const {
    PLENUM_TRY(auto m, r.object(name));
    PLENUM_CHECK(m.allow_only({"members", "women", "minority"}));
    PLENUM_TRY(out.membership.members, m.u64("members"));
    PLENUM_TRY(out.membership.women, m.u64("women"));
    PLENUM_TRY(out.membership.minority, m.u64("minority"));
    return {};
  }
  void write_from(json::object& out, const events::roster_imported& in) const {
    const auto& m = in.membership;
    out.emplace(name,
                json::object{{"members", m.members}, {"women", m.women}, {"minority", m.minority}});
  }
  [[nodiscard]] static wire::schema_entry schema() { return {"object"}; }
};

// An assisted check-in names the secretary, their key and the reason; a delegate's own names
// none of them.
decoded<void> assisted_fields_agree(const events::checked_in& e, const object_reader& r) {
  const bool named = !e.secretary.empty() && e.secretary_pk && !e.reason.empty();
  const bool none = e.secretary.empty() && !e.secretary_pk && e.reason.empty();
  if (e.assisted ? named : none) return {};
  return refuse(errc::invalid_field, r.path("assisted"),
                e.assisted ? "an assisted check-in names secretary, secretary_pk and reason"
                           : "only an assisted check-in names a secretary");
}

// The last keygen message carries both the joint key and the verification keys, or neither.
decoded<void> joint_key_with_its_keys(const events::keygen_submitted& e, const object_reader& r) {
  if (e.joint_key.has_value() == !e.verification_keys.empty()) return {};
  return refuse(errc::invalid_field, r.path("verification_keys"),
                "come with joint_key, and only with it");
}

// Dates are ISO `YYYY-MM-DD` of a day that exists.
decoded<void> valid_date(const std::string& text, const field_path& at) {
  if (civil_date::parse(text)) return {};
  return refuse(errc::invalid_field, at, "must be a date YYYY-MM-DD");
}

decoded<void> calendar_dates(const events::calendar_set& e, const object_reader& r) {
  for (std::size_t i = 0; i < e.holidays.size(); ++i)
    PLENUM_CHECK(valid_date(e.holidays[i], r.path("holidays").at(i)));
  for (std::size_t i = 0; i < e.workdays.size(); ++i)
    PLENUM_CHECK(valid_date(e.workdays[i], r.path("workdays").at(i)));
  return {};
}

decoded<void> accepted_deadline(const events::proposal_accepted& e, const object_reader& r) {
  return valid_date(e.deadline, r.path("deadline"));
}

// A rating is one of the three, and only an unsatisfied first round carries a new deadline.
decoded<void> rating_and_deadline(const events::proposal_rated& e, const object_reader& r) {
  if (e.rating != "satisfied" && e.rating != "basically_satisfied" && e.rating != "unsatisfied")
    return refuse(errc::invalid_field, r.path("rating"),
                  "must be satisfied, basically_satisfied or unsatisfied");
  const bool rehandled = e.round == 1 && e.rating == "unsatisfied";
  if (rehandled != !e.deadline.empty())
    return refuse(errc::invalid_field, r.path("deadline"),
                  "comes with an unsatisfied rating of round 1, and only with it");
  if (rehandled) return valid_date(e.deadline, r.path("deadline"));
  return {};
}

// A report of a blocked implementation says why; any other status gives no reason.
decoded<void> blocked_with_its_reason(const events::implementation_reported& e,
                                      const object_reader& r) {
  if ((e.status == "blocked") != e.reason.empty()) return {};
  return refuse(errc::invalid_field, r.path("reason"),
                e.status == "blocked" ? "a blocked implementation gives its reason"
                                      : "only a blocked implementation gives a reason");
}

// ---- three-level contact and opinions ----

decoded<void> contact_kind(const events::contact_registered& e, const object_reader& r) {
  if (e.kind == "member" || e.kind == "resident") return {};
  return refuse(errc::invalid_field, r.path("kind"), "must be member or resident");
}

decoded<void> logged_date(const events::opinion_logged& e, const object_reader& r) {
  return valid_date(e.date, r.path("date"));
}
decoded<void> routed_date(const events::opinion_routed& e, const object_reader& r) {
  return valid_date(e.date, r.path("date"));
}
decoded<void> answered_date(const events::opinion_answered& e, const object_reader& r) {
  return valid_date(e.date, r.path("date"));
}
decoded<void> refused_date(const events::opinion_refused& e, const object_reader& r) {
  return valid_date(e.date, r.path("date"));
}
decoded<void> reported_back_date(const events::opinion_reported_back& e, const object_reader& r) {
  return valid_date(e.date, r.path("date"));
}

// A vote_opened of format 1 lists eligible and roster; one of format 2 names its vote_roster
// (roster_seq, roster_count, roster_root) and lists neither.
decoded<void> vote_opened_format(const events::vote_opened& e, const object_reader& r) {
  if (!e.format) {
    for (std::string_view name : {"roster_seq", "roster_count", "roster_root"}) {
      if (r.has(name)) return refuse(errc::invalid_field, r.path(name), "is only in format 2");
    }
    for (std::string_view name : {"eligible", "roster"}) {
      if (!r.has(name)) return refuse(errc::invalid_field, r.path(name), "is required in format 1");
    }
    return {};
  }
  for (std::string_view name : {"eligible", "roster"}) {
    if (r.has(name))
      return refuse(errc::invalid_field, r.path(name), "is not in format 2 (see vote_roster)");
  }
  for (std::string_view name : {"roster_seq", "roster_count", "roster_root"}) {
    if (!r.has(name)) return refuse(errc::invalid_field, r.path(name), "is required in format 2");
  }
  return {};
}

// A group's basis is one of the three the party's rules name.
decoded<void> group_basis(const events::group_formed& e, const object_reader& r) {
  if (e.basis == "electoral_unit" || e.basis == "area" || e.basis == "line_of_work") return {};
  return refuse(errc::invalid_field, r.path("basis"),
                "must be electoral_unit, area or line_of_work");
}

// An activity is of one of the five kinds, on a valid date.
decoded<void> activity_kind_and_date(const events::activity_planned& e, const object_reader& r) {
  if (e.kind != "group_activity" && e.kind != "research" && e.kind != "inspection" &&
      e.kind != "study" && e.kind != "committee_attendance")
    return refuse(errc::invalid_field, r.path("kind"),
                  "must be group_activity, research, inspection, study or committee_attendance");
  return valid_date(e.date, r.path("date"));
}

// Attendance is present, absent or excused.
decoded<void> attendance_status(const events::attendance_recorded& e, const object_reader& r) {
  if (e.status == "present" || e.status == "absent" || e.status == "excused") return {};
  return refuse(errc::invalid_field, r.path("status"), "must be present, absent or excused");
}

}  // namespace

namespace wire {

decoded<crypto::ballot> known_voter_ballot::read(const object_reader& r,
                                                 std::string_view name) const {
  auto v = r.required(name);
  if (!v) return std::move(v).error();
  if (reading == nullptr) return decode_ballot(v->get(), r.path(name));
  const crypto::public_key* key = nullptr;
  if (reading->known) {
    const json::object* ballot = v->get().if_object();
    const json::value* pk = ballot != nullptr ? ballot->if_contains("voter_pk") : nullptr;
    if (pk != nullptr) {
      if (auto bytes = read_fixed_hex<crypto::public_key::size>(*pk, {}))
        key = reading->known(*bytes);
    }
  }
  return decode_ballot(v->get(), r.path(name), key, reading->points);
}

void known_voter_ballot::write(json::object& out, std::string_view name, const crypto::ballot& b) {
  out.emplace(name, encode_ballot(b));
}

}  // namespace wire

namespace {

// Each event's members, once, in the order they are written.
struct event_tables {
  static constexpr auto of(tag<events::congress_created>) {
    using t = events::congress_created;
    return wire::fields<t>(
        member("congress_id", &t::congress_id, id), member("name", &t::name, title),
        member("term_start", &t::term_start, id), member("term_end", &t::term_end, id));
  }
  static constexpr auto of(tag<events::roster_imported>) {
    using t = events::roster_imported;
    return wire::fields<t>(
        member("persons", &t::persons,
               wire::list_codec<events::roster_person>{max_event_list_size, &read_person,
                                                       &write_person, "object[]"}),
        membership_entry{},
        member("warnings", &t::warnings,
               wire::list_codec<events::roster_warning>{max_event_list_size, &read_warning,
                                                        &write_warning, "object[]"}),
        member("by", &t::by, actor));
  }
  static constexpr auto of(tag<events::roster_warnings_acknowledged>) {
    using t = events::roster_warnings_acknowledged;
    return wire::fields<t>(member("by", &t::by, actor),
                           member("warnings", &t::warnings, wire::number{}));
  }
  static constexpr auto of(tag<events::enrollment_code_issued>) {
    using t = events::enrollment_code_issued;
    return wire::fields<t>(
        member("person", &t::person, id), member("salt", &t::salt, wire::fixed_hex<16>{}),
        member("code_hash", &t::code_hash, wire::fixed_hex<32>{}), member("by", &t::by, actor));
  }
  static constexpr auto of(tag<events::device_enrolled>) {
    using t = events::device_enrolled;
    return wire::fields<t>(member("person", &t::person, id),
                           member("device_pk", &t::device_pk, wire::public_key{}),
                           member("revoked_pk", &t::revoked_pk, wire::key_or_empty{}),
                           member("possession", &t::possession, wire::optional_signature{}));
  }
  static constexpr auto of(tag<events::sitting_created>) {
    using t = events::sitting_created;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id),
                           member("title", &t::title, title), member("date", &t::date, id),
                           member("kind", &t::kind, wire::optional_text{max_name_bytes}),
                           member("year", &t::year, wire::optional_number{1, 100}),
                           member("group_id", &t::group_id, wire::optional_text{max_name_bytes}));
  }
  static constexpr auto of(tag<events::checkin_opened>) {
    using t = events::checkin_opened;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id));
  }
  static constexpr auto of(tag<events::checkin_closed>) {
    using t = events::checkin_closed;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id));
  }
  static constexpr auto of(tag<events::checked_in>) {
    using t = events::checked_in;
    return wire::fields_checked<t>(
        &assisted_fields_agree, member("sitting_id", &t::sitting_id, id),
        member("person", &t::person, id), member("device_pk", &t::device_pk, wire::public_key{}),
        member("unix_ms", &t::unix_ms, wire::number{}),
        member("signature", &t::signature, wire::signature{}),
        member("assisted", &t::assisted, wire::flag{}),
        member("secretary", &t::secretary, wire::text_or_empty{max_name_bytes}),
        member("secretary_pk", &t::secretary_pk, wire::optional_public_key{}),
        member("reason", &t::reason, wire::text_or_empty{max_title_bytes}));
  }
  static constexpr auto of(tag<events::delegate_excused>) {
    using t = events::delegate_excused;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id),
                           member("person", &t::person, id), member("reason", &t::reason, title),
                           member("approver", &t::approver, any_title),
                           member("recorded_by", &t::recorded_by, actor));
  }
  static constexpr auto of(tag<events::excusal_withdrawn>) {
    using t = events::excusal_withdrawn;
    return wire::fields<t>(
        member("sitting_id", &t::sitting_id, id), member("person", &t::person, id),
        member("reason", &t::reason, any_title), member("recorded_by", &t::recorded_by, actor));
  }
  static constexpr auto of(tag<events::sitting_opened>) {
    using t = events::sitting_opened;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id),
                           member("seated", &t::seated, wire::number{}),
                           member("present", &t::present, wire::number{}),
                           member("required", &t::required, wire::number{}));
  }
  static constexpr auto of(tag<events::sitting_closed>) {
    using t = events::sitting_closed;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id));
  }
  static constexpr auto of(tag<events::item_added>) {
    using t = events::item_added;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id),
                           member("item_id", &t::item_id, id), member("kind", &t::kind, id),
                           member("title", &t::title, title),
                           member("order", &t::order, wire::number{}),
                           member("responsible", &t::responsible, any_title),
                           member("proposal_id", &t::proposal_id, wire::any_text{max_name_bytes}),
                           member("follow_up", &t::follow_up, wire::optional_text{max_name_bytes}));
  }
  static constexpr auto of(tag<events::material_added>) {
    using t = events::material_added;
    return wire::fields<t>(
        member("sitting_id", &t::sitting_id, id), member("item_id", &t::item_id, id),
        member("material_id", &t::material_id, id), member("title", &t::title, title),
        member("text", &t::text, any_text), member("url", &t::url, any_url),
        member("digest", &t::digest, wire::any_text{128}));
  }
  static constexpr auto of(tag<events::current_item_set>) {
    using t = events::current_item_set;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id),
                           member("item_id", &t::item_id, id));
  }
  static constexpr auto of(tag<events::proposal_submitted>) {
    using t = events::proposal_submitted;
    return wire::fields<t>(member("proposal_id", &t::proposal_id, id), member("by", &t::by, actor),
                           member("title", &t::title, title),
                           member("text", &t::text, wire::text{100'000}),
                           member("unix_ms", &t::unix_ms, wire::number{}),
                           member("co_signers", &t::co_signers,
                                  wire::names_or_empty{{max_list_size, max_name_bytes, 1}}));
  }
  static constexpr auto of(tag<events::calendar_set>) {
    using t = events::calendar_set;
    return wire::fields_checked<t>(
        &calendar_dates, member("year", &t::year, wire::number{1900, 9999}),
        member("holidays", &t::holidays, dates), member("workdays", &t::workdays, dates),
        member("by", &t::by, actor));
  }
  static constexpr auto of(tag<events::proposal_accepted>) {
    using t = events::proposal_accepted;
    return wire::fields_checked<t>(
        &accepted_deadline, member("proposal_id", &t::proposal_id, id),
        member("unit", &t::unit, title), member("deadline", &t::deadline, id),
        member("by", &t::by, actor), member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::proposal_merged>) {
    using t = events::proposal_merged;
    return wire::fields<t>(member("proposal_id", &t::proposal_id, id), member("into", &t::into, id),
                           member("by", &t::by, actor),
                           member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::proposal_converted>) {
    using t = events::proposal_converted;
    return wire::fields<t>(member("proposal_id", &t::proposal_id, id),
                           member("reason", &t::reason, title), member("by", &t::by, actor),
                           member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::proposal_answered>) {
    using t = events::proposal_answered;
    return wire::fields<t>(
        member("proposal_id", &t::proposal_id, id), member("round", &t::round, wire::number{1, 2}),
        member("unit", &t::unit, title), member("text", &t::text, wire::text{100'000}),
        member("by", &t::by, actor), member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::proposal_rated>) {
    using t = events::proposal_rated;
    return wire::fields_checked<t>(
        &rating_and_deadline, member("proposal_id", &t::proposal_id, id),
        member("round", &t::round, wire::number{1, 2}), member("rating", &t::rating, id),
        member("by", &t::by, actor), member("unix_ms", &t::unix_ms, wire::number{}),
        member("deadline", &t::deadline, wire::text_or_empty{max_name_bytes}));
  }
  static constexpr auto of(tag<events::vote_created>) {
    using t = events::vote_created;
    return wire::fields<t>(
        member("vote_id", &t::vote_id, id), member("sitting_id", &t::sitting_id, id),
        member("item_id", &t::item_id, id), member("kind", &t::kind, wire::vote_kind_name{}),
        member("title", &t::title, title), member("secret", &t::secret, wire::flag{}),
        member("rule", &t::rule, wire::text{max_title_bytes}),
        member("seats", &t::seats, wire::number{}), member("candidates", &t::candidates, titles),
        member("uncontested", &t::uncontested, wire::flag{}),
        member("follow_up_of", &t::follow_up_of, wire::any_text{max_name_bytes}),
        member("manifest", &t::manifest,
               wire::nested_value<crypto::manifest, json::object>{&decode_manifest,
                                                                  &encode_manifest, "object"}),
        member("subjects", &t::subjects,
               wire::list_codec<vote_subject>{max_event_list_size, &decode_vote_subject,
                                              &encode_vote_subject, "object[]", true}));
  }
  static constexpr auto of(tag<events::vote_roster>) {
    using t = events::vote_roster;
    return wire::fields<t>(
        member("vote_id", &t::vote_id, id),
        member("eligible", &t::eligible, wire::names{max_event_list_size, max_name_bytes, 1}),
        member("roster", &t::roster,
               wire::list_codec<crypto::public_key>{max_event_list_size, &read_key, &write_key,
                                                    "string[]"}),
        member("roster_hash", &t::roster_hash, wire::fixed_hex<32>{}),
        member("roster_root", &t::roster_root, wire::fixed_hex<32>{}));
  }
  static constexpr auto of(tag<events::vote_opened>) {
    using t = events::vote_opened;
    return wire::fields_checked<t>(
        &vote_opened_format, member("vote_id", &t::vote_id, id),
        member("seated", &t::seated, wire::number{}),
        member("present", &t::present, wire::number{}),
        member("required", &t::required, wire::number{}),
        member("eligible", &t::eligible, wire::names_or_empty{numbers}),
        member("roster", &t::roster,
               wire::list_codec<crypto::public_key>{max_event_list_size, &read_key, &write_key,
                                                    "string[]", true}),
        member("manifest_hash", &t::manifest_hash, wire::fixed_hex<32>{}),
        member("roster_hash", &t::roster_hash, wire::fixed_hex<32>{}),
        member("ceremony_id", &t::ceremony_id, wire::fixed_hex<32>{}),
        member("joint_key", &t::joint_key, wire::group_point{}),
        member("election_hash", &t::election_hash, wire::fixed_hex<32>{}),
        member("roster_seq", &t::roster_seq, wire::optional_number{1}),
        member("roster_count", &t::roster_count, wire::optional_number{1, max_event_list_size}),
        member("roster_root", &t::roster_root, wire::optional_fixed_hex<32>{}),
        member("format", &t::format, wire::optional_number{2, 2}));
  }
  // The ballot events, read as `reading` asks (may be null: as any event).
  static constexpr auto of(tag<events::ballot_accepted>,
                           const ballot_event_reading* reading = nullptr) {
    using t = events::ballot_accepted;
    return wire::fields<t>(member("vote_id", &t::vote_id, id), member("person", &t::person, id),
                           member("voter_pk", &t::voter_pk, wire::known_public_key{reading}),
                           member("ballot_id", &t::ballot_id, wire::fixed_hex<32>{}),
                           member("digest", &t::digest, wire::fixed_hex<32>{}),
                           member("tracking_code", &t::tracking_code, wire::fixed_hex<32>{}),
                           member("ballot", &t::ballot, wire::known_voter_ballot{reading}));
  }
  static constexpr auto of(tag<events::ballot_spoiled>,
                           const ballot_event_reading* reading = nullptr) {
    using t = events::ballot_spoiled;
    return wire::fields<t>(member("vote_id", &t::vote_id, id), member("person", &t::person, id),
                           member("voter_pk", &t::voter_pk, wire::known_public_key{reading}),
                           member("ballot_id", &t::ballot_id, wire::fixed_hex<32>{}),
                           member("digest", &t::digest, wire::fixed_hex<32>{}),
                           member("tracking_code", &t::tracking_code, wire::fixed_hex<32>{}),
                           member("ballot", &t::ballot, wire::known_voter_ballot{reading}),
                           member("nonces", &t::nonces,
                                  wire::nested_value<crypto::ballot_openings, json::array>{
                                      &read_openings, &encode_openings, "array"}),
                           member("choices", &t::choices,
                                  wire::nested_value<crypto::ballot_choices, json::array>{
                                      &read_choices, &encode_choices, "array"}));
  }
  static constexpr auto of(tag<events::vote_closed>) {
    using t = events::vote_closed;
    return wire::fields<t>(member("vote_id", &t::vote_id, id),
                           member("ballots", &t::ballots, wire::number{}));
  }
  static constexpr auto of(tag<events::vote_decided>) {
    using t = events::vote_decided;
    return wire::fields<t>(
        member("vote_id", &t::vote_id, id),
        member("board_seq_at_close", &t::board_seq_at_close, wire::number{}),
        member("ballots", &t::ballots, wire::number{}),
        member("seated", &t::seated, wire::number{}),
        member("present", &t::present, wire::number{}),
        member("counts", &t::counts,
               wire::list_codec<std::uint64_t>{max_event_list_size, &read_count, &write_count,
                                               "number[]"}),
        member("rule", &t::rule, wire::text{max_title_bytes}),
        member("outcome", &t::outcome, wire::text{max_text_bytes}),
        member("board_hash_at_close", &t::board_hash_at_close, wire::optional_fixed_hex<32>{}),
        member("result_digest", &t::result_digest, wire::optional_fixed_hex<32>{}));
  }
  static constexpr auto of(tag<events::result_signed>) {
    using t = events::result_signed;
    return wire::fields<t>(member("vote_id", &t::vote_id, id), member("person", &t::person, id),
                           member("index", &t::index, wire::number{1, 255}),
                           member("signer_pk", &t::signer_pk, wire::public_key{}),
                           member("signature", &t::signature, wire::signature{}));
  }
  static constexpr auto of(tag<events::result_announced>) {
    using t = events::result_announced;
    return wire::fields<t>(member("vote_id", &t::vote_id, id), member("person", &t::person, id),
                           member("signer_pk", &t::signer_pk, wire::public_key{}),
                           member("signature", &t::signature, wire::signature{}));
  }
  static constexpr auto of(tag<events::ceremony_started>) {
    using t = events::ceremony_started;
    return wire::fields<t>(member("sitting_id", &t::sitting_id, id),
                           member("scrutineers", &t::scrutineers,
                                  wire::list_codec<events::appointed_scrutineer>{
                                      255, &read_scrutineer, &write_scrutineer, "object[]"}),
                           member("n", &t::n, wire::number{1, 255}),
                           member("k", &t::k, wire::number{1, 255}),
                           member("ceremony_id", &t::ceremony_id, wire::fixed_hex<32>{}));
  }
  static constexpr auto of(tag<events::keygen_submitted>) {
    using t = events::keygen_submitted;
    return wire::fields_checked<t>(
        &joint_key_with_its_keys, member("sitting_id", &t::sitting_id, id),
        member("index", &t::index, wire::number{1, 255}), member("person", &t::person, id),
        member("message", &t::message,
               wire::nested_value<crypto::keygen_message, json::object>{
                   &decode_keygen_message, &encode_keygen_message, "object"}),
        member("joint_key", &t::joint_key, wire::optional_group_point{}),
        member(
            "verification_keys", &t::verification_keys,
            wire::list_codec<crypto::point>{255, &read_element, &write_element, "string[]", true}));
  }
  static constexpr auto of(tag<events::keys_confirmed>) {
    using t = events::keys_confirmed;
    return wire::fields<t>(
        member("sitting_id", &t::sitting_id, id), member("index", &t::index, wire::number{1, 255}),
        member("person", &t::person, id), member("signature", &t::signature, wire::signature{}));
  }
  static constexpr auto of(tag<events::partial_submitted>) {
    using t = events::partial_submitted;
    return wire::fields<t>(
        member("vote_id", &t::vote_id, id), member("index", &t::index, wire::number{1, 255}),
        member("person", &t::person, id),
        member("partial", &t::partial,
               wire::nested_value<crypto::partial_decryption, json::object>{
                   &decode_partial_decryption, &encode_partial_decryption, "object"}));
  }
  static constexpr auto of(tag<events::delegate_left>) {
    using t = events::delegate_left;
    return wire::fields<t>(member("person", &t::person, id), member("reason", &t::reason, title),
                           member("date", &t::date, id), member("by", &t::by, actor));
  }
  static constexpr auto of(tag<events::alternate_seated>) {
    using t = events::alternate_seated;
    return wire::fields<t>(member("person", &t::person, id),
                           member("replaces", &t::replaces, wire::any_text{max_name_bytes}),
                           member("date", &t::date, id), member("by", &t::by, actor));
  }
  static constexpr auto of(tag<events::delegate_added>) {
    using t = events::delegate_added;
    return wire::fields<t>(member("person", &t::person,
                                  wire::nested_value<events::roster_person, json::value>{
                                      &read_person, &write_person, "object"}),
                           member("reason", &t::reason, title), member("date", &t::date, id),
                           member("by", &t::by, actor));
  }
  static constexpr auto of(tag<events::resolution_adopted>) {
    using t = events::resolution_adopted;
    return wire::fields<t>(
        member("resolution_id", &t::resolution_id, id), member("sitting_id", &t::sitting_id, id),
        member("item_id", &t::item_id, id), member("vote_id", &t::vote_id, id),
        member("title", &t::title, title), member("responsible", &t::responsible, title));
  }
  static constexpr auto of(tag<events::rectification_opened>) {
    using t = events::rectification_opened;
    return wire::fields<t>(
        member("rectification_id", &t::rectification_id, id), member("origin", &t::origin, id),
        member("vote_id", &t::vote_id, id), member("member", &t::member, title),
        member("problem", &t::problem, wire::text{max_text_bytes}),
        member("responsible", &t::responsible, title), member("by", &t::by, actor));
  }
  static constexpr auto of(tag<events::implementation_reported>) {
    using t = events::implementation_reported;
    return wire::fields_checked<t>(
        &blocked_with_its_reason, member("report_id", &t::report_id, id),
        member("subject", &t::subject, id), member("subject_id", &t::subject_id, id),
        member("status", &t::status, id), member("text", &t::text, wire::text{max_text_bytes}),
        member("date", &t::date, id), member("reason", &t::reason, wire::any_text{max_text_bytes}),
        member("by", &t::by, actor));
  }
  static constexpr auto of(tag<events::contact_registered>) {
    using t = events::contact_registered;
    return wire::fields_checked<t>(
        &contact_kind, member("contact_id", &t::contact_id, id), member("kind", &t::kind, id),
        member("keeper", &t::keeper, id),
        member("details_digest", &t::details_digest, wire::fixed_hex<32>{}),
        member("by", &t::by, actor), member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::contact_removed>) {
    using t = events::contact_removed;
    return wire::fields<t>(member("contact_id", &t::contact_id, id),
                           member("reason", &t::reason, title), member("by", &t::by, actor),
                           member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::committee_contacts_set>) {
    using t = events::committee_contacts_set;
    return wire::fields<t>(member("member", &t::member, id),
                           member("delegates", &t::delegates, numbers), member("by", &t::by, actor),
                           member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::opinion_logged>) {
    using t = events::opinion_logged;
    return wire::fields_checked<t>(
        &logged_date, member("opinion_id", &t::opinion_id, id),
        member("contact_id", &t::contact_id, id), member("by", &t::by, actor),
        member("date", &t::date, id),
        member("details_digest", &t::details_digest, wire::fixed_hex<32>{}),
        member("category", &t::category, title), member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::opinion_routed>) {
    using t = events::opinion_routed;
    return wire::fields_checked<t>(&routed_date, member("opinion_id", &t::opinion_id, id),
                                   member("department", &t::department, title),
                                   member("date", &t::date, id), member("by", &t::by, actor),
                                   member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::opinion_extended>) {
    using t = events::opinion_extended;
    return wire::fields<t>(member("opinion_id", &t::opinion_id, id),
                           member("working_days", &t::working_days, wire::number{1, 15}),
                           member("reason", &t::reason, title), member("by", &t::by, actor),
                           member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::opinion_answered>) {
    using t = events::opinion_answered;
    return wire::fields_checked<t>(
        &answered_date, member("opinion_id", &t::opinion_id, id), member("date", &t::date, id),
        member("details_digest", &t::details_digest, wire::fixed_hex<32>{}),
        member("by", &t::by, actor), member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::opinion_refused>) {
    using t = events::opinion_refused;
    return wire::fields_checked<t>(&refused_date, member("opinion_id", &t::opinion_id, id),
                                   member("date", &t::date, id),
                                   member("reason", &t::reason, title), member("by", &t::by, actor),
                                   member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::opinion_reported_back>) {
    using t = events::opinion_reported_back;
    return wire::fields_checked<t>(&reported_back_date, member("opinion_id", &t::opinion_id, id),
                                   member("date", &t::date, id), member("by", &t::by, actor),
                                   member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::monthly_report_issued>) {
    using t = events::monthly_report_issued;
    return wire::fields<t>(member("report_id", &t::report_id, id), member("month", &t::month, id),
                           member("report_digest", &t::report_digest, wire::fixed_hex<32>{}),
                           member("by", &t::by, actor),
                           member("unix_ms", &t::unix_ms, wire::number{}),
                           member("format", &t::format, wire::optional_number{2, 2}));
  }
  static constexpr auto of(tag<events::group_formed>) {
    using t = events::group_formed;
    return wire::fields_checked<t>(
        &group_basis, member("group_id", &t::group_id, id), member("name", &t::name, title),
        member("basis", &t::basis, id),
        member("members", &t::members, wire::names{max_event_list_size, max_name_bytes, 1}),
        member("by", &t::by, actor), member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::group_changed>) {
    using t = events::group_changed;
    return wire::fields<t>(
        member("group_id", &t::group_id, id), member("added", &t::added, numbers),
        member("removed", &t::removed, numbers), member("reason", &t::reason, title),
        member("by", &t::by, actor), member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::group_leaders_approved>) {
    using t = events::group_leaders_approved;
    return wire::fields<t>(member("group_id", &t::group_id, id), member("leader", &t::leader, id),
                           member("deputy", &t::deputy, id), member("vote_id", &t::vote_id, id),
                           member("approval", &t::approval, title), member("by", &t::by, actor),
                           member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::activity_planned>) {
    using t = events::activity_planned;
    return wire::fields_checked<t>(
        &activity_kind_and_date, member("activity_id", &t::activity_id, id),
        member("kind", &t::kind, id),
        member("group_id", &t::group_id, wire::any_text{max_name_bytes}),
        member("title", &t::title, title), member("date", &t::date, id),
        member("place", &t::place, title), member("invited", &t::invited, numbers),
        member("by", &t::by, actor), member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::activity_checked_in>) {
    using t = events::activity_checked_in;
    return wire::fields<t>(member("activity_id", &t::activity_id, id),
                           member("person", &t::person, id),
                           member("device_pk", &t::device_pk, wire::public_key{}),
                           member("unix_ms", &t::unix_ms, wire::number{}),
                           member("signature", &t::signature, wire::signature{}));
  }
  static constexpr auto of(tag<events::attendance_recorded>) {
    using t = events::attendance_recorded;
    return wire::fields_checked<t>(&attendance_status, member("activity_id", &t::activity_id, id),
                                   member("person", &t::person, id),
                                   member("status", &t::status, id),
                                   member("reason", &t::reason, title), member("by", &t::by, actor),
                                   member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::activity_held>) {
    using t = events::activity_held;
    return wire::fields<t>(member("activity_id", &t::activity_id, id),
                           member("outcome", &t::outcome, wire::text{max_text_bytes}),
                           member("by", &t::by, actor),
                           member("unix_ms", &t::unix_ms, wire::number{}));
  }
  static constexpr auto of(tag<events::server_handover>) {
    using t = events::server_handover;
    return wire::fields<t>(member("standby_pk", &t::standby_pk, wire::public_key{}),
                           member("from_seq", &t::from_seq, wire::number{}),
                           member("certificate", &t::certificate, wire::signature{}),
                           member("reason", &t::reason, wire::any_text{max_text_bytes}),
                           member("unix_ms", &t::unix_ms, wire::number{}));
  }
  // The elements of the lists above.
  static constexpr auto of(tag<events::roster_person>) {
    using t = events::roster_person;
    return wire::fields<t>(
        member("number", &t::number, id), member("name", &t::name, title),
        member("gender", &t::gender, any_title), member("ethnicity", &t::ethnicity, any_title),
        member("occupation", &t::occupation, any_title), member("unit", &t::unit, any_title),
        member("group", &t::group, any_title),
        member("roles", &t::roles, wire::names{16, max_name_bytes}),
        member("committee_member", &t::committee_member, wire::flag{}));
  }
  static constexpr auto of(tag<events::roster_warning>) {
    using t = events::roster_warning;
    return wire::fields<t>(member("code", &t::code, id),
                           member("detail", &t::detail, wire::any_text{max_text_bytes}));
  }
  static constexpr auto of(tag<events::appointed_scrutineer>) {
    using t = events::appointed_scrutineer;
    return wire::fields<t>(member("index", &t::index, wire::number{1, 255}),
                           member("person", &t::person, id),
                           member("pk", &t::pk, wire::public_key{}));
  }
  static constexpr auto of(tag<vote_subject>) {
    using t = vote_subject;
    return wire::fields<t>(member("kind", &t::kind, id), member("id", &t::id, id));
  }
};

template <typename T>
decoded<T> read_object(const json::value& v, const field_path& at) {
  static constexpr auto table = event_tables::of(tag<T>{});
  PLENUM_TRY(auto r, object_reader::of(v, at));
  return wire::decode_fields(r, table);
}

template <typename T>
json::object write_object(const T& value) {
  json::object out;
  wire::encode_fields(out, value, event_tables::of(tag<T>{}));
  return out;
}

decoded<events::roster_person> read_person(const json::value& v, const field_path& at) {
  return read_object<events::roster_person>(v, at);
}
json::value write_person(const events::roster_person& p) { return write_object(p); }
decoded<events::roster_warning> read_warning(const json::value& v, const field_path& at) {
  return read_object<events::roster_warning>(v, at);
}
json::value write_warning(const events::roster_warning& w) { return write_object(w); }
decoded<events::appointed_scrutineer> read_scrutineer(const json::value& v, const field_path& at) {
  return read_object<events::appointed_scrutineer>(v, at);
}
json::value write_scrutineer(const events::appointed_scrutineer& s) { return write_object(s); }

// The schema entry of one table entry: a member with a codec, or an entry of its own.
template <typename Entry>
json::object schema_member(const Entry& e) {
  wire::schema_entry s;
  if constexpr (requires { e.codec; })
    s = schema_of(e.codec);
  else
    s = Entry::schema();
  json::object out{{"name", e.name}, {"type", s.type}};
  if (s.optional) out.emplace("optional", true);
  return out;
}

template <typename T>
json::array schema_of_table() {
  json::array members;
  std::apply([&](const auto&... e) { (members.push_back(schema_member(e)), ...); },
             event_tables::of(tag<T>{}).entries);
  return members;
}

template <typename T>
decoded<congress_event> decode_one(const object_reader& r) {
  static constexpr auto table = event_tables::of(tag<T>{});
  PLENUM_TRY(auto v, wire::decode_fields(r, table));
  return congress_event(std::in_place_type<T>, std::move(v));
}

struct decoder {
  std::string_view type;
  decoded<congress_event> (*decode)(const object_reader&);
};

template <typename... Ts>
constexpr auto decoders_of(std::variant<Ts...>*) {
  return std::array<decoder, sizeof...(Ts)>{{{Ts::type, &decode_one<Ts>}...}};
}

constexpr auto decoders = decoders_of(static_cast<congress_event*>(nullptr));

template <typename... Ts>
json::object schema_of_all(std::variant<Ts...>*) {
  json::object out;
  (out.emplace(Ts::type, schema_of_table<Ts>()), ...);
  out.emplace("roster_person", schema_of_table<events::roster_person>());
  out.emplace("roster_warning", schema_of_table<events::roster_warning>());
  out.emplace("appointed_scrutineer", schema_of_table<events::appointed_scrutineer>());
  out.emplace("vote_subject", schema_of_table<vote_subject>());
  return out;
}

}  // namespace

bool is_subject_kind(std::string_view kind) noexcept {
  return kind == "resolution" || kind == "proposal" || kind == "rectification";
}

decoded<vote_subject> decode_vote_subject(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto subject, read_object<vote_subject>(v, at));
  if (!is_subject_kind(subject.kind))
    return refuse(errc::invalid_field, at.child("kind"),
                  "must be resolution, proposal or rectification");
  return subject;
}

json::value encode_vote_subject(const vote_subject& s) { return write_object(s); }

std::string_view event_type(const congress_event& e) noexcept {
  return std::visit([](const auto& v) { return std::decay_t<decltype(v)>::type; }, e);
}

bool is_event_type(std::string_view type) noexcept {
  for (const auto& d : decoders)
    if (d.type == type) return true;
  return false;
}

decoded<congress_event> decode_event_payload(std::string_view type, const json::object& payload) {
  const field_path root;
  for (const auto& d : decoders) {
    if (d.type == type) return d.decode(object_reader(payload, root));
  }
  return refuse(errc::unknown_message_type, root.child("type"),
                "\"" + std::string(type) + "\" is not an event type");
}

decoded<congress_event> decode_event_payload(std::string_view type, std::string_view payload_text,
                                             const ballot_event_reading& reading) {
  const bool accepted = type == events::ballot_accepted::type;
  if (!accepted && type != events::ballot_spoiled::type)
    return decode_event_payload(type, payload_text);
  PLENUM_TRY(auto value, parse_strict_json(payload_text, {max_payload_bytes, 16}));
  if (!value.is_object()) return refuse(errc::malformed_message, "the payload is not an object");
  const object_reader r(value.as_object(), field_path{});
  if (accepted) {
    PLENUM_TRY(auto e,
               wire::decode_fields(r, event_tables::of(tag<events::ballot_accepted>{}, &reading)));
    return congress_event(std::in_place_type<events::ballot_accepted>, std::move(e));
  }
  PLENUM_TRY(auto e,
             wire::decode_fields(r, event_tables::of(tag<events::ballot_spoiled>{}, &reading)));
  return congress_event(std::in_place_type<events::ballot_spoiled>, std::move(e));
}

decoded<congress_event> decode_event_payload(std::string_view type, std::string_view payload_text) {
  if (!is_event_type(type))
    return refuse(errc::unknown_message_type, field_path().child("type"),
                  "\"" + std::string(type) + "\" is not an event type");
  PLENUM_TRY(auto value, parse_strict_json(payload_text, {max_payload_bytes, 16}));
  if (!value.is_object()) return refuse(errc::malformed_message, "the payload is not an object");
  return decode_event_payload(type, value.as_object());
}

json::object event_payload_object(const congress_event& e) {
  return std::visit([](const auto& v) { return write_object(v); }, e);
}

namespace {

// A ballot_accepted, the event of every ballot, written directly: the very text the generic
// encoder gives (members in its table's order).
std::string encode_ballot_accepted(const events::ballot_accepted& e) {
  auto hex_member = [](std::string& out, std::string_view name, crypto::byte_span bytes) {
    out += ',';
    detail::append_hex_member(out, name, bytes);
  };
  std::string out;
  out.reserve(4096);
  out += "{\"vote_id\":";
  out += json::serialize(json::string_view(e.vote_id));
  out += ",\"person\":";
  out += json::serialize(json::string_view(e.person));
  hex_member(out, "voter_pk", e.voter_pk.bytes());
  hex_member(out, "ballot_id", e.ballot_id);
  hex_member(out, "digest", e.digest);
  hex_member(out, "tracking_code", e.tracking_code);
  out += ",\"ballot\":";
  append_ballot_text(e.ballot, out);
  out += '}';
  return out;
}

}  // namespace

std::string encode_event_payload(const congress_event& e) {
  if (const auto* accepted = std::get_if<events::ballot_accepted>(&e))
    return encode_ballot_accepted(*accepted);
  return json::serialize(event_payload_object(e));
}

json::object event_schema() { return schema_of_all(static_cast<congress_event*>(nullptr)); }

}  // namespace plenum::protocol
