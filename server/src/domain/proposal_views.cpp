#include "domain/proposal_views.hpp"

#include <algorithm>

namespace plenum::server::domain {

namespace json = boost::json;

std::string_view handling_status(const proposal& pr) {
  switch (pr.reviewed) {
    case proposal::review::submitted:
      return "submitted";
    case proposal::review::merged:
      return "merged";
    case proposal::review::converted:
      return "converted";
    case proposal::review::accepted:
      break;
  }
  if (pr.finished) return "closed";
  if (pr.awaiting_rating()) return "answered";
  return pr.round >= 2 ? "rehandling" : "accepted";
}

bool is_overdue(const proposal& pr, const civil_date& today) {
  if (!pr.awaiting_answer()) return false;
  auto deadline = civil_date::parse(pr.deadline);
  return deadline && today > *deadline;
}

json::object proposal_json(const congress_state& state, const proposal& pr,
                           const civil_date& today) {
  const person* by = state.find_person(pr.by);
  json::array co_signers;
  for (const auto& n : pr.co_signers) co_signers.emplace_back(n);
  // A merged proposal's proposer sees the answers to the one it was merged into.
  const proposal* handled = &pr;
  if (pr.reviewed == proposal::review::merged)
    if (const proposal* into = state.find_proposal(pr.merged_into)) handled = into;
  json::array answers;
  for (const auto& a : handled->answers)
    answers.push_back(json::object{{"round", a.round},
                                   {"unit", a.unit},
                                   {"text", a.text},
                                   {"unix_ms", a.unix_ms},
                                   {"rating", a.rating}});
  json::array merged;
  for (const auto& [id, other] : state.proposals())
    if (other.reviewed == proposal::review::merged && other.merged_into == pr.id)
      merged.emplace_back(id);
  const bool overdue = is_overdue(pr, today);
  std::uint32_t days_overdue = 0;
  if (overdue)
    days_overdue = state.calendar().working_days_between(*civil_date::parse(pr.deadline), today);
  return {{"id", pr.id},
          {"by", pr.by},
          {"by_name", by != nullptr ? by->name : std::string()},
          {"title", pr.title},
          {"text", pr.text},
          {"submitted_ms", pr.submitted_ms},
          {"co_signers", std::move(co_signers)},
          {"status", handling_status(pr)},
          {"unit", handled->unit},
          {"deadline", handled->deadline},
          {"round", handled->round},
          {"answers", std::move(answers)},
          {"merged_into", pr.merged_into},
          {"merged", std::move(merged)},
          {"conversion_reason", pr.conversion_reason},
          {"reviewed_ms", pr.reviewed_ms},
          {"sitting_id", pr.sitting_id},
          {"item_id", pr.item_id},
          {"on_agenda", !pr.item_id.empty()},
          {"resolution_id", pr.resolution_id},
          {"overdue", overdue},
          {"working_days_overdue", days_overdue}};
}

json::array desk_proposals(const congress_state& state, const civil_date& today) {
  json::array out;
  for (const auto& [id, pr] : state.proposals()) out.push_back(proposal_json(state, pr, today));
  return out;
}

json::array own_proposals(const congress_state& state, std::string_view person,
                          const civil_date& today) {
  json::array out;
  for (const auto& [id, pr] : state.proposals()) {
    const bool mine = pr.by == person || std::find(pr.co_signers.begin(), pr.co_signers.end(),
                                                   person) != pr.co_signers.end();
    if (mine) out.push_back(proposal_json(state, pr, today));
  }
  return out;
}

}  // namespace plenum::server::domain
