// Private to plenum_verify: the follow-up of the term as the record shows it — roster changes
// between sittings, resolutions adopted with passed motions, rectification items from
// appraisal and confidence, implementation reports — and its checks (resolutions,
// rectification, reports, roster_changes).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "plenum/protocol/events.hpp"

namespace plenum::clients::verify::detail {

class check_log;
struct congress_model;

/// What the follow-up checks need from the rest of the record.
struct follow_up_model {
  /// (sitting, item) → the item's kind.
  std::map<std::pair<std::string, std::string>, std::string> item_kinds;
  /// vote → its item and its members or candidates (vote_created's `candidates`).
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> votes;
  std::set<std::string> open_sittings;
  /// Sittings whose sitting_created names their kind: made by a server that records
  /// resolutions and rectification items with their votes (older records have neither).
  std::set<std::string> sittings_with_kind;
  /// vote → the seq of its resolution_adopted.
  std::map<std::string, std::uint64_t> resolutions_by_vote;
  std::set<std::string> resolutions;
  std::set<std::string> rectifications;
  /// (vote, member) of the confidence vote's rectification items.
  std::set<std::pair<std::string, std::string>> confidence_items;
  std::set<std::string> reports;
  /// What a satisfaction appraisal may name so far, (kind, id) → the title it is appraised
  /// under: adopted resolutions, proposals accepted (立案) for handling, opened rectification
  /// items (satisfaction_subjects.hpp).
  std::map<std::pair<std::string, std::string>, std::string> appraisable;
};

/// The sequential checks of each follow-up event (the roster changes update `model.roles`).
void on_delegate_left(congress_model& model, std::uint64_t seq,
                      const protocol::events::delegate_left& e, check_log& log);
void on_alternate_seated(congress_model& model, std::uint64_t seq,
                         const protocol::events::alternate_seated& e, check_log& log);
void on_delegate_added(congress_model& model, std::uint64_t seq,
                       const protocol::events::delegate_added& e, check_log& log);
void on_resolution_adopted(congress_model& model, std::uint64_t seq,
                           const protocol::events::resolution_adopted& e, check_log& log);
void on_rectification_opened(congress_model& model, std::uint64_t seq,
                             const protocol::events::rectification_opened& e, check_log& log);
void on_implementation_reported(congress_model& model, std::uint64_t seq,
                                const protocol::events::implementation_reported& e, check_log& log);

/// After the replay: in the sittings of a record that names their kind, every passed motion on a
/// report, major matter or proposal item adopted its resolution, and every member a confidence
/// vote flagged has its rectification item.
void check_follow_up(const congress_model& model, check_log& log);

}  // namespace plenum::clients::verify::detail
