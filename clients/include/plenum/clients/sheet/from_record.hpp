// The signers of a vote's result as the record shows them (CVP1 §7): the server's congress
// key, each scrutineer who signed the result (result_signed) and the chair who announced it
// (result_announced), with names from the roster. The record is read as it is; checking its
// signatures is plenum-verify's job.
#pragma once

#include <string_view>
#include <vector>

#include <plenum/clients/sheet/vote_sheet.hpp>
#include <plenum/crypto/sign.hpp>
#include <plenum/protocol/codec_board.hpp>
#include <plenum/protocol/error.hpp>

namespace plenum::clients::sheet {

/// What a sheet prints about who signed a result.
struct record_signers {
  /// The server first, then the scrutineers by index, then the chair.
  std::vector<signer> signers;
  /// Whether the record holds the chair's announcement.
  bool announced = false;
};

/// The signers of decided vote `vote_id` in `events` (board order), the server's key being
/// `congress_pk`. A person missing from the roster is named by number. Pure; thread-safe.
/// Errors: errc::unknown_vote when the events hold no vote_decided of `vote_id`;
/// errc::invalid_field for a roster, result or signature event that the event decoder
/// (protocol::decode_event_payload) refuses.
[[nodiscard]] result<record_signers> signers_from_record(
    const std::vector<protocol::board_event>& events, const crypto::public_key& congress_pk,
    std::string_view vote_id);

/// The sheet of decided vote `vote_id` from the record's events: the congress's name, the
/// sitting's title and date, the manifest and rule of vote_created, the denominators of
/// vote_opened, the counts of vote_decided with the outcome recomputed from them (it must equal
/// the published text), the result digest recomputed over the board at close (it must equal the
/// published one when given), the signers (signers_from_record) and whether it was announced.
/// Pure; thread-safe. Errors: signers_from_record's, errc::invalid_field for an event it reads that
/// the event decoder refuses, errc::invalid_tally when the published outcome or digest is not the
/// recomputed one.
[[nodiscard]] result<vote_sheet> vote_sheet_from_record(
    const std::vector<protocol::board_event>& events, const crypto::public_key& congress_pk,
    std::string_view vote_id);

/// The summary sheet of sitting `sitting_id` from the record's events: the congress's name, the
/// sitting's title and date; the attendance counted from the record: the delegates of the roster
/// as it stood when the sitting closed (or at the end of the record), those of them excused for
/// the sitting (an excusal withdrawn no longer counts) and those checked in and not excused
/// (late arrivals included); then the sheet of every decided vote of the sitting, in board
/// order (vote_sheet_from_record). Pure; thread-safe. Errors: errc::no_sitting when the events
/// hold no sitting_created of `sitting_id`; errc::invalid_field for an event it reads that the
/// event decoder refuses; those of vote_sheet_from_record.
[[nodiscard]] result<sitting_sheet> sitting_sheet_from_record(
    const std::vector<protocol::board_event>& events, const crypto::public_key& congress_pk,
    std::string_view sitting_id);

}  // namespace plenum::clients::sheet
