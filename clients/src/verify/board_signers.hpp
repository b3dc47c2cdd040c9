// Private to plenum_verify: who signs the board (crypto/SPEC.md §6, "Who signs entry_hash"),
// as protocol::board_signers reads it, with each faulty handover reported under `signatures`.
#pragma once

#include <plenum/protocol/board_signers.hpp>

#include "model.hpp"
#include "plenum/clients/verify/record_files.hpp"

namespace plenum::clients::verify::detail {

/// The signer of each seq of one record (protocol::board_signers).
struct board_signers : protocol::board_signers {
  using protocol::board_signers::board_signers;
};

/// Reads the record's events in file order into board_signers (protocol::board_signers::note):
/// a handover that fails is reported under `signatures` and certifies nothing. Sequential;
/// cheap.
[[nodiscard]] board_signers find_board_signers(const record& rec, check_log& log);

}  // namespace plenum::clients::verify::detail
