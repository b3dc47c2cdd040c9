#include "plenumd_process.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

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

std::uint16_t free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  const bool bound = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
  if (fd >= 0) ::close(fd);
  if (!bound) throw std::runtime_error("no free loopback port");
  return ntohs(addr.sin_port);
}

bool eventually(const std::function<bool()>& check, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!check()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

namespace {

std::string shell_quoted(const std::string& word) {
  std::string q = "'";
  for (char c : word) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

command_result run_command(const std::filesystem::path& binary,
                           const std::vector<std::string>& args,
                           const std::filesystem::path& scratch) {
  static int n = 0;
  const auto out = scratch / ("cmd" + std::to_string(++n) + ".out");
  const auto err = scratch / ("cmd" + std::to_string(n) + ".err");
  std::string line = shell_quoted(binary.string());
  for (const auto& a : args) line += " " + shell_quoted(a);
  line += " >" + shell_quoted(out.string()) + " 2>" + shell_quoted(err.string());
  const int raw = std::system(line.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, file_text(out), file_text(err)};
}

void expect_exported_record_verifies(const std::filesystem::path& plenumd,
                                     const std::filesystem::path& verify,
                                     const std::string& event_store,
                                     const std::filesystem::path& key_dir,
                                     const std::filesystem::path& record,
                                     const std::filesystem::path& scratch) {
  const auto exported = run_command(plenumd,
                                    {"export", "--event-store", event_store, "--data-dir",
                                     key_dir.string(), "--out", record.string()},
                                    scratch);
  ASSERT_EQ(exported.status, 0) << exported.err;
  const auto verified = run_command(verify, {record.string()}, scratch);
  EXPECT_EQ(verified.status, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("PASS signatures"), std::string::npos) << verified.out;
}

}  // namespace plenum::tests
