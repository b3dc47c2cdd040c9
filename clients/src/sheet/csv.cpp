#include "plenum/clients/sheet/csv.hpp"

namespace plenum::clients::sheet {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";
constexpr std::string_view header_line =
    "表决编号,表决事项,类型,应到,实到,投票数,项目,选项,票数,百分比,结果,结果摘要\r\n";

std::string contest_mark(const vote_sheet& sheet, const contest_lines& contest) {
  switch (sheet.kind) {
    case protocol::vote_kind::motion:
      return sheet.outcome.passed ? "通过" : "未通过";
    case protocol::vote_kind::election:
      return contest.elected ? "当选" : "";
    case protocol::vote_kind::appraisal:
      return "";
    case protocol::vote_kind::confidence:
      return contest.flagged ? "超过界线" : "";
    case protocol::vote_kind::satisfaction:
      return contest.flagged ? "不满意" : "满意";
  }
  return "";
}

void append_rows(std::string& out, const vote_sheet& sheet) {
  for (const auto& contest : sheet.contests) {
    const std::string mark = contest_mark(sheet, contest);
    for (const auto& line : contest.options) {
      const std::string fields[] = {
          csv_field(sheet.vote_id),
          csv_field(sheet.title),
          csv_field(kind_label(sheet.kind)),
          std::to_string(sheet.seated),
          std::to_string(sheet.present),
          std::to_string(sheet.ballots),
          csv_field(contest.title),
          csv_field(line.label),
          std::to_string(line.count),
          csv_field(line.percent),
          csv_field(mark),
          csv_field(sheet.result_digest),
      };
      bool first = true;
      for (const auto& field : fields) {
        if (!first) out += ',';
        first = false;
        out += field;
      }
      out += "\r\n";
    }
  }
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string value;
  if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' ||
                        text.front() == '@' || text.front() == '\t' || text.front() == '\r'))
    value += '\'';
  value += text;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string results_csv(const vote_sheet& sheet) {
  std::string out(bom);
  out += header_line;
  append_rows(out, sheet);
  return out;
}

std::string results_csv(const sitting_sheet& sheet) {
  std::string out(bom);
  out += header_line;
  for (const auto& vote : sheet.votes) append_rows(out, vote);
  return out;
}

}  // namespace plenum::clients::sheet
