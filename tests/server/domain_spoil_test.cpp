// Spoiled ballots (cast or challenge): who may spoil, what is recorded, what is burnt, the
// limit, and that a spoiled ballot is never counted.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/ballot_check.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_spoil.hpp"

namespace plenum::server::domain {
namespace {

using test::abstain;
using test::no;
using test::yes;

using test::delegate_number;
namespace json = boost::json;

struct spoil_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override {
    c.prepare_sitting(9);
    c.complete_ceremony();
    c.open_with_item("i1", "report");
    create_vote v;
    v.vote_id = "v1";
    v.sitting_id = "s1";
    v.item_id = "i1";
    v.kind = "motion";
    v.title = "关于党委工作报告的决议";
    ASSERT_TRUE(c.as("CH", v));
    ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  }
  // A ballot of `number` with its openings, from its own seed.
  crypto::opened_ballot opened(const std::string& number, const crypto::ballot_choices& choices,
                               int seed = 0) {
    const vote& v = *c.state.find_vote("v1");
    crypto::seeded_random random("spoil " + number + std::to_string(seed));
    auto b = crypto::make_opened_ballot(v.manifest, *crypto::from_hex_fixed<32>(v.election_hash),
                                        c.joint_key(), c.keys.at(number), choices, random);
    EXPECT_TRUE(b);
    return *b;
  }
  static spoil_ballot command_of(const crypto::opened_ballot& b) {
    return spoil_ballot{"v1", b.b, b.openings};
  }
  result<decision> spoil(const std::string& number, const crypto::opened_ballot& b) {
    return c.as(number, command_of(b));
  }
  result<decision> cast(const std::string& number, const crypto::ballot& b) {
    return c.as(number, cast_ballot{"v1", b});
  }
};

TEST_F(spoil_case, ASpoiledBallotIsRecordedWithWhatItEncrypted) {
  const auto b = opened("D001", no);
  auto d = spoil("D001", b);
  ASSERT_TRUE(d) << d.error().message();
  ASSERT_EQ(c.log.back().type, "ballot_spoiled");
  const json::object& p = c.log.back().payload;
  EXPECT_EQ(p.at("person").as_string(), "D001");
  EXPECT_EQ(p.at("voter_pk").as_string(), b.b.voter_pk.hex());
  EXPECT_EQ(p.at("ballot_id").as_string(), crypto::to_hex(b.b.ballot_id));
  EXPECT_EQ(json::serialize(p.at("choices")), "[[0,1,0]]");
  EXPECT_EQ(p.at("ballot").as_object(), protocol::encode_ballot(b.b));
  EXPECT_EQ(p.at("nonces").as_array(), protocol::encode_openings(b.openings));
  const crypto::digest32 digest = crypto::ballot_digest(
      b.b, *crypto::from_hex_fixed<32>(c.state.find_vote("v1")->election_hash));
  EXPECT_EQ(p.at("digest").as_string(), crypto::to_hex(digest));
  EXPECT_EQ(p.at("tracking_code").as_string(),
            crypto::to_hex(crypto::tracking_code(digest, b.b.sig)));
  const vote& v = *c.state.find_vote("v1");
  EXPECT_TRUE(v.ballots.empty());
  ASSERT_EQ(v.spoiled.at("D001").size(), 1u);
  EXPECT_EQ(v.spoiled.at("D001")[0].seq, c.log.back().seq);
  for (const auto& a : v.aggregates.aggregates()) EXPECT_EQ(a, crypto::ciphertext{});
}

TEST_F(spoil_case, SpoiledIdsAndAlphasAreBurntThenAFreshBallotIsCast) {
  const auto b = opened("D001", no);
  ASSERT_TRUE(spoil("D001", b));
  // The spoiled ballot itself can never be cast.
  EXPECT_EQ(cast("D001", b.b).error(), errc::ballot_id_reused);
  // Nor a ballot that reuses one of its ciphertexts under a fresh id (re-signed).
  const vote& v = *c.state.find_vote("v1");
  const auto election_hash = *crypto::from_hex_fixed<32>(v.election_hash);
  auto reused = opened("D001", yes, 1).b;
  reused.contests[0].options[1] = b.b.contests[0].options[1];
  reused.sig = c.keys.at("D001").sign(crypto::ballot_digest(reused, election_hash));
  EXPECT_EQ(cast("D001", reused).error(), errc::ciphertext_reused);
  // A fresh ballot is cast and is the delegate's only counted one.
  ASSERT_TRUE(cast("D001", opened("D001", yes, 2).b));
  EXPECT_EQ(c.state.find_vote("v1")->ballots.size(), 1u);
  // Once cast, no more challenges.
  EXPECT_EQ(spoil("D001", opened("D001", yes, 3)).error(), errc::already_voted);
}

TEST_F(spoil_case, TheResendOfTheSameSpoilGetsTheSameAnswer) {
  const auto b = opened("D002", abstain);
  auto first = spoil("D002", b);
  ASSERT_TRUE(first);
  const auto events = c.log.size();
  auto again = spoil("D002", b);
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_TRUE(again->events.empty());
  EXPECT_EQ(c.log.size(), events);
  ASSERT_TRUE(again->repeat);
  EXPECT_EQ(again->repeat->seq, c.log.back().seq);
  EXPECT_EQ(again->repeat->choices, (crypto::ballot_choices{{0, 0, 1}}));
}

TEST_F(spoil_case, AtMostThreeSpoiledBallotsPerDelegateAndVote) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(spoil("D003", opened("D003", yes, i))) << i;
  EXPECT_EQ(spoil("D003", opened("D003", yes, 3)).error(), errc::challenge_limit);
  // Another delegate has their own allowance, and the limited one may still cast.
  EXPECT_TRUE(spoil("D004", opened("D004", yes, 0)));
  EXPECT_TRUE(cast("D003", opened("D003", yes, 4).b));
}

TEST_F(spoil_case, TheLimitIsASetting) {
  settings one;
  one.max_spoiled_per_vote = 1;
  auto run = [&](const crypto::opened_ballot& b) {
    const context ctx{c.person_actor("D005"), c.now, one};
    return decide(c.state, command_of(b), ctx);
  };
  auto first = run(opened("D005", yes, 0));
  ASSERT_TRUE(first);
  for (const auto& body : first->events)
    ASSERT_TRUE(c.state.apply(event{c.state.next_seq(), {}, body}));
  EXPECT_EQ(run(opened("D005", yes, 1)).error(), errc::challenge_limit);
}

TEST_F(spoil_case, ANonceThatDoesNotOpenItsCiphertextIsRefused) {
  // The lying tablet: it encrypted 反对 and claims 赞成.
  auto b = opened("D001", no);
  b.openings[0][0].value = 1;
  b.openings[0][1].value = 0;
  EXPECT_EQ(spoil("D001", b).error(), errc::bad_nonce);
  auto wrong_r = opened("D001", no, 1);
  wrong_r.openings[0][2].r += crypto::scalar::from_u64(1);
  EXPECT_EQ(spoil("D001", wrong_r).error(), errc::bad_nonce);
  auto short_nonces = opened("D001", no, 2);
  short_nonces.openings[0].pop_back();
  EXPECT_EQ(spoil("D001", short_nonces).error(), errc::malformed_ballot);
  // Nothing was recorded or burnt by the refusals.
  EXPECT_TRUE(c.state.find_vote("v1")->spoiled.empty());
  EXPECT_TRUE(c.state.find_vote("v1")->ballot_ids.empty());
}

TEST_F(spoil_case, TheBallotIsCheckedAsACastOneWould) {
  auto b = opened("D001", yes);
  crypto::byte_array<64> sig = b.b.sig.bytes();
  sig[3] ^= 1;
  b.b.sig = crypto::signature(sig);
  EXPECT_EQ(spoil("D001", b).error(), errc::bad_signature);
  // Someone else's ballot: not yourself.
  EXPECT_EQ(spoil("D002", opened("D001", yes, 1)).error(), errc::not_yourself);
  // Not checked in (D010 is absent), not a delegate, vote not open.
  EXPECT_EQ(spoil("D010", opened("D010", yes)).error(), errc::not_checked_in);
  EXPECT_EQ(c.as("SE", command_of(opened("D001", yes, 2))).error(), errc::not_a_voter);
  // A ballot id already cast by another delegate.
  const auto cast_one = opened("D002", yes);
  ASSERT_TRUE(cast("D002", cast_one.b));
  auto copy = opened("D001", yes, 3);
  copy.b.ballot_id = cast_one.b.ballot_id;
  const auto election_hash = *crypto::from_hex_fixed<32>(c.state.find_vote("v1")->election_hash);
  copy.b.sig = c.keys.at("D001").sign(crypto::ballot_digest(copy.b, election_hash));
  EXPECT_EQ(spoil("D001", copy).error(), errc::ballot_id_reused);
  ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  EXPECT_EQ(spoil("D001", opened("D001", yes, 4)).error(), errc::vote_not_open);
}

TEST_F(spoil_case, ACheckMadeOutsideTheLockIsUsed) {
  const auto b = opened("D006", no);
  spoil_ballot cmd = command_of(b);
  const vote& v = *c.state.find_vote("v1");
  ballot_basis basis{v.manifest, *crypto::from_hex_fixed<32>(v.election_hash), c.joint_key()};
  cmd.checked = std::make_shared<const ballot_check>(check_ballot(basis, cmd.ballot));
  ASSERT_TRUE(c.as("D006", cmd));
  EXPECT_EQ(c.log.back().type, "ballot_spoiled");
}

TEST_F(spoil_case, SpoiledBallotsAreNeverCountedAndReplayAgrees) {
  // Six delegates spoil a 赞成 ballot and then cast 反对: the tally is six 反对.
  for (std::size_t i = 1; i <= 6; ++i) {
    const std::string n = delegate_number(i);
    ASSERT_TRUE(spoil(n, opened(n, yes, 0))) << n;
    ASSERT_TRUE(cast(n, opened(n, no, 1).b)) << n;
  }
  ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  EXPECT_EQ(c.log.back().payload.at("ballots").to_number<std::uint64_t>(), 6u);
  ASSERT_TRUE(c.decrypt("v1", {1, 2}));
  const vote& v = *c.state.find_vote("v1");
  ASSERT_EQ(v.state, vote::status::decided);
  EXPECT_EQ(v.counts, (std::vector<std::uint64_t>{0, 6, 0}));
  congress_state replayed;
  for (const auto& e : c.log) ASSERT_TRUE(replayed.apply(e.applied)) << e.type;
  EXPECT_TRUE(replayed == c.state);
}

}  // namespace
}  // namespace plenum::server::domain
