// plenum-loadgen's tablets check their place on a vote's roster as the app does: the pushed
// vote_opened is the congress's (entry hash, signature) and names the roster's Merkle root and
// count; a get_roster_proof answer must prove the tablet's own key against them. Real keys,
// real trees, real signatures; each lie a server could tell is caught.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include <boost/json/array.hpp>
#include <plenum/crypto/board.hpp>
#include <plenum/crypto/group.hpp>
#include <plenum/crypto/roster_tree.hpp>
#include <plenum/protocol/codec_board.hpp>
#include <plenum/protocol/events.hpp>

#include "roster_proof_check.hpp"

namespace plenum::clients::loadgen {
namespace {

namespace json = boost::json;

// The board event of `payload` at seq 7, chained to a made-up entry and signed with `signer`.
json::value board_event_of(const protocol::congress_event& payload,
                           const crypto::secret_key& signer) {
  protocol::board_event e;
  e.seq = 7;
  e.prev_hash.fill(0x42);
  e.type = std::string(protocol::event_type(payload));
  e.payload = protocol::encode_event_payload(payload);
  e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
  e.sig = signer.sign(e.entry_hash);
  return protocol::encode_board_event(e);
}

class LoadgenRosterProof : public ::testing::Test {
 protected:
  LoadgenRosterProof() : congress(crypto::secret_key::generate()) {
    for (int i = 0; i < 5; ++i) tablets.push_back(crypto::secret_key::generate().public_part());
    sorted = tablets;
    std::sort(sorted.begin(), sorted.end());
    tree = *crypto::roster_tree::build(sorted);
  }

  // vote_opened of format 2 for the five tablets' roster.
  [[nodiscard]] protocol::events::vote_opened opened() const {
    protocol::events::vote_opened v;
    v.vote_id = "v1";
    v.seated = v.present = 5;
    v.required = 3;
    v.joint_key = crypto::point::base_mul(crypto::scalar::from_u64(12345));
    v.roster_seq = 6;
    v.roster_count = sorted.size();
    v.roster_root = tree->root();
    v.format = 2;
    return v;
  }

  // The basis read from the signed event.
  [[nodiscard]] vote_basis basis() const {
    auto read = read_vote_opened(board_event_of(opened(), congress), congress.public_part());
    EXPECT_TRUE(read.refused.empty()) << read.refused;
    EXPECT_TRUE(read.basis.has_value());
    return read.basis.value_or(vote_basis{});
  }

  // The server's honest answer for the key at `index` of the sorted roster.
  [[nodiscard]] json::object reply_for(std::uint64_t index) const {
    json::array path;
    const auto hashes = tree->inclusion_proof(index).value();
    for (const auto& h : hashes) path.emplace_back(crypto::to_hex(h));
    return {{"proof",
             json::object{
                 {"vote_id", "v1"}, {"index", index}, {"count", sorted.size()}, {"path", path}}}};
  }

  [[nodiscard]] std::uint64_t index_of(const crypto::public_key& pk) const {
    return static_cast<std::uint64_t>(std::find(sorted.begin(), sorted.end(), pk) - sorted.begin());
  }

  crypto::secret_key congress;
  std::vector<crypto::public_key> tablets;
  std::vector<crypto::public_key> sorted;
  std::optional<crypto::roster_tree> tree;
};

constexpr const char* not_proven = "roster proof does not prove the tablet's key";

TEST_F(LoadgenRosterProof, EveryTabletsHonestPathProvesItsKey) {
  const auto b = basis();
  EXPECT_EQ(b.vote_id, "v1");
  EXPECT_EQ(b.roster_count, 5U);
  EXPECT_EQ(b.roster_root, tree->root());
  for (const auto& pk : tablets)
    EXPECT_EQ(roster_proof_error(b, reply_for(index_of(pk)), pk), std::nullopt);
}

TEST_F(LoadgenRosterProof, AHashOfThePathChangedIsCaught) {
  const auto& pk = tablets[2];
  for (std::size_t level = 0; level < tree->inclusion_proof(index_of(pk))->size(); ++level) {
    auto reply = reply_for(index_of(pk));
    auto& hash = reply["proof"].as_object()["path"].as_array()[level];
    auto bytes = *crypto::from_hex_fixed<32>(std::string_view(hash.as_string()));
    bytes[0] ^= 1;
    hash = crypto::to_hex(bytes);
    EXPECT_EQ(roster_proof_error(basis(), reply, pk), not_proven) << "level " << level;
  }
}

TEST_F(LoadgenRosterProof, AnotherTabletsPathOrPlaceIsCaught) {
  const auto& pk = tablets[0];
  const auto mine = index_of(pk);
  const auto other = (mine + 1) % sorted.size();
  // Another key's path, with its index or with mine.
  EXPECT_EQ(roster_proof_error(basis(), reply_for(other), pk), not_proven);
  auto theirs_as_mine = reply_for(other);
  theirs_as_mine["proof"].as_object()["index"] = mine;
  EXPECT_EQ(roster_proof_error(basis(), theirs_as_mine, pk), not_proven);
  // My path at another place, or beyond the roster.
  auto moved = reply_for(mine);
  moved["proof"].as_object()["index"] = other;
  EXPECT_EQ(roster_proof_error(basis(), moved, pk), not_proven);
  moved["proof"].as_object()["index"] = sorted.size();
  EXPECT_EQ(roster_proof_error(basis(), moved, pk), not_proven);
}

TEST_F(LoadgenRosterProof, APathShortenedOrLengthenedIsCaught) {
  const auto& pk = tablets[4];
  auto shorter = reply_for(index_of(pk));
  shorter["proof"].as_object()["path"].as_array().pop_back();
  EXPECT_EQ(roster_proof_error(basis(), shorter, pk), not_proven);
  auto longer = reply_for(index_of(pk));
  longer["proof"].as_object()["path"].as_array().emplace_back(crypto::to_hex(tree->root()));
  EXPECT_EQ(roster_proof_error(basis(), longer, pk), not_proven);
}

TEST_F(LoadgenRosterProof, AKeyOffTheRosterIsNotProvenByAnyPath) {
  const auto stranger = crypto::secret_key::generate().public_part();
  for (std::uint64_t i = 0; i < sorted.size(); ++i)
    EXPECT_EQ(roster_proof_error(basis(), reply_for(i), stranger), not_proven) << i;
}

TEST_F(LoadgenRosterProof, AnotherCountOrNoProofIsCaught) {
  const auto& pk = tablets[1];
  auto recount = reply_for(index_of(pk));
  recount["proof"].as_object()["count"] = 4;
  EXPECT_EQ(roster_proof_error(basis(), recount, pk), "roster proof of another roster");
  EXPECT_EQ(roster_proof_error(basis(), json::object{}, pk), "roster proof missing");
  auto not_hex = reply_for(index_of(pk));
  not_hex["proof"].as_object()["path"].as_array()[0] = "zz";
  EXPECT_EQ(roster_proof_error(basis(), not_hex, pk), "roster proof missing");
  auto negative = reply_for(index_of(pk));
  negative["proof"].as_object()["index"] = -1;
  EXPECT_EQ(roster_proof_error(basis(), negative, pk), "roster proof missing");
}

TEST_F(LoadgenRosterProof, AVoteOpenedNotTheCongresssIsRefused) {
  const auto other_signer = crypto::secret_key::generate();
  auto read = read_vote_opened(board_event_of(opened(), other_signer), congress.public_part());
  EXPECT_FALSE(read.basis);
  EXPECT_EQ(read.refused, "vote_opened not signed by the congress");
  // Another root put in the payload: its entry hash no longer holds.
  auto event = board_event_of(opened(), congress);
  auto lied = opened();
  lied.roster_root->fill(0x11);
  event.as_object()["payload"] = protocol::encode_event_payload(lied);
  read = read_vote_opened(event, congress.public_part());
  EXPECT_FALSE(read.basis);
  EXPECT_EQ(read.refused, "vote_opened undecodable");
}

TEST_F(LoadgenRosterProof, FormatOneHasNothingToProve) {
  auto v = opened();
  v.format.reset();
  v.roster_seq.reset();
  v.roster_count.reset();
  v.roster_root.reset();
  v.roster = sorted;
  for (int i = 1; i <= 5; ++i) v.eligible.push_back("D0000" + std::to_string(i));
  const auto read = read_vote_opened(board_event_of(v, congress), congress.public_part());
  EXPECT_FALSE(read.basis);
  EXPECT_TRUE(read.refused.empty());
}

}  // namespace
}  // namespace plenum::clients::loadgen
