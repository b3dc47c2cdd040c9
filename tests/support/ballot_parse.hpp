// Tests' reader of a ballot in its text form (every byte string lowercase hex, as CVP1 carries
// it in JSON), giving the ballot_status the known-answer and vector files expect for a ballot
// that does not parse. Parsing validates every value, so an invalid point, a non-canonical
// scalar or an identity alpha never exists inside a `ballot`. The project decodes ballots with
// protocol::decode_ballot; this is the file formats' reading, kept for the tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"

namespace plenum::test {

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
  std::optional<crypto::ballot> value;
  crypto::ballot_status status = crypto::ballot_status::malformed;
};

/// Parses `raw`. Fails with: malformed (a byte string that is not lowercase hex of the right
/// length: ballot_id 32 bytes, points and scalars 32, signature 64), invalid_point (a point
/// that is not a canonical ristretto255 encoding, an identity alpha, or a voter key that is
/// not a valid Ed25519 key), non_canonical_scalar (a proof scalar ≥ q). The first failure in
/// field order wins. Does not look at the manifest: see crypto::verify_ballot. Thread-safe.
[[nodiscard]] parsed_ballot parse_ballot(const raw_ballot& raw);

}  // namespace plenum::test
