// The fingerprint of a signer's key as the result sheet prints it.
#pragma once

#include <string>

#include <plenum/crypto/sign.hpp>

namespace plenum::clients::sheet {

/// The whole 32-byte Ed25519 public key in lowercase hex, in 16 groups of four characters
/// separated by single spaces ("3b6a 27bc ..."). The full key rather than a hash of it, so that
/// a reader compares it with the record's hex without computing anything. Thread-safe.
[[nodiscard]] std::string fingerprint(const crypto::public_key& key);

}  // namespace plenum::clients::sheet
