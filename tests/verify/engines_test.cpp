// The verifier's two engines on real exported sittings: the variable-time engine and the
// reference path on libsodium's operations agree on every ballot and partial decryption of a
// whole sitting; the sample checked both ways without --reference is seeded and repeatable; and
// a ballot or partial decryption accepted by one engine and refused by the other (injected
// through verify_options' test-only fault) fails the verification loudly, in both directions.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <numeric>

#include "export/record_export.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "plenum/crypto/group.hpp"
#include "record_suite.hpp"

namespace plenum::verify_test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using clients::verify::verify_options;
using clients::verify::verify_report;

std::string dump(const verify_report& r) {
  std::string out;
  for (const auto& c : r.checks) out += clients::verify::format_check(c) + "\n";
  return out;
}

// Whether the report has check (name, subject) and it passed.
bool r_passed(const verify_report& r, const std::string& name, const std::string& subject) {
  const auto* c = r.find(name, subject);
  return c != nullptr && c->passed;
}

fs::path export_of(const sitting_record& sitting, const std::string& name) {
  const auto dir = sitting.fresh_dir(name);
  auto summary = server::record_export::export_data_dir(sitting.data_dir(), dir);
  EXPECT_TRUE(summary) << summary.error().message();
  return dir;
}

verify_report verify(const fs::path& dir, verify_options options) {
  auto rec = clients::verify::load_record(dir);
  EXPECT_TRUE(rec) << rec.error().message();
  if (!rec) return {};
  options.threads = 2;
  return clients::verify::verify_record(*rec, options);
}

bool is_vote(const json::object& p, const char* vote) {
  return p.at("vote_id").as_string() == vote;
}

// The seq of the n-th event of `type` in vote `vote`.
std::uint64_t seq_of(const fs::path& dir, const std::string& type, const char* vote,
                     std::size_t n = 0) {
  const auto events = read_events(dir);
  for (const auto& e : events) {
    if (e.type == type && is_vote(payload_of(e), vote) && n-- == 0) return e.seq;
  }
  ADD_FAILURE() << "no such " << type;
  return 0;
}

// ---- The standard sitting: motion v1 and election v2, 9 ballots each, 2 partials each. ----

class two_engines : public record_suite<> {
 protected:
  static verify_options reference_all() {
    verify_options o;
    o.reference_all = true;
    return o;
  }
};

TEST_F(two_engines, AgreeOnEveryBallotAndPartialOfTheSitting) {
  const auto r = verify(clean_, reference_all());
  ASSERT_TRUE(r.passed()) << dump(r);
  for (const char* vote : {"v1", "v2"}) {
    const auto* c = r.find("engines", vote);
    ASSERT_NE(c, nullptr) << dump(r);
    EXPECT_TRUE(c->passed);
    EXPECT_EQ(c->count, 9u + 2u) << vote;  // every ballot and both partial decryptions
    EXPECT_NE(c->detail.find("9 of 9 ballots (--reference: all)"), std::string::npos) << c->detail;
    EXPECT_NE(c->detail.find("2 partial decryptions"), std::string::npos) << c->detail;
  }
}

TEST_F(two_engines, WithoutReferenceASmallVoteIsCheckedWholeAndTheSeedIsReported) {
  verify_options o;
  o.sample_seed = 42;
  const auto r = verify(clean_, o);
  ASSERT_TRUE(r.passed()) << dump(r);
  const auto* c = r.find("engines", "v1");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->count, 11u);  // 9 ballots ≤ 16: all of them, and the partials
  EXPECT_NE(c->detail.find("sample seed 42"), std::string::npos) << c->detail;
}

TEST_F(two_engines, ABallotOnlyTheEngineAcceptsFailsLoudly) {
  auto o = reference_all();
  o.test_only_flip_reference_verdict_at_seq = seq_of(clean_, "ballot_accepted", "v1", 3);
  const auto r = verify(clean_, o);
  EXPECT_FALSE(r.passed());
  const auto* engines = r.find("engines", "v1");
  ASSERT_NE(engines, nullptr) << dump(r);
  EXPECT_FALSE(engines->passed);
  EXPECT_EQ(engines->failed, 1u);
  EXPECT_NE(engines->detail.find("ENGINES DISAGREE: the variable-time engine says ok, the "
                                 "libsodium reference says bad_option_proof"),
            std::string::npos)
      << engines->detail;
  // The ballot itself is not counted as verified, and the other vote is untouched.
  EXPECT_FALSE(r.find("ballots", "v1")->passed);
  EXPECT_NE(r.find("ballots", "v1")->detail.find("ENGINES DISAGREE"), std::string::npos);
  EXPECT_TRUE(r.find("engines", "v2")->passed);
}

TEST_F(two_engines, ATamperedBallotOnlyTheReferenceAcceptsFailsLoudly) {
  const auto dir = copy("tampered");
  auto events = read_events(dir);
  auto& e = events[find_event(events, "ballot_accepted")];
  auto p = payload_of(e);
  p.at("ballot").at("contests").at(0).at("options").at(0).as_object()["beta"] =
      crypto::point::generator().hex();
  set_payload(e, p);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto tampered_seq = read_events(dir)[find_event(read_events(dir), "ballot_accepted")].seq;

  // Both engines refuse it: an ordinary failed ballot, no disagreement.
  const auto agreed = verify(dir, reference_all());
  EXPECT_FALSE(r_passed(agreed, "ballots", "v1"));
  EXPECT_TRUE(r_passed(agreed, "engines", "v1")) << dump(agreed);

  auto o = reference_all();
  o.test_only_flip_reference_verdict_at_seq = tampered_seq;
  const auto r = verify(dir, o);
  const auto* engines = r.find("engines", "v1");
  ASSERT_NE(engines, nullptr) << dump(r);
  EXPECT_FALSE(engines->passed);
  EXPECT_NE(engines->detail.find("the variable-time engine says bad_option_proof, the "
                                 "libsodium reference says ok"),
            std::string::npos)
      << engines->detail;
}

TEST_F(two_engines, APartialOneEngineRefusesFailsTheTally) {
  auto o = reference_all();
  o.test_only_flip_reference_verdict_at_seq = seq_of(clean_, "partial_submitted", "v1", 1);
  const auto r = verify(clean_, o);
  EXPECT_FALSE(r.passed());
  const auto* engines = r.find("engines", "v1");
  ASSERT_NE(engines, nullptr) << dump(r);
  EXPECT_FALSE(engines->passed);
  EXPECT_NE(engines->detail.find("partial decryption: ENGINES DISAGREE: the variable-time "
                                 "engine says valid, the libsodium reference says invalid"),
            std::string::npos)
      << engines->detail;
  // k = 2 and only one partial left that both engines accept: no counts.
  EXPECT_FALSE(r.find("tally", "v1")->passed);
  EXPECT_TRUE(r.find("tally", "v2")->passed);
}

int run_verifier(const std::string& args, const fs::path& output) {
  const std::string cmd = std::string(PLENUM_BINARY_DIR) + "/clients/src/verify/plenum-verify " +
                          args + " > '" + output.string() + "' 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(two_engines, CommandLineReferenceAndSampleSeed) {
  const auto out = sitting_->fresh_dir("cli-engines.txt");
  const std::string dir = "'" + clean_.string() + "' --threads 2";
  EXPECT_EQ(run_verifier(dir + " --reference", out), 0);
  EXPECT_NE(read_text(out).find("PASS engines v1: 11 verified (9 of 9 ballots (--reference: all)"),
            std::string::npos)
      << read_text(out);
  EXPECT_EQ(run_verifier(dir + " --sample-seed 7", out), 0);
  EXPECT_NE(read_text(out).find("sample seed 7)"), std::string::npos) << read_text(out);
  EXPECT_EQ(run_verifier(dir + " --sample-seed seven", out), 2);
  EXPECT_EQ(run_verifier("--help", out), 0);
  EXPECT_NE(read_text(out).find("--reference"), std::string::npos) << read_text(out);
  EXPECT_NE(read_text(out).find("--sample-seed N"), std::string::npos) << read_text(out);
}

// ---- The sample. ----

TEST(reference_sample, SizeIsSixteenOrFivePercent) {
  using clients::verify::reference_sample_size;
  EXPECT_EQ(reference_sample_size(0), 0u);
  EXPECT_EQ(reference_sample_size(9), 9u);
  EXPECT_EQ(reference_sample_size(16), 16u);
  EXPECT_EQ(reference_sample_size(17), 16u);
  EXPECT_EQ(reference_sample_size(320), 16u);
  EXPECT_EQ(reference_sample_size(321), 17u);
  EXPECT_EQ(reference_sample_size(3000), 150u);
}

TEST(reference_sample, SeededRepeatableAndSpread) {
  using clients::verify::reference_sample;
  const auto a = reference_sample(1, "v1", 400);
  EXPECT_EQ(std::count(a.begin(), a.end(), true), 20);
  EXPECT_EQ(reference_sample(1, "v1", 400), a);
  EXPECT_NE(reference_sample(2, "v1", 400), a);
  EXPECT_NE(reference_sample(1, "v2", 400), a);
  // Over many seeds every ballot of 40 is drawn about 16/40 of the time.
  std::vector<int> drawn(40);
  for (std::uint64_t seed = 0; seed < 400; ++seed) {
    const auto s = reference_sample(seed, "v1", 40);
    ASSERT_EQ(std::count(s.begin(), s.end(), true), 16);
    for (std::size_t i = 0; i < s.size(); ++i) drawn[i] += s[i] ? 1 : 0;
  }
  for (int d : drawn) {
    EXPECT_GT(d, 110);  // expected 160
    EXPECT_LT(d, 210);
  }
}

TEST(reference_sample, OnlySampledBallotsAreCheckedBothWays) {
  // 20 delegates, all voting on motion v1: 16 of the 20 ballots are checked both ways. A
  // disagreement on a sampled ballot fails; on one outside the sample it goes unseen, which
  // is why --reference exists.
  const sitting_record sitting(20);
  const auto dir = export_of(sitting, "twenty");
  verify_options o;
  o.sample_seed = 5;
  const auto clean = verify(dir, o);
  ASSERT_TRUE(clean.passed()) << dump(clean);
  EXPECT_EQ(clean.find("engines", "v1")->count, 16u + 2u);
  const auto sample = clients::verify::reference_sample(5, "v1", 20);
  std::size_t in = 0, out = 0;
  for (std::size_t i = 0; i < 20 && (in < 1 || out < 1); ++i) {
    o.test_only_flip_reference_verdict_at_seq = seq_of(dir, "ballot_accepted", "v1", i);
    const auto r = verify(dir, o);
    if (sample[i]) {
      ++in;
      EXPECT_FALSE(r.find("engines", "v1")->passed) << i;
    } else {
      ++out;
      EXPECT_TRUE(r.passed()) << i << "\n" << dump(r);
    }
  }
  EXPECT_GE(in, 1u);
  EXPECT_EQ(out, 1u);      // the loop stops at the first ballot outside the sample
  o.reference_all = true;  // --reference finds it wherever it is
  const auto r = verify(dir, o);
  EXPECT_FALSE(r.find("engines", "v1")->passed);
}

}  // namespace
}  // namespace plenum::verify_test
