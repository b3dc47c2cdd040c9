// plenumd with its event log in PostgreSQL (--event-store, server/STANDBY.md), against a primary
// and a synchronous standby of the test's own on loopback: the demo congress is written to the
// primary and is on the standby once plenumd is ready; a plenumd pointed at the standby is
// refused while it is one; after the primary plenumd is killed and its server stopped (the
// power-loss fault injector) and the standby promoted, a plenumd on the standby machine opens
// the same congress, every event of it.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "plenumd_process.hpp"
#include "postgres_cluster.hpp"

namespace plenum::tests {
namespace {

using namespace std::chrono_literals;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

TEST(PlenumdEventStore, TheHallKeepsItsLogInPostgresAndTheStandbyTakesOver) {
  test::postgres_cluster primary("hall_a");
  test::postgres_cluster standby("hall_b", primary);
  primary.execute("CREATE DATABASE congress");
  temp_dir dir;
  const auto machine_a = dir.path() / "a";
  const auto machine_b = dir.path() / "b";

  std::string events;
  {
    plenumd_process hall(PLENUMD_BINARY, machine_a, dir.path() / "a.log",
                         {"--init-demo", "--event-store", primary.conninfo("congress")});
    ASSERT_TRUE(hall.wait_ready(60s)) << read_file(dir.path() / "a.log");
    events = primary.query("SELECT count(*) FROM events", "congress");
    EXPECT_GT(std::stoi(events), 10) << "the demo congress is in PostgreSQL";
    EXPECT_EQ(standby.query("SELECT count(*) FROM events", "congress"), events)
        << "every event plenumd waited for is on the standby";
    EXPECT_FALSE(std::filesystem::exists(machine_a / "events.db"));

    plenumd_process refused(PLENUMD_BINARY, dir.path() / "c", dir.path() / "c.log",
                            {"--event-store", standby.conninfo("congress")});
    EXPECT_FALSE(refused.wait_ready(30s));
    EXPECT_NE(read_file(dir.path() / "c.log").find("is a standby"), std::string::npos)
        << read_file(dir.path() / "c.log");

    EXPECT_EQ(hall.stop(SIGKILL, 10s), 128 + SIGKILL);
  }
  primary.stop();
  standby.promote();

  // The standby machine holds the congress key too until the handover event exists
  // (STANDBY.md, "The congress key after takeover").
  std::filesystem::create_directories(machine_b);
  std::filesystem::copy_file(machine_a / "congress.key", machine_b / "congress.key");
  plenumd_process taken(PLENUMD_BINARY, machine_b, dir.path() / "b.log",
                        {"--event-store", standby.conninfo("congress")});
  ASSERT_TRUE(taken.wait_ready(60s)) << read_file(dir.path() / "b.log");
  const std::string log = read_file(dir.path() / "b.log");
  EXPECT_NE(log.find("msg=\"congress opened\" congress_id=congress events=" + events + " "),
            std::string::npos)
      << log;
}

}  // namespace
}  // namespace plenum::tests
