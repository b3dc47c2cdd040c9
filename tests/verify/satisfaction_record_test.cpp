// A satisfaction appraisal in an exported record: plenum-verify replays it, checks its ballots,
// tally, outcome and signatures; an outcome changed by a server that re-signs the chain fails,
// and so do subjects it names that the record does not hold (a resolution never adopted, a
// proposal not yet accepted, one named twice, one under another title); the result sheet and
// results.csv are made from the record.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "export/record_export.hpp"
#include "plenum/clients/sheet/from_record.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "plenum/protocol/record.hpp"
#include "record_suite.hpp"

namespace plenum::verify_test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using clients::verify::verify_report;

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class satisfaction_record : public record_suite<record_options{.satisfaction = true}> {};

TEST_F(satisfaction_record, PlenumVerifyAcceptsTheRecord) {
  const auto r = verify(clean_);
  EXPECT_TRUE(r.passed()) << dump(r);
  for (const auto& [name, count] : std::vector<std::pair<std::string, std::uint64_t>>{
           {"ballots", 9}, {"receipts", 9}, {"outcome", 1}, {"result", 1}, {"signers", 3}}) {
    const auto* c = r.find(name, "v3");
    ASSERT_NE(c, nullptr) << name << "\n" << dump(r);
    EXPECT_TRUE(c->passed) << name;
    EXPECT_EQ(c->count, count) << name;
  }
  // The command line says the same.
  const auto out = sitting_->fresh_dir("verify.txt");
  const std::string cmd = std::string(PLENUM_BINARY_DIR) + "/clients/src/verify/plenum-verify '" +
                          clean_.string() + "' --threads 2 > '" + out.string() + "' 2>&1";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << read_text(out);
  EXPECT_NE(read_text(out).find("PASS outcome v3"), std::string::npos) << read_text(out);
}

TEST_F(satisfaction_record, AChangedOutcomeFailsEvenWhenTheChainIsResigned) {
  const auto dir = copy("tampered");
  auto events = read_events(dir);
  const auto i = find_event(events, "vote_decided", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v3";
  });
  auto p = payload_of(events[i]);
  // The flagged item declared satisfactory.
  auto outcome = json::parse(p.at("outcome").as_string()).as_object();
  auto& item = outcome["items"].as_array()[1].as_object();
  ASSERT_FALSE(item.at("satisfactory").as_bool());
  item["satisfactory"] = true;
  outcome["flagged"] = json::array{};
  p["outcome"] = json::serialize(outcome);
  set_payload(events[i], p);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_FALSE(r.passed()) << dump(r);
  EXPECT_TRUE(r.find("chain")->passed) << dump(r);
  const auto* checked = r.find("outcome", "v3");
  ASSERT_NE(checked, nullptr) << dump(r);
  EXPECT_FALSE(checked->passed) << dump(r);
}

TEST_F(satisfaction_record, SheetAndResultsFromTheRecord) {
  auto rec = clients::verify::load_record(clean_);
  ASSERT_TRUE(rec);
  auto v3 = clients::sheet::vote_sheet_from_record(rec->events, rec->header.congress_pk, "v3");
  ASSERT_TRUE(v3) << v3.error().message();
  EXPECT_EQ(v3->kind, protocol::vote_kind::satisfaction);
  EXPECT_TRUE(v3->announced);
  ASSERT_EQ(v3->contests.size(), 2u);
  EXPECT_FALSE(v3->contests[0].flagged);
  EXPECT_TRUE(v3->contests[1].flagged);
  EXPECT_EQ(v3->outcome.flagged, std::vector<std::string>{"民主评议问题的整改"});
  EXPECT_EQ(v3->contests[1].options.back().count, 2u);  // two ballots left it unmarked
  const std::string csv = read_text(clean_ / protocol::record_results_file);
  EXPECT_NE(csv.find("v3,满意度测评,item-0,修缮村道决议的执行,basically_satisfied,基本满意,1\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("v3,满意度测评,item-1,民主评议问题的整改,unsatisfied,不满意,3\n"),
            std::string::npos)
      << csv;
}

// v3's vote_created made to name `subjects` (kind, id) for its two items, and resolution R1
// (v1's) retitled `r1_title`, re-signed by a malicious server.
void name_subjects(std::vector<protocol::board_event>& events,
                   const std::vector<std::pair<std::string, std::string>>& subjects,
                   const std::string& r1_title) {
  const auto created = find_event(events, "vote_created", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v3";
  });
  auto p = payload_of(events[created]);
  json::array named;
  for (const auto& [kind, id] : subjects) named.push_back(json::object{{"kind", kind}, {"id", id}});
  p["subjects"] = named;
  set_payload(events[created], p);
  const auto adopted = find_event(events, "resolution_adopted", [](const json::object& a) {
    return a.at("resolution_id").as_string() == "R1";
  });
  auto r1 = payload_of(events[adopted]);
  r1["title"] = r1_title;
  set_payload(events[adopted], r1);
}

TEST_F(satisfaction_record, AnAppraisalNamingNoSubjectsPassesTheSubjectsCheck) {
  const auto r = verify(clean_);
  const auto* c = r.find("subjects", "v3");
  ASSERT_NE(c, nullptr) << dump(r);
  EXPECT_TRUE(c->passed) << dump(r);
  EXPECT_EQ(c->count, 0u);
}

TEST_F(satisfaction_record, ASubjectThatDoesNotExistFails) {
  const auto r = tampered("unknown-subject", [](auto& events) {
    // Item 2 appraises R1, retitled to match; item 1 a resolution never adopted.
    name_subjects(events, {{"resolution", "R9"}, {"resolution", "R1"}}, "民主评议问题的整改");
  });
  expect_fails(r, {"subjects", "v3"}, "resolution R9: no such resolution was adopted");
  EXPECT_EQ(r.find("subjects", "v3")->failed, 1u) << dump(r);  // R1 is what item 2 appraises
  EXPECT_TRUE(r.find("chain")->passed) << dump(r);
}

TEST_F(satisfaction_record, AProposalNotYetAcceptedFails) {
  // P1 is accepted only after the sitting.
  const auto r = tampered("unaccepted-proposal", [](auto& events) {
    name_subjects(events, {{"resolution", "R1"}, {"proposal", "P1"}}, "修缮村道决议的执行");
  });
  expect_fails(r, {"subjects", "v3"}, "proposal P1: no such proposal was accepted");
  EXPECT_EQ(r.find("subjects", "v3")->failed, 1u) << dump(r);
}

TEST_F(satisfaction_record, ASubjectNamedTwiceOrUnderAnotherTitleFails) {
  const auto twice = tampered("subject-twice", [](auto& events) {
    name_subjects(events, {{"resolution", "R1"}, {"resolution", "R1"}}, "修缮村道决议的执行");
  });
  expect_fails(twice, {"subjects", "v3"}, "resolution R1: named twice");
  const auto retitled = tampered("subject-retitled", [](auto& events) {
    name_subjects(events, {{"resolution", "R1"}, {"resolution", "R9"}}, "关于党委工作报告的决议");
  });
  expect_fails(retitled, {"subjects", "v3"},
               "resolution R1: item 1 is titled \"修缮村道决议的执行\", not "
               "\"关于党委工作报告的决议\"");
}

}  // namespace
}  // namespace plenum::verify_test
