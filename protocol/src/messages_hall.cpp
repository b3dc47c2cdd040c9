#include "plenum/protocol/messages_hall.hpp"

#include <array>
#include <boost/json/serialize.hpp>
#include <type_traits>
#include <utility>

#include "plenum/protocol/fields.hpp"
#include "plenum/protocol/messages.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

// A list of 0 … max_list_size non-empty names.
decoded<std::vector<std::string>> read_names(const object_reader& r, std::string_view key,
                                             std::size_t min_size = 0) {
  PLENUM_TRY(auto items, r.array(key, max_list_size, min_size));
  std::vector<std::string> out;
  out.reserve(items.get().size());
  const field_path at = r.path(key);
  for (std::size_t i = 0; i < items.get().size(); ++i) {
    PLENUM_TRY(auto name, read_string(items.get()[i], at.at(i), max_title_bytes, 1));
    out.emplace_back(name);
  }
  return out;
}

decoded<std::vector<std::string>> optional_names(const object_reader& r, std::string_view key) {
  if (!r.has(key)) return std::vector<std::string>{};
  return read_names(r, key);
}

decoded<bool> optional_bool(const object_reader& r, std::string_view key) {
  if (!r.has(key)) return false;
  return r.boolean(key);
}

decoded<hall_request> decode_import_roster(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"csv", "membership"}));
  PLENUM_TRY(auto csv, r.string("csv", max_csv_bytes));
  PLENUM_TRY(auto m, r.object("membership"));
  PLENUM_CHECK(m.allow_only({"members", "women", "minorities"}));
  PLENUM_TRY(auto members, m.u64("members"));
  PLENUM_TRY(auto women, m.u64("women", 0, members));
  PLENUM_TRY(auto minorities, m.u64("minorities", 0, members));
  return hall_request(import_roster_request{std::move(csv), members, women, minorities});
}

decoded<hall_request> decode_acknowledge_warnings(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({}));
  return hall_request(acknowledge_warnings_request{});
}

decoded<hall_request> decode_issue_code(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"person"}));
  PLENUM_TRY(auto person, r.string("person", max_name_bytes));
  return hall_request(issue_enrollment_code_request{std::move(person)});
}

decoded<hall_request> decode_create_sitting(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id", "title", "date"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto title, r.string("title", max_title_bytes));
  PLENUM_TRY(auto date, r.string("date", max_name_bytes));
  return hall_request(
      create_sitting_request{std::move(sitting_id), std::move(title), std::move(date)});
}

template <typename T>
decoded<hall_request> decode_sitting_only(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  return hall_request(T{std::move(sitting_id)});
}

template <typename T>
decoded<hall_request> decode_vote_only(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"vote_id"}));
  PLENUM_TRY(auto vote_id, r.string("vote_id", max_name_bytes));
  return hall_request(T{std::move(vote_id)});
}

decoded<hall_request> decode_assisted_checkin(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id", "person", "unix_ms", "reason", "signature"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto person, r.string("person", max_name_bytes));
  PLENUM_TRY(auto unix_ms, r.u64("unix_ms"));
  PLENUM_TRY(auto reason, r.string("reason", max_title_bytes));
  PLENUM_TRY(auto sig, r.signature("signature"));
  return hall_request(assisted_checkin_request{std::move(sitting_id), std::move(person), unix_ms,
                                               std::move(reason), sig});
}

decoded<hall_request> decode_excuse(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id", "person", "reason", "approver"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto person, r.string("person", max_name_bytes));
  PLENUM_TRY(auto reason, r.string("reason", max_title_bytes));
  PLENUM_TRY(auto approver, r.string("approver", max_title_bytes));
  return hall_request(excuse_delegate_request{std::move(sitting_id), std::move(person),
                                              std::move(reason), std::move(approver)});
}

decoded<hall_request> decode_add_item(const object_reader& r) {
  PLENUM_CHECK(r.allow_only(
      {"sitting_id", "item_id", "kind", "title", "order", "responsible", "proposal_id"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto item_id, r.string("item_id", max_name_bytes));
  PLENUM_TRY(auto kind, r.string("kind", max_name_bytes));
  PLENUM_TRY(auto title, r.string("title", max_title_bytes));
  PLENUM_TRY(auto order, r.u64("order"));
  PLENUM_TRY(auto responsible, r.string("responsible", max_title_bytes, 0));
  PLENUM_TRY(auto proposal_id, r.optional_string("proposal_id", max_name_bytes));
  return hall_request(add_item_request{std::move(sitting_id), std::move(item_id), std::move(kind),
                                       std::move(title), order, std::move(responsible),
                                       std::move(proposal_id)});
}

decoded<hall_request> decode_add_material(const object_reader& r) {
  PLENUM_CHECK(
      r.allow_only({"sitting_id", "item_id", "material_id", "title", "text", "url", "digest"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto item_id, r.string("item_id", max_name_bytes));
  PLENUM_TRY(auto material_id, r.string("material_id", max_name_bytes));
  PLENUM_TRY(auto title, r.string("title", max_title_bytes));
  PLENUM_TRY(auto text, r.optional_string("text", max_text_bytes));
  PLENUM_TRY(auto url, r.optional_string("url", max_title_bytes));
  std::optional<std::string> digest;
  if (r.has("digest")) {
    PLENUM_TRY(auto bytes, r.fixed_hex<32>("digest"));
    digest = crypto::to_hex(bytes);
  }
  const bool by_text = text.has_value() && !url.has_value() && !digest.has_value();
  const bool by_url = !text.has_value() && url.has_value() && digest.has_value();
  if (!by_text && !by_url) {
    return refuse(errc::invalid_field, r.path(text.has_value() ? "url" : "digest"),
                  "give either text, or url with digest");
  }
  return hall_request(add_material_request{std::move(sitting_id), std::move(item_id),
                                           std::move(material_id), std::move(title),
                                           std::move(text), std::move(url), std::move(digest)});
}

decoded<hall_request> decode_set_current_item(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id", "item_id"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto item_id, r.string("item_id", max_name_bytes));
  return hall_request(set_current_item_request{std::move(sitting_id), std::move(item_id)});
}

decoded<hall_request> decode_submit_proposal(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"proposal_id", "title", "text"}));
  PLENUM_TRY(auto proposal_id, r.string("proposal_id", max_name_bytes));
  PLENUM_TRY(auto title, r.string("title", max_title_bytes));
  PLENUM_TRY(auto text, r.string("text", max_text_bytes));
  return hall_request(
      submit_proposal_request{std::move(proposal_id), std::move(title), std::move(text)});
}

decoded<hall_request> decode_create_vote(const object_reader& r) {
  PLENUM_CHECK(
      r.allow_only({"vote_id", "sitting_id", "item_id", "kind", "title", "open_ballot", "rule",
                    "seats", "candidates", "uncontested", "members", "alternative_scale"}));
  create_vote_request v;
  PLENUM_TRY(v.vote_id, r.string("vote_id", max_name_bytes));
  PLENUM_TRY(v.sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(v.item_id, r.string("item_id", max_name_bytes));
  PLENUM_TRY(v.kind, r.string("kind", max_name_bytes));
  PLENUM_TRY(v.title, r.string("title", max_title_bytes));
  PLENUM_TRY(v.open_ballot, optional_bool(r, "open_ballot"));
  PLENUM_TRY(auto rule, r.optional_string("rule", max_title_bytes));
  v.rule = rule.value_or("");
  PLENUM_TRY(auto seats, r.optional_u64("seats", 0, max_list_size));
  v.seats = seats.value_or(0);
  PLENUM_TRY(v.candidates, optional_names(r, "candidates"));
  PLENUM_TRY(v.uncontested, optional_bool(r, "uncontested"));
  PLENUM_TRY(v.members, optional_names(r, "members"));
  PLENUM_TRY(v.alternative_scale, optional_bool(r, "alternative_scale"));
  return hall_request(std::move(v));
}

decoded<hall_request> decode_start_ceremony(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id", "scrutineers", "k"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto scrutineers, read_names(r, "scrutineers", 1));
  for (auto& s : scrutineers) {
    if (s.size() > max_name_bytes) {
      return refuse(errc::invalid_field, r.path("scrutineers"), "a person number is too long");
    }
  }
  PLENUM_TRY(auto k, r.optional_u64("k", 1, max_list_size));
  return hall_request(
      start_ceremony_request{std::move(sitting_id), std::move(scrutineers), k.value_or(0)});
}

template <typename T>
decoded<hall_request> decode_optional_sitting(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id"}));
  PLENUM_TRY(auto sitting_id, r.optional_string("sitting_id", max_name_bytes));
  return hall_request(T{std::move(sitting_id)});
}

decoded<hall_request> decode_get_board(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"from_seq", "limit"}));
  PLENUM_TRY(auto from_seq, r.u64("from_seq"));
  PLENUM_TRY(auto limit, r.optional_u64("limit", 1, max_board_page));
  return hall_request(get_board_request{from_seq, limit});
}

decoded<hall_request> decode_export_record(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({}));
  return hall_request(export_record_request{});
}

template <typename T>
decoded<hall_request> decode_result_signature(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"vote_id", "signature"}));
  PLENUM_TRY(auto vote_id, r.string("vote_id", max_name_bytes));
  PLENUM_TRY(auto sig, r.signature("signature"));
  return hall_request(T{std::move(vote_id), sig});
}

struct hall_decoder {
  std::string_view type;
  decoded<hall_request> (*decode)(const object_reader&);
};

constexpr std::array<hall_decoder, std::variant_size_v<hall_request>> decoders = {{
    {import_roster_request::type, decode_import_roster},
    {acknowledge_warnings_request::type, decode_acknowledge_warnings},
    {issue_enrollment_code_request::type, decode_issue_code},
    {create_sitting_request::type, decode_create_sitting},
    {open_checkin_request::type, decode_sitting_only<open_checkin_request>},
    {close_checkin_request::type, decode_sitting_only<close_checkin_request>},
    {assisted_checkin_request::type, decode_assisted_checkin},
    {excuse_delegate_request::type, decode_excuse},
    {open_sitting_request::type, decode_sitting_only<open_sitting_request>},
    {close_sitting_request::type, decode_sitting_only<close_sitting_request>},
    {add_item_request::type, decode_add_item},
    {add_material_request::type, decode_add_material},
    {set_current_item_request::type, decode_set_current_item},
    {submit_proposal_request::type, decode_submit_proposal},
    {create_vote_request::type, decode_create_vote},
    {open_vote_request::type, decode_vote_only<open_vote_request>},
    {close_vote_request::type, decode_vote_only<close_vote_request>},
    {start_ceremony_request::type, decode_start_ceremony},
    {get_roster_request::type, decode_optional_sitting<get_roster_request>},
    {get_my_status_request::type, decode_optional_sitting<get_my_status_request>},
    {get_ceremony_request::type, decode_sitting_only<get_ceremony_request>},
    {get_tally_request::type, decode_vote_only<get_tally_request>},
    {get_board_request::type, decode_get_board},
    {export_record_request::type, decode_export_record},
    {sign_result_request::type, decode_result_signature<sign_result_request>},
    {announce_result_request::type, decode_result_signature<announce_result_request>},
}};

// ---- encoders ----

json::array names_json(const std::vector<std::string>& names) {
  json::array out;
  for (const auto& n : names) out.emplace_back(n);
  return out;
}

json::object fields_of(const import_roster_request& r) {
  return {{"csv", r.csv},
          {"membership",
           json::object{{"members", r.members}, {"women", r.women}, {"minorities", r.minorities}}}};
}
json::object fields_of(const acknowledge_warnings_request&) { return {}; }
json::object fields_of(const issue_enrollment_code_request& r) { return {{"person", r.person}}; }
json::object fields_of(const create_sitting_request& r) {
  return {{"sitting_id", r.sitting_id}, {"title", r.title}, {"date", r.date}};
}
json::object fields_of(const open_checkin_request& r) { return {{"sitting_id", r.sitting_id}}; }
json::object fields_of(const close_checkin_request& r) { return {{"sitting_id", r.sitting_id}}; }
json::object fields_of(const open_sitting_request& r) { return {{"sitting_id", r.sitting_id}}; }
json::object fields_of(const close_sitting_request& r) { return {{"sitting_id", r.sitting_id}}; }
json::object fields_of(const assisted_checkin_request& r) {
  return {{"sitting_id", r.sitting_id},
          {"person", r.person},
          {"unix_ms", r.unix_ms},
          {"reason", r.reason},
          {"signature", r.sig.hex()}};
}
json::object fields_of(const excuse_delegate_request& r) {
  return {{"sitting_id", r.sitting_id},
          {"person", r.person},
          {"reason", r.reason},
          {"approver", r.approver}};
}
json::object fields_of(const add_item_request& r) {
  json::object out{
      {"sitting_id", r.sitting_id}, {"item_id", r.item_id}, {"kind", r.kind},
      {"title", r.title},           {"order", r.order},     {"responsible", r.responsible}};
  if (r.proposal_id) out.emplace("proposal_id", *r.proposal_id);
  return out;
}
json::object fields_of(const add_material_request& r) {
  json::object out{{"sitting_id", r.sitting_id},
                   {"item_id", r.item_id},
                   {"material_id", r.material_id},
                   {"title", r.title}};
  if (r.text) out.emplace("text", *r.text);
  if (r.url) out.emplace("url", *r.url);
  if (r.digest) out.emplace("digest", *r.digest);
  return out;
}
json::object fields_of(const set_current_item_request& r) {
  return {{"sitting_id", r.sitting_id}, {"item_id", r.item_id}};
}
json::object fields_of(const submit_proposal_request& r) {
  return {{"proposal_id", r.proposal_id}, {"title", r.title}, {"text", r.text}};
}
json::object fields_of(const create_vote_request& r) {
  json::object out{{"vote_id", r.vote_id},
                   {"sitting_id", r.sitting_id},
                   {"item_id", r.item_id},
                   {"kind", r.kind},
                   {"title", r.title}};
  if (r.open_ballot) out.emplace("open_ballot", true);
  if (!r.rule.empty()) out.emplace("rule", r.rule);
  if (r.seats != 0) out.emplace("seats", r.seats);
  if (!r.candidates.empty()) out.emplace("candidates", names_json(r.candidates));
  if (r.uncontested) out.emplace("uncontested", true);
  if (!r.members.empty()) out.emplace("members", names_json(r.members));
  if (r.alternative_scale) out.emplace("alternative_scale", true);
  return out;
}
json::object fields_of(const open_vote_request& r) { return {{"vote_id", r.vote_id}}; }
json::object fields_of(const close_vote_request& r) { return {{"vote_id", r.vote_id}}; }
json::object fields_of(const start_ceremony_request& r) {
  json::object out{{"sitting_id", r.sitting_id}, {"scrutineers", names_json(r.scrutineers)}};
  if (r.k != 0) out.emplace("k", r.k);
  return out;
}
json::object fields_of(const get_roster_request& r) {
  json::object out;
  if (r.sitting_id) out.emplace("sitting_id", *r.sitting_id);
  return out;
}
json::object fields_of(const get_my_status_request& r) {
  json::object out;
  if (r.sitting_id) out.emplace("sitting_id", *r.sitting_id);
  return out;
}
json::object fields_of(const get_ceremony_request& r) { return {{"sitting_id", r.sitting_id}}; }
json::object fields_of(const get_tally_request& r) { return {{"vote_id", r.vote_id}}; }
json::object fields_of(const export_record_request&) { return {}; }
json::object fields_of(const sign_result_request& r) {
  return {{"vote_id", r.vote_id}, {"signature", r.sig.hex()}};
}
json::object fields_of(const announce_result_request& r) {
  return {{"vote_id", r.vote_id}, {"signature", r.sig.hex()}};
}
json::object fields_of(const get_board_request& r) {
  json::object out{{"from_seq", r.from_seq}};
  if (r.limit) out.emplace("limit", *r.limit);
  return out;
}

}  // namespace

std::string_view type_of(const hall_request& r) {
  return std::visit([](const auto& m) { return std::decay_t<decltype(m)>::type; }, r);
}

bool is_hall_request_type(std::string_view type) {
  for (const auto& d : decoders) {
    if (d.type == type) return true;
  }
  return false;
}

decoded<hall_request_message> decode_hall_request(const frame& f) {
  const field_path root;
  auto with_id = [&f](decode_error e) {
    e.request_id = f.id;
    return e;
  };
  for (const auto& d : decoders) {
    if (d.type != f.type) continue;
    auto body = d.decode(object_reader(f.fields, root));
    if (!body) return with_id(std::move(body).error());
    return hall_request_message{f.id.value_or(0), std::move(*body)};
  }
  return with_id(refuse(errc::unknown_message_type, root.child("type"),
                        "\"" + f.type + "\" is not a request type"));
}

std::string encode_hall_request(std::uint64_t id, const hall_request& r) {
  json::object out;
  out.emplace("v", protocol_version);
  out.emplace("id", id);
  out.emplace("type", type_of(r));
  json::object fields = std::visit([](const auto& m) { return fields_of(m); }, r);
  for (auto& member : fields) out.emplace(member.key(), std::move(member.value()));
  return json::serialize(out);
}

}  // namespace plenum::protocol
