// The whole of tests/vectors/cvp1.json, computed in memory.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

namespace plenum::test::vectors {

/// How to regenerate the committed file, from the repository root.
inline constexpr std::string_view regenerate_command =
    "make vectors (it runs build/release/tests/vectors/generator/plenum-vectors > "
    "tests/vectors/cvp1.json)";

/// The fields of the document that differ between runs (sealed boxes draw their ephemeral key
/// from the system, and each keygen message's signature covers its sealed shares), as
/// JSON paths with [] standing for every index.
inline constexpr std::string_view unreproducible_fields[] = {
    "ceremony.messages[].sealed",
    "ceremony.messages[].signature",
};

/// Computes the test vectors: the sitting of scenario.hpp, its ceremony, every vote with its
/// ballots, invalid ballots, tally and result, the board examples and receipts. Everything
/// but unreproducible_fields is the same on every run and every machine. Throws
/// std::runtime_error if the library disagrees with itself (a bug). Thread-safe: it shares no
/// state between calls.
[[nodiscard]] boost::json::object generate_vectors();

}  // namespace plenum::test::vectors
