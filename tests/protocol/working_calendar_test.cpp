// Dates and working days: ISO dates parsed strictly, Monday to Friday with a year's public
// holidays and make-up workdays (调休), and the deadlines counted in them.
#include <gtest/gtest.h>

#include "plenum/protocol/working_calendar.hpp"

namespace plenum::protocol {
namespace {

civil_date d(std::string_view text) {
  auto parsed = civil_date::parse(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(civil_date{});
}

// 2026's National Day week: 10-01 … 10-07 off, Sunday 09-27 and Saturday 10-10 worked.
working_calendar national_day() {
  working_calendar c;
  year_calendar y;
  for (const char* h : {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05",
                        "2026-10-06", "2026-10-07"})
    y.holidays.insert(d(h));
  y.workdays = {d("2026-09-27"), d("2026-10-10")};
  EXPECT_FALSE(calendar_problem(2026, y));
  c.set_year(2026, y);
  return c;
}

TEST(WorkingCalendar, DatesAreParsedStrictly) {
  EXPECT_TRUE(civil_date::parse("2024-02-29"));
  EXPECT_FALSE(civil_date::parse("2026-02-29"));
  EXPECT_FALSE(civil_date::parse("2026-2-01"));
  EXPECT_FALSE(civil_date::parse("2026-13-01"));
  EXPECT_FALSE(civil_date::parse("2026-01-00"));
  EXPECT_FALSE(civil_date::parse("2026/01/05"));
  EXPECT_FALSE(civil_date::parse("20260105"));
  EXPECT_FALSE(civil_date::parse(""));
  EXPECT_EQ(d("2026-01-05").text(), "2026-01-05");
  EXPECT_EQ(d("2026-01-05").weekday(), 1u);  // a Monday
  EXPECT_EQ(d("2026-10-10").weekday(), 6u);
  EXPECT_EQ(civil_date::from_days(d("2000-03-01").days()), d("2000-03-01"));
  EXPECT_EQ(d("2026-12-31").plus_days(1), d("2027-01-01"));
}

TEST(WorkingCalendar, TheDayIsChinaStandardTime) {
  // 2026-01-04 16:30 UTC is already 2026-01-05 00:30 in Beijing.
  EXPECT_EQ(civil_date::of_unix_ms(1'767'544'200'000).text(), "2026-01-05");
  EXPECT_EQ(civil_date::of_unix_ms(1'767'544'200'000 - 3'600'000).text(), "2026-01-04");
}

TEST(WorkingCalendar, WeekdaysHolidaysAndMakeUpWorkdays) {
  const working_calendar plain;
  EXPECT_TRUE(plain.is_working_day(d("2026-10-01")));
  EXPECT_FALSE(plain.is_working_day(d("2026-10-10")));
  const auto c = national_day();
  EXPECT_FALSE(c.is_working_day(d("2026-10-01")));
  EXPECT_TRUE(c.is_working_day(d("2026-10-10")));
  EXPECT_TRUE(c.is_working_day(d("2026-09-27")));
  EXPECT_FALSE(c.is_working_day(d("2026-09-26")));
  EXPECT_TRUE(c.is_working_day(d("2026-10-08")));
}

TEST(WorkingCalendar, AddingAndCountingWorkingDays) {
  const auto c = national_day();
  EXPECT_EQ(c.add_working_days(d("2026-09-30"), 1), d("2026-10-08"));
  EXPECT_EQ(c.add_working_days(d("2026-09-25"), 1), d("2026-09-27"));  // the make-up Sunday
  EXPECT_EQ(c.add_working_days(d("2026-09-30"), 3), d("2026-10-10"));
  EXPECT_EQ(c.add_working_days(d("2026-09-30"), 0), d("2026-09-30"));
  EXPECT_EQ(c.working_days_between(d("2026-09-30"), d("2026-10-10")), 3u);
  EXPECT_EQ(working_calendar{}.working_days_between(d("2026-09-30"), d("2026-10-10")), 7u);
  EXPECT_EQ(c.working_days_between(d("2026-10-10"), d("2026-09-30")), 0u);
  for (std::uint32_t n : {1u, 5u, 15u, 30u})
    EXPECT_EQ(c.working_days_between(d("2026-09-20"), c.add_working_days(d("2026-09-20"), n)), n);
}

TEST(WorkingCalendar, MonthsAreRolledToAWorkingDay) {
  const auto c = national_day();
  EXPECT_EQ(c.add_months(d("2026-08-31"), 1), d("2026-09-30"));  // clamped, a Wednesday
  EXPECT_EQ(c.add_months(d("2026-01-31"), 1), d("2026-03-02"));  // Feb 28 is a Saturday
  EXPECT_EQ(c.add_months(d("2026-04-01"), 6), d("2026-10-08"));  // past the holiday week
  EXPECT_EQ(c.add_months(d("2026-04-10"), 6), d("2026-10-10"));  // the make-up Saturday
  EXPECT_EQ(c.add_months(d("2027-08-29"), 6), d("2028-02-29"));  // a leap day, a Tuesday
  EXPECT_EQ(c.add_months(d("2026-11-15"), 3), d("2027-02-15"));
}

TEST(WorkingCalendar, ABadYearCalendarIsNamed) {
  year_calendar other_year;
  other_year.holidays = {d("2027-01-01")};
  EXPECT_TRUE(calendar_problem(2026, other_year));
  year_calendar weekday_makeup;
  weekday_makeup.workdays = {d("2026-10-09")};
  EXPECT_TRUE(calendar_problem(2026, weekday_makeup));
  year_calendar both;
  both.holidays = {d("2026-10-10")};
  both.workdays = {d("2026-10-10")};
  EXPECT_TRUE(calendar_problem(2026, both));
}

}  // namespace
}  // namespace plenum::protocol
