// Dates and working days. A date is the ISO text `YYYY-MM-DD` (years 1900 … 9999); a working day
// is Monday to Friday unless the year's calendar lists it as a public holiday, or a weekend date
// the calendar lists as a make-up workday (调休). The congress counts its deadlines in working
// days (proposal answers, follow-up limits); the server and plenum-verify both use this one
// implementation. Pure values; thread-safe for concurrent reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace plenum::protocol {

/// A calendar date (proleptic Gregorian).
struct civil_date {
  int year = 1970;
  unsigned month = 1;  ///< 1 … 12
  unsigned day = 1;    ///< 1 … days of the month

  /// The date written `YYYY-MM-DD`, or nullopt for any other text or a day that does not exist.
  [[nodiscard]] static std::optional<civil_date> parse(std::string_view text);
  /// The date of a day number (days since 1970-01-01).
  [[nodiscard]] static civil_date from_days(std::int64_t days);
  /// The date at `unix_ms` in China Standard Time (UTC+8), the congress's clock.
  [[nodiscard]] static civil_date of_unix_ms(std::int64_t unix_ms);

  /// Days since 1970-01-01 (negative before).
  [[nodiscard]] std::int64_t days() const;
  /// 1 = Monday … 7 = Sunday.
  [[nodiscard]] unsigned weekday() const;
  [[nodiscard]] bool weekend() const { return weekday() >= 6; }
  /// `YYYY-MM-DD`.
  [[nodiscard]] std::string text() const;
  /// The date `n` calendar days later (earlier for negative n).
  [[nodiscard]] civil_date plus_days(std::int64_t n) const;
  /// The same day `m` months later, the last day of that month when it is shorter.
  [[nodiscard]] civil_date plus_months(int m) const;

  friend auto operator<=>(const civil_date&, const civil_date&) = default;
};

/// One year's exceptions to Monday–Friday: public holidays and make-up workdays.
struct year_calendar {
  std::set<civil_date> holidays;
  std::set<civil_date> workdays;
  friend bool operator==(const year_calendar&, const year_calendar&) = default;
};

/// Why a year's calendar is refused (nullopt when it is acceptable): a date of another year, a
/// date listed twice or both as a holiday and a workday, or a make-up workday that is not a
/// Saturday or Sunday.
[[nodiscard]] std::optional<std::string> calendar_problem(int year, const year_calendar& c);

/// The working-day calendar of the congress: Monday to Friday, with each year's exceptions.
/// A year without a calendar has no exceptions.
class working_calendar {
 public:
  /// Replaces the exceptions of `year`.
  void set_year(int year, year_calendar c) { years_.insert_or_assign(year, std::move(c)); }
  [[nodiscard]] const std::map<int, year_calendar>& years() const { return years_; }

  [[nodiscard]] bool is_working_day(const civil_date& d) const;
  /// The n-th working day after `d` (n ≥ 1); `d` itself for n = 0.
  [[nodiscard]] civil_date add_working_days(const civil_date& d, std::uint32_t n) const;
  /// How many working days w there are with a < w ≤ b (0 when b ≤ a), so that
  /// working_days_between(a, add_working_days(a, n)) == n.
  [[nodiscard]] std::uint32_t working_days_between(const civil_date& a, const civil_date& b) const;
  /// `d` if it is a working day, else the next one.
  [[nodiscard]] civil_date roll_to_working_day(const civil_date& d) const;
  /// The same day `m` months later (clamped to the month's end), rolled forward to a working
  /// day.
  [[nodiscard]] civil_date add_months(const civil_date& d, int m) const;

  friend bool operator==(const working_calendar&, const working_calendar&) = default;

 private:
  std::map<int, year_calendar> years_;
};

}  // namespace plenum::protocol
