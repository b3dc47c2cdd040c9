// The people and the key ceremony of the test vectors' sitting, all keys and coefficients
// drawn from seeded sources.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/key_share.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::test::vectors {

/// A key holder: the seed label of its key and the key (secret_key::generate drawing 32 bytes
/// from seeded_random(seed)).
struct person {
  std::string seed;
  crypto::secret_key key;
};

/// The key of seed_label(`what`).
[[nodiscard]] person make_person(std::string_view what);

/// {"seed", "pk", "sk"} of `p` (the secret key is test data, published on purpose).
[[nodiscard]] boost::json::object person_json(const person& p);

/// Everyone's keys and the completed key ceremony. A plain value holding secret keys and key
/// shares (test data); read-only use may be shared between threads.
struct sitting {
  std::vector<person> scrutineers;  // scrutineers[l-1] is scrutineer l
  std::vector<person> delegates;    // seated; delegates[i] casts ballot i+1 if present
  person server;                    // the congress key
  crypto::ceremony_params params;
  std::vector<std::string> keygen_seeds;  // keygen_seeds[i-1]: dealer i's source
  std::vector<crypto::keygen_message> messages;
  crypto::ceremony_keys keys;
  crypto::digest32 key_digest{};
  std::vector<crypto::signature> confirmations;
  std::vector<crypto::key_share> shares;  // shares[l-1]: z_l, opened from the sealed shares

  /// The public keys of the seated delegates (every vote's roster).
  [[nodiscard]] std::vector<crypto::public_key> roster() const;
};

/// Runs the ceremony of the scenario: keys, keygen messages (sealing draws system randomness,
/// so sealed shares and the messages' signatures differ between runs), opening and checking
/// every share, K, Z_l, key digest and confirmations. Throws std::runtime_error if any step
/// fails (a bug in the library).
[[nodiscard]] sitting make_sitting();

/// The "ceremony" object, in the shape of cvp1-kat.json plus "keygen_seeds" and each
/// scrutineer's "seed".
[[nodiscard]] boost::json::object ceremony_json(const sitting& s);

/// The "voters" array: every seated delegate's {"seed", "pk", "sk"}.
[[nodiscard]] boost::json::array voters_json(const sitting& s);

}  // namespace plenum::test::vectors
