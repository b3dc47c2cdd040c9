// The `state` push and get_state count only what the board serves: a ballot is applied before
// its commit is durable, and while that commit waits no view that counts it may leave. The
// fault injector holds the log's write lock from another SQLite connection to plenumd's
// events.db (BEGIN IMMEDIATE), so the ballot's commit waits for it (the log's busy timeout is
// longer than the hold) and then goes through.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "motion_sitting.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenumd_process.hpp"
#include "storage/sqlite.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr int delegates = 3;

// The `received` count of vote `vote_id` in a state view (-1 when the vote is not there).
std::int64_t received(const json::object& state, const std::string& vote_id) {
  const auto* votes = state.if_contains("votes");
  if (votes == nullptr || !votes->is_array()) return -1;
  for (const auto& v : votes->as_array())
    if (str(v.as_object(), "id") == vote_id)
      return v.as_object().at("received").to_number<std::int64_t>();
  return -1;
}

// The ballot_accepted events get_board serves over `c`.
std::int64_t ballots_on_board(hall_client& c) {
  auto page = c.call("get_board", {{"from_seq", 0}, {"limit", 500}});
  EXPECT_TRUE(page.ok()) << page.code();
  std::int64_t n = 0;
  for (const auto& e : page.fields.at("events").as_array())
    if (str(e.as_object(), "type") == "ballot_accepted") ++n;
  return n;
}

TEST(DurableState, NoStatePushOrGetStateCountsABallotTheBoardDoesNotServeYet) {
  temp_dir dir;
  std::ofstream(dir.path() / "roster.csv") << motion_roster_csv(delegates);
  const auto data = dir.path() / "data";
  plenumd_process plenumd(PLENUMD_BINARY, data, dir.path() / "plenumd.log",
                          {"--congress-id", "durable-congress", "--roster",
                           (dir.path() / "roster.csv").string(), "--membership", "100,40,5"});
  const auto port = plenumd.wait_ready(120s);
  ASSERT_TRUE(port) << read_file(dir.path() / "plenumd.log");

  // The sitting: roster, enrollment, check-in, a motion, the key ceremony, the vote open.
  motion_sitting sitting;
  ASSERT_NO_FATAL_FAILURE(open_motion_sitting(*port, data, "durable-congress", delegates,
                                              "durable state test", sitting));
  auto& hall = sitting.delegates;
  const auto& keys = sitting.keys;
  const auto& basis = sitting.basis;

  // Consoles of the hall: `watcher` is read while the commit waits (a receive that times out
  // ends its connection), `follower` only after; `reader` reads the board.
  hall_client watcher(*port);
  hall_client follower(*port);
  ASSERT_TRUE(watcher.call("subscribe", {{"topics", json::array{"state"}}}).ok());
  ASSERT_TRUE(follower.call("subscribe", {{"topics", json::array{"state"}}}).ok());
  hall_client reader(*port);
  ASSERT_EQ(ballots_on_board(reader), 0);

  // D001 casts while the log's write lock is held elsewhere: the ballot is applied at once, its
  // commit waits.
  auto db = server::storage::sql::connection::open(data / "events.db", 2000ms);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->exec("BEGIN IMMEDIATE"));
  crypto::seeded_random br("ballot D001");
  auto b = crypto::make_ballot(basis->manifest, basis->election_hash, basis->joint_key,
                               keys.at("D001"), {{1, 0, 0}}, br);
  ASSERT_TRUE(b);
  auto cast = std::async(std::launch::async, [&] {
    return hall.at(1).call("cast_ballot",
                           {{"vote_id", "v1"}, {"ballot", protocol::encode_ballot(*b)}});
  });
  std::this_thread::sleep_for(300ms);  // the ballot is decided and applied meanwhile
  // A get_state, and a console subscribing now (its first push), while the commit waits.
  hall_client early(*port);
  auto early_state = std::async(std::launch::async, [&] { return early.call("get_state"); });
  hall_client newcomer(*port);
  ASSERT_TRUE(newcomer.call("subscribe", {{"topics", json::array{"state"}}}).ok());
  // Every state push that arrives now counts only what the board serves (none of them the
  // ballot); the pushes before the ballot may still be on their way.
  int pushes_while_waiting = 0;
  for (auto* console : {&watcher, &newcomer}) {
    const auto until = std::chrono::steady_clock::now() + 600ms;
    for (auto p = console->next_push("state", 600ms); p;
         p = console->next_push("state", std::chrono::duration_cast<std::chrono::milliseconds>(
                                             until - std::chrono::steady_clock::now()))) {
      ++pushes_while_waiting;
      EXPECT_LE(received(p->at("state").as_object(), "v1"), ballots_on_board(reader))
          << "a state push counted a ballot get_board does not serve: " << json::serialize(*p);
      if (std::chrono::steady_clock::now() >= until) break;
    }
  }
  EXPECT_EQ(early_state.wait_for(0s), std::future_status::timeout)
      << "get_state answered with a view whose events are not durable";
  EXPECT_EQ(cast.wait_for(0s), std::future_status::timeout) << "the commit did not wait";
  EXPECT_EQ(ballots_on_board(reader), 0);
  RecordProperty("state_pushes_while_the_commit_waited", pushes_while_waiting);

  // The commit goes through: the receipt, get_state and the pushes count the ballot, which the
  // board now serves.
  ASSERT_TRUE(db->exec("COMMIT"));
  const auto receipt = cast.get();
  ASSERT_TRUE(receipt.ok()) << receipt.code();
  const auto answered = early_state.get();
  ASSERT_TRUE(answered.ok()) << answered.code();
  EXPECT_EQ(received(answered.fields.at("state").as_object(), "v1"), 1);
  EXPECT_EQ(ballots_on_board(reader), 1);
  bool counted = false;
  while (!counted) {
    const auto p = follower.next_push("state", 3s);
    if (!p) break;
    counted = received(p->at("state").as_object(), "v1") == 1;
  }
  EXPECT_TRUE(counted) << "no state push counted the durable ballot";
  hall_client later(*port);
  ASSERT_TRUE(later.call("subscribe", {{"topics", json::array{"state"}}}).ok());
  const auto first = later.next_push("state", 3s);
  ASSERT_TRUE(first);
  EXPECT_EQ(received(first->at("state").as_object(), "v1"), 1);
}

}  // namespace
}  // namespace plenum::tests
