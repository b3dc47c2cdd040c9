#include "sheet_pages.hpp"

#include <algorithm>

#include "blocks.hpp"
#include "plenum/clients/sheet/fingerprint.hpp"

namespace plenum::clients::sheet::detail {

namespace {

using protocol::vote_kind;

constexpr rgb black{0, 0, 0};
constexpr rgb grey{0.35, 0.35, 0.35};
constexpr rgb green{0.10, 0.48, 0.25};
constexpr rgb red{0.75, 0.12, 0.12};
constexpr rgb box_fill{0.96, 0.97, 0.98};

text_style style(const char* family, double size, bool bold = false, rgb color = black,
                 PangoAlignment align = PANGO_ALIGN_LEFT) {
  return {family, size, bold, color, align};
}

std::string joined(const std::vector<std::string>& names, std::string_view separator = "、") {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += separator;
    out += name;
  }
  return out;
}

std::string with_percent(const option_line& line) {
  return line.percent.empty() ? std::string() : line.percent + "%";
}

void section_title(page_canvas& canvas, std::string_view title) {
  canvas.need(60);
  canvas.advance(4);
  const double h = canvas.text_at(canvas.left(), canvas.y(), canvas.width(), title,
                                  style(sans_family, 11, true));
  canvas.advance(h + 2);
}

// Congress, sitting and date centred at the top; the titles keep clear of the corners, where a
// vote's sheet puts its QR code.
void draw_header(page_canvas& canvas, const sheet_header& header, std::string_view title,
                 std::string_view subtitle) {
  constexpr double corner = 86;
  const double x = canvas.left() + corner;
  const double w = canvas.width() - 2 * corner;
  const double top = canvas.y();
  auto centred = [&](std::string_view text, const text_style& s, double space_after) {
    canvas.advance(canvas.text_at(x, canvas.y(), w, text, s) + space_after);
  };
  centred(header.congress, style(serif_family, 15, true, black, PANGO_ALIGN_CENTER), 2);
  centred(header.sitting + "　" + header.date,
          style(sans_family, 10.5, false, grey, PANGO_ALIGN_CENTER), 8);
  centred(title, style(serif_family, 19, true, black, PANGO_ALIGN_CENTER), 2);
  centred(subtitle, style(sans_family, 9.5, false, grey, PANGO_ALIGN_CENTER), 8);
  // Room for the corner's QR code and its caption.
  canvas.advance(std::max(0.0, top + corner - canvas.y()));
  canvas.line(canvas.left(), canvas.y(), canvas.left() + canvas.width(), canvas.y(), grey, 0.8);
  canvas.advance(8);
}

// Boxes side by side, each a label over a large figure.
void draw_figures(page_canvas& canvas,
                  const std::vector<std::pair<std::string, std::string>>& figures) {
  constexpr double height = 44;
  constexpr double gap = 10;
  canvas.need(height + 8);
  const double n = static_cast<double>(figures.size());
  const double w = (canvas.width() - gap * (n - 1)) / n;
  double x = canvas.left();
  for (const auto& [label, figure] : figures) {
    canvas.fill_rect(x, canvas.y(), w, height, box_fill);
    canvas.text_at(x, canvas.y() + 4, w, label,
                   style(sans_family, 9.5, false, grey, PANGO_ALIGN_CENTER));
    canvas.text_at(x, canvas.y() + 16, w, figure,
                   style(sans_family, 20, true, black, PANGO_ALIGN_CENTER));
    x += w + gap;
  }
  canvas.advance(height + 6);
}

void draw_counts_table(page_canvas& canvas, const vote_sheet& sheet) {
  const text_style name = style(sans_family, 9.5);
  const text_style number = style(sans_family, 9.5, false, black, PANGO_ALIGN_RIGHT);
  std::vector<table_column> columns;
  std::vector<std::vector<std::string>> rows;
  if (sheet.kind == vote_kind::motion) {
    const auto& contest = sheet.contests.front();
    if (contest.title != sheet.title)
      canvas.paragraph("事项：" + contest.title, style(sans_family, 10), 4);
    columns = {{0.4, "选项", name}, {0.3, "票数", number}, {0.3, "百分比", number}};
    for (const auto& line : contest.options)
      rows.push_back({line.label, std::to_string(line.count), with_percent(line)});
    draw_table(canvas, columns, rows);
    return;
  }
  // One row per candidate or member, one column per option line.
  const auto& first = sheet.contests.front();
  const bool election = sheet.kind == vote_kind::election;
  // A confidence vote marks the flagged members; a satisfaction appraisal judges every item.
  const bool marked = sheet.kind == vote_kind::confidence || sheet.kind == vote_kind::satisfaction;
  const bool satisfaction = sheet.kind == vote_kind::satisfaction;
  const std::size_t n = first.options.size();
  const double name_share = 0.20;
  const double mark_share = election || marked ? 0.13 : 0.0;
  const double rate_share = election ? 0.12 : 0.0;
  const double option_share = (1.0 - name_share - mark_share - rate_share) / static_cast<double>(n);
  columns.push_back({name_share, election ? "候选人" : satisfaction ? "测评项目" : "成员", name});
  const text_style cell = style(sans_family, 9, false, black, PANGO_ALIGN_CENTER);
  for (const auto& line : first.options) columns.push_back({option_share, line.label, cell});
  if (election) columns.push_back({rate_share, "得票率", cell});
  if (election || marked) columns.push_back({mark_share, "结果", cell});
  for (const auto& contest : sheet.contests) {
    std::vector<std::string> row{contest.title};
    for (std::size_t i = 0; i < n; ++i) {
      if (i >= contest.options.size()) {
        row.emplace_back();
        continue;
      }
      const auto& line = contest.options[i];
      // An election shows the approval rate in its own column; the other lines show counts.
      if (election || line.percent.empty())
        row.push_back(std::to_string(line.count));
      else
        row.push_back(std::to_string(line.count) + "\n" + with_percent(line));
    }
    if (election) {
      row.push_back(with_percent(contest.options.front()));
      const bool tied = std::find(sheet.outcome.runoff.begin(), sheet.outcome.runoff.end(),
                                  contest.title) != sheet.outcome.runoff.end();
      row.emplace_back(contest.elected ? "当选" : tied ? "另行选举" : "—");
    }
    if (satisfaction)
      row.emplace_back(contest.flagged ? "不满意" : "满意");
    else if (marked)
      row.emplace_back(contest.flagged ? "超过界线" : "—");
    rows.push_back(std::move(row));
  }
  draw_table(canvas, columns, rows);
}

// The colour of level `i` of an appraisal or confidence vote, from best to worst: green, blue,
// orange, …, red for the worst; grey for the ballots without a mark.
std::size_t level_series(const std::vector<option_line>& levels, std::size_t i) {
  // Indices into series_color's palette.
  constexpr std::size_t series_blue = 0, series_red = 1, series_grey = 2, series_green = 3,
                        series_orange = 4, series_purple = 5;
  std::size_t graded = levels.size();
  if (graded > 0 && (levels.back().label == "未标记" || levels.back().label == "弃权")) --graded;
  if (i >= graded) return series_grey;
  if (i + 1 == graded) return series_red;
  constexpr std::size_t order[] = {series_green, series_blue, series_orange, series_purple};
  return order[std::min(i, std::size(order) - 1)];
}

void draw_chart(page_canvas& canvas, const vote_sheet& sheet) {
  bar_chart chart;
  std::uint64_t largest = sheet.ballots;
  switch (sheet.kind) {
    case vote_kind::motion: {
      const auto& contest = sheet.contests.front();
      for (std::size_t i = 0; i < contest.options.size(); ++i) {
        const auto& line = contest.options[i];
        chart.rows.push_back({line.label, {{line.count, i}}, std::to_string(line.count) + " 票"});
        largest = std::max(largest, line.count);
      }
      if (sheet.outcome.required > 0) {
        chart.marker = sheet.outcome.required;
        chart.marker_label = "通过线 " + std::to_string(sheet.outcome.required) + " 票";
      }
      break;
    }
    case vote_kind::election:
      for (const auto& contest : sheet.contests) {
        const auto& approve = contest.options.front();
        chart.rows.push_back({contest.title,
                              {{approve.count, contest.elected ? 0u : 2u}},
                              std::to_string(approve.count) + " 票"});
        largest = std::max(largest, approve.count);
      }
      chart.legend = {{"赞成票（当选）", 0}, {"赞成票（未当选）", 2}};
      if (sheet.outcome.required > 0) {
        chart.marker = sheet.outcome.required;
        chart.marker_label = "当选线 " + std::to_string(sheet.outcome.required) + " 票";
      }
      break;
    case vote_kind::appraisal:
    case vote_kind::confidence:
    case vote_kind::satisfaction: {
      const auto& first_levels = sheet.contests.front().options;
      for (const auto& contest : sheet.contests) {
        bar_row row{contest.title, {}, ""};
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < contest.options.size(); ++i) {
          row.segments.push_back({contest.options[i].count, level_series(first_levels, i)});
          total += contest.options[i].count;
        }
        row.value = std::to_string(total) + " 票";
        largest = std::max(largest, total);
        chart.rows.push_back(std::move(row));
      }
      for (std::size_t i = 0; i < first_levels.size(); ++i)
        chart.legend.push_back({first_levels[i].label, level_series(first_levels, i)});
      break;
    }
  }
  if (chart.marker) largest = std::max(largest, *chart.marker);
  chart.scale = largest;
  draw_bar_chart(canvas, chart);
}

void draw_outcome(page_canvas& canvas, const vote_sheet& sheet) {
  const auto& out = sheet.outcome;
  switch (sheet.kind) {
    case vote_kind::motion: {
      canvas.need(60);
      canvas.paragraph(out.passed ? "通过" : "未通过",
                       style(serif_family, 34, true, out.passed ? green : red), 2);
      const auto& first = sheet.contests.front().options.front();
      canvas.paragraph(first.label + " " + std::to_string(first.count) + " 票；通过至少需要 " +
                           std::to_string(out.required) + " 票。",
                       style(sans_family, 10, false, grey), 4);
      break;
    }
    case vote_kind::election:
      canvas.paragraph("当选（按赞成票多少为序）", style(sans_family, 11, true), 2);
      if (out.elected.empty())
        canvas.paragraph("无人当选", style(serif_family, 22, true, red), 4);
      else
        canvas.flow(out.elected, style(serif_family, out.elected.size() > 6 ? 18 : 22, true, green),
                    18);
      if (!out.runoff.empty())
        canvas.paragraph("末位赞成票相同：" + joined(out.runoff) + "，需在其中另行选举 " +
                             std::to_string(out.runoff_seats) + " 名。",
                         style(sans_family, 11, true, red), 4);
      if (out.further_round_seats > 0)
        canvas.paragraph("当选者不足应选名额，尚缺 " + std::to_string(out.further_round_seats) +
                             " 名，需另行选举。",
                         style(sans_family, 11, true, red), 4);
      break;
    case vote_kind::appraisal:
      canvas.paragraph("评议结果见上表（不作决定）", style(serif_family, 18, true), 4);
      break;
    case vote_kind::confidence:
      if (out.flagged.empty()) {
        canvas.paragraph("无成员不信任票超过界线", style(serif_family, 20, true, green), 4);
      } else {
        canvas.paragraph("不信任票超过界线", style(sans_family, 11, true), 2);
        canvas.flow(out.flagged, style(serif_family, out.flagged.size() > 6 ? 18 : 22, true, red),
                    18);
      }
      if (out.required > 0)
        canvas.paragraph("界线：不信任票至少 " + std::to_string(out.required) + " 票即予标示。",
                         style(sans_family, 10, false, grey), 4);
      break;
    case vote_kind::satisfaction:
      if (out.flagged.empty()) {
        canvas.paragraph("各项目均评定为满意", style(serif_family, 20, true, green), 4);
      } else {
        canvas.paragraph("评定为不满意的项目", style(sans_family, 11, true), 2);
        canvas.flow(out.flagged, style(serif_family, out.flagged.size() > 6 ? 18 : 22, true, red),
                    18);
      }
      canvas.paragraph(
          "满意和基本满意票合计至少 " + std::to_string(out.required) + " 票的项目评定为满意。",
          style(sans_family, 10, false, grey), 4);
      break;
  }
}

void draw_signers(page_canvas& canvas, const vote_sheet& sheet) {
  const std::string status =
      sheet.announced ? "结果状态：已宣布（主持人已签名）" : "结果状态：未宣布";
  const text_style status_style = style(sans_family, 10, true, sheet.announced ? black : grey);
  if (sheet.signers.empty()) {
    canvas.paragraph("（无签名）", style(sans_family, 10, false, grey));
    canvas.paragraph(status, status_style, 4);
    return;
  }
  const std::vector<table_column> columns = {
      {0.12, "角色", style(sans_family, 9.5)},
      {0.22, "姓名", style(sans_family, 9.5)},
      {0.66, "公钥指纹（Ed25519）", style(mono_family, 7.5)},
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : sheet.signers)
    rows.push_back({std::string(role_label(s.role)), s.name, fingerprint(s.key)});
  draw_table(canvas, columns, rows);
  canvas.paragraph(status, status_style, 4);
}

// The QR code of the result digest in the top right corner of the sheet's first page.
bool draw_corner_qr(page_canvas& canvas, const vote_sheet& sheet, double top) {
  constexpr double qr_size = 74;
  const double x = canvas.left() + canvas.width() - qr_size;
  if (!draw_qr(canvas, sheet.result_digest, x, top, qr_size)) return false;
  canvas.text_at(x, top + qr_size, qr_size, "结果摘要二维码",
                 style(sans_family, 6.5, false, grey, PANGO_ALIGN_CENTER));
  return true;
}

void draw_digest(page_canvas& canvas, const vote_sheet& sheet) {
  const text_style mono = style(mono_family, 8.5);
  const text_style note = style(sans_family, 8.5, false, grey);
  const std::string explanation =
      "右上角二维码的内容即此结果摘要（CVP1 "
      "§7），可与签名记录逐字核对；公钥指纹即签名人的完整公钥。";
  canvas.need(34);
  canvas.advance(6);
  const double label_w = 56;
  canvas.text_at(canvas.left(), canvas.y(), label_w, "结果摘要", style(sans_family, 9.5, true));
  canvas.advance(canvas.text_at(canvas.left() + label_w, canvas.y() + 1, canvas.width() - label_w,
                                sheet.result_digest, mono) +
                 4);
  canvas.paragraph(explanation, note);
}

}  // namespace

bool draw_vote_sheet(page_canvas& canvas, const vote_sheet& sheet) {
  canvas.set_footer(sheet.header.congress + " " + sheet.header.sitting + " · " + sheet.title +
                    " · " + sheet.vote_id);
  if (!draw_corner_qr(canvas, sheet, canvas.y())) return false;
  draw_header(canvas, sheet.header, sheet.title,
              std::string(kind_label(sheet.kind)) + "结果 · 编号 " + sheet.vote_id);
  std::vector<std::pair<std::string, std::string>> figures = {
      {"应到", std::to_string(sheet.seated)},
      {"实到", std::to_string(sheet.present)},
      {"投票", std::to_string(sheet.ballots)},
  };
  if (sheet.kind == vote_kind::election && sheet.seats > 0)
    figures.emplace_back("应选", std::to_string(sheet.seats));
  draw_figures(canvas, figures);
  if (!sheet.rule_words.empty())
    canvas.paragraph("表决规则：" + sheet.rule_words, style(sans_family, 9.5, false, grey), 6);

  section_title(canvas, "计票结果");
  draw_counts_table(canvas, sheet);
  section_title(canvas, "票数图示");
  draw_chart(canvas, sheet);
  section_title(canvas, "表决结果");
  draw_outcome(canvas, sheet);
  section_title(canvas, "签名");
  draw_signers(canvas, sheet);
  draw_digest(canvas, sheet);
  return true;
}

void draw_sitting_summary(page_canvas& canvas, const sitting_sheet& sheet) {
  const auto& a = sheet.attendance;
  canvas.set_footer(sheet.header.congress + " " + sheet.header.sitting + " · 表决结果汇总");
  draw_header(canvas, sheet.header, "表决结果汇总",
              "共 " + std::to_string(sheet.votes.size()) + " 项表决");
  draw_figures(canvas, {{"代表总数", std::to_string(a.roster)},
                        {"请假", std::to_string(a.excused)},
                        {"应到", std::to_string(a.seated)},
                        {"实到", std::to_string(a.present)}});
  // DOMAIN.md: quorum holds when present ≥ ceil(4 × seated / 5).
  const std::uint64_t quorum = (4 * a.seated + 4) / 5;
  const bool reached = a.present >= quorum;
  canvas.paragraph("法定人数（应到人数的五分之四及以上）：" + std::to_string(quorum) + " 人；" +
                       (reached ? "实到人数符合法定人数。" : "实到人数不足法定人数。"),
                   style(sans_family, 10, false, reached ? black : red), 6);

  section_title(canvas, "各项表决");
  const text_style cell = style(sans_family, 9);
  const text_style centred = style(sans_family, 9, false, black, PANGO_ALIGN_CENTER);
  const std::vector<table_column> columns = {
      {0.05, "序号", centred}, {0.23, "表决事项", cell},
      {0.10, "类型", centred}, {0.14, "应到/实到/投票", centred},
      {0.26, "结果", cell},    {0.22, "结果摘要", style(mono_family, 6.5)},
  };
  std::vector<std::vector<std::string>> rows;
  std::size_t number = 0;
  for (const auto& vote : sheet.votes) {
    std::string result;
    switch (vote.kind) {
      case vote_kind::motion:
        result = vote.outcome.passed ? "通过" : "未通过";
        break;
      case vote_kind::election:
        result =
            vote.outcome.elected.empty() ? "无人当选" : "当选：" + joined(vote.outcome.elected);
        if (!vote.outcome.runoff.empty()) result += "；另行选举：" + joined(vote.outcome.runoff);
        if (vote.outcome.further_round_seats > 0)
          result += "；尚缺 " + std::to_string(vote.outcome.further_round_seats) + " 名";
        break;
      case vote_kind::appraisal:
        result = "见评议结果";
        break;
      case vote_kind::confidence:
        result = vote.outcome.flagged.empty() ? "无成员超过界线"
                                              : "超过界线：" + joined(vote.outcome.flagged);
        break;
      case vote_kind::satisfaction:
        result = vote.outcome.flagged.empty() ? "各项目均满意"
                                              : "不满意：" + joined(vote.outcome.flagged);
        break;
    }
    rows.push_back({std::to_string(++number), vote.title, std::string(kind_label(vote.kind)),
                    std::to_string(vote.seated) + " / " + std::to_string(vote.present) + " / " +
                        std::to_string(vote.ballots),
                    result, vote.result_digest});
  }
  draw_table(canvas, columns, rows);
  canvas.advance(8);
  canvas.paragraph("各项表决的结果单附后。", style(sans_family, 9.5, false, grey));
}

}  // namespace plenum::clients::sheet::detail
