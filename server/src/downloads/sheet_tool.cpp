#include "downloads/sheet_tool.hpp"

#include <unistd.h>

#include "downloads/subprocess.hpp"

namespace plenum::server::downloads {

namespace fs = std::filesystem;

namespace {

bool executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  constexpr std::string_view prefix = "plenum-sheet: ";
  if (line.starts_with(prefix)) line.erase(0, prefix.size());
  return line;
}

}  // namespace

std::optional<fs::path> find_sheet_tool(const std::optional<fs::path>& given, const fs::path& self,
                                        std::string_view path_env) {
  if (given) return given;
  const fs::path beside =
      self.parent_path().parent_path() / "clients" / "src" / "sheet" / std::string(sheet_tool_name);
  if (!self.empty() && executable(beside)) return beside;
  while (!path_env.empty()) {
    const auto colon = path_env.find(':');
    const std::string_view dir = path_env.substr(0, colon);
    path_env = colon == std::string_view::npos ? std::string_view() : path_env.substr(colon + 1);
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / std::string(sheet_tool_name);
    if (executable(candidate)) return candidate;
  }
  return std::nullopt;
}

namespace {

// Runs the tool with `args`; nullopt when `pdf` was written.
std::optional<sheet_failure> run_sheet_tool(const std::optional<fs::path>& tool,
                                            const std::vector<std::string>& args,
                                            const fs::path& pdf, const fs::path& log_file,
                                            std::chrono::milliseconds limit) {
  if (!tool || !executable(*tool))
    return sheet_failure{errc::sheet_tool_missing,
                         tool ? tool->string() + " is missing or not executable"
                              : "plenum-sheet was not found (plenumd --sheet-tool PATH)"};
  const auto ran = run_child(*tool, args, log_file, limit);
  if (ran.not_started)
    return sheet_failure{errc::sheet_tool_missing, tool->string() + ": " + ran.output};
  if (ran.timed_out)
    return sheet_failure{errc::sheet_failed, "plenum-sheet took longer than " +
                                                 std::to_string(limit.count() / 1000) + " s"};
  if (!ran.succeeded() || !fs::exists(pdf))
    return sheet_failure{errc::sheet_failed, "plenum-sheet failed: " + first_line(ran.output)};
  return std::nullopt;
}

}  // namespace

std::optional<sheet_failure> make_sheet(const std::optional<fs::path>& tool,
                                        const fs::path& record_dir, bool sitting,
                                        std::string_view id, const fs::path& pdf,
                                        const fs::path& log_file, std::chrono::milliseconds limit) {
  return run_sheet_tool(tool,
                        {"--record", record_dir.string(), sitting ? "--sitting" : "--vote",
                         std::string(id), pdf.string()},
                        pdf, log_file, limit);
}

std::optional<sheet_failure> make_document(const std::optional<fs::path>& tool,
                                           std::string_view document, const fs::path& json_file,
                                           const fs::path& pdf, const fs::path& log_file,
                                           std::chrono::milliseconds limit) {
  return run_sheet_tool(tool, {std::string(document), json_file.string(), pdf.string()}, pdf,
                        log_file, limit);
}

}  // namespace plenum::server::downloads
