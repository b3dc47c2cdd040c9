// Results as CSV, for spreadsheets.
//
// Format (RFC 4180): UTF-8 beginning with a byte order mark (EF BB BF), so that spreadsheet
// programs that otherwise assume a local code page show Chinese correctly; records end in CRLF;
// a field is quoted when it contains a comma, a double quote, CR or LF, and a double quote in it
// is doubled. A field that begins with '=', '+', '-', '@', TAB or CR gets a leading apostrophe
// so that a spreadsheet never evaluates a name as a formula (CSV injection); no count or
// percentage begins with one of these, so only free texts are ever changed.
// One header line, then one line per option line of every contest:
//   表决编号,表决事项,类型,应到,实到,投票数,项目,选项,票数,百分比,结果,结果摘要
// 百分比 is the outcome's text ("66.67", empty when the sheet gives none); 结果 is the contest's
// mark (当选 / 超过界线) and, for a motion, 通过 / 未通过.
#pragma once

#include <string>

#include <plenum/clients/sheet/vote_sheet.hpp>

namespace plenum::clients::sheet {

/// The CSV of one vote (header line included). Thread-safe; never fails.
[[nodiscard]] std::string results_csv(const vote_sheet& sheet);

/// The CSV of every vote of a sitting, one header line for all.
[[nodiscard]] std::string results_csv(const sitting_sheet& sheet);

/// One field as the CSV writes it (quoted and guarded as described above). Exposed for tests.
[[nodiscard]] std::string csv_field(std::string_view text);

}  // namespace plenum::clients::sheet
