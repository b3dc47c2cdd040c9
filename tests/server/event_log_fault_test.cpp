// A failed commit is a fault the log recovers from: the failed batch and what queued behind it
// are refused (storage_unavailable), the chain goes back to the last durable event, appends
// are refused during a short pause, and the first append after it tries the database again.
// The failure is real SQLite refusing the insert: another connection installs a trigger that
// aborts every insert into the events table (the fault injector of these tests).
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "plenum/crypto/board.hpp"
#include "storage/event_log.hpp"
#include "storage/sqlite.hpp"
#include "temp_dir.hpp"

namespace plenum::server::storage {
namespace {

crypto::secret_key test_key() {
  crypto::byte_array<32> seed{};
  seed.fill(41);
  return crypto::secret_key::from_seed(seed);
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

// Another connection to the same file that makes every insert into events fail, or lets them
// through again.
class insert_refuser {
 public:
  explicit insert_refuser(const std::filesystem::path& path)
      : db_(sql::connection::open(path, std::chrono::milliseconds(2000)).value()) {}
  void refuse() {
    ASSERT_TRUE(
        db_.exec("CREATE TRIGGER refuse BEFORE INSERT ON events "
                 "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;"));
  }
  void allow() { ASSERT_TRUE(db_.exec("DROP TRIGGER refuse")); }

 private:
  sql::connection db_;
};

const auto unavailable = make_error_code(errc::storage_unavailable);

event_log_options quiet(std::vector<std::string>& lines, std::mutex& m) {
  event_log_options options;
  options.retry_pause = std::chrono::milliseconds(200);
  options.retry_pause_max = std::chrono::milliseconds(400);
  options.log_error = [&lines, &m](std::string_view line) {
    std::lock_guard lock(m);
    lines.emplace_back(line);
  };
  return options;
}

TEST(EventLogFault, AFailedCommitRefusesItsEventsAndTheLogResumesOnceTheFaultIsGone) {
  test::temp_dir dir;
  std::mutex lines_mutex;
  std::vector<std::string> lines;
  recorder seen;
  crypto::digest32 hash_of_4{};
  {
    auto log = event_log::open(dir / "board.db", test_key(), quiet(lines, lines_mutex)).value();
    for (std::uint64_t i = 0; i < 5; ++i) ASSERT_TRUE(log->append("e", "{}", seen.handler(i)));
    ASSERT_FALSE(log->flush());
    hash_of_4 = log->head().hash;
    EXPECT_EQ(log->faults(), 0u);

    insert_refuser refuser(dir / "board.db");
    refuser.refuse();
    // A single event and a group of two behind it: all three are refused.
    ASSERT_TRUE(log->append("lost", "{}", seen.handler(5)));
    std::vector<event_draft> group;
    group.push_back({"lost", "{}", seen.handler(6)});
    group.push_back({"lost", "{}", seen.handler(7)});
    auto placed = log->append_group(6, std::move(group));
    // The writer may have failed event 5 already (then the head went back and the group is
    // refused at once, as stale); either way nothing of it becomes durable.
    EXPECT_EQ(log->flush(), unavailable);
    EXPECT_TRUE(log->failed());
    EXPECT_EQ(log->faults(), 1u);
    EXPECT_EQ(log->head().length, 5u);
    EXPECT_EQ(log->head().hash, hash_of_4);
    EXPECT_EQ(log->snapshot().size(), 5u);

    // During the pause appends are refused at once, without touching the database.
    auto refused = log->append("e", "{}", seen.handler(99));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error(), unavailable);
    // A caller whose view of the chain is stale is refused too.
    std::vector<event_draft> stale;
    stale.push_back({"stale", "{}", seen.handler(98)});
    auto stale_placed = log->append_group(8, std::move(stale));
    ASSERT_FALSE(stale_placed);
    EXPECT_EQ(stale_placed.error(), unavailable);

    // After the pause the database is tried again; it still refuses: a second fault.
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    ASSERT_TRUE(log->append("lost", "{}", seen.handler(5)));
    EXPECT_EQ(log->flush(), unavailable);
    EXPECT_EQ(log->faults(), 2u);
    EXPECT_EQ(log->head().length, 5u);

    // The fault is gone: after the (doubled) pause the next append takes seq 5 and is durable.
    refuser.allow();
    std::this_thread::sleep_for(std::chrono::milliseconds(450));
    auto back = log->append("after", R"({"n":5})", seen.handler(5));
    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(back->seq, 5u);
    EXPECT_FALSE(log->flush());
    EXPECT_FALSE(log->failed());
    EXPECT_EQ(log->stats().failed_commits, 2u);
    (void)placed;
  }
  {
    std::lock_guard lock(seen.mutex);
    ASSERT_GE(seen.seqs.size(), 7u);
    // The first five durable, then only failures, then the one durable event 5.
    for (std::size_t i = 0; i < 5; ++i) EXPECT_FALSE(seen.codes[i]);
    for (std::size_t i = 5; i + 1 < seen.seqs.size(); ++i) {
      EXPECT_EQ(seen.codes[i], unavailable) << "handler " << i << " of seq " << seen.seqs[i];
      EXPECT_NE(seen.seqs[i], 98u);
      EXPECT_NE(seen.seqs[i], 99u);
    }
    EXPECT_EQ(seen.seqs.back(), 5u);
    EXPECT_FALSE(seen.codes.back());
  }
  {
    std::lock_guard lock(lines_mutex);
    ASSERT_EQ(lines.size(), 2u);
    // SQLITE_CONSTRAINT_TRIGGER is 1811.
    EXPECT_NE(lines[0].find("extended code 1811"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("tries again in 200 ms"), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find("tries again in 400 ms"), std::string::npos) << lines[1];
  }
  // On disk: the five events before the fault and the one after it, a chain that verifies.
  auto log = event_log::open(dir / "board.db", test_key()).value();
  ASSERT_EQ(log->events().size(), 6u);
  EXPECT_EQ(log->events()[5].type, "after");
  EXPECT_EQ(log->events()[5].prev_hash, hash_of_4);
}

TEST(EventLogFault, AGroupIsCommittedWholeEvenBeyondTheBatchLimit) {
  test::temp_dir dir;
  event_log_options options;
  options.max_batch = 2;
  auto log = event_log::open(dir / "board.db", test_key(), options).value();
  recorder seen;
  std::vector<event_draft> group;
  for (std::uint64_t i = 0; i < 5; ++i) group.push_back({"g", "{}", seen.handler(i)});
  auto placed = log->append_group(0, std::move(group));
  ASSERT_TRUE(placed);
  ASSERT_EQ(placed->size(), 5u);
  for (std::uint64_t i = 0; i < 5; ++i) EXPECT_EQ((*placed)[i].seq, i);
  EXPECT_FALSE(log->flush());
  EXPECT_EQ(log->stats().commits, 1u);
  EXPECT_EQ(log->stats().largest_batch, 5u);

  std::vector<event_draft> none;
  auto empty = log->append_group(5, std::move(none));
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error(), make_error_code(errc::invalid_field));
}

}  // namespace
}  // namespace plenum::server::storage
