// The crypto objects behind a sitting's key ceremony and a vote's tally, rebuilt from the
// state: what the domain checks keygen messages, confirmations and partial decryptions
// against, and what scrutineers' consoles decrypt. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "domain/state.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/elgamal.hpp"
#include "plenum/crypto/keygen.hpp"

namespace plenum::server::domain {

/// The parameters (ceremony_id, n, k, scrutineer keys) of the sitting's ceremony; nullopt
/// when it has none.
[[nodiscard]] std::optional<crypto::ceremony_params> ceremony_params_of(const congress_state& state,
                                                                        const sitting& s);

/// The ceremony's keygen messages in dealer order, decoded from the record.
[[nodiscard]] std::vector<crypto::keygen_message> keygen_messages_of(const ceremony_record& c);

/// K and Z_1 … Z_n, once all n keygen messages are in; nullopt before.
[[nodiscard]] std::optional<crypto::ceremony_keys> ceremony_keys_of(const ceremony_record& c);

/// The aggregates (A, B) of every position of `v` over its accepted ballots, in manifest
/// order, encoded now; the identity everywhere when no ballot was cast.
[[nodiscard]] std::vector<crypto::ciphertext> vote_aggregates(const vote& v);

}  // namespace plenum::server::domain
