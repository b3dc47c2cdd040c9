// The labels of the seeded random sources behind tests/vectors/cvp1.json. Every random draw
// of the vectors comes from crypto::seeded_random(label) for one of these labels, so that any
// implementation of the same stream can repeat it (see crypto/SPEC.md §12).
#pragma once

#include <string>
#include <string_view>

namespace plenum::test::vectors {

/// Every label starts with this prefix, so that the vectors share no stream with other tests.
inline constexpr std::string_view seed_prefix = "plenum/cvp1-vectors/";

/// seed_prefix followed by `what`, e.g. "plenum/cvp1-vectors/vote-1/ballot/1".
[[nodiscard]] inline std::string seed_label(std::string_view what) {
  return std::string(seed_prefix) + std::string(what);
}

}  // namespace plenum::test::vectors
