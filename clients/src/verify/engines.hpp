// Private to plenum_verify: two engines for the same checks. The variable-time engine (what
// verify_ballot and check_partial_decryption use) and the reference path on libsodium's own
// operations (crypto::reference) must give the same verdict on every item checked both ways;
// a disagreement means one of them is wrong, and the verification fails loudly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plenum/clients/verify/verifier.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/decryption.hpp"

namespace plenum::clients::verify::detail {

/// What the verifier was asked to check both ways, with the seed resolved.
struct engine_plan {
  bool all = false;
  std::uint64_t seed = 0;
  std::optional<std::uint64_t> flip_at_seq;  // the test-only fault injector

  /// The plan of `options`; draws a seed from the system's randomness if none is given.
  [[nodiscard]] static engine_plan from(const verify_options& options);
};

/// Which of a vote's `ballots` ballots the reference path checks: all with plan.all,
/// otherwise verify::reference_sample(plan.seed, …). One flag per ballot.
[[nodiscard]] std::vector<bool> ballots_to_check_both_ways(const engine_plan& plan,
                                                           const std::string& vote_id,
                                                           std::size_t ballots);

/// The reference path's verdict on a ballot (at board seq `seq`), after the test-only fault.
[[nodiscard]] crypto::ballot_status reference_ballot_status(
    const engine_plan& plan, std::uint64_t seq, const crypto::manifest& m,
    const crypto::digest32& election_hash, const crypto::point& joint_key, const crypto::ballot& b);

/// The reference path's verdict on a partial decryption (at board seq `seq`), after the
/// test-only fault.
[[nodiscard]] bool reference_partial_ok(const engine_plan& plan, std::uint64_t seq,
                                        const crypto::ceremony_params& params,
                                        const crypto::ceremony_keys& keys,
                                        const crypto::digest32& election_hash,
                                        std::span<const crypto::ciphertext> aggregates,
                                        const crypto::partial_decryption& partial);

/// "ENGINES DISAGREE: the variable-time engine says <fast>, the libsodium reference says
/// <reference>".
[[nodiscard]] std::string disagreement(const std::string& fast, const std::string& reference);

}  // namespace plenum::clients::verify::detail
