// The cryptographic half of casting a ballot (CVP1 §5: encodings, proofs, signature), split
// from the rules so that it can run outside the hall's lock: the service takes a vote's
// basis under the lock, checks the ballot without it, and hands the verdict to cast_ballot.
#pragma once

#include <optional>
#include <string>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/running_tally.hpp"
#include "plenum/protocol/error.hpp"

namespace plenum::server::domain {

class congress_state;

/// What a ballot for one vote is checked against: a copy, so that it can be used without the
/// state's lock.
struct ballot_basis {
  crypto::manifest manifest;
  crypto::digest32 election_hash{};
  crypto::point joint_key;
};

/// The basis of an open vote whose sitting has a joint key; nullopt otherwise (cast_ballot
/// then refuses the ballot for that reason). The caller holds the state's lock; the result
/// does not refer to the state.
[[nodiscard]] std::optional<ballot_basis> ballot_basis_for(const congress_state& state,
                                                           const std::string& vote_id);

/// A verified ballot's digest and tracking code (CVP1 §5), and its decoded points.
struct verified_ballot {
  crypto::digest32 digest{};
  crypto::digest32 tracking{};
  /// Its option ciphertexts as the verification decoded them (for the running tally).
  crypto::decoded_ballot_points points;
};

/// The verdict on one ballot: whether its proofs and signature verify against the basis.
struct ballot_check {
  crypto::digest32 election_hash{};  // the basis it was checked against
  crypto::point joint_key;
  result<verified_ballot> verdict = errc::malformed_ballot;

  /// True when the check was made against this election hash and joint key, so that it
  /// stands for a check against the vote as it is now.
  [[nodiscard]] bool made_for(const crypto::digest32& election_hash,
                              const crypto::point& joint_key) const;
};

/// Verifies `ballot` (decoded by the protocol: every point valid, every scalar canonical)
/// against `basis`: the expensive part of cast_ballot, pure and thread-safe. Errors in
/// `verdict`: wrong_election, malformed_ballot, invalid_point, non_canonical_scalar,
/// bad_proof, bad_signature.
/// `points`, when they are the ballot's option ciphertexts as its decoding decoded them
/// (protocol::cast_ballot_request::points), spare the verification decoding them again; the
/// verdict is the same without them.
[[nodiscard]] ballot_check check_ballot(const ballot_basis& basis, const crypto::ballot& ballot,
                                        crypto::decoded_ballot_points points = {});

}  // namespace plenum::server::domain
