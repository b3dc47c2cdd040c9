#include "plenum/protocol/rules.hpp"

#include <cstdio>

#include <algorithm>
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace plenum::protocol {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 5> kind_names = {"motion", "election", "appraisal",
                                                        "confidence", "satisfaction"};
// The options of a satisfaction appraisal whose marks count as favourable.
constexpr std::array<std::string_view, 2> favourable_options = {"satisfied", "basically_satisfied"};
// Counts and bases above this bound would let `count × den` overflow 64 bits' exactness margin.
constexpr std::uint64_t max_count = std::uint64_t{1} << 32;

std::string_view denominator_name(denominator d) {
  switch (d) {
    case denominator::seated:
      return "seated";
    case denominator::present:
      return "present";
    case denominator::ballots:
      return "ballots";
  }
  return "seated";
}

std::optional<denominator> parse_denominator(std::string_view text) {
  if (text == "seated") return denominator::seated;
  if (text == "present") return denominator::present;
  if (text == "ballots") return denominator::ballots;
  return std::nullopt;
}

json::object threshold_json(const threshold& t) {
  json::object o;
  o["cmp"] = t.cmp == threshold::comparison::greater ? "gt" : "ge";
  o["num"] = t.num;
  o["den"] = t.den;
  o["of"] = denominator_name(t.of);
  return o;
}

bool valid(const threshold& t) {
  return t.den >= 1 && t.den <= threshold::max_term && t.num <= threshold::max_term;
}

const json::value* member(const json::object& o, std::string_view key) {
  return o.if_contains(key);
}

std::optional<std::uint32_t> small_uint(const json::value* v) {
  if (v == nullptr) return std::nullopt;
  if (v->is_uint64() && v->as_uint64() <= threshold::max_term * 1000u)
    return static_cast<std::uint32_t>(v->as_uint64());
  if (v->is_int64() && v->as_int64() >= 0 && v->as_int64() <= threshold::max_term * 1000)
    return static_cast<std::uint32_t>(v->as_int64());
  return std::nullopt;
}

std::optional<std::string_view> string_of(const json::value* v) {
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string_view(v->as_string());
}

std::optional<threshold> threshold_from_json(const json::value* v) {
  if (v == nullptr || !v->is_object()) return std::nullopt;
  const auto& o = v->as_object();
  auto cmp = string_of(member(o, "cmp"));
  auto num = small_uint(member(o, "num"));
  auto den = small_uint(member(o, "den"));
  auto of = string_of(member(o, "of"));
  if (!cmp || !num || !den || !of) return std::nullopt;
  threshold t;
  if (*cmp == "gt") {
    t.cmp = threshold::comparison::greater;
  } else if (*cmp == "ge") {
    t.cmp = threshold::comparison::at_least;
  } else {
    return std::nullopt;
  }
  auto d = parse_denominator(*of);
  if (!d) return std::nullopt;
  t.num = *num;
  t.den = *den;
  t.of = *d;
  if (!valid(t)) return std::nullopt;
  return t;
}

std::uint64_t base_of(denominator d, const tally_input& tally) {
  switch (d) {
    case denominator::seated:
      return tally.seated;
    case denominator::present:
      return tally.present;
    case denominator::ballots:
      return tally.ballots;
  }
  return tally.seated;
}

const option_count* find_option(const contest_count& c, std::string_view id) {
  for (const auto& o : c.options)
    if (o.option_id == id) return &o;
  return nullptr;
}

// Each option is 0 or 1 per ballot, so no option's count exceeds the ballots.
bool contest_fits(const contest_count& c, std::uint64_t ballots) {
  return std::all_of(c.options.begin(), c.options.end(),
                     [&](const option_count& o) { return o.count <= ballots; });
}

json::object head(const decision_rule& rule, const tally_input& tally) {
  json::object o;
  o["kind"] = to_string(rule.kind);
  o["ballots"] = tally.ballots;
  o["seated"] = tally.seated;
  o["present"] = tally.present;
  return o;
}

json::array levels_json(const contest_count& c, std::uint64_t ballots) {
  json::array levels;
  for (const auto& o : c.options) {
    json::object l;
    l["id"] = o.option_id;
    l["label"] = o.label;
    l["count"] = o.count;
    l["percent"] = percent_text(o.count, ballots);
    levels.push_back(std::move(l));
  }
  return levels;
}

std::uint64_t marks_of(const contest_count& c) {
  std::uint64_t sum = 0;
  for (const auto& o : c.options) sum += o.count;
  return sum;
}

json::array ids_json(const std::vector<std::string>& ids) {
  json::array a;
  for (const auto& id : ids) a.emplace_back(id);
  return a;
}

result<outcome> motion_outcome(const decision_rule& rule, const tally_input& tally) {
  if (tally.contests.size() != 1) return errc::invalid_tally;
  const auto& c = tally.contests.front();
  const option_count* for_option = find_option(c, "for");
  if (for_option == nullptr) return errc::invalid_tally;
  // Exactly one mark per ballot.
  if (marks_of(c) != tally.ballots) return errc::invalid_tally;
  const std::uint64_t base = base_of(rule.line.of, tally);
  outcome out;
  out.kind = rule.kind;
  out.passed = rule.line.met(for_option->count, base);
  json::object o = head(rule, tally);
  o["required"] = rule.line.minimum(base);
  json::array options;
  for (const auto& opt : c.options) {
    json::object e;
    e["id"] = opt.option_id;
    e["label"] = opt.label;
    e["count"] = opt.count;
    e["percent"] = percent_text(opt.count, tally.ballots);
    options.push_back(std::move(e));
  }
  o["options"] = std::move(options);
  o["passed"] = out.passed;
  out.text = json::serialize(o);
  return out;
}

result<outcome> election_outcome(const decision_rule& rule, const tally_input& tally) {
  const std::size_t n = tally.contests.size();
  if (n == 0 || rule.seats == 0 || rule.seats > n) return errc::invalid_tally;
  std::vector<std::uint64_t> approvals(n);
  std::vector<std::uint64_t> disapprovals(n);
  std::uint64_t total_approvals = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& c = tally.contests[i];
    const option_count* yes = find_option(c, "approve");
    const option_count* no = find_option(c, "disapprove");
    if (yes == nullptr || no == nullptr || c.options.size() != 2) return errc::invalid_tally;
    if (yes->count + no->count > tally.ballots) return errc::invalid_tally;
    approvals[i] = yes->count;
    disapprovals[i] = no->count;
    total_approvals += yes->count;
  }
  // No ballot approves more candidates than there are seats.
  if (total_approvals > tally.ballots * rule.seats) return errc::invalid_tally;

  const std::uint64_t base = base_of(rule.line.of, tally);
  std::vector<std::size_t> qualified;
  for (std::size_t i = 0; i < n; ++i)
    if (rule.line.met(approvals[i], base)) qualified.push_back(i);
  std::stable_sort(qualified.begin(), qualified.end(),
                   [&](std::size_t a, std::size_t b) { return approvals[a] > approvals[b]; });

  outcome out;
  out.kind = rule.kind;
  std::vector<bool> elected(n, false);
  if (qualified.size() <= rule.seats) {
    for (auto i : qualified) elected[i] = true;
    out.further_round_seats = static_cast<std::uint32_t>(rule.seats - qualified.size());
  } else {
    // More qualify than seats: the approvals at the last seat decide; a tie across it goes to
    // a run-off among the tied for the seats they compete for.
    const std::uint64_t last = approvals[qualified[rule.seats - 1]];
    const std::uint64_t next = approvals[qualified[rule.seats]];
    std::uint32_t above = 0;
    for (auto i : qualified) {
      if (approvals[i] > last || (approvals[i] == last && last != next)) {
        elected[i] = true;
        ++above;
      }
    }
    if (last == next) {
      for (auto i : qualified)
        if (approvals[i] == last) out.runoff.push_back(tally.contests[i].contest_id);
      out.runoff_seats = rule.seats - above;
    }
  }
  for (auto i : qualified)
    if (elected[i]) out.elected.push_back(tally.contests[i].contest_id);

  json::object o = head(rule, tally);
  o["seats"] = rule.seats;
  o["required"] = rule.line.minimum(base);
  json::array candidates;
  for (std::size_t i = 0; i < n; ++i) {
    json::object e;
    e["id"] = tally.contests[i].contest_id;
    e["name"] = tally.contests[i].title;
    e["approve"] = approvals[i];
    e["disapprove"] = disapprovals[i];
    e["abstain"] = tally.ballots - approvals[i] - disapprovals[i];
    e["percent"] = percent_text(approvals[i], tally.ballots);
    e["elected"] = static_cast<bool>(elected[i]);
    candidates.push_back(std::move(e));
  }
  o["candidates"] = std::move(candidates);
  o["elected"] = ids_json(out.elected);
  o["runoff"] = ids_json(out.runoff);
  o["runoff_seats"] = out.runoff_seats;
  o["further_round_seats"] = out.further_round_seats;
  out.text = json::serialize(o);
  return out;
}

result<outcome> members_outcome(const decision_rule& rule, const tally_input& tally) {
  if (tally.contests.empty()) return errc::invalid_tally;
  const bool confidence = rule.kind == vote_kind::confidence;
  const std::uint64_t base = base_of(rule.line.of, tally);
  outcome out;
  out.kind = rule.kind;
  json::object o = head(rule, tally);
  if (confidence) o["required"] = rule.line.minimum(base);
  json::array members;
  for (const auto& c : tally.contests) {
    // One mark or none per member.
    if (c.options.empty() || marks_of(c) > tally.ballots) return errc::invalid_tally;
    json::object m;
    m["id"] = c.contest_id;
    m["name"] = c.title;
    m["levels"] = levels_json(c, tally.ballots);
    m["none"] = tally.ballots - marks_of(c);
    if (confidence) {
      const option_count* flag = find_option(c, rule.flag_option);
      if (flag == nullptr) return errc::invalid_tally;
      const bool flagged = rule.line.met(flag->count, base);
      m["flagged"] = flagged;
      if (flagged) out.flagged.push_back(c.contest_id);
    }
    members.push_back(std::move(m));
  }
  o["members"] = std::move(members);
  if (confidence) o["flagged"] = ids_json(out.flagged);
  out.text = json::serialize(o);
  return out;
}

result<outcome> satisfaction_outcome(const decision_rule& rule, const tally_input& tally) {
  if (tally.contests.empty()) return errc::invalid_tally;
  const std::uint64_t base = base_of(rule.line.of, tally);
  outcome out;
  out.kind = rule.kind;
  json::object o = head(rule, tally);
  o["required"] = rule.line.minimum(base);
  json::array items;
  for (const auto& c : tally.contests) {
    // One mark or none per item, on the three levels.
    if (c.options.size() != 3 || find_option(c, "unsatisfied") == nullptr ||
        marks_of(c) > tally.ballots)
      return errc::invalid_tally;
    std::uint64_t favourable = 0;
    for (auto id : favourable_options) {
      const option_count* level = find_option(c, id);
      if (level == nullptr) return errc::invalid_tally;
      favourable += level->count;
    }
    const bool satisfactory = rule.line.met(favourable, base);
    json::object item;
    item["id"] = c.contest_id;
    item["name"] = c.title;
    item["levels"] = levels_json(c, tally.ballots);
    item["none"] = tally.ballots - marks_of(c);
    item["favourable"] = favourable;
    item["percent"] = percent_text(favourable, tally.ballots);
    item["satisfactory"] = satisfactory;
    if (!satisfactory) out.flagged.push_back(c.contest_id);
    items.push_back(std::move(item));
  }
  o["items"] = std::move(items);
  o["flagged"] = ids_json(out.flagged);
  out.text = json::serialize(o);
  return out;
}

}  // namespace

std::string_view to_string(vote_kind kind) noexcept {
  return kind_names[static_cast<std::size_t>(kind)];
}

std::optional<vote_kind> parse_vote_kind(std::string_view text) noexcept {
  for (std::size_t i = 0; i < kind_names.size(); ++i)
    if (kind_names[i] == text) return static_cast<vote_kind>(i);
  return std::nullopt;
}

bool threshold::met(std::uint64_t count, std::uint64_t base) const noexcept {
  const std::uint64_t lhs = count * den;
  const std::uint64_t rhs = base * num;
  return cmp == comparison::greater ? lhs > rhs : lhs >= rhs;
}

std::uint64_t threshold::minimum(std::uint64_t base) const noexcept {
  const std::uint64_t product = base * num;
  if (cmp == comparison::greater) return product / den + 1;
  return (product + den - 1) / den;
}

decision_rule decision_rule::motion_majority_of_seated() {
  decision_rule r;
  r.kind = vote_kind::motion;
  r.line = {threshold::comparison::greater, 1, 2, denominator::seated};
  return r;
}

decision_rule decision_rule::motion_majority_of_present() {
  decision_rule r = motion_majority_of_seated();
  r.line.of = denominator::present;
  return r;
}

decision_rule decision_rule::motion_two_thirds_of_seated() {
  decision_rule r;
  r.kind = vote_kind::motion;
  r.line = {threshold::comparison::at_least, 2, 3, denominator::seated};
  return r;
}

decision_rule decision_rule::election(std::uint32_t seats) {
  decision_rule r;
  r.kind = vote_kind::election;
  r.line = {threshold::comparison::greater, 1, 2, denominator::seated};
  r.seats = seats;
  return r;
}

decision_rule decision_rule::appraisal() {
  decision_rule r;
  r.kind = vote_kind::appraisal;
  return r;
}

decision_rule decision_rule::confidence(std::uint32_t num, std::uint32_t den) {
  decision_rule r;
  r.kind = vote_kind::confidence;
  r.line = {threshold::comparison::greater, num, den, denominator::ballots};
  r.flag_option = "distrust";
  return r;
}

decision_rule decision_rule::satisfaction(std::uint32_t num, std::uint32_t den) {
  decision_rule r;
  r.kind = vote_kind::satisfaction;
  r.line = {threshold::comparison::greater, num, den, denominator::ballots};
  return r;
}

decision_rule decision_rule::default_for(vote_kind kind, std::uint32_t seats) {
  switch (kind) {
    case vote_kind::motion:
      return motion_majority_of_seated();
    case vote_kind::election:
      return election(seats);
    case vote_kind::appraisal:
      return appraisal();
    case vote_kind::confidence:
      return confidence();
    case vote_kind::satisfaction:
      return satisfaction();
  }
  return motion_majority_of_seated();
}

json::object rule_json(const decision_rule& rule) {
  json::object o;
  o["kind"] = to_string(rule.kind);
  switch (rule.kind) {
    case vote_kind::motion:
      o["pass"] = threshold_json(rule.line);
      break;
    case vote_kind::election:
      o["seats"] = rule.seats;
      o["elect"] = threshold_json(rule.line);
      break;
    case vote_kind::appraisal:
      break;
    case vote_kind::confidence: {
      json::object flag;
      flag["option"] = rule.flag_option;
      for (auto& [key, value] : threshold_json(rule.line)) flag[key] = value;
      o["flag"] = std::move(flag);
      break;
    }
    case vote_kind::satisfaction:
      o["satisfactory"] = threshold_json(rule.line);
      break;
  }
  o["percent_of"] = "ballots";
  return o;
}

std::string rule_text(const decision_rule& rule) { return json::serialize(rule_json(rule)); }

result<decision_rule> rule_from_json(const json::object& o) {
  auto kind_text = string_of(member(o, "kind"));
  if (!kind_text) return errc::invalid_rule;
  auto kind = parse_vote_kind(*kind_text);
  if (!kind) return errc::invalid_rule;
  if (string_of(member(o, "percent_of")) != std::optional<std::string_view>("ballots"))
    return errc::invalid_rule;
  decision_rule r;
  r.kind = *kind;
  std::size_t expected_keys = 2;
  switch (*kind) {
    case vote_kind::motion: {
      auto t = threshold_from_json(member(o, "pass"));
      if (!t || t->of == denominator::ballots) return errc::invalid_rule;
      r.line = *t;
      expected_keys = 3;
      break;
    }
    case vote_kind::election: {
      auto t = threshold_from_json(member(o, "elect"));
      auto seats = small_uint(member(o, "seats"));
      if (!t || !seats || *seats == 0 || t->of == denominator::ballots) return errc::invalid_rule;
      r.line = *t;
      r.seats = *seats;
      expected_keys = 4;
      break;
    }
    case vote_kind::appraisal:
      break;
    case vote_kind::confidence: {
      const json::value* flag = member(o, "flag");
      auto t = threshold_from_json(flag);
      if (!t) return errc::invalid_rule;
      auto option = string_of(member(flag->as_object(), "option"));
      if (!option || option->empty() || flag->as_object().size() != 5) return errc::invalid_rule;
      r.line = *t;
      r.flag_option = std::string(*option);
      expected_keys = 3;
      break;
    }
    case vote_kind::satisfaction: {
      auto t = threshold_from_json(member(o, "satisfactory"));
      if (!t || t->of != denominator::ballots) return errc::invalid_rule;
      r.line = *t;
      expected_keys = 3;
      break;
    }
  }
  if (o.size() != expected_keys) return errc::invalid_rule;
  return r;
}

result<decision_rule> parse_rule(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return errc::invalid_rule;
  auto r = rule_from_json(v.as_object());
  if (!r) return r;
  if (rule_text(*r) != text) return errc::invalid_rule;
  return r;
}

result<tally_input> make_tally_input(const crypto::manifest& m,
                                     const std::vector<std::uint64_t>& counts,
                                     std::uint64_t ballots, std::uint64_t seated,
                                     std::uint64_t present) {
  tally_input tally;
  tally.ballots = ballots;
  tally.seated = seated;
  tally.present = present;
  std::size_t position = 0;
  for (const auto& contest : m.contests) {
    contest_count cc{contest.contest_id, contest.title, {}};
    for (const auto& option : contest.options) {
      if (position >= counts.size()) return errc::invalid_tally;
      cc.options.push_back({option.option_id, option.label, counts[position++]});
    }
    tally.contests.push_back(std::move(cc));
  }
  if (position != counts.size()) return errc::invalid_tally;
  return tally;
}

std::string percent_text(std::uint64_t count, std::uint64_t total) {
  std::uint64_t hundredths = 0;
  if (total != 0) hundredths = (count * 20000 + total) / (2 * total);
  char text[32];
  std::snprintf(text, sizeof text, "%llu.%02llu", static_cast<unsigned long long>(hundredths / 100),
                static_cast<unsigned long long>(hundredths % 100));
  return text;
}

result<outcome> decide_outcome(const decision_rule& rule, const tally_input& tally) {
  if (tally.ballots > max_count || tally.seated > max_count || tally.present > max_count)
    return errc::invalid_tally;
  if (!valid(rule.line)) return errc::invalid_rule;
  for (const auto& c : tally.contests)
    if (!contest_fits(c, tally.ballots)) return errc::invalid_tally;
  switch (rule.kind) {
    case vote_kind::motion:
      return motion_outcome(rule, tally);
    case vote_kind::election:
      return election_outcome(rule, tally);
    case vote_kind::appraisal:
    case vote_kind::confidence:
      return members_outcome(rule, tally);
    case vote_kind::satisfaction:
      return satisfaction_outcome(rule, tally);
  }
  return errc::invalid_rule;
}

}  // namespace plenum::protocol
