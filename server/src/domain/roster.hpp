// The roster of the term (代表名册): persons, their CSV import and the composition checks of
// DOMAIN.md. Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/context.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::server::domain {

/// One person on the roster. `number` is the unique id used everywhere else.
struct person {
  std::string number;
  std::string name;
  std::string gender;      ///< "F" or "M"
  std::string ethnicity;   ///< as written, e.g. "汉族", "回族"
  std::string occupation;  ///< a category, see server/DOMAIN-NOTES.md
  std::string unit;        ///< electoral unit (选举单位)
  std::string group;       ///< delegate group (代表小组)
  role_set roles;
  bool committee_member = false;  ///< member of the party committee or discipline committee
  friend bool operator==(const person&, const person&) = default;
};

/// Party membership of the township, against which shares are compared.
struct membership_totals {
  std::uint64_t members = 0;
  std::uint64_t women = 0;
  std::uint64_t minority = 0;
  friend bool operator==(const membership_totals&, const membership_totals&) = default;
};

/// A composition finding the secretary must acknowledge before the sitting can open.
struct roster_warning {
  std::string code;    ///< committee_member_delegate, women_share_low, minority_share_low,
                       ///< missing_front_line, small_group
  std::string detail;  ///< the person, category or group concerned, or the shares compared
  friend bool operator==(const roster_warning&, const roster_warning&) = default;
};

/// A problem with one line of a CSV roster.
struct csv_error {
  std::size_t line = 0;  ///< 1-based physical line where the record starts
  std::string message;
  friend bool operator==(const csv_error&, const csv_error&) = default;
};

/// The outcome of reading a CSV roster: the persons, or every error found.
struct roster_parse {
  std::vector<person> persons;
  std::vector<csv_error> errors;
};

/// The CSV header the importer expects, in this order.
inline constexpr std::string_view roster_csv_header =
    "number,name,gender,ethnicity,occupation,unit,group,roles,committee";

/// Reads a CSV roster (RFC 4180: comma-separated, fields may be double-quoted with "" for a
/// quote, CRLF or LF line ends; UTF-8, an optional BOM). The first row must be
/// `roster_csv_header`. Reports every bad line (wrong field count, empty number or name,
/// duplicate number, unknown gender/role/committee value, no role, invalid UTF-8) rather than
/// stopping at the first. Column meanings are in server/DOMAIN-NOTES.md.
[[nodiscard]] roster_parse parse_roster_csv(std::string_view text);

/// The composition checks of DOMAIN.md over the delegates of `persons`.
[[nodiscard]] std::vector<roster_warning> composition_warnings(const std::vector<person>& persons,
                                                               const membership_totals& membership);

/// Occupation categories that count as front-line (一线) for the composition check.
inline constexpr std::string_view front_line_categories[] = {"science", "education", "health",
                                                             "farming"};

/// Whether `ethnicity` names the Han majority ("汉", "汉族", "Han"); every other non-empty
/// value counts as a minority.
[[nodiscard]] bool is_han(std::string_view ethnicity) noexcept;

/// The person as roster_imported records them.
[[nodiscard]] protocol::events::roster_person roster_entry(const person& p);

/// JSON forms of the views.
[[nodiscard]] boost::json::object person_json(const person& p);
[[nodiscard]] boost::json::object warning_json(const roster_warning& w);

}  // namespace plenum::server::domain
