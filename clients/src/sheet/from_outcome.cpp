#include "plenum/clients/sheet/from_outcome.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <optional>

#include "plenum/clients/sheet/rule_words.hpp"

namespace plenum::clients::sheet {

namespace json = boost::json;

namespace {

// Readers of the outcome's canonical text, which decide_outcome wrote: any surprise means the
// outcome does not belong to this manifest and rule.
std::optional<std::uint64_t> u64_of(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_uint64()) return v->as_uint64();
  if (v->is_int64() && v->as_int64() >= 0) return static_cast<std::uint64_t>(v->as_int64());
  return std::nullopt;
}

std::optional<std::string> string_of(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

std::optional<bool> bool_of(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_bool()) return std::nullopt;
  return v->as_bool();
}

const json::array* array_of(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_array()) return nullptr;
  return &v->as_array();
}

// A list of contest ids as the names of those contests.
std::optional<std::vector<std::string>> names_of(const json::object& o, std::string_view key,
                                                 const std::map<std::string, std::string>& names) {
  const json::array* ids = array_of(o, key);
  if (ids == nullptr) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& id : *ids) {
    if (!id.is_string()) return std::nullopt;
    auto found = names.find(std::string(id.as_string()));
    if (found == names.end()) return std::nullopt;
    out.push_back(found->second);
  }
  return out;
}

// {"id","label","count","percent"} entries.
std::optional<std::vector<option_line>> levels_of(const json::array& levels) {
  std::vector<option_line> out;
  for (const auto& level : levels) {
    if (!level.is_object()) return std::nullopt;
    const auto& l = level.as_object();
    auto label = string_of(l, "label");
    auto count = u64_of(l, "count");
    auto percent = string_of(l, "percent");
    if (!label || !count || !percent) return std::nullopt;
    out.push_back({*label, *count, *percent});
  }
  return out;
}

bool fill_motion(vote_sheet& sheet, const json::object& o, const crypto::manifest& manifest) {
  const json::array* options = array_of(o, "options");
  auto passed = bool_of(o, "passed");
  auto required = u64_of(o, "required");
  if (options == nullptr || !passed || !required || manifest.contests.size() != 1) return false;
  auto lines = levels_of(*options);
  if (!lines || lines->empty()) return false;
  sheet.contests.push_back({manifest.contests.front().title, std::move(*lines), false, false});
  sheet.outcome.passed = *passed;
  sheet.outcome.required = *required;
  return true;
}

bool fill_election(vote_sheet& sheet, const json::object& o, const crypto::manifest& manifest) {
  const json::array* candidates = array_of(o, "candidates");
  auto required = u64_of(o, "required");
  auto seats = u64_of(o, "seats");
  auto runoff_seats = u64_of(o, "runoff_seats");
  auto further = u64_of(o, "further_round_seats");
  if (candidates == nullptr || !required || !seats || !runoff_seats || !further) return false;
  if (candidates->size() != manifest.contests.size()) return false;
  std::map<std::string, std::string> names;
  for (const auto& entry : *candidates) {
    if (!entry.is_object()) return false;
    const auto& c = entry.as_object();
    auto id = string_of(c, "id");
    auto name = string_of(c, "name");
    auto approve = u64_of(c, "approve");
    auto disapprove = u64_of(c, "disapprove");
    auto abstain = u64_of(c, "abstain");
    auto percent = string_of(c, "percent");
    auto elected = bool_of(c, "elected");
    if (!id || !name || !approve || !disapprove || !abstain || !percent || !elected) return false;
    names[*id] = *name;
    contest_lines lines{*name, {}, *elected, false};
    lines.options.push_back({"赞成", *approve, *percent});
    lines.options.push_back(
        {"不赞成", *disapprove, protocol::percent_text(*disapprove, sheet.ballots)});
    lines.options.push_back({"弃权", *abstain, protocol::percent_text(*abstain, sheet.ballots)});
    sheet.contests.push_back(std::move(lines));
  }
  auto elected = names_of(o, "elected", names);
  auto runoff = names_of(o, "runoff", names);
  if (!elected || !runoff) return false;
  sheet.seats = static_cast<std::uint32_t>(*seats);
  sheet.outcome.required = *required;
  sheet.outcome.elected = std::move(*elected);
  sheet.outcome.runoff = std::move(*runoff);
  sheet.outcome.runoff_seats = static_cast<std::uint32_t>(*runoff_seats);
  sheet.outcome.further_round_seats = static_cast<std::uint32_t>(*further);
  return true;
}

bool fill_members(vote_sheet& sheet, const json::object& o, const crypto::manifest& manifest) {
  const bool confidence = sheet.kind == protocol::vote_kind::confidence;
  const json::array* members = array_of(o, "members");
  if (members == nullptr || members->size() != manifest.contests.size()) return false;
  std::map<std::string, std::string> names;
  for (const auto& entry : *members) {
    if (!entry.is_object()) return false;
    const auto& m = entry.as_object();
    auto id = string_of(m, "id");
    auto name = string_of(m, "name");
    const json::array* levels = array_of(m, "levels");
    auto none = u64_of(m, "none");
    auto flagged = confidence ? bool_of(m, "flagged") : std::optional<bool>(false);
    if (!id || !name || levels == nullptr || !none || !flagged) return false;
    auto lines = levels_of(*levels);
    if (!lines) return false;
    names[*id] = *name;
    lines->push_back({"未标记", *none, protocol::percent_text(*none, sheet.ballots)});
    sheet.contests.push_back({*name, std::move(*lines), false, *flagged});
  }
  if (confidence) {
    auto required = u64_of(o, "required");
    auto flagged = names_of(o, "flagged", names);
    if (!required || !flagged) return false;
    sheet.outcome.required = *required;
    sheet.outcome.flagged = std::move(*flagged);
  }
  return true;
}

bool fill_items(vote_sheet& sheet, const json::object& o, const crypto::manifest& manifest) {
  const json::array* items = array_of(o, "items");
  auto required = u64_of(o, "required");
  if (items == nullptr || !required || items->size() != manifest.contests.size()) return false;
  std::map<std::string, std::string> names;
  for (const auto& entry : *items) {
    if (!entry.is_object()) return false;
    const auto& item = entry.as_object();
    auto id = string_of(item, "id");
    auto name = string_of(item, "name");
    const json::array* levels = array_of(item, "levels");
    auto none = u64_of(item, "none");
    auto satisfactory = bool_of(item, "satisfactory");
    if (!id || !name || levels == nullptr || !none || !satisfactory) return false;
    auto lines = levels_of(*levels);
    if (!lines) return false;
    names[*id] = *name;
    lines->push_back({"未标记", *none, protocol::percent_text(*none, sheet.ballots)});
    sheet.contests.push_back({*name, std::move(*lines), false, !*satisfactory});
  }
  auto flagged = names_of(o, "flagged", names);
  if (!flagged) return false;
  sheet.outcome.required = *required;
  sheet.outcome.flagged = std::move(*flagged);
  return true;
}

}  // namespace

result<vote_sheet> make_vote_sheet(const sheet_header& header, const crypto::manifest& manifest,
                                   const protocol::decision_rule& rule,
                                   const protocol::outcome& outcome, std::vector<signer> signers,
                                   const crypto::digest32& result_digest) {
  if (rule.kind != outcome.kind || crypto::to_string(manifest.kind) != to_string(rule.kind))
    return errc::invalid_tally;
  boost::system::error_code ec;
  json::value parsed = json::parse(outcome.text, ec);
  if (ec || !parsed.is_object()) return errc::invalid_tally;
  const auto& o = parsed.as_object();
  auto ballots = u64_of(o, "ballots");
  auto seated = u64_of(o, "seated");
  auto present = u64_of(o, "present");
  if (!ballots || !seated || !present || string_of(o, "kind") != to_string(rule.kind))
    return errc::invalid_tally;

  vote_sheet sheet;
  sheet.header = header;
  sheet.vote_id = manifest.vote_id;
  sheet.title = manifest.title;
  sheet.kind = rule.kind;
  sheet.seated = *seated;
  sheet.present = *present;
  sheet.ballots = *ballots;
  sheet.rule_words = rule_words(rule);
  sheet.signers = std::move(signers);
  sheet.result_digest = crypto::to_hex(result_digest);

  bool filled = false;
  switch (rule.kind) {
    case protocol::vote_kind::motion:
      filled = fill_motion(sheet, o, manifest);
      break;
    case protocol::vote_kind::election:
      filled = fill_election(sheet, o, manifest);
      break;
    case protocol::vote_kind::appraisal:
    case protocol::vote_kind::confidence:
      filled = fill_members(sheet, o, manifest);
      break;
    case protocol::vote_kind::satisfaction:
      filled = fill_items(sheet, o, manifest);
      break;
  }
  if (!filled) return errc::invalid_tally;
  return sheet;
}

}  // namespace plenum::clients::sheet
