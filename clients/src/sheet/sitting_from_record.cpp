// A sitting's summary sheet from the record: attendance counted from the roster, the excusals
// and the check-ins of the sitting, and the sheet of each of its decided votes.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <variant>

#include "plenum/clients/sheet/from_record.hpp"
#include "record_events.hpp"

namespace plenum::clients::sheet {

namespace {

namespace ev = protocol::events;

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

// Folds one event of the sitting `id` into `out`: the events no sitting names, then those of
// this sitting (the others left aside).
class summary_reader {
 public:
  summary_reader(sitting_events& out, std::string_view id) : out_(out), id_(id) {}

  void operator()(const ev::congress_created& e) { out_.header.congress = e.name; }
  void operator()(const ev::roster_imported& e) {
    if (out_.closed) return;
    out_.delegates.clear();
    for (const auto& person : e.persons)
      if (std::find(person.roles.begin(), person.roles.end(), "delegate") != person.roles.end())
        out_.delegates.insert(person.number);
  }
  void operator()(const ev::vote_created& e) {
    if (e.sitting_id == id_) votes_.insert(e.vote_id);
  }
  void operator()(const ev::vote_decided& e) {
    if (votes_.contains(e.vote_id)) out_.decided_votes.push_back(e.vote_id);
  }
  void operator()(const ev::sitting_created& e) {
    if (e.sitting_id != id_) return;
    out_.found = true;
    out_.header.sitting = e.title;
    out_.header.date = e.date;
  }
  void operator()(const ev::sitting_closed& e) { out_.closed = out_.closed || e.sitting_id == id_; }
  void operator()(const ev::delegate_excused& e) {
    if (e.sitting_id == id_) out_.excused.insert(e.person);
  }
  void operator()(const ev::excusal_withdrawn& e) {
    if (e.sitting_id == id_) out_.excused.erase(e.person);
  }
  void operator()(const ev::checked_in& e) {
    if (e.sitting_id == id_) out_.checked_in.insert(e.person);
  }
  // The vote sheets' own events.
  template <typename Other>
  void operator()(const Other&) {}

 private:
  sitting_events& out_;
  std::string_view id_;
  std::set<std::string> votes_;  ///< of this sitting
};

}  // namespace

result<sitting_sheet> sitting_sheet_from_record(const std::vector<protocol::board_event>& events,
                                                const crypto::public_key& congress_pk,
                                                std::string_view sitting_id) {
  static constexpr std::array<std::string_view, 5> summary_types = {
      ev::sitting_closed::type, ev::delegate_excused::type, ev::excusal_withdrawn::type,
      ev::checked_in::type, ev::vote_decided::type};
  std::vector<std::string_view> types(summary_types.begin(), summary_types.end());
  for (const auto type : detail::vote_sheet_types())
    if (std::find(types.begin(), types.end(), type) == types.end()) types.push_back(type);
  auto read = detail::read_events(events, types);
  if (!read) return read.error();

  sitting_events found;
  summary_reader reader(found, sitting_id);
  for (const auto& e : *read) std::visit(reader, e.event);
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
    auto sheet = detail::vote_sheet_of(*read, congress_pk, vote_id);
    if (!sheet) return sheet.error();
    out.votes.push_back(std::move(*sheet));
  }
  return out;
}

}  // namespace plenum::clients::sheet
