// spoil_ballot on the wire: the request round-trips, its nonces are decoded strictly with the
// field's full path, and the reply carries the choices.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/replies.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

class SpoilMessages : public ::testing::Test {
 protected:
  crypto::seeded_random rng_{"spoil messages test"};
  crypto::point joint_key_ = crypto::point::base_mul(crypto::scalar::random_nonzero(rng_));
  crypto::secret_key voter_ = crypto::secret_key::generate(rng_);
  crypto::manifest manifest_ = crypto::motion_manifest("vote-1", "motion", "决议");
  crypto::opened_ballot opened_ = *crypto::make_opened_ballot(
      manifest_, crypto::digest32{7}, joint_key_, voter_, {{0, 1, 0}}, rng_);

  json::object frame() {
    return json::parse(
               encode_request(9, spoil_ballot_request{"vote-1", opened_.b, opened_.openings}))
        .as_object();
  }
  static json::object& nonce(json::object& f, std::size_t c, std::size_t o) {
    return f["nonces"].as_array()[c].as_array()[o].as_object();
  }
  static void expect_refused(const json::object& f, errc code, std::string_view field) {
    auto r = decode_frame(json::serialize(f));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, code) << r.error().message();
    EXPECT_EQ(r.error().field, field) << r.error().message();
  }
};

TEST_F(SpoilMessages, RoundTripsWithEveryNonceAndValue) {
  json::object f = frame();
  EXPECT_EQ(f.at("type"), "spoil_ballot");
  EXPECT_EQ(nonce(f, 0, 1).at("v"), 1);
  EXPECT_EQ(nonce(f, 0, 0).at("r").as_string(), opened_.openings[0][0].r.hex());
  auto r = decode_frame(json::serialize(f));
  ASSERT_TRUE(r) << r.error().message();
  const auto& req = std::get<spoil_ballot_request>(r->body);
  EXPECT_EQ(req.ballot, opened_.b);
  EXPECT_EQ(req.nonces, opened_.openings);
  EXPECT_EQ(type_of(r->body), "spoil_ballot");
}

TEST_F(SpoilMessages, RefusesBadNoncesByPath) {
  json::object f = frame();
  nonce(f, 0, 2)["v"] = 2;
  expect_refused(f, errc::invalid_field, "nonces[0][2].v");
  f = frame();
  nonce(f, 0, 1)["r"] = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";
  expect_refused(f, errc::non_canonical_scalar, "nonces[0][1].r");
  f = frame();
  nonce(f, 0, 0)["extra"] = 1;
  expect_refused(f, errc::invalid_field, "nonces[0][0].extra");
  f = frame();
  nonce(f, 0, 0).erase("r");
  expect_refused(f, errc::invalid_field, "nonces[0][0].r");
  f = frame();
  f["nonces"] = json::array{};
  expect_refused(f, errc::invalid_field, "nonces");
  f = frame();
  f.erase("nonces");
  expect_refused(f, errc::invalid_field, "nonces");
  f = frame();
  f["vote_id"] = "vote-2";
  expect_refused(f, errc::invalid_field, "ballot.vote_id");
}

TEST_F(SpoilMessages, ChoicesCodecIsStrict) {
  auto ok = decode_choices(json::parse("[[1,0,0],[0,1]]"));
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, (crypto::ballot_choices{{1, 0, 0}, {0, 1}}));
  EXPECT_EQ(json::serialize(encode_choices(*ok)), "[[1,0,0],[0,1]]");
  EXPECT_FALSE(decode_choices(json::parse("[[1,2]]")));
  EXPECT_FALSE(decode_choices(json::parse("[[]]")));
  EXPECT_FALSE(decode_choices(json::parse("[[true]]")));
  EXPECT_FALSE(decode_choices(json::parse("[]")));
}

TEST_F(SpoilMessages, ReplyRoundTrips) {
  spoil_ballot_reply reply{12, crypto::digest32{5, 6}, "0000-0000-0000-0000", {{0, 1, 0}}};
  const std::string text = encode_reply(3, reply);
  EXPECT_NE(text.find("\"choices\":[[0,1,0]]"), std::string::npos) << text;
  auto f = parse_server_frame(text);
  ASSERT_TRUE(f);
  auto back = decode_reply<spoil_ballot_reply>(*f);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, reply);
}

}  // namespace
}  // namespace plenum::protocol
