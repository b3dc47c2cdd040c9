// The quorum of DOMAIN.md: the meeting may be held only with four fifths or more of the seated
// delegates present ("以上" is inclusive). Integer arithmetic only.
#pragma once

#include <cstdint>

namespace plenum::server::domain {

/// ceil(4 × seated / 5): the fewest present delegates that make a quorum.
[[nodiscard]] constexpr std::uint64_t quorum_required(std::uint64_t seated) noexcept {
  return (4 * seated + 4) / 5;
}

/// How many more present delegates a quorum needs; 0 when it holds.
[[nodiscard]] constexpr std::uint64_t quorum_shortfall(std::uint64_t seated,
                                                       std::uint64_t present) noexcept {
  const auto required = quorum_required(seated);
  return present >= required ? 0 : required - present;
}

/// Whether `present` of `seated` make a quorum.
[[nodiscard]] constexpr bool quorum_holds(std::uint64_t seated, std::uint64_t present) noexcept {
  return quorum_shortfall(seated, present) == 0;
}

}  // namespace plenum::server::domain
