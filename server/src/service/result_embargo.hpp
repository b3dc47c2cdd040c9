// result_embargo: which board events the public may not read yet. From a vote's decryption
// until the chair's announcement is durable, the vote's partial decryptions, its decided
// result, the scrutineers' signatures over it, a follow-up vote it caused and what it left for
// the year after (its resolution_adopted, a rectification_opened naming it) are sealed for
// everyone but the chair, the secretary and the scrutineers: a sealed event travels with its
// entry hash and signature but without its payload, so the chain still checks
// (server/DOMAIN-NOTES.md "Results under embargo", protocol/PROTOCOL.md §7).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "storage/event_log.hpp"

namespace plenum::server::service {

/// Thread safety: every member may be called from any thread (one internal mutex, taken last:
/// callers may hold the hall's other mutexes).
class result_embargo {
 public:
  /// What a durable event changed: when it is a vote's announcement, the vote's id and the
  /// payload text of its vote_decided event, which the public may now read.
  struct lifted {
    std::string vote_id;
    std::string decided_payload;
    std::uint64_t decided_seq = 0;
  };

  /// Takes note of a durable event. REQUIRES: called once per event, in seq order.
  std::optional<lifted> observe(const storage::stored_event& e);

  /// Whether the event at `seq` is sealed for the public now.
  [[nodiscard]] bool sealed(std::uint64_t seq) const;

  /// Whether `vote_id` is decided but its announcement not yet durable.
  [[nodiscard]] bool under_embargo(std::string_view vote_id) const;

  /// Whether any vote is under embargo.
  [[nodiscard]] bool any() const;

 private:
  struct vote_seal {
    std::set<std::uint64_t> seqs;
    std::string decided_payload;
    std::uint64_t decided_seq = 0;
    bool decided = false;
  };

  mutable std::mutex mutex_;
  std::map<std::string, vote_seal, std::less<>> votes_;  ///< votes with sealed events
  std::set<std::uint64_t> sealed_;                       ///< every sealed seq
};

}  // namespace plenum::server::service
