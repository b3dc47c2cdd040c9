// Taking over from a dead primary, at the event log's level: during a burst of appends the
// primary PostgreSQL server stops at once (pg_ctl stop -m immediate, the power-loss fault
// injector), the synchronous standby is promoted, and the log opened on it holds every event
// the primary reported durable, verifies, and goes on from there.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "postgres_cluster.hpp"
#include "storage/event_log.hpp"
#include "storage/postgres_log_store.hpp"
#include "storage/postgres_standby_log.hpp"

namespace plenum::server::storage {
namespace {

crypto::secret_key test_key() {
  crypto::byte_array<32> seed{};
  seed.fill(29);
  return crypto::secret_key::from_seed(seed);
}

std::unique_ptr<event_log> open_on(const test::postgres_cluster& cluster, const std::string& db) {
  postgres_store_options o;
  o.conninfo = cluster.conninfo(db);
  auto store = postgres_log_store::connect(o);
  if (!store) throw std::runtime_error(store.error().message);
  event_log_options options;
  options.log_error = [](std::string_view) {};  // the dead primary's faults are expected
  options.retry_pause = std::chrono::milliseconds(20);
  auto log = event_log::open(std::move(*store), test_key(), options);
  if (!log) throw std::runtime_error(log.error().message);
  return std::move(*log);
}

TEST(PostgresFailover, EveryEventReportedDurableIsOnThePromotedStandby) {
  test::postgres_cluster primary("hall_a");
  test::postgres_cluster standby("hall_b", primary);
  primary.execute("CREATE DATABASE congress");

  // Guards `durable` and each event's slot: the appender fills the slot under it before the
  // handler, which takes it too, can read it.
  std::mutex m;
  std::vector<appended_event> durable;
  std::uint64_t refused = 0;
  std::unique_ptr<postgres_standby_log> follower;
  {
    auto log = open_on(primary, "congress");
    follower =
        postgres_standby_log::open(standby.conninfo("congress"), test_key().public_part()).value();
    std::atomic<bool> stop{false};
    std::thread appender([&] {
      for (std::uint64_t i = 0; !stop; ++i) {
        auto slot = std::make_shared<appended_event>();
        std::lock_guard lock(m);
        auto placed = log->append("ballot_cast", R"({"n":)" + std::to_string(i) + "}",
                                  [&m, &durable, &refused, slot](boost::system::error_code ec) {
                                    std::lock_guard handler_lock(m);
                                    if (ec) {
                                      ++refused;
                                    } else {
                                      durable.push_back(*slot);
                                    }
                                  });
        if (placed) *slot = *placed;
      }
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
      {
        std::lock_guard lock(m);
        if (durable.size() >= 300) break;
      }
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the burst did not get going";
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    primary.stop();  // power loss, with appends in flight
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
    appender.join();
    (void)log->flush();
  }
  // What `plenumd promote` weighs: the standby has lost its primary and applied all it got.
  const auto gone = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  replication_state state = follower->replication().value();
  while (state.streaming && std::chrono::steady_clock::now() < gone) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    state = follower->replication().value();
  }
  EXPECT_TRUE(state.in_recovery);
  EXPECT_FALSE(state.streaming) << "the primary is gone";
  EXPECT_TRUE(state.replayed_all) << state.receive_lsn << " vs " << state.replay_lsn;
  (void)follower->catch_up().value();
  const chain_head followed = follower->head();

  standby.promote();
  EXPECT_FALSE(follower->replication().value().in_recovery) << "promoted";

  auto log = open_on(standby, "congress");  // verifies the whole chain
  std::lock_guard lock(m);
  ASSERT_GE(durable.size(), 300u);
  EXPECT_GT(refused, 0u) << "the primary stopped with appends in flight";
  ASSERT_GE(log->events().size(), durable.size());
  std::printf("reported durable: %zu, on the promoted standby: %zu, refused: %llu\n",
              durable.size(), log->events().size(), static_cast<unsigned long long>(refused));
  for (std::size_t i = 0; i < durable.size(); ++i) {
    EXPECT_EQ(durable[i].seq, i) << "reported durable in seq order";
    ASSERT_LT(durable[i].seq, log->events().size());
    EXPECT_EQ(log->events()[durable[i].seq].entry_hash, durable[i].entry_hash)
        << "seq " << durable[i].seq;
  }
  EXPECT_EQ(followed.length, log->events().size()) << "the follower had it all before promotion";
  EXPECT_EQ(followed.hash, log->head().hash);
  // The promoted standby takes writes and the chain goes on.
  const chain_head head = log->head();
  auto next = log->append("ballot_cast", R"({"n":"after"})", {});
  ASSERT_TRUE(next);
  EXPECT_EQ(next->seq, head.length);
  EXPECT_FALSE(log->flush());
}

}  // namespace
}  // namespace plenum::server::storage
