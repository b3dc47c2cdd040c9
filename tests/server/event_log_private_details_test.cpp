// Private details beside the chain (protocol/RECORD.md "Private details"): a row of table
// private_details is written in the same transaction as the event that carries its digest —
// durable with it, read back after reopening, and gone with it when the commit fails. The
// failure is real SQLite refusing an insert: a trigger installed from another connection (the
// fault injector of these tests).
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "storage/event_log.hpp"
#include "storage/sqlite.hpp"
#include "temp_dir.hpp"

namespace plenum::server::storage {
namespace {

crypto::secret_key test_key() {
  crypto::byte_array<32> seed{};
  seed.fill(53);
  return crypto::secret_key::from_seed(seed);
}

private_detail_row row(const std::string& digest, const std::string& name) {
  return {digest, std::string(32, '1'), R"({"name":")" + name + R"("})"};
}

// Appends one event carrying `details` and waits for its handler: the outcome of its commit.
boost::system::error_code append_with(event_log& log, std::vector<private_detail_row> details) {
  auto done = std::make_shared<std::promise<boost::system::error_code>>();
  std::vector<event_draft> drafts;
  drafts.push_back({"contact_registered", R"({"n":1})",
                    [done](boost::system::error_code ec) { done->set_value(ec); },
                    std::move(details)});
  auto placed = log.append_group(log.head().length, std::move(drafts));
  if (!placed) return placed.error();
  return done->get_future().get();
}

std::int64_t rows_on_disk(const std::filesystem::path& path) {
  auto db = sql::connection::open(path, std::chrono::milliseconds(2000)).value();
  auto count = db.prepare("SELECT COUNT(*) FROM private_details").value();
  EXPECT_TRUE(count.step().value());
  return count.column_int(0);
}

class refuser {
 public:
  explicit refuser(const std::filesystem::path& path)
      : db_(sql::connection::open(path, std::chrono::milliseconds(2000)).value()) {}
  void refuse(const std::string& table) {
    ASSERT_TRUE(db_.exec("CREATE TRIGGER refuse BEFORE INSERT ON " + table +
                         " BEGIN SELECT RAISE(ABORT, 'refused by test'); END;"));
  }
  void allow() { ASSERT_TRUE(db_.exec("DROP TRIGGER refuse")); }

 private:
  sql::connection db_;
};

event_log_options quiet() {
  event_log_options options;
  options.retry_pause = std::chrono::milliseconds(1);
  options.retry_pause_max = std::chrono::milliseconds(1);
  options.log_error = [](std::string_view) {};
  return options;
}

TEST(EventLogPrivateDetails, KeptWithTheirEventAndReadAfterReopening) {
  test::temp_dir dir;
  const auto path = dir.path() / "events.db";
  const auto digest = std::string(64, 'a');
  {
    auto log = event_log::open(path, test_key(), quiet()).value();
    EXPECT_FALSE(log->private_details(digest));
    ASSERT_FALSE(append_with(*log, {row(digest, "王建国")}));
    auto found = log->private_details(digest);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->details, R"({"name":"王建国"})");
    // The chain itself holds no name.
    for (const auto& e : log->snapshot()) EXPECT_EQ(e.payload.find("王建国"), std::string::npos);
  }
  EXPECT_EQ(rows_on_disk(path), 1);
  auto reopened = event_log::open(path, test_key(), quiet()).value();
  auto found = reopened->private_details(digest);
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, row(digest, "王建国"));
  EXPECT_FALSE(reopened->private_details(std::string(64, 'b')));
}

TEST(EventLogPrivateDetails, AFailedCommitTakesTheDetailsWithIt) {
  test::temp_dir dir;
  const auto path = dir.path() / "events.db";
  auto log = event_log::open(path, test_key(), quiet()).value();
  ASSERT_FALSE(append_with(*log, {}));
  refuser fault(path);
  // The event cannot be written: its details are not kept either.
  fault.refuse("events");
  EXPECT_EQ(append_with(*log, {row(std::string(64, 'c'), "李四")}),
            make_error_code(errc::storage_unavailable));
  EXPECT_FALSE(log->private_details(std::string(64, 'c')));
  EXPECT_EQ(rows_on_disk(path), 0);
  fault.allow();
  // The details cannot be written: the event is not either (one transaction).
  fault.refuse("private_details");
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(append_with(*log, {row(std::string(64, 'd'), "赵五")}),
            make_error_code(errc::storage_unavailable));
  EXPECT_EQ(log->head().length, 1u);
  EXPECT_FALSE(log->private_details(std::string(64, 'd')));
  fault.allow();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_FALSE(append_with(*log, {row(std::string(64, 'e'), "钱六")}));
  EXPECT_EQ(log->head().length, 2u);
  EXPECT_EQ(rows_on_disk(path), 1);
}

}  // namespace
}  // namespace plenum::server::storage
