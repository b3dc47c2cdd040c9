#include "plenum/crypto/roster_tree.hpp"

#include <algorithm>
#include <utility>

#include "plenum/crypto/hash.hpp"

namespace plenum::crypto {

digest32 roster_leaf_hash(const public_key& pk) {
  return transcript("roster-leaf").raw(pk.bytes()).h32();
}

digest32 roster_node_hash(const digest32& left, const digest32& right) {
  return transcript("roster-node").raw(left).raw(right).h32();
}

std::optional<roster_tree> roster_tree::build(std::span<const public_key> voters) {
  if (voters.empty()) return std::nullopt;
  std::vector<public_key> sorted(voters.begin(), voters.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const public_key& a, const public_key& b) { return a.bytes() < b.bytes(); });
  std::vector<std::vector<digest32>> levels(1);
  levels[0].reserve(sorted.size());
  for (const public_key& pk : sorted) levels[0].push_back(roster_leaf_hash(pk));
  while (levels.back().size() > 1) {
    const std::vector<digest32>& below = levels.back();
    std::vector<digest32> above;
    above.reserve((below.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < below.size(); i += 2) {
      above.push_back(roster_node_hash(below[i], below[i + 1]));
    }
    if (below.size() % 2 == 1) above.push_back(below.back());
    levels.push_back(std::move(above));
  }
  return roster_tree(std::move(levels));
}

std::optional<roster_path> roster_tree::inclusion_proof(std::uint64_t index) const {
  if (index >= count()) return std::nullopt;
  roster_path path;
  std::uint64_t at = index;
  for (std::size_t level = 0; level + 1 < levels_.size(); ++level) {
    const std::uint64_t sibling = at ^ 1U;
    if (sibling < levels_[level].size()) path.push_back(levels_[level][sibling]);
    at >>= 1U;
  }
  return path;
}

std::optional<digest32> roster_root(std::span<const public_key> voters) {
  auto tree = roster_tree::build(voters);
  if (!tree) return std::nullopt;
  return tree->root();
}

std::optional<roster_path> roster_inclusion_proof(std::span<const public_key> voters,
                                                  std::uint64_t index) {
  auto tree = roster_tree::build(voters);
  if (!tree) return std::nullopt;
  return tree->inclusion_proof(index);
}

bool verify_roster_inclusion(const digest32& root, std::uint64_t count, std::uint64_t index,
                             const public_key& pk, std::span<const digest32> path) {
  if (count == 0 || index >= count) return false;
  std::uint64_t fn = index;
  std::uint64_t sn = count - 1;
  digest32 r = roster_leaf_hash(pk);
  for (const digest32& p : path) {
    if (sn == 0) return false;
    if ((fn & 1U) == 1U || fn == sn) {
      r = roster_node_hash(p, r);
      while ((fn & 1U) == 0 && fn != 0) {
        fn >>= 1U;
        sn >>= 1U;
      }
    } else {
      r = roster_node_hash(r, p);
    }
    fn >>= 1U;
    sn >>= 1U;
  }
  return sn == 0 && r == root;
}

}  // namespace plenum::crypto
