// Taking the hall over on the standby machine (server/STANDBY.md), with the real commands against
// a primary and a synchronous standby of the test's own on loopback: `plenumd promote` refuses
// every standby it must not promote and then leaves it a standby; after the primary's server is
// stopped at once (pg_ctl stop -m immediate, the power-loss fault injector) it promotes the
// standby and appends the server_handover signed by the standby's own key, and the log exported
// there verifies in plenum-verify while a forged handover fails it. `plenumd standalone` lets the
// commits a stopped standby holds back return.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "export/record_export.hpp"
#include "export/standby_certificate.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"
#include "plenumd_process.hpp"
#include "postgres_cluster.hpp"
#include "storage/congress_key_store.hpp"
#include "storage/event_log.hpp"
#include "storage/postgres_log_reader.hpp"
#include "storage/postgres_log_store.hpp"

namespace plenum::tests {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace storage = server::storage;

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::trunc) << text;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// standby-sync.json as plenumd --standby writes it.
void write_sync_file(const fs::path& dir, bool named_sync, std::int64_t observed_ms = now_ms()) {
  write_file(dir / "standby-sync.json",
             R"({"format":"plenum-standby-sync/1","observed_unix_ms":)" +
                 std::to_string(observed_ms) + R"(,"primary_last_seen_unix_ms":)" +
                 std::to_string(observed_ms) + R"(,"named_sync_when_last_seen":)" +
                 (named_sync ? "true" : "false") +
                 R"(,"streaming":true,"replayed_all":true,"head_seq":0})");
}

crypto::secret_key key_of(std::uint8_t fill) {
  crypto::byte_array<32> seed{};
  seed.fill(fill);
  return crypto::secret_key::from_seed(seed);
}

TEST(Promote, RefusesEveryStandbyItMustNotPromoteThenTakesOverAfterThePowerLoss) {
  test::postgres_cluster primary("hall_a");
  test::postgres_cluster standby("hall_b", primary);
  primary.execute("CREATE DATABASE congress");
  temp_dir dir;
  const fs::path a = dir.path() / "a";
  const fs::path b = dir.path() / "b";
  const std::string a_store = primary.conninfo("congress");
  const std::string b_store = standby.conninfo("congress");
  const std::vector<std::string> promote_args{"promote", "--data-dir", b.string(), "--event-store",
                                              b_store,   "--reason",   "主机断电"};
  auto promote = [&](std::vector<std::string> extra = {}) {
    auto args = promote_args;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_command(PLENUMD_BINARY, args, dir.path());
  };
  auto still_a_standby = [&] { return standby.query("SELECT pg_is_in_recovery()") == "t"; };

  plenumd_process hall(PLENUMD_BINARY, a, dir.path() / "a.log",
                       {"--init-demo", "--event-store", a_store});
  ASSERT_TRUE(hall.wait_ready(60s)) << read_file(dir.path() / "a.log");

  // B's key, certified by A's congress key while A's plenumd runs.
  const auto made =
      run_command(PLENUMD_BINARY, {"standby-key", "--data-dir", b.string()}, dir.path());
  ASSERT_EQ(made.status, 0) << made.err;
  const auto b_pk = crypto::public_key::from_hex(made.out.substr(0, 64));
  ASSERT_TRUE(b_pk) << made.out;
  const auto b_key = storage::congress_key_store(b, "standby.key").load();
  ASSERT_TRUE(b_key);
  EXPECT_EQ(b_key->public_part(), *b_pk);
  const auto certified = run_command(
      PLENUMD_BINARY,
      {"certify-standby", "--data-dir", a.string(), "--event-store", a_store, "--standby-key",
       b_pk->hex(), "--out", (b / "standby-certificate.json").string()},
      dir.path());
  ASSERT_EQ(certified.status, 0) << certified.err;
  const auto certificate =
      server::parse_certificate_text(read_file(b / "standby-certificate.json"));
  ASSERT_TRUE(certificate) << certificate.error().message;
  const auto congress_key = storage::congress_key_store(a).load();
  ASSERT_TRUE(congress_key);

  // The record of a data directory whose log is in PostgreSQL is refused, not written empty.
  const auto empty = run_command(
      PLENUMD_BINARY, {"export", "--data-dir", a.string(), "--out", (dir.path() / "x").string()},
      dir.path());
  EXPECT_EQ(empty.status, 1);
  EXPECT_NE(empty.err.find("holds no events.db"), std::string::npos) << empty.err;
  EXPECT_NE(empty.err.find("--event-store"), std::string::npos) << empty.err;
  EXPECT_FALSE(fs::exists(dir.path() / "x"));
  EXPECT_FALSE(fs::exists(a / "events.db"));

  // Refusals while A runs; each leaves B a standby.
  struct refusal {
    std::string what;
    std::function<void()> arrange;
    std::vector<std::string> extra;
    std::string says;
  };
  const std::vector<refusal> while_a_runs{
      {"no sync file", [] {}, {}, "standby-sync.json is missing: start plenumd --standby"},
      {"not in sync", [&] { write_sync_file(b, false); }, {}, "named_sync_when_last_seen is false"},
      {"stale sync file",
       [&] { write_sync_file(b, true, now_ms() - 60'000); },
       {},
       "plenumd --standby is not running"},
      {"A answers",
       [&] { write_sync_file(b, true); },
       {"--primary-event-store", a_store},
       "machine A's PostgreSQL still answers"},
      {"A streams", [&] { write_sync_file(b, true); }, {}, "still streams from machine A"},
  };
  for (const auto& r : while_a_runs) {
    r.arrange();
    const auto refused = promote(r.extra);
    EXPECT_EQ(refused.status, 1) << r.what;
    EXPECT_NE(refused.err.find("promote refused: "), std::string::npos) << r.what << refused.err;
    EXPECT_NE(refused.err.find(r.says), std::string::npos) << r.what << ": " << refused.err;
    EXPECT_NE(refused.err.find("Nothing was changed."), std::string::npos) << refused.err;
    EXPECT_TRUE(still_a_standby()) << r.what;
  }

  // A replicated log that does not verify (a row changed on A, replayed on B).
  const std::string original =
      primary.query("SELECT payload FROM events WHERE seq = 2", "congress");
  auto replayed_on_b = [&](const std::string& payload) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (standby.query("SELECT payload FROM events WHERE seq = 2", "congress") != payload) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(20ms);
    }
    return true;
  };
  primary.execute("UPDATE events SET payload = payload || ' ' WHERE seq = 2", "congress");
  ASSERT_TRUE(replayed_on_b(original + " "));
  const auto broken = promote();
  primary.execute("UPDATE events SET payload = rtrim(payload, ' ') WHERE seq = 2", "congress");
  ASSERT_TRUE(replayed_on_b(original));
  EXPECT_EQ(broken.status, 1);
  EXPECT_NE(broken.err.find("the replicated event log does not verify"), std::string::npos)
      << broken.err;
  EXPECT_NE(broken.err.find("seq 2: entry_hash does not match"), std::string::npos) << broken.err;
  EXPECT_TRUE(still_a_standby());
  ASSERT_EQ(primary.query("SELECT payload FROM events WHERE seq = 2", "congress"), original);

  // Power loss on A: its plenumd and its PostgreSQL stop at once.
  const std::string events_on_a = primary.query("SELECT count(*) FROM events", "congress");
  EXPECT_EQ(hall.stop(SIGKILL, 10s), 128 + SIGKILL);
  primary.stop();

  // Certificates that do not hold for this log and this key.
  const std::uint64_t length = std::stoull(events_on_a);
  auto certificate_for = [&](const crypto::secret_key& congress, const crypto::public_key& pk,
                             std::uint64_t from_seq) {
    const auto digest =
        crypto::handover_digest(certificate->congress_id, congress.public_part(), pk, from_seq);
    return server::certificate_text(
        {certificate->congress_id, congress.public_part(), pk, from_seq, congress.sign(digest)});
  };
  const auto stranger = key_of(77);
  const std::vector<std::pair<std::string, std::string>> bad_certificates{
      {certificate_for(*congress_key, stranger.public_part(), length),
       "the certificate names standby key " + stranger.public_part().hex()},
      {certificate_for(stranger, *b_pk, length),
       "the certificate is for congress key " + stranger.public_part().hex()},
      {certificate_for(*congress_key, *b_pk, length + 100),
       "the certificate holds from seq " + std::to_string(length + 100)},
  };
  for (const auto& [text, says] : bad_certificates) {
    write_file(b / "standby-certificate.json", text);
    write_sync_file(b, true);
    const auto refused = promote({"--primary-event-store", a_store});
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.err.find(says), std::string::npos) << refused.err;
    EXPECT_TRUE(still_a_standby()) << says;
  }

  // The takeover.
  write_file(b / "standby-certificate.json", server::certificate_text(*certificate));
  write_sync_file(b, true);
  const auto took = promote({"--primary-event-store", a_store});
  ASSERT_EQ(took.status, 0) << took.err;
  const std::uint64_t handover_seq = std::stoull(took.out);
  EXPECT_EQ(handover_seq, length) << "the handover follows every event A had";
  EXPECT_FALSE(still_a_standby());
  EXPECT_EQ(standby.query("SHOW synchronous_standby_names"), "") << "commits must not wait";

  // Durable on B, signed by B's key, and accepted by the chain's checks as stored.
  auto on_b = storage::read_postgres_log(b_store);
  ASSERT_TRUE(on_b) << on_b.error().message;
  ASSERT_EQ(on_b->events.size(), handover_seq + 1);
  EXPECT_EQ(on_b->events.back().type, "server_handover");
  ASSERT_TRUE(on_b->signers.standby_key);
  EXPECT_EQ(*on_b->signers.standby_key, *b_pk);
  EXPECT_EQ(on_b->signers.handover_seq, handover_seq);
  EXPECT_TRUE(b_pk->verify(on_b->events.back().entry_hash, on_b->events.back().signature));
  EXPECT_NE(on_b->events.back().payload.find("主机断电"), std::string::npos);

  const auto again = promote();
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("is not in recovery"), std::string::npos) << again.err;
  const auto finished_already = promote({"--finish"});
  EXPECT_EQ(finished_already.status, 0) << finished_already.err;
  EXPECT_EQ(finished_already.out, took.out) << "the same handover, not a second";

  // B's record verifies; a forged handover in it does not.
  const fs::path record = dir.path() / "record";
  ASSERT_NO_FATAL_FAILURE(expect_exported_record_verifies(PLENUMD_BINARY, PLENUM_VERIFY_BINARY,
                                                          b_store, b, record, dir.path()));

  auto forged_events = on_b->events;
  auto& h = forged_events.back();
  h.payload = protocol::encode_event_payload(protocol::events::server_handover{
      *b_pk, certificate->from_seq,
      stranger.sign(crypto::handover_digest(certificate->congress_id, on_b->congress_pk, *b_pk,
                                            certificate->from_seq)),
      "主机断电", 1});
  h.entry_hash = crypto::entry_hash(h.seq, h.prev_hash, h.type, h.payload);
  h.signature = b_key->sign(h.entry_hash);
  const fs::path forged = dir.path() / "forged";
  const std::vector<crypto::secret_key> keys{*b_key};
  ASSERT_TRUE(server::record_export::write_record(forged_events, on_b->congress_pk, keys, forged));
  const auto refused = run_command(PLENUM_VERIFY_BINARY, {forged.string()}, dir.path());
  EXPECT_NE(refused.status, 0);
  EXPECT_NE(refused.out.find("FAIL signatures"), std::string::npos) << refused.out;

  // Later entries are signed by B's key; the log reopens with it and verifies.
  {
    auto store = storage::postgres_log_store::connect({b_store});
    ASSERT_TRUE(store) << store.error().message;
    auto log = storage::event_log::open(std::move(*store), *b_key);
    ASSERT_TRUE(log) << log.error().message;
    EXPECT_EQ((*log)->congress_public_key(), congress_key->public_part());
    EXPECT_EQ((*log)->signing_public_key(), *b_pk);
    auto next = (*log)->append("after_takeover", R"({"n":1})", {});
    ASSERT_TRUE(next);
    EXPECT_TRUE(b_pk->verify(next->entry_hash, next->signature));
    EXPECT_FALSE((*log)->flush()) << "durable without a standby to wait for";
  }
  auto store = storage::postgres_log_store::connect({b_store});
  ASSERT_TRUE(store);
  auto reopened = storage::event_log::open(std::move(*store), *b_key);
  ASSERT_TRUE(reopened) << reopened.error().message;
  EXPECT_EQ((*reopened)->head().length, handover_seq + 2);
}

TEST(Promote, FinishAppendsTheHandoverAfterAPromoteThatStoppedAfterPgPromote) {
  test::postgres_cluster primary("hall_a");
  test::postgres_cluster standby("hall_b", primary);
  primary.execute("CREATE DATABASE congress");
  temp_dir dir;
  const fs::path b = dir.path() / "b";
  const std::string b_store = standby.conninfo("congress");
  const auto congress_key = key_of(9);
  std::vector<storage::stored_event> events;
  {
    auto store = storage::postgres_log_store::connect({primary.conninfo("congress")});
    ASSERT_TRUE(store) << store.error().message;
    auto log = storage::event_log::open(std::move(*store), congress_key);
    ASSERT_TRUE(log) << log.error().message;
    ASSERT_TRUE(
        (*log)->append("congress_created",
                       protocol::encode_event_payload(protocol::events::congress_created{
                           "township-congress", "第一届代表大会", "2026-01-01", "2030-12-31"}),
                       {}));
    ASSERT_TRUE((*log)->append("note", R"({"n":1})", {}));
    ASSERT_FALSE((*log)->flush());
    events = (*log)->snapshot();
  }
  const auto made =
      run_command(PLENUMD_BINARY, {"standby-key", "--data-dir", b.string()}, dir.path());
  ASSERT_EQ(made.status, 0) << made.err;
  const auto b_pk = crypto::public_key::from_hex(made.out.substr(0, 64));
  ASSERT_TRUE(b_pk);
  const auto certificate = server::certify_standby(congress_key, events, "congress", *b_pk);
  ASSERT_TRUE(certificate) << certificate.error().message;
  write_file(b / "standby-certificate.json", server::certificate_text(*certificate));

  // A promote that stopped right after pg_promote(): the server left recovery, no handover.
  primary.stop();
  standby.promote();
  const std::vector<std::string> args{"promote",
                                      "--data-dir",
                                      b.string(),
                                      "--event-store",
                                      b_store,
                                      "--primary-event-store",
                                      primary.conninfo("congress")};
  const auto refused = run_command(PLENUMD_BINARY, args, dir.path());
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("run plenumd promote --finish"), std::string::npos) << refused.err;

  auto finish_args = args;
  finish_args.push_back("--finish");
  const auto finished = run_command(PLENUMD_BINARY, finish_args, dir.path());
  ASSERT_EQ(finished.status, 0) << finished.err;
  EXPECT_EQ(std::stoull(finished.out), events.size());
  EXPECT_EQ(standby.query("SHOW synchronous_standby_names"), "");
  auto on_b = storage::read_postgres_log(b_store);
  ASSERT_TRUE(on_b) << on_b.error().message;
  ASSERT_TRUE(on_b->signers.standby_key);
  EXPECT_EQ(*on_b->signers.standby_key, *b_pk);
  EXPECT_EQ(on_b->signers.handover_seq, events.size());
}

TEST(Standalone, TheCommitsAStoppedStandbyHoldsBackReturnAfterStandalone) {
  test::postgres_cluster primary("hall_a");
  test::postgres_cluster standby("hall_b", primary);
  primary.execute("CREATE DATABASE congress");
  temp_dir dir;
  std::promise<boost::system::error_code> durable;  // outlives the log, whose handler sets it
  auto store = storage::postgres_log_store::connect({primary.conninfo("congress")});
  ASSERT_TRUE(store) << store.error().message;
  storage::event_log_options quiet;
  quiet.log_error = [](std::string_view) {};
  auto log = storage::event_log::open(std::move(*store), key_of(5), quiet);
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_TRUE((*log)->append("first", R"({"n":0})", {}));
  ASSERT_FALSE((*log)->flush());

  standby.stop();
  // Should the test fail before standalone, the log's last flush must not wait for ever.
  struct never_wait_at_the_end {
    test::postgres_cluster& primary;
    ~never_wait_at_the_end() {
      primary.execute("ALTER SYSTEM SET synchronous_standby_names = ''");
      primary.execute("SELECT pg_reload_conf()");
    }
  } guard{primary};
  auto reported = durable.get_future();
  ASSERT_TRUE((*log)->append("waits", R"({"n":1})",
                             [&durable](boost::system::error_code ec) { durable.set_value(ec); }));
  EXPECT_EQ(reported.wait_for(1500ms), std::future_status::timeout)
      << "nothing is durable while the standby is down";

  const auto alone = run_command(
      PLENUMD_BINARY, {"standalone", "--event-store", primary.conninfo("congress")}, dir.path());
  ASSERT_EQ(alone.status, 0) << alone.err;
  EXPECT_NE(alone.out.find("from seq 1 the hall runs without a standby"), std::string::npos)
      << alone.out;
  EXPECT_NE(alone.err.find("from seq 1 the hall runs without a standby"), std::string::npos)
      << "the warning in the server log: " << alone.err;
  ASSERT_EQ(reported.wait_for(10s), std::future_status::ready) << "the waiting commit returned";
  EXPECT_FALSE(reported.get());
  EXPECT_EQ(primary.query("SELECT count(*) FROM events", "congress"), "2");

  const auto unreachable = run_command(
      PLENUMD_BINARY, {"standalone", "--event-store", "host=127.0.0.1 port=1 connect_timeout=2"},
      dir.path());
  EXPECT_EQ(unreachable.status, 1);
  EXPECT_NE(unreachable.err.find("cannot reach the primary's PostgreSQL"), std::string::npos)
      << unreachable.err;
}

}  // namespace
}  // namespace plenum::tests
