// A sitting's summary sheet from the record: attendance counted from the roster, the excusals
// and the check-ins of the sitting, and the sheet of each of its decided votes.
#include <algorithm>
#include <boost/json/parse.hpp>
#include <set>
#include <string>

#include "plenum/clients/sheet/from_record.hpp"

namespace plenum::clients::sheet {

namespace json = boost::json;

namespace {

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

bool has_role(const json::object& person, std::string_view role) {
  const auto* roles = person.if_contains("roles");
  if (roles == nullptr || !roles->is_array()) return false;
  for (const auto& r : roles->get_array())
    if (r.is_string() && r.get_string() == role) return true;
  return false;
}

// What the summary needs from the events, in board order.
struct sitting_events {
  bool found = false;
  bool closed = false;
  std::string congress;
  sheet_header header;
  std::set<std::string> delegates;  ///< of the roster as it stood when the sitting closed
  std::set<std::string> excused;
  std::set<std::string> checked_in;
  std::vector<std::string> decided_votes;  ///< in board order
};

result<void> take(sitting_events& out, const protocol::board_event& e, const json::object& p,
                  std::string_view sitting_id, std::set<std::string>& votes_of_sitting) {
  if (e.type == "congress_created") {
    out.header.congress = text_of(p, "name");
  } else if (e.type == "roster_imported") {
    if (out.closed) return {};
    const auto* persons = p.if_contains("persons");
    if (persons == nullptr || !persons->is_array()) return errc::invalid_field;
    out.delegates.clear();
    for (const auto& person : persons->get_array())
      if (person.is_object() && has_role(person.get_object(), "delegate"))
        out.delegates.insert(text_of(person.get_object(), "number"));
  } else if (e.type == "vote_created") {
    if (text_of(p, "sitting_id") == sitting_id) votes_of_sitting.insert(text_of(p, "vote_id"));
  } else if (e.type == "vote_decided") {
    if (votes_of_sitting.contains(text_of(p, "vote_id")))
      out.decided_votes.push_back(text_of(p, "vote_id"));
  } else if (text_of(p, "sitting_id") != sitting_id) {
    return {};
  } else if (e.type == "sitting_created") {
    out.found = true;
    out.header.sitting = text_of(p, "title");
    out.header.date = text_of(p, "date");
  } else if (e.type == "sitting_closed") {
    out.closed = true;
  } else if (e.type == "delegate_excused") {
    out.excused.insert(text_of(p, "person"));
  } else if (e.type == "excusal_withdrawn") {
    out.excused.erase(text_of(p, "person"));
  } else if (e.type == "checked_in") {
    out.checked_in.insert(text_of(p, "person"));
  }
  return {};
}

}  // namespace

result<sitting_sheet> sitting_sheet_from_record(const std::vector<protocol::board_event>& events,
                                                const crypto::public_key& congress_pk,
                                                std::string_view sitting_id) {
  static constexpr std::string_view wanted[] = {
      "congress_created", "roster_imported",  "sitting_created",
      "sitting_closed",   "delegate_excused", "excusal_withdrawn",
      "checked_in",       "vote_created",     "vote_decided"};
  sitting_events found;
  std::set<std::string> votes_of_sitting;
  for (const auto& e : events) {
    if (std::find(std::begin(wanted), std::end(wanted), e.type) == std::end(wanted)) continue;
    boost::system::error_code ec;
    const json::value parsed = json::parse(e.payload, ec);
    if (ec || !parsed.is_object()) return errc::invalid_field;
    auto taken = take(found, e, parsed.get_object(), sitting_id, votes_of_sitting);
    if (!taken) return taken.error();
  }
  if (!found.found) return errc::no_sitting;

  sitting_sheet out;
  out.header = found.header;
  auto& a = out.attendance;
  a.roster = found.delegates.size();
  for (const auto& d : found.delegates) {
    if (found.excused.contains(d))
      ++a.excused;
    else if (found.checked_in.contains(d))
      ++a.present;
  }
  a.seated = a.roster - a.excused;
  for (const auto& vote_id : found.decided_votes) {
    auto sheet = vote_sheet_from_record(events, congress_pk, vote_id);
    if (!sheet) return sheet.error();
    out.votes.push_back(std::move(*sheet));
  }
  return out;
}

}  // namespace plenum::clients::sheet
