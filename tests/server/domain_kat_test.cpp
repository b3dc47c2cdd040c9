// The known-answer sitting of cvp1-kat.json run through the domain: the same congress, sitting,
// scrutineer and voter keys give the same ceremony, manifests, roster and election hashes; the
// domain accepts every valid ballot with its digest and tracking code, refuses every invalid
// one, and the known partial decryptions decide each vote with the known counts.
#include <gtest/gtest.h>
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"

#include "domain_fixture.hpp"
#include "kat.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace plenum::server::domain {
namespace {

namespace json = boost::json;
using plenum::test::kat;

std::string str(const json::value& v) { return std::string(v.as_string()); }

TEST(DomainKat, TheKnownSittingGivesTheKnownAnswers) {
  const auto& k = kat();
  const auto& ceremony = k.at("ceremony").as_object();
  const std::string sitting_id = str(ceremony.at("sitting_id"));
  ASSERT_EQ(str(ceremony.at("congress_id")), "congress-demo");

  test::congress c(5);
  const auto& voters = k.at("voters").as_array();
  std::map<std::string, std::string> person_of_pk;
  for (std::size_t i = 0; i < voters.size(); ++i) {
    const auto number = test::delegate_number(i + 1);
    c.enroll_key(number, plenum::test::secret_key_field(voters[i].at("sk")));
    person_of_pk[str(voters[i].at("pk"))] = number;
  }
  const auto& scrutineers = ceremony.at("scrutineers").as_array();
  for (const auto& s : scrutineers) {
    const auto number = "S" + std::to_string(s.at("index").to_number<int>());
    c.enroll_key(number, plenum::test::secret_key_field(s.at("sk")));
  }

  ASSERT_TRUE(c.as("CH", create_sitting{sitting_id, "2026年年会", "2026-03-01"}));
  ASSERT_TRUE(c.as("CH", open_checkin{sitting_id}));
  for (std::size_t i = 1; i <= voters.size(); ++i)
    ASSERT_TRUE(c.check_in_now(test::delegate_number(i), sitting_id));

  // The key ceremony.
  ASSERT_TRUE(c.as("CH", start_ceremony{sitting_id, {"S1", "S2", "S3"}, 2}));
  EXPECT_EQ(c.state.find_sitting(sitting_id)->ceremony->ceremony_id,
            str(ceremony.at("ceremony_id")));
  for (const auto& m : ceremony.at("messages").as_array()) {
    const auto number = "S" + std::to_string(m.at("i").to_number<int>());
    auto message = protocol::decode_keygen_message(m);
    ASSERT_TRUE(message) << number;
    ASSERT_TRUE(c.as(number, submit_keygen{sitting_id, *message})) << number;
  }
  const auto& rec = *c.state.find_sitting(sitting_id)->ceremony;
  ASSERT_TRUE(rec.joint_key);
  EXPECT_EQ(rec.joint_key->hex(), str(ceremony.at("joint_key")));
  for (std::size_t l = 0; l < rec.verification_keys.size(); ++l)
    EXPECT_EQ(rec.verification_keys[l].hex(), str(ceremony.at("verification_keys").as_array()[l]));
  const auto& confirmations = ceremony.at("confirmations").as_array();
  for (std::size_t l = 0; l < confirmations.size(); ++l)
    ASSERT_TRUE(
        c.as("S" + std::to_string(l + 1),
             confirm_keys{sitting_id, *crypto::signature::from_hex(str(confirmations[l]))}));
  ASSERT_TRUE(c.state.find_sitting(sitting_id)->ceremony->complete);

  ASSERT_TRUE(c.as("CH", open_sitting{sitting_id}));
  ASSERT_TRUE(
      c.as("SE", add_item{sitting_id, "report", "report", "党委工作报告", 1, "党委书记", ""}));
  ASSERT_TRUE(c.as("SE", add_item{sitting_id, "election", "election", "选举", 2, "", ""}));
  ASSERT_TRUE(c.as("SE", add_item{sitting_id, "appraisal", "appraisal", "评议", 3, "", ""}));

  for (const auto& kv : k.at("votes").as_array()) {
    const auto& kat_vote = kv.as_object();
    const auto& manifest = kat_vote.at("manifest").as_object();
    const std::string vote_id = str(manifest.at("vote_id"));
    const std::string kind = str(manifest.at("kind"));
    SCOPED_TRACE(vote_id);
    const std::string item =
        kind == "motion" ? "report" : (kind == "election" ? "election" : "appraisal");
    ASSERT_TRUE(c.as("CH", set_current_item{sitting_id, item}));
    create_vote v;
    v.vote_id = vote_id;
    v.sitting_id = sitting_id;
    v.item_id = item;
    v.kind = kind;
    v.title = str(manifest.at("title"));
    std::vector<std::string> names;
    for (const auto& contest : manifest.at("contests").as_array())
      names.push_back(str(contest.at("title")));
    if (kind == "election") {
      v.candidates = names;
      v.seats = manifest.at("constraints").as_array()[0].at("max").to_number<std::uint32_t>();
    } else if (kind != "motion") {
      v.members = names;
    }
    ASSERT_TRUE(c.as("CH", v));
    EXPECT_EQ(c.state.find_vote(vote_id)->manifest, *protocol::decode_manifest(manifest));
    ASSERT_TRUE(c.as("CH", open_vote{vote_id}));
    const vote& opened = *c.state.find_vote(vote_id);
    EXPECT_EQ(opened.manifest_hash, str(kat_vote.at("manifest_hash")));
    EXPECT_EQ(opened.roster_hash, str(kat_vote.at("roster_hash")));
    EXPECT_EQ(opened.election_hash, str(kat_vote.at("election_hash")));

    for (const auto& bad : kat_vote.at("invalid").as_array()) {
      const auto& ballot = bad.at("ballot").as_object();
      const auto voter = person_of_pk.at(str(ballot.at("voter_pk")));
      // Refused when the protocol decodes it (as the server would), or by the domain.
      auto decoded = protocol::decode_ballot(ballot);
      if (!decoded) continue;
      auto r = c.as(voter, cast_ballot{vote_id, *decoded});
      EXPECT_FALSE(r.has_value()) << str(bad.at("why"));
    }
    EXPECT_TRUE(c.state.find_vote(vote_id)->ballots.empty());
    for (const auto& good : kat_vote.at("ballots").as_array()) {
      const auto& ballot = good.at("ballot").as_object();
      const auto voter = person_of_pk.at(str(ballot.at("voter_pk")));
      auto decoded = protocol::decode_ballot(ballot);
      ASSERT_TRUE(decoded) << voter;
      ASSERT_TRUE(c.as(voter, cast_ballot{vote_id, *decoded})) << voter;
      EXPECT_EQ(c.log.back().payload.at("digest").as_string(), good.at("digest").as_string());
      EXPECT_EQ(c.log.back().payload.at("tracking_code").as_string(),
                good.at("tracking_code").as_string());
    }
    ASSERT_TRUE(c.as("CH", close_vote{vote_id}));
    for (const auto& partial : kat_vote.at("tally").at("partials").as_array()) {
      const auto number = "S" + std::to_string(partial.at("index").to_number<int>());
      auto decoded = protocol::decode_partial_decryption(partial);
      ASSERT_TRUE(decoded) << number;
      ASSERT_TRUE(c.as(number, submit_partial{vote_id, *decoded})) << number;
    }
    const vote& decided = *c.state.find_vote(vote_id);
    ASSERT_EQ(decided.state, vote::status::decided);
    std::vector<std::uint64_t> expected;
    for (const auto& n : kat_vote.at("tally").at("counts").as_array())
      expected.push_back(n.to_number<std::uint64_t>());
    EXPECT_EQ(decided.counts, expected);
  }
}

}  // namespace
}  // namespace plenum::server::domain
