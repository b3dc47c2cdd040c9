#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "domain/ceremony.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"

namespace plenum::server::domain {
namespace {

using test::delegate_number;

TEST(Ceremony, KeygenMessagesAreCheckedAndCollectedOnce) {
  test::congress c(10);
  ASSERT_TRUE(c.as("CH", create_sitting{"s1", "年会", "2026-03-01"}));
  EXPECT_EQ(c.as("CH", start_ceremony{"s1", {"S1", "D001"}, 1}).error(), errc::not_a_scrutineer);
  EXPECT_EQ(c.as("CH", start_ceremony{"s1", {"S1", "S1"}, 1}).error(), errc::invalid_field);
  EXPECT_EQ(c.as("CH", start_ceremony{"s1", {"S1", "S2"}, 3}).error(), errc::invalid_field);
  ASSERT_TRUE(c.as("CH", start_ceremony{"s1", {"S1", "S2", "S3"}, 0}));
  EXPECT_EQ(c.log.back().payload.at("k").to_number<int>(), 2);  // default n − 1
  auto params = *ceremony_params_of(c.state, *c.state.find_sitting("s1"));
  EXPECT_EQ(crypto::to_hex(params.ceremony_id()),
            c.state.find_sitting("s1")->ceremony->ceremony_id);
  crypto::seeded_random random("ceremony test");
  auto m1 = crypto::make_keygen_message(params, 1, c.keys.at("S1"), random);
  // Sent by another scrutineer than its dealer, or altered: refused.
  EXPECT_EQ(c.as("S2", submit_keygen{"s1", m1}).error(), errc::bad_ceremony_message);
  auto altered = m1;
  altered.sig = c.keys.at("S2").sign(crypto::keygen_digest(params, m1));
  EXPECT_EQ(c.as("S1", submit_keygen{"s1", altered}).error(), errc::bad_ceremony_message);
  // A message that does not decode is refused by the protocol before the domain.
  EXPECT_FALSE(protocol::decode_keygen_message(boost::json::object{{"i", 1}}));
  ASSERT_TRUE(c.as("S1", submit_keygen{"s1", m1}));
  EXPECT_EQ(c.as("S1", submit_keygen{"s1", m1}).error(), errc::duplicate_ceremony_message);
  // Confirmations wait for all messages.
  EXPECT_EQ(c.as("S1", confirm_keys{"s1", crypto::signature{}}).error(),
            errc::ceremony_in_progress);
  // The chair may restart an incomplete ceremony, e.g. without a scrutineer.
  ASSERT_TRUE(c.as("CH", start_ceremony{"s1", {"S1", "S2"}, 2}));
  EXPECT_TRUE(c.state.find_sitting("s1")->ceremony->keygen.empty());
}

TEST(Ceremony, ConfirmationsCompleteTheCeremony) {
  test::congress c(10);
  ASSERT_TRUE(c.as("CH", create_sitting{"s1", "年会", "2026-03-01"}));
  c.deal_keys();
  const sitting& s = *c.state.find_sitting("s1");
  ASSERT_TRUE(s.ceremony->joint_key);
  EXPECT_EQ(s.ceremony->verification_keys.size(), 3u);
  auto params = *ceremony_params_of(c.state, s);
  auto keys = *ceremony_keys_of(*s.ceremony);
  const auto digest = crypto::key_digest(params, keys);
  // The joint key is the sum of the dealers' first commitments.
  crypto::point sum;
  for (const auto& m : keygen_messages_of(*s.ceremony)) sum += m.commitments.front();
  EXPECT_EQ(sum, keys.joint_key);
  EXPECT_EQ(c.as("S1", confirm_keys{"s1", c.keys.at("S2").sign(digest)}).error(),
            errc::bad_ceremony_message);
  ASSERT_TRUE(c.as("S1", confirm_keys{"s1", c.keys.at("S1").sign(digest)}));
  EXPECT_EQ(c.as("S1", confirm_keys{"s1", c.keys.at("S1").sign(digest)}).error(),
            errc::duplicate_ceremony_message);
  ASSERT_TRUE(c.as("S2", confirm_keys{"s1", c.keys.at("S2").sign(digest)}));
  EXPECT_FALSE(c.state.find_sitting("s1")->ceremony->complete);
  ASSERT_TRUE(c.as("S3", confirm_keys{"s1", c.keys.at("S3").sign(digest)}));
  EXPECT_TRUE(c.state.find_sitting("s1")->ceremony->complete);
  EXPECT_EQ(c.as("CH", start_ceremony{"s1", {"S1", "S2"}, 2}).error(), errc::ceremony_complete);
}

struct tally_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override {
    c.prepare_sitting(9);
    c.complete_ceremony();
    c.open_with_item("i1", "report");
    c.open_motion("v1", "i1", "决议");
    c.cast_each("v1", 9, [](std::size_t i) {
      return i <= 6   ? crypto::ballot_choices{{1, 0, 0}}
             : i <= 8 ? crypto::ballot_choices{{0, 1, 0}}
                      : crypto::ballot_choices{{0, 0, 1}};
    });
  }
};

TEST_F(tally_case, KValidPartialsDecryptAndDecide) {
  EXPECT_EQ(c.decrypt("v1", {1}).error(), errc::vote_still_open);
  ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  auto first = c.decrypt("v1", {1});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->events.size(), 1u);
  EXPECT_EQ(c.state.find_vote("v1")->state, vote::status::closed);
  EXPECT_EQ(c.decrypt("v1", {1}).error(), errc::duplicate_partial);
  auto second = c.decrypt("v1", {3});
  ASSERT_TRUE(second);
  // The k-th partial, the decision, and the resolution of the passed motion on the report.
  ASSERT_EQ(second->events.size(), 3u);
  EXPECT_EQ(protocol::event_type(second->events[1]), "vote_decided");
  EXPECT_EQ(protocol::event_type(second->events[2]), "resolution_adopted");
  const vote& v = *c.state.find_vote("v1");
  EXPECT_EQ(v.state, vote::status::decided);
  EXPECT_EQ(v.counts, (std::vector<std::uint64_t>{6, 2, 1}));
  auto outcome = boost::json::parse(v.outcome_text).as_object();
  EXPECT_TRUE(outcome.at("passed").as_bool());
  EXPECT_EQ(c.decrypt("v1", {2}).error(), errc::result_exists);
}

TEST_F(tally_case, InvalidPartialsAreRefused) {
  ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  const vote& v = *c.state.find_vote("v1");
  const sitting& s = *c.state.find_sitting("s1");
  auto params = *ceremony_params_of(c.state, s);
  auto keys = *ceremony_keys_of(*s.ceremony);
  crypto::seeded_random random("bad partial");
  auto partial = crypto::make_partial_decryption(
      params, keys, *crypto::from_hex_fixed<32>(v.election_hash), vote_aggregates(v),
      c.shares.at("s1").at(2), c.keys.at("S2"), random);
  // Presented by another scrutineer.
  EXPECT_EQ(c.as("S1", submit_partial{"v1", partial}).error(), errc::bad_partial_decryption);
  // Not a scrutineer at all.
  EXPECT_EQ(c.as("D001", submit_partial{"v1", partial}).error(), errc::not_a_scrutineer);
  // A share that is not z·A.
  auto wrong = partial;
  wrong.shares[0].m = wrong.shares[0].m + crypto::point::generator();
  EXPECT_EQ(c.as("S2", submit_partial{"v1", wrong}).error(), errc::bad_partial_decryption);
  EXPECT_TRUE(c.as("S2", submit_partial{"v1", partial}));
}

}  // namespace
}  // namespace plenum::server::domain
