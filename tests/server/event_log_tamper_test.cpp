// Each way of damaging a stored log makes open() refuse it, naming the first bad event.
#include <gtest/gtest.h>

#include <string>

#include "plenum/crypto/board.hpp"
#include "storage/event_log.hpp"
#include "storage/sqlite.hpp"
#include "temp_dir.hpp"

namespace plenum::server::storage {
namespace {

crypto::secret_key test_key(std::uint8_t fill) {
  crypto::byte_array<32> seed{};
  seed.fill(fill);
  return crypto::secret_key::from_seed(seed);
}

class EventLogTamper : public ::testing::Test {
 protected:
  static constexpr std::uint64_t events = 10;

  void SetUp() override {
    auto log = event_log::open(path_, key_);
    ASSERT_TRUE(log) << log.error().message;
    for (std::uint64_t i = 0; i < events; ++i) {
      ASSERT_TRUE((*log)->append("e", R"({"i":)" + std::to_string(i) + "}", nullptr));
    }
    ASSERT_FALSE((*log)->flush());
  }

  // Runs SQL on the closed log through a separate connection.
  void tamper(std::string_view sql) {
    auto db = sql::connection::open(path_, std::chrono::milliseconds(1000));
    ASSERT_TRUE(db) << db.error().message;
    auto done = db->exec(sql);
    ASSERT_TRUE(done) << done.error().message;
  }

  // Replaces one blob column of one event.
  void set_blob(std::string_view column, std::uint64_t seq, crypto::byte_span value) {
    auto db = sql::connection::open(path_, std::chrono::milliseconds(1000));
    ASSERT_TRUE(db);
    auto update = db->prepare("UPDATE events SET " + std::string(column) + " = ?1 WHERE seq = ?2");
    ASSERT_TRUE(update) << update.error().message;
    ASSERT_TRUE(update->bind(1, value));
    ASSERT_TRUE(update->bind(2, static_cast<std::int64_t>(seq)));
    auto stepped = update->step();
    ASSERT_TRUE(stepped) << stepped.error().message;
  }

  // Opens the log, expects broken_chain, and returns the message.
  std::string refused() {
    event_log_options options;
    options.log_error = [](std::string_view) {};
    auto log = event_log::open(path_, key_, options);
    if (log) {
      ADD_FAILURE() << "the damaged log was accepted";
      return {};
    }
    EXPECT_EQ(log.error().code, make_error_code(errc::broken_chain));
    EXPECT_NE(log.error().message.find(path_.string()), std::string::npos);
    return log.error().message;
  }

  static void expect_names(const std::string& message, std::string_view first_bad,
                           std::string_view what) {
    EXPECT_NE(message.find(first_bad), std::string::npos) << message;
    EXPECT_NE(message.find(what), std::string::npos) << message;
  }

  test::temp_dir dir_;
  std::filesystem::path path_ = dir_ / "board.db";
  crypto::secret_key key_ = test_key(9);
};

TEST_F(EventLogTamper, UntouchedLogOpens) {
  auto log = event_log::open(path_, key_);
  ASSERT_TRUE(log) << log.error().message;
  EXPECT_EQ((*log)->events().size(), events);
}

TEST_F(EventLogTamper, ChangedPayload) {
  tamper(R"(UPDATE events SET payload = '{"i":40}' WHERE seq = 4)");
  expect_names(refused(), "seq 4:", "entry_hash does not match");
}

TEST_F(EventLogTamper, ChangedType) {
  tamper("UPDATE events SET type = 'f' WHERE seq = 7");
  expect_names(refused(), "seq 7:", "entry_hash does not match");
}

TEST_F(EventLogTamper, ChangedEntryHash) {
  tamper("UPDATE events SET entry_hash = zeroblob(32) WHERE seq = 6");
  expect_names(refused(), "seq 6:", "entry_hash does not match");
}

TEST_F(EventLogTamper, ChangedPrevHash) {
  tamper("UPDATE events SET prev_hash = zeroblob(32) WHERE seq = 3");
  expect_names(refused(), "seq 3:", "prev_hash does not match");
}

TEST_F(EventLogTamper, TruncatedHash) {
  tamper("UPDATE events SET entry_hash = zeroblob(31) WHERE seq = 2");
  expect_names(refused(), "seq 2:", "not 32 bytes");
}

TEST_F(EventLogTamper, ChangedSignature) {
  tamper(
      "UPDATE events SET signature = (SELECT signature FROM events WHERE seq = 4) "
      "WHERE seq = 5");
  expect_names(refused(), "seq 5:", "signature does not verify");
}

TEST_F(EventLogTamper, RehashedPayloadWithoutTheKey) {
  // Whoever rewrites a payload and recomputes its hash still cannot sign it.
  const std::string payload = R"({"i":"forged"})";
  std::vector<stored_event> original;
  {
    auto log = event_log::open(path_, key_);
    ASSERT_TRUE(log);
    original = (*log)->events();
  }
  const crypto::digest32 forged =
      crypto::entry_hash(events - 1, original[events - 1].prev_hash, "e", payload);
  tamper(R"(UPDATE events SET payload = '{"i":"forged"}' WHERE seq = 9)");
  set_blob("entry_hash", events - 1, forged);
  expect_names(refused(), "seq 9:", "signature does not verify");
}

TEST_F(EventLogTamper, ResignedWithAnotherKey) {
  const crypto::secret_key other = test_key(10);
  {
    auto log = event_log::open(path_, key_);
    ASSERT_TRUE(log);
    const stored_event& e = (*log)->events()[8];
    const crypto::signature forged = other.sign(e.entry_hash);
    (*log).reset();
    set_blob("signature", 8, forged.bytes());
  }
  expect_names(refused(), "seq 8:", "signature does not verify");
}

TEST_F(EventLogTamper, DeletedEvent) {
  tamper("DELETE FROM events WHERE seq = 5");
  expect_names(refused(), "seq 5:", "missing");
}

TEST_F(EventLogTamper, DeletedFirstEvent) {
  tamper("DELETE FROM events WHERE seq = 0");
  expect_names(refused(), "seq 0:", "missing");
}

TEST_F(EventLogTamper, SwappedEvents) {
  tamper(
      "UPDATE events SET seq = 1000 WHERE seq = 3;"
      "UPDATE events SET seq = 3 WHERE seq = 4;"
      "UPDATE events SET seq = 4 WHERE seq = 1000;");
  expect_names(refused(), "seq 3:", "does not match");
}

TEST_F(EventLogTamper, NegativeSeq) {
  tamper("UPDATE events SET seq = -1 WHERE seq = 0");
  expect_names(refused(), "seq 0:", "found seq -1");
}

TEST_F(EventLogTamper, ReplacedCongressKey) {
  const crypto::secret_key other = test_key(11);
  auto db = sql::connection::open(path_, std::chrono::milliseconds(1000));
  ASSERT_TRUE(db);
  auto update = db->prepare("UPDATE meta SET value = ?1 WHERE key = 'congress_public_key'");
  ASSERT_TRUE(update);
  ASSERT_TRUE(update->bind(1, other.public_part().bytes()));
  ASSERT_TRUE(update->step());
  expect_names(refused(), "congress key", other.public_part().hex());
}

}  // namespace
}  // namespace plenum::server::storage
