#include "e2e_support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json/parse.hpp>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace plenum::e2e {

namespace fs = std::filesystem;

namespace {

pid_t spawn(const std::string& binary, const std::vector<std::string>& args, const fs::path& out,
            const fs::path& err, bool append = false) {
  std::vector<std::string> argv_store;
  argv_store.push_back(binary);
  argv_store.insert(argv_store.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_store) argv.push_back(a.data());
  argv.push_back(nullptr);
  const bool one_file = out == err;
  // The caller may have threads (a server in the test): until execv the child makes only
  // async-signal-safe calls, with everything made before the fork.
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0600);
    const int e = one_file ? o : ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (o < 0 || e < 0) ::_exit(126);
    ::dup2(o, STDOUT_FILENO);
    ::dup2(e, STDERR_FILENO);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

}  // namespace

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

scratch_dir::scratch_dir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() /
          ("plenum-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  fs::create_directories(path_);
}

scratch_dir::~scratch_dir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

boost::json::value cli_run::json() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(out, ec);
  return ec ? boost::json::value() : v;
}

cli_run run_cli(const std::vector<std::string>& args, const fs::path& scratch) {
  static std::atomic<unsigned> counter{0};
  const unsigned n = counter++;
  const fs::path out = scratch / ("cli-" + std::to_string(n) + ".out");
  const fs::path err = scratch / ("cli-" + std::to_string(n) + ".err");
  const pid_t pid = spawn(PLENUM_CLI_BINARY, args, out, err);
  int status = 0;
  ::waitpid(pid, &status, 0);
  cli_run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_text(out);
  r.err = read_text(err);
  return r;
}

}  // namespace plenum::e2e
