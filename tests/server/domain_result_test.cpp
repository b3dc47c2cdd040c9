// The signatures on a decided vote's result: the scrutineers who decrypted sign result_digest,
// then the chair announces it (CVP1 §7).
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "domain/views.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/result.hpp"

namespace plenum::server::domain {
namespace {

namespace json = boost::json;

struct result_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override {
    c.prepare_sitting(9);
    c.complete_ceremony();
    c.open_with_item("i1", "report");
    c.open_motion("v1", "i1", "关于党委工作报告的决议");
    c.cast_each("v1", 7, [](std::size_t i) {
      return i <= 6 ? crypto::ballot_choices{{1, 0, 0}} : crypto::ballot_choices{{0, 1, 0}};
    });
    ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  }

  [[nodiscard]] crypto::digest32 digest() const {
    return *crypto::from_hex_fixed<32>(c.state.find_vote("v1")->result_digest);
  }
  [[nodiscard]] crypto::signature signature_by(const std::string& number,
                                               const crypto::digest32& d) const {
    return c.keys.at(number).sign(d);
  }
  result<decision> sign_as(const std::string& number) {
    return c.as(number, sign_result{"v1", signature_by(number, digest())});
  }
  result<decision> announce() {
    return c.as("CH", announce_result{"v1", signature_by("CH", digest())});
  }
};

TEST_F(result_case, TheDigestCoversTheBoardAtCloseAndTheDecidedFigures) {
  ASSERT_TRUE(c.decrypt("v1", {1, 3}));
  const vote& v = *c.state.find_vote("v1");
  ASSERT_EQ(v.state, vote::status::decided);
  // The entry hashes recomputed from the stored texts of the log, independently of the state.
  crypto::digest32 prev{};
  std::vector<crypto::digest32> hashes;
  for (const auto& e : c.log) {
    prev = crypto::entry_hash(e.seq, prev, e.type, json::serialize(e.payload));
    hashes.push_back(prev);
  }
  EXPECT_EQ(c.log.back().applied.entry_hash, hashes.back());
  EXPECT_EQ(v.closed_hash, crypto::to_hex(hashes.at(v.closed_seq)));
  crypto::result_record r;
  r.election_hash = *crypto::from_hex_fixed<32>(v.election_hash);
  r.board_seq_at_close = v.closed_seq;
  r.board_hash_at_close = hashes.at(v.closed_seq);
  r.ballots = 7;
  r.seated = 10;
  r.present = 9;
  r.rule = v.rule_text;
  r.counts = {6, 1, 0};
  r.outcome = v.outcome_text;
  EXPECT_EQ(v.counts, r.counts);
  EXPECT_EQ(v.result_digest, crypto::to_hex(crypto::result_digest(r)));
}

TEST_F(result_case, ScrutineersWhoDecryptedSignThenTheChairAnnounces) {
  ASSERT_TRUE(c.decrypt("v1", {1, 3}));
  auto signed1 = sign_as("S1");
  ASSERT_TRUE(signed1) << signed1.error().message();
  ASSERT_EQ(signed1->events.size(), 1u);
  const auto& e = signed1->events.front();
  EXPECT_EQ(protocol::event_type(e), "result_signed");
  const auto p = protocol::event_payload_object(e);
  EXPECT_EQ(p.at("index").as_uint64(), 1u);
  EXPECT_EQ(p.at("person").as_string(), "S1");
  EXPECT_EQ(p.at("signer_pk").as_string(), c.keys.at("S1").public_part().hex());
  EXPECT_EQ(announce().error(), errc::result_not_signed);
  ASSERT_TRUE(sign_as("S3"));
  auto announced = announce();
  ASSERT_TRUE(announced) << announced.error().message();
  EXPECT_EQ(protocol::event_type(announced->events.front()), "result_announced");
  EXPECT_EQ(protocol::event_payload_object(announced->events.front()).at("signer_pk").as_string(),
            c.keys.at("CH").public_part().hex());
  EXPECT_EQ(announce().error(), errc::result_already_announced);

  const vote& v = *c.state.find_vote("v1");
  EXPECT_EQ(v.result_signatures.size(), 2u);
  ASSERT_TRUE(v.announcement);
  EXPECT_EQ(v.announcement->person, "CH");
  auto snapshot = public_snapshot(c.state, "s1");
  ASSERT_TRUE(snapshot);
  const auto& shown = snapshot->at("votes").as_array().at(0).as_object();
  EXPECT_EQ(shown.at("signatures").as_uint64(), 2u);
  EXPECT_EQ(shown.at("decrypted_by").as_uint64(), 2u);
  EXPECT_EQ(shown.at("announced").as_bool(), true);
  EXPECT_EQ(shown.at("result_digest").as_string(), v.result_digest);

  // The signatures survive a replay of the log.
  congress_state replayed;
  for (const auto& ev : c.log) ASSERT_TRUE(replayed.apply(ev.applied));
  EXPECT_EQ(replayed, c.state);
}

TEST_F(result_case, NothingIsSignedOrAnnouncedBeforeTheVoteIsDecided) {
  EXPECT_EQ(sign_as("S1").error(), errc::vote_not_decided);
  ASSERT_TRUE(c.decrypt("v1", {1}));  // one of k = 2
  EXPECT_EQ(c.as("S1", sign_result{"v1", crypto::signature{}}).error(), errc::vote_not_decided);
  EXPECT_EQ(c.as("CH", announce_result{"v1", crypto::signature{}}).error(), errc::vote_not_decided);
  EXPECT_EQ(c.as("CH", announce_result{"v9", crypto::signature{}}).error(), errc::unknown_vote);
}

TEST_F(result_case, OnlyTheScrutineersWhoseDecryptionWasCombinedSign) {
  ASSERT_TRUE(c.decrypt("v1", {1, 3}));
  EXPECT_EQ(sign_as("S2").error(), errc::did_not_decrypt);
  EXPECT_EQ(sign_as("CH").error(), errc::not_a_scrutineer);
  EXPECT_EQ(sign_as("D001").error(), errc::not_a_scrutineer);
  ASSERT_TRUE(sign_as("S1"));
  EXPECT_EQ(sign_as("S1").error(), errc::result_already_signed);
  EXPECT_EQ(c.state.find_vote("v1")->result_signatures.size(), 1u);
}

TEST_F(result_case, SignaturesMustVerifyOverTheServersDigest) {
  ASSERT_TRUE(c.decrypt("v1", {1, 3}));
  crypto::digest32 other = digest();
  other[0] ^= 1;
  const auto before = c.log.size();
  // Over another digest, or another person's signature presented as one's own.
  EXPECT_EQ(c.as("S1", sign_result{"v1", signature_by("S1", other)}).error(), errc::bad_signature);
  EXPECT_EQ(c.as("S1", sign_result{"v1", signature_by("S3", digest())}).error(),
            errc::bad_signature);
  ASSERT_TRUE(sign_as("S1"));
  ASSERT_TRUE(sign_as("S3"));
  EXPECT_EQ(c.as("CH", announce_result{"v1", signature_by("CH", other)}).error(),
            errc::bad_signature);
  EXPECT_EQ(c.as("CH", announce_result{"v1", signature_by("S1", digest())}).error(),
            errc::bad_signature);
  EXPECT_EQ(c.log.size(), before + 2);
  EXPECT_FALSE(c.state.find_vote("v1")->announcement);
}

TEST_F(result_case, AResultRecordedByTheServerAloneNeedsOnlyTheChair) {
  ASSERT_TRUE(c.as_system(record_result{"v1", {6, 1, 0}}));
  EXPECT_EQ(sign_as("S1").error(), errc::did_not_decrypt);
  ASSERT_TRUE(announce());
}

TEST_F(result_case, AForgedResultDigestInTheLogIsRefusedOnApply) {
  ASSERT_TRUE(c.decrypt("v1", {1, 3}));
  congress_state replayed;
  for (const auto& ev : c.log) {
    event copy = ev.applied;
    if (auto* decided = std::get_if<protocol::events::vote_decided>(&copy.body))
      decided->result_digest = crypto::digest32{};
    auto applied = replayed.apply(copy);
    if (ev.type == "vote_decided") {
      EXPECT_FALSE(applied);
      break;
    }
    ASSERT_TRUE(applied);
  }
}

}  // namespace
}  // namespace plenum::server::domain
