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
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
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

std::string delegate(int i) { return "D00" + std::to_string(i); }

std::string roster_csv() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  for (int i = 1; i <= delegates; ++i)
    csv += delegate(i) + ",代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") +
           ",汉族,farming,U1,G1,delegate,no\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

crypto::secret_key make_key(const std::string& label) {
  crypto::seeded_random random("durable state test " + label);
  return crypto::secret_key::generate(random);
}

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
  std::ofstream(dir.path() / "roster.csv") << roster_csv();
  const auto data = dir.path() / "data";
  plenumd_process plenumd(PLENUMD_BINARY, data, dir.path() / "plenumd.log",
                          {"--congress-id", "durable-congress", "--roster",
                           (dir.path() / "roster.csv").string(), "--membership", "100,40,5"});
  const auto port = plenumd.wait_ready(120s);
  ASSERT_TRUE(port) << read_file(dir.path() / "plenumd.log");

  // The sitting: roster, enrollment, check-in, a motion, the key ceremony, the vote open.
  std::map<std::string, crypto::secret_key> keys;
  hall_client se(*port);
  keys.insert_or_assign("SE", make_key("SE"));
  ASSERT_TRUE(enroll(se, "SE", secretary_code(data), keys.at("SE")).ok());
  ASSERT_TRUE(se.auth(keys.at("SE")).ok());
  ASSERT_TRUE(se.call("acknowledge_warnings").ok());
  auto enroll_person = [&](const std::string& person) {
    auto issued = se.call("issue_enrollment_code", {{"person", person}});
    ASSERT_TRUE(issued.ok()) << person << " " << issued.code();
    keys.insert_or_assign(person, make_key(person));
    hall_client c(*port);
    ASSERT_TRUE(enroll(c, person, str(issued.fields, "code"), keys.at(person)).ok()) << person;
  };
  for (const std::string p : {"CH", "S1", "S2", "S3"}) enroll_person(p);
  for (int i = 1; i <= delegates; ++i) enroll_person(delegate(i));
  hall_client ch(*port);
  ASSERT_TRUE(ch.auth(keys.at("CH")).ok());
  ASSERT_TRUE(
      ch.call("create_sitting", {{"sitting_id", "s1"}, {"title", "年会"}, {"date", "2026-03-01"}})
          .ok());
  ASSERT_TRUE(ch.call("open_checkin", {{"sitting_id", "s1"}}).ok());
  std::map<int, hall_client> hall;
  for (int i = 1; i <= delegates; ++i) {
    hall.emplace(i, hall_client(*port));
    ASSERT_TRUE(hall.at(i).auth(keys.at(delegate(i))).ok());
    ASSERT_TRUE(check_in(hall.at(i), keys.at(delegate(i)), "s1").ok()) << i;
  }
  ASSERT_TRUE(ch.call("open_sitting", {{"sitting_id", "s1"}}).ok());
  {
    auto created = add_motion_item(ch, "s1", "i1", "v1", "关于修路的决议");
    ASSERT_TRUE(created.ok()) << created.code();
  }
  ASSERT_TRUE(
      ch.call("start_ceremony",
              {{"sitting_id", "s1"}, {"scrutineers", json::array{"S1", "S2", "S3"}}, {"k", 2}})
          .ok());
  ASSERT_TRUE(test_scrutineers::run_ceremony(*port, "durable-congress", "s1", {"S1", "S2", "S3"}, 2,
                                             keys, "durable state ceremony"));
  ASSERT_TRUE(ch.call("open_vote", {{"vote_id", "v1"}}).ok());
  const auto basis = read_vote_basis(hall.at(1), "v1");
  ASSERT_TRUE(basis);

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
