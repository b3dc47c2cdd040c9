// The Ed25519 public keys already found valid, so that a key sent again with every request
// (a device's own key on each of its ballots) is not checked again.
#pragma once

#include "plenum/crypto/bytes.hpp"

namespace plenum::crypto::detail {

/// Whether `key` was remembered as valid. Thread-safe.
[[nodiscard]] bool known_valid_key(const byte_array<32>& key);
/// Remembers `key`, which passed the full check. Holds at most 65,536 keys; when full it
/// forgets them all and starts again (each is then checked once more). Thread-safe.
void remember_valid_key(const byte_array<32>& key);

}  // namespace plenum::crypto::detail
