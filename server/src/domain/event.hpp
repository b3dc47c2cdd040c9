// Events of the congress log as the domain sees them, and what `decide` hands back to its
// caller. The event vocabulary itself is protocol's (plenum/protocol/events.hpp).
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::server::domain {

/// An event as the log holds it: its sequence number (0 for the first), its entry hash in the
/// chain (CVP1 §6, computed by the log when it was appended) and its typed payload.
struct event {
  std::uint64_t seq = 0;
  crypto::digest32 entry_hash{};
  protocol::congress_event body;
};

/// What a command decides: the events to append, in order (none for an idempotent repeat),
/// and data for the reply to the actor that is not part of the record (e.g. the receipt data
/// of a ballot that was re-sent, or the id the congress gave).
struct decision {
  std::vector<protocol::congress_event> events;
  boost::json::object reply;
};

}  // namespace plenum::server::domain
