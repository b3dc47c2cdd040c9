// A complete random key ceremony run in memory, for tests that need a working k-of-n key.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/key_share.hpp"

namespace plenum::test {

struct test_ceremony {
  std::vector<crypto::secret_key> keys;  // keys[l-1] is scrutineer l's device key
  crypto::ceremony_params params;
  std::vector<crypto::keygen_message> messages;
  crypto::ceremony_keys public_keys;
  std::vector<crypto::key_share> shares;  // shares[l-1] is scrutineer l's combined share
};

/// Runs every step of CVP1 §3 for n scrutineers and threshold k with deterministic
/// randomness from `seed`. Throws if any step fails.
test_ceremony run_test_ceremony(std::uint64_t n, std::uint64_t k, std::string_view seed);

}  // namespace plenum::test
