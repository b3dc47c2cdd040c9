// What the tablet's JavaScript (clients/web) makes, checked by the C++ library: a node script
// emits ballots of every kind, the seeded random stream, board and receipt digests, a whole
// key ceremony with partial decryptions, and a PIN-sealed key share; every item must verify
// here and, where it is deterministic, be reproduced byte for byte.
#include <gtest/gtest.h>

#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "kat.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/pin_seal.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/tally.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace {

namespace json = boost::json;
using namespace plenum;
using crypto::to_hex;

constexpr int ballots_per_vote = 4;
constexpr std::size_t emitted_votes = 6;  // the four known-answer manifests and two more

// Runs the JavaScript emitter once per test program (CTest's web_build fixture compiles the
// library first; run alone, the program builds it if it was never built). Null (with the
// reason on stderr) when node, npm or the script fails, so every test then fails.
const json::object* js_vectors() {
  static const json::object* const doc = []() -> const json::object* {
    const std::string web = PLENUM_WEB_DIR;
    const std::string out =
        std::string(PLENUM_BINARY_DIR) + "/web_js_vectors_" + std::to_string(::getpid()) + ".json";
    const std::string command = "{ test -f '" + web + "/dist/crypto/index.js' || npm --prefix '" +
                                web + "' run --silent build; } && node '" + web +
                                "/scripts/emit_vectors.mjs' --out '" + out + "' --count " +
                                std::to_string(ballots_per_vote) + " > /dev/null";
    if (std::system(command.c_str()) != 0) {
      std::cerr << "the JavaScript emitter failed: " << command << '\n';
      return nullptr;
    }
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    std::remove(out.c_str());
    static json::object parsed = json::parse(text.str()).as_object();
    return &parsed;
  }();
  return doc;
}

std::string str(const json::value& v) { return std::string(v.as_string()); }

crypto::digest32 digest_field(const json::value& v) {
  auto d = crypto::from_hex_fixed<32>(v.as_string());
  if (!d) throw std::runtime_error("not a 32-byte hex string");
  return *d;
}

std::vector<crypto::public_key> kat_voters() {
  std::vector<crypto::public_key> voters;
  for (const auto& v : test::kat().at("voters").as_array()) {
    voters.push_back(test::public_key_field(v.at("pk")));
  }
  return voters;
}

crypto::ballot_choices choices_of(const json::value& v) {
  crypto::ballot_choices choices;
  for (const auto& contest : v.as_array()) {
    auto& row = choices.emplace_back();
    for (const auto& mark : contest.as_array())
      row.push_back(static_cast<std::uint8_t>(mark.as_int64()));
  }
  return choices;
}

TEST(JsVectors, SeededRandomStreamIsTheSame) {
  const auto* doc = js_vectors();
  ASSERT_NE(doc, nullptr);
  const auto& random = doc->at("random").as_object();
  crypto::seeded_random stream(std::string_view(random.at("label").as_string()));
  const auto& sizes = random.at("sizes").as_array();
  const auto& outputs = random.at("outputs").as_array();
  ASSERT_EQ(sizes.size(), outputs.size());
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    crypto::byte_vector out(static_cast<std::size_t>(sizes[i].as_int64()));
    stream.fill(out);
    EXPECT_EQ(to_hex(out), str(outputs[i])) << "fill " << i;
  }
}

TEST(JsVectors, BoardAndReceiptDigestsAreTheSame) {
  const auto* doc = js_vectors();
  ASSERT_NE(doc, nullptr);
  const auto& d = doc->at("digests").as_object();
  const auto& entry = d.at("entry").as_object();
  EXPECT_EQ(to_hex(crypto::entry_hash(entry.at("seq").to_number<std::uint64_t>(),
                                      digest_field(entry.at("prev")), str(entry.at("type")),
                                      str(entry.at("payload")))),
            str(entry.at("hash")));
  const auto& checkin = d.at("checkin").as_object();
  EXPECT_EQ(to_hex(crypto::checkin_digest(str(checkin.at("sitting_id")),
                                          test::public_key_field(checkin.at("pk")),
                                          checkin.at("unix_ms").to_number<std::uint64_t>())),
            str(checkin.at("digest")));
  const auto& auth = d.at("auth").as_object();
  EXPECT_EQ(to_hex(crypto::auth_digest(
                str(auth.at("congress_id")), test::hex_field(auth.at("server_nonce")),
                test::hex_field(auth.at("client_nonce")), test::public_key_field(auth.at("pk")))),
            str(auth.at("digest")));
  const auto& enroll = d.at("enroll").as_object();
  EXPECT_EQ(to_hex(crypto::enroll_digest(str(enroll.at("congress_id")),
                                         str(enroll.at("person_number")), str(enroll.at("code")),
                                         test::public_key_field(enroll.at("pk")))),
            str(enroll.at("digest")));
  const auto& receipt = d.at("receipt").as_object();
  EXPECT_EQ(to_hex(crypto::receipt_digest(digest_field(receipt.at("tracking_code")),
                                          receipt.at("seq").to_number<std::uint64_t>(),
                                          digest_field(receipt.at("entry_hash")))),
            str(receipt.at("digest")));
}

TEST(JsVectors, EveryJsBallotVerifiesAndIsReproduced) {
  const auto* doc = js_vectors();
  ASSERT_NE(doc, nullptr);
  const auto& kat_ceremony = test::kat().at("ceremony");
  const crypto::point joint_key = test::point_field(kat_ceremony.at("joint_key"));
  const crypto::digest32 ceremony_id = digest_field(kat_ceremony.at("ceremony_id"));
  const auto voters = kat_voters();
  const auto& voter_entries = test::kat().at("voters").as_array();
  const auto& votes = doc->at("votes").as_array();
  ASSERT_EQ(votes.size(), emitted_votes);
  std::size_t checked = 0;
  for (const auto& vote : votes) {
    auto m = protocol::decode_manifest(vote.at("manifest"));
    ASSERT_TRUE(m.has_value()) << json::serialize(vote.at("manifest"));
    SCOPED_TRACE(m->vote_id);
    const crypto::digest32 election = crypto::election_hash(
        ceremony_id, joint_key, crypto::manifest_hash(*m), crypto::roster_hash(voters));
    EXPECT_EQ(to_hex(election), str(vote.at("election_hash")));
    const auto& ballots = vote.at("ballots").as_array();
    ASSERT_EQ(ballots.size(), static_cast<std::size_t>(ballots_per_vote));
    for (const auto& entry : ballots) {
      SCOPED_TRACE(str(entry.at("seed")));
      auto b = protocol::decode_ballot(entry.at("ballot"));
      ASSERT_TRUE(b.has_value());
      EXPECT_EQ(crypto::verify_ballot(*m, election, joint_key, *b), crypto::ballot_status::ok);
      const crypto::digest32 digest = crypto::ballot_digest(*b, election);
      EXPECT_EQ(to_hex(digest), str(entry.at("digest")));
      const crypto::digest32 code = crypto::tracking_code(digest, b->sig);
      EXPECT_EQ(to_hex(code), str(entry.at("tracking_code")));
      EXPECT_EQ(crypto::tracking_code_display(code), str(entry.at("display")));

      // The same seed, voter and choices give the same ballot here.
      const auto voter = test::secret_key_field(
          voter_entries.at(static_cast<std::size_t>(entry.at("voter").as_int64())).at("sk"));
      crypto::seeded_random source(std::string_view(entry.at("seed").as_string()));
      auto ours = crypto::make_ballot(*m, election, joint_key, voter,
                                      choices_of(entry.at("choices")), source);
      ASSERT_TRUE(ours.has_value());
      EXPECT_TRUE(*ours == *b);
      EXPECT_EQ(json::value(protocol::encode_ballot(*ours)), entry.at("ballot"));
      ++checked;
    }
  }
  EXPECT_EQ(checked, emitted_votes * ballots_per_vote);
}

TEST(JsVectors, AlteredJsBallotsAreRefused) {
  const auto* doc = js_vectors();
  ASSERT_NE(doc, nullptr);
  const auto& kat_ceremony = test::kat().at("ceremony");
  const crypto::point joint_key = test::point_field(kat_ceremony.at("joint_key"));
  const auto& vote = doc->at("votes").as_array().at(4);  // the 7-candidate election
  auto m = protocol::decode_manifest(vote.at("manifest"));
  ASSERT_TRUE(m.has_value());
  const crypto::digest32 election = digest_field(vote.at("election_hash"));
  auto b = protocol::decode_ballot(vote.at("ballots").at(0).at("ballot"));
  ASSERT_TRUE(b.has_value());
  ASSERT_EQ(crypto::verify_ballot(*m, election, joint_key, *b), crypto::ballot_status::ok);

  crypto::ballot swapped = *b;  // two candidates' ciphertexts exchanged
  std::swap(swapped.contests[0].options[0].ct, swapped.contests[6].options[0].ct);
  EXPECT_EQ(crypto::verify_ballot(*m, election, joint_key, swapped),
            crypto::ballot_status::bad_option_proof);
  crypto::ballot resigned = *b;
  resigned.sig = crypto::signature{};
  EXPECT_EQ(crypto::verify_ballot(*m, election, joint_key, resigned),
            crypto::ballot_status::bad_signature);
}

TEST(JsVectors, JsKeyCeremonyAndPartialDecryptionsCheckOut) {
  const auto* doc = js_vectors();
  ASSERT_NE(doc, nullptr);
  const auto& c = doc->at("ceremony").as_object();
  std::vector<crypto::public_key> pks;
  std::vector<crypto::secret_key> sks;
  for (const auto& s : c.at("scrutineers").as_array()) {
    pks.push_back(test::public_key_field(s.at("pk")));
    sks.push_back(test::secret_key_field(s.at("sk")));
  }
  auto params = crypto::ceremony_params::create(str(c.at("congress_id")), str(c.at("sitting_id")),
                                                pks, c.at("k").to_number<std::uint64_t>());
  ASSERT_TRUE(params.has_value());
  EXPECT_EQ(params->n(), 4u);
  EXPECT_EQ(to_hex(params->ceremony_id()), str(c.at("ceremony_id")));

  std::vector<crypto::keygen_message> messages;
  for (const auto& m : c.at("messages").as_array()) {
    auto msg = protocol::decode_keygen_message(m);
    ASSERT_TRUE(msg.has_value());
    EXPECT_TRUE(crypto::check_keygen_message(*params, *msg)) << "dealer " << msg->dealer;
    messages.push_back(*msg);
  }
  // Boxes sealed by libsodium.js open here, and the shares match the commitments.
  for (std::uint64_t l = 1; l <= params->n(); ++l) {
    for (const auto& msg : messages) {
      const auto outcome = crypto::open_share(*params, msg, l, sks[l - 1]);
      EXPECT_TRUE(std::holds_alternative<crypto::scalar>(outcome))
          << "share " << msg.dealer << " -> " << l;
    }
  }
  const auto keys = crypto::compute_ceremony_keys(*params, messages);
  ASSERT_TRUE(keys.has_value());
  EXPECT_EQ(keys->joint_key.hex(), str(c.at("joint_key")));
  for (std::size_t l = 0; l < keys->verification_keys.size(); ++l) {
    EXPECT_EQ(keys->verification_keys[l].hex(), str(c.at("verification_keys").at(l)));
  }
  const crypto::digest32 key_digest = crypto::key_digest(*params, *keys);
  EXPECT_EQ(to_hex(key_digest), str(c.at("key_digest")));
  const auto& confirmations = c.at("confirmations").as_array();
  for (std::uint64_t l = 1; l <= params->n(); ++l) {
    EXPECT_TRUE(crypto::check_confirmation(*params, l, key_digest,
                                           test::signature_field(confirmations.at(l - 1))));
  }

  const auto& t = c.at("tally").as_object();
  auto m = protocol::decode_manifest(t.at("manifest"));
  ASSERT_TRUE(m.has_value());
  const crypto::digest32 election =
      crypto::election_hash(params->ceremony_id(), keys->joint_key, crypto::manifest_hash(*m),
                            crypto::roster_hash(kat_voters()));
  EXPECT_EQ(to_hex(election), str(t.at("election_hash")));
  crypto::tally_accumulator tally(3);
  for (const auto& bj : t.at("ballots").as_array()) {
    auto b = protocol::decode_ballot(bj);
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(crypto::verify_ballot(*m, election, keys->joint_key, *b), crypto::ballot_status::ok);
    std::vector<crypto::ciphertext> cts;
    for (const auto& option : b->contests.at(0).options) cts.push_back(option.ct);
    ASSERT_TRUE(tally.add(cts));
  }
  const auto& aggregates = t.at("aggregates").as_array();
  ASSERT_EQ(aggregates.size(), tally.aggregates().size());
  for (std::size_t p = 0; p < aggregates.size(); ++p) {
    EXPECT_EQ(tally.aggregates()[p].alpha.hex(), str(aggregates[p].at("A")));
    EXPECT_EQ(tally.aggregates()[p].beta.hex(), str(aggregates[p].at("B")));
  }
  std::vector<crypto::partial_decryption> partials;
  for (const auto& pj : t.at("partials").as_array()) {
    auto partial = protocol::decode_partial_decryption(pj);
    ASSERT_TRUE(partial.has_value());
    EXPECT_TRUE(
        crypto::check_partial_decryption(*params, *keys, election, tally.aggregates(), *partial))
        << "partial " << partial->index;
    partials.push_back(*partial);
  }
  const crypto::discrete_log_table table(tally.ballots());
  const auto counts =
      crypto::decrypt_counts(tally.aggregates(), partials, params->k(), tally.ballots(), table);
  ASSERT_TRUE(counts.has_value());
  const auto& expected = t.at("counts").as_array();
  ASSERT_EQ(counts->size(), expected.size());
  std::uint64_t total = 0;
  for (std::size_t p = 0; p < expected.size(); ++p) {
    EXPECT_EQ((*counts)[p], expected[p].to_number<std::uint64_t>());
    total += (*counts)[p];
  }
  EXPECT_EQ(total, tally.ballots());  // a motion ballot has exactly one mark
}

TEST(JsVectors, JsPinSealedShareOpensInCpp) {
  const auto* doc = js_vectors();
  ASSERT_NE(doc, nullptr);
  const auto& s = doc->at("pin_seal").as_object();
  const crypto::byte_vector sealed = test::hex_field(s.at("sealed"));
  const auto share = crypto::open_share_with_pin(sealed, str(s.at("pin")));
  ASSERT_TRUE(share.has_value());
  EXPECT_EQ(share->index(), s.at("index").to_number<std::uint64_t>());
  EXPECT_EQ(share->secret().hex(), str(s.at("z")));
  EXPECT_EQ(share->verification_key().hex(), str(s.at("Z")));
  EXPECT_FALSE(crypto::open_share_with_pin(sealed, "0000").has_value());
}

}  // namespace
