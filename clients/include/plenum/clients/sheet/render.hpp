// The printable result sheets: an A4 PDF per vote and one per sitting, drawn with cairo and
// pango in the Noto CJK fonts (fonts-noto-cjk), labels in Simplified Chinese.
#pragma once

#include <filesystem>
#include <string>

#include <plenum/clients/sheet/vote_sheet.hpp>
#include <plenum/protocol/error.hpp>

namespace plenum::clients::sheet {

/// Whether the Noto CJK families the sheets are set in ("Noto Sans CJK SC", "Noto Serif CJK SC",
/// "Noto Sans Mono CJK SC", Debian package fonts-noto-cjk) are installed. The renderers refuse
/// to draw without them rather than print Chinese as empty boxes. Thread-safe.
[[nodiscard]] bool fonts_installed();

/// The PDF of one vote: header (congress, sitting, date, vote), the figures 应到/实到/投票,
/// the rule, a table of counts and percentages, a horizontal bar chart, the outcome in large
/// type, the signers with their key fingerprints, the result digest with its QR code, and a
/// footer with page numbers on every page. Long tables continue on further pages.
/// Errors: errc::invalid_field when `check_vote_sheet` fails; errc::internal when cairo fails or
/// the fonts are missing (see `fonts_installed`).
/// Thread-safe (fontconfig and pango are; nothing global is written).
[[nodiscard]] result<std::string> vote_sheet_pdf(const vote_sheet& sheet);

/// The PDF of a sitting: a summary page (attendance, quorum, one line per vote with its
/// outcome and digest) followed by every vote's sheet, with page numbers over the whole file.
/// Errors as `vote_sheet_pdf`.
[[nodiscard]] result<std::string> sitting_sheet_pdf(const sitting_sheet& sheet);

/// Writes `vote_sheet_pdf(sheet)` to `path`. The file appears whole or not at all (written to a
/// temporary file in the same directory, flushed, then renamed over `path`). Errors: those of
/// `vote_sheet_pdf`, or the system's error (e.g. no such directory, permission denied, disk
/// full) as a system_category code.
[[nodiscard]] result<void> render_vote_sheet(const vote_sheet& sheet,
                                             const std::filesystem::path& path);

/// Writes `sitting_sheet_pdf(sheet)` to `path`, as `render_vote_sheet` does.
[[nodiscard]] result<void> render_sitting_sheet(const sitting_sheet& sheet,
                                                const std::filesystem::path& path);

/// Writes `bytes` to `path` whole or not at all (temporary file, fsync, rename). The system's
/// error on failure. Used by the renderers and the CSV export of `plenum-sheet`.
[[nodiscard]] result<void> write_file_atomically(const std::filesystem::path& path,
                                                 std::string_view bytes);

}  // namespace plenum::clients::sheet
