// Three-level contact (三级联系) and the opinions it collects (党员群众意见建议), as the log
// records them: committee members' delegates, delegates' party members, members' residents,
// and each opinion's handling. Names and words are private details kept beside the log; the
// model holds only their digests. Deadlines count working days (working_calendar.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/working_calendar.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::server::domain {

/// A party member kept by a delegate, or a resident kept by a party member.
struct contact {
  std::string id;
  std::string kind;            ///< member or resident
  std::string keeper;          ///< member: the delegate's number; resident: the member's contact id
  std::string details_digest;  ///< hex
  std::string by;
  std::int64_t registered_ms = 0;
  bool removed = false;
  std::string removal_reason;
  std::int64_t removed_ms = 0;
  friend bool operator==(const contact&, const contact&) = default;
};

/// An opinion a delegate collected, and its handling.
struct opinion {
  std::string id;
  std::string contact_id;
  std::string by;    ///< the delegate who logged it
  std::string date;  ///< collected
  std::string details_digest;
  std::string category;
  std::string department;
  std::string routed_date;  ///< "" until routed
  std::uint32_t extension_days = 0;
  std::string extension_reason;
  std::int64_t extended_ms = 0;  ///< when the extension was recorded
  std::string answered_date;     ///< "" until answered
  std::string answer_digest;
  std::string refused_date;  ///< "" until refused
  std::string refusal_reason;
  std::string reported_back_date;  ///< "" until reported back

  [[nodiscard]] bool routed() const { return !routed_date.empty(); }
  [[nodiscard]] bool closed() const { return !answered_date.empty() || !refused_date.empty(); }
  friend bool operator==(const opinion&, const opinion&) = default;
};

/// Working days allowed for each step.
inline constexpr std::uint32_t route_within_days = 5;
inline constexpr std::uint32_t answer_within_days = 30;
inline constexpr std::uint32_t refuse_within_days = 5;
inline constexpr std::uint32_t max_extension_days = 15;

/// The step an opinion waits for, its due date and how late it is on `today`.
struct opinion_deadlines {
  civil_date route_due;
  std::optional<civil_date> answer_due;  ///< once routed: 30 working days + the extension
  std::optional<civil_date> refuse_due;  ///< once routed: 5 working days
  bool routed_on_time = true;            ///< routed by route_due (or not yet late)
  std::optional<bool> closed_on_time;    ///< answered by answer_due / refused by refuse_due
  bool overdue = false;                  ///< waiting for a step whose due date is before today
  std::uint32_t working_days_overdue = 0;
};

/// The deadlines of `o` counted on `calendar`, on `today`.
[[nodiscard]] opinion_deadlines deadlines_of(const opinion& o, const working_calendar& calendar,
                                             const civil_date& today);

/// A committee member's delegates as set at `unix_ms`.
struct committee_list {
  std::int64_t unix_ms = 0;
  std::vector<std::string> delegates;
  friend bool operator==(const committee_list&, const committee_list&) = default;
};

/// Every contact and opinion of the congress.
struct contact_book {
  std::map<std::string, contact> contacts;
  /// Committee member's number → the delegates they keep in contact with.
  std::map<std::string, std::vector<std::string>> committee;
  /// Committee member's number → every list set for them, in log order (what stood when).
  std::map<std::string, std::vector<committee_list>> committee_history;
  std::map<std::string, opinion> opinions;

  [[nodiscard]] const contact* find_contact(const std::string& id) const;
  [[nodiscard]] const opinion* find_opinion(const std::string& id) const;
  /// The delegate who keeps contact `id`: a member's keeper, a resident's member's keeper; ""
  /// when there is none.
  [[nodiscard]] std::string keeping_delegate(const std::string& id) const;
  /// The live residents kept by member contact `id`.
  [[nodiscard]] std::size_t residents_of(const std::string& id) const;
  /// "C1", … and "O1", …: the first not taken.
  [[nodiscard]] std::string next_contact_id() const;
  [[nodiscard]] std::string next_opinion_id() const;

  /// Each applies one event; the reason when it does not fit (a foreign or forged log).
  std::optional<std::string> apply(const protocol::events::contact_registered& e);
  std::optional<std::string> apply(const protocol::events::contact_removed& e);
  std::optional<std::string> apply(const protocol::events::committee_contacts_set& e);
  std::optional<std::string> apply(const protocol::events::opinion_logged& e);
  std::optional<std::string> apply(const protocol::events::opinion_routed& e);
  std::optional<std::string> apply(const protocol::events::opinion_extended& e);
  std::optional<std::string> apply(const protocol::events::opinion_answered& e);
  std::optional<std::string> apply(const protocol::events::opinion_refused& e);
  std::optional<std::string> apply(const protocol::events::opinion_reported_back& e);

  friend bool operator==(const contact_book&, const contact_book&) = default;

 private:
  opinion* open_opinion(const std::string& id);
};

}  // namespace plenum::server::domain
