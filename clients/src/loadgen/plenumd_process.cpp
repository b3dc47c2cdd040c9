#include "plenumd_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

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
  u.cpu_seconds = static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
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

plenumd_process::plenumd_process(const fs::path& binary, const fs::path& data_dir,
                                 const std::vector<std::string>& extra) {
  ready_ = data_dir;
  ready_ += ".ready";
  log_ = data_dir;
  log_ += ".log";
  fs::remove(ready_);
  std::vector<std::string> args{binary.string(), "--data-dir",    data_dir.string(), "--port", "0",
                                "--ready-file",  ready_.string(), "--log-level",     "warn"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // If the load generator dies without stopping it (a crash, SIGKILL), so does plenumd.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) ::_exit(126);
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
}

plenumd_process::~plenumd_process() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  for (int i = 0; i < 1000; ++i) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
}

std::optional<std::uint16_t> plenumd_process::wait_ready(std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return std::nullopt;
    }
    const std::string text = read_text(ready_);
    if (!text.empty() && text.back() == '\n') return static_cast<std::uint16_t>(std::stoul(text));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

fs::path default_plenumd() {
#ifdef PLENUM_LOADGEN_PLENUMD
  if (fs::exists(PLENUM_LOADGEN_PLENUMD)) return PLENUM_LOADGEN_PLENUMD;
#endif
  return "plenumd";
}

}  // namespace plenum::clients::loadgen
