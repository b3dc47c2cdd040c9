#include <gtest/gtest.h>

#include "domain/roster.hpp"
#include "domain_fixture.hpp"

namespace plenum::server::domain {
namespace {

const std::string header = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";

TEST(RosterCsv, ReadsQuotedFieldsRolesAndBom) {
  const std::string csv = "\xEF\xBB\xBF" + header +
                          "D1,\"王, 建国\",男,汉族,farming,U1,G1,delegate;chair,no\r\n"
                          "D2,\"李\"\"秀英\"\"\",F,回族,health,U1,G1,delegate,yes\r\n"
                          "\n"
                          "SE,\"秘书\nline two\",女,汉,cadre,,,secretary,\n";
  auto r = parse_roster_csv(csv);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().line << ": " << r.errors.front().message;
  ASSERT_EQ(r.persons.size(), 3u);
  EXPECT_EQ(r.persons[0].name, "王, 建国");
  EXPECT_TRUE(r.persons[0].roles.has(role::chair));
  EXPECT_TRUE(r.persons[0].roles.has(role::delegate));
  EXPECT_EQ(r.persons[0].gender, "M");
  EXPECT_EQ(r.persons[1].name, "李\"秀英\"");
  EXPECT_EQ(r.persons[1].gender, "F");
  EXPECT_TRUE(r.persons[1].committee_member);
  EXPECT_EQ(r.persons[2].name, "秘书\nline two");
  EXPECT_FALSE(r.persons[2].roles.has(role::delegate));
}

TEST(RosterCsv, ReportsEveryBadLineWithItsNumber) {
  const std::string csv = header +
                          "D1,甲,男,汉族,farming,U1,G1,delegate,no\n"       // 2 ok
                          "D2,乙,X,汉族,farming,U1,G1,delegate,no\n"        // 3 gender
                          "D1,丙,男,汉族,farming,U1,G1,delegate,no\n"       // 4 duplicate
                          "D4,丁,男,汉族,farming,U1,G1,president,no\n"      // 5 role
                          "D5,戊,男,汉族,farming,U1,G1\n"                   // 6 field count
                          "D6,\"己\"x,男,汉族,farming,U1,G1,delegate,no\n"  // 7 after quote
                          ",庚,男,汉族,farming,U1,G1,delegate,no\n"         // 8 empty number
                          "D8,辛,男,汉族,farming,,,delegate,no\n"           // 9 no unit/group
                          "D9,壬,男,汉族,farming,U1,G1,delegate,maybe\n";   // 10 committee
  auto r = parse_roster_csv(csv);
  EXPECT_TRUE(r.persons.empty());
  std::vector<std::size_t> lines;
  for (const auto& e : r.errors) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<std::size_t>{3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_NE(r.errors[1].message.find("duplicate"), std::string::npos);
  EXPECT_NE(r.errors[3].message.find("expected 9 fields"), std::string::npos);
}

TEST(RosterCsv, RejectsMissingHeaderBadUtf8AndOpenQuote) {
  EXPECT_EQ(parse_roster_csv("D1,甲,男,汉族,farming,U1,G1,delegate,no\n").errors.front().line, 1u);
  auto bad_utf8 = parse_roster_csv(header + "D1,\xC3\x28,男,汉族,farming,U1,G1,delegate,no\n");
  ASSERT_EQ(bad_utf8.errors.size(), 1u);
  EXPECT_EQ(bad_utf8.errors[0].line, 2u);
  auto open_quote = parse_roster_csv(header + "D1,\"甲,男,汉族,farming,U1,G1,delegate,no\n");
  ASSERT_EQ(open_quote.errors.size(), 1u);
  EXPECT_EQ(open_quote.errors[0].message, "unterminated quoted field");
}

TEST(RosterComposition, FlagsEachRuleAndNothingWhenComposed) {
  auto good = parse_roster_csv(test::roster_csv(20));
  ASSERT_TRUE(good.errors.empty());
  EXPECT_TRUE(composition_warnings(good.persons, test::quiet_membership()).empty());

  std::string csv = header;
  for (int i = 1; i <= 12; ++i)
    csv += "D" + std::to_string(i) + ",x,男,汉族,farming,U1," + (i <= 9 ? "G1" : "G2") +
           ",delegate," + (i == 3 ? "yes" : "no") + "\n";
  auto r = parse_roster_csv(csv);
  ASSERT_TRUE(r.errors.empty());
  auto w = composition_warnings(r.persons, {100, 30, 10});
  std::vector<std::string> codes;
  for (const auto& x : w) codes.push_back(x.code + ":" + x.detail);
  EXPECT_EQ(codes, (std::vector<std::string>{
                       "committee_member_delegate:D3", "women_share_low:0/12 < 30/100",
                       "minority_share_low:0/12 < 10/100", "missing_front_line:science",
                       "missing_front_line:education", "missing_front_line:health",
                       "small_group:G1: 9", "small_group:G2: 3"}));
  // Equal shares are not below.
  auto equal = composition_warnings(good.persons, {10, 5, 1});
  EXPECT_TRUE(equal.empty());
}

TEST(RosterImport, WarningsMustBeAcknowledgedBeforeTheSittingOpens) {
  test::congress c(20);
  // A new roster with a committee member among the delegates.
  std::string csv = test::roster_csv(20);
  csv.replace(csv.find("delegate,no\n"), 12, "delegate,yes\n");
  ASSERT_TRUE(c.as("SE", import_roster{csv, test::quiet_membership()}));
  EXPECT_FALSE(c.state.warnings_acknowledged());
  ASSERT_EQ(c.state.warnings().size(), 1u);
  c.prepare_sitting(20);
  EXPECT_EQ(c.as("CH", open_sitting{"s1"}).error(), errc::warnings_unacknowledged);
  ASSERT_TRUE(c.as("SE", acknowledge_warnings{}));
  EXPECT_EQ(c.log.back().type, "roster_warnings_acknowledged");
  const auto events = c.log.size();
  EXPECT_EQ(c.as("SE", acknowledge_warnings{}).error(), errc::warnings_already_acknowledged);
  EXPECT_EQ(c.log.size(), events);
  EXPECT_TRUE(c.as("CH", open_sitting{"s1"}));
}

TEST(RosterImport, IsOneEventAndRefusesBadCsv) {
  test::congress c(10);
  const auto before = c.log.size();
  auto bad = c.as("SE", import_roster{header + "D1,甲,X,汉族,farming,U1,G1,delegate,no\n",
                                      test::quiet_membership()});
  EXPECT_EQ(bad.error(), errc::invalid_roster);
  EXPECT_EQ(c.log.size(), before);
  EXPECT_EQ(c.as("SE", import_roster{test::roster_csv(10), {10, 11, 0}}).error(),
            errc::invalid_roster);
  ASSERT_TRUE(c.as("SE", import_roster{test::roster_csv(10), test::quiet_membership()}));
  EXPECT_EQ(c.log.size(), before + 1);
  EXPECT_EQ(c.log.back().type, "roster_imported");
}

}  // namespace
}  // namespace plenum::server::domain
