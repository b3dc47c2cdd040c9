// A small congress on a real plenumd with one motion open, set up the same way by the tests
// that put a ballot under a storage fault: the roster (delegates D001…, the chair CH, the
// secretary SE, scrutineers S1–S3), every device enrolled with a key made from a seed, the
// delegates checked in to sitting s1, motion v1 on item i1, the key ceremony (2 of 3), the vote
// open. Failures are reported as gtest failures where they happen.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::tests {

/// The number of delegate `i` (1-based, up to 99): D001, …, D010, ….
[[nodiscard]] std::string motion_delegate(int i);

/// The roster CSV: `delegates` delegates in group G1, then CH, SE and S1–S3.
[[nodiscard]] std::string motion_roster_csv(int delegates);

/// The device key of `person`, the same on every run for the same `seed`.
[[nodiscard]] crypto::secret_key motion_key(const std::string& seed, const std::string& person);

/// What the set-up leaves: every device key by person, the chair's connection, each delegate's
/// authenticated and checked-in connection (by index), the scrutineers after the ceremony and
/// the open vote's basis as a tablet reads it.
struct motion_sitting {
  std::map<std::string, crypto::secret_key> keys;
  std::optional<hall_client> chair;
  std::map<int, hall_client> delegates;
  std::optional<test_scrutineers> scrutineers;
  std::optional<vote_basis> basis;
};

/// Sets up sitting s1 with motion v1 open on the plenumd at `port` whose data directory is
/// `data` (for the secretary's first code), congress `congress_id`, started with the roster of
/// motion_roster_csv(`delegates`); keys and ceremony randomness from `seed`. Call it inside
/// ASSERT_NO_FATAL_FAILURE; `out.basis` is set once the vote is open.
void open_motion_sitting(std::uint16_t port, const std::filesystem::path& data,
                         const std::string& congress_id, int delegates, const std::string& seed,
                         motion_sitting& out);

}  // namespace plenum::tests
