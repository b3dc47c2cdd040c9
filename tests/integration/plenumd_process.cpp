#include "plenumd_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace plenum::tests {

temp_dir::temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "plenum-it-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

temp_dir::~temp_dir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

plenumd_process::plenumd_process(const std::filesystem::path& binary,
                                 const std::filesystem::path& data_dir,
                                 const std::filesystem::path& log_file,
                                 std::vector<std::string> extra_args) {
  ready_file_ = data_dir.parent_path() / (data_dir.filename().string() + ".ready");
  std::filesystem::remove(ready_file_);
  std::vector<std::string> args{
      binary.string(), "--data-dir",         data_dir.string(), "--port", "0",
      "--ready-file",  ready_file_.string(), "--threads",       "2"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  int rc = ::posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("posix_spawn failed for " + binary.string());
}

plenumd_process::~plenumd_process() {
  if (pid_ > 0 && !exit_status_) {
    ::kill(pid_, SIGKILL);
    reap(true);
  }
}

bool plenumd_process::reap(bool block) {
  int status = 0;
  pid_t r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
  if (r != pid_) return false;
  exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

std::optional<std::uint16_t> plenumd_process::wait_ready(std::chrono::seconds timeout) {
  // Polling a file written by another process: there is no event to wait on portably.
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (exit_status_ || reap(false)) return std::nullopt;
    std::ifstream in(ready_file_);
    unsigned port = 0;
    if (in >> port && port > 0 && port < 65536) return static_cast<std::uint16_t>(port);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

std::optional<int> plenumd_process::stop(int signo, std::chrono::seconds timeout) {
  if (!exit_status_) ::kill(pid_, signo);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!exit_status_ && std::chrono::steady_clock::now() < deadline) {
    if (!reap(false)) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return exit_status_;
}

}  // namespace plenum::tests
