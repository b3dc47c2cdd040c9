// The known answers of the roster's Merkle tree (crypto/SPEC.md §4a),
// tests/vectors/roster-tree.json.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

namespace plenum::test::vectors {

/// How to regenerate the committed file, from the repository root.
inline constexpr std::string_view roster_tree_regenerate_command =
    "make vectors (it runs build/release/tests/vectors/generator/plenum-vectors --roster-tree > "
    "tests/vectors/roster-tree.json)";

/// The rosters of 1, 2, 3, 5 and 8 keys (key i from seed byte i + 1 repeated), each with its
/// keys sorted bytewise, its leaf hashes, its root and the inclusion path of every index:
/// {"trees": [{"keys": [hex], "leaves": [hex], "root": hex, "paths": [[hex]]}]}. The same on
/// every run.
[[nodiscard]] boost::json::object roster_tree_vectors();

}  // namespace plenum::test::vectors
