#include "postgres_cluster.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "storage/pq.hpp"

#ifndef PLENUM_POSTGRES_BIN_DIR
#error "PLENUM_POSTGRES_BIN_DIR names the folder of initdb and pg_ctl"
#endif

namespace plenum::test {

namespace {

const std::filesystem::path bin_dir = PLENUM_POSTGRES_BIN_DIR;

// A port no one listens on now: the kernel's pick for a socket bound to port 0.
int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot find a free port");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string tail_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  return text.size() > 3000 ? text.substr(text.size() - 3000) : text;
}

}  // namespace

std::string postgres_cluster::as_server_user(const std::string& command) const {
  if (::geteuid() != 0) return command;
  return "runuser -u postgres -- " + command;
}

void postgres_cluster::run(const std::string& command) const {
  const auto log = dir_ / "tools.log";
  const std::string line = as_server_user(command) + " >>" + log.string() + " 2>&1";
  if (std::system(line.c_str()) != 0) {
    throw std::runtime_error("postgres cluster " + name_ + ": `" + command + "` failed:\n" +
                             tail_of(log) + tail_of(dir_ / "server.log"));
  }
}

void postgres_cluster::configure(bool standby) {
  std::ofstream conf(data_ / "postgresql.conf", std::ios::app);
  conf << "\n# " << name_ << " (tests)\n"
       << "listen_addresses = '127.0.0.1'\n"
       << "port = " << port_ << "\n"
       << "unix_socket_directories = '" << dir_.string() << "'\n"
       << "cluster_name = '" << name_ << "'\n"
       << "max_connections = 30\n"
       << "shared_buffers = 16MB\n"
       << "max_wal_senders = 4\n"
       << "wal_level = replica\n";
  if (!standby) conf << "synchronous_standby_names = ''\n";
  if (!conf) throw std::runtime_error("cannot write " + (data_ / "postgresql.conf").string());
}

postgres_cluster::postgres_cluster(std::string name) : name_(std::move(name)) {
  std::string pattern = (std::filesystem::temp_directory_path() / "plenum-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  data_ = dir_ / "data";
  if (::geteuid() == 0) {
    const passwd* pg = ::getpwnam("postgres");
    if (pg == nullptr) {
      throw std::runtime_error(
          "the tests run as root and PostgreSQL refuses root: they need the `postgres` user "
          "(Debian's postgresql package makes it; scripts/setup.sh installs it)");
    }
    if (::chown(dir_.c_str(), pg->pw_uid, pg->pw_gid) != 0) {
      throw std::runtime_error("cannot give " + dir_.string() + " to postgres");
    }
  }
  port_ = free_loopback_port();
  run((bin_dir / "initdb").string() + " -D " + data_.string() +
      " -U plenum --auth=trust -E UTF8 --locale=C.UTF-8 --no-instructions --no-sync");
  configure(false);
  start();
}

postgres_cluster::postgres_cluster(std::string name, postgres_cluster& primary)
    : name_(std::move(name)) {
  std::string pattern = (std::filesystem::temp_directory_path() / "plenum-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  data_ = dir_ / "data";
  if (::geteuid() == 0) {
    const passwd* pg = ::getpwnam("postgres");
    if (pg == nullptr || ::chown(dir_.c_str(), pg->pw_uid, pg->pw_gid) != 0) {
      throw std::runtime_error("cannot give " + dir_.string() + " to postgres");
    }
  }
  port_ = free_loopback_port();
  // -R writes standby.signal and primary_conninfo; the walreceiver names itself cluster_name.
  run((bin_dir / "pg_basebackup").string() + " -h 127.0.0.1 -p " + std::to_string(primary.port_) +
      " -U plenum -D " + data_.string() + " -R -X stream -c fast --no-sync");
  configure(true);
  start();
  primary.execute("ALTER SYSTEM SET synchronous_standby_names = '" + name_ + "'");
  primary.execute("SELECT pg_reload_conf()");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (primary.query("SELECT sync_state FROM pg_stat_replication WHERE application_name = '" +
                       name_ + "'") != "sync") {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("standby " + name_ + " did not become synchronous:\n" +
                               tail_of(dir_ / "server.log"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

postgres_cluster::~postgres_cluster() {
  if (running_) {
    const std::string line = as_server_user((bin_dir / "pg_ctl").string() + " -D " +
                                            data_.string() + " -m immediate -w stop") +
                             " >/dev/null 2>&1";
    (void)std::system(line.c_str());
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string postgres_cluster::conninfo(std::string_view dbname) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) +
         " user=plenum dbname=" + std::string(dbname) + " connect_timeout=5";
}

void postgres_cluster::execute(std::string_view sql, std::string_view dbname) const {
  auto db = server::storage::pq::connection::open(conninfo(dbname)).value();
  db.run(sql).value();
}

std::string postgres_cluster::query(std::string_view sql, std::string_view dbname) const {
  auto db = server::storage::pq::connection::open(conninfo(dbname)).value();
  auto r = db.exec(sql).value();
  if (r.rows() == 0) return "";
  return std::string(r.text(0, 0));
}

void postgres_cluster::stop() {
  run((bin_dir / "pg_ctl").string() + " -D " + data_.string() + " -m immediate -w stop");
  running_ = false;
}

void postgres_cluster::start() {
  run((bin_dir / "pg_ctl").string() + " -D " + data_.string() + " -l " +
      (dir_ / "server.log").string() + " -w -t 60 start");
  running_ = true;
}

void postgres_cluster::promote() {
  run((bin_dir / "pg_ctl").string() + " -D " + data_.string() + " -w -t 60 promote");
}

}  // namespace plenum::test
