// The congress's working days (protocol/include/plenum/protocol/working_calendar.hpp, shared
// with plenum-verify), under the domain's names.
#pragma once

#include "plenum/protocol/working_calendar.hpp"

namespace plenum::server::domain {

using protocol::civil_date;
using protocol::working_calendar;
using protocol::year_calendar;

}  // namespace plenum::server::domain
