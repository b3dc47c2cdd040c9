// kill -9 of plenumd in the middle of a 500-ballot burst, then a restart: every receipted
// ballot is on the board exactly once, no ballot is counted twice, and clients reconnect with
// their device keys and get the current state and their own receipts.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <plenum/clients/board.hpp>
#include <plenum/clients/roles.hpp>

#include "e2e_congress.hpp"

namespace plenum::e2e {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

constexpr int delegates = 500;
const std::string sitting = "s1";

struct receipt_line {
  std::string person;
  std::string tracking;
  std::uint64_t seq = 0;
  std::string entry;
  std::string sig;
};

std::vector<receipt_line> read_receipts(const fs::path& file) {
  std::vector<receipt_line> out;
  std::istringstream in(read_text(file));
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    receipt_line r;
    std::string vote;
    if (fields >> r.person >> vote >> r.tracking >> r.seq >> r.entry >> r.sig) out.push_back(r);
  }
  return out;
}

std::size_t count_lines(const fs::path& file) {
  const std::string text = read_text(file);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

clients::session connect_as(const congress& c, const std::string& person) {
  auto s = clients::session::connect(c.address());
  if (!s) throw std::runtime_error("connect: " + s.error().message());
  auto key = clients::key_store(c.keys()).load(person);
  if (!key) throw std::runtime_error("no key for " + person);
  if (auto auth = s->authenticate(*key); !auth)
    throw std::runtime_error("auth: " + auth.error().message());
  return std::move(*s);
}

TEST(durability_test, KillDuringBallotBurstLosesNoReceiptedBallotAndCountsNoneTwice) {
  congress c(delegates, 3);
  ASSERT_TRUE(c.started()) << c.server_log();
  ASSERT_EQ(c.enroll_everyone(), "");
  auto ok = [&](const std::string& person, const std::vector<std::string>& args) {
    auto r = c.cli_as(person, args);
    EXPECT_EQ(r.exit_code, 0) << person << ' ' << args.front() << ": " << r.err << r.out;
    return r.json();
  };
  ok("CH", {"create-sitting", "--sitting", sitting, "--title", "Sitting", "--date", "2026-11-27"});
  ok("CH", {"open-checkin", sitting});
  ok("CH", {"rehearse", "checkin", "--sitting", sitting, "--persons",
            congress::delegates(1, delegates), "--parallel", "4"});
  ok("CH", {"open-sitting", sitting});
  ok("CH", {"start-ceremony", "--sitting", sitting, "--scrutineers", "S1,S2,S3", "--k", "2"});
  for (const char* s : {"S1", "S2", "S3"}) ok(s, {"keygen", sitting});
  for (const char* s : {"S1", "S2", "S3"}) ok(s, {"--pin", "2468", "open-shares", sitting});
  ok("CH", {"add-item", "--sitting", sitting, "--item", "i1", "--kind", "major_matter", "--title",
            "Motion", "--order", "1", "--responsible", "Committee"});
  ok("CH", {"set-current", "--sitting", sitting, "--item", "i1"});
  ok("CH", {"create-vote", "--vote", "m1", "--sitting", sitting, "--item", "i1", "--kind", "motion",
            "--title", "Motion"});
  ok("CH", {"open-vote", "m1"});

  // A delegate's session opened before the crash, to reconnect afterwards.
  auto early = connect_as(c, congress::delegate(1));

  // Delegates 1–300 for, 301–450 against, 451–500 abstain.
  const fs::path plan = c.dir() / "m1.plan";
  {
    std::ofstream out(plan);
    for (int i = 1; i <= delegates; ++i)
      out << congress::delegate(i) << ' '
          << (i <= 300   ? "motion=for"
              : i <= 450 ? "motion=against"
                         : "motion=abstain")
          << '\n';
  }
  const fs::path receipts = c.dir() / "receipts.txt";
  std::vector<std::string> burst{"--server",
                                 "127.0.0.1:" + std::to_string(c.address().port),
                                 "--ca",
                                 c.address().tls.trust_file.string(),
                                 "--keys",
                                 c.keys().string(),
                                 "--as",
                                 "CH",
                                 "--json",
                                 "rehearse",
                                 "vote",
                                 "--vote",
                                 "m1",
                                 "--plan",
                                 plan.string(),
                                 "--receipts",
                                 receipts.string(),
                                 "--parallel",
                                 "8"};
  cli_run first;
  std::thread voter([&] { first = run_cli(burst, c.dir()); });
  // Kill once a fair part of the burst is receipted.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (count_lines(receipts) < 150 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(c.kill9());
  voter.join();
  EXPECT_NE(first.exit_code, 0) << "the burst should have been cut: " << first.out;
  const auto before = read_receipts(receipts);
  ASSERT_GE(before.size(), 150U);
  ASSERT_LT(before.size(), static_cast<std::size_t>(delegates)) << "the kill came too late";

  ASSERT_TRUE(c.restart()) << c.server_log();

  // Every receipted ballot is on the board, once, where its receipt says.
  {
    auto s = connect_as(c, "CH");
    auto board = clients::read_board(s);
    ASSERT_TRUE(board) << board.error().message();
    const auto& vote = board->votes.at("m1");
    std::map<std::string, int> per_person;
    std::map<std::string, int> per_code;
    for (const auto& b : vote.ballots) {
      ++per_person[b.person];
      ++per_code[crypto::to_hex(b.tracking_code)];
    }
    for (const auto& [p, n] : per_person) EXPECT_EQ(n, 1) << p;
    for (const auto& r : before) {
      protocol::receipt rc{*crypto::from_hex_fixed<32>(r.tracking), r.seq,
                           *crypto::from_hex_fixed<32>(r.entry),
                           *crypto::signature::from_hex(r.sig)};
      EXPECT_TRUE(clients::receipt_valid(s.hello().congress_pk, rc)) << r.person;
      EXPECT_EQ(per_code[r.tracking], 1) << r.person;
      ASSERT_LT(r.seq, board->events.size());
      EXPECT_EQ(crypto::to_hex(board->events[r.seq].entry_hash), r.entry) << r.person;
    }
  }

  // The early session reconnects with its device key and sees its own receipt.
  ASSERT_TRUE(early.reconnect(std::chrono::seconds(30)));
  auto state = early.call(protocol::get_state_request{});
  ASSERT_TRUE(state) << early.last_error().message;
  EXPECT_TRUE(state->contains("state"));
  std::map<std::string, receipt_line> by_person;
  for (const auto& r : before) by_person[r.person] = r;
  int checked = 0;
  for (const auto& [person, r] : by_person) {
    if (checked++ == 20) break;
    auto s = connect_as(c, person);
    auto status = s.call(protocol::hall_request{protocol::get_my_status_request{}});
    ASSERT_TRUE(status) << s.last_error().message;
    const auto& list = status->at("status").at("receipts").as_array();
    ASSERT_EQ(list.size(), 1U) << person;
    EXPECT_EQ(list[0].at("tracking_code").as_string(), r.tracking) << person;
  }

  // Everyone runs the plan again: those whose ballot is on the board are refused (already
  // voted; a ballot can be durable without its receipt having reached the client before the
  // kill), the rest vote.
  auto second = run_cli(burst, c.dir());
  auto summary = second.json();
  ASSERT_TRUE(summary.is_object()) << second.out << second.err;
  const auto done = summary.at("done").to_number<std::int64_t>();
  const auto failed = summary.at("failed").to_number<std::int64_t>();
  EXPECT_EQ(done + failed, delegates);
  EXPECT_GE(failed, static_cast<std::int64_t>(before.size()));
  for (const auto& e : summary.at("errors").as_array())
    EXPECT_NE(std::string(e.as_string()).find("already_voted"), std::string::npos) << e;

  // Counted once each: the tally is the plan.
  ok("CH", {"close-vote", "m1"});
  ok("S1", {"--pin", "2468", "decrypt", "m1"});
  ok("S2", {"--pin", "2468", "decrypt", "m1"});
  auto result = ok("CH", {"result", "m1"});
  EXPECT_EQ(result.at("ballots"), json::value(delegates)) << json::serialize(result);
  ASSERT_TRUE(result.as_object().contains("counts")) << json::serialize(result);
  const auto& counts = result.at("counts").as_array();
  ASSERT_EQ(counts.size(), 3U);
  EXPECT_EQ(counts[0].to_number<std::int64_t>(), 300);
  EXPECT_EQ(counts[1].to_number<std::int64_t>(), 150);
  EXPECT_EQ(counts[2].to_number<std::int64_t>(), 50);
}

}  // namespace
}  // namespace plenum::e2e
