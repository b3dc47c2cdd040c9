// A whole sitting over real TLS with the real plenumd and plenum-cli: 120 delegates enrolled,
// quorum refused at 95 and reached at 100, a key ceremony of 5 scrutineers with k = 3, one vote
// of each kind with known intended votes, two scrutineers absent at decryption, results signed
// by the scrutineers who decrypted and announced by the chair, results and
// outcomes as intended, an election tie producing a run-off, receipts that verify.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <functional>
#include <sstream>

#include <plenum/clients/board.hpp>
#include <plenum/clients/roles.hpp>

#include "e2e_congress.hpp"

namespace plenum::e2e {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

constexpr int seated = 120;
constexpr int present = 100;
const std::string sitting = "s1";

// The value at a path of keys ("state.quorum.required"); null when absent.
json::value at(const json::value& v, std::string_view path) {
  const json::value* cur = &v;
  while (!path.empty()) {
    const auto dot = path.find('.');
    const auto key = path.substr(0, dot);
    if (!cur->is_object() || !cur->as_object().contains(key)) return nullptr;
    cur = &cur->as_object().at(key);
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return *cur;
}

std::vector<std::uint64_t> numbers(const json::value& v) {
  std::vector<std::uint64_t> out;
  if (v.is_array())
    for (const auto& n : v.as_array()) out.push_back(n.to_number<std::uint64_t>());
  return out;
}

std::vector<std::string> strings(const json::value& v) {
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

class sitting_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {}

  void SetUp() override {
    c_ = std::make_unique<congress>(seated, 5);
    ASSERT_TRUE(c_->started()) << c_->server_log();
  }

  // Runs plenum-cli as `person` and expects success; returns its JSON output.
  json::value ok(const std::string& person, const std::vector<std::string>& args) {
    auto r = c_->cli_as(person, args);
    EXPECT_EQ(r.exit_code, 0) << person << ' ' << args.front() << ": " << r.err;
    return r.json();
  }

  // Writes a plan for delegates 2 … present (delegate 1 votes through `plenum-cli vote`):
  // one line per delegate with the marks `marks(i)` gives.
  fs::path plan(const std::string& vote, const std::function<std::string(int)>& marks) {
    const fs::path file = c_->dir() / (vote + ".plan");
    std::ofstream out(file);
    for (int i = 2; i <= present; ++i) out << congress::delegate(i) << ' ' << marks(i) << '\n';
    return file;
  }

  // One vote from creation to result: the chair creates and opens it, delegate 1 votes
  // through `vote` with `d1_args`, the others through `rehearse vote`, the chair closes it, S1,
  // S3 and S5 decrypt (S2 and S4 are absent). Returns `result VOTE` as JSON.
  json::value run_vote(const std::string& vote, const std::string& item,
                       const std::vector<std::string>& create_args,
                       const std::vector<std::string>& d1_args,
                       const std::function<std::string(int)>& marks) {
    ok("CH", {"set-current", "--sitting", sitting, "--item", item});
    std::vector<std::string> create{"create-vote", "--vote", vote, "--sitting",
                                    sitting,       "--item", item};
    create.insert(create.end(), create_args.begin(), create_args.end());
    ok("CH", create);
    ok("CH", {"open-vote", vote});
    std::vector<std::string> d1{"vote", vote};
    d1.insert(d1.end(), d1_args.begin(), d1_args.end());
    auto cast = ok(congress::delegate(1), d1);
    EXPECT_EQ(at(cast, "receipt_verified"), json::value(true));
    auto many = ok("CH", {"rehearse", "vote", "--vote", vote, "--plan", plan(vote, marks).string(),
                          "--receipts", (c_->dir() / "receipts.txt").string(), "--parallel", "4"});
    EXPECT_EQ(at(many, "done"), json::value(present - 1)) << json::serialize(many);
    // A second ballot of the same delegate is refused.
    auto again = c_->cli_as(congress::delegate(1), d1);
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("already_voted"), std::string::npos) << again.err;
    ok("CH", {"close-vote", vote});
    auto p1 = ok("S1", {"--pin", "1111", "decrypt", vote});
    EXPECT_EQ(at(p1, "partials"), json::value(1));
    EXPECT_EQ(at(p1, "needed"), json::value(3));
    ok("S3", {"--pin", "3333", "decrypt", vote});
    auto pending = ok("CH", {"result", vote});
    EXPECT_EQ(at(pending, "decided"), json::value(false));
    ok("S5", {"--pin", "5555", "decrypt", vote});
    auto decided = ok("CH", {"result", vote});
    EXPECT_EQ(at(decided, "decided"), json::value(true)) << json::serialize(decided);
    EXPECT_EQ(at(decided, "announced"), json::value(false));
    // The chair announces only once every scrutineer who decrypted has signed the result,
    // each after recomputing its digest from its own copy of the board.
    ok("S1", {"sign-result", vote});
    auto early = c_->cli_as("CH", {"announce-result", vote});
    EXPECT_EQ(early.exit_code, 1);
    EXPECT_NE(early.err.find("result_not_signed"), std::string::npos) << early.err;
    auto absent = c_->cli_as("S2", {"sign-result", vote});
    EXPECT_EQ(absent.exit_code, 1);
    EXPECT_NE(absent.err.find("did_not_decrypt"), std::string::npos) << absent.err;
    ok("S3", {"sign-result", vote});
    auto signed5 = ok("S5", {"sign-result", vote});
    auto announced = ok("CH", {"announce-result", vote});
    EXPECT_EQ(at(announced, "result_digest"), at(signed5, "result_digest"));
    auto twice = c_->cli_as("CH", {"announce-result", vote});
    EXPECT_NE(twice.err.find("result_already_announced"), std::string::npos) << twice.err;
    auto result = ok("CH", {"result", vote});
    EXPECT_EQ(at(result, "ballots"), json::value(present));
    EXPECT_EQ(at(result, "announced"), json::value(true)) << json::serialize(result);
    EXPECT_EQ(numbers(at(result, "signed_by")), (std::vector<std::uint64_t>{1, 3, 5}));
    EXPECT_EQ(at(result, "result_digest"), at(announced, "result_digest"));
    return result;
  }

  std::unique_ptr<congress> c_;
};

TEST_F(sitting_test, WholeSittingThroughTheCommandLine) {
  ASSERT_EQ(c_->enroll_everyone(), "");
  // A key file per person, owner-only.
  const auto key_file = c_->keys() / "D001.key";
  ASSERT_TRUE(fs::exists(key_file));
  EXPECT_EQ(fs::status(key_file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);

  ok("CH",
     {"create-sitting", "--sitting", sitting, "--title", "First sitting", "--date", "2026-11-27"});
  ok("CH", {"open-checkin", sitting});

  // 95 present: 94 from one process, one through `checkin`.
  auto first = ok(
      "CH", {"rehearse", "checkin", "--sitting", sitting, "--persons", congress::delegates(1, 94)});
  EXPECT_EQ(at(first, "done"), json::value(94));
  ok(congress::delegate(95), {"checkin", sitting});
  auto refused = c_->cli_as("CH", {"open-sitting", sitting});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("quorum_not_reached"), std::string::npos) << refused.err;
  auto before = ok("CH", {"state"});
  EXPECT_EQ(at(before, "state.present"), json::value(95)) << json::serialize(before);
  EXPECT_EQ(at(before, "state.seated"), json::value(seated));
  EXPECT_EQ(at(before, "state.quorum.required"), json::value(96));
  EXPECT_EQ(at(before, "state.quorum.shortfall"), json::value(1));

  // 100 present: one assisted by the secretary, four more.
  ok("SE", {"assisted-checkin", "--sitting", sitting, "--person", congress::delegate(96),
            "--reason", "tablet battery flat"});
  auto twice = c_->cli_as(congress::delegate(96), {"checkin", sitting});
  EXPECT_NE(twice.err.find("already_checked_in"), std::string::npos) << twice.err;
  ok("CH",
     {"rehearse", "checkin", "--sitting", sitting, "--persons", congress::delegates(97, present)});
  ok("CH", {"open-sitting", sitting});
  auto opened = ok("CH", {"state"});
  EXPECT_EQ(at(opened, "state.present"), json::value(present));
  EXPECT_EQ(at(opened, "state.quorum.holds"), json::value(true));

  // Key ceremony: 5 scrutineers, k = 3; shares sealed under each one's PIN.
  ok("CH", {"start-ceremony", "--sitting", sitting, "--scrutineers", "S1,S2,S3,S4,S5", "--k", "3"});
  for (int i = 1; i <= 5; ++i) ok("S" + std::to_string(i), {"keygen", sitting});
  json::value last;
  for (int i = 1; i <= 5; ++i) {
    const std::string pin(4, static_cast<char>('0' + i));
    last = ok("S" + std::to_string(i), {"--pin", pin, "open-shares", sitting});
    EXPECT_TRUE(fs::exists(c_->keys() / ("S" + std::to_string(i) + ".share")));
  }
  EXPECT_EQ(at(last, "complete"), json::value(true));

  ok("CH", {"add-item", "--sitting", sitting, "--item", "i1", "--kind", "major_matter", "--title",
            "Budget", "--order", "1", "--responsible", "Standing committee"});
  ok("CH", {"add-item", "--sitting", sitting, "--item", "i2", "--kind", "election", "--title",
            "Committee", "--order", "2"});
  ok("CH", {"add-item", "--sitting", sitting, "--item", "i3", "--kind", "appraisal", "--title",
            "Appraisal", "--order", "3"});
  ok("CH", {"add-item", "--sitting", sitting, "--item", "i4", "--kind", "appraisal", "--title",
            "Confidence", "--order", "4"});
  ok("CH", {"add-item", "--sitting", sitting, "--item", "i5", "--kind", "report", "--title",
            "Follow-up report", "--order", "5", "--responsible", "Standing committee"});

  // Motion: 70 for, 20 against, 10 abstain.
  auto motion = run_vote(
      "m1", "i1", {"--kind", "motion", "--title", "Adopt the budget"}, {"--choice", "for"},
      [](int i) {
        return std::string(i <= 70 ? "motion=for" : i <= 90 ? "motion=against" : "motion=abstain");
      });
  EXPECT_EQ(numbers(at(motion, "counts")), (std::vector<std::uint64_t>{70, 20, 10}));
  EXPECT_EQ(at(motion, "outcome.passed"), json::value(true)) << json::serialize(motion);
  EXPECT_EQ(at(motion, "outcome.seated"), json::value(seated));
  EXPECT_EQ(at(motion, "outcome.present"), json::value(present));

  // Election of 3 among 4: each delegate approves three; 1–10 disapprove cand-0, 11–30 leave
  // out cand-1, 31–65 cand-2, 66–100 cand-3: approvals 90, 80, 65, 65, a tie at the last seat.
  auto election = run_vote(
      "e1", "i2",
      {"--kind", "election", "--title", "Committee", "--seats", "3", "--candidates",
       "Alice,Bob,Carol,Dave"},
      {"--approve", "cand-1,cand-2,cand-3", "--disapprove", "cand-0"}, [](int i) {
        if (i <= 10)
          return std::string("cand-0=disapprove,cand-1=approve,cand-2=approve,cand-3=approve");
        if (i <= 30) return std::string("cand-0=approve,cand-2=approve,cand-3=approve");
        if (i <= 65) return std::string("cand-0=approve,cand-1=approve,cand-3=approve");
        return std::string("cand-0=approve,cand-1=approve,cand-2=approve");
      });
  EXPECT_EQ(numbers(at(election, "counts")),
            (std::vector<std::uint64_t>{90, 10, 80, 0, 65, 0, 65, 0}));
  EXPECT_EQ(strings(at(election, "outcome.elected")),
            (std::vector<std::string>{"cand-0", "cand-1"}))
      << json::serialize(election);
  EXPECT_EQ(strings(at(election, "outcome.runoff")),
            (std::vector<std::string>{"cand-2", "cand-3"}));
  EXPECT_EQ(at(election, "outcome.runoff_seats"), json::value(1));
  const auto follow_ups = strings(at(election, "follow_ups"));
  ASSERT_EQ(follow_ups.size(), 1U) << json::serialize(election);

  // Appraisal of two members on the standard scale.
  auto appraisal = run_vote(
      "a1", "i3", {"--kind", "appraisal", "--title", "Appraisal", "--members", "Wang,Li"},
      {"--grid", "member-0=excellent,member-1=excellent"}, [](int i) {
        std::string m1 = i <= 60 ? "member-0=excellent," : i <= 90 ? "member-0=competent," : "";
        std::string m2 = i <= 10   ? "member-1=excellent"
                         : i <= 60 ? "member-1=competent"
                         : i <= 80 ? "member-1=basic"
                                   : "member-1=incompetent";
        return m1 + m2;
      });
  EXPECT_EQ(numbers(at(appraisal, "counts")),
            (std::vector<std::uint64_t>{60, 30, 0, 0, 10, 50, 20, 20}));

  // Confidence: the second member (member-1) is distrusted by 40 of 100 ballots, above the third.
  auto confidence = run_vote(
      "c1", "i4", {"--kind", "confidence", "--title", "Confidence", "--members", "Zhao,Qian"},
      {"--grid", "member-0=trust,member-1=trust"}, [](int i) {
        std::string m1 = i <= 80 ? "member-0=trust," : "member-0=distrust,";
        std::string m2 = i <= 40   ? "member-1=trust"
                         : i <= 60 ? "member-1=basic-trust"
                                   : "member-1=distrust";
        return m1 + m2;
      });
  EXPECT_EQ(numbers(at(confidence, "counts")), (std::vector<std::uint64_t>{80, 0, 20, 40, 20, 40}));
  EXPECT_EQ(strings(at(confidence, "outcome.flagged")), (std::vector<std::string>{"member-1"}))
      << json::serialize(confidence);

  // Satisfaction appraisal of a resolution's implementation and a rectification: the first
  // has 40 满意 + 10 基本满意 of 100 ballots, exactly half (flagged); the second 60 + 20.
  auto satisfaction =
      run_vote("s1", "i5",
               {"--kind", "satisfaction", "--title", "Satisfaction", "--members", "Roads,Schools"},
               {"--grid", "item-0=satisfied,item-1=satisfied"}, [](int i) {
                 std::string m1 = i <= 40   ? "item-0=satisfied,"
                                  : i <= 50 ? "item-0=basically_satisfied,"
                                            : "item-0=unsatisfied,";
                 std::string m2 = i <= 60   ? "item-1=satisfied"
                                  : i <= 80 ? "item-1=basically_satisfied"
                                  : i <= 90 ? "item-1=unsatisfied"
                                            : "";
                 return m1 + m2;
               });
  EXPECT_EQ(numbers(at(satisfaction, "counts")),
            (std::vector<std::uint64_t>{40, 10, 50, 60, 20, 10}));
  EXPECT_EQ(strings(at(satisfaction, "outcome.flagged")), (std::vector<std::string>{"item-0"}))
      << json::serialize(satisfaction);
  EXPECT_EQ(at(satisfaction, "outcome.required"), json::value(51));

  // Every receipt verifies with the congress key and names its ballot on the board.
  auto s = clients::session::connect(c_->address());
  ASSERT_TRUE(s) << s.error().message();
  auto key = clients::key_store(c_->keys()).load("CH");
  ASSERT_TRUE(key);
  ASSERT_TRUE(s->authenticate(*key));
  auto board = clients::read_board(*s);
  ASSERT_TRUE(board) << board.error().message();
  std::istringstream lines(read_text(c_->dir() / "receipts.txt"));
  std::string person, vote, tracking, entry, sig;
  std::uint64_t seq = 0;
  int receipts = 0;
  while (lines >> person >> vote >> tracking >> seq >> entry >> sig) {
    ++receipts;
    protocol::receipt r{*crypto::from_hex_fixed<32>(tracking), seq,
                        *crypto::from_hex_fixed<32>(entry), *crypto::signature::from_hex(sig)};
    EXPECT_TRUE(clients::receipt_valid(s->hello().congress_pk, r)) << person << ' ' << vote;
    ASSERT_LT(seq, board->events.size());
    EXPECT_EQ(board->events[seq].type, "ballot_accepted");
    EXPECT_EQ(crypto::to_hex(board->events[seq].entry_hash), entry);
  }
  EXPECT_EQ(receipts, 5 * (present - 1));
  // The run-off is on the board: cand-2 and cand-3 for one seat.
  const auto& runoff = board->votes.at(follow_ups.front());
  EXPECT_EQ(runoff.follow_up_of, "e1");
  EXPECT_EQ(runoff.candidates, (std::vector<std::string>{"Carol", "Dave"}));

  // Delegate 1 sees its five ballots on the board.
  auto mine = ok(congress::delegate(1), {"receipts"});
  ASSERT_TRUE(at(mine, "receipts").is_array());
  EXPECT_EQ(at(mine, "receipts").as_array().size(), 5U);
  auto status = ok(congress::delegate(1), {"status"});
  EXPECT_EQ(at(status, "status.present"), json::value(true)) << json::serialize(status);
  ASSERT_TRUE(at(status, "status.receipts").is_array());
  EXPECT_EQ(at(status, "status.receipts").as_array().size(), 5U);
  ok("CH", {"close-checkin", sitting});
  ok("CH", {"close-sitting", sitting});
  // Every subcommand explains itself.
  auto help = c_->cli({"vote", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--approve"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace plenum::e2e
