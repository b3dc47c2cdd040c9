// Encrypted, proven, signed ballots (CVP1 §5): making one on the voter's device, its digest,
// signature and tracking code, and the checks that a server or verifier applies to it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/elgamal.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/range_proof.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

class decoded_ballot_points;  // plenum/crypto/ballot_points.hpp

/// One option of a ballot: its encrypted value (0 or 1) and the proof that it is 0 or 1.
struct encrypted_option {
  ciphertext ct;
  range_proof proof;
  friend bool operator==(const encrypted_option&, const encrypted_option&) = default;
};

/// One contest of a ballot: its options, and the proof that their sum is in [min, max].
struct encrypted_contest {
  std::vector<encrypted_option> options;
  range_proof proof;
  friend bool operator==(const encrypted_contest&, const encrypted_contest&) = default;
};

/// A cast ballot. Its points and scalars are valid by construction (see parse_ballot for
/// building one from untrusted text); whether it fits a manifest and its proofs and signature
/// hold is what verify_ballot checks. A plain value, safe to share between threads read-only.
struct ballot {
  std::string vote_id;
  byte_array<32> ballot_id;
  public_key voter_pk;
  std::vector<encrypted_contest> contests;
  std::vector<range_proof> constraint_proofs;
  signature sig;
  friend bool operator==(const ballot&, const ballot&) = default;
};

/// A voter's choices: choices[c][o] is 1 when option o of contest c is marked, else 0.
using ballot_choices = std::vector<std::vector<std::uint8_t>>;

/// Why choices cannot be cast under a manifest (the first problem found, in this order).
enum class choice_problem {
  invalid_manifest,          // the manifest fails check_manifest
  wrong_shape,               // not one entry per contest and option
  not_binary,                // a value other than 0 or 1
  contest_out_of_bounds,     // a contest's marks are fewer than min or more than max
  constraint_out_of_bounds,  // a constraint's marks are outside [min, max] (e.g. an over-vote)
};

/// The first problem that keeps `choices` from being a valid ballot of `m`, or nullopt.
[[nodiscard]] std::optional<choice_problem> check_choices(const manifest& m,
                                                          const ballot_choices& choices);

/// Makes a ballot: encrypts every choice under `joint_key` with fresh nonzero nonces, proves
/// every option, contest and constraint, and signs the digest with `voter`. Returns nullopt
/// exactly when check_choices reports a problem: a ballot that breaks a rule cannot be made,
/// since its proof would not exist. Nonces are wiped before returning. The ballot_id and all
/// randomness come from `source`. Thread-safe if `source` is.
[[nodiscard]] std::optional<ballot> make_ballot(const manifest& m, const digest32& election_hash,
                                                const point& joint_key, const secret_key& voter,
                                                const ballot_choices& choices,
                                                random_source& source = system_random());

/// ballot_digest (CVP1 §5): what the voter signs. Covers every field of `b` but the signature.
[[nodiscard]] digest32 ballot_digest(const ballot& b, const digest32& election_hash);

/// tracking_code = H32("tracking", ballot_digest, signature).
[[nodiscard]] digest32 tracking_code(const digest32& ballot_digest, const signature& sig);

/// The tracking code as the tablet shows it: its first 10 bytes in Crockford base32 (digits
/// and upper-case letters without I, L, O, U; most significant bit first), 16 characters in
/// four groups of four joined by '-', e.g. "7ZK3-M0QH-X4TB-9C2D".
[[nodiscard]] std::string tracking_code_display(const digest32& code);

/// What the server signs in a receipt: H32("receipt", tracking_code, LE64(board_seq),
/// board_entry_hash).
[[nodiscard]] digest32 receipt_digest(const digest32& tracking_code, std::uint64_t board_seq,
                                      const digest32& board_entry_hash);

/// The verdict on a ballot. Parsing uses malformed, invalid_point and non_canonical_scalar;
/// verify_ballot uses the others (and malformed, invalid_point for ballots built in code).
enum class ballot_status {
  ok,
  wrong_vote_id,         // the ballot names another vote than the manifest
  malformed,             // bad encoding, or the shape does not match the manifest
  invalid_point,         // a point that is not canonical ristretto255, or an identity alpha
  non_canonical_scalar,  // a proof scalar that is not below the group order
  bad_option_proof,      // an option's proof does not verify
  bad_contest_proof,     // a contest's proof does not verify (e.g. too many marks)
  bad_constraint_proof,  // a constraint's proof does not verify (e.g. an over-vote)
  bad_signature,         // the signature is not the voter's over the ballot digest
};

/// A short English name of `status` (its enumerator's name).
[[nodiscard]] std::string_view to_string(ballot_status status);

/// Checks `b` against its vote. REQUIRES nothing of `b`; `m` should pass check_manifest
/// (otherwise the answer is malformed). Checks, stopping at the first failure, in this order:
///  1. vote_id equals the manifest's (wrong_vote_id);
///  2. shape: one contest per manifest contest, one option per option, one constraint proof per
///     constraint (malformed). A proof whose length differs from its list of allowed values
///     is a proof that does not verify (steps 4–6), not a malformed ballot: a proof made for a
///     wider range, as for an over-vote, is reported as the bad proof it is;
///  3. no option alpha is the identity (invalid_point);
///  4. every option proof, contests and options in order (bad_option_proof);
///  5. every contest proof (bad_contest_proof);
///  6. every constraint proof (bad_constraint_proof);
///  7. the voter's signature over ballot_digest (bad_signature).
/// The proofs come before the signature so that the answer names what is wrong with a ballot
/// whose content was altered (an altered ballot also fails its signature). Ballot-level rules
/// of the server (roster, check-in, unused ballot_id and alphas) are not checked here.
/// Thread-safe.
[[nodiscard]] ballot_status verify_ballot(const manifest& m, const digest32& election_hash,
                                          const point& joint_key, const ballot& b);

/// verify_ballot with the ballot's decoded points in and out. In: when `*decoded` holds the
/// ballot's own option ciphertexts (from the ballot_points_builder its parser used: the same
/// encodings in the same order), they are used instead of decoding them again; anything else in
/// it is ignored. Out: when the ballot verifies (ok), `*decoded` holds its option ciphertexts as
/// decoded, for running_tally::add; it is left unchanged otherwise. The verdict is the same
/// with or without the points handed in. Thread-safe.
[[nodiscard]] ballot_status verify_ballot(const manifest& m, const digest32& election_hash,
                                          const point& joint_key, const ballot& b,
                                          decoded_ballot_points* decoded);

}  // namespace plenum::crypto
