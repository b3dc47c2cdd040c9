// The known answers' key ceremony and tallies read into the library's types, for the
// ceremony and tally tests.
#pragma once

#include <cstdint>
#include <vector>

#include <boost/json.hpp>

#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/elgamal.hpp"

namespace plenum::test {

// Readers of a "ceremony" object in the shape of cvp1-kat.json (the project's cvp1.json has
// the same shape). Each throws on a missing or malformed field.

/// The parameters (congress, sitting, scrutineer keys in order, k). Throws if invalid.
crypto::ceremony_params ceremony_params_from_json(const boost::json::object& ceremony);

/// Scrutineer `index`'s secret key.
crypto::secret_key scrutineer_key_from_json(const boost::json::object& ceremony,
                                            std::uint64_t index);

/// The n keygen messages, in the file's order.
std::vector<crypto::keygen_message> keygen_messages_from_json(const boost::json::object& ceremony);

/// The published joint key and verification keys.
crypto::ceremony_keys ceremony_keys_from_json(const boost::json::object& ceremony);

/// The "ceremony" object of cvp1-kat.json.
const boost::json::object& kat_ceremony();

/// Its parameters (congress, sitting, scrutineer keys in order, k). Throws if invalid.
crypto::ceremony_params kat_params();

/// Scrutineer `index`'s secret key.
crypto::secret_key kat_scrutineer_key(std::uint64_t index);

/// The n keygen messages, in the file's order.
std::vector<crypto::keygen_message> kat_keygen_messages();

/// The published joint key and verification keys.
crypto::ceremony_keys kat_ceremony_keys();

// Readers of one vote object (of cvp1-kat.json or cvp1.json).

/// Each ballot's ciphertexts of one vote, flattened in position order (contest, then option),
/// read straight from the JSON.
std::vector<std::vector<crypto::ciphertext>> kat_ballot_ciphertexts(
    const boost::json::object& vote);

/// A vote's published aggregates.
std::vector<crypto::ciphertext> kat_aggregates(const boost::json::object& vote);

/// A vote's published partial decryptions.
std::vector<crypto::partial_decryption> kat_partials(const boost::json::object& vote);

/// A vote's published counts.
std::vector<std::uint64_t> kat_counts(const boost::json::object& vote);

}  // namespace plenum::test
