#include "plenum/clients/sheet/report_sheets.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "blocks.hpp"
#include "page_canvas.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/protocol/canonical_json.hpp"

namespace plenum::clients::sheet {

namespace json = boost::json;
using detail::page_canvas;
using detail::text_style;

namespace {

// A member the document needs is missing or of the wrong type.
struct missing : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json::object& obj(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_object()) throw missing(std::string(key));
  return v->as_object();
}
const json::array& arr(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_array()) throw missing(std::string(key));
  return v->as_array();
}
std::string str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) throw missing(std::string(key));
  return std::string(v->as_string());
}
std::string num(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) throw missing(std::string(key));
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_uint64()) return std::to_string(v->as_uint64());
  throw missing(std::string(key));
}

// The members of a format 2 report that a format 1 report lacks.
bool has(const json::object& o, std::string_view key) { return o.if_contains(key) != nullptr; }

// The numbered headings of a document: 一、二、…
struct section_numbers {
  int next = 0;
  std::string operator()(std::string_view title) {
    static const char* numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    return std::string(numerals[std::min(next++, 9)]) + "、" + std::string(title);
  }
};

std::string activity_kind_words(const std::string& kind) {
  if (kind == "group_activity") return "小组活动";
  if (kind == "research") return "调研";
  if (kind == "inspection") return "视察";
  if (kind == "study") return "学习培训";
  if (kind == "committee_attendance") return "列席会议";
  return kind;
}

const text_style title_style{detail::serif_family, 18, true, {}, PANGO_ALIGN_CENTER};
const text_style subtitle_style{
    detail::sans_family, 11, false, {0.25, 0.25, 0.25}, PANGO_ALIGN_CENTER};
const text_style heading_style{detail::sans_family, 13, true};
const text_style body_style{detail::sans_family, 10};
const text_style mono_style{detail::mono_family, 8};

// A two-column table of labelled figures.
void figures(page_canvas& canvas, const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& [label, value] : rows) cells.push_back({label, value});
  detail::draw_table(canvas, {{0.7, "项目"}, {0.3, "数量"}}, cells);
  canvas.advance(8);
}

void heading(page_canvas& canvas, std::string_view text) {
  canvas.need(60);
  canvas.paragraph(text, heading_style, 6);
}

std::string month_words(const std::string& month) {
  if (month.size() != 7) return month;
  return month.substr(0, 4) + "年" + std::to_string(std::stoi(month.substr(5, 2))) + "月";
}

std::string kind_words(const std::string& kind) {
  return kind == "extraordinary" ? "临时会议" : "年会";
}

std::vector<std::pair<std::string, std::string>> by_status(const json::object& o) {
  return {{"总数", num(o, "total")},         {"未报告", num(o, "not_reported")},
          {"未启动", num(o, "not_started")}, {"推进中", num(o, "in_progress")},
          {"已完成", num(o, "completed")},   {"受阻", num(o, "blocked")}};
}

template <typename Draw>
result<std::string> two_pass(std::string_view title, Draw&& draw) {
  if (!detail::noto_cjk_installed()) return errc::internal;
  auto counting = page_canvas::create(nullptr, 0, title);
  if (!counting || !draw(*counting)) return errc::internal;
  const int pages = counting->page();
  if (!counting->finish()) return errc::internal;
  std::string pdf;
  auto canvas = page_canvas::create(&pdf, pages, title);
  if (!canvas || !draw(*canvas) || !canvas->finish()) return errc::internal;
  return pdf;
}

// Activities held and attendance; by kind and the list of activities (format 2); the groups
// that have not met this year, by name.
void draw_activities(page_canvas& canvas, const json::object& report) {
  const auto& activities = obj(report, "activities");
  std::vector<std::pair<std::string, std::string>> rows{
      {"开展活动（次）", num(activities, "held")}};
  if (has(activities, "by_kind")) {
    const auto& by_kind = obj(activities, "by_kind");
    for (const char* kind :
         {"group_activity", "research", "inspection", "study", "committee_attendance"})
      rows.emplace_back("其中" + activity_kind_words(kind) + "（次）", num(by_kind, kind));
  }
  rows.emplace_back("应参加（人次）", num(activities, "invited"));
  rows.emplace_back("出席（人次）", num(activities, "present"));
  if (has(activities, "present_signed")) {
    rows.emplace_back("其中本人签到（人次）", num(activities, "present_signed"));
    rows.emplace_back("其中办公室登记（人次）", num(activities, "present_recorded"));
  }
  rows.emplace_back("请假（人次）", num(activities, "excused"));
  rows.emplace_back("缺席（人次）", num(activities, "absent"));
  figures(canvas, rows);
  if (has(activities, "list") && !arr(activities, "list").empty()) {
    std::vector<std::vector<std::string>> cells;
    for (const auto& a : arr(activities, "list")) {
      const auto& o = a.as_object();
      cells.push_back({str(o, "title"), activity_kind_words(str(o, "kind")), str(o, "date"),
                       num(o, "invited"), num(o, "present"), num(o, "excused"), num(o, "absent")});
    }
    detail::draw_table(canvas,
                       {{0.3, "活动"},
                        {0.13, "类别"},
                        {0.17, "日期"},
                        {0.1, "应到"},
                        {0.1, "出席"},
                        {0.1, "请假"},
                        {0.1, "缺席"}},
                       cells);
    canvas.advance(8);
  }
  if (has(report, "groups")) {
    const auto& groups = obj(report, "groups");
    std::vector<std::pair<std::string, std::string>> group_rows{
        {"代表小组（个）", num(groups, "formed")},
        {"本年度已开展活动的小组（个）", num(groups, "met")}};
    if (groups.contains("meetings"))
      group_rows.emplace_back("本月代表小组会议（次）", num(groups, "meetings"));
    figures(canvas, group_rows);
  }
  std::vector<std::string> not_met;
  for (const auto& g : arr(report, "groups_not_met")) not_met.push_back(str(g.as_object(), "name"));
  // Format 1 did not count groups: an empty list there says nothing about them.
  const std::string count = !not_met.empty()        ? std::to_string(not_met.size()) + " 个"
                            : has(report, "groups") ? std::string("无")
                                                    : std::string("未统计");
  canvas.paragraph("本年度尚未开展活动的代表小组：" + count, body_style, 4);
  if (!not_met.empty()) canvas.flow(not_met, body_style, 12, 8);
  canvas.advance(6);
}

std::string waiting_words(const std::string& w) { return w == "route" ? "交办" : "答复"; }

// Opinions by step and those overdue at the month's end (format 2 adds the late steps).
void draw_opinions(page_canvas& canvas, const json::object& opinions) {
  std::vector<std::pair<std::string, std::string>> rows{
      {"收集（条）", num(opinions, "logged")}, {"按时交办（条）", num(opinions, "routed_on_time")}};
  if (has(opinions, "routed_late"))
    rows.emplace_back("逾期交办（条）", num(opinions, "routed_late"));
  rows.emplace_back("按时答复（条）", num(opinions, "answered_on_time"));
  if (has(opinions, "answered_late"))
    rows.emplace_back("逾期答复（条）", num(opinions, "answered_late"));
  rows.emplace_back("延期办理（条）", num(opinions, "extended"));
  rows.emplace_back("不予办理（条）", num(opinions, "refused"));
  rows.emplace_back("月末逾期（条）", num(opinions, "overdue"));
  figures(canvas, rows);
  if (!has(opinions, "overdue_list") || arr(opinions, "overdue_list").empty()) return;
  std::vector<std::vector<std::string>> cells;
  for (const auto& one : arr(opinions, "overdue_list")) {
    const auto& o = one.as_object();
    const std::string department = str(o, "department");
    cells.push_back({str(o, "id") + " " + str(o, "category"), waiting_words(str(o, "waiting")),
                     department.empty() ? std::string("—") : department, str(o, "due"),
                     num(o, "working_days_overdue")});
  }
  detail::draw_table(canvas,
                     {{0.3, "逾期意见建议"},
                      {0.13, "待办环节"},
                      {0.2, "承办部门"},
                      {0.19, "应办日期"},
                      {0.18, "逾期工作日"}},
                     cells);
  canvas.advance(8);
}

// Three-level contact: registered and removed in the month, kept and gaps at its end.
void draw_contacts(page_canvas& canvas, const json::object& contacts) {
  const auto& registered = obj(contacts, "registered");
  const auto& kept = obj(contacts, "kept");
  const auto& gaps = obj(contacts, "gaps");
  figures(canvas, {{"本月新增联系党员（人）", num(registered, "members")},
                   {"本月新增联系群众（人）", num(registered, "residents")},
                   {"本月解除联系（人）", num(contacts, "removed")},
                   {"月末联系党员（人）", num(kept, "members")},
                   {"月末联系群众（人）", num(kept, "residents")},
                   {"联系代表少于2名的党委委员（人）", num(obj(gaps, "committee"), "below")},
                   {"联系代表多于3名的党委委员（人）", num(obj(gaps, "committee"), "above")},
                   {"联系党员少于3名的代表（人）", num(obj(gaps, "delegates"), "below")},
                   {"联系党员多于5名的代表（人）", num(obj(gaps, "delegates"), "above")},
                   {"联系群众少于3名的党员（人）", num(obj(gaps, "members"), "below")}});
}

bool draw_monthly_report(page_canvas& canvas, const json::object& file, const std::string& digest) {
  const auto& report = obj(file, "report");
  const auto& congress = obj(report, "congress");
  const std::string month = str(report, "month");
  const auto& period = obj(report, "period");
  canvas.set_footer(str(congress, "name") + " " + month_words(month) + "月度书面报告");
  canvas.paragraph(str(congress, "name"), subtitle_style, 4);
  canvas.paragraph(month_words(month) + "代表工作月度书面报告", title_style, 6);
  canvas.paragraph("报告期：" + str(period, "from") + " 至 " + str(period, "to"), subtitle_style,
                   4);
  const auto* issued = file.if_contains("issued");
  if (issued != nullptr && issued->is_object())
    canvas.paragraph("报告编号：" + str(issued->as_object(), "report_id") + "　报送人：" +
                         str(issued->as_object(), "by"),
                     subtitle_style, 12);
  else
    canvas.paragraph("草稿（尚未报送）", subtitle_style, 12);

  section_numbers section;
  const auto& sittings = obj(report, "sittings");
  heading(canvas, section("代表大会会议"));
  figures(canvas, {{"召开会议（次）", num(sittings, "held")},
                   {"实到代表（人次）", num(sittings, "present")},
                   {"请假代表（人次）", num(sittings, "excused")}});
  const auto& list = arr(sittings, "list");
  if (!list.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : list) {
      const auto& o = s.as_object();
      rows.push_back({str(o, "title"), str(o, "date"), kind_words(str(o, "kind")),
                      num(o, "present"), num(o, "excused")});
    }
    detail::draw_table(
        canvas, {{0.4, "会议"}, {0.2, "日期"}, {0.14, "类型"}, {0.13, "实到"}, {0.13, "请假"}},
        rows);
    canvas.advance(8);
  }

  heading(canvas, section("代表活动"));
  draw_activities(canvas, report);

  const auto& proposals = obj(report, "proposals");
  const auto& ratings = obj(proposals, "ratings");
  heading(canvas, section("代表提案"));
  figures(canvas, {{"收到提案（件）", num(proposals, "received")},
                   {"立案（件）", num(proposals, "accepted")},
                   {"并案（件）", num(proposals, "merged")},
                   {"转为意见建议（件）", num(proposals, "converted")},
                   {"答复（件次）", num(proposals, "answered")},
                   {"评价满意（件次）", num(ratings, "satisfied")},
                   {"评价基本满意（件次）", num(ratings, "basically_satisfied")},
                   {"评价不满意（件次）", num(ratings, "unsatisfied")},
                   {"月末逾期未答复（件）", num(proposals, "overdue")}});
  const auto& overdue = arr(proposals, "overdue_list");
  if (!overdue.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : overdue) {
      const auto& o = p.as_object();
      rows.push_back({str(o, "id") + " " + str(o, "title"), str(o, "unit"),
                      "第" + num(o, "round") + "轮", str(o, "deadline"),
                      num(o, "working_days_overdue")});
    }
    detail::draw_table(canvas,
                       {{0.36, "逾期提案"},
                        {0.2, "承办单位"},
                        {0.1, "轮次"},
                        {0.17, "办理期限"},
                        {0.17, "逾期工作日"}},
                       rows);
    canvas.advance(8);
  }

  heading(canvas, section("党员群众意见建议"));
  draw_opinions(canvas, obj(report, "opinions"));

  heading(canvas, section("年会决议执行情况（项）"));
  figures(canvas, by_status(obj(report, "resolutions")));
  heading(canvas, section("民主评议和信任投票整改情况（项）"));
  figures(canvas, by_status(obj(report, "rectifications")));
  if (has(report, "contacts")) {
    heading(canvas, section("三级联系"));
    draw_contacts(canvas, obj(report, "contacts"));
  }

  canvas.need(150);
  canvas.paragraph("报告摘要（SHA-256，可用 plenum-verify 由记录重新计算）", heading_style, 4);
  const double y = canvas.y();
  if (!detail::draw_qr(canvas, digest, canvas.left(), y, 110)) return false;
  canvas.text_at(canvas.left() + 125, y + 10, canvas.width() - 125, digest, mono_style);
  canvas.advance(120);
  return true;
}

std::string attendance_words(const std::string& a) {
  if (a == "present") return "出席";
  if (a == "excused") return "请假";
  return "缺席";
}

std::string status_words(const std::string& s) {
  if (s == "submitted") return "待审查";
  if (s == "accepted") return "已立案，办理中";
  if (s == "answered") return "已答复，待评价";
  if (s == "rehandling") return "再次办理中";
  if (s == "closed") return "办结";
  if (s == "merged") return "已并案";
  if (s == "converted") return "转为意见建议";
  return s;
}

std::string rating_words(const std::string& r) {
  if (r == "satisfied") return "满意";
  if (r == "basically_satisfied") return "基本满意";
  if (r == "unsatisfied") return "不满意";
  return "—";
}

bool draw_performance_file(page_canvas& canvas, const json::object& file) {
  const auto& congress = obj(file, "congress");
  const auto& person = obj(file, "person");
  canvas.set_footer(str(congress, "name") + " 代表履职档案 " + str(person, "name"));
  canvas.paragraph(str(congress, "name"), subtitle_style, 4);
  canvas.paragraph("代表履职档案", title_style, 6);
  canvas.paragraph(str(person, "name") + "（代表编号 " + str(person, "number") + "）　选举单位：" +
                       str(person, "unit") + "　代表小组：" + str(person, "group"),
                   subtitle_style, 4);
  canvas.paragraph("截至 " + str(file, "as_of"), subtitle_style, 12);

  heading(canvas, "一、出席会议");
  figures(canvas, {{"召开会议（次）", num(file, "sittings_held")},
                   {"出席会议（次）", num(file, "sittings_attended")}});
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : arr(file, "sittings")) {
    const auto& o = s.as_object();
    rows.push_back({str(o, "title"), str(o, "date"), kind_words(str(o, "kind")),
                    attendance_words(str(o, "attendance"))});
  }
  if (!rows.empty()) {
    detail::draw_table(canvas, {{0.46, "会议"}, {0.2, "日期"}, {0.17, "类型"}, {0.17, "出席情况"}},
                       rows);
    canvas.advance(8);
  }

  heading(canvas, "二、参加代表活动");
  figures(canvas, {{"应参加活动（次）", num(file, "activities_held")},
                   {"参加活动（次）", num(file, "activities_attended")},
                   {"其中本人签到（次）", num(file, "activities_signed")},
                   {"其中办公室登记（次）", num(file, "activities_recorded")}});
  rows.clear();
  for (const auto& a : arr(file, "activities")) {
    const auto& o = a.as_object();
    const std::string how = str(o, "check_in");
    rows.push_back({str(o, "title"), activity_kind_words(str(o, "kind")), str(o, "date"),
                    attendance_words(str(o, "attendance")),
                    how == "signed"     ? "本人签到"
                    : how == "recorded" ? "办公室登记"
                                        : "—"});
  }
  if (!rows.empty()) {
    detail::draw_table(
        canvas,
        {{0.34, "活动"}, {0.15, "类别"}, {0.18, "日期"}, {0.15, "出席情况"}, {0.18, "签到方式"}},
        rows);
    canvas.advance(8);
  }
  std::vector<std::string> posts;
  for (const auto& g : arr(file, "groups")) {
    const auto& o = g.as_object();
    const std::string post = str(o, "post");
    posts.push_back(str(o, "name") + (post == "leader"   ? "（组长）"
                                      : post == "deputy" ? "（副组长）"
                                                         : "（组员）"));
  }
  canvas.paragraph("所在代表小组：" + (posts.empty() ? std::string("无") : posts.front()),
                   body_style, 4);
  for (std::size_t i = 1; i < posts.size(); ++i) canvas.paragraph(posts[i], body_style, 4);
  canvas.advance(6);

  heading(canvas, "三、提出和附议提案");
  figures(canvas, {{"提出提案（件）", num(file, "proposals_submitted")},
                   {"附议提案（件）", num(file, "proposals_co_signed")}});
  rows.clear();
  for (const auto& p : arr(file, "proposals")) {
    const auto& o = p.as_object();
    rows.push_back({str(o, "id") + " " + str(o, "title"),
                    str(o, "role") == "proposer" ? "提出" : "附议", status_words(str(o, "status")),
                    str(o, "unit"), rating_words(str(o, "rating"))});
  }
  if (!rows.empty()) {
    detail::draw_table(
        canvas,
        {{0.36, "提案"}, {0.1, "身份"}, {0.2, "办理情况"}, {0.18, "承办单位"}, {0.16, "评价"}},
        rows);
    canvas.advance(8);
  }

  const auto& contacts = obj(file, "contacts");
  const auto& opinions = obj(file, "opinions");
  heading(canvas, "四、联系党员群众");
  figures(canvas, {{"联系党员（人）", num(contacts, "members")},
                   {"联系群众（人）", num(contacts, "residents")},
                   {"收集意见建议（条）", num(opinions, "logged")},
                   {"已交办（条）", num(opinions, "routed")},
                   {"已答复（条）", num(opinions, "answered")},
                   {"不予办理（条）", num(opinions, "refused")},
                   {"逾期未办结（条）", num(opinions, "overdue")},
                   {"已向群众反馈（条）", num(opinions, "reported_back")}});
  return true;
}

}  // namespace

result<std::string> monthly_report_pdf(const json::object& file) {
  std::string digest;
  try {
    digest = crypto::to_hex(protocol::sha256(protocol::canonical_json(obj(file, "report"))));
    if (str(file, "report_digest") != digest) return errc::invalid_field;
    // Every member is read once before drawing, so a bad file fails before any page.
    auto probe = page_canvas::create(nullptr, 0, "");
    if (!probe || !draw_monthly_report(*probe, file, digest)) return errc::internal;
  } catch (const missing&) {
    return errc::invalid_field;
  }
  const std::string title = "月度书面报告 " + str(obj(file, "report"), "month");
  return two_pass(title,
                  [&](page_canvas& canvas) { return draw_monthly_report(canvas, file, digest); });
}

result<std::string> performance_file_pdf(const json::object& file) {
  try {
    auto probe = page_canvas::create(nullptr, 0, "");
    if (!probe || !draw_performance_file(*probe, file)) return errc::internal;
  } catch (const missing&) {
    return errc::invalid_field;
  }
  return two_pass("代表履职档案",
                  [&](page_canvas& canvas) { return draw_performance_file(canvas, file); });
}

}  // namespace plenum::clients::sheet
