// Building a ballot from its untrusted text form (every byte string lowercase hex, as CVP1
// carries it in JSON). Parsing validates every value, so an invalid point, a non-canonical
// scalar or an identity alpha never exists inside a `ballot`. The JSON layer (protocol/) fills
// a raw_ballot from the document and calls parse_ballot.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"

namespace plenum::crypto {

/// One (c, z) branch of a proof, as hex.
struct raw_proof_entry {
  std::string c;
  std::string z;
};

/// An option as hex: alpha, beta and its proof.
struct raw_option {
  std::string alpha;
  std::string beta;
  std::vector<raw_proof_entry> proof;
};

/// A contest as hex: its options and its proof.
struct raw_contest {
  std::vector<raw_option> options;
  std::vector<raw_proof_entry> proof;
};

/// A ballot whose byte strings are still unchecked hex.
struct raw_ballot {
  std::string vote_id;
  std::string ballot_id;
  std::string voter_pk;
  std::vector<raw_contest> contests;
  std::vector<std::vector<raw_proof_entry>> constraint_proofs;
  std::string signature;
};

/// Either a ballot (status ok) or why there is none.
struct parsed_ballot {
  std::optional<ballot> value;
  ballot_status status = ballot_status::malformed;
};

/// Parses `raw`. Fails with: malformed (a byte string that is not lowercase hex of the right
/// length: ballot_id 32 bytes, points and scalars 32, signature 64), invalid_point (a point
/// that is not a canonical ristretto255 encoding, an identity alpha, or a voter key that is
/// not a valid Ed25519 key), non_canonical_scalar (a proof scalar ≥ q). The first failure in
/// field order wins. Does not look at the manifest: see verify_ballot. Thread-safe.
[[nodiscard]] parsed_ballot parse_ballot(const raw_ballot& raw);

}  // namespace plenum::crypto
