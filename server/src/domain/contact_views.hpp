// What get_contacts and get_opinions answer: the three levels of contact with their counts and
// gaps, and each opinion with its due dates and lateness. Private details come from the store
// beside the log through `details_lookup`, and only into views for those who may read them.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "domain/state.hpp"

namespace plenum::server::domain {

/// The private details whose digest (hex) an event carries; nullopt when not kept.
using details_lookup = std::function<std::optional<boost::json::object>(const std::string&)>;

/// How a count compares with what the rules ask: "below", "ok" or "above".
[[nodiscard]] std::string contact_gap(std::size_t count, std::size_t at_least,
                                      std::optional<std::size_t> at_most);

/// {"bounds", "committee": [{member, name, delegates, count, gap}], "delegates": [{person, name,
/// count, gap, members: [{contact_id, keeper, count, gap, details, residents: [{contact_id,
/// keeper, details}]}]}]}. The office (`office`) sees every delegate; anyone else only their
/// own entry (`viewer`), with their contacts' details.
[[nodiscard]] boost::json::object contacts_view(const congress_state& state,
                                                const std::string& viewer, bool office,
                                                const details_lookup& details);

/// Every opinion for the office, those `viewer` logged for anyone else: each with its steps,
/// due dates (route_due, answer_due, refuse_due), whether each was on time, whether it is
/// overdue on `today` and by how many working days; with its details and the answer's.
[[nodiscard]] boost::json::array opinions_view(const congress_state& state,
                                               const std::string& viewer, bool office,
                                               const civil_date& today,
                                               const details_lookup& details);

}  // namespace plenum::server::domain
