// The standby machine takes over while its plenumd runs (server/STANDBY.md), against a
// PostgreSQL primary and synchronous standby of the test's own on loopback: ballots are cast
// through A; A's plenumd is killed and A's server stopped at once (the power-loss fault
// injector); `plenumd promote` on B appends the handover, and B's running plenumd --standby
// serves within seconds without a restart: hello says serving and B's signing key, a receipted
// ballot sent again is answered with the very receipt its delegate got, a new
// ballot gets a receipt signed by B's key, and the record exported from B verifies.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

#include <plenum/clients/https_client.hpp>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "motion_sitting.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenumd_process.hpp"
#include "postgres_cluster.hpp"

namespace plenum::tests {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace json = boost::json;

std::optional<protocol::receipt> receipt_of(const hall_reply& r) {
  if (!r.ok() || !r.fields.contains("receipt")) return std::nullopt;
  auto decoded = protocol::decode_receipt(r.fields.at("receipt"));
  if (!decoded) return std::nullopt;
  return *decoded;
}

clients::launch::plenumd_settings settings_for(std::uint16_t port, const fs::path& log) {
  clients::launch::plenumd_settings s;
  s.port = port;
  s.threads = 2;
  s.log_file = log;
  return s;
}

TEST(StandbyTakeover, TheRunningStandbyServesAfterPromoteWithTheReceiptsOfTheBallots) {
  test::postgres_cluster pg_a("hall_a");
  test::postgres_cluster pg_b("hall_b", pg_a);
  pg_a.execute("CREATE DATABASE congress");
  temp_dir dir;
  const fs::path a = dir.path() / "a";
  const fs::path b = dir.path() / "b";
  const std::uint16_t port_a = free_loopback_port();
  const std::uint16_t port_b = free_loopback_port();
  const std::vector<std::string> hall_servers = {
      "--hall-server", "https://127.0.0.1:" + std::to_string(port_a), "--hall-server",
      "https://127.0.0.1:" + std::to_string(port_b)};
  auto with_hall = [&](std::vector<std::string> own) {
    own.insert(own.end(), hall_servers.begin(), hall_servers.end());
    return own;
  };
  const std::string a_store = pg_a.conninfo("congress");
  const std::string b_store = pg_b.conninfo("congress");
  constexpr int delegates = 3;
  std::ofstream(dir.path() / "roster.csv") << motion_roster_csv(delegates);

  std::optional<clients::launch::plenumd_process> primary;
  primary.emplace(
      PLENUMD_BINARY, a,
      with_hall({"--congress-id", "takeover", "--roster", (dir.path() / "roster.csv").string(),
                 "--membership", "100,40,5", "--event-store", a_store}),
      settings_for(port_a, dir.path() / "a.log"));
  ASSERT_EQ(primary->wait_ready(120s), port_a) << read_file(dir.path() / "a.log");

  // B's key, certified by A; then B follows.
  const auto made =
      run_command(PLENUMD_BINARY, {"standby-key", "--data-dir", b.string()}, dir.path());
  ASSERT_EQ(made.status, 0) << made.err;
  const auto b_pk = crypto::public_key::from_hex(made.out.substr(0, 64));
  ASSERT_TRUE(b_pk) << made.out;
  const auto certified = run_command(
      PLENUMD_BINARY,
      {"certify-standby", "--data-dir", a.string(), "--event-store", a_store, "--standby-key",
       b_pk->hex(), "--out", (b / "standby-certificate.json").string()},
      dir.path());
  ASSERT_EQ(certified.status, 0) << certified.err;
  clients::launch::plenumd_process standby(
      PLENUMD_BINARY, b,
      with_hall({"--standby", "--event-store", b_store, "--primary-event-store", a_store}),
      settings_for(port_b, dir.path() / "b.log"));
  ASSERT_EQ(standby.wait_ready(60s), port_b) << read_file(dir.path() / "b.log");

  // A sitting with the vote open on A; D001 casts and gets its receipt.
  motion_sitting sitting;
  ASSERT_NO_FATAL_FAILURE(
      open_motion_sitting(port_a, a, "takeover", delegates, "standby takeover", sitting));
  const auto congress_pk = sitting.chair->hello().congress_pk;
  const auto& basis = *sitting.basis;
  crypto::seeded_random br1("ballot D001");
  auto ballot1 = crypto::make_ballot(basis.manifest, basis.election_hash, basis.joint_key,
                                     sitting.keys.at("D001"), {{1, 0, 0}}, br1);
  ASSERT_TRUE(ballot1);
  const json::object cast1{{"vote_id", "v1"}, {"ballot", protocol::encode_ballot(*ballot1)}};
  const auto first = receipt_of(sitting.delegates.at(1).call("cast_ballot", cast1));
  ASSERT_TRUE(first);
  EXPECT_TRUE(congress_pk.verify(
      crypto::receipt_digest(first->tracking_code, first->board_seq, first->board_entry_hash),
      first->sig));
  sitting.delegates.clear();
  sitting.scrutineers.reset();
  sitting.chair.reset();

  // B has read it and is in sync when A loses its power.
  auto sync_says = [&] {
    boost::system::error_code ec;
    auto v = json::parse(read_file(b / "standby-sync.json"), ec);
    if (ec || !v.is_object()) return false;
    const auto& o = v.as_object();
    return o.at("named_sync_when_last_seen").as_bool() &&
           o.at("head_seq").as_int64() >= static_cast<std::int64_t>(first->board_seq);
  };
  ASSERT_TRUE(eventually(sync_says, 5s)) << read_file(b / "standby-sync.json");
  EXPECT_EQ(primary->stop(SIGKILL, 10s), 128 + SIGKILL);
  primary.reset();
  pg_a.stop();

  const auto took =
      run_command(PLENUMD_BINARY,
                  {"promote", "--data-dir", b.string(), "--event-store", b_store,
                   "--primary-event-store", a_store, "--reason", "machine A lost power"},
                  dir.path());
  ASSERT_EQ(took.status, 0) << took.err << read_file(dir.path() / "b.log");
  const auto promoted_at = std::chrono::steady_clock::now();
  const std::uint64_t handover_seq = std::stoull(took.out);

  // B serves within seconds, without a restart.
  std::optional<hall_client> on_b;
  ASSERT_TRUE(eventually(
      [&] {
        on_b.emplace(port_b);
        return on_b->hello().serving;
      },
      5s))
      << read_file(dir.path() / "b.log");
  const auto took_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - promoted_at);
  RecordProperty("serving_after_promote_ms", static_cast<int>(took_ms.count()));
  EXPECT_LT(took_ms, 3s);
  EXPECT_EQ(on_b->hello().congress_pk, congress_pk);
  ASSERT_TRUE(on_b->hello().signing_pk.has_value());
  EXPECT_EQ(*on_b->hello().signing_pk, *b_pk);
  auto state = on_b->call("get_state");
  ASSERT_TRUE(state.ok()) << state.code();
  EXPECT_EQ(str(state.fields.at("state").as_object().at("hall").as_object(), "serving"),
            "https://127.0.0.1:" + std::to_string(port_b));

  // D001's tablet sends its ballot again: the same entry, seq and tracking code.
  ASSERT_TRUE(on_b->auth(sitting.keys.at("D001")).ok());
  const auto again = receipt_of(on_b->call("cast_ballot", cast1));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->tracking_code, first->tracking_code);
  EXPECT_EQ(again->board_seq, first->board_seq);
  EXPECT_EQ(again->board_entry_hash, first->board_entry_hash);
  EXPECT_EQ(again->sig, first->sig) << "signed by the congress key, as at its seq";

  // D002 casts on B: its receipt is signed by B's key, after the handover.
  hall_client d2(port_b);
  ASSERT_TRUE(d2.auth(sitting.keys.at(motion_delegate(2))).ok());
  crypto::seeded_random br2("ballot D002");
  auto ballot2 = crypto::make_ballot(basis.manifest, basis.election_hash, basis.joint_key,
                                     sitting.keys.at(motion_delegate(2)), {{0, 1, 0}}, br2);
  ASSERT_TRUE(ballot2);
  const json::object cast2{{"vote_id", "v1"}, {"ballot", protocol::encode_ballot(*ballot2)}};
  const auto second = receipt_of(d2.call("cast_ballot", cast2));
  ASSERT_TRUE(second);
  EXPECT_GT(second->board_seq, handover_seq);
  EXPECT_TRUE(b_pk->verify(
      crypto::receipt_digest(second->tracking_code, second->board_seq, second->board_entry_hash),
      second->sig));
  EXPECT_FALSE(congress_pk.verify(
      crypto::receipt_digest(second->tracking_code, second->board_seq, second->board_entry_hash),
      second->sig));

  // The record the secretary downloads from B verifies: the receipts from before the handover
  // are those the log kept, the later ones re-made by B's key.
  {
    hall_client se(port_b);
    ASSERT_TRUE(se.auth(sitting.keys.at("SE")).ok());
    auto ready = se.call("prepare_download", {{"kind", "record"}});
    ASSERT_TRUE(ready.ok()) << ready.code() << read_file(dir.path() / "b.log");
    clients::tls_options insecure;
    insecure.verify = clients::verify_mode::insecure;
    auto file = clients::https_get("127.0.0.1", port_b, str(ready.fields, "url"), insecure, 20s);
    ASSERT_TRUE(file && file->status == 200u);
    const fs::path packed = dir.path() / "download.tar.gz";
    std::ofstream(packed, std::ios::binary) << file->body;
    const fs::path unpacked = dir.path() / "download";
    fs::create_directories(unpacked);
    ASSERT_EQ(
        run_command("tar", {"-xzf", packed.string(), "-C", unpacked.string()}, dir.path()).status,
        0);
    const std::string name = str(ready.fields, "filename");
    const auto downloaded = run_command(
        PLENUM_VERIFY_BINARY,
        {(unpacked / name.substr(0, name.size() - std::string(".tar.gz").size())).string()},
        dir.path());
    EXPECT_EQ(downloaded.status, 0) << downloaded.out << downloaded.err;
  }

  // The record from B (the organisation office brings the congress key for the receipts made
  // before the handover) verifies.
  const fs::path keys = dir.path() / "keys";
  fs::create_directories(keys);
  fs::copy_file(a / "congress.key", keys / "congress.key");
  fs::copy_file(b / "standby.key", keys / "standby.key");
  fs::permissions(keys, fs::perms::owner_all);
  const fs::path record = dir.path() / "record";
  ASSERT_NO_FATAL_FAILURE(expect_exported_record_verifies(PLENUMD_BINARY, PLENUM_VERIFY_BINARY,
                                                          b_store, keys, record, dir.path()));

  // B's plenumd restarted after the takeover — with the command line it had as the standby, and
  // without --standby — serves the hall with B's key: the same D002 ballot is answered with
  // the same receipt.
  on_b.reset();
  EXPECT_EQ(standby.stop(SIGKILL, 20s), 128 + SIGKILL);
  for (const bool as_standby : {true, false}) {
    std::vector<std::string> args{"--event-store", b_store};
    if (as_standby) {
      args.insert(args.begin(), "--standby");
      args.insert(args.end(), {"--primary-event-store", a_store});
    }
    clients::launch::plenumd_process again_b(PLENUMD_BINARY, b, with_hall(args),
                                             settings_for(port_b, dir.path() / "b-again.log"));
    ASSERT_EQ(again_b.wait_ready(60s), port_b) << read_file(dir.path() / "b-again.log");
    {
      hall_client back(port_b);
      EXPECT_TRUE(back.hello().serving) << as_standby;
      ASSERT_TRUE(back.hello().signing_pk.has_value());
      EXPECT_EQ(*back.hello().signing_pk, *b_pk);
      ASSERT_TRUE(back.auth(sitting.keys.at(motion_delegate(2))).ok());
      const auto repeated = receipt_of(back.call("cast_ballot", cast2));
      ASSERT_TRUE(repeated) << as_standby;
      EXPECT_EQ(repeated->board_seq, second->board_seq);
      EXPECT_EQ(repeated->sig, second->sig);
    }
    EXPECT_FALSE(fs::exists(b / "congress.key")) << "no congress key is made on B";
    EXPECT_EQ(again_b.stop(SIGKILL, 20s), 128 + SIGKILL);
  }
}

}  // namespace
}  // namespace plenum::tests
