// The county's read of one hall (hall_service::township_overview).
#include "domain/county_views.hpp"
#include "service/command_pipeline.hpp"
#include "service/hall_service.hpp"

namespace plenum::server::service {

boost::json::object hall_service::township_overview() const {
  const auto today = domain::civil_date::of_unix_ms(clock_->now_ms());
  return commands_->read([&](const domain::congress_state& state) {
    auto view = domain::township_overview(state, today);
    view["today"] = today.text();
    return view;
  });
}

}  // namespace plenum::server::service
