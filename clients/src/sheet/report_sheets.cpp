#include "plenum/clients/sheet/report_sheets.hpp"

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

  const auto& sittings = obj(report, "sittings");
  heading(canvas, "一、代表大会会议");
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

  const auto& activities = obj(report, "activities");
  heading(canvas, "二、代表活动");
  figures(canvas, {{"开展活动（次）", num(activities, "held")},
                   {"应参加（人次）", num(activities, "invited")},
                   {"出席（人次）", num(activities, "present")},
                   {"请假（人次）", num(activities, "excused")},
                   {"缺席（人次）", num(activities, "absent")}});
  std::vector<std::string> not_met;
  for (const auto& g : arr(report, "groups_not_met")) {
    const auto& o = g.as_object();
    not_met.push_back(str(o, "name"));
  }
  canvas.paragraph(
      "本年度尚未开展活动的代表小组：" +
          (not_met.empty() ? std::string("无") : std::to_string(not_met.size()) + " 个"),
      body_style, 4);
  if (!not_met.empty()) canvas.flow(not_met, body_style, 12, 8);
  canvas.advance(6);

  const auto& proposals = obj(report, "proposals");
  const auto& ratings = obj(proposals, "ratings");
  heading(canvas, "三、代表提案");
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

  const auto& opinions = obj(report, "opinions");
  heading(canvas, "四、党员群众意见建议");
  figures(canvas, {{"收集（条）", num(opinions, "logged")},
                   {"按时交办（条）", num(opinions, "routed_on_time")},
                   {"按时答复（条）", num(opinions, "answered_on_time")},
                   {"延期办理（条）", num(opinions, "extended")},
                   {"不予办理（条）", num(opinions, "refused")},
                   {"逾期（条）", num(opinions, "overdue")}});

  heading(canvas, "五、年会决议执行情况（项）");
  figures(canvas, by_status(obj(report, "resolutions")));
  heading(canvas, "六、民主评议和信任投票整改情况（项）");
  figures(canvas, by_status(obj(report, "rectifications")));

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
  figures(canvas, {{"参加活动（次）", num(file, "activities_attended")}});

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
