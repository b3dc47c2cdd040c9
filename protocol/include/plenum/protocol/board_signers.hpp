// Who signs each entry of a congress's board (crypto/SPEC.md §6, "Who signs entry_hash"): the
// congress key until a server_handover whose certificate the congress key made, the standby
// key it certifies from that handover on (the handover itself included). Shared by every
// client that checks the board or a receipt: plenum-verify, the C++ session and the load
// generator.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plenum/crypto/sign.hpp"

namespace plenum::protocol {

/// The signer of each seq of one board, learnt by reading its events in seq order.
class board_signers {
 public:
  /// A board whose entries the congress key `congress` signs until a handover.
  explicit board_signers(const crypto::public_key& congress) : congress_(congress) {}

  /// The congress key (pinned by the devices; it signs every entry before a handover).
  [[nodiscard]] const crypto::public_key& congress() const { return congress_; }
  /// The standby key a valid handover certified, if one was read.
  [[nodiscard]] const std::optional<crypto::public_key>& standby() const { return standby_; }
  /// The seq of that handover (0 when there is none).
  [[nodiscard]] std::uint64_t handover_seq() const { return handover_seq_; }

  /// The key entry `seq` (and a receipt naming it) must be signed by.
  [[nodiscard]] const crypto::public_key& of(std::uint64_t seq) const {
    return standby_ && seq >= handover_seq_ ? *standby_ : congress_;
  }

  /// Whether `sig` over `receipt_digest` is a valid receipt of entry `seq`: by the signer of that
  /// seq, or by the certified standby key, which signs every receipt made after the takeover —
  /// also the one a repeated command gets for a ballot the primary had stored before it (the
  /// congress key, on the lost machine, cannot make it). A receipt of a seq from the handover on
  /// by the congress key is refused: it could only come from a machine that forked the chain.
  [[nodiscard]] bool signs_receipt(std::uint64_t seq, const crypto::digest32& receipt_digest,
                                   const crypto::signature& sig) const {
    return of(seq).verify(receipt_digest, sig) ||
           (standby_ && standby_->verify(receipt_digest, sig));
  }

  /// Reads event `seq` of `type` with the stored payload text, before its signature is
  /// checked (call it for every event, in seq order): congress_created at seq 0 names the
  /// congress; a server_handover is checked — it decodes, is the first, names a key other than
  /// the congress key, comes at or after its from_seq, and its certificate is the congress
  /// key's over crypto::handover_digest(congress_id, congress key, standby_pk, from_seq) — and
  /// certifies its standby key from `seq` on. Returns "" when fine, else what is wrong ("…"
  /// naming the seq); a handover that fails certifies nothing. Sealed events (empty payload of
  /// another type) are passed over.
  [[nodiscard]] std::string note(std::uint64_t seq, std::string_view type,
                                 std::string_view payload);

 private:
  crypto::public_key congress_;
  std::string congress_id_;
  std::optional<crypto::public_key> standby_;
  std::uint64_t handover_seq_ = 0;
};

}  // namespace plenum::protocol
