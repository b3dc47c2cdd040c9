// Cast or challenge in the record: the verifier checks every spoiled ballot and catches wrong
// recorded choices, a nonce that does not open, and a spoiled ballot counted; plenum-verify
// --challenge shows what a challenged ballot encrypted, in the manifest's words.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "export/record_export.hpp"
#include "plenum/clients/verify/challenge.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "plenum/crypto/ballot.hpp"
#include "record_suite.hpp"

namespace plenum::verify_test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using clients::verify::verify_report;

class spoiled_record : public record_suite<> {
 protected:
  static bool is_v1(const json::object& p) { return p.at("vote_id").as_string() == "v1"; }
  // Runs plenum-verify with `args`; its exit status, and its output in `text`.
  static int run(const std::string& args, std::string& text) {
    const auto out = sitting_->fresh_dir("cli-" + std::to_string(++runs_) + ".txt");
    const std::string cmd = std::string(PLENUM_BINARY_DIR) + "/clients/src/verify/plenum-verify " +
                            args + " > '" + out.string() + "' 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream in(out);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  static inline int runs_ = 0;
};

TEST_F(spoiled_record, CleanRecordChecksEverySpoiledBallotAndCountsOnlyTheCastOnes) {
  const auto r = verify(clean_);
  EXPECT_TRUE(r.passed()) << dump(r);
  for (const auto* vote : {"v1", "v2"}) {
    const auto* c = r.find("spoiled", vote);
    ASSERT_NE(c, nullptr) << dump(r);
    EXPECT_TRUE(c->passed);
    EXPECT_EQ(c->count, 1u);
    EXPECT_EQ(r.find("ballots", vote)->count, 9u);
  }
  // The cast ballots alone were counted: 6 for, 2 against, 1 abstain, although D001 had
  // challenged a ballot against.
  auto events = read_events(clean_);
  const auto decided = payload_of(events[find_event(events, "vote_decided", is_v1)]);
  EXPECT_EQ(json::serialize(decided.at("counts")), "[6,2,1]");
  EXPECT_EQ(decided.at("ballots").to_number<std::uint64_t>(), 9u);
}

TEST_F(spoiled_record, WrongRecordedChoicesFailTheSpoiledCheck) {
  const auto dir = copy("wrong-choices");
  auto events = read_events(dir);
  auto& e = events[find_event(events, "ballot_spoiled", is_v1)];
  auto p = payload_of(e);
  p["choices"] = json::parse("[[1,0,0]]");  // the ballot encrypted 反对, the record says 赞成
  set_payload(e, p);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  EXPECT_FALSE(r.passed());
  ASSERT_NE(r.find("spoiled", "v1"), nullptr);
  EXPECT_FALSE(r.find("spoiled", "v1")->passed) << dump(r);
  EXPECT_NE(r.find("spoiled", "v1")->detail.find("recorded choices"), std::string::npos);
  EXPECT_TRUE(r.find("spoiled", "v2")->passed);
  std::string text;
  EXPECT_EQ(run("--challenge '" + dir.string() + "' --vote v1", text), 1);
  EXPECT_NE(text.find("DOES NOT OPEN"), std::string::npos) << text;
}

TEST_F(spoiled_record, ANonceThatDoesNotOpenFailsTheSpoiledCheck) {
  const auto dir = copy("bad-nonce");
  auto events = read_events(dir);
  auto& e = events[find_event(events, "ballot_spoiled", is_v1)];
  auto p = payload_of(e);
  auto& opening = p["nonces"].as_array()[0].as_array()[1].as_object();
  opening["v"] = 0;  // claims 反对 was not marked
  p["nonces"].as_array()[0].as_array()[0].as_object()["v"] = 1;
  p["choices"] = json::parse("[[1,0,0]]");
  set_payload(e, p);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_FALSE(r.find("spoiled", "v1")->passed) << dump(r);
  EXPECT_NE(r.find("spoiled", "v1")->detail.find("bad_nonce"), std::string::npos) << dump(r);
}

TEST_F(spoiled_record, ASpoiledBallotCountedFailsTheSpoiledCheckAndTheTally) {
  // A server that counts D001's challenged ballot (反对) instead of the one D001 cast (赞成).
  const auto dir = copy("spoiled-counted");
  auto events = read_events(dir);
  const auto spoiled = payload_of(events[find_event(events, "ballot_spoiled", is_v1)]);
  auto& cast = events[find_event(events, "ballot_accepted", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v1" && p.at("person").as_string() == "D001";
  })];
  auto p = payload_of(cast);
  for (const auto* key : {"voter_pk", "ballot_id", "digest", "tracking_code", "ballot"})
    p[key] = spoiled.at(key);
  set_payload(cast, p);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_FALSE(r.passed());
  EXPECT_FALSE(r.find("spoiled", "v1")->passed) << dump(r);
  EXPECT_NE(r.find("spoiled", "v1")->detail.find("cast later"), std::string::npos) << dump(r);
  EXPECT_FALSE(r.find("ballots", "v1")->passed) << dump(r);
  EXPECT_FALSE(r.find("tally", "v1")->passed) << dump(r);
}

TEST_F(spoiled_record, ChallengeShowsWhatTheBallotEncryptedInWords) {
  auto rec = clients::verify::load_record(clean_);
  ASSERT_TRUE(rec);
  const auto v2 = clients::verify::find_challenges(*rec, "v2", "");
  ASSERT_EQ(v2.size(), 1u);
  EXPECT_TRUE(v2[0].opened) << v2[0].problem;
  EXPECT_EQ(v2[0].person, "D003");
  EXPECT_EQ(v2[0].lines, (std::vector<std::string>{"王一: 不赞成", "李二: 赞成"}));
  const auto v1 = clients::verify::find_challenges(*rec, "v1", "");
  ASSERT_EQ(v1.size(), 1u);
  EXPECT_EQ(v1[0].lines, (std::vector<std::string>{"决议: 反对"}));

  // By its tracking code as the tablet showed it, typed loosely, and as hex.
  auto events = read_events(clean_);
  const auto p = payload_of(events[find_event(events, "ballot_spoiled", is_v1)]);
  const auto code = *crypto::from_hex_fixed<32>(std::string(p.at("tracking_code").as_string()));
  const std::string shown = crypto::tracking_code_display(code);
  EXPECT_EQ(v1[0].tracking_code_display, shown);
  std::string loose = shown;
  for (auto& ch : loose) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_TRUE(clients::verify::tracking_code_matches(loose, code));
  EXPECT_TRUE(clients::verify::tracking_code_matches(crypto::to_hex(code), code));
  EXPECT_FALSE(clients::verify::tracking_code_matches("0000-0000-0000-0000", code));
  EXPECT_EQ(clients::verify::find_challenges(*rec, "v1", shown).size(), 1u);
  EXPECT_TRUE(clients::verify::find_challenges(*rec, "v2", shown).empty());

  std::string text;
  EXPECT_EQ(run("--challenge '" + clean_.string() + "' --vote v1 --tracking " + shown, text), 0);
  EXPECT_NE(text.find("决议: 反对"), std::string::npos) << text;
  EXPECT_NE(text.find(shown), std::string::npos) << text;
  EXPECT_NE(text.find("OPENED"), std::string::npos) << text;
  EXPECT_EQ(
      run("--challenge '" + clean_.string() + "' --vote v1 --tracking 0000-0000-0000-0000", text),
      2);
  EXPECT_NE(text.find("NO CHALLENGED BALLOT"), std::string::npos) << text;
  EXPECT_EQ(run("--challenge '" + clean_.string() + "'", text), 2);  // --vote is required
}

}  // namespace
}  // namespace plenum::verify_test
