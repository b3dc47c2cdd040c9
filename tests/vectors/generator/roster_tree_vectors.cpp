#include "roster_tree_vectors.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "plenum/crypto/roster_tree.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::test::vectors {

namespace json = boost::json;

namespace {

std::vector<crypto::public_key> sorted_keys(std::size_t count) {
  std::vector<crypto::public_key> keys;
  for (std::size_t i = 0; i < count; ++i) {
    crypto::byte_array<32> seed{};
    seed.fill(static_cast<std::uint8_t>(i + 1));
    keys.push_back(crypto::secret_key::from_seed(seed).public_part());
  }
  std::sort(keys.begin(), keys.end(), [](const crypto::public_key& a, const crypto::public_key& b) {
    return a.bytes() < b.bytes();
  });
  return keys;
}

json::array hex_list(const std::vector<crypto::digest32>& digests) {
  json::array out;
  for (const crypto::digest32& d : digests) out.push_back(json::string(crypto::to_hex(d)));
  return out;
}

json::object tree_json(std::size_t count) {
  const std::vector<crypto::public_key> keys = sorted_keys(count);
  const auto tree = crypto::roster_tree::build(keys);
  if (!tree) throw std::runtime_error("roster tree vectors: the tree was refused");
  json::array key_hex;
  std::vector<crypto::digest32> leaves;
  json::array paths;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    key_hex.push_back(json::string(keys[i].hex()));
    leaves.push_back(crypto::roster_leaf_hash(keys[i]));
    const auto path = tree->inclusion_proof(i);
    if (!path || !crypto::verify_roster_inclusion(tree->root(), count, i, keys[i], *path)) {
      throw std::runtime_error("roster tree vectors: a path does not verify");
    }
    paths.push_back(hex_list(*path));
  }
  json::object out;
  out.emplace("keys", std::move(key_hex));
  out.emplace("leaves", hex_list(leaves));
  out.emplace("root", crypto::to_hex(tree->root()));
  out.emplace("paths", std::move(paths));
  return out;
}

}  // namespace

json::object roster_tree_vectors() {
  json::array trees;
  for (std::size_t count : {1, 2, 3, 5, 8}) trees.push_back(tree_json(count));
  json::object out;
  out.emplace("description",
              "Roster Merkle tree (crypto/SPEC.md 4a): leaf = H32(\"roster-leaf\", pk), node = "
              "H32(\"roster-node\", left, right), RFC 6962 shape over the keys sorted bytewise; "
              "paths lowest sibling first.");
  out.emplace("trees", std::move(trees));
  return out;
}

}  // namespace plenum::test::vectors
