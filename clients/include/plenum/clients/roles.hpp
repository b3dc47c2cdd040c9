// What each role does with its own key, built on session and board: a delegate checks in and
// casts ballots (made and encrypted here, the receipt checked against the congress key); a
// scrutineer deals its keygen message, opens its shares and confirms the keys (keeping the
// share sealed under a PIN), and decrypts its part of a closed vote's tally. Secrets stay in
// this process. Functions block on the session; not thread-safe per session.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <plenum/clients/board.hpp>
#include <plenum/clients/key_store.hpp>
#include <plenum/clients/session.hpp>
#include <plenum/crypto/ballot.hpp>
#include <plenum/crypto/pin_seal.hpp>
#include <plenum/protocol/replies.hpp>

namespace plenum::clients {

/// A voter's marks by contest id: the option ids marked in that contest. Contests not named
/// get no mark.
using choice_spec = std::map<std::string, std::vector<std::string>>;

/// Reads "contest=option,contest=option" (the form of --grid and --mark) into `into`.
/// Errors: std::errc::invalid_argument for an entry without '='.
[[nodiscard]] result<void> add_marks(std::string_view text, choice_spec& into);

/// Marks `option` in every contest listed in the comma-separated `contests` (the form of
/// --approve / --disapprove).
void add_option_marks(std::string_view contests, std::string_view option, choice_spec& into);

/// The 0/1 matrix of `spec` under `m`. Errors: errc::malformed_ballot for an unknown contest
/// or option, or marks the manifest does not allow (crypto::check_choices).
[[nodiscard]] result<crypto::ballot_choices> to_choices(const crypto::manifest& m,
                                                        const choice_spec& spec);

/// A ballot cast and its checked receipt.
struct cast_outcome {
  protocol::cast_ballot_reply reply;
  crypto::digest32 tracking_code{};  ///< computed here from the ballot made
};

/// Whether the congress key signed receipt_digest of `r` (the signature alone; a receipt this
/// device is about to report is checked with check_receipt or confirm_receipt_on_board).
[[nodiscard]] bool receipt_valid(const crypto::public_key& congress_pk, const protocol::receipt& r);

/// Makes, sends and checks a ballot for open vote `vote_id` of `board` with `voter`'s key.
/// Nothing is encrypted before check_vote_basis (vote_basis.hpp) has derived the joint key,
/// manifest and election hash from the board and found the voter in the roster; the receipt is
/// then confirmed on the board (confirm_receipt_on_board). Errors: errc::unknown_vote /
/// vote_not_open (not open on the board read), the trust_errc of check_vote_basis (no ballot
/// is made or sent), malformed_ballot (choices), the server's refusal, the trust_errc of
/// confirm_receipt_on_board (receipt_forged, receipt_not_mine, receipt_not_on_board).
[[nodiscard]] result<cast_outcome> cast_vote(session& s, const board_record& board,
                                             std::string_view vote_id,
                                             const crypto::secret_key& voter,
                                             const crypto::ballot_choices& choices);

/// Signs and sends a check-in for `sitting_id` at the server's estimated clock. Returns the
/// board seq of the check-in.
[[nodiscard]] result<std::uint64_t> check_in(session& s, std::string_view sitting_id,
                                             const crypto::secret_key& key);

/// The secretary's assisted check-in of `person` (whose device key is on the board).
[[nodiscard]] result<std::uint64_t> assisted_check_in(session& s, const board_record& board,
                                                      std::string_view sitting_id,
                                                      std::string_view person,
                                                      std::string_view reason,
                                                      const crypto::secret_key& secretary);

/// Scrutineer `person` deals and sends its keygen message for the sitting's ceremony.
/// Errors: errc::no_ceremony, not_a_scrutineer (not appointed, or the key is not the one
/// appointed), the server's refusal.
[[nodiscard]] result<void> send_keygen(session& s, const board_record& board,
                                       std::string_view sitting_id, std::string_view person,
                                       const crypto::secret_key& key);

/// The same from the ceremony `c` as get_ceremony reported it (the scrutineer panel's way:
/// no board read). Errors as above.
[[nodiscard]] result<void> send_keygen(session& s, const ceremony_record& c,
                                       std::string_view sitting_id, std::string_view person,
                                       const crypto::secret_key& key);

/// Scrutineer `person` checks every keygen message, opens its shares, computes the keys,
/// combines its share (sealed under `pin` into the store) and sends its confirmation.
/// Returns whether the ceremony is now complete. Errors: errc::ceremony_in_progress (not all
/// messages in), bad_ceremony_message (a message fails its checks or a share does not match
/// its commitments), the store's error, the server's refusal.
[[nodiscard]] result<bool> open_shares_and_confirm(session& s, const board_record& board,
                                                   std::string_view sitting_id,
                                                   std::string_view person,
                                                   const crypto::secret_key& key,
                                                   const key_store& store, std::string_view pin,
                                                   const crypto::pin_limits& limits = {});

/// The same from the ceremony `c` as get_ceremony reported it. Errors as above.
[[nodiscard]] result<bool> open_shares_and_confirm(session& s, const ceremony_record& c,
                                                   std::string_view sitting_id,
                                                   std::string_view person,
                                                   const crypto::secret_key& key,
                                                   const key_store& store, std::string_view pin,
                                                   const crypto::pin_limits& limits = {});

/// Scrutineer `person` opens its sealed share with `pin`, computes its partial decryption of
/// closed vote `vote_id` over the ballots on the board and sends it.
/// The election hash is the one check_opened_vote_basis proves from the board.
/// Errors: errc::unknown_vote, vote_still_open, the trust_errc of check_opened_vote_basis,
/// bad_partial_decryption (wrong PIN or share),
/// the server's refusal.
[[nodiscard]] result<protocol::partial_decryption_reply> send_partial(
    session& s, const board_record& board, std::string_view vote_id, std::string_view person,
    const crypto::secret_key& key, const key_store& store, std::string_view pin);

/// Checks decided vote `vote_id` against the board alone and returns its result_digest
/// (CVP1 §7) recomputed from it: the ballots accepted before the vote closed, the board's
/// entry hash at close, the denominators and rule of the vote's own events, the counts
/// decrypted here from at least k partial decryptions that verify, and the outcome the rule
/// gives for them, under the election hash check_opened_vote_basis proves from the board.
/// Errors: errc::unknown_vote, vote_not_decided, no_ceremony, the trust_errc of
/// check_opened_vote_basis, not_enough_partials (fewer than k valid partials on the board),
/// result_mismatch (a published figure, the
/// outcome text or the server's result_digest differs from the one recomputed).
[[nodiscard]] result<crypto::digest32> check_result(const board_record& board,
                                                    std::string_view vote_id);

/// Scrutineer `person` (whose partial decryption was combined) checks the result of
/// `vote_id` with check_result and sends its signature over the digest (`sign_result`).
/// Returns the board seq of the result_signed event. Errors: check_result's, not_a_scrutineer
/// (not appointed, or another key), did_not_decrypt (no partial of `person` on the board), the
/// server's refusal.
[[nodiscard]] result<std::uint64_t> sign_result(session& s, const board_record& board,
                                                std::string_view vote_id, std::string_view person,
                                                const crypto::secret_key& key);

/// The chair checks the result of `vote_id` with check_result and announces it, signing the
/// digest (`announce_result`). Returns the board seq of the result_announced event. Errors:
/// check_result's, the server's refusal (e.g. result_not_signed).
[[nodiscard]] result<std::uint64_t> announce_result(session& s, const board_record& board,
                                                    std::string_view vote_id,
                                                    const crypto::secret_key& chair);

}  // namespace plenum::clients
