#include "plenum/protocol/working_calendar.hpp"

#include <cstdio>

namespace plenum::protocol {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned length[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : length[m - 1];
}

// Days from civil (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr std::int64_t ms_per_day = 86'400'000;
constexpr std::int64_t china_offset_ms = 8 * 3'600'000;

}  // namespace

std::optional<civil_date> civil_date::parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n, unsigned& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      out = out * 10 + static_cast<unsigned>(t[i] - '0');
    }
    return true;
  };
  unsigned y = 0, m = 0, d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(static_cast<int>(y), m))
    return std::nullopt;
  return civil_date{static_cast<int>(y), m, d};
}

civil_date civil_date::from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const auto y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
  return civil_date{y, m, d};
}

civil_date civil_date::of_unix_ms(std::int64_t unix_ms) {
  std::int64_t local = unix_ms + china_offset_ms;
  std::int64_t days = local / ms_per_day;
  if (local % ms_per_day < 0) --days;
  return from_days(days);
}

std::int64_t civil_date::days() const { return days_from_civil(year, month, day); }

unsigned civil_date::weekday() const {
  // 1970-01-01 was a Thursday (4).
  const std::int64_t z = days();
  const std::int64_t w = ((z % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<unsigned>(w) + 1;
}

std::string civil_date::text() const {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", year, month, day);
  return out;
}

civil_date civil_date::plus_days(std::int64_t n) const { return from_days(days() + n); }

civil_date civil_date::plus_months(int m) const {
  const int index = year * 12 + static_cast<int>(month) - 1 + m;
  civil_date out;
  out.year = index / 12;
  out.month = static_cast<unsigned>(index % 12) + 1;
  const unsigned last = days_in_month(out.year, out.month);
  out.day = day > last ? last : day;
  return out;
}

std::optional<std::string> calendar_problem(int year, const year_calendar& c) {
  for (const auto& d : c.holidays)
    if (d.year != year) return d.text() + " is not of " + std::to_string(year);
  for (const auto& d : c.workdays) {
    if (d.year != year) return d.text() + " is not of " + std::to_string(year);
    if (!d.weekend()) return d.text() + " is a weekday: a make-up workday is a Saturday or Sunday";
    if (c.holidays.contains(d)) return d.text() + " is both a holiday and a workday";
  }
  return std::nullopt;
}

bool working_calendar::is_working_day(const civil_date& d) const {
  auto it = years_.find(d.year);
  if (it != years_.end()) {
    if (it->second.workdays.contains(d)) return true;
    if (it->second.holidays.contains(d)) return false;
  }
  return !d.weekend();
}

civil_date working_calendar::add_working_days(const civil_date& d, std::uint32_t n) const {
  civil_date at = d;
  while (n > 0) {
    at = at.plus_days(1);
    if (is_working_day(at)) --n;
  }
  return at;
}

std::uint32_t working_calendar::working_days_between(const civil_date& a,
                                                     const civil_date& b) const {
  std::uint32_t n = 0;
  for (civil_date at = a.plus_days(1); at <= b; at = at.plus_days(1))
    if (is_working_day(at)) ++n;
  return n;
}

civil_date working_calendar::roll_to_working_day(const civil_date& d) const {
  civil_date at = d;
  while (!is_working_day(at)) at = at.plus_days(1);
  return at;
}

civil_date working_calendar::add_months(const civil_date& d, int m) const {
  return roll_to_working_day(d.plus_months(m));
}

}  // namespace plenum::protocol
