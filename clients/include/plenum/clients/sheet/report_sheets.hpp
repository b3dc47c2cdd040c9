// The printable documents the liaison office sends upward: the monthly written report
// (月度书面报告) and a delegate's performance file (履职档案), A4 PDFs in Simplified Chinese drawn
// like the result sheets (cairo, pango, Noto CJK), from the JSON the server gives
// (server/src/domain/monthly_report.hpp, performance_file.hpp).
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "plenum/protocol/error.hpp"

namespace plenum::clients::sheet {

/// The PDF of a monthly report file `{"report": {...}, "report_digest": hex, "issued":
/// {report_id, by, unix_ms} or null}`: the congress, the month and period, every figure with its
/// Chinese label (sittings, activities, groups that have not met, proposals and their ratings
/// and overdue ones, opinions, resolutions and rectification items by status), whether it was
/// issued, and the digest with its QR code. The digest is recomputed from the report (SHA-256
/// of its canonical JSON). Errors: errc::invalid_field when the file lacks a member or its
/// digest is not the report's; errc::internal when cairo fails or the fonts are missing.
[[nodiscard]] result<std::string> monthly_report_pdf(const boost::json::object& file);

/// The PDF of a performance file (the `performance_file` object of get_performance_file): the
/// delegate, the sittings with their attendance, activities, proposals with their handling,
/// contacts and opinions. Errors as monthly_report_pdf.
[[nodiscard]] result<std::string> performance_file_pdf(const boost::json::object& file);

}  // namespace plenum::clients::sheet
