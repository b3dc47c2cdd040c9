// Reading a sheet's description from JSON, for `plenum-sheet` (rehearsals print from files).
//
// A vote: {"congress","sitting","date","vote_id","title","kind","seated","present","ballots",
//   "seats" (election, optional),"rule" (words),"contests":[{"title","options":[{"label",
//   "count","percent" (optional text)}],"elected" (optional),"flagged" (optional)}],
//   "outcome":{"passed","required","elected":[names],"runoff":[names],"runoff_seats",
//   "further_round_seats","flagged":[names]} (every member optional),
//   "signers":[{"role":"server"|"scrutineer"|"chair","name","key" (hex)}],"result_digest"}.
// A sitting: {"congress","sitting","date","attendance":{"roster","excused","seated","present"},
//   "votes":[vote objects without "congress","sitting","date", which they take from here]}.
#pragma once

#include <string_view>

#include <plenum/clients/sheet/vote_sheet.hpp>
#include <plenum/protocol/decode_error.hpp>

namespace plenum::clients::sheet {

/// Parses a vote description (at most 4 MiB). The refusal names the offending field:
/// errc::malformed_message when `text` is not strict JSON (protocol::parse_strict_json),
/// errc::invalid_field when a member is missing, unknown or of the wrong type, or when
/// `check_vote_sheet` fails; errc::invalid_point when a key is not a usable Ed25519 key.
[[nodiscard]] protocol::decoded<vote_sheet> vote_sheet_from_json(std::string_view text);

/// Parses a sitting description; errors as `vote_sheet_from_json`.
[[nodiscard]] protocol::decoded<sitting_sheet> sitting_sheet_from_json(std::string_view text);

}  // namespace plenum::clients::sheet
