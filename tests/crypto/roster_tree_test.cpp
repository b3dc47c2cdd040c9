// The roster's Merkle tree (crypto/SPEC.md §4a): its root equals RFC 6962's recursive
// definition, every path verifies, anything changed is refused, and the committed known
// answers (tests/vectors/roster-tree.json) are what the generator computes and check on their own.
#include "plenum/crypto/roster_tree.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdint>
#include <vector>

#include "json_text.hpp"
#include "kat.hpp"
#include "plenum/crypto/random.hpp"
#include "roster_tree_vectors.hpp"

namespace plenum::crypto {
namespace {

namespace json = boost::json;

std::vector<public_key> random_keys(std::size_t count) {
  std::vector<public_key> keys;
  for (std::size_t i = 0; i < count; ++i) keys.push_back(secret_key::generate().public_part());
  return keys;
}

std::vector<public_key> sorted(std::vector<public_key> keys) {
  std::sort(keys.begin(), keys.end(),
            [](const public_key& a, const public_key& b) { return a.bytes() < b.bytes(); });
  return keys;
}

// RFC 6962 §2.1's MTH, written recursively and independently of the level-by-level build.
digest32 reference_root(std::span<const public_key> leaves) {
  if (leaves.size() == 1) return roster_leaf_hash(leaves[0]);
  std::size_t k = 1;
  while (k * 2 < leaves.size()) k *= 2;
  return roster_node_hash(reference_root(leaves.first(k)), reference_root(leaves.subspan(k)));
}

TEST(RosterTree, EmptyRosterIsRefused) {
  EXPECT_FALSE(roster_root({}));
  EXPECT_FALSE(roster_tree::build({}));
  EXPECT_FALSE(roster_inclusion_proof({}, 0));
}

TEST(RosterTree, EveryPathVerifiesAndAnyChangeIsRefused) {
  for (std::size_t n : {1, 2, 3, 5, 8, 1000}) {
    const std::vector<public_key> keys = sorted(random_keys(n));
    const auto tree = roster_tree::build(keys);
    ASSERT_TRUE(tree);
    ASSERT_EQ(tree->count(), n);
    EXPECT_EQ(tree->root(), reference_root(keys)) << n;
    EXPECT_EQ(roster_root(keys), tree->root());
    EXPECT_FALSE(tree->inclusion_proof(n));
    const public_key stranger = secret_key::generate().public_part();
    for (std::size_t i = 0; i < n; ++i) {
      const auto path = tree->inclusion_proof(i);
      ASSERT_TRUE(path);
      ASSERT_TRUE(verify_roster_inclusion(tree->root(), n, i, keys[i], *path)) << n << " " << i;
      // Spot checks of the refusals on every index of the small trees, a sample of the large.
      if (n > 8 && i % 97 != 0) continue;
      EXPECT_FALSE(verify_roster_inclusion(tree->root(), n, i, stranger, *path));
      if (n > 1) {
        EXPECT_FALSE(verify_roster_inclusion(tree->root(), n, (i + 1) % n, keys[i], *path));
        // A count only matters where it shapes the path: twice as many leaves make every path
        // longer, and a count at or below the index leaves no such leaf.
        EXPECT_FALSE(verify_roster_inclusion(tree->root(), 2 * n, i, keys[i], *path));
        EXPECT_FALSE(verify_roster_inclusion(tree->root(), i, i, keys[i], *path));
        roster_path bad = *path;
        bad.front()[0] ^= 1U;
        EXPECT_FALSE(verify_roster_inclusion(tree->root(), n, i, keys[i], bad));
        roster_path longer = *path;
        longer.push_back(tree->root());
        EXPECT_FALSE(verify_roster_inclusion(tree->root(), n, i, keys[i], longer));
        roster_path shorter(path->begin(), path->end() - 1);
        EXPECT_FALSE(verify_roster_inclusion(tree->root(), n, i, keys[i], shorter));
      }
      digest32 wrong_root = tree->root();
      wrong_root[31] ^= 1U;
      EXPECT_FALSE(verify_roster_inclusion(wrong_root, n, i, keys[i], *path));
      EXPECT_FALSE(verify_roster_inclusion(tree->root(), 0, i, keys[i], *path));
    }
  }
}

TEST(RosterTree, RootIgnoresTheOrderGiven) {
  std::vector<public_key> keys = random_keys(7);
  const auto root = roster_root(keys);
  std::reverse(keys.begin(), keys.end());
  EXPECT_EQ(roster_root(keys), root);
  keys.pop_back();
  EXPECT_NE(roster_root(keys), root);
}

TEST(RosterTree, CommittedKnownAnswersAreWhatTheGeneratorComputes) {
  const json::value file = test::load_vector_file("roster-tree.json");
  EXPECT_EQ(test::vectors::indented_json(file),
            test::vectors::indented_json(test::vectors::roster_tree_vectors()))
      << "regenerate with " << test::vectors::roster_tree_regenerate_command;
}

TEST(RosterTree, CommittedKnownAnswersCheckOnTheirOwn) {
  const json::value file = test::load_vector_file("roster-tree.json");
  const json::array& trees = file.at("trees").as_array();
  ASSERT_EQ(trees.size(), 5U);
  for (const json::value& t : trees) {
    std::vector<public_key> keys;
    for (const json::value& k : t.at("keys").as_array()) keys.push_back(test::public_key_field(k));
    const json::array& leaves = t.at("leaves").as_array();
    const json::array& paths = t.at("paths").as_array();
    ASSERT_EQ(leaves.size(), keys.size());
    ASSERT_EQ(paths.size(), keys.size());
    digest32 root{};
    const auto root_bytes = test::hex_field(t.at("root"));
    ASSERT_EQ(root_bytes.size(), 32U);
    std::copy(root_bytes.begin(), root_bytes.end(), root.begin());
    EXPECT_EQ(roster_root(keys), root);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      EXPECT_EQ(to_hex(roster_leaf_hash(keys[i])), leaves[i].as_string());
      roster_path path;
      for (const json::value& h : paths[i].as_array()) {
        const auto bytes = test::hex_field(h);
        ASSERT_EQ(bytes.size(), 32U);
        digest32 d{};
        std::copy(bytes.begin(), bytes.end(), d.begin());
        path.push_back(d);
      }
      EXPECT_TRUE(verify_roster_inclusion(root, keys.size(), i, keys[i], path));
    }
  }
}

}  // namespace
}  // namespace plenum::crypto
