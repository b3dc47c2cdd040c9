// A new congress's first start: its roster (--roster, or the demo's with --init-demo) and the
// codes its persons enroll with, before it serves anyone.
#pragma once

#include "app/options.hpp"
#include "service/hall_service.hpp"

namespace plenum::server::app {

/// When `hall` holds only its congress_created event: imports the roster `opts` names (the
/// demo's with a demo sitting, printing the codes of the chair, secretary, projector, D001 and
/// the scrutineers; or --roster's, with the secretary's code) and writes every person's
/// enrollment code to a credentials file in the data directory. Otherwise does nothing.
/// Throws std::runtime_error when the roster cannot be read or imported.
void bootstrap_new_congress(const daemon_options& opts, service::hall_service& hall);

}  // namespace plenum::server::app
