#include "e2e_congress.hpp"

#include <signal.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace plenum::e2e {

namespace fs = std::filesystem;

namespace {

// Occupations cycle through the four front-line categories and one more; genders alternate;
// every tenth delegate belongs to a minority; groups of ten, six electoral units.
std::string roster_csv(int delegates, int scrutineers) {
  static const char* occupations[] = {"science", "education", "health", "farming", "industry"};
  std::ostringstream csv;
  csv << "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  for (int i = 1; i <= delegates; ++i) {
    csv << congress::delegate(i) << ",Delegate " << i << ',' << (i % 2 == 0 ? 'F' : 'M') << ','
        << (i % 10 == 0 ? "Hui" : "Han") << ',' << occupations[i % 5] << ",U" << (i % 6 + 1) << ",G"
        << ((i - 1) / 10 + 1) << ",delegate,no\n";
  }
  csv << "CH,The Chair,M,Han,industry,,,chair,no\n";
  csv << "SE,The Secretary,F,Han,industry,,,secretary,no\n";
  for (int i = 1; i <= scrutineers; ++i)
    csv << 'S' << i << ",Scrutineer " << i << ",F,Han,education,,,scrutineer,no\n";
  return csv.str();
}

// plenumd's settings here: quiet logs, on `port` (0: any free port).
clients::launch::plenumd_settings plenumd_settings(std::uint16_t port) {
  clients::launch::plenumd_settings s;
  s.port = port;
  s.log_level = "warn";
  return s;
}

}  // namespace

std::string congress::delegate(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "D%03d", i);
  return buf;
}

std::string congress::delegates(int from, int to) {
  std::string out;
  for (int i = from; i <= to; ++i) out += (out.empty() ? "" : ",") + delegate(i);
  return out;
}

congress::congress(int delegates, int scrutineers)
    : delegates_(delegates), scrutineers_(scrutineers) {
  const fs::path roster = scratch_.path() / "roster.csv";
  std::ofstream(roster) << roster_csv(delegates, scrutineers);
  // Membership shares equal to the delegates' (half women, a tenth minority): no warnings.
  const std::string membership = std::to_string(delegates * 10) + "," +
                                 std::to_string(delegates * 5) + "," + std::to_string(delegates);
  daemon_ = std::make_unique<clients::launch::plenumd_process>(
      PLENUMD_BINARY, scratch_.path() / "data",
      std::vector<std::string>{"--roster", roster.string(), "--membership", membership},
      plenumd_settings(0));
  port_ = daemon_->wait_ready(std::chrono::seconds(60));
}

cli_run congress::cli(const std::vector<std::string>& args) const {
  std::vector<std::string> all{
      "--server",     "127.0.0.1:" + std::to_string(port_.value_or(1)),
      "--ca",         (scratch_.path() / "data" / "tls" / "cert.pem").string(),
      "--keys",       keys().string(),
      "--pin-limits", "interactive",
      "--json"};
  all.insert(all.end(), args.begin(), args.end());
  return run_cli(all, scratch_.path());
}

cli_run congress::cli_as(const std::string& person, const std::vector<std::string>& args) const {
  std::vector<std::string> all{"--as", person};
  all.insert(all.end(), args.begin(), args.end());
  return cli(all);
}

std::string congress::enroll_everyone() const {
  // "number<TAB>name<TAB>roles<TAB>code" per secretary.
  std::istringstream creds(read_text(scratch_.path() / "data" / "bootstrap-credentials.txt"));
  std::string line;
  std::string code;
  while (std::getline(creds, line))
    if (line.rfind("SE\t", 0) == 0) code = line.substr(line.rfind('\t') + 1);
  if (code.empty()) return "no code for SE in bootstrap-credentials.txt";
  if (auto r = cli_as("SE", {"enroll", code}); r.exit_code != 0) return "SE enroll: " + r.err;
  std::vector<std::string> issue{"issue-code", "CH"};
  for (int i = 1; i <= scrutineers_; ++i) issue.push_back("S" + std::to_string(i));
  for (int i = 1; i <= delegates_; ++i) issue.push_back(delegate(i));
  // Text output: PERSON,CODE lines, the input of `rehearse enroll`.
  std::vector<std::string> args{
      "--server", "127.0.0.1:" + std::to_string(port_.value_or(1)),
      "--ca",     (scratch_.path() / "data" / "tls" / "cert.pem").string(),
      "--keys",   keys().string(),
      "--as",     "SE"};
  args.insert(args.end(), issue.begin(), issue.end());
  auto codes = run_cli(args, scratch_.path());
  if (codes.exit_code != 0) return "issue-code: " + codes.err;
  const fs::path file = scratch_.path() / "codes.csv";
  std::ofstream(file) << codes.out;
  auto enrolled = cli({"rehearse", "enroll", "--codes", file.string(), "--parallel", "4"});
  if (enrolled.exit_code != 0) return "rehearse enroll: " + enrolled.out + enrolled.err;
  return {};
}

bool congress::kill9() {
  auto status = daemon_->stop(SIGKILL, std::chrono::seconds(10));
  return status == 128 + SIGKILL;
}

bool congress::restart() {
  daemon_ = std::make_unique<clients::launch::plenumd_process>(
      PLENUMD_BINARY, scratch_.path() / "data", std::vector<std::string>{},
      plenumd_settings(port_.value_or(std::uint16_t{0})));
  auto port = daemon_->wait_ready(std::chrono::seconds(60));
  return port.has_value() && port == port_;
}

clients::server_address congress::address() const {
  clients::server_address a;
  a.host = "127.0.0.1";
  a.port = port_.value_or(1);
  a.tls.trust_file = scratch_.path() / "data" / "tls" / "cert.pem";
  return a;
}

std::string congress::server_log() const { return read_text(daemon_->log()); }

}  // namespace plenum::e2e
