#include "plenum/clients/sheet/sheet_json.hpp"

#include <plenum/protocol/fields.hpp>
#include <plenum/protocol/strict_json.hpp>

namespace plenum::clients::sheet {

namespace {

using protocol::decode_error;
using protocol::decoded;
using protocol::field_path;
using protocol::object_reader;

namespace json = boost::json;

constexpr std::size_t max_text = 4096;
constexpr std::size_t max_items = 4096;

// Every reader below stops at the first refusal; TRY keeps that readable.
#define PLENUM_TRY(var, expr) \
  auto var = (expr);          \
  if (!var) return std::move(var).error()

decoded<std::vector<std::string>> read_names(const object_reader& r, std::string_view key) {
  if (!r.has(key)) return std::vector<std::string>{};
  PLENUM_TRY(items, r.array(key, max_items));
  const field_path at = r.path(key);
  return protocol::read_each(items->get(), at,
                             [](const json::value& v, const field_path& p) -> decoded<std::string> {
                               PLENUM_TRY(name, protocol::read_string(v, p, max_text));
                               return std::string(*name);
                             });
}

decoded<std::uint64_t> optional_count(const object_reader& r, std::string_view key) {
  PLENUM_TRY(value, r.optional_u64(key));
  return value->value_or(0);
}

decoded<bool> optional_flag(const object_reader& r, std::string_view key) {
  if (!r.has(key)) return false;
  return r.boolean(key);
}

decoded<option_line> read_option(const json::value& v, const field_path& at) {
  PLENUM_TRY(r, object_reader::of(v, at));
  PLENUM_TRY(allowed, r->allow_only({"label", "count", "percent"}));
  PLENUM_TRY(label, r->string("label", max_text));
  PLENUM_TRY(count, r->u64("count"));
  PLENUM_TRY(percent, r->optional_string("percent", 16));
  return option_line{std::move(*label), *count, percent->value_or("")};
}

decoded<contest_lines> read_contest(const json::value& v, const field_path& at) {
  PLENUM_TRY(r, object_reader::of(v, at));
  PLENUM_TRY(allowed, r->allow_only({"title", "options", "elected", "flagged"}));
  PLENUM_TRY(title, r->string("title", max_text));
  PLENUM_TRY(items, r->array("options", max_items, 1));
  const field_path options_at = r->path("options");
  PLENUM_TRY(options, protocol::read_each(items->get(), options_at, read_option));
  PLENUM_TRY(elected, optional_flag(*r, "elected"));
  PLENUM_TRY(flagged, optional_flag(*r, "flagged"));
  return contest_lines{std::move(*title), std::move(*options), *elected, *flagged};
}

decoded<signer> read_signer(const json::value& v, const field_path& at) {
  PLENUM_TRY(r, object_reader::of(v, at));
  PLENUM_TRY(allowed, r->allow_only({"role", "name", "key"}));
  PLENUM_TRY(role_text, r->string("role", 16));
  signer_role role = signer_role::server;
  if (*role_text == "server") {
    role = signer_role::server;
  } else if (*role_text == "scrutineer") {
    role = signer_role::scrutineer;
  } else if (*role_text == "chair") {
    role = signer_role::chair;
  } else {
    return protocol::refuse(errc::invalid_field, r->path("role"),
                            "must be server, scrutineer or chair");
  }
  PLENUM_TRY(name, r->string("name", max_text));
  PLENUM_TRY(key, r->public_key("key"));
  return signer{role, std::move(*name), *key};
}

decoded<vote_outcome> read_outcome(const object_reader& parent) {
  if (!parent.has("outcome")) return vote_outcome{};
  PLENUM_TRY(r, parent.object("outcome"));
  PLENUM_TRY(allowed, r->allow_only({"passed", "required", "elected", "runoff", "runoff_seats",
                                     "further_round_seats", "flagged"}));
  vote_outcome out;
  PLENUM_TRY(passed, optional_flag(*r, "passed"));
  PLENUM_TRY(required, optional_count(*r, "required"));
  PLENUM_TRY(elected, read_names(*r, "elected"));
  PLENUM_TRY(runoff, read_names(*r, "runoff"));
  PLENUM_TRY(runoff_seats, r->optional_u64("runoff_seats", 0, 100000));
  PLENUM_TRY(further, r->optional_u64("further_round_seats", 0, 100000));
  PLENUM_TRY(flagged, read_names(*r, "flagged"));
  out.passed = *passed;
  out.required = *required;
  out.elected = std::move(*elected);
  out.runoff = std::move(*runoff);
  out.runoff_seats = static_cast<std::uint32_t>(runoff_seats->value_or(0));
  out.further_round_seats = static_cast<std::uint32_t>(further->value_or(0));
  out.flagged = std::move(*flagged);
  return out;
}

decoded<sheet_header> read_header(const object_reader& r) {
  PLENUM_TRY(congress, r.string("congress", max_text));
  PLENUM_TRY(sitting, r.string("sitting", max_text));
  PLENUM_TRY(date, r.string("date", max_text));
  return sheet_header{std::move(*congress), std::move(*sitting), std::move(*date)};
}

// A vote's own members; the header comes from the caller.
decoded<vote_sheet> read_vote(const object_reader& r, sheet_header header) {
  vote_sheet sheet;
  sheet.header = std::move(header);
  PLENUM_TRY(vote_id, r.string("vote_id", max_text));
  PLENUM_TRY(title, r.string("title", max_text));
  PLENUM_TRY(kind_text, r.string("kind", 16));
  auto kind = protocol::parse_vote_kind(*kind_text);
  if (!kind)
    return protocol::refuse(errc::invalid_field, r.path("kind"),
                            "must be motion, election, appraisal, confidence or satisfaction");
  PLENUM_TRY(seated, r.u64("seated"));
  PLENUM_TRY(present, r.u64("present"));
  PLENUM_TRY(ballots, r.u64("ballots"));
  PLENUM_TRY(seats, r.optional_u64("seats", 0, 100000));
  PLENUM_TRY(rule, r.optional_string("rule", max_text));
  PLENUM_TRY(contest_items, r.array("contests", max_items, 1));
  const field_path contests_at = r.path("contests");
  PLENUM_TRY(contests, protocol::read_each(contest_items->get(), contests_at, read_contest));
  PLENUM_TRY(outcome, read_outcome(r));
  PLENUM_TRY(signer_items, r.array("signers", max_items));
  const field_path signers_at = r.path("signers");
  PLENUM_TRY(signers, protocol::read_each(signer_items->get(), signers_at, read_signer));
  PLENUM_TRY(digest, r.fixed_hex<32>("result_digest"));
  PLENUM_TRY(announced, optional_flag(r, "announced"));

  sheet.vote_id = std::move(*vote_id);
  sheet.title = std::move(*title);
  sheet.kind = *kind;
  sheet.seated = *seated;
  sheet.present = *present;
  sheet.ballots = *ballots;
  sheet.seats = static_cast<std::uint32_t>(seats->value_or(0));
  sheet.rule_words = rule->value_or("");
  sheet.contests = std::move(*contests);
  sheet.outcome = std::move(*outcome);
  sheet.signers = std::move(*signers);
  sheet.announced = *announced;
  sheet.result_digest = crypto::to_hex(*digest);
  if (!check_vote_sheet(sheet))
    return protocol::refuse(errc::invalid_field, r.path(), "is not a complete vote sheet");
  return sheet;
}

#define PLENUM_VOTE_MEMBERS                                                                \
  "vote_id", "title", "kind", "seated", "present", "ballots", "seats", "rule", "contests", \
      "outcome", "signers", "announced", "result_digest"

decoded<json::value> parse_text(std::string_view text) {
  protocol::json_limits limits;
  limits.max_bytes = 4 * 1024 * 1024;
  return protocol::parse_strict_json(text, limits);
}

}  // namespace

decoded<vote_sheet> vote_sheet_from_json(std::string_view text) {
  PLENUM_TRY(parsed, parse_text(text));
  const field_path root;
  PLENUM_TRY(r, object_reader::of(*parsed, root));
  PLENUM_TRY(allowed, r->allow_only({"congress", "sitting", "date", PLENUM_VOTE_MEMBERS}));
  PLENUM_TRY(header, read_header(*r));
  return read_vote(*r, std::move(*header));
}

decoded<sitting_sheet> sitting_sheet_from_json(std::string_view text) {
  PLENUM_TRY(parsed, parse_text(text));
  const field_path root;
  PLENUM_TRY(r, object_reader::of(*parsed, root));
  PLENUM_TRY(allowed, r->allow_only({"congress", "sitting", "date", "attendance", "votes"}));
  sitting_sheet sheet;
  PLENUM_TRY(header, read_header(*r));
  sheet.header = std::move(*header);
  PLENUM_TRY(a, r->object("attendance"));
  PLENUM_TRY(a_allowed, a->allow_only({"roster", "excused", "seated", "present"}));
  PLENUM_TRY(roster, a->u64("roster"));
  PLENUM_TRY(excused, a->u64("excused"));
  PLENUM_TRY(seated, a->u64("seated"));
  PLENUM_TRY(present, a->u64("present"));
  sheet.attendance = {*roster, *excused, *seated, *present};
  PLENUM_TRY(items, r->array("votes", max_items));
  const field_path votes_at = r->path("votes");
  for (std::size_t i = 0; i < items->get().size(); ++i) {
    const field_path at = votes_at.at(i);
    PLENUM_TRY(vote_reader, object_reader::of(items->get()[i], at));
    PLENUM_TRY(vote_allowed, vote_reader->allow_only({PLENUM_VOTE_MEMBERS}));
    PLENUM_TRY(vote, read_vote(*vote_reader, sheet.header));
    sheet.votes.push_back(std::move(*vote));
  }
  return sheet;
}

#undef PLENUM_TRY
#undef PLENUM_VOTE_MEMBERS

}  // namespace plenum::clients::sheet
