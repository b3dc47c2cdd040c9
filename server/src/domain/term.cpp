#include "domain/term.hpp"

namespace plenum::server::domain {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

std::optional<int> digits(std::string_view text) {
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

std::optional<civil_date> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digits(text.substr(0, 4));
  auto m = digits(text.substr(5, 2));
  auto d = digits(text.substr(8, 2));
  if (!y || !m || !d || *y < 1900 || *m < 1 || *m > 12 || *d < 1 || *d > days_in(*y, *m))
    return std::nullopt;
  return civil_date{*y, *m, *d};
}

std::optional<std::uint64_t> term_year(std::string_view term_start,
                                       std::string_view date) noexcept {
  auto start = parse_iso_date(term_start);
  auto day = parse_iso_date(date);
  if (!start || !day || *day < *start) return std::nullopt;
  int years = day->year - start->year;
  if (civil_date{0, day->month, day->day} < civil_date{0, start->month, start->day}) --years;
  return static_cast<std::uint64_t>(years + 1);
}

}  // namespace plenum::server::domain
