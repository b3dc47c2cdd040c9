// Events of the congress log as the domain sees them, and what `decide` hands back to its
// caller. The event vocabulary itself is protocol's (plenum/protocol/events.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/running_tally.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::server::domain {

/// An event as the log holds it: its sequence number (0 for the first), its entry hash in the
/// chain (CVP1 §6, computed by the log when it was appended) and its typed payload.
struct event {
  std::uint64_t seq = 0;
  crypto::digest32 entry_hash{};
  protocol::congress_event body;
  /// For a ballot_accepted applied as it is decided: its ballot's points as its verification
  /// decoded them, so that the vote's running tally does not decode them again (the tally
  /// takes them only if they are that ballot's, else decodes). Null on replay.
  const crypto::decoded_ballot_points* ballot_points = nullptr;
};

/// The receipt data of a ballot or challenge sent again unchanged: nothing new is recorded,
/// and the actor hears what the first one got.
struct repeated_ballot {
  std::uint64_t seq = 0;  ///< its ballot_accepted or ballot_spoiled event
  crypto::digest32 tracking_code{};
  crypto::digest32 digest{};       ///< a cast ballot's
  crypto::ballot_choices choices;  ///< a challenged ballot's
};

/// Private details to keep beside the log with the decision's events (RECORD.md "Private
/// details"): the digest an event carries, the salt and the canonical JSON of the details.
struct private_record {
  std::string digest;  ///< hex
  std::string salt;    ///< hex
  std::string details;
  friend bool operator==(const private_record&, const private_record&) = default;
};

/// What a command decides: the events to append, in order (none for an idempotent repeat),
/// and what the reply to the actor says that is not part of the record.
struct decision {
  std::vector<protocol::congress_event> events;
  /// The id the congress gave to what the command created, with its field name in the reply
  /// ("sitting_id", "item_id", "material_id", "proposal_id", "vote_id"); empty otherwise.
  std::string created_id_field;
  std::string created_id;
  /// Set for an idempotent repeat of cast_ballot or spoil_ballot.
  std::optional<repeated_ballot> repeat;
  /// Private details the events carry the digests of, stored with them in one transaction.
  std::vector<private_record> private_details{};
};

}  // namespace plenum::server::domain
