#include "storage/event_log.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "plenum/crypto/board.hpp"
#include "storage/sqlite.hpp"
#include "temp_dir.hpp"

namespace plenum::server::storage {
namespace {

crypto::secret_key test_key(std::uint8_t fill = 7) {
  crypto::byte_array<32> seed{};
  seed.fill(fill);
  return crypto::secret_key::from_seed(seed);
}

std::string payload_of(std::uint64_t i) {
  return R"({"n":)" + std::to_string(i) + R"(,"name":"Délégué №)" + std::to_string(i) + R"("})";
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
};

std::unique_ptr<event_log> open_or_die(const std::filesystem::path& path,
                                       const crypto::secret_key& key,
                                       event_log_options options = {}) {
  auto log = event_log::open(path, key, std::move(options));
  if (!log) throw std::runtime_error(log.error().message);
  return std::move(*log);
}

void expect_same_events(const std::vector<stored_event>& a, const std::vector<stored_event>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].seq, b[i].seq);
    EXPECT_EQ(a[i].prev_hash, b[i].prev_hash);
    EXPECT_EQ(a[i].type, b[i].type);
    EXPECT_EQ(a[i].payload, b[i].payload);
    EXPECT_EQ(a[i].entry_hash, b[i].entry_hash);
    EXPECT_EQ(a[i].signature, b[i].signature);
    EXPECT_EQ(a[i].stored_at_unix_ms, b[i].stored_at_unix_ms);
  }
}

TEST(EventLog, NewLogIsEmpty) {
  test::temp_dir dir;
  auto log = open_or_die(dir / "board.db", test_key());
  EXPECT_TRUE(log->events().empty());
  EXPECT_EQ(log->head().length, 0u);
  EXPECT_EQ(log->head().hash, crypto::genesis_hash);
  EXPECT_EQ(log->congress_public_key(), test_key().public_part());
  EXPECT_FALSE(log->failed());
  EXPECT_FALSE(log->flush());
}

TEST(EventLog, DatabaseIsInWalModeWithoutSecrets) {
  test::temp_dir dir;
  auto log = open_or_die(dir / "board.db", test_key());
  ASSERT_TRUE(log->append("e", "{}", nullptr));
  ASSERT_FALSE(log->flush());
  auto db = sql::connection::open(dir / "board.db", std::chrono::milliseconds(1000));
  ASSERT_TRUE(db);
  auto mode = db->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode);
  auto row = mode->step();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(mode->column_text(0), "wal");
  // The only key material stored is the public key.
  auto meta = db->prepare("SELECT key, length(value) FROM meta");
  ASSERT_TRUE(meta);
  std::vector<std::pair<std::string, std::int64_t>> rows;
  for (auto next = meta->step(); next && *next; next = meta->step()) {
    rows.emplace_back(std::string(meta->column_text(0)), meta->column_int(1));
  }
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].first, "congress_public_key");
  EXPECT_EQ(rows[0].second, 32);
}

TEST(EventLog, AppendAssignsTheChainAtOnce) {
  test::temp_dir dir;
  event_log_options options;
  options.clock = [] { return std::int64_t{1767225600000}; };
  auto log = open_or_die(dir / "board.db", test_key(), options);

  auto first = log->append("roster_loaded", R"({"persons":3})", nullptr);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->seq, 0u);
  EXPECT_EQ(first->entry_hash,
            crypto::entry_hash(0, crypto::genesis_hash, "roster_loaded", R"({"persons":3})"));
  EXPECT_TRUE(test_key().public_part().verify(first->entry_hash, first->signature));
  EXPECT_EQ(first->stored_at_unix_ms, 1767225600000);

  auto second = log->append("sitting_opened", R"({"sitting":"s1"})", nullptr);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->seq, 1u);
  EXPECT_EQ(second->entry_hash,
            crypto::entry_hash(1, first->entry_hash, "sitting_opened", R"({"sitting":"s1"})"));
  EXPECT_EQ(log->head().length, 2u);
  EXPECT_EQ(log->head().hash, second->entry_hash);
  ASSERT_EQ(log->events().size(), 2u);
  EXPECT_EQ(log->events()[1].prev_hash, first->entry_hash);
  EXPECT_FALSE(log->flush());
}

TEST(EventLog, ReopenGivesTheSameEventsAndChain) {
  test::temp_dir dir;
  std::vector<stored_event> written;
  chain_head head;
  {
    auto log = open_or_die(dir / "board.db", test_key());
    for (std::uint64_t i = 0; i < 50; ++i) {
      ASSERT_TRUE(log->append(i % 2 ? "checkin" : "vote_cast", payload_of(i), nullptr));
    }
    ASSERT_FALSE(log->flush());
    written = log->events();
    head = log->head();
  }
  auto log = open_or_die(dir / "board.db", test_key());
  expect_same_events(log->events(), written);
  EXPECT_EQ(log->head().length, 50u);
  EXPECT_EQ(log->head().hash, head.hash);

  const std::vector<stored_event> tail = log->snapshot(48);
  ASSERT_EQ(tail.size(), 2u);
  EXPECT_EQ(tail[0].seq, 48u);
  EXPECT_EQ(tail[1].entry_hash, head.hash);
  EXPECT_TRUE(log->snapshot(50).empty());
  EXPECT_EQ(log->snapshot().size(), 50u);

  // The chain goes on where it stopped.
  auto next = log->append("sitting_closed", "{}", nullptr);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->seq, 50u);
  EXPECT_EQ(log->events().back().prev_hash, head.hash);
  ASSERT_FALSE(log->flush());
  log.reset();
  EXPECT_EQ(open_or_die(dir / "board.db", test_key())->events().size(), 51u);
}

TEST(EventLog, SelectReadsAPageOfTheChosenEvents) {
  test::temp_dir dir;
  auto log = open_or_die(dir / "board.db", test_key());
  for (std::uint64_t i = 0; i < 20; ++i)
    ASSERT_TRUE(log->append(i % 3 ? "checkin" : "vote_cast", payload_of(i), nullptr));
  ASSERT_FALSE(log->flush());
  // A page of at most `limit` events from `from`, stopping before `to`.
  const auto page = log->select(5, 20, 4);
  ASSERT_EQ(page.size(), 4u);
  EXPECT_EQ(page.front().seq, 5u);
  EXPECT_EQ(page.back().entry_hash, log->events()[8].entry_hash);
  EXPECT_EQ(log->select(18, 19, 10).size(), 1u);
  EXPECT_TRUE(log->select(20, 30, 10).empty());
  // Only the events `keep` accepts: the page reaches further to hold `limit` of them.
  const auto casts =
      log->select(1, 20, 3, [](const stored_event& e) { return e.type == "vote_cast"; });
  ASSERT_EQ(casts.size(), 3u);
  EXPECT_EQ(casts[0].seq, 3u);
  EXPECT_EQ(casts[1].seq, 6u);
  EXPECT_EQ(casts[2].seq, 9u);
}

TEST(EventLog, GroupCommitRunsEveryHandlerInSeqOrder) {
  test::temp_dir dir;
  recorder seen;
  auto log = open_or_die(dir / "board.db", test_key());
  for (std::uint64_t i = 0; i < 1000; ++i) {
    auto placed = log->append("checkin", payload_of(i), seen.handler(i));
    ASSERT_TRUE(placed);
    ASSERT_EQ(placed->seq, i);
  }
  ASSERT_FALSE(log->flush());
  const writer_stats stats = log->stats();
  EXPECT_EQ(stats.events, 1000u);
  EXPECT_GE(stats.commits, 2u);  // at most 512 a transaction
  EXPECT_LE(stats.largest_batch, 512u);
  std::lock_guard lock(seen.mutex);
  ASSERT_EQ(seen.seqs.size(), 1000u);
  for (std::uint64_t i = 0; i < 1000; ++i) {
    EXPECT_EQ(seen.seqs[i], i);
    EXPECT_FALSE(seen.codes[i]) << seen.codes[i].message();
  }
}

TEST(EventLog, OneTransactionTakesEverythingQueued) {
  test::temp_dir dir;
  auto log = open_or_die(dir / "board.db", test_key());
  // Event 0's handler holds the writer until 300 more events are queued behind it.
  std::promise<void> queued;
  std::shared_future<void> release = queued.get_future().share();
  auto started = std::make_shared<std::promise<void>>();
  std::future<void> writer_held = started->get_future();
  ASSERT_TRUE(log->append("first", "{}", [release, started](boost::system::error_code) {
    started->set_value();
    release.wait();
  }));
  writer_held.wait();  // event 0 was committed alone; the writer now waits in its handler
  for (int i = 0; i < 300; ++i) ASSERT_TRUE(log->append("e", payload_of(i), nullptr));
  queued.set_value();
  ASSERT_FALSE(log->flush());
  const writer_stats stats = log->stats();
  EXPECT_EQ(stats.commits, 2u);
  EXPECT_EQ(stats.events, 301u);
  EXPECT_EQ(stats.largest_batch, 300u);
}

TEST(EventLog, BatchesAreBounded) {
  test::temp_dir dir;
  event_log_options options;
  options.max_batch = 50;
  auto log = open_or_die(dir / "board.db", test_key(), options);
  std::promise<void> queued;
  std::shared_future<void> release = queued.get_future().share();
  auto started = std::make_shared<std::promise<void>>();
  std::future<void> writer_held = started->get_future();
  ASSERT_TRUE(log->append("first", "{}", [release, started](boost::system::error_code) {
    started->set_value();
    release.wait();
  }));
  writer_held.wait();  // event 0 was committed alone; the writer now waits in its handler
  for (int i = 0; i < 300; ++i) ASSERT_TRUE(log->append("e", payload_of(i), nullptr));
  queued.set_value();
  ASSERT_FALSE(log->flush());
  const writer_stats stats = log->stats();
  EXPECT_EQ(stats.commits, 7u);  // 1, then 6 × 50
  EXPECT_EQ(stats.largest_batch, 50u);
}

TEST(EventLog, ACommitIntervalGathersAStreamOfAppends) {
  test::temp_dir dir;
  event_log_options options;
  // Long enough that a slow disk under a loaded machine commits well within it.
  options.commit_interval = std::chrono::seconds(2);
  auto log = open_or_die(dir / "board.db", test_key(), options);
  // The first append after a quiet spell is committed at once, not after the interval.
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(log->append("first", "{}", nullptr));
  ASSERT_FALSE(log->flush());
  EXPECT_LT(std::chrono::steady_clock::now() - start, options.commit_interval);
  // Those that follow within the interval wait for it and go in one commit.
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(log->append("e", payload_of(i), nullptr));
  ASSERT_FALSE(log->flush());
  const writer_stats stats = log->stats();
  EXPECT_EQ(stats.commits, 2u);
  EXPECT_EQ(stats.events, 41u);
  EXPECT_EQ(stats.largest_batch, 40u);
}

TEST(EventLog, ACommitIntervalGivesWayToAFullBatch) {
  test::temp_dir dir;
  event_log_options options;
  options.commit_interval = std::chrono::hours(1);
  options.max_batch = 10;
  auto log = open_or_die(dir / "board.db", test_key(), options);
  ASSERT_TRUE(log->append("first", "{}", nullptr));
  ASSERT_FALSE(log->flush());
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(log->append("e", payload_of(i), nullptr));
  ASSERT_FALSE(log->flush());  // returns: full batches do not wait out the hour
  EXPECT_EQ(log->stats().events, 31u);
  EXPECT_EQ(log->stats().largest_batch, 10u);
}

TEST(EventLog, TheFirstAppendIsCommittedAtOnceHoweverLongTheInterval) {
  // An interval longer than any machine has been up: the log's first commit is due at once,
  // as after any quiet spell, not an interval after the clock's epoch (the boot).
  test::temp_dir dir;
  event_log_options options;
  options.commit_interval = std::chrono::hours(24 * 365 * 100);
  auto log = open_or_die(dir / "board.db", test_key(), options);
  auto durable = std::make_shared<std::promise<boost::system::error_code>>();
  std::future<boost::system::error_code> committed = durable->get_future();
  ASSERT_TRUE(log->append("first", "{}",
                          [durable](boost::system::error_code ec) { durable->set_value(ec); }));
  ASSERT_EQ(committed.wait_for(std::chrono::seconds(60)), std::future_status::ready)
      << "the first append waits for the commit interval";
  EXPECT_FALSE(committed.get());
}

TEST(EventLog, TheBatchHandlerFollowsEachCommitsHandlers) {
  test::temp_dir dir;
  auto log = open_or_die(dir / "board.db", test_key());
  // Touched only on the writer thread until flush() returns.
  std::vector<std::uint64_t> handled;
  std::vector<std::vector<std::uint64_t>> batches;
  std::vector<std::uint64_t> current;
  log->set_batch_handler([&] {
    batches.push_back(current);
    current.clear();
  });
  for (std::uint64_t i = 0; i < 600; ++i) {
    ASSERT_TRUE(log->append("e", payload_of(i), [&, i](boost::system::error_code) {
      handled.push_back(i);
      current.push_back(i);
    }));
  }
  ASSERT_FALSE(log->flush());
  EXPECT_TRUE(current.empty());  // every event's batch was handed on
  EXPECT_EQ(batches.size(), log->stats().commits);
  std::vector<std::uint64_t> in_order;
  for (const auto& b : batches) {
    EXPECT_FALSE(b.empty());
    in_order.insert(in_order.end(), b.begin(), b.end());
  }
  EXPECT_EQ(in_order, handled);
  EXPECT_EQ(handled.size(), 600u);
}

TEST(EventLog, ConcurrentAppendersGetOneChain) {
  test::temp_dir dir;
  std::mutex order_mutex;
  std::vector<std::uint64_t> reported;
  std::atomic<int> failures{0};
  {
    event_log_options options;
    options.max_batch = 64;
    auto log = open_or_die(dir / "board.db", test_key(), options);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 250; ++i) {
          if (!log->append("t" + std::to_string(t), payload_of(i), nullptr)) ++failures;
        }
      });
    }
    // A reader copies the chain while it grows; every copy is a prefix that links up.
    std::atomic<bool> broken_copy{false};
    std::thread reader([&] {
      for (int i = 0; i < 50; ++i) {
        const auto copy = log->snapshot();
        for (std::size_t k = 1; k < copy.size(); ++k) {
          if (copy[k].seq != k || copy[k].prev_hash != copy[k - 1].entry_hash) broken_copy = true;
        }
        (void)log->head();
      }
    });
    for (auto& th : threads) th.join();
    reader.join();
    EXPECT_FALSE(broken_copy.load());
    // A handler registered last still sees every earlier event durable before it.
    auto last = log->append("end", "{}", [&](boost::system::error_code ec) {
      std::lock_guard lock(order_mutex);
      reported.push_back(ec ? 0 : 1);
    });
    ASSERT_TRUE(last);
    EXPECT_EQ(last->seq, 1000u);
  }
  EXPECT_EQ(failures.load(), 0);
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0], 1u);
  auto log = open_or_die(dir / "board.db", test_key());
  EXPECT_EQ(log->events().size(), 1001u);
}

TEST(EventLog, DestructionWritesWhatIsQueued) {
  test::temp_dir dir;
  recorder seen;
  {
    auto log = open_or_die(dir / "board.db", test_key());
    for (std::uint64_t i = 0; i < 100; ++i) ASSERT_TRUE(log->append("e", "{}", seen.handler(i)));
  }
  EXPECT_EQ(seen.seqs.size(), 100u);
  EXPECT_EQ(open_or_die(dir / "board.db", test_key())->events().size(), 100u);
}

TEST(EventLog, HandlerMayAppend) {
  test::temp_dir dir;
  auto log = open_or_die(dir / "board.db", test_key());
  std::atomic<bool> chained{false};
  ASSERT_TRUE(log->append("first", "{}", [&](boost::system::error_code ec) {
    if (!ec) chained = static_cast<bool>(log->append("second", "{}", nullptr));
  }));
  // The second append happens on the writer thread; flush twice to cover it.
  ASSERT_FALSE(log->flush());
  ASSERT_FALSE(log->flush());
  EXPECT_TRUE(chained.load());
  EXPECT_EQ(log->head().length, 2u);
}

TEST(EventLog, AnotherCongressKeyIsRefused) {
  test::temp_dir dir;
  {
    auto log = open_or_die(dir / "board.db", test_key(1));
    ASSERT_TRUE(log->append("e", "{}", nullptr));
  }
  std::vector<std::string> lines;
  event_log_options options;
  options.log_error = [&](std::string_view line) { lines.emplace_back(line); };
  auto log = event_log::open(dir / "board.db", test_key(2), options);
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().code, make_error_code(errc::broken_chain));
  EXPECT_NE(log.error().message.find("congress key"), std::string::npos) << log.error().message;
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], log.error().message);
}

TEST(EventLog, UnopenablePathIsAStorageFailure) {
  test::temp_dir dir;
  event_log_options options;
  options.log_error = [](std::string_view) {};
  auto log = event_log::open(dir / "missing" / "board.db", test_key(), options);
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().code, make_error_code(errc::storage_failure));
  EXPECT_NE(log.error().message.find("extended code"), std::string::npos) << log.error().message;
}

TEST(EventLog, AFileThatIsNotADatabaseIsAStorageFailure) {
  test::temp_dir dir;
  {
    std::FILE* f = std::fopen((dir / "board.db").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string junk(4096, 'x');
    ASSERT_EQ(std::fwrite(junk.data(), 1, junk.size(), f), junk.size());
    std::fclose(f);
  }
  event_log_options options;
  options.log_error = [](std::string_view) {};
  auto log = event_log::open(dir / "board.db", test_key(), options);
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().code, make_error_code(errc::storage_failure));
  // SQLITE_NOTADB is 26.
  EXPECT_NE(log.error().message.find("extended code 26"), std::string::npos) << log.error().message;
}

}  // namespace
}  // namespace plenum::server::storage
