// Spoiled ballots (CVP1 "Spoiled ballots", Benaloh challenge): a ballot whose device reveals
// the randomness of every option instead of casting it, so that anyone can see what it
// encrypted. A spoiled ballot is recorded on the board and never counted.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "plenum/crypto/ballot.hpp"

namespace plenum::crypto {

/// The opening of one option's ciphertext: its nonce r and its value v ∈ {0, 1}, so that
/// alpha = r·G and beta = v·G + r·K.
struct option_opening {
  scalar r;
  std::uint8_t value = 0;
  friend bool operator==(const option_opening&, const option_opening&) = default;
};

/// openings[c][o]: one per option of the ballot, contests and options in manifest order.
using ballot_openings = std::vector<std::vector<option_opening>>;

/// A ballot with the openings of all its options: what a device reveals to challenge it.
/// Until then the openings are secret (they decrypt the ballot); scalars wipe themselves.
struct opened_ballot {
  ballot b;
  ballot_openings openings;
  friend bool operator==(const opened_ballot&, const opened_ballot&) = default;
};

/// make_ballot, keeping the nonces: the same ballot, drawing the same randomness from
/// `source` in the same order (so a seeded source gives the ballot make_ballot gives), and its
/// openings. nullopt exactly when make_ballot refuses. The caller casts `b` and then drops
/// the openings, or spoils it by sending both. Thread-safe if `source` is.
[[nodiscard]] std::optional<opened_ballot> make_opened_ballot(
    const manifest& m, const digest32& election_hash, const point& joint_key,
    const secret_key& voter, const ballot_choices& choices,
    random_source& source = system_random());

/// The verdict on a spoiled ballot.
enum class spoil_status {
  ok,
  bad_ballot,         // the ballot itself fails verify_ballot (see `ballot`)
  malformed_nonces,   // not one opening per option of the ballot, or a value other than 0/1
  bad_nonce,          // an opening does not open its ciphertext
  choices_not_valid,  // the opened choices break the manifest (impossible for a valid ballot)
};

/// A short English name of `status` (its enumerator's name).
[[nodiscard]] std::string_view to_string(spoil_status status);

/// What checking a spoiled ballot found: the status, the ballot's own verdict, the first
/// opening that failed (contest, option) for bad_nonce, and on ok the choices it encrypted.
struct spoil_check {
  spoil_status status = spoil_status::bad_ballot;
  ballot_status ballot = ballot_status::ok;
  std::size_t contest = 0;
  std::size_t option = 0;
  ballot_choices choices;
};

/// Steps 2–4 of check_spoiled_ballot alone, for a ballot already verified against its vote
/// (the server verifies ballots outside its lock and opens them inside). Thread-safe.
[[nodiscard]] spoil_check open_ballot(const manifest& m, const point& joint_key, const ballot& b,
                                      const ballot_openings& openings);

/// Checks a spoiled ballot against its vote, in this order, stopping at the first failure:
///  1. the ballot verifies as a cast one would (verify_ballot: shape, proofs, signature);
///  2. the openings have the ballot's shape and every value is 0 or 1 (malformed_nonces);
///  3. every opening opens its ciphertext: alpha == r·G and beta − r·K == v·G, contests and
///     options in order (bad_nonce, naming the first that fails);
///  4. the choices satisfy the manifest (check_choices; a ballot with valid proofs cannot
///     fail it).
/// On ok, `choices` are the values. Uses only public data (the openings are public once
/// revealed). Thread-safe.
[[nodiscard]] spoil_check check_spoiled_ballot(const manifest& m, const digest32& election_hash,
                                               const point& joint_key, const opened_ballot& s);

}  // namespace plenum::crypto
