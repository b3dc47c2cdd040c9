// The fixed vote the ballot fuzzer verifies against: one manifest of each kind (motion,
// election, appraisal, confidence), a joint key and an election hash per manifest, all derived
// from a seeded random source so that every run and the seed corpus agree.
#pragma once

#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::fuzz {

/// One vote a ballot may be cast in: its manifest and the hash that binds ballots to it.
struct fuzz_vote {
  crypto::manifest manifest;
  crypto::digest32 election_hash{};
};

/// The four votes, the joint key and a voter. Immutable after construction; build it once per
/// process (the key generation costs a few milliseconds). Thread-safe to read.
class ballot_fixture {
 public:
  /// Builds everything from the seeded source labelled "plenum fuzz ballot fixture".
  ballot_fixture();

  [[nodiscard]] const std::vector<fuzz_vote>& votes() const { return votes_; }
  [[nodiscard]] const crypto::point& joint_key() const { return joint_key_; }
  [[nodiscard]] const crypto::secret_key& voter() const { return voter_; }
  /// The vote whose manifest has `vote_id`, else the first (a ballot for another vote then
  /// meets wrong_vote_id).
  [[nodiscard]] const fuzz_vote& vote_for(const std::string& vote_id) const;

  /// A valid ballot for `votes()[i]` marking the first option of every contest (and nothing
  /// in an election's contests past the seats), its randomness from the seeded source `label`.
  [[nodiscard]] crypto::ballot valid_ballot(std::size_t i, const std::string& label) const;

 private:
  std::vector<fuzz_vote> votes_;
  crypto::point joint_key_;
  crypto::secret_key voter_;
};

}  // namespace plenum::fuzz
