// plenum-sheet, the renderer of the printable result sheets (clients/src/sheet), as plenumd
// uses it: found at start-up, run as a child process on an exported record. The server does not
// link the client libraries; it only runs the program.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "plenum/protocol/error.hpp"

namespace plenum::server::downloads {

/// The program's file name.
inline constexpr std::string_view sheet_tool_name = "plenum-sheet";

/// Where plenumd finds plenum-sheet: `given` when set (whether or not it exists: the operator
/// named it); else the build tree's `<dir of self>/../clients/src/sheet/plenum-sheet` when
/// executable; else the first executable `plenum-sheet` in the directories of `path_env` (PATH,
/// colon-separated); else nullopt. Reads the file system only.
[[nodiscard]] std::optional<std::filesystem::path> find_sheet_tool(
    const std::optional<std::filesystem::path>& given, const std::filesystem::path& self,
    std::string_view path_env);

/// Why a sheet was not made: the code of the error reply and a sentence for its message.
struct sheet_failure {
  errc code = errc::sheet_failed;
  std::string reason;
};

/// Runs `tool --record record_dir --vote id pdf` (`sitting` false) or `--sitting id` (`sitting`
/// true), its output going to `log_file`, for at most `limit`. nullopt when the PDF was written;
/// else errc::sheet_tool_missing when `tool` is empty or cannot be run, errc::sheet_failed with
/// the tool's first line of output when it failed, or saying so when it ran out of time.
[[nodiscard]] std::optional<sheet_failure> make_sheet(
    const std::optional<std::filesystem::path>& tool, const std::filesystem::path& record_dir,
    bool sitting, std::string_view id, const std::filesystem::path& pdf,
    const std::filesystem::path& log_file, std::chrono::milliseconds limit);

/// Runs `tool DOCUMENT json_file pdf` (`document` "monthly-report" or "performance-file"), as
/// make_sheet does, with the same failures.
[[nodiscard]] std::optional<sheet_failure> make_document(
    const std::optional<std::filesystem::path>& tool, std::string_view document,
    const std::filesystem::path& json_file, const std::filesystem::path& pdf,
    const std::filesystem::path& log_file, std::chrono::milliseconds limit);

}  // namespace plenum::server::downloads
