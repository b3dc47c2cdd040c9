#include "domain/term.hpp"

#include <utility>

namespace plenum::server::domain {

std::optional<std::uint64_t> term_year(std::string_view term_start, std::string_view date) {
  auto start = parse_iso_date(term_start);
  auto day = parse_iso_date(date);
  if (!start || !day || *day < *start) return std::nullopt;
  int years = day->year - start->year;
  if (std::pair(day->month, day->day) < std::pair(start->month, start->day)) --years;
  return static_cast<std::uint64_t>(years + 1);
}

}  // namespace plenum::server::domain
