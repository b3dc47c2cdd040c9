// Private to plenum_verify: three-level contact and opinions as the record shows them — digests
// only, never names — and their checks (contacts, opinions): who sent each event, and that an
// opinion's steps come in order with dates that do not go back.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "plenum/protocol/events.hpp"

namespace plenum::clients::verify::detail {

class check_log;
struct congress_model;

/// What the replay keeps of contacts and opinions.
struct contacts_model {
  /// contact → the delegate who keeps it ("" when removed).
  std::map<std::string, std::string> keepers;
  std::map<std::string, std::string> kinds;
  struct opinion_steps {
    std::string by;
    std::string last_date;  ///< the latest step's date
    bool routed = false;
    bool extended = false;
    bool closed = false;
    bool reported_back = false;
  };
  std::map<std::string, opinion_steps> opinions;
};

/// The sequential checks of each contact and opinion event.
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::contact_registered& e, check_log& log);
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::contact_removed& e, check_log& log);
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::committee_contacts_set& e, check_log& log);
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::opinion_logged& e, check_log& log);
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::opinion_routed& e, check_log& log);
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::opinion_extended& e, check_log& log);
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::opinion_answered& e, check_log& log);
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::opinion_refused& e, check_log& log);
void on_contact_event(congress_model& m, std::uint64_t seq,
                      const protocol::events::opinion_reported_back& e, check_log& log);

}  // namespace plenum::clients::verify::detail
