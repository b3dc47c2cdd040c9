// The independent verifier's check of a key ceremony's record (CVP1 §8, item 2), item by item
// so that the verifier can print each one.
#pragma once

#include <span>
#include <vector>

#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

/// The outcome of each check of a ceremony record.
struct ceremony_check_report {
  /// Exactly n messages and n confirmations were given.
  bool complete = false;
  /// messages[i-1]: dealer i's message passed check_keygen_message() and sits at its place.
  std::vector<bool> messages;
  /// K and every Z_l recomputed from the commitments equal the published ones.
  bool keys_match = false;
  /// confirmations[l-1]: scrutineer l signed key_digest of the published keys.
  std::vector<bool> confirmations;

  /// Whether the record is complete and every check passed.
  [[nodiscard]] bool passed() const;
};

/// Checks a ceremony's published record: `messages` ordered by dealer, the `published` joint
/// and verification keys, and `confirmations` (signatures over key_digest) in scrutineer
/// order. Never throws on bad input; missing items show as failed. Thread-safe.
[[nodiscard]] ceremony_check_report check_ceremony(const ceremony_params& params,
                                                   keygen_messages messages,
                                                   const ceremony_keys& published,
                                                   std::span<const signature> confirmations);

}  // namespace plenum::crypto
