// Hostile values for the codecs beyond the ballot: manifests, keygen messages, confirmations,
// partial decryptions, board events and receipts.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "kat.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

template <typename T>
void expect_refused(const decoded<T>& r, errc code, std::string_view field) {
  ASSERT_FALSE(r) << "accepted";
  EXPECT_EQ(r.error().code, code) << r.error().message();
  EXPECT_EQ(r.error().field, field) << r.error().message();
}

json::object election_manifest() {
  return test::kat().at("votes").at(1).at("manifest").as_object();
}

json::object& contest(json::object& m, std::size_t i) {
  return m["contests"].as_array()[i].as_object();
}

TEST(ManifestCodec, RefusesBadFields) {
  {
    auto m = election_manifest();
    m["kind"] = "referendum";
    expect_refused(decode_manifest(m), errc::invalid_field, "kind");
  }
  {
    auto m = election_manifest();
    m["title"] = std::string(max_manifest_text_bytes + 1, 'x');
    expect_refused(decode_manifest(m), errc::invalid_field, "title");
  }
  {
    auto m = election_manifest();
    contest(m, 1)["min"] = -1;
    expect_refused(decode_manifest(m), errc::invalid_field, "contests[1].min");
  }
  {
    auto m = election_manifest();
    contest(m, 2)["options"].as_array()[1].as_object()["label"] = 5;
    expect_refused(decode_manifest(m), errc::invalid_field, "contests[2].options[1].label");
  }
  {
    auto m = election_manifest();
    m["constraints"].as_array()[0].as_object()["positions"].as_array()[3] = json::array{3};
    expect_refused(decode_manifest(m), errc::invalid_field, "constraints[0].positions[3]");
  }
  {
    auto m = election_manifest();
    m["contests"] = json::array{};
    expect_refused(decode_manifest(m), errc::invalid_field, "contests");
  }
  {
    auto m = election_manifest();
    m.erase("constraints");
    expect_refused(decode_manifest(m), errc::invalid_field, "constraints");
  }
}

TEST(ManifestCodec, RefusesMalformedManifestsAsInvalidVote) {
  {
    auto m = election_manifest();
    contest(m, 1)["contest_id"] = contest(m, 0)["contest_id"];
    expect_refused(decode_manifest(m), errc::invalid_vote, "contests");
  }
  {
    auto m = election_manifest();
    contest(m, 0)["min"] = 2;
    expect_refused(decode_manifest(m), errc::invalid_vote, "contests");
  }
  {
    auto m = election_manifest();
    m["constraints"].as_array()[0].as_object()["positions"].as_array()[0] = json::array{9, 0};
    expect_refused(decode_manifest(m), errc::invalid_vote, "constraints");
  }
}

TEST(CeremonyCodec, RefusesBadKeygenMessages) {
  const json::object valid = test::kat().at("ceremony").at("messages").at(1).as_object();
  {
    auto m = valid;
    m["proofs"].as_array().pop_back();
    expect_refused(decode_keygen_message(m), errc::invalid_field, "proofs");
  }
  {
    auto m = valid;
    m["sealed"].as_array()[2] = std::string(158, 'a');
    expect_refused(decode_keygen_message(m), errc::invalid_field, "sealed[2]");
  }
  {
    auto m = valid;
    m["proofs"].as_array()[0].as_object()["v"] = std::string(64, 'f');
    expect_refused(decode_keygen_message(m), errc::non_canonical_scalar, "proofs[0].v");
  }
  {
    auto m = valid;
    m["commitments"].as_array()[0] = std::string(64, 'f');
    expect_refused(decode_keygen_message(m), errc::invalid_point, "commitments[0]");
  }
  {
    auto m = valid;
    m["i"] = max_scrutineers + 1;
    expect_refused(decode_keygen_message(m), errc::invalid_field, "i");
  }
  {
    auto m = valid;
    m["extra"] = true;
    expect_refused(decode_keygen_message(m), errc::invalid_field, "extra");
  }
  expect_refused(decode_key_confirmation(json::parse(R"({"index":1})")), errc::invalid_field,
                 "signature");
  expect_refused(decode_key_confirmation(json::parse(R"({"index":0,"signature":""})")),
                 errc::invalid_field, "index");
}

TEST(DecryptionCodec, RefusesBadPartials) {
  const json::object valid =
      test::kat().at("votes").at(0).at("tally").at("partials").at(1).as_object();
  {
    auto p = valid;
    p["shares"] = json::array{};
    expect_refused(decode_partial_decryption(p), errc::invalid_field, "shares");
  }
  {
    auto p = valid;
    p["shares"].as_array()[2].as_object().erase("c");
    expect_refused(decode_partial_decryption(p), errc::invalid_field, "shares[2].c");
  }
  {
    auto p = valid;
    p["index"] = "1";
    expect_refused(decode_partial_decryption(p), errc::invalid_field, "index");
  }
}

TEST(BoardCodec, RefusesBadEventsAndReceipts) {
  const json::object event{{"seq", 0},
                           {"prev_hash", std::string(64, '0')},
                           {"type", "t"},
                           {"payload", "{}"},
                           {"entry_hash", std::string(64, '0')},
                           {"signature", std::string(128, '0')}};
  expect_refused(decode_board_event(event), errc::invalid_field, "entry_hash");
  {
    auto e = event;
    e["payload"] = json::object{};
    expect_refused(decode_board_event(e), errc::invalid_field, "payload");
  }
  {
    auto e = event;
    e["seq"] = 1.5;
    expect_refused(decode_board_event(e), errc::invalid_field, "seq");
  }
  const json::object receipt{{"tracking_code", std::string(64, 'A')},
                             {"board_seq", 1},
                             {"board_entry_hash", std::string(64, '0')},
                             {"signature", std::string(128, '0')}};
  expect_refused(decode_receipt(receipt), errc::invalid_field, "tracking_code");
}

}  // namespace
}  // namespace plenum::protocol
