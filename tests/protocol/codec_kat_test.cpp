// Every structure of the known answers decodes, and re-encodes to the identical JSON text.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "kat.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

const json::array& kat_votes() { return test::kat().at("votes").as_array(); }
const json::object& kat_ceremony() { return test::kat().at("ceremony").as_object(); }

TEST(CodecKat, ManifestsRoundTrip) {
  ASSERT_EQ(kat_votes().size(), 4u);
  for (const auto& vote : kat_votes()) {
    const json::value& text = vote.at("manifest");
    auto m = decode_manifest(text);
    ASSERT_TRUE(m) << m.error().message();
    EXPECT_EQ(json::serialize(encode_manifest(*m)), json::serialize(text));
    EXPECT_EQ(crypto::to_hex(crypto::manifest_hash(*m)), vote.at("manifest_hash").as_string());
  }
}

TEST(CodecKat, BallotsRoundTripAndVerify) {
  const crypto::point joint_key = test::point_field(kat_ceremony().at("joint_key"));
  std::size_t count = 0;
  for (const auto& vote : kat_votes()) {
    auto m = decode_manifest(vote.at("manifest"));
    ASSERT_TRUE(m);
    const auto election_hash = crypto::from_hex_fixed<32>(vote.at("election_hash").as_string());
    ASSERT_TRUE(election_hash);
    for (const auto& entry : vote.at("ballots").as_array()) {
      const json::value& text = entry.at("ballot");
      auto b = decode_ballot(text);
      ASSERT_TRUE(b) << b.error().message();
      EXPECT_EQ(json::serialize(encode_ballot(*b)), json::serialize(text));
      EXPECT_EQ(crypto::verify_ballot(*m, *election_hash, joint_key, *b),
                crypto::ballot_status::ok);
      const auto digest = crypto::ballot_digest(*b, *election_hash);
      EXPECT_EQ(crypto::to_hex(digest), entry.at("digest").as_string());
      EXPECT_EQ(crypto::to_hex(crypto::tracking_code(digest, b->sig)),
                entry.at("tracking_code").as_string());
      ++count;
    }
  }
  EXPECT_EQ(count, 20u);
}

// The invalid ballots whose fault is an encoding are refused by the decoder with the specific
// code and the field's path; the others decode (their proofs or signature fail later) and
// re-encode identically.
TEST(CodecKat, InvalidBallotsRefusedOrRoundTrip) {
  std::size_t refused_scalar = 0;
  std::size_t refused_alpha = 0;
  std::size_t decoded_ok = 0;
  for (const auto& vote : kat_votes()) {
    for (const auto& entry : vote.at("invalid").as_array()) {
      const std::string why(entry.at("why").as_string());
      const json::value& text = entry.at("ballot");
      auto b = decode_ballot(text);
      if (why.find("non-canonical scalar") != std::string::npos) {
        ASSERT_FALSE(b) << why;
        EXPECT_EQ(b.error().code, errc::non_canonical_scalar);
        EXPECT_EQ(b.error().field.rfind("contests[", 0), 0u) << b.error().field;
        EXPECT_NE(b.error().field.find("].proof["), std::string::npos) << b.error().field;
        ++refused_scalar;
      } else if (why.find("identity alpha") != std::string::npos) {
        ASSERT_FALSE(b) << why;
        EXPECT_EQ(b.error().code, errc::invalid_point);
        EXPECT_EQ(b.error().field.substr(b.error().field.size() - 6), ".alpha") << b.error().field;
        ++refused_alpha;
      } else {
        ASSERT_TRUE(b) << why << ": " << b.error().message();
        EXPECT_EQ(json::serialize(encode_ballot(*b)), json::serialize(text));
        ++decoded_ok;
      }
    }
  }
  EXPECT_EQ(refused_scalar, 4u);
  EXPECT_EQ(refused_alpha, 4u);
  EXPECT_EQ(decoded_ok, 18u);
}

TEST(CodecKat, KeygenMessagesRoundTrip) {
  const auto& messages = kat_ceremony().at("messages").as_array();
  ASSERT_EQ(messages.size(), 3u);
  for (std::size_t i = 0; i < messages.size(); ++i) {
    auto m = decode_keygen_message(messages[i]);
    ASSERT_TRUE(m) << m.error().message();
    EXPECT_EQ(m->dealer, i + 1);
    EXPECT_EQ(m->commitments.size(), 2u);
    EXPECT_EQ(m->sealed_shares.size(), 3u);
    EXPECT_EQ(json::serialize(encode_keygen_message(*m)), json::serialize(messages[i]));
  }
}

TEST(CodecKat, ConfirmationsRoundTrip) {
  const auto& confirmations = kat_ceremony().at("confirmations").as_array();
  ASSERT_EQ(confirmations.size(), 3u);
  for (std::size_t i = 0; i < confirmations.size(); ++i) {
    json::object text{{"index", i + 1}, {"signature", confirmations[i]}};
    auto c = decode_key_confirmation(text);
    ASSERT_TRUE(c) << c.error().message();
    EXPECT_EQ(c->index, i + 1);
    EXPECT_EQ(c->sig, test::signature_field(confirmations[i]));
    EXPECT_EQ(json::serialize(encode_key_confirmation(*c)), json::serialize(text));
  }
}

TEST(CodecKat, PartialDecryptionsRoundTrip) {
  std::size_t count = 0;
  for (const auto& vote : kat_votes()) {
    for (const auto& text : vote.at("tally").at("partials").as_array()) {
      auto p = decode_partial_decryption(text);
      ASSERT_TRUE(p) << p.error().message();
      EXPECT_EQ(json::serialize(encode_partial_decryption(*p)), json::serialize(text));
      ++count;
    }
  }
  EXPECT_EQ(count, 8u);
}

TEST(CodecKat, BoardEventRoundTripAndHashCheck) {
  const auto key = test::secret_key_field(test::kat().at("voters").at(0).at("sk"));
  board_event e;
  e.seq = 0;
  e.prev_hash = crypto::genesis_hash;
  e.type = "sitting_opened";
  e.payload = R"({"sitting_id":"sitting-2026","title":"年会"})";
  e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
  e.sig = key.sign(e.entry_hash);
  const json::object text = encode_board_event(e);
  EXPECT_EQ(text.at("payload").as_string(), e.payload);
  auto back = decode_board_event(json::parse(json::serialize(text)));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, e);

  json::object tampered = text;
  tampered["payload"] = R"({"sitting_id":"sitting-2027","title":"年会"})";
  auto refused = decode_board_event(tampered);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::invalid_field);
  EXPECT_EQ(refused.error().field, "entry_hash");
}

TEST(CodecKat, ReceiptRoundTrip) {
  const auto& entry = kat_votes().at(0).at("ballots").at(0);
  const auto key = test::secret_key_field(test::kat().at("voters").at(0).at("sk"));
  receipt r;
  r.tracking_code = *crypto::from_hex_fixed<32>(entry.at("tracking_code").as_string());
  r.board_seq = 42;
  r.board_entry_hash = crypto::entry_hash(42, crypto::genesis_hash, "ballot_cast", "{}");
  r.sig = key.sign(crypto::receipt_digest(r.tracking_code, r.board_seq, r.board_entry_hash));
  const json::object text = encode_receipt(r);
  EXPECT_EQ(text.at("tracking_code").as_string(), entry.at("tracking_code").as_string());
  auto back = decode_receipt(text);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, r);
  EXPECT_TRUE(key.public_part().verify(
      crypto::receipt_digest(back->tracking_code, back->board_seq, back->board_entry_hash),
      back->sig));
}

}  // namespace
}  // namespace plenum::protocol
