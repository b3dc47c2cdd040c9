// Private to plenum_verify: who signs the board (crypto/SPEC.md §6, "Who signs entry_hash"):
// the congress key until a server_handover whose certificate the congress key made, the
// standby key it certifies from that handover on.
#pragma once

#include <cstdint>
#include <optional>

#include "model.hpp"
#include "plenum/clients/verify/record_files.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::clients::verify::detail {

/// The signer of each seq of one record.
struct board_signers {
  crypto::public_key congress;
  std::optional<crypto::public_key> standby;  ///< certified by a valid handover
  std::uint64_t handover_seq = 0;             ///< that handover's seq

  /// The key entry `seq` (and a receipt of it) must be signed by.
  [[nodiscard]] const crypto::public_key& of(std::uint64_t seq) const {
    return standby && seq >= handover_seq ? *standby : congress;
  }
};

/// Finds the record's handover and checks it: decodes, the only one, at a seq at least its
/// from_seq, a standby key other than the congress key, and a certificate by the congress key
/// over handover_digest(congress_id of event 0, congress key, standby_pk, from_seq). A handover
/// that fails is reported under `signatures` and certifies nothing. Sequential; cheap.
[[nodiscard]] board_signers find_board_signers(const record& rec, check_log& log);

}  // namespace plenum::clients::verify::detail
