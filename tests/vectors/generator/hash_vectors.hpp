// Sample inputs of H, H32 and Hs (CVP1 §1) with their values.
#pragma once

#include <boost/json/array.hpp>

namespace plenum::test::vectors {

/// The "hash" array, in the shape of cvp1-kat.json: {"tag", "parts": [{"str"|"int"|"hex": …}],
/// "H", "H32", "Hs"}. Covers no parts, empty tag and parts, UTF-8 Chinese text, LE64 edge values
/// (0, 2^32, 2^64 − 1), a part longer than 255 bytes and the shapes of the real digests.
[[nodiscard]] boost::json::array hash_vectors();

}  // namespace plenum::test::vectors
