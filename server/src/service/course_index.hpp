// course_index: which durable board events make up the sitting's course, the part of the board
// a delegate's tablet checks (protocol/PROTOCOL.md §8b): the roster and its changes, the sittings
// and their agendas, the key ceremonies, the votes and their results, the device enrollments of
// every scrutineer of the roster or a ceremony appointed, and for a reader's own device its
// enrollment and check-ins. What it leaves out grows with the delegates (their enrollment codes,
// enrollments, check-ins, ballots, proposals…); what it holds grows with the sittings, votes and
// scrutineers only, so a tablet that reads the course when it joins reads the same few events
// whether the hall seats a hundred delegates or ten thousand.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "storage/event_log.hpp"

namespace plenum::server::service {

/// Thread safety: every member may be called from any thread (one internal mutex, taken last).
class course_index {
 public:
  /// What one event is to the course as it becomes durable.
  struct entry {
    /// In the course from now on (its type, or an enrollment of an appointed scrutineer).
    bool in_course = false;
    /// The device key (hex) the event names, its enrollment or a check-in: the course of that
    /// device's reader holds it; "" for any other event.
    std::string device_pk;
  };
  /// Takes note of a durable event and says what it is to the course. REQUIRES: called once per
  /// event, in seq order.
  entry observe(const storage::stored_event& e);

  /// The seqs of the course from `from` up to (not including) `to`, at most `limit`, in order,
  /// with those of the events naming `own_device_pk` (hex; none when empty) as their device key:
  /// its enrollment, sitting check-ins and activity check-ins. An enrollment of a scrutineer
  /// appointed after it was made is in the course from the appointment on.
  [[nodiscard]] std::vector<std::uint64_t> seqs(std::uint64_t from, std::uint64_t to,
                                                std::uint64_t limit,
                                                const std::string& own_device_pk = {}) const;

  /// How many events the course holds now.
  [[nodiscard]] std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::set<std::uint64_t> course_;
  /// Each person's device_enrolled seqs, until the person is appointed.
  std::map<std::string, std::vector<std::uint64_t>> enrollments_;
  /// Persons some ceremony_started appointed.
  std::set<std::string> appointed_;
  /// By device key (hex): the seqs of the events naming it, in order.
  std::map<std::string, std::vector<std::uint64_t>> by_device_;
};

/// Whether an event of type `type` belongs to the course by its type alone.
[[nodiscard]] bool course_type(std::string_view type);

}  // namespace plenum::server::service
