#include "downloads/subprocess.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <thread>

extern char** environ;

namespace plenum::server::downloads {

namespace {

std::string start_of_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text(4096, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return text;
}

struct file_actions {
  posix_spawn_file_actions_t actions{};
  file_actions() { posix_spawn_file_actions_init(&actions); }
  ~file_actions() { posix_spawn_file_actions_destroy(&actions); }
  file_actions(const file_actions&) = delete;
  file_actions& operator=(const file_actions&) = delete;
};

}  // namespace

child_outcome run_child(const std::filesystem::path& program, const std::vector<std::string>& args,
                        const std::filesystem::path& output_file, std::chrono::milliseconds limit) {
  child_outcome out;
  std::vector<std::string> words;
  words.reserve(args.size() + 1);
  words.push_back(program.string());
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);

  file_actions fa;
  posix_spawn_file_actions_addopen(&fa.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa.actions, STDOUT_FILENO, output_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&fa.actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  const int started =
      ::posix_spawn(&pid, program.c_str(), &fa.actions, nullptr, argv.data(), environ);
  if (started != 0) {
    out.not_started = true;
    out.output = std::strerror(started);
    return out;
  }

  // Poll for the end: a child is short-lived, and waitpid with a timeout does not exist.
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      out.output = std::strerror(errno);
      return out;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      out.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!out.timed_out && WIFEXITED(status)) out.exit_status = WEXITSTATUS(status);
  out.output = start_of_file(output_file);
  return out;
}

}  // namespace plenum::server::downloads
