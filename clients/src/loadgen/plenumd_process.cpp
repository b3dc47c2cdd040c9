#include "plenumd_process.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace plenum::clients::loadgen {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::optional<process_usage> read_usage(pid_t pid) {
  const fs::path proc = fs::path("/proc") / std::to_string(pid);
  const std::string stat = read_text(proc / "stat");
  const auto paren = stat.rfind(')');
  if (paren == std::string::npos) return std::nullopt;
  // Fields after the command: state is field 3; utime and stime are fields 14 and 15.
  std::istringstream fields(stat.substr(paren + 2));
  std::string field;
  std::uint64_t utime = 0;
  std::uint64_t stime = 0;
  for (int n = 3; n <= 15 && fields >> field; ++n) {
    if (n == 14) utime = std::stoull(field);
    if (n == 15) stime = std::stoull(field);
  }
  process_usage u;
  const auto ticks_per_second = static_cast<double>(::sysconf(_SC_CLK_TCK));
  u.cpu_seconds = static_cast<double>(utime + stime) / ticks_per_second;
  u.system_cpu_seconds = static_cast<double>(stime) / ticks_per_second;
  std::istringstream status(read_text(proc / "status"));
  std::string line;
  while (std::getline(status, line)) {
    std::istringstream words(line);
    std::string key;
    std::uint64_t value = 0;
    words >> key >> value;
    if (key == "VmHWM:") u.peak_rss_kib = value;
    if (key == "VmRSS:") u.rss_kib = value;
  }
  return u;
}

fs::path default_plenumd() {
#ifdef PLENUM_LOADGEN_PLENUMD
  if (fs::exists(PLENUM_LOADGEN_PLENUMD)) return PLENUM_LOADGEN_PLENUMD;
#endif
  return "plenumd";
}

}  // namespace plenum::clients::loadgen
