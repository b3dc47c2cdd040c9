#include "service/course_index.hpp"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>

namespace plenum::server::service {

namespace json = boost::json;

namespace {

// The events of the course by type (protocol/EVENTS.md): none of them is one per delegate.
// server_handover: a client relies on entries signed by a standby key only under it.
constexpr std::array<std::string_view, 23> course_types = {
    "congress_created", "delegate_left",      "alternate_seated", "delegate_added",
    "sitting_created",  "checkin_opened",     "checkin_closed",   "sitting_opened",
    "sitting_closed",   "item_added",         "current_item_set", "ceremony_started",
    "keygen_submitted", "keys_confirmed",     "vote_created",     "vote_opened",
    "vote_closed",      "partial_submitted",  "vote_decided",     "result_signed",
    "result_announced", "resolution_adopted", "server_handover"};

// The payload's string member `key`, or "" when the payload is not an object holding one.
std::string string_member(const json::value& payload, std::string_view key) {
  const auto* o = payload.if_object();
  const auto* v = o != nullptr ? o->if_contains(key) : nullptr;
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

bool course_type(std::string_view type) {
  return std::find(course_types.begin(), course_types.end(), type) != course_types.end();
}

course_index::entry course_index::observe(const storage::stored_event& e) {
  const bool enrollment = e.type == "device_enrolled";
  const bool ceremony = e.type == "ceremony_started";
  const bool checkin = e.type == "checked_in" || e.type == "activity_checked_in";
  const bool roster = e.type == "roster_imported";
  if (!enrollment && !ceremony && !checkin && !roster && !course_type(e.type)) return {};
  std::lock_guard lock(mutex_);
  entry out;
  if (!enrollment && !checkin && !roster) {
    course_.insert(e.seq);
    out.in_course = true;
  }
  if (!enrollment && !ceremony && !checkin && !roster) return out;
  boost::system::error_code ec;
  const auto payload = json::parse(e.payload, ec);
  if (ec) return out;
  if (enrollment || checkin) {
    out.device_pk = string_member(payload, "device_pk");
    by_device_[out.device_pk].push_back(e.seq);
  }
  if (checkin) return out;
  if (enrollment) {
    auto person = string_member(payload, "person");
    if (appointed_.count(person) != 0) {
      course_.insert(e.seq);
      out.in_course = true;
    } else {
      enrollments_[std::move(person)].push_back(e.seq);
    }
    return out;
  }
  // A person a ceremony may appoint: their enrollments join the course from now on.
  auto appoint = [this](const std::string& person) {
    if (!appointed_.insert(person).second) return;
    if (auto it = enrollments_.find(person); it != enrollments_.end()) {
      course_.insert(it->second.begin(), it->second.end());
      enrollments_.erase(it);
    }
  };
  const auto* o = payload.if_object();
  const auto* listed = o != nullptr ? o->if_contains(roster ? "persons" : "scrutineers") : nullptr;
  if (listed == nullptr || !listed->is_array()) return out;
  for (const auto& s : listed->as_array()) {
    if (roster) {
      // The roster's scrutineers, the only persons a ceremony appoints: a tablet that joins
      // before the ceremony already holds their enrollments.
      const auto* p = s.if_object();
      const auto* roles = p != nullptr ? p->if_contains("roles") : nullptr;
      bool scrutineer = false;
      if (roles != nullptr && roles->is_array())
        for (const auto& r : roles->as_array()) scrutineer = scrutineer || r == "scrutineer";
      if (!scrutineer) continue;
    }
    appoint(string_member(s, "person").empty() ? string_member(s, "number")
                                               : string_member(s, "person"));
  }
  return out;
}

std::vector<std::uint64_t> course_index::seqs(std::uint64_t from, std::uint64_t to,
                                              std::uint64_t limit,
                                              const std::string& own_device_pk) const {
  std::lock_guard lock(mutex_);
  static const std::vector<std::uint64_t> none;
  const auto own_it = own_device_pk.empty() ? by_device_.end() : by_device_.find(own_device_pk);
  const auto& own = own_it == by_device_.end() ? none : own_it->second;
  // The two ordered sequences merged (an own enrollment may be a scrutineer's, in both).
  auto c = course_.lower_bound(from);
  auto o = std::lower_bound(own.begin(), own.end(), from);
  std::vector<std::uint64_t> out;
  while (out.size() < limit) {
    const bool more_c = c != course_.end() && *c < to;
    const bool more_o = o != own.end() && *o < to;
    if (!more_c && !more_o) break;
    if (more_c && (!more_o || *c <= *o)) {
      if (more_o && *o == *c) ++o;
      out.push_back(*c++);
    } else {
      out.push_back(*o++);
    }
  }
  return out;
}

std::size_t course_index::size() const {
  std::lock_guard lock(mutex_);
  return course_.size();
}

}  // namespace plenum::server::service
