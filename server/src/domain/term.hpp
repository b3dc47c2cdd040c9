// The term (届) and its calendar: ISO dates and the year of the term a date falls in. Pure
// functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace plenum::server::domain {

/// A calendar date.
struct civil_date {
  int year = 0;
  int month = 0;
  int day = 0;
  friend auto operator<=>(const civil_date&, const civil_date&) = default;
};

/// The date written `YYYY-MM-DD` (a real day of the Gregorian calendar); nullopt otherwise.
[[nodiscard]] std::optional<civil_date> parse_iso_date(std::string_view text) noexcept;

/// The year of the term (1-based) that `date` falls in, counting whole years from
/// `term_start`; nullopt when either is not an ISO date or `date` is before the term.
[[nodiscard]] std::optional<std::uint64_t> term_year(std::string_view term_start,
                                                     std::string_view date) noexcept;

}  // namespace plenum::server::domain
