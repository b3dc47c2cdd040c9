#include "launch/plenumd_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace plenum::clients::launch {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path with_suffix(const fs::path& p, const char* suffix) {
  fs::path out = p;
  out += suffix;
  return out;
}

}  // namespace

plenumd_process::plenumd_process(const fs::path& binary, const fs::path& data_dir,
                                 std::vector<std::string> extra, plenumd_settings settings)
    : ready_(with_suffix(data_dir, ".ready")),
      log_(settings.log_file.empty() ? with_suffix(data_dir, ".log") : settings.log_file),
      graceful_end_(settings.graceful_end) {
  fs::remove(ready_);
  std::vector<std::string> args{
      binary.string(), "--data-dir",   data_dir.string(), "--port", std::to_string(settings.port),
      "--ready-file",  ready_.string()};
  if (!settings.log_level.empty()) args.insert(args.end(), {"--log-level", settings.log_level});
  if (settings.threads > 0)
    args.insert(args.end(), {"--threads", std::to_string(settings.threads)});
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    if (settings.dies_with_parent) ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) ::_exit(126);
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
}

plenumd_process::~plenumd_process() {
  if (pid_ <= 0 || exit_status_) return;
  if (graceful_end_ && stop(SIGTERM, std::chrono::seconds(10))) return;
  ::kill(pid_, SIGKILL);
  reap(true);
}

bool plenumd_process::reap(bool block) {
  if (exit_status_) return true;
  int status = 0;
  if (::waitpid(pid_, &status, block ? 0 : WNOHANG) != pid_) return false;
  exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

std::optional<std::uint16_t> plenumd_process::wait_ready(std::chrono::seconds timeout) {
  // Polling a file written by another process: there is no event to wait on portably.
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (reap(false)) return std::nullopt;
    const std::string text = read_text(ready_);
    if (!text.empty() && text.back() == '\n') {
      const unsigned long port = std::stoul(text);
      if (port > 0 && port < 65536) return static_cast<std::uint16_t>(port);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

std::optional<int> plenumd_process::stop(int signo, std::chrono::seconds timeout) {
  if (!exit_status_) ::kill(pid_, signo);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!reap(false) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exit_status_;
}

}  // namespace plenum::clients::launch
