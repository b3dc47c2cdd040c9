// The Merkle tree over a vote's roster (SPEC.md §4a), so that a tablet checks its own key is in
// the roster from a short path instead of the whole list. Leaves are the voters' keys sorted
// bytewise; the shape is RFC 6962's (a node over n > 1 leaves splits them at the largest power
// of two below n; an odd node is never duplicated), with domain-separated H32:
//   leaf = H32("roster-leaf", pk),  node = H32("roster-node", left, right).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

/// The sibling hashes from a leaf up to the root, lowest first.
using roster_path = std::vector<digest32>;

/// H32("roster-leaf", pk).
[[nodiscard]] digest32 roster_leaf_hash(const public_key& pk);
/// H32("roster-node", left, right).
[[nodiscard]] digest32 roster_node_hash(const digest32& left, const digest32& right);

/// The tree over one roster, built once (2n hashes) and then asked for its root and for any
/// leaf's path without hashing again.
class roster_tree {
 public:
  /// The tree over `voters` sorted bytewise; nullopt for an empty roster.
  [[nodiscard]] static std::optional<roster_tree> build(std::span<const public_key> voters);

  /// The number of leaves (at least 1).
  [[nodiscard]] std::uint64_t count() const { return levels_.front().size(); }
  /// The root hash.
  [[nodiscard]] const digest32& root() const { return levels_.back().front(); }
  /// The inclusion path of the leaf at `index` of the sorted roster; nullopt when
  /// index >= count().
  [[nodiscard]] std::optional<roster_path> inclusion_proof(std::uint64_t index) const;

 private:
  explicit roster_tree(std::vector<std::vector<digest32>> levels) : levels_(std::move(levels)) {}
  // levels_[0] are the leaves; each next level pairs the one below, an odd last node carried
  // up unchanged (which is RFC 6962's split at the largest power of two); the last is the root.
  std::vector<std::vector<digest32>> levels_;
};

/// The root over `voters` (any order; sorted here); nullopt for an empty roster.
[[nodiscard]] std::optional<digest32> roster_root(std::span<const public_key> voters);

/// The inclusion path of the key at `index` of `voters` sorted bytewise; nullopt for an empty
/// roster or an index out of range.
[[nodiscard]] std::optional<roster_path> roster_inclusion_proof(std::span<const public_key> voters,
                                                                std::uint64_t index);

/// Whether `path` proves that `pk` is leaf `index` of a tree of `count` leaves with root `root`
/// (RFC 9162 §2.1.3.2). False for count 0, index >= count, or a path of the wrong length. The
/// count is checked only as far as it shapes the path, so the caller takes it from a signed
/// source (vote_opened's roster_count).
[[nodiscard]] bool verify_roster_inclusion(const digest32& root, std::uint64_t count,
                                           std::uint64_t index, const public_key& pk,
                                           std::span<const digest32> path);

}  // namespace plenum::crypto
