// Private to plenum_sheet: the record's events the sheets read, each decoded once by the one
// event decoder (protocol::decode_event_payload), and the sheets of a vote made from them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "plenum/clients/sheet/from_record.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::clients::sheet::detail {

/// One decoded event with its place on the board.
struct read_event {
  std::uint64_t seq = 0;
  crypto::digest32 entry_hash{};
  protocol::congress_event event;
};

/// The events of `events` whose type is one of `types`, decoded, in board order. Errors:
/// errc::invalid_field for one of them that the decoder refuses (a sealed one included).
[[nodiscard]] result<std::vector<read_event>> read_events(
    const std::vector<protocol::board_event>& events, std::span<const std::string_view> types);

/// The types vote_sheet_of reads (signer_types() among them), and those signers_of reads.
[[nodiscard]] std::span<const std::string_view> vote_sheet_types();
[[nodiscard]] std::span<const std::string_view> signer_types();

/// signers_from_record and vote_sheet_from_record on events read with (at least) their types.
[[nodiscard]] result<record_signers> signers_of(const std::vector<read_event>& events,
                                                const crypto::public_key& congress_pk,
                                                std::string_view vote_id);
[[nodiscard]] result<vote_sheet> vote_sheet_of(const std::vector<read_event>& events,
                                               const crypto::public_key& congress_pk,
                                               std::string_view vote_id);

}  // namespace plenum::clients::sheet::detail
