// The request catalogue: every message round-trips, and hostile requests are refused with the
// specific code and the full path of the field.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>
#include <string>
#include <tuple>

#include "kat.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/hash.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/messages.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

constexpr const char* order_hex =
    "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

const json::object& kat_vote(std::size_t i) { return test::kat().at("votes").at(i).as_object(); }

crypto::secret_key voter_key(std::size_t i) {
  return test::secret_key_field(test::kat().at("voters").at(i).at("sk"));
}

// A cast_ballot request around the first KAT ballot of vote `vote` (vote 1 has a constraint).
json::object cast_ballot_frame(std::size_t vote = 0) {
  const json::value& ballot = kat_vote(vote).at("ballots").at(0).at("ballot");
  return json::object{{"v", 1},
                      {"id", 9},
                      {"type", "cast_ballot"},
                      {"vote_id", ballot.at("vote_id")},
                      {"ballot", ballot}};
}

void expect_refused(std::string_view text, errc code, std::string_view field) {
  auto r = decode_frame(text);
  ASSERT_FALSE(r) << "accepted: " << text.substr(0, 200);
  EXPECT_EQ(r.error().code, code) << r.error().message();
  EXPECT_EQ(r.error().field, field) << r.error().message();
}

void expect_refused(const json::object& frame, errc code, std::string_view field) {
  expect_refused(json::serialize(frame), code, field);
}

json::value& option_of(json::object& frame, std::size_t contest, std::size_t option) {
  return frame["ballot"]
      .as_object()["contests"]
      .as_array()[contest]
      .as_object()["options"]
      .as_array()[option];
}

// Every request, encoded, decodes to the same request (checked by re-encoding).
TEST(Messages, EveryRequestRoundTrips) {
  const auto key = voter_key(0);
  const auto pk = key.public_part();
  const crypto::byte_array<32> nonce{1, 2, 3};
  auto ballot = decode_ballot(kat_vote(0).at("ballots").at(0).at("ballot"));
  auto keygen = decode_keygen_message(test::kat().at("ceremony").at("messages").at(0));
  auto partial = decode_partial_decryption(kat_vote(0).at("tally").at("partials").at(0));
  ASSERT_TRUE(ballot && keygen && partial);

  const std::vector<request> requests = {
      auth_request{pk, nonce, key.sign(crypto::auth_digest("c", nonce, nonce, pk))},
      enroll_request{"D-017", "K7Q2-9MXP-0PAB-4TNV", pk,
                     key.sign(crypto::enroll_digest("c", "D-017", "K7Q29MXP0PAB4TNV", pk))},
      ping_request{},
      subscribe_request{{topic::board, topic::results}, 17},
      subscribe_request{{topic::state}, std::nullopt},
      subscribe_request{{topic::basis, topic::state, topic::results}, 0},
      subscribe_request{{topic::course, topic::state, topic::results}, 12},
      get_state_request{},
      cast_ballot_request{"vote-1", *ballot},
      checkin_request{"sitting-2026", 1790000000000,
                      key.sign(crypto::checkin_digest("sitting-2026", pk, 1790000000000))},
      keygen_request{"sitting-2026", *keygen},
      confirm_key_request{"sitting-2026", key_confirmation{2, key.sign(nonce)}},
      partial_decryption_request{"vote-1", *partial},
  };
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const std::string text = encode_request(100 + i, requests[i]);
    auto back = decode_frame(text);
    ASSERT_TRUE(back) << text << "\n" << back.error().message();
    EXPECT_EQ(back->id, 100 + i);
    EXPECT_EQ(type_of(back->body), type_of(requests[i]));
    EXPECT_EQ(encode_request(100 + i, back->body), text);
    EXPECT_TRUE(is_request_type(type_of(requests[i])));
  }
  EXPECT_FALSE(is_request_type("hello"));
}

TEST(Messages, AuthAndEnrollSignaturesVerifyAfterDecoding) {
  const auto key = voter_key(1);
  const auto pk = key.public_part();
  const crypto::byte_array<32> server_nonce{9, 9, 9};
  const crypto::byte_array<32> client_nonce{7, 7, 7};
  const auto digest = crypto::auth_digest("congress-demo", server_nonce, client_nonce, pk);
  auto a = decode_frame(encode_request(1, auth_request{pk, client_nonce, key.sign(digest)}));
  ASSERT_TRUE(a);
  const auto& auth = std::get<auth_request>(a->body);
  EXPECT_TRUE(auth.device_pk.verify(
      crypto::auth_digest("congress-demo", server_nonce, auth.client_nonce, auth.device_pk),
      auth.sig));

  // enroll_digest is H32("enroll", congress_id, person_number, code, device_pk), framed as CVP1
  // frames every hash.
  const auto expected = crypto::transcript("enroll")
                            .str("congress-demo")
                            .str("D-017")
                            .str("ABCD")
                            .raw(pk.bytes())
                            .h32();
  EXPECT_EQ(crypto::enroll_digest("congress-demo", "D-017", "ABCD", pk), expected);
  EXPECT_NE(crypto::enroll_digest("congress-demo", "D-017", "ABCE", pk), expected);
  EXPECT_NE(crypto::enroll_digest("congress-demo", "D-018", "ABCD", pk), expected);
  auto e = decode_frame(encode_request(2, enroll_request{"D-017", "ABCD", pk, key.sign(expected)}));
  ASSERT_TRUE(e);
  const auto& enroll = std::get<enroll_request>(e->body);
  EXPECT_TRUE(enroll.device_pk.verify(expected, enroll.sig));
}

TEST(Messages, UnknownTypeAndUnknownFields) {
  auto r = decode_frame(R"({"v":1,"id":5,"type":"launch_missiles"})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::unknown_message_type);
  EXPECT_EQ(r.error().field, "type");
  EXPECT_EQ(r.error().request_id, 5u);
  expect_refused(R"({"v":1,"id":5,"type":"hello"})", errc::unknown_message_type, "type");
  expect_refused(R"({"v":1,"id":5,"type":"ping","extra":1})", errc::invalid_field, "extra");
  expect_refused(R"({"v":1,"id":5,"type":"get_state","v2":1})", errc::invalid_field, "v2");
  json::object frame = cast_ballot_frame();
  frame["ballot"].as_object()["contests"].as_array()[0].as_object()["note"] = "x";
  expect_refused(frame, errc::invalid_field, "ballot.contests[0].note");
}

TEST(Messages, SubscribeTopics) {
  expect_refused(R"({"v":1,"id":1,"type":"subscribe","topics":["board","board"]})",
                 errc::invalid_field, "topics[1]");
  expect_refused(R"({"v":1,"id":1,"type":"subscribe","topics":["gossip"]})", errc::invalid_field,
                 "topics[0]");
  expect_refused(R"({"v":1,"id":1,"type":"subscribe","topics":[]})", errc::invalid_field, "topics");
  expect_refused(R"({"v":1,"id":1,"type":"subscribe","topics":["board","basis"]})",
                 errc::invalid_field, "topics");
  expect_refused(R"({"v":1,"id":1,"type":"subscribe","topics":["course","basis"]})",
                 errc::invalid_field, "topics");
  expect_refused(R"({"v":1,"id":1,"type":"subscribe","topics":["board","state","course"]})",
                 errc::invalid_field, "topics");
  expect_refused(
      R"({"v":1,"id":1,"type":"subscribe","topics":["basis","state","results","board"]})",
      errc::invalid_field, "topics");
  expect_refused(R"({"v":1,"id":1,"type":"subscribe","topics":["board"],"since_seq":-3})",
                 errc::invalid_field, "since_seq");
}

TEST(Messages, CastBallotAccepted) {
  auto r = decode_frame(json::serialize(cast_ballot_frame(1)));
  ASSERT_TRUE(r) << r.error().message();
  const auto& cast = std::get<cast_ballot_request>(r->body);
  EXPECT_EQ(cast.vote_id, "vote-2");
  EXPECT_EQ(cast.ballot.constraint_proofs.size(), 1u);
}

// Decoded for the connection authenticated as the voter's key, a ballot takes that key as it is;
// any other voter_pk is still checked in full, the small-order one refused as before.
TEST(Messages, CastBallotOfTheSendersOwnKey) {
  const json::object f = cast_ballot_frame();
  const auto frame = parse_request(json::serialize(f));
  ASSERT_TRUE(frame);
  const auto own = crypto::public_key::from_hex(f.at("ballot").at("voter_pk").as_string());
  ASSERT_TRUE(own);
  auto r = decode_request(*frame, *own);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(std::get<cast_ballot_request>(r->body).ballot.voter_pk, *own);
  // Another device's request: the same ballot, its key checked and accepted.
  const auto other = voter_key(1).public_part();
  ASSERT_NE(other, *own);
  auto checked = decode_request(*frame, other);
  ASSERT_TRUE(checked) << checked.error().message();
  EXPECT_EQ(std::get<cast_ballot_request>(checked->body).ballot.voter_pk, *own);
  // A small-order voter_pk is refused whoever sends it.
  json::object small = f;
  small["ballot"].as_object()["voter_pk"] = std::string(64, '0');
  const auto small_frame = parse_request(json::serialize(small));
  ASSERT_TRUE(small_frame);
  for (const auto& sender : {*own, other}) {
    auto refused = decode_request(*small_frame, sender);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, errc::invalid_point);
    EXPECT_EQ(refused.error().field, "ballot.voter_pk");
    EXPECT_EQ(refused.error().request_id, std::optional<std::uint64_t>(9));
  }
}

// Decoded for its sender, a ballot's option ciphertexts come with their decodings (for its
// verification); a point that is not valid, or an identity alpha, is refused with the same
// error and field as without them.
TEST(Messages, CastBallotForItsSenderKeepsItsPointsAndRefusesAlike) {
  const json::object f = cast_ballot_frame();
  const auto own = crypto::public_key::from_hex(f.at("ballot").at("voter_pk").as_string());
  ASSERT_TRUE(own);
  const auto frame = parse_request(json::serialize(f));
  ASSERT_TRUE(frame);
  auto with_key = decode_request(*frame, *own);
  ASSERT_TRUE(with_key) << with_key.error().message();
  EXPECT_FALSE(std::get<cast_ballot_request>(with_key->body).points.empty());
  auto without_key = decode_request(*frame);
  ASSERT_TRUE(without_key) << without_key.error().message();
  EXPECT_TRUE(std::get<cast_ballot_request>(without_key->body).points.empty());
  EXPECT_EQ(std::get<cast_ballot_request>(with_key->body).ballot,
            std::get<cast_ballot_request>(without_key->body).ballot);

  const std::string not_a_point = "01" + std::string(62, '0');  // odd s: not canonical
  for (const auto& [option, member, value] :
       {std::tuple{0, "alpha", not_a_point}, std::tuple{1, "beta", not_a_point},
        std::tuple{2, "alpha", std::string(64, '0')}}) {
    json::object bad = f;
    option_of(bad, 0, option).as_object()[member] = value;
    const auto bad_frame = parse_request(json::serialize(bad));
    ASSERT_TRUE(bad_frame);
    auto refused = decode_request(*bad_frame, *own);
    auto refused_plain = decode_request(*bad_frame);
    ASSERT_FALSE(refused);
    ASSERT_FALSE(refused_plain);
    EXPECT_EQ(refused.error().code, errc::invalid_point);
    EXPECT_EQ(refused.error().code, refused_plain.error().code);
    EXPECT_EQ(refused.error().field, refused_plain.error().field);
    EXPECT_EQ(refused.error().message(), refused_plain.error().message());
    EXPECT_EQ(refused.error().field,
              "ballot.contests[0].options[" + std::to_string(option) + "]." + member);
  }
}

TEST(Messages, CastBallotHostileHex) {
  {
    json::object f = cast_ballot_frame();
    auto& alpha = option_of(f, 0, 1).as_object()["alpha"];
    std::string upper(alpha.as_string());
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    alpha = upper;
    expect_refused(f, errc::invalid_field, "ballot.contests[0].options[1].alpha");
  }
  {
    json::object f = cast_ballot_frame();
    auto& beta = option_of(f, 0, 2).as_object()["beta"];
    beta = std::string(beta.as_string()).substr(1);
    expect_refused(f, errc::invalid_field, "ballot.contests[0].options[2].beta");
  }
  {
    json::object f = cast_ballot_frame();
    f["ballot"].as_object()["ballot_id"] = "00";
    expect_refused(f, errc::invalid_field, "ballot.ballot_id");
  }
  {
    json::object f = cast_ballot_frame();
    f["ballot"].as_object()["signature"] = std::string(127, 'a');
    expect_refused(f, errc::invalid_field, "ballot.signature");
  }
}

TEST(Messages, CastBallotHostileGroupElements) {
  {
    json::object f = cast_ballot_frame();
    option_of(f, 0, 0).as_object()["alpha"] = std::string(64, '0');
    expect_refused(f, errc::invalid_point, "ballot.contests[0].options[0].alpha");
  }
  {
    // The identity is allowed as beta (an encryption of 0 can have it), but not an invalid point.
    json::object f = cast_ballot_frame();
    option_of(f, 0, 0).as_object()["beta"] = std::string(64, 'f');
    expect_refused(f, errc::invalid_point, "ballot.contests[0].options[0].beta");
  }
  {
    json::object f = cast_ballot_frame();
    f["ballot"].as_object()["voter_pk"] = std::string(64, '0');
    expect_refused(f, errc::invalid_point, "ballot.voter_pk");
  }
  {
    json::object f = cast_ballot_frame();
    option_of(f, 0, 1).as_object()["proof"].as_array()[1].as_object()["z"] = order_hex;
    expect_refused(f, errc::non_canonical_scalar, "ballot.contests[0].options[1].proof[1].z");
  }
  {
    json::object f = cast_ballot_frame(1);
    f["ballot"].as_object()["constraint_proofs"].as_array()[0].as_array()[2].as_object()["c"] =
        std::string(64, 'f');
    expect_refused(f, errc::non_canonical_scalar, "ballot.constraint_proofs[0][2].c");
  }
}

TEST(Messages, CastBallotHostileShapes) {
  {
    json::object f = cast_ballot_frame();
    f["ballot"].as_object().erase("signature");
    expect_refused(f, errc::invalid_field, "ballot.signature");
  }
  {
    json::object f = cast_ballot_frame();
    f.erase("ballot");
    expect_refused(f, errc::invalid_field, "ballot");
  }
  {
    json::object f = cast_ballot_frame();
    f["ballot"].as_object()["contests"] = json::object{};
    expect_refused(f, errc::invalid_field, "ballot.contests");
  }
  {
    json::object f = cast_ballot_frame();
    f["ballot"].as_object()["contests"] = json::array{};
    expect_refused(f, errc::invalid_field, "ballot.contests");
  }
  {
    json::object f = cast_ballot_frame();
    option_of(f, 0, 0).as_object()["proof"] = "none";
    expect_refused(f, errc::invalid_field, "ballot.contests[0].options[0].proof");
  }
  {
    json::object f = cast_ballot_frame();
    f["vote_id"] = "vote-2";
    expect_refused(f, errc::invalid_field, "ballot.vote_id");
  }
  {
    json::object f = cast_ballot_frame();
    f["vote_id"] = 1;
    expect_refused(f, errc::invalid_field, "vote_id");
  }
}

TEST(Messages, NumbersInMessages) {
  const std::string sig(128, 'a');
  auto checkin = [&](std::string_view unix_ms) {
    return R"({"v":1,"id":1,"type":"checkin","sitting_id":"s","unix_ms":)" + std::string(unix_ms) +
           R"(,"signature":")" + sig + "\"}";
  };
  EXPECT_TRUE(decode_frame(checkin("1790000000000")));
  expect_refused(checkin("1790000000000.5"), errc::invalid_field, "unix_ms");
  expect_refused(checkin("1.79e12"), errc::invalid_field, "unix_ms");
  expect_refused(checkin("-1"), errc::invalid_field, "unix_ms");
  expect_refused(checkin("99999999999999999999999"), errc::invalid_field, "unix_ms");
  expect_refused(checkin("true"), errc::invalid_field, "unix_ms");
  expect_refused(checkin("\"1790000000000\""), errc::invalid_field, "unix_ms");

  json::object keygen{{"v", 1},
                      {"id", 2},
                      {"type", "keygen"},
                      {"sitting_id", "s"},
                      {"message", test::kat().at("ceremony").at("messages").at(0)}};
  EXPECT_TRUE(decode_frame(json::serialize(keygen)));
  keygen["message"].as_object()["i"] = 1.0;
  expect_refused(keygen, errc::invalid_field, "message.i");
  keygen["message"].as_object()["i"] = 0;
  expect_refused(keygen, errc::invalid_field, "message.i");
  keygen["message"].as_object()["i"] = 1;
  keygen["message"].as_object()["commitments"].as_array()[1] = std::string(64, '0');
  expect_refused(keygen, errc::invalid_point, "message.commitments[1]");
}

TEST(Messages, PartialDecryptionAllowsAnIdentityShareOnly) {
  json::object f{{"v", 1},
                 {"id", 3},
                 {"type", "partial_decryption"},
                 {"vote_id", "vote-1"},
                 {"partial", kat_vote(0).at("tally").at("partials").at(0)}};
  auto& share = f["partial"].as_object()["shares"].as_array()[0].as_object();
  share["M"] = std::string(64, '0');
  EXPECT_TRUE(decode_frame(json::serialize(f)));
  share["M"] = std::string(64, 'f');
  expect_refused(f, errc::invalid_point, "partial.shares[0].M");
  share["M"] = std::string(64, '0');
  share["v"] = order_hex;
  expect_refused(f, errc::non_canonical_scalar, "partial.shares[0].v");
}

TEST(Messages, HelloRoundTrips) {
  const hello h{"congress-demo",
                crypto::byte_array<32>{4, 5, 6},
                voter_key(2).public_part(),
                1790000000000,
                true,
                {},
                std::nullopt};
  const std::string text = encode_hello(h);
  auto f = parse_server_frame(text);
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_FALSE(f->id.has_value());
  auto back = decode_hello(*f);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->congress_id, h.congress_id);
  EXPECT_EQ(back->server_nonce, h.server_nonce);
  EXPECT_EQ(back->congress_pk, h.congress_pk);
  EXPECT_EQ(back->server_unix_ms, h.server_unix_ms);
  EXPECT_TRUE(back->serving);
  EXPECT_TRUE(back->servers.empty());
  EXPECT_FALSE(back->signing_pk.has_value());
  EXPECT_EQ(encode_hello(*back), text);
}

TEST(Messages, HelloOfAStandbyNamesTheHallsServersAndTheSigningKey) {
  hello h{"congress-demo",
          crypto::byte_array<32>{4, 5, 6},
          voter_key(2).public_part(),
          1790000000000,
          true,
          {},
          std::nullopt};
  h.serving = false;
  h.servers = {"https://192.168.1.10:8443", "https://192.168.1.11:8443"};
  h.signing_pk = voter_key(3).public_part();
  const std::string text = encode_hello(h);
  auto f = parse_server_frame(text);
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_FALSE(f->fields.at("serving").as_bool());
  auto back = decode_hello(*f);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_FALSE(back->serving);
  EXPECT_EQ(back->servers, h.servers);
  ASSERT_TRUE(back->signing_pk.has_value());
  EXPECT_EQ(*back->signing_pk, voter_key(3).public_part());
  EXPECT_EQ(encode_hello(*back), text);

  // An older server's hello, without the three: serving, no addresses, the congress key signs.
  auto old = parse_server_frame(R"({"v":1,"type":"hello","congress_id":"c","server_nonce":")" +
                                std::string(64, '0') + R"(","congress_pk":")" +
                                voter_key(2).public_part().hex() + R"(","server_unix_ms":1})");
  ASSERT_TRUE(old) << old.error().message();
  auto read = decode_hello(*old);
  ASSERT_TRUE(read) << read.error().message();
  EXPECT_TRUE(read->serving);
  EXPECT_TRUE(read->servers.empty());
  EXPECT_FALSE(read->signing_pk.has_value());

  f->fields["serving"] = "no";
  EXPECT_FALSE(decode_hello(*f));
}

// A deterministic mutation loop over a valid request: the decoder must answer every mutant
// with a value or a refusal, never crash (the sanitizers watch memory and undefined behaviour).
TEST(Messages, MutatedFramesNeverCrash) {
  const std::string valid = json::serialize(cast_ballot_frame(1));
  std::mt19937 rng(20261127);
  const std::string alphabet = "{}[]\",:0123456789abcdefABCDEF-.eE \\u\xff\xc3";
  std::size_t refused = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text = valid;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          text.erase(at, 1 + rng() % 8);
          break;
        default:
          text.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
      }
    }
    auto r = decode_frame(text);
    if (!r) {
      ++refused;
      EXPECT_NE(r.error().code, errc::internal) << text;
    }
  }
  EXPECT_GT(refused, 250u);
}

}  // namespace
}  // namespace plenum::protocol
