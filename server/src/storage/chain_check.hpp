// Checks a stored log while it is read (CVP1 §6): seqs without gaps, each prev_hash the entry_hash
// before it, each entry_hash recomputed, each signature valid under the congress key — or, from
// a server_handover on, under the standby key it certifies — and the congress key the store
// records equal to the one given. Shared by every log_store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plenum/crypto/sign.hpp"
#include "storage/event_record.hpp"
#include "storage/log_store.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::storage {

/// errc::broken_chain, "event log <log_name>: <what>".
[[nodiscard]] storage_error broken_log(const std::string& log_name, const std::string& what);

/// Checks that the store records `key` as the congress public key. Errors: errc::broken_chain
/// when it records none or another key.
[[nodiscard]] storage_result<void> check_congress_key(
    const std::string& log_name, const std::optional<std::vector<std::uint8_t>>& stored,
    const crypto::public_key& key);

/// Who signs a chain's entries (crypto/SPEC.md §6, "Who signs entry_hash"): the congress key
/// until a `server_handover`, its certified standby key from it on.
struct chain_signers {
  std::string congress_id;                        ///< from event 0; "" before it
  std::optional<crypto::public_key> standby_key;  ///< set by the handover
  std::uint64_t handover_seq = 0;                 ///< the handover's seq, when there is one
};

/// Takes the rows of a log in the order read and keeps those that check.
class chain_verifier {
 public:
  /// Checks a log from its first event.
  chain_verifier(std::string log_name, crypto::public_key key)
      : log_name_(std::move(log_name)), key_(key) {}
  /// Checks the events that follow `head` (a chain already checked, whose signers are
  /// `signers`).
  chain_verifier(std::string log_name, crypto::public_key key, const chain_head& head,
                 chain_signers signers = {})
      : log_name_(std::move(log_name)),
        key_(key),
        signers_(std::move(signers)),
        next_seq_(head.length),
        previous_(head.hash) {}

  /// Checks `row` as the next event. Errors: errc::broken_chain naming the first bad seq and
  /// what is wrong with it.
  [[nodiscard]] storage_result<void> add(const event_row& row);

  /// The events checked so far (those after the head given), in seq order.
  [[nodiscard]] std::vector<stored_event> take() { return std::move(events_); }

  /// Who signed the chain checked so far, and who must sign its next entry.
  [[nodiscard]] const chain_signers& signers() const { return signers_; }

 private:
  // Checks a congress_created at seq 0 or a server_handover and notes what they say.
  [[nodiscard]] storage_result<void> note_signers(const stored_event& e, const std::string& at);

  std::string log_name_;
  crypto::public_key key_;
  chain_signers signers_;
  std::vector<stored_event> events_;
  std::uint64_t next_seq_ = 0;   ///< the seq the next event must have
  crypto::digest32 previous_{};  ///< the entry_hash it must chain to (genesis: zeros)
};

}  // namespace plenum::server::storage
