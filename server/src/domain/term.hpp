// The term (届) and its years: the year of the term a sitting's date falls in. Dates are
// protocol::civil_date (ISO `YYYY-MM-DD`). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "plenum/protocol/working_calendar.hpp"

namespace plenum::server::domain {

/// The date written `YYYY-MM-DD` (a day that exists); nullopt otherwise.
[[nodiscard]] inline std::optional<protocol::civil_date> parse_iso_date(std::string_view text) {
  return protocol::civil_date::parse(text);
}

/// The year of the term (1-based) that `date` falls in, counting whole years from
/// `term_start`; nullopt when either is not an ISO date or `date` is before the term.
[[nodiscard]] std::optional<std::uint64_t> term_year(std::string_view term_start,
                                                     std::string_view date);

}  // namespace plenum::server::domain
