#include "domain/county_views.hpp"

#include <boost/json/array.hpp>

#include "domain/proposal_views.hpp"

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

json::array overdue_proposals(const congress_state& state, const civil_date& today) {
  json::array out;
  for (const auto& [id, pr] : state.proposals()) {
    if (!is_overdue(pr, today)) continue;
    const auto deadline = civil_date::parse(pr.deadline);
    out.push_back(json::object{
        {"id", pr.id},
        {"title", pr.title},
        {"unit", pr.unit},
        {"deadline", pr.deadline},
        {"round", pr.round},
        {"working_days_overdue", state.calendar().working_days_between(*deadline, today)}});
  }
  return out;
}

}  // namespace

json::object township_overview(const congress_state& state, const civil_date& today) {
  json::array proposals = overdue_proposals(state, today);
  const std::size_t overdue_count = proposals.size();
  return {{"congress_id", state.congress() ? state.congress()->id : std::string()},
          {"congress_name", state.congress() ? state.congress()->name : std::string()},
          {"events", state.next_seq()},
          {"monthly_reports", json::array{}},
          {"overdue", json::object{{"proposals", overdue_count}}},
          {"overdue_proposals", std::move(proposals)}};
}

}  // namespace plenum::server::domain
