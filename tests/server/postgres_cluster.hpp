// A PostgreSQL cluster of the test's own: made with initdb in a fresh temporary folder, serving
// on a free loopback port, stopped and removed with the object. A second cluster can be made
// a synchronous standby of a first (a base backup that streams from it, named in the primary's
// synchronous_standby_names). The servers run as the `postgres` system user when the tests run
// as root (PostgreSQL refuses to run as root), else as the test's own user. For tests only.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace plenum::test {

class postgres_cluster {
 public:
  /// A new primary cluster, started. Throws std::runtime_error with the tools' output when a
  /// step fails.
  explicit postgres_cluster(std::string name);
  /// A standby of `primary`, started and streaming; `primary` then waits for it as its
  /// synchronous standby (synchronous_standby_names), and this returns once it is in sync.
  postgres_cluster(std::string name, postgres_cluster& primary);
  postgres_cluster(const postgres_cluster&) = delete;
  postgres_cluster& operator=(const postgres_cluster&) = delete;
  /// Stops the server (immediate) and removes the folder.
  ~postgres_cluster();

  /// The libpq connection string for database `dbname` on this cluster.
  [[nodiscard]] std::string conninfo(std::string_view dbname = "postgres") const;
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::string& name() const { return name_; }

  /// Runs `sql` on database `dbname`; throws on failure.
  void execute(std::string_view sql, std::string_view dbname = "postgres") const;
  /// The first column of the first row `sql` returns, as text ("" when no row).
  [[nodiscard]] std::string query(std::string_view sql, std::string_view dbname = "postgres") const;

  /// Stops the server at once, as a power loss would (pg_ctl stop -m immediate).
  void stop();
  /// Starts the server again.
  void start();
  /// Makes a standby a primary (pg_ctl promote), returning once it takes writes.
  void promote();

 private:
  void run(const std::string& command) const;
  void configure(bool standby);
  [[nodiscard]] std::string as_server_user(const std::string& command) const;

  std::string name_;
  std::filesystem::path dir_;
  std::filesystem::path data_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace plenum::test
