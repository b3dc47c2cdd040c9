// The event log kept in PostgreSQL (storage/postgres_log_store.hpp), against real servers of the
// test's own: a primary and a standby that it waits for (synchronous streaming replication),
// started once for the suite on free loopback ports. Each test works in a database of its own,
// which replicates like the rest. The fault injectors are named where used: a trigger that
// refuses inserts, a terminated server connection, a stopped standby.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/protocol/events.hpp"
#include "postgres_cluster.hpp"
#include "storage/event_log.hpp"
#include "storage/postgres_log_reader.hpp"
#include "storage/postgres_log_store.hpp"
#include "storage/postgres_standby_log.hpp"
#include "storage/pq.hpp"

namespace plenum::server::storage {
namespace {

crypto::secret_key test_key(std::uint8_t fill = 23) {
  crypto::byte_array<32> seed{};
  seed.fill(fill);
  return crypto::secret_key::from_seed(seed);
}

std::string payload_of(std::uint64_t i) {
  return R"({"n":)" + std::to_string(i) + R"(,"name":"代表 №)" + std::to_string(i) + R"("})";
}

// Records what the handlers report; handlers run on the writer thread.
struct recorder {
  std::mutex mutex;
  std::vector<std::uint64_t> seqs;
  std::vector<boost::system::error_code> codes;

  durable_handler handler(std::uint64_t seq) {
    return [this, seq](boost::system::error_code ec) {
      std::lock_guard lock(mutex);
      seqs.push_back(seq);
      codes.push_back(ec);
    };
  }
  std::size_t count() {
    std::lock_guard lock(mutex);
    return seqs.size();
  }
};

const auto unavailable = make_error_code(errc::storage_unavailable);

class PostgresLog : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    primary_ = std::make_unique<test::postgres_cluster>("hall_a");
    standby_ = std::make_unique<test::postgres_cluster>("hall_b", *primary_);
  }
  static void TearDownTestSuite() {
    standby_.reset();
    primary_.reset();
  }

  void SetUp() override {
    static int next = 0;
    db_ = "log" + std::to_string(++next);
    primary_->execute("CREATE DATABASE " + db_);
  }

  postgres_store_options store_options() const {
    postgres_store_options o;
    o.conninfo = primary_->conninfo(db_);
    return o;
  }

  storage_result<std::unique_ptr<event_log>> open_log(const crypto::secret_key& key,
                                                      event_log_options options = {}) {
    if (!options.log_error) {
      options.log_error = [this](std::string_view line) {
        std::lock_guard lock(lines_mutex_);
        lines_.emplace_back(line);
      };
    }
    auto store = postgres_log_store::connect(store_options());
    if (!store) return store.error();
    return event_log::open(std::move(*store), key, std::move(options));
  }

  std::unique_ptr<event_log> open_or_die(const crypto::secret_key& key,
                                         event_log_options options = {}) {
    auto log = open_log(key, std::move(options));
    if (!log) throw std::runtime_error(log.error().message);
    return std::move(*log);
  }

  // Appends `n` events and waits until they are durable.
  void fill(std::size_t n) {
    auto log = open_or_die(test_key());
    for (std::size_t i = 0; i < n; ++i) ASSERT_TRUE(log->append("test", payload_of(i), {}));
    ASSERT_FALSE(log->flush());
  }

  static std::unique_ptr<test::postgres_cluster> primary_;
  static std::unique_ptr<test::postgres_cluster> standby_;
  std::string db_;
  std::mutex lines_mutex_;
  std::vector<std::string> lines_;
};

std::unique_ptr<test::postgres_cluster> PostgresLog::primary_;
std::unique_ptr<test::postgres_cluster> PostgresLog::standby_;

TEST_F(PostgresLog, AppendsBecomeDurableInSeqOrderAndTheReopenedLogVerifies) {
  recorder seen;
  std::vector<stored_event> written;
  {
    event_log_options options;
    options.max_batch = 64;
    auto log = open_or_die(test_key(), options);
    // Four threads append at once, as the hall's I/O threads do.
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 150; ++i) {
          std::lock_guard one_at_a_time(seen.mutex);  // seq order = handler registration order
          auto placed = log->append("test", payload_of(static_cast<std::uint64_t>(i)),
                                    [&seen, n = log->head().length](boost::system::error_code ec) {
                                      seen.seqs.push_back(n);
                                      seen.codes.push_back(ec);
                                    });
          ASSERT_TRUE(placed);
        }
      });
    }
    for (auto& t : threads) t.join();
    ASSERT_FALSE(log->flush());
    EXPECT_EQ(log->head().length, 600u);
    const writer_stats stats = log->stats();
    EXPECT_EQ(stats.events, 600u);
    EXPECT_EQ(stats.failed_commits, 0u);
    EXPECT_LE(stats.largest_batch, 64u);
    written = log->events();
  }
  std::lock_guard lock(seen.mutex);
  ASSERT_EQ(seen.seqs.size(), 600u);
  for (std::size_t i = 0; i < seen.seqs.size(); ++i) {
    EXPECT_EQ(seen.seqs[i], i) << "handlers run in seq order";
    EXPECT_FALSE(seen.codes[i]);
  }

  auto reopened = open_or_die(test_key());
  ASSERT_EQ(reopened->events().size(), written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    EXPECT_EQ(reopened->events()[i].entry_hash, written[i].entry_hash);
    EXPECT_EQ(reopened->events()[i].payload, written[i].payload);
    EXPECT_EQ(reopened->events()[i].signature, written[i].signature);
    EXPECT_EQ(reopened->events()[i].stored_at_unix_ms, written[i].stored_at_unix_ms);
  }
  // The chain goes on where it stopped.
  auto next = reopened->append("test", payload_of(600), {});
  ASSERT_TRUE(next);
  EXPECT_EQ(next->seq, 600u);
  EXPECT_EQ(reopened->events()[600].prev_hash, written.back().entry_hash);
  ASSERT_FALSE(reopened->flush());
}

TEST_F(PostgresLog, PrivateDetailsAreKeptWithTheirEventsAndReadBack) {
  const private_detail_row row{"ab12", "00112233445566778899aabbccddeeff", R"({"name":"李华"})"};
  {
    auto log = open_or_die(test_key());
    std::vector<event_draft> group;
    group.push_back({"test", payload_of(0), {}, {row}});
    group.push_back({"test", payload_of(1), {}, {}});
    ASSERT_TRUE(log->append_group(0, std::move(group)));
    ASSERT_FALSE(log->flush());
  }
  auto reopened = open_or_die(test_key());
  EXPECT_EQ(reopened->private_details("ab12"), row);
  EXPECT_EQ(reopened->private_details("cd34"), std::nullopt);
  EXPECT_EQ(primary_->query("SELECT seq FROM private_details WHERE digest = 'ab12'", db_), "0");
}

TEST_F(PostgresLog, AChangedPayloadIsFoundWhenTheLogOpens) {
  fill(6);
  primary_->execute("UPDATE events SET payload = '{\"n\":99}' WHERE seq = 3", db_);
  auto log = open_log(test_key());
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().code, make_error_code(errc::broken_chain));
  EXPECT_NE(log.error().message.find("seq 3: entry_hash does not match the event's contents"),
            std::string::npos)
      << log.error().message;
}

TEST_F(PostgresLog, ADeletedEventIsFoundWhenTheLogOpens) {
  fill(6);
  primary_->execute("DELETE FROM events WHERE seq = 2", db_);
  auto log = open_log(test_key());
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().code, make_error_code(errc::broken_chain));
  EXPECT_NE(log.error().message.find("seq 2: event is missing"), std::string::npos)
      << log.error().message;
}

TEST_F(PostgresLog, TheReceiptOfEachBallotIsKeptWithTheLog) {
  crypto::seeded_random rng("kept receipts");
  const crypto::digest32 election{7};
  const auto joint_key = crypto::point::base_mul(crypto::scalar::random_nonzero(rng));
  const auto voter = crypto::secret_key::generate(rng);
  const auto m = crypto::election_manifest("e", "t", std::vector<std::string>{"a", "b", "c"}, 2);
  const auto ballot =
      crypto::make_ballot(m, election, joint_key, voter, {{1, 0}, {0, 0}, {1, 0}}, rng);
  ASSERT_TRUE(ballot);
  const auto digest = crypto::ballot_digest(*ballot, election);
  const auto tracking = crypto::tracking_code(digest, ballot->sig);
  const protocol::events::ballot_accepted accepted{
      ballot->vote_id, "D1", ballot->voter_pk, ballot->ballot_id, digest, tracking, *ballot};
  std::optional<appended_event> placed;
  {
    auto log = open_or_die(test_key());
    ASSERT_TRUE(log->append("test", payload_of(0), {}));
    event_draft draft{"ballot_accepted", protocol::encode_event_payload(accepted), {}};
    draft.receipt_tracking_code = tracking;
    std::vector<event_draft> group;
    group.push_back(std::move(draft));
    auto appended = log->append_group(1, std::move(group));
    ASSERT_TRUE(appended);
    placed = appended->front();
    ASSERT_FALSE(log->flush());
  }
  // Read as `plenumd export` reads it on the standby, which has no key to re-make it with.
  auto read = read_postgres_log(standby_->conninfo(db_));
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->receipts.size(), 1u) << "one ballot, one receipt";
  ASSERT_TRUE(read->receipts.contains(1));
  EXPECT_TRUE(test_key().public_part().verify(
      crypto::receipt_digest(tracking, 1, placed->entry_hash), read->receipts.at(1)));
}

TEST_F(PostgresLog, ALogOfAnotherCongressKeyIsRefused) {
  fill(2);
  auto log = open_log(test_key(24));
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().code, make_error_code(errc::broken_chain));
  EXPECT_NE(log.error().message.find("does not sign this log from seq 2"), std::string::npos)
      << log.error().message;
}

TEST_F(PostgresLog, ASecondWriterOnTheSameDatabaseIsRefused) {
  auto first = open_or_die(test_key());
  auto options = store_options();
  options.lock_wait = std::chrono::milliseconds(300);
  const auto asked = std::chrono::steady_clock::now();
  auto second = postgres_log_store::connect(options);
  EXPECT_GE(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(300))
      << "it waited for the lock before refusing";
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().message.find("another plenumd is writing this event log"),
            std::string::npos);
}

TEST_F(PostgresLog, TheStandbyIsRefusedAsAWriter) {
  postgres_store_options o;
  o.conninfo = standby_->conninfo();
  auto store = postgres_log_store::connect(o);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("is a standby"), std::string::npos) << store.error().message;
}

// Fault injector: a trigger installed by another connection makes every insert fail.
TEST_F(PostgresLog, AFailedCommitRefusesItsBatchTakesTheChainBackAndTheLogResumes) {
  recorder seen;
  event_log_options options;
  // A pause long enough to be sure to append within it, even on a loaded machine.
  options.retry_pause = std::chrono::milliseconds(1500);
  options.retry_pause_max = std::chrono::milliseconds(3000);
  auto log = open_or_die(test_key(), options);
  for (std::uint64_t i = 0; i < 3; ++i)
    ASSERT_TRUE(log->append("test", payload_of(i), seen.handler(i)));
  ASSERT_FALSE(log->flush());

  primary_->execute(
      "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
      "$$BEGIN RAISE EXCEPTION 'refused by test'; END$$; "
      "CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse()",
      db_);
  for (std::uint64_t i = 3; i < 6; ++i)
    ASSERT_TRUE(log->append("test", payload_of(i), seen.handler(i)));
  EXPECT_EQ(log->flush(), unavailable);
  EXPECT_TRUE(log->failed());
  EXPECT_EQ(log->faults(), 1u);
  EXPECT_EQ(log->head().length, 3u) << "the chain went back to the last durable event";
  {
    std::lock_guard lock(seen.mutex);
    ASSERT_EQ(seen.codes.size(), 6u);
    for (std::size_t i = 3; i < 6; ++i) EXPECT_EQ(seen.codes[i], unavailable);
  }
  {
    std::lock_guard lock(lines_mutex_);
    ASSERT_FALSE(lines_.empty());
    EXPECT_NE(lines_.back().find("refused by test"), std::string::npos) << lines_.back();
  }
  EXPECT_FALSE(log->append("test", payload_of(3), {})) << "refused during the pause";

  primary_->execute("DROP TRIGGER refuse ON events", db_);
  std::this_thread::sleep_for(std::chrono::milliseconds(1600));
  auto again = log->append("test", payload_of(3), seen.handler(3));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->seq, 3u);
  ASSERT_FALSE(log->flush());
  EXPECT_FALSE(log->failed());
  log.reset();
  auto reopened = open_or_die(test_key());
  EXPECT_EQ(reopened->events().size(), 4u);
}

// Fault injector: the writer's server process is terminated (as when the database restarts).
TEST_F(PostgresLog, ALostConnectionIsAFaultAndTheNextWriteConnectsAgain) {
  event_log_options options;
  options.retry_pause = std::chrono::milliseconds(50);
  options.log_error = [this](std::string_view line) {
    std::lock_guard lock(lines_mutex_);
    lines_.emplace_back(line);
  };
  auto store = postgres_log_store::connect(store_options()).value();
  const int pid = store->backend_pid();
  auto log = event_log::open(std::move(store), test_key(), options).value();
  ASSERT_TRUE(log->append("test", payload_of(0), {}));
  ASSERT_FALSE(log->flush());

  // Returns once the process is gone (or fails the test after 10 s).
  EXPECT_EQ(primary_->query("SELECT pg_terminate_backend(" + std::to_string(pid) + ", 10000)"),
            "t");
  ASSERT_TRUE(log->append("test", payload_of(1), {}));
  EXPECT_EQ(log->flush(), unavailable);
  EXPECT_EQ(log->head().length, 1u);

  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto again = log->append("test", payload_of(1), {});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->seq, 1u);
  ASSERT_FALSE(log->flush());
  EXPECT_FALSE(log->failed());
  log.reset();
  EXPECT_EQ(open_or_die(test_key())->events().size(), 2u);
}

// The handler of each event reads the standby: when the primary reports an event durable, the
// standby already holds it (synchronous_commit = remote_apply).
TEST_F(PostgresLog, AnEventReportedDurableIsAlreadyOnTheStandby) {
  auto log = open_or_die(test_key());
  auto standby = pq::connection::open(standby_->conninfo(db_)).value();
  std::mutex m;
  std::vector<std::string> found;  // the standby's entry_hash of each event, hex
  std::vector<std::string> expected;
  for (std::uint64_t i = 0; i < 40; ++i) {
    auto placed = log->append("test", payload_of(i), [&, i](boost::system::error_code ec) {
      ASSERT_FALSE(ec);
      pq::params p;
      p.add(static_cast<std::int64_t>(i));
      auto row =
          standby.exec("SELECT encode(entry_hash, 'hex') FROM events WHERE seq = $1::bigint", p);
      std::lock_guard lock(m);
      found.push_back(row && row->rows() == 1 ? std::string(row->text(0, 0)) : "absent");
    });
    ASSERT_TRUE(placed);
    expected.push_back(crypto::to_hex(placed->entry_hash));
  }
  ASSERT_FALSE(log->flush());
  std::lock_guard lock(m);
  EXPECT_EQ(found, expected);
}

// Fault injector: the standby is stopped. A commit then waits for it; no event is reported
// durable until the standby is back, and then all are.
TEST_F(PostgresLog, WhileTheStandbyIsDownNothingIsReportedDurable) {
  auto log = open_or_die(test_key());
  recorder seen;
  ASSERT_TRUE(log->append("test", payload_of(0), seen.handler(0)));
  ASSERT_FALSE(log->flush());

  standby_->stop();
  for (std::uint64_t i = 1; i < 4; ++i)
    ASSERT_TRUE(log->append("test", payload_of(i), seen.handler(i)));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(seen.count(), 1u) << "an event was reported durable with the standby down";

  standby_->start();
  ASSERT_FALSE(log->flush());
  std::lock_guard lock(seen.mutex);
  ASSERT_EQ(seen.codes.size(), 4u);
  for (const auto& ec : seen.codes) EXPECT_FALSE(ec);
  auto on_standby = pq::connection::open(standby_->conninfo(db_)).value();
  EXPECT_EQ(on_standby.exec("SELECT count(*) FROM events").value().text(0, 0), "4");
}

// Fault injectors: the standby is stopped, then the writer's wait for it is cancelled
// (pg_cancel_backend). PostgreSQL then keeps the transaction on the primary and only warns; the
// store counts that as a failed commit, and the next write replaces what it left.
TEST_F(PostgresLog, ACancelledWaitForTheStandbyIsAFailedCommit) {
  event_log_options options;
  options.retry_pause = std::chrono::milliseconds(50);
  options.log_error = [this](std::string_view line) {
    std::lock_guard lock(lines_mutex_);
    lines_.emplace_back(line);
  };
  auto store = postgres_log_store::connect(store_options()).value();
  const int pid = store->backend_pid();
  auto log = event_log::open(std::move(store), test_key(), options).value();
  recorder seen;
  ASSERT_TRUE(log->append("test", payload_of(0), seen.handler(0)));
  ASSERT_FALSE(log->flush());

  standby_->stop();
  ASSERT_TRUE(log->append("test", payload_of(1), seen.handler(1)));
  // Wait until the writer waits for the standby, then cancel that wait.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (primary_->query("SELECT wait_event FROM pg_stat_activity WHERE pid = " +
                         std::to_string(pid)) != "SyncRep") {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the commit never waited";
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(primary_->query("SELECT pg_cancel_backend(" + std::to_string(pid) + ")"), "t");
  EXPECT_EQ(log->flush(), unavailable);
  EXPECT_EQ(log->head().length, 1u);
  EXPECT_EQ(primary_->query("SELECT count(*) FROM events", db_), "2")
      << "the cancelled transaction stayed on the primary";
  {
    std::lock_guard lock(lines_mutex_);
    ASSERT_FALSE(lines_.empty());
    EXPECT_NE(lines_.back().find("synchronous replication"), std::string::npos) << lines_.back();
  }

  standby_->start();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto again = log->append("test", R"({"n":"again"})", seen.handler(1));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->seq, 1u);
  ASSERT_FALSE(log->flush());
  log.reset();
  auto reopened = open_or_die(test_key());
  ASSERT_EQ(reopened->events().size(), 2u);
  EXPECT_EQ(reopened->events()[1].payload, R"({"n":"again"})");
}

// The standby machine's reader: the replicated log verifies there and follows the primary.
TEST_F(PostgresLog, TheStandbyReadsTheReplicatedLogAndFollowsIt) {
  auto log = open_or_die(test_key());
  for (std::uint64_t i = 0; i < 20; ++i) ASSERT_TRUE(log->append("test", payload_of(i), {}));
  ASSERT_FALSE(log->flush());

  auto follower =
      postgres_standby_log::open(standby_->conninfo(db_), test_key().public_part()).value();
  ASSERT_EQ(follower->events().size(), 20u);
  EXPECT_EQ(follower->events()[19].entry_hash, log->events()[19].entry_hash);
  EXPECT_EQ(follower->catch_up().value(), 0u);

  for (std::uint64_t i = 20; i < 35; ++i) ASSERT_TRUE(log->append("test", payload_of(i), {}));
  ASSERT_FALSE(log->flush());
  EXPECT_EQ(follower->catch_up().value(), 15u) << "durable on the primary = applied here";
  EXPECT_EQ(follower->head().length, log->head().length);
  EXPECT_EQ(follower->head().hash, log->head().hash);

  const replication_state state = follower->replication().value();
  EXPECT_TRUE(state.in_recovery);
  EXPECT_TRUE(state.streaming);
  EXPECT_TRUE(state.replayed_all) << state.receive_lsn << " vs " << state.replay_lsn;
}

TEST_F(PostgresLog, TheStandbyReaderRefusesAForgedEventAndKeepsItsHead) {
  fill(6);
  auto follower =
      postgres_standby_log::open(standby_->conninfo(db_), test_key().public_part()).value();
  ASSERT_EQ(follower->head().length, 6u);
  // A row written behind the log's back on the primary: event 5 again as seq 6.
  primary_->execute(
      "SET synchronous_commit = remote_apply; "
      "INSERT INTO events SELECT 6, prev_hash, type, payload, entry_hash, signature, stored_at "
      "FROM events WHERE seq = 5",
      db_);
  auto read = follower->catch_up();
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, make_error_code(errc::broken_chain));
  EXPECT_NE(read.error().message.find("seq 6: prev_hash does not match"), std::string::npos)
      << read.error().message;
  EXPECT_EQ(follower->head().length, 6u);
  EXPECT_EQ(follower->events().size(), 6u);
  auto reopened = postgres_standby_log::open(standby_->conninfo(db_), test_key().public_part());
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().code, make_error_code(errc::broken_chain));
}

TEST_F(PostgresLog, TheStandbyReaderRefusesAPrimaryAndAnotherCongressKey) {
  fill(2);
  auto on_primary = postgres_standby_log::open(primary_->conninfo(db_), test_key().public_part());
  ASSERT_FALSE(on_primary);
  EXPECT_NE(on_primary.error().message.find("is not a standby"), std::string::npos);
  auto other_key = postgres_standby_log::open(standby_->conninfo(db_), test_key(24).public_part());
  ASSERT_FALSE(other_key);
  EXPECT_EQ(other_key.error().code, make_error_code(errc::broken_chain));
}

}  // namespace
}  // namespace plenum::server::storage
