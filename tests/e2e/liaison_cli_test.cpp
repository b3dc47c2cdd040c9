// The liaison office's commands of plenum-cli against the real plenumd over real TLS: proposals
// submitted, accepted, merged, turned into an opinion, answered, rated 不满意 and answered
// again, rated 满意, listed; the follow-up commands and their refusals; the commands' help.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "e2e_congress.hpp"

namespace plenum::e2e {
namespace {

namespace json = boost::json;

class liaison_cli_test : public ::testing::Test {
 protected:
  void SetUp() override {
    c_ = std::make_unique<congress>(4, 1);
    ASSERT_TRUE(c_->started()) << c_->server_log();
    const auto enrolled = c_->enroll_everyone();
    ASSERT_EQ(enrolled, "") << c_->server_log();
  }

  // plenum-cli as `person`, expected to succeed; its JSON output.
  json::object ok(const std::string& person, const std::vector<std::string>& args) {
    auto r = c_->cli_as(person, args);
    EXPECT_EQ(r.exit_code, 0) << person << ' ' << args.front() << ": " << r.err;
    auto v = r.json();
    return v.is_object() ? v.as_object() : json::object{};
  }

  // plenum-cli as `person`, expected to be refused with `code`.
  void refused(const std::string& person, const std::vector<std::string>& args,
               const std::string& code) {
    auto r = c_->cli_as(person, args);
    EXPECT_NE(r.exit_code, 0) << args.front();
    EXPECT_NE(r.err.find(code), std::string::npos) << args.front() << ": " << r.err;
  }

  // The proposal `id` in `proposals` as `person` sees them.
  json::object proposal(const std::string& person, const std::string& id) {
    auto listed = ok(person, {"proposals"});
    if (auto* list = listed.if_contains("proposals"))
      for (const auto& p : list->as_array())
        if (p.at("id").as_string() == id) return p.as_object();
    ADD_FAILURE() << person << " does not see " << id;
    return {};
  }

  std::unique_ptr<congress> c_;
};

TEST_F(liaison_cli_test, AProposalsWholeHandlingFromTheCommandLine) {
  auto p1 = ok("D001", {"submit-proposal", "--title", "关于修缮村道的提案", "--text",
                        "建议修缮三组至五组的村道。", "--co-signers", "D002"});
  const std::string first = std::string(p1.at("proposal_id").as_string());
  auto p2 = ok("D003", {"submit-proposal", "--title", "关于村道的提案", "--text", "建议修路。"});
  const std::string similar = std::string(p2.at("proposal_id").as_string());
  auto p3 = ok("D004", {"submit-proposal", "--title", "关于食堂的意见", "--text", "饭菜偏咸。"});
  const std::string opinion = std::string(p3.at("proposal_id").as_string());

  refused("D001", {"accept-proposal", first, "--unit", "交通运输局"}, "permission_denied");
  refused("SE", {"accept-proposal", first, "--unit", "交通运输局", "--deadline", "2030-02-30"},
          "invalid_date");
  ok("SE", {"accept-proposal", first, "--unit", "交通运输局"});
  refused("SE", {"accept-proposal", first, "--unit", "住建局"}, "proposal_already_reviewed");
  ok("SE", {"merge-proposal", similar, "--into", first});
  ok("SE", {"convert-proposal", opinion, "--reason", "属于意见建议，转食堂管理部门。"});

  ok("SE", {"answer-proposal", first, "--text", "列入明年计划。"});
  refused("D002", {"rate-proposal", first, "--rating", "satisfied"}, "not_the_proposer");
  refused("D001", {"rate-proposal", first, "--rating", "fine"}, "invalid_rating");
  ok("D001", {"rate-proposal", first, "--rating", "unsatisfied"});
  auto rehandling = proposal("SE", first);
  EXPECT_EQ(rehandling.at("status").as_string(), "rehandling");
  EXPECT_EQ(rehandling.at("round").to_number<int>(), 2);
  ok("SE", {"answer-proposal", first, "--text", "已安排本年度实施。", "--unit", "镇人民政府"});
  ok("D001", {"rate-proposal", first, "--rating", "satisfied"});

  // The desk sees every proposal; the co-signer and the merged proposal's proposer see the
  // answers; the opinion's proposer sees the reason.
  auto closed = proposal("SE", first);
  EXPECT_EQ(closed.at("status").as_string(), "closed");
  const auto& answers = closed.at("answers").as_array();
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].at("rating").as_string(), "unsatisfied");
  EXPECT_EQ(answers[1].at("unit").as_string(), "镇人民政府");
  EXPECT_EQ(answers[1].at("rating").as_string(), "satisfied");
  EXPECT_EQ(proposal("D002", first).at("status").as_string(), "closed");
  auto merged = proposal("D003", similar);
  EXPECT_EQ(merged.at("status").as_string(), "merged");
  EXPECT_EQ(merged.at("answers").as_array().size(), 2u);
  EXPECT_EQ(proposal("D004", opinion).at("conversion_reason").as_string(),
            "属于意见建议，转食堂管理部门。");
  auto mine = ok("D004", {"proposals"});
  EXPECT_EQ(mine.at("proposals").as_array().size(), 1u);
}

TEST_F(liaison_cli_test, TheFollowUpCommandsReachTheServerAndItsRefusals) {
  auto empty = ok("SE", {"follow-up"});
  ASSERT_TRUE(empty.contains("follow_up")) << json::serialize(empty);
  EXPECT_TRUE(empty.at("follow_up").at("resolutions").as_array().empty());
  EXPECT_TRUE(empty.at("follow_up").at("rectifications").as_array().empty());
  refused("D001", {"follow-up"}, "permission_denied");
  refused("SE",
          {"report-implementation", "--subject", "resolution", "--id", "R1", "--status",
           "in_progress", "--text", "推进中", "--date", "2026-06-30"},
          "unknown_resolution");
  refused("SE",
          {"report-implementation", "--subject", "rectification", "--id", "RC1", "--status",
           "completed", "--text", "已整改", "--date", "2026-06-30"},
          "unknown_rectification");
  refused("SE",
          {"record-rectification", "--vote", "v9", "--member", "乙", "--problem", "联系群众不够",
           "--responsible", "乙"},
          "unknown_vote");
  refused("SE", {"refresh-follow-up", "s9"}, "no_sitting");
}

TEST_F(liaison_cli_test, EachCommandExplainsItself) {
  for (const auto& [command, option] :
       std::vector<std::pair<std::string, std::string>>{{"submit-proposal", "--co-signers"},
                                                        {"accept-proposal", "--deadline"},
                                                        {"merge-proposal", "--into"},
                                                        {"convert-proposal", "--reason"},
                                                        {"answer-proposal", "--unit"},
                                                        {"rate-proposal", "unsatisfied"},
                                                        {"proposals", "--help"},
                                                        {"record-rectification", "--problem"},
                                                        {"report-implementation", "受阻"},
                                                        {"refresh-follow-up", "SITTING"},
                                                        {"follow-up", "--help"}}) {
    auto help = c_->cli({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("usage: plenum-cli"), std::string::npos) << help.out;
    EXPECT_NE(help.out.find(option), std::string::npos) << command << "\n" << help.out;
  }
  auto list = c_->cli({"--help"});
  for (const auto* command : {"accept-proposal", "report-implementation", "follow-up"})
    EXPECT_NE(list.out.find(command), std::string::npos) << list.out;
}

}  // namespace
}  // namespace plenum::e2e
