#include "service/course_index.hpp"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>

namespace plenum::server::service {

namespace json = boost::json;

namespace {

// The events of the course by type (protocol/EVENTS.md): none of them is one per delegate.
constexpr std::array<std::string_view, 19> course_types = {
    "congress_created", "sitting_created",  "checkin_opened",    "checkin_closed",
    "sitting_opened",   "sitting_closed",   "item_added",        "current_item_set",
    "ceremony_started", "keygen_submitted", "keys_confirmed",    "vote_created",
    "vote_opened",      "vote_closed",      "partial_submitted", "vote_decided",
    "result_signed",    "result_announced", "resolution_adopted"};

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

void course_index::observe(const storage::stored_event& e) {
  const bool enrollment = e.type == "device_enrolled";
  const bool ceremony = e.type == "ceremony_started";
  if (!enrollment && !ceremony && !course_type(e.type)) return;
  std::lock_guard lock(mutex_);
  if (!enrollment) course_.insert(e.seq);
  if (!enrollment && !ceremony) return;
  boost::system::error_code ec;
  const auto payload = json::parse(e.payload, ec);
  if (ec) return;
  if (enrollment) {
    auto person = string_member(payload, "person");
    if (appointed_.count(person) != 0)
      course_.insert(e.seq);
    else
      enrollments_[std::move(person)].push_back(e.seq);
    return;
  }
  const auto* o = payload.if_object();
  const auto* appointed = o != nullptr ? o->if_contains("scrutineers") : nullptr;
  if (appointed == nullptr || !appointed->is_array()) return;
  for (const auto& s : appointed->as_array()) {
    auto person = string_member(s, "person");
    if (!appointed_.insert(person).second) continue;
    if (auto it = enrollments_.find(person); it != enrollments_.end()) {
      course_.insert(it->second.begin(), it->second.end());
      enrollments_.erase(it);
    }
  }
}

std::vector<std::uint64_t> course_index::seqs(std::uint64_t from, std::uint64_t to,
                                              std::uint64_t limit) const {
  std::lock_guard lock(mutex_);
  std::vector<std::uint64_t> out;
  for (auto it = course_.lower_bound(from); it != course_.end() && *it < to && out.size() < limit;
       ++it)
    out.push_back(*it);
  return out;
}

std::size_t course_index::size() const {
  std::lock_guard lock(mutex_);
  return course_.size();
}

}  // namespace plenum::server::service
