// What an annual meeting hands to the next: resolutions adopted with their votes, rectification
// items from appraisal and confidence, their implementation reports over the year, and the
// follow-up reports that open the next annual meeting.
#include "domain/decide_internal.hpp"
#include "domain/follow_up.hpp"
#include "domain/generated_ids.hpp"
#include "domain/term.hpp"
#include "plenum/crypto/hash.hpp"

namespace plenum::server::domain::detail {

namespace {

// The items of a sitting that a passed motion turns into a resolution.
bool ends_in_resolution(item_kind kind) {
  return kind == item_kind::report || kind == item_kind::major_matter ||
         kind == item_kind::proposal;
}

// The responsible person the follow-up reports name: the party committee reports to the
// congress.
constexpr std::string_view follow_up_responsible = "镇党委";

events::material_added follow_up_material(const congress_state& state,
                                          const std::string& sitting_id, const std::string& item_id,
                                          const std::string& material_id,
                                          std::string_view follow_up, std::size_t edition) {
  std::string text = follow_up_material_text(state, follow_up);
  std::string title = follow_up == "resolutions" ? "决议执行情况一览" : "整改情况一览";
  if (edition > 1) title += "（第" + std::to_string(edition) + "版）";
  const std::string digest = crypto::to_hex(crypto::transcript("material").str(text).h32());
  return events::material_added{sitting_id,      item_id, material_id, title,
                                std::move(text), "",      digest};
}

}  // namespace

boost::system::error_code follow_up_of_result(const congress_state& state, const vote& v,
                                              const protocol::outcome& outcome, decision& out) {
  if (v.kind == protocol::vote_kind::motion && outcome.passed) {
    const sitting* s = state.find_sitting(v.sitting_id);
    if (s == nullptr) return errc::internal;
    auto item = s->items.find(v.item_id);
    if (item == s->items.end()) return errc::internal;
    if (!ends_in_resolution(item->second.kind)) return {};
    out.events.push_back(events::resolution_adopted{next_resolution_id(state), v.sitting_id,
                                                    v.item_id, v.id, v.title,
                                                    item->second.responsible});
    return {};
  }
  if (v.kind == protocol::vote_kind::confidence) {
    std::size_t opened = 0;
    for (const auto& contest_id : outcome.flagged) {
      std::size_t i = 0;
      while (i < v.manifest.contests.size() && v.manifest.contests[i].contest_id != contest_id) ++i;
      if (i >= v.candidates.size()) return errc::internal;
      const std::string& member = v.candidates[i];
      out.events.push_back(
          events::rectification_opened{next_rectification_id(state, opened++), "confidence", v.id,
                                       member, "信任投票中“不信任”票超过规定比例", member, ""});
    }
  }
  return {};
}

void follow_up_agenda(const congress_state& state, const std::string& sitting_id, decision& out) {
  if (state.resolutions().empty() && state.rectifications().empty()) return;
  const std::pair<std::string_view, std::string_view> reports[] = {
      {"resolutions", resolutions_report_title}, {"rectification", rectification_report_title}};
  std::uint64_t order = 0;
  for (const auto& [follow_up, title] : reports) {
    const std::string item_id = sitting_id + "-I" + std::to_string(++order);
    events::item_added item{sitting_id, item_id,
                            "report",   std::string(title),
                            order,      std::string(follow_up_responsible),
                            ""};
    item.follow_up = std::string(follow_up);
    out.events.push_back(std::move(item));
    out.events.push_back(
        follow_up_material(state, sitting_id, item_id, item_id + "-M1", follow_up, 1));
  }
}

result<decision> handle(const congress_state& state, const record_rectification& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  if (v->kind != protocol::vote_kind::appraisal) return errc::invalid_vote;
  if (v->state != vote::status::decided) return errc::vote_not_decided;
  bool appraised = false;
  for (const auto& m : v->candidates) appraised = appraised || m == c.member;
  if (!appraised || !valid_text(c.problem, 4096) || !valid_text(c.responsible, 256))
    return errc::invalid_field;
  const std::string id =
      c.rectification_id.empty() ? next_rectification_id(state) : c.rectification_id;
  if (!valid_id(id)) return errc::invalid_field;
  if (state.rectifications().contains(id)) return errc::rectification_exists;
  auto d = single(events::rectification_opened{id, "appraisal", c.vote_id, c.member, c.problem,
                                               c.responsible, ctx.who.person_id});
  d.created_id_field = "rectification_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state& state, const report_implementation& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  if (c.subject == "resolution") {
    if (!state.resolutions().contains(c.subject_id)) return errc::unknown_resolution;
  } else if (c.subject == "rectification") {
    if (!state.rectifications().contains(c.subject_id)) return errc::unknown_rectification;
  } else {
    return errc::invalid_field;
  }
  if (!is_report_status(c.status) || !valid_text(c.text, 16'384) || !parse_iso_date(c.date))
    return errc::invalid_field;
  const bool blocked = c.status == "blocked";
  if (blocked && c.reason.empty()) return errc::reason_required;
  if (!blocked && !c.reason.empty()) return errc::invalid_field;
  if (blocked && !valid_text(c.reason, 4096)) return errc::invalid_field;
  const std::string id = c.report_id.empty() ? next_report_id(state) : c.report_id;
  if (!valid_id(id)) return errc::invalid_field;
  if (state.has_report(id)) return errc::report_exists;
  auto d = single(events::implementation_reported{id, c.subject, c.subject_id, c.status, c.text,
                                                  c.date, c.reason, ctx.who.person_id});
  d.created_id_field = "report_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state& state, const refresh_follow_up& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  if ((*s)->state != sitting::status::scheduled) return errc::sitting_already_open;
  decision d;
  for (const auto& [id, item] : (*s)->items) {
    if (item.follow_up.empty()) continue;
    d.events.push_back(follow_up_material(state, c.sitting_id, id, next_material_id(item),
                                          item.follow_up, item.materials.size() + 1));
  }
  if (d.events.empty()) return errc::no_follow_up;
  return d;
}

}  // namespace plenum::server::domain::detail
