// Events of the congress log and what `decide` hands back to its caller.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace plenum::server::domain {

/// An event to be appended to the log: its type (see server/EVENTS.md) and JSON payload.
struct event_draft {
  std::string type;
  boost::json::object payload;
  friend bool operator==(const event_draft&, const event_draft&) = default;
};

/// An event as the log keeps it: its sequence number (0 for the first), type and payload
/// (parsed back from the stored text when replaying).
struct event {
  std::uint64_t seq = 0;
  std::string type;
  boost::json::object payload;
};

/// What a command decides: the events to append, in order (none for an idempotent repeat),
/// and data for the reply to the actor that is not part of the record (e.g. the receipt data
/// of a ballot that was re-sent).
struct decision {
  std::vector<event_draft> events;
  boost::json::object reply;
};

}  // namespace plenum::server::domain
