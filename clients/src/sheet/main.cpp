// plenum-sheet: renders a result sheet (PDF, optionally CSV) from a JSON description, so that
// rehearsals can print without a server, or from an exported record (a vote's sheet, a sitting's
// summary; plenumd runs it for the secretary's downloads). The JSON formats are described in
// sheet_json.hpp.
#include <algorithm>
#include <boost/json/parse.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "plenum/clients/sheet/csv.hpp"
#include "plenum/clients/sheet/from_record.hpp"
#include "plenum/clients/sheet/render.hpp"
#include "plenum/clients/sheet/report_sheets.hpp"
#include "plenum/clients/sheet/sheet_json.hpp"
#include "plenum/protocol/record.hpp"

namespace {

namespace sheet = plenum::clients::sheet;

constexpr std::string_view usage =
    "usage: plenum-sheet [--sitting] [--csv FILE] INPUT.json OUTPUT.pdf\n"
    "       plenum-sheet --record DIR --vote VOTE [--csv FILE] OUTPUT.pdf\n"
    "       plenum-sheet --record DIR --sitting SITTING [--csv FILE] OUTPUT.pdf\n"
    "       plenum-sheet monthly-report REPORT.json OUTPUT.pdf\n"
    "       plenum-sheet performance-file FILE.json OUTPUT.pdf\n"
    "\n"
    "Renders the printable result sheet (A4 PDF, Simplified Chinese, Noto CJK fonts) described\n"
    "by INPUT.json: one vote, or with --sitting a sitting's summary followed by each vote.\n"
    "\n"
    "  --sitting    INPUT.json describes a sitting: {congress, sitting, date, attendance,\n"
    "               votes: [...]} instead of a single vote\n"
    "  --csv FILE   also write the results as CSV (UTF-8 with BOM, RFC 4180) to FILE\n"
    "  --record DIR --vote VOTE\n"
    "               the sheet of decided vote VOTE from an exported record (congress.json,\n"
    "               events.jsonl): counts, outcome recomputed from them, result digest over\n"
    "               the board at close, the fingerprints of the server, of the scrutineers who\n"
    "               signed the result and of the chair, announced or not. The record's\n"
    "               signatures are not checked here: run plenum-verify on it.\n"
    "  --record DIR --sitting SITTING\n"
    "               the summary sheet of sitting SITTING from an exported record: attendance\n"
    "               counted from the roster, the excusals and the check-ins of the sitting,\n"
    "               then the sheet of every decided vote of the sitting (as with --vote)\n"
    "  monthly-report REPORT.json\n"
    "               the monthly written report (月度书面报告) of the file the server gives:\n"
    "               {report, report_digest, issued}; the digest must be the report's\n"
    "               (SHA-256 of its canonical JSON) and is printed with its QR code\n"
    "  performance-file FILE.json\n"
    "               a delegate's performance file (履职档案), the server's performance_file\n"
    "  --help       show this help\n"
    "\n"
    "A vote: {congress, sitting, date, vote_id, title, kind (motion|election|appraisal|\n"
    "confidence|satisfaction), seated, present, ballots, seats, rule, contests: [{title, options: "
    "[{label,\n"
    "count, percent}], elected, flagged}], outcome: {passed, required, elected, runoff,\n"
    "runoff_seats, further_round_seats, flagged}, signers: [{role (server|scrutineer|chair),\n"
    "name, key}], announced (optional, default false), result_digest}. Examples:\n"
    "clients/src/sheet/examples/ in the source tree.\n"
    "\n"
    "Exit status: 0 written, 1 the input or an output failed, 2 wrong arguments.\n";

struct arguments {
  bool sitting = false;
  std::optional<std::string> record;
  std::optional<std::string> vote;
  std::optional<std::string> sitting_id;  ///< with --record
  std::optional<std::string> csv;
  std::string input;
  std::string output;
};

std::optional<arguments> parse_arguments(const std::vector<std::string>& args) {
  arguments out;
  std::vector<std::string> positional;
  // With --record, --sitting names the sitting; without, it is a flag.
  const bool record = std::find(args.begin(), args.end(), "--record") != args.end();
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--sitting" && record && i + 1 < args.size()) {
      out.sitting_id = args[++i];
    } else if (args[i] == "--sitting" && !record) {
      out.sitting = true;
    } else if (args[i] == "--csv" && i + 1 < args.size()) {
      out.csv = args[++i];
    } else if (args[i] == "--record" && i + 1 < args.size()) {
      out.record = args[++i];
    } else if (args[i] == "--vote" && i + 1 < args.size()) {
      out.vote = args[++i];
    } else if (args[i].starts_with("--")) {
      return std::nullopt;
    } else {
      positional.push_back(args[i]);
    }
  }
  if (out.record || out.vote) {
    // Exactly one of --vote and --sitting goes with --record.
    if (!out.record || out.vote.has_value() == out.sitting_id.has_value() || positional.size() != 1)
      return std::nullopt;
    out.output = positional[0];
    return out;
  }
  if (positional.size() != 2) return std::nullopt;
  out.input = positional[0];
  out.output = positional[1];
  return out;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

int fail(std::string_view what, std::string_view why) {
  std::cerr << "plenum-sheet: " << what << ": " << why << '\n';
  return 1;
}

template <typename Sheet>
int write_outputs(const Sheet& data, const arguments& args,
                  plenum::result<void> (*render)(const Sheet&, const std::filesystem::path&)) {
  auto written = render(data, args.output);
  if (!written) return fail(args.output, written.error().message());
  if (args.csv) {
    auto csv = sheet::write_file_atomically(*args.csv, sheet::results_csv(data));
    if (!csv) return fail(*args.csv, csv.error().message());
  }
  return 0;
}

// The sheet of one vote, or the summary of one sitting, of an exported record.
int from_record(const arguments& args) {
  const std::filesystem::path dir(*args.record);
  const auto header_path = (dir / plenum::protocol::record_header_file).string();
  auto header_text = read_file(header_path);
  if (!header_text) return fail(header_path, "cannot be read");
  auto header = plenum::protocol::parse_record_header(*header_text);
  if (!header) return fail(header_path, header.error().message());
  const auto events_path = (dir / plenum::protocol::record_events_file).string();
  auto events_text = read_file(events_path);
  if (!events_text) return fail(events_path, "cannot be read");
  std::vector<plenum::protocol::board_event> events;
  std::istringstream lines(*events_text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    auto e = plenum::protocol::parse_event_line(line);
    if (!e) return fail(events_path, e.error().message());
    events.push_back(std::move(*e));
  }
  if (args.sitting_id) {
    auto data = sheet::sitting_sheet_from_record(events, header->congress_pk, *args.sitting_id);
    if (!data) return fail(*args.sitting_id, data.error().message());
    return write_outputs<sheet::sitting_sheet>(*data, args, sheet::render_sitting_sheet);
  }
  auto data = sheet::vote_sheet_from_record(events, header->congress_pk, *args.vote);
  if (!data) return fail(*args.vote, data.error().message());
  return write_outputs<sheet::vote_sheet>(*data, args, sheet::render_vote_sheet);
}

}  // namespace

#if defined(__SANITIZE_ADDRESS__)
// fontconfig keeps process-wide caches it never frees, and cairo 1.16 loses a few kilobytes in
// cairo_surface_finish of a PDF surface with embedded font subsets. Neither is ours to fix;
// every cairo and pango object of ours is released by its owning unique_ptr.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libcairo.so\n";
}
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif

// `monthly-report IN OUT` or `performance-file IN OUT`.
int report_document(const std::vector<std::string>& args) {
  if (args.size() != 3) {
    std::cerr << usage;
    return 2;
  }
  auto text = read_file(args[1]);
  if (!text) return fail(args[1], "cannot be read");
  boost::system::error_code ec;
  auto parsed = boost::json::parse(*text, ec);
  if (ec || !parsed.is_object()) return fail(args[1], "is not a JSON object");
  auto pdf = args[0] == "monthly-report" ? sheet::monthly_report_pdf(parsed.as_object())
                                         : sheet::performance_file_pdf(parsed.as_object());
  if (!pdf) return fail(args[1], pdf.error().message());
  auto written = sheet::write_file_atomically(args[2], *pdf);
  if (!written) return fail(args[2], written.error().message());
  return 0;
}

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "monthly-report" || args[0] == "performance-file")) {
    if (!sheet::fonts_installed())
      return fail("fonts", "the Noto CJK fonts are not installed (apt-get install fonts-noto-cjk)");
    return report_document(args);
  }
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      std::cout << usage;
      return 0;
    }
  }
  auto parsed = parse_arguments(args);
  if (!parsed) {
    std::cerr << usage;
    return 2;
  }
  if (!sheet::fonts_installed())
    return fail("fonts", "the Noto CJK fonts are not installed (apt-get install fonts-noto-cjk)");
  if (parsed->record) return from_record(*parsed);
  auto text = read_file(parsed->input);
  if (!text) return fail(parsed->input, "cannot be read");
  if (parsed->sitting) {
    auto data = sheet::sitting_sheet_from_json(*text);
    if (!data) return fail(parsed->input, data.error().message());
    return write_outputs<sheet::sitting_sheet>(*data, *parsed, sheet::render_sitting_sheet);
  }
  auto data = sheet::vote_sheet_from_json(*text);
  if (!data) return fail(parsed->input, data.error().message());
  return write_outputs<sheet::vote_sheet>(*data, *parsed, sheet::render_vote_sheet);
}
