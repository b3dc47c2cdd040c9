// The standby machine's plenumd (plenumd --standby, server/STANDBY.md) against a PostgreSQL
// primary and synchronous standby of the test's own on loopback, with plenumd on both "machines"
// (two ports): the standby greets devices with serving:false, the hall's addresses and the keys
// of the replicated log, answers ping and refuses every other request with not_serving,
// changing nothing; it writes standby-sync.json saying whether the primary names it in sync;
// the primary's public state says whether its standby is in sync, pushes the change and warns
// in its log when the standby leaves sync.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>

#include "hall_client.hpp"
#include "plenumd_process.hpp"
#include "postgres_cluster.hpp"

namespace plenum::tests {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

// The standby's standby-sync.json (an empty object while it cannot be read).
json::object sync_file(const std::filesystem::path& data) {
  boost::system::error_code ec;
  auto v = json::parse(read_file(data / "standby-sync.json"), ec);
  return !ec && v.is_object() ? v.as_object() : json::object{};
}

bool flag(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_bool() && v->as_bool();
}

// The public state's hall.standby over `c`.
std::string hall_standby(hall_client& c) {
  auto state = c.call("get_state");
  if (!state.ok()) return "error " + state.code();
  const auto* hall = state.fields.at("state").as_object().if_contains("hall");
  return hall != nullptr && hall->is_object() ? str(hall->as_object(), "standby") : "";
}

struct hall_machine {
  std::uint16_t port;
  std::string address;
  std::filesystem::path data;
};

clients::launch::plenumd_settings settings_for(const hall_machine& m,
                                               const std::filesystem::path& log) {
  clients::launch::plenumd_settings s;
  s.port = m.port;
  s.threads = 2;
  s.log_file = log;
  return s;
}

TEST(Standby, TheStandbyRefusesToServeAndBothMachinesWatchTheirSync) {
  test::postgres_cluster pg_a("hall_a");
  test::postgres_cluster pg_b("hall_b", pg_a);
  pg_a.execute("CREATE DATABASE congress");
  temp_dir dir;
  hall_machine a{free_loopback_port(), "", dir.path() / "a"};
  hall_machine b{free_loopback_port(), "", dir.path() / "b"};
  a.address = "https://127.0.0.1:" + std::to_string(a.port);
  b.address = "https://127.0.0.1:" + std::to_string(b.port);
  const std::vector<std::string> hall_servers = {"--hall-server", a.address, "--hall-server",
                                                 b.address};
  auto args = [&](std::vector<std::string> own) {
    own.insert(own.end(), hall_servers.begin(), hall_servers.end());
    return own;
  };

  clients::launch::plenumd_process primary(
      PLENUMD_BINARY, a.data, args({"--init-demo", "--event-store", pg_a.conninfo("congress")}),
      settings_for(a, dir.path() / "a.log"));
  ASSERT_EQ(primary.wait_ready(60s), a.port) << read_file(dir.path() / "a.log");
  clients::launch::plenumd_process standby(
      PLENUMD_BINARY, b.data,
      args({"--standby", "--event-store", pg_b.conninfo("congress"), "--primary-event-store",
            pg_a.conninfo("congress")}),
      settings_for(b, dir.path() / "b.log"));
  ASSERT_EQ(standby.wait_ready(60s), b.port) << read_file(dir.path() / "b.log");

  hall_client on_a(a.port);
  EXPECT_TRUE(on_a.hello().serving);
  hall_client on_b(b.port);
  EXPECT_FALSE(on_b.hello().serving);
  EXPECT_EQ(on_b.hello().servers, (std::vector<std::string>{a.address, b.address}));
  EXPECT_EQ(on_b.hello().congress_id, on_a.hello().congress_id);
  EXPECT_EQ(on_b.hello().congress_pk, on_a.hello().congress_pk);
  ASSERT_TRUE(on_b.hello().signing_pk.has_value());
  EXPECT_EQ(*on_b.hello().signing_pk, on_a.hello().congress_pk);

  // Only ping is answered; nothing changes.
  const std::string events = pg_a.query("SELECT count(*) FROM events", "congress");
  EXPECT_TRUE(on_b.call("ping").ok());
  for (const auto* type : {"get_state", "subscribe", "checkin", "enroll", "get_board"}) {
    auto refused = on_b.call(type, {});
    EXPECT_EQ(refused.code(), "not_serving") << type;
    EXPECT_EQ(str(refused.fields, "message"),
              "this machine is the standby; the hall is served by the other machine");
  }
  EXPECT_EQ(pg_a.query("SELECT count(*) FROM events", "congress"), events);

  // In sync: the standby has read every event, and the primary names it sync.
  json::object sync;
  EXPECT_TRUE(eventually(
      [&] {
        sync = sync_file(b.data);
        return flag(sync, "named_sync_when_last_seen") && flag(sync, "streaming");
      },
      5s))
      << json::serialize(sync);
  EXPECT_EQ(str(sync, "format"), "plenum-standby-sync/1");
  EXPECT_TRUE(flag(sync, "replayed_all"));
  EXPECT_TRUE(sync.at("primary_last_seen_unix_ms").is_int64());
  EXPECT_EQ(std::to_string(sync.at("head_seq").as_int64() + 1), events);
  EXPECT_TRUE(eventually([&] { return hall_standby(on_a) == "in_sync"; }, 5s))
      << hall_standby(on_a);
  auto state = on_a.call("get_state");
  EXPECT_EQ(str(state.fields.at("state").as_object().at("hall").as_object(), "serving"), a.address);

  // The standby's server stops: the primary's commits would wait; its state says so, pushed.
  ASSERT_TRUE(on_a.call("subscribe", {{"topics", json::array{"state"}}}).ok());
  pg_b.stop();
  // (A receive that times out ends the connection: each wait is long, and a push ends it.)
  bool pushed = false;
  for (int i = 0; i < 5 && !pushed; ++i) {
    auto push = on_a.next_push("state", 10s);
    if (!push) break;
    const auto* st = push->if_contains("state");
    const auto* hall = st != nullptr ? st->as_object().if_contains("hall") : nullptr;
    pushed = hall != nullptr && str(hall->as_object(), "standby") == "not_in_sync";
  }
  EXPECT_TRUE(pushed) << "a state push saying the standby is not in sync";
  EXPECT_EQ(hall_standby(on_a), "not_in_sync");
  EXPECT_TRUE(eventually(
      [&] {
        return read_file(dir.path() / "a.log").find("the standby left sync") != std::string::npos;
      },
      3s));
  EXPECT_TRUE(eventually([&] { return !flag(sync_file(b.data), "streaming"); }, 3s));

  // Back: in sync again, and the standby reads its log over a new connection.
  pg_b.start();
  EXPECT_TRUE(eventually([&] { return hall_standby(on_a) == "in_sync"; }, 15s))
      << hall_standby(on_a);
  EXPECT_TRUE(eventually([&] { return flag(sync_file(b.data), "named_sync_when_last_seen"); }, 5s));

  // The primary goes on alone: the standby sees that it was not named sync when last seen.
  const std::string standalone = std::string(PLENUMD_BINARY) + " standalone --event-store '" +
                                 pg_a.conninfo("congress") + "' >>'" +
                                 (dir.path() / "standalone.log").string() + "' 2>&1";
  ASSERT_EQ(std::system(standalone.c_str()), 0) << read_file(dir.path() / "standalone.log");
  EXPECT_TRUE(eventually([&] { return hall_standby(on_a) == "standalone"; }, 5s))
      << hall_standby(on_a);
  EXPECT_TRUE(eventually(
      [&] {
        sync = sync_file(b.data);
        return sync.contains("named_sync_when_last_seen") &&
               !flag(sync, "named_sync_when_last_seen");
      },
      5s))
      << json::serialize(sync);
  EXPECT_NE(read_file(dir.path() / "a.log").find("the hall runs without a standby"),
            std::string::npos);
}

}  // namespace
}  // namespace plenum::tests
