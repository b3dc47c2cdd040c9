#include "domain/roster.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace plenum::server::domain {

namespace {

struct csv_record {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += extra + 1;
  }
  return true;
}

// Splits `text` into records; an error ends the record it occurs in and parsing resumes at the
// next line.
void split_csv(std::string_view text, std::vector<csv_record>& records,
               std::vector<csv_error>& errors) {
  std::size_t line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    csv_record rec;
    rec.line = line;
    std::string field;
    bool quoted = false;
    bool after_quote = false;
    bool failed = false;
    bool done = false;
    while (!done) {
      if (i >= text.size()) {
        if (quoted) {
          errors.push_back({rec.line, "unterminated quoted field"});
          failed = true;
        }
        break;
      }
      const char c = text[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
          } else {
            quoted = false;
            after_quote = true;
            ++i;
          }
        } else {
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        continue;
      }
      if (c == ',') {
        rec.fields.push_back(std::move(field));
        field.clear();
        after_quote = false;
        ++i;
      } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
        i += c == '\r' ? 2 : 1;
        ++line;
        done = true;
      } else if (after_quote) {
        errors.push_back({rec.line, "text after a closing quote"});
        failed = true;
        while (i < text.size() && text[i] != '\n') ++i;
        if (i < text.size()) ++i;
        ++line;
        done = true;
      } else if (c == '"' && field.empty()) {
        quoted = true;
        ++i;
      } else if (c == '"') {
        errors.push_back({rec.line, "a quote inside an unquoted field"});
        failed = true;
        while (i < text.size() && text[i] != '\n') ++i;
        if (i < text.size()) ++i;
        ++line;
        done = true;
      } else {
        field.push_back(c);
        ++i;
      }
    }
    if (failed) continue;
    rec.fields.push_back(std::move(field));
    const bool blank = rec.fields.size() == 1 && rec.fields.front().empty();
    if (!blank) records.push_back(std::move(rec));
  }
}

std::string trim(std::string s) {
  const auto not_space = [](unsigned char ch) { return ch != ' ' && ch != '\t'; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string lower_ascii(std::string s) {
  for (auto& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

std::optional<std::string> parse_gender(const std::string& g) {
  const std::string l = lower_ascii(g);
  if (l == "f" || l == "female" || g == "女") return "F";
  if (l == "m" || l == "male" || g == "男") return "M";
  return std::nullopt;
}

std::optional<bool> parse_yes_no(const std::string& v) {
  const std::string l = lower_ascii(v);
  if (l.empty() || l == "no" || l == "0" || v == "否") return false;
  if (l == "yes" || l == "1" || v == "是") return true;
  return std::nullopt;
}

std::string share_text(std::uint64_t part, std::uint64_t whole) {
  return std::to_string(part) + "/" + std::to_string(whole);
}

}  // namespace

bool is_han(std::string_view ethnicity) noexcept {
  return ethnicity == "汉" || ethnicity == "汉族" || ethnicity == "Han" || ethnicity == "han";
}

roster_parse parse_roster_csv(std::string_view text) {
  roster_parse out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!valid_utf8(text)) {
    // Locate the first bad line for the message.
    std::size_t line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        if (!valid_utf8(text.substr(start, i - start))) break;
        ++line;
        start = i + 1;
      }
    }
    out.errors.push_back({line, "not valid UTF-8"});
    return out;
  }
  std::vector<csv_record> records;
  split_csv(text, records, out.errors);
  if (records.empty() || records.front().line != 1) {
    out.errors.insert(out.errors.begin(), {1, "missing header row"});
    return out;
  }
  std::string header;
  for (std::size_t i = 0; i < records.front().fields.size(); ++i) {
    if (i != 0) header += ',';
    header += trim(records.front().fields[i]);
  }
  if (header != roster_csv_header) {
    out.errors.insert(out.errors.begin(),
                      {1, "the header must be exactly: " + std::string(roster_csv_header)});
    return out;
  }
  std::set<std::string> numbers;
  for (std::size_t r = 1; r < records.size(); ++r) {
    auto& rec = records[r];
    if (rec.fields.size() != 9) {
      out.errors.push_back(
          {rec.line, "expected 9 fields, found " + std::to_string(rec.fields.size())});
      continue;
    }
    for (auto& f : rec.fields) f = trim(std::move(f));
    person p;
    std::vector<std::string> problems;
    p.number = rec.fields[0];
    p.name = rec.fields[1];
    if (p.number.empty()) problems.push_back("empty number");
    if (p.name.empty()) problems.push_back("empty name");
    if (!p.number.empty() && !numbers.insert(p.number).second)
      problems.push_back("duplicate number " + p.number);
    if (auto g = parse_gender(rec.fields[2])) {
      p.gender = *g;
    } else {
      problems.push_back("gender must be F/M (女/男), not '" + rec.fields[2] + "'");
    }
    p.ethnicity = rec.fields[3];
    if (p.ethnicity.empty()) problems.push_back("empty ethnicity");
    p.occupation = lower_ascii(rec.fields[4]);
    p.unit = rec.fields[5];
    p.group = rec.fields[6];
    std::string_view roles = rec.fields[7];
    while (!roles.empty()) {
      const auto cut = roles.find(';');
      const std::string name = trim(std::string(roles.substr(0, cut)));
      roles = cut == std::string_view::npos ? std::string_view{} : roles.substr(cut + 1);
      if (name.empty()) continue;
      if (auto parsed_role = parse_role(lower_ascii(name))) {
        p.roles.insert(*parsed_role);
      } else {
        problems.push_back("unknown role '" + name + "'");
      }
    }
    if (p.roles.empty()) problems.push_back("no role");
    if (p.roles.has(role::delegate) && p.roles.has(role::alternate))
      problems.push_back("a delegate cannot also be an alternate");
    if (auto c = parse_yes_no(rec.fields[8])) {
      p.committee_member = *c;
    } else {
      problems.push_back("committee must be yes/no, not '" + rec.fields[8] + "'");
    }
    if (p.roles.has(role::delegate) && (p.unit.empty() || p.group.empty()))
      problems.push_back("a delegate needs an electoral unit and a delegate group");
    if (!problems.empty()) {
      std::string message;
      for (const auto& pr : problems) message += (message.empty() ? "" : "; ") + pr;
      out.errors.push_back({rec.line, message});
      continue;
    }
    out.persons.push_back(std::move(p));
  }
  std::sort(out.errors.begin(), out.errors.end(),
            [](const csv_error& a, const csv_error& b) { return a.line < b.line; });
  if (!out.errors.empty()) out.persons.clear();
  return out;
}

std::vector<roster_warning> composition_warnings(const std::vector<person>& persons,
                                                 const membership_totals& membership) {
  std::vector<roster_warning> out;
  std::uint64_t delegates = 0;
  std::uint64_t women = 0;
  std::uint64_t minority = 0;
  std::set<std::string> categories;
  std::map<std::string, std::uint64_t> groups;
  for (const auto& p : persons) {
    if (!p.roles.has(role::delegate)) continue;
    ++delegates;
    if (p.gender == "F") ++women;
    if (!is_han(p.ethnicity)) ++minority;
    categories.insert(p.occupation);
    ++groups[p.group];
    if (p.committee_member) out.push_back({"committee_member_delegate", p.number});
  }
  // women / delegates < women_members / members, compared as integers.
  if (membership.members > 0) {
    if (women * membership.members < membership.women * delegates)
      out.push_back({"women_share_low", share_text(women, delegates) + " < " +
                                            share_text(membership.women, membership.members)});
    if (minority * membership.members < membership.minority * delegates)
      out.push_back(
          {"minority_share_low", share_text(minority, delegates) + " < " +
                                     share_text(membership.minority, membership.members)});
  }
  for (auto category : front_line_categories)
    if (!categories.contains(std::string(category)))
      out.push_back({"missing_front_line", std::string(category)});
  for (const auto& [group, count] : groups)
    if (count < 10) out.push_back({"small_group", group + ": " + std::to_string(count)});
  return out;
}

boost::json::object person_json(const person& p) {
  boost::json::object o;
  o["number"] = p.number;
  o["name"] = p.name;
  o["gender"] = p.gender;
  o["ethnicity"] = p.ethnicity;
  o["occupation"] = p.occupation;
  o["unit"] = p.unit;
  o["group"] = p.group;
  boost::json::array roles;
  for (std::size_t i = 0; i < role_count; ++i)
    if (p.roles.has(static_cast<role>(i))) roles.emplace_back(to_string(static_cast<role>(i)));
  o["roles"] = std::move(roles);
  o["committee_member"] = p.committee_member;
  return o;
}

protocol::events::roster_person roster_entry(const person& p) {
  protocol::events::roster_person out;
  out.number = p.number;
  out.name = p.name;
  out.gender = p.gender;
  out.ethnicity = p.ethnicity;
  out.occupation = p.occupation;
  out.unit = p.unit;
  out.group = p.group;
  for (std::size_t i = 0; i < role_count; ++i)
    if (p.roles.has(static_cast<role>(i))) out.roles.emplace_back(to_string(static_cast<role>(i)));
  out.committee_member = p.committee_member;
  return out;
}

boost::json::object warning_json(const roster_warning& w) {
  return {{"code", w.code}, {"detail", w.detail}};
}

}  // namespace plenum::server::domain
