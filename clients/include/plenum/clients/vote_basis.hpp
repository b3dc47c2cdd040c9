// What a client relies on when it makes a ballot or reports a receipt, checked against its own
// verified copy of the board instead of taken from the server's word. The one place every
// C++ client (the session roles, plenum-cli, plenum-loadgen's delegates) asks before it
// encrypts: a dishonest server could otherwise publish a key it knows and read every ballot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <plenum/clients/board.hpp>
#include <plenum/clients/session.hpp>
#include <plenum/clients/trust_error.hpp>
#include <plenum/crypto/group.hpp>
#include <plenum/crypto/manifest.hpp>
#include <plenum/crypto/roster_tree.hpp>
#include <plenum/protocol/codec_board.hpp>

namespace plenum::clients {

/// An open vote's basis for a ballot, every piece derived from the board:
/// - the joint key K = Σ K_i0 recomputed from the n keygen messages of the sitting's ceremony,
///   each passing crypto::check_keygen_message under parameters rebuilt from ceremony_started
///   (congress id, sitting id, scrutineer keys, n, k), each scrutineer key being that person's
///   enrolled device key, and all n keys_confirmed signatures valid over key_digest(K, Z_l);
/// - the manifest of vote_created, which hashes to vote_opened's manifest_hash;
/// - the roster: in format 1 vote_opened's list, which hashes to its roster_hash; in format 2
///   the vote_roster event vote_opened names (roster_seq), whose list hashes to roster_hash and
///   has the Merkle root roster_root and roster_count keys — or, for a board read without it
///   (a tablet's course), roster_hash as the signed vote_opened states it, the voter's own key
///   then proven against roster_root by get_roster_proof (prove_membership);
/// - the election hash recomputed from ceremony id, K, manifest hash and roster hash, equal to
///   the one vote_opened publishes, and vote_opened's joint key and ceremony id equal to the
///   recomputed ones.
/// A plain value; only check_vote_basis() makes one.
struct vote_basis {
  std::string vote_id;
  crypto::manifest manifest;
  crypto::point joint_key;
  crypto::digest32 election_hash{};
  crypto::digest32 ceremony_id{};
  std::vector<crypto::public_key> roster;  ///< sorted bytewise; empty when not read (format 2)
  /// Format 2: the roster's count and Merkle root as vote_opened states them.
  std::uint64_t roster_count = 0;
  std::optional<crypto::digest32> roster_root;
  /// Format 2 without the list: the voter's inclusion path (get_roster_proof), once asked.
  std::uint64_t proof_index = 0;
  std::optional<crypto::roster_path> proof;

  /// Whether `voter` may cast in this vote: its key is in the roster list, or, without the
  /// list, `proof` proves it against roster_root and roster_count. Errors:
  /// trust_errc::not_in_roster (not listed, no proof), roster_mismatch (a proof that does not
  /// verify).
  [[nodiscard]] result<void> admits(const crypto::public_key& voter) const;
};

/// For a basis without the roster list (format 2, vote_roster not read): asks the server for
/// `voter`'s inclusion path once (get_roster_proof), keeps it in `basis` and checks it
/// (basis.admits). With the list, only basis.admits. Errors: admits', trust_errc::not_in_roster
/// when the server answers not_in_roster, errc::malformed_message for a reply that is not a
/// proof, the transport's.
[[nodiscard]] result<void> prove_membership(session& s, vote_basis& basis,
                                            const crypto::public_key& voter);

/// Takes the server's get_roster_proof answer `reply` (the reply's fields: `proof` with
/// `index` and `path`, hex hashes lowest first) into `basis` and checks it for `voter`
/// (basis.admits): what prove_membership does with the answer, for a client that asks on a
/// connection of its own (plenum-loadgen's tablets). Errors: admits', errc::malformed_message
/// for a reply that is not a proof.
[[nodiscard]] result<void> take_roster_proof(vote_basis& basis, const boost::json::object& reply,
                                             const crypto::public_key& voter);

/// Checks open vote `vote_id` of `board` as described at vote_basis. Errors: errc::unknown_vote,
/// errc::vote_not_open (not opened or already closed on the board); trust_errc::
/// ceremony_incomplete, ceremony_invalid, confirmation_invalid, ceremony_id_mismatch,
/// joint_key_mismatch, manifest_mismatch, roster_mismatch, election_hash_mismatch, in that
/// order of checking. Costs n keygen checks (k proofs each): run once per vote, not per voter.
[[nodiscard]] result<vote_basis> check_vote_basis(const board_record& board,
                                                  std::string_view vote_id);

/// As check_vote_basis, for a vote that was opened whether or not it has closed since: what a
/// scrutineer decrypting, checking or signing a closed vote's result relies on. Errors as for
/// check_vote_basis, errc::vote_not_open only for a vote never opened.
[[nodiscard]] result<vote_basis> check_opened_vote_basis(const board_record& board,
                                                         std::string_view vote_id);

/// check_vote_basis() and then basis.admits(voter).
[[nodiscard]] result<vote_basis> check_vote_basis(const board_record& board,
                                                  std::string_view vote_id,
                                                  const crypto::public_key& voter);

/// Checks a receipt before it is reported: the signature over receipt_digest of the signer of
/// r.board_seq or of the standby key a handover certified (signers.signs_receipt;
/// trust_errc::receipt_forged), the tracking code of the ballot this device
/// made (receipt_not_mine) and, when `board` already reaches r.board_seq, that the entry there
/// has the receipt's entry hash and is the ballot_accepted of that tracking code
/// (receipt_not_on_board). A receipt signed by a standby key verifies only once the board's
/// handover certifying it was read into `signers`.
[[nodiscard]] result<void> check_receipt(const protocol::board_signers& signers,
                                         const protocol::receipt& r,
                                         const crypto::digest32& my_tracking_code,
                                         const board_record* board = nullptr);

/// check_receipt() for a board without a handover: every receipt signed by `congress_pk`.
[[nodiscard]] result<void> check_receipt(const crypto::public_key& congress_pk,
                                         const protocol::receipt& r,
                                         const crypto::digest32& my_tracking_code,
                                         const board_record* board = nullptr);

/// Reads the board through `s` beyond the end of `board` up to and including r.board_seq
/// (get_board pages, each event chained onto the last and signed by its signer: the congress
/// key, or the standby key of a handover read on the way) and
/// checks the receipt against the entry found there, as check_receipt does. Leaves `board`
/// unchanged. Errors: check_receipt's, trust_errc::receipt_not_on_board when the board ends
/// before r.board_seq, errc::broken_chain for an event that does not chain, the transport's.
[[nodiscard]] result<void> confirm_receipt_on_board(session& s, const board_record& board,
                                                    const protocol::receipt& r,
                                                    const crypto::digest32& my_tracking_code);

}  // namespace plenum::clients
