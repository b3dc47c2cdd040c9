#include "domain/follow_up.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <utility>

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> statuses = {{
    {"not_started", "未启动"},
    {"in_progress", "推进中"},
    {"completed", "已完成"},
    {"blocked", "受阻"},
}};

template <typename Taken>
std::string first_free(std::string_view prefix, std::size_t skip, Taken taken) {
  for (std::size_t n = 1;; ++n) {
    std::string id = std::string(prefix) + std::to_string(n);
    if (taken(id)) continue;
    if (skip == 0) return id;
    --skip;
  }
}

// "最新进展：推进中（2027-01-15）……" for the latest report, or that none was made.
void append_progress(std::string& out, const std::vector<implementation_report>& reports) {
  const implementation_report* last = latest_report(reports);
  if (last == nullptr) {
    out += "   最新进展：未报告\n";
    return;
  }
  out += "   最新进展：" + std::string(status_label(last->status)) + "（" + last->date + "）" +
         last->text + "\n";
  if (last->status == "blocked") out += "   受阻原因：" + last->reason + "\n";
  out += "   报告次数：" + std::to_string(reports.size()) + "\n";
}

std::string sitting_label(const congress_state& state, const std::string& sitting_id) {
  const sitting* s = state.find_sitting(sitting_id);
  return s == nullptr ? sitting_id : s->title + "（" + s->date + "）";
}

std::string resolutions_text(const congress_state& state) {
  std::string out = std::string(resolutions_report_title) + "\n";
  if (state.resolutions().empty()) return out + "本届尚无会议决议。\n";
  out += "共 " + std::to_string(state.resolutions().size()) + " 项决议。\n";
  std::size_t n = 0;
  for (const auto& [id, r] : state.resolutions()) {
    out += "\n" + std::to_string(++n) + ". " + r.title + "（" + id + "）\n";
    out += "   会议：" + sitting_label(state, r.sitting_id) + "\n";
    out += "   责任人：" + r.responsible + "\n";
    append_progress(out, r.reports);
  }
  return out;
}

std::string origin_label(const congress_state& state, const rectification& r) {
  const vote* v = state.find_vote(r.vote_id);
  const std::string vote_title = v == nullptr ? r.vote_id : v->title;
  return (r.origin == "confidence" ? "信任投票：" : "民主评议：") + vote_title;
}

std::string rectification_text(const congress_state& state) {
  std::string out = std::string(rectification_report_title) + "\n";
  if (state.rectifications().empty()) return out + "本届尚无整改事项。\n";
  out += "共 " + std::to_string(state.rectifications().size()) + " 项整改事项。\n";
  std::size_t n = 0;
  for (const auto& [id, r] : state.rectifications()) {
    out += "\n" + std::to_string(++n) + ". " + r.member + "：" + r.problem + "（" + id + "）\n";
    out += "   来源：" + origin_label(state, r) + "\n";
    out += "   责任人：" + r.responsible + "\n";
    append_progress(out, r.reports);
  }
  return out;
}

json::array reports_json(const std::vector<implementation_report>& reports) {
  json::array out;
  for (const auto& r : reports)
    out.push_back(json::object{{"id", r.id},
                               {"status", r.status},
                               {"text", r.text},
                               {"date", r.date},
                               {"reason", r.reason},
                               {"by", r.by},
                               {"seq", r.seq}});
  return out;
}

void add_status(json::object& o, const std::vector<implementation_report>& reports) {
  const implementation_report* last = latest_report(reports);
  o.emplace("status", last == nullptr ? std::string("not_reported") : last->status);
  o.emplace("status_date", last == nullptr ? std::string() : last->date);
  o.emplace("reports", reports_json(reports));
}

}  // namespace

bool is_report_status(std::string_view status) noexcept {
  for (const auto& [name, label] : statuses)
    if (name == status) return true;
  return false;
}

std::string_view status_label(std::string_view status) noexcept {
  for (const auto& [name, label] : statuses)
    if (name == status) return label;
  return "未报告";
}

const implementation_report* latest_report(
    const std::vector<implementation_report>& reports) noexcept {
  return reports.empty() ? nullptr : &reports.back();
}

std::string next_resolution_id(const congress_state& state, std::size_t skip) {
  return first_free("R", skip,
                    [&](const std::string& id) { return state.resolutions().contains(id); });
}

std::string next_rectification_id(const congress_state& state, std::size_t skip) {
  return first_free("RC", skip,
                    [&](const std::string& id) { return state.rectifications().contains(id); });
}

std::string next_report_id(const congress_state& state) {
  return first_free("IR", 0, [&](const std::string& id) { return state.has_report(id); });
}

std::string follow_up_material_text(const congress_state& state, std::string_view follow_up) {
  return follow_up == "resolutions" ? resolutions_text(state) : rectification_text(state);
}

json::object follow_up_view(const congress_state& state) {
  json::array resolutions;
  for (const auto& [id, r] : state.resolutions()) {
    json::object o{{"id", r.id},           {"sitting_id", r.sitting_id},
                   {"item_id", r.item_id}, {"vote_id", r.vote_id},
                   {"title", r.title},     {"responsible", r.responsible}};
    add_status(o, r.reports);
    resolutions.push_back(std::move(o));
  }
  json::array rectifications;
  for (const auto& [id, r] : state.rectifications()) {
    json::object o{{"id", r.id},         {"origin", r.origin},   {"vote_id", r.vote_id},
                   {"member", r.member}, {"problem", r.problem}, {"responsible", r.responsible},
                   {"by", r.by}};
    add_status(o, r.reports);
    rectifications.push_back(std::move(o));
  }
  json::array changes;
  for (const auto& c : state.roster_changes())
    changes.push_back(json::object{{"kind", c.kind},
                                   {"person", c.person},
                                   {"replaces", c.replaces},
                                   {"reason", c.reason},
                                   {"date", c.date},
                                   {"by", c.by},
                                   {"seq", c.seq}});
  json::array sittings;
  for (const auto& [id, s] : state.sittings())
    sittings.push_back(
        json::object{{"id", s.id},
                     {"title", s.title},
                     {"date", s.date},
                     {"kind", s.kind == sitting::meeting::annual ? "annual" : "extraordinary"},
                     {"year", s.year}});
  return json::object{{"resolutions", std::move(resolutions)},
                      {"rectifications", std::move(rectifications)},
                      {"roster_changes", std::move(changes)},
                      {"sittings", std::move(sittings)}};
}

}  // namespace plenum::server::domain
