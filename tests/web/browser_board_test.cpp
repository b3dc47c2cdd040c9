// The ballots cast in headless Chromium by the browser test (clients/web/e2e/sitting.mjs),
// checked with the C++ library: the board events the chair's browser received are read from
// $PLENUM_BROWSER_BOARD; for every vote the election hash is recomputed from the manifest,
// the roster and the ceremony, every ballot verifies, the ballots' ciphertexts summed and the
// scrutineers' partial decryptions combined give the counts the server recorded; and altered
// ballots are refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/discrete_log.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/tally.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace {

namespace json = boost::json;
using namespace plenum;

// One vote as the board tells it.
struct board_vote {
  json::object created;
  json::object opened;
  json::object roster;  ///< vote_roster's payload (a vote_opened of format 2)
  std::vector<json::object> ballots;
  std::vector<json::object> partials;
  json::object decided;
};

// The board events of the browser test, grouped by vote. Empty (and the tests fail) when the
// file is missing: run the browser test first (CTest's fixture does).
const std::map<std::string, board_vote>& board() {
  static const std::map<std::string, board_vote> votes = [] {
    std::map<std::string, board_vote> out;
    const char* path = std::getenv("PLENUM_BROWSER_BOARD");
    if (path == nullptr) return out;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().empty()) return out;
    const json::value doc = json::parse(text.str());
    for (const auto& e : doc.at("events").as_array()) {
      const auto& p = e.at("payload").as_object();
      const std::string type(e.at("type").as_string());
      auto& v = out[std::string(p.at("vote_id").as_string())];
      if (type == "vote_created") v.created = p;
      if (type == "vote_roster") v.roster = p;
      if (type == "vote_opened") v.opened = p;
      if (type == "ballot_accepted") v.ballots.push_back(p);
      if (type == "partial_submitted") v.partials.push_back(p);
      if (type == "vote_decided") v.decided = p;
    }
    return out;
  }();
  return votes;
}

// The roster keys of a vote: vote_opened's own (format 1) or its vote_roster's (format 2).
const json::array& roster_keys(const board_vote& v) {
  return v.opened.contains("roster") ? v.opened.at("roster").as_array()
                                     : v.roster.at("roster").as_array();
}

template <std::size_t N>
crypto::byte_array<N> hex_field(const json::value& v) {
  auto bytes = crypto::from_hex_fixed<N>(v.as_string());
  if (!bytes) throw std::runtime_error("bad hex field");
  return *bytes;
}

crypto::point point_field(const json::value& v) {
  auto p = crypto::point::from_hex(v.as_string());
  if (!p) throw std::runtime_error("bad point");
  return *p;
}

crypto::manifest manifest_of(const board_vote& v) {
  return protocol::decode_manifest(v.created.at("manifest")).value();
}

crypto::ballot ballot_of(const json::object& accepted) {
  return protocol::decode_ballot(accepted.at("ballot")).value();
}

TEST(BrowserBoard, HoldsTheFourVotesOfTheSitting) {
  ASSERT_EQ(board().size(), 4u) << "PLENUM_BROWSER_BOARD must name the browser test's board";
  std::set<std::string> kinds;
  for (const auto& [id, v] : board()) {
    kinds.insert(std::string(v.created.at("kind").as_string()));
    EXPECT_EQ(v.ballots.size(), 6u) << id;
    EXPECT_FALSE(v.decided.empty()) << id;
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"motion", "election", "appraisal", "confidence"}));
}

TEST(BrowserBoard, ElectionHashesFollowFromManifestRosterAndCeremony) {
  ASSERT_FALSE(board().empty());
  for (const auto& [id, v] : board()) {
    const auto m = manifest_of(v);
    const auto mh = crypto::manifest_hash(m);
    EXPECT_EQ(crypto::to_hex(mh), v.opened.at("manifest_hash").as_string()) << id;
    std::vector<crypto::public_key> roster;
    for (const auto& k : roster_keys(v))
      roster.push_back(*crypto::public_key::from_hex(k.as_string()));
    const auto rh = crypto::roster_hash(roster);
    EXPECT_EQ(crypto::to_hex(rh), v.opened.at("roster_hash").as_string()) << id;
    const auto eh = crypto::election_hash(hex_field<32>(v.opened.at("ceremony_id")),
                                          point_field(v.opened.at("joint_key")), mh, rh);
    EXPECT_EQ(crypto::to_hex(eh), v.opened.at("election_hash").as_string()) << id;
  }
}

TEST(BrowserBoard, EveryBrowserBallotVerifies) {
  ASSERT_FALSE(board().empty());
  for (const auto& [id, v] : board()) {
    const auto m = manifest_of(v);
    const auto eh = hex_field<32>(v.opened.at("election_hash"));
    const auto k = point_field(v.opened.at("joint_key"));
    std::set<std::string> roster;
    for (const auto& key : roster_keys(v)) roster.emplace(key.as_string());
    std::set<std::string> ids;
    for (const auto& accepted : v.ballots) {
      const auto b = ballot_of(accepted);
      EXPECT_EQ(crypto::verify_ballot(m, eh, k, b), crypto::ballot_status::ok)
          << id << " ballot of " << accepted.at("person").as_string();
      EXPECT_TRUE(roster.contains(b.voter_pk.hex())) << id;
      EXPECT_EQ(crypto::to_hex(crypto::ballot_digest(b, eh)), accepted.at("digest").as_string());
      EXPECT_EQ(crypto::to_hex(crypto::tracking_code(crypto::ballot_digest(b, eh), b.sig)),
                accepted.at("tracking_code").as_string());
      EXPECT_TRUE(ids.insert(crypto::to_hex(b.ballot_id)).second) << "ballot id reused in " << id;
    }
  }
}

TEST(BrowserBoard, AlteredBrowserBallotsAreRefused) {
  ASSERT_FALSE(board().empty());
  for (const auto& [id, v] : board()) {
    const auto m = manifest_of(v);
    const auto eh = hex_field<32>(v.opened.at("election_hash"));
    const auto k = point_field(v.opened.at("joint_key"));
    const auto b = ballot_of(v.ballots.front());

    auto swapped = b;  // the first contest's first two options exchanged: another choice
    std::swap(swapped.contests[0].options[0].ct, swapped.contests[0].options[1].ct);
    EXPECT_NE(crypto::verify_ballot(m, eh, k, swapped), crypto::ballot_status::ok) << id;

    auto other_election = eh;
    other_election[0] ^= 1;
    EXPECT_NE(crypto::verify_ballot(m, other_election, k, b), crypto::ballot_status::ok) << id;

    const auto other_voter = ballot_of(v.ballots.back());
    auto stolen = b;  // another voter's signature
    stolen.sig = other_voter.sig;
    EXPECT_NE(crypto::verify_ballot(m, eh, k, stolen), crypto::ballot_status::ok) << id;
  }
}

TEST(BrowserBoard, PartialDecryptionsOfTheBrowserBallotsGiveTheRecordedCounts) {
  ASSERT_FALSE(board().empty());
  for (const auto& [id, v] : board()) {
    const auto m = manifest_of(v);
    std::size_t positions = 0;
    for (const auto& c : m.contests) positions += c.options.size();
    crypto::tally_accumulator tally(positions);
    for (const auto& accepted : v.ballots) {
      const auto b = ballot_of(accepted);
      std::vector<crypto::ciphertext> cts;
      for (const auto& c : b.contests)
        for (const auto& o : c.options) cts.push_back(o.ct);
      ASSERT_TRUE(tally.add(cts)) << id;
    }
    std::vector<crypto::partial_decryption> partials;
    for (const auto& p : v.partials)
      partials.push_back(protocol::decode_partial_decryption(p.at("partial")).value());
    ASSERT_GE(partials.size(), 2u) << id;
    const crypto::discrete_log_table table(tally.ballots());
    const auto counts = crypto::decrypt_counts(tally.aggregates(), partials, partials.size(),
                                               tally.ballots(), table);
    ASSERT_TRUE(counts.has_value()) << id;
    std::vector<std::uint64_t> recorded;
    for (const auto& c : v.decided.at("counts").as_array())
      recorded.push_back(c.to_number<std::uint64_t>());
    EXPECT_EQ(*counts, recorded) << id;

    // One partial alone is below the threshold of two.
    const std::vector<crypto::partial_decryption> one(partials.begin(), partials.begin() + 1);
    EXPECT_FALSE(
        crypto::decrypt_counts(tally.aggregates(), one, 2, tally.ballots(), table).has_value())
        << id;
  }
}

}  // namespace
