#include "target.hpp"

#include "hall_servers.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>

namespace plenum::clients::loadgen {

namespace fs = std::filesystem;
namespace asio = boost::asio;

std::string delegate_number(std::size_t i) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "D%05zu", i);
  return buf;
}

std::size_t delegate_index(std::string_view number) {
  if (number.size() != 6 || number[0] != 'D') return 0;
  std::size_t i = 0;
  for (char c : number.substr(1)) {
    if (c < '0' || c > '9') return 0;
    i = i * 10 + static_cast<std::size_t>(c - '0');
  }
  return i;
}

// Genders alternate, every tenth delegate belongs to a minority, five occupations, six
// electoral units, groups of ten: a roster without composition warnings.
std::string roster_csv(std::size_t delegates, std::size_t scrutineers, std::size_t screens) {
  static const char* occupations[] = {"science", "education", "health", "farming", "industry"};
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  for (std::size_t i = 1; i <= delegates; ++i) {
    const std::string n = delegate_number(i);
    csv += n + ',' + n + ',' + (i % 2 == 0 ? 'F' : 'M') + ',' + (i % 10 == 0 ? "Hui" : "Han") +
           ',' + occupations[i % 5] + ",U" + std::to_string(i % 6 + 1) + ",G" +
           std::to_string((i - 1) / 10 + 1) + ",delegate,no\n";
  }
  csv += "CH,The Chair,M,Han,industry,,,chair,no\n";
  csv += "SE,The Secretary,F,Han,industry,,,secretary,no\n";
  for (std::size_t i = 1; i <= scrutineers; ++i)
    csv += 'S' + std::to_string(i) + ",Scrutineer " + std::to_string(i) +
           ",F,Han,education,,,scrutineer,no\n";
  for (std::size_t i = 1; i <= screens; ++i)
    csv += 'P' + std::to_string(i) + ",Screen " + std::to_string(i) +
           ",M,Han,industry,,,projector,no\n";
  return csv;
}

std::string membership(std::size_t delegates) {
  return std::to_string(delegates * 10) + "," + std::to_string(delegates * 5) + "," +
         std::to_string(delegates);
}

std::uint64_t raise_file_limit() {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0) return 0;
  if (r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    (void)::setrlimit(RLIMIT_NOFILE, &r);
    (void)::getrlimit(RLIMIT_NOFILE, &r);
  }
  return r.rlim_cur;
}

target open_target(const options& o, bool with_roster) {
  target t;
  if (!o.server.empty()) {
    auto a = parse_server(o.server);
    if (!a) throw std::runtime_error("--server must be host:port");
    t.address = *a;
    t.address.tls.trust_file = o.ca;
    t.bootstrap = o.bootstrap;
  } else {
    t.data_dir = o.data_dir;
    const bool fresh = t.data_dir.empty();
    if (fresh) {
      std::random_device rd;
      t.data_dir = fs::temp_directory_path() / ("plenum-loadgen-" + std::to_string(::getpid()) +
                                                "-" + std::to_string(rd() % 100000));
    }
    fs::create_directories(t.data_dir);
    std::vector<std::string> extra = o.plenumd_args;
    if (with_roster) {
      const fs::path roster = t.data_dir / "roster.csv";
      std::ofstream(roster) << roster_csv(o.delegates, o.scrutineers, o.as_apps ? o.screens : 0);
      extra.insert(extra.end(),
                   {"--roster", roster.string(), "--membership", membership(o.delegates)});
    } else {
      extra.push_back("--init-demo");
    }
    t.process = std::make_unique<plenumd_process>(o.plenumd, t.data_dir / "data", extra);
    auto port = t.process->wait_ready(std::chrono::seconds(120));
    if (!port) throw std::runtime_error("plenumd did not start; see " + t.process->log().string());
    // Kept when plenumd did not start (its log is there); removed at the end of a run.
    if (fresh) t.temporary = removed_directory(t.data_dir);
    t.address.host = "127.0.0.1";
    t.address.port = *port;
    t.address.tls.trust_file = t.data_dir / "data" / "tls" / "cert.pem";
    t.bootstrap = t.data_dir / "data" / "bootstrap-credentials.txt";
  }
  t.address.timeout = o.timeout;
  std::string host = t.address.host == "localhost" ? "127.0.0.1" : t.address.host;
  boost::system::error_code ec;
  const auto ip = asio::ip::make_address(host, ec);
  if (ec || !ip.is_loopback())
    throw std::runtime_error("refusing " + t.address.host +
                             ": plenum-loadgen talks to loopback addresses only");
  t.address.host = host;
  t.endpoint = asio::ip::tcp::endpoint(ip, t.address.port);
  t.endpoints.push_back(t.endpoint);
  for (std::size_t i = 1; i < o.servers.size(); ++i) {
    auto more = loopback_endpoint(o.servers[i]);
    if (!more)
      throw std::runtime_error("refusing --server " + o.servers[i] +
                               ": plenum-loadgen talks to loopback host:port addresses only");
    t.endpoints.push_back(*more);
  }
  return t;
}

}  // namespace plenum::clients::loadgen
