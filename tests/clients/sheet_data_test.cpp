// The sheet's data: fingerprints, rules in words, the mapping from an outcome, the CSV export
// and the JSON description of plenum-sheet.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include "plenum/clients/sheet/csv.hpp"
#include "plenum/clients/sheet/fingerprint.hpp"
#include "plenum/clients/sheet/from_outcome.hpp"
#include "plenum/clients/sheet/rule_words.hpp"
#include "plenum/clients/sheet/sheet_json.hpp"
#include "plenum/crypto/manifest.hpp"
#include "sheet_fixture.hpp"

namespace plenum::clients::sheet {
namespace {

using namespace test;

TEST(sheet_fingerprint, is_the_whole_key_in_groups_of_four) {
  const auto key = test_signers().front().key;
  const std::string f = fingerprint(key);
  ASSERT_EQ(f.size(), 64u + 15u);
  std::string joined;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (i % 5 == 4) {
      EXPECT_EQ(f[i], ' ') << i;
    } else {
      joined += f[i];
    }
  }
  EXPECT_EQ(joined, key.hex());
  EXPECT_NE(fingerprint(test_signers()[1].key), f);
}

TEST(sheet_rule_words, say_each_rule) {
  using protocol::decision_rule;
  EXPECT_EQ(rule_words(decision_rule::motion_majority_of_seated()),
            "赞成票超过应到人数的 1/2 即为通过。百分比以投票数为基数。");
  EXPECT_EQ(rule_words(decision_rule::motion_majority_of_present()),
            "赞成票超过实到人数的 1/2 即为通过。百分比以投票数为基数。");
  EXPECT_EQ(rule_words(decision_rule::motion_two_thirds_of_seated()),
            "赞成票达到应到人数的 2/3 及以上即为通过。百分比以投票数为基数。");
  EXPECT_EQ(rule_words(decision_rule::election(7))
                .rfind("应选 7 名；候选人赞成票超过应到人数的 1/2 者当选", 0),
            0u);
  EXPECT_EQ(rule_words(decision_rule::confidence(1, 4)),
            "不信任票超过投票数的 1/4 的成员予以标示。百分比以投票数为基数。");
  EXPECT_NE(rule_words(decision_rule::appraisal()).find("不作决定"), std::string::npos);
  EXPECT_EQ(rule_words(decision_rule::satisfaction()),
            "满意票与基本满意票合计超过投票数的 1/2 的项目评定为满意，否则评定为不满意。"
            "百分比以投票数为基数。");
}

TEST(sheet_from_outcome, election_takes_counts_percentages_and_names_from_the_outcome) {
  const auto sheet = election_sheet({"陈晓梅", "赵国栋", "孙丽", "周明"}, {98, 61, 61, 0},
                                    {8, 30, 30, 60}, 110, 2);
  EXPECT_EQ(sheet.kind, protocol::vote_kind::election);
  EXPECT_EQ(sheet.seats, 2u);
  EXPECT_EQ(sheet.seated, 120u);
  EXPECT_EQ(sheet.ballots, 110u);
  ASSERT_EQ(sheet.contests.size(), 4u);
  const auto& first = sheet.contests[0];
  EXPECT_EQ(first.title, "陈晓梅");
  EXPECT_TRUE(first.elected);
  ASSERT_EQ(first.options.size(), 3u);
  EXPECT_EQ(first.options[0].label, "赞成");
  EXPECT_EQ(first.options[0].count, 98u);
  EXPECT_EQ(first.options[0].percent, "89.09");
  EXPECT_EQ(first.options[1].count, 8u);
  EXPECT_EQ(first.options[1].percent, "7.27");
  EXPECT_EQ(first.options[2].label, "弃权");
  EXPECT_EQ(first.options[2].count, 4u);
  EXPECT_EQ(first.options[2].percent, "3.64");
  EXPECT_FALSE(sheet.contests[1].elected);
  EXPECT_EQ(sheet.outcome.elected, std::vector<std::string>{"陈晓梅"});
  EXPECT_EQ(sheet.outcome.runoff, (std::vector<std::string>{"赵国栋", "孙丽"}));
  EXPECT_EQ(sheet.outcome.runoff_seats, 1u);
  EXPECT_EQ(sheet.outcome.required, 61u);
  EXPECT_EQ(sheet.result_digest.size(), 64u);
  EXPECT_EQ(sheet.signers.size(), 4u);
  EXPECT_TRUE(check_vote_sheet(sheet));
}

TEST(sheet_from_outcome, motion_and_confidence) {
  const auto motion = motion_sheet(60, 40, 10, 120, 112);
  EXPECT_FALSE(motion.outcome.passed);
  EXPECT_EQ(motion.outcome.required, 61u);
  EXPECT_EQ(motion.contests.at(0).title, "是否通过《关于2027年镇重点工作的决议》");
  EXPECT_EQ(motion.contests[0].options.size(), 3u);  // no line for unmarked ballots
  EXPECT_EQ(motion.contests[0].options[0].percent, "54.55");

  const auto confidence = confidence_sheet({"周明", "吴海燕"}, {{60, 20, 10}, {30, 20, 31}}, 90);
  EXPECT_FALSE(confidence.contests.at(0).flagged);
  EXPECT_TRUE(confidence.contests.at(1).flagged);
  EXPECT_EQ(confidence.outcome.flagged, std::vector<std::string>{"吴海燕"});
  EXPECT_EQ(confidence.contests[1].options.back().label, "未标记");
  EXPECT_EQ(confidence.contests[1].options.back().count, 9u);
}

TEST(sheet_from_outcome, satisfaction_judges_each_item) {
  // 100 ballots: 30 + 20 favourable is exactly half (unsatisfactory); 40 + 11 is satisfactory.
  const auto sheet =
      satisfaction_sheet({"决议执行情况", "整改情况"}, {{30, 20, 45}, {40, 11, 49}}, 100);
  EXPECT_EQ(sheet.kind, protocol::vote_kind::satisfaction);
  EXPECT_EQ(kind_label(sheet.kind), "满意度测评");
  EXPECT_TRUE(sheet.contests.at(0).flagged);
  EXPECT_FALSE(sheet.contests.at(1).flagged);
  EXPECT_EQ(sheet.outcome.flagged, std::vector<std::string>{"决议执行情况"});
  EXPECT_EQ(sheet.outcome.required, 51u);
  ASSERT_EQ(sheet.contests[0].options.size(), 4u);
  EXPECT_EQ(sheet.contests[0].options[1].label, "基本满意");
  EXPECT_EQ(sheet.contests[0].options[1].percent, "20.00");
  EXPECT_EQ(sheet.contests[0].options.back().label, "未标记");
  EXPECT_EQ(sheet.contests[0].options.back().count, 5u);
  EXPECT_TRUE(check_vote_sheet(sheet));
  const std::string csv = results_csv(sheet);
  EXPECT_NE(csv.find(",满意度测评,120,100,100,决议执行情况,满意,30,30.00,不满意," +
                     sheet.result_digest + "\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find(",整改情况,不满意,49,49.00,满意,"), std::string::npos);
}

TEST(sheet_from_outcome, refuses_an_outcome_of_another_vote) {
  auto manifest = crypto::motion_manifest("v", "决议", "决议");
  auto rule = protocol::decision_rule::motion_majority_of_seated();
  protocol::tally_input tally{
      3,
      5,
      5,
      {{"motion", "决议", {{"for", "赞成", 3}, {"against", "反对", 0}, {"abstain", "弃权", 0}}}}};
  auto outcome = protocol::decide_outcome(rule, tally);
  ASSERT_TRUE(outcome);
  crypto::digest32 digest{};
  ASSERT_TRUE(make_vote_sheet(test_header(), manifest, rule, *outcome, {}, digest));

  auto election = crypto::election_manifest("v", "选举", std::vector<std::string>{"甲", "乙"}, 1);
  EXPECT_EQ(make_vote_sheet(test_header(), election, rule, *outcome, {}, digest).error(),
            make_error_code(errc::invalid_tally));
  auto garbled = *outcome;
  garbled.text = "{\"kind\":\"motion\"";
  EXPECT_EQ(make_vote_sheet(test_header(), manifest, rule, garbled, {}, digest).error(),
            make_error_code(errc::invalid_tally));
  garbled.text = "{\"kind\":\"motion\",\"ballots\":3,\"seated\":5,\"present\":5}";
  EXPECT_EQ(make_vote_sheet(test_header(), manifest, rule, garbled, {}, digest).error(),
            make_error_code(errc::invalid_tally));
}

TEST(sheet_csv, quotes_and_guards_fields) {
  EXPECT_EQ(csv_field("陈晓梅"), "陈晓梅");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"yes\""), "\"say \"\"yes\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("@a"), "'@a");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("12.50"), "12.50");
}

TEST(sheet_csv, one_line_per_option_line_with_bom_and_crlf) {
  auto sheet = election_sheet({"张,三", "李\"四\"", "王\n五"}, {90, 70, 20}, {10, 30, 80}, 110, 2);
  const std::string csv = results_csv(sheet);
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  const std::string header =
      "表决编号,表决事项,类型,应到,实到,投票数,项目,选项,票数,百分比,结果,结果摘要\r\n";
  EXPECT_EQ(csv.substr(3, header.size()), header);
  const std::string d = sheet.result_digest;
  EXPECT_NE(
      csv.find("\r\nv-election,选举镇党委委员,选举,120,110,110,\"张,三\",赞成,90,81.82,当选," + d +
               "\r\n"),
      std::string::npos);
  EXPECT_NE(csv.find(",\"李\"\"四\"\"\",不赞成,30,27.27,当选," + d + "\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",\"王\n五\",弃权,10,9.09,," + d + "\r\n"), std::string::npos);
  // 3 candidates × 3 lines, plus the header: every record ends in CRLF.
  std::size_t records = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
    ++records;
  EXPECT_EQ(records, 10u);

  sitting_sheet sitting{
      test_header(), {124, 4, 120, 112}, {motion_sheet(95, 10, 5, 120, 112), sheet}};
  const std::string all = results_csv(sitting);
  EXPECT_EQ(all.find("\xEF\xBB\xBF", 1), std::string::npos);  // one BOM
  EXPECT_NE(all.find("v-motion,关于2027年镇重点工作的决议,议案表决,120,112,110,"
                     "是否通过《关于2027年镇重点工作的决议》,赞成,95,86.36,通过,"),
            std::string::npos);
}

// A description as the rehearsal files write it.
std::string vote_json(const vote_sheet& s) {
  namespace json = boost::json;
  json::object o;
  o["congress"] = s.header.congress;
  o["sitting"] = s.header.sitting;
  o["date"] = s.header.date;
  o["vote_id"] = s.vote_id;
  o["title"] = s.title;
  o["kind"] = protocol::to_string(s.kind);
  o["seated"] = s.seated;
  o["present"] = s.present;
  o["ballots"] = s.ballots;
  o["seats"] = s.seats;
  o["rule"] = s.rule_words;
  json::array contests;
  for (const auto& c : s.contests) {
    json::array options;
    for (const auto& l : c.options)
      options.push_back(
          json::object{{"label", l.label}, {"count", l.count}, {"percent", l.percent}});
    contests.push_back(
        json::object{{"title", c.title}, {"options", options}, {"elected", c.elected}});
  }
  o["contests"] = contests;
  json::array elected;
  for (const auto& n : s.outcome.elected) elected.emplace_back(n);
  o["outcome"] = json::object{{"required", s.outcome.required}, {"elected", elected}};
  json::array signers;
  for (const auto& g : s.signers)
    signers.push_back(json::object{{"role", g.role == signer_role::chair    ? "chair"
                                            : g.role == signer_role::server ? "server"
                                                                            : "scrutineer"},
                                   {"name", g.name},
                                   {"key", g.key.hex()}});
  o["signers"] = signers;
  o["result_digest"] = s.result_digest;
  return json::serialize(o);
}

TEST(sheet_json, reads_a_vote_description) {
  const auto sheet =
      election_sheet({"陈晓梅", "赵国栋", "孙丽"}, {98, 90, 70}, {8, 15, 30}, 110, 3);
  auto parsed = vote_sheet_from_json(vote_json(sheet));
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->header.congress, sheet.header.congress);
  EXPECT_EQ(parsed->title, sheet.title);
  EXPECT_EQ(parsed->kind, protocol::vote_kind::election);
  EXPECT_EQ(parsed->seats, 3u);
  ASSERT_EQ(parsed->contests.size(), 3u);
  EXPECT_EQ(parsed->contests[1].options[0].percent, "81.82");
  EXPECT_TRUE(parsed->contests[1].elected);
  EXPECT_EQ(parsed->outcome.elected, sheet.outcome.elected);
  EXPECT_EQ(parsed->outcome.required, 61u);
  ASSERT_EQ(parsed->signers.size(), 4u);
  EXPECT_EQ(parsed->signers[3].role, signer_role::chair);
  EXPECT_EQ(parsed->signers[3].key, sheet.signers[3].key);
  EXPECT_EQ(parsed->result_digest, sheet.result_digest);
}

TEST(sheet_json, refusals_name_the_field) {
  const auto sheet = motion_sheet(95, 10, 5, 120, 112);
  std::string text = vote_json(sheet);

  auto missing = text;
  missing.replace(missing.find("\"vote_id\""), 9, "\"vote_no\"");
  auto r = vote_sheet_from_json(missing);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, make_error_code(errc::invalid_field));
  EXPECT_EQ(r.error().field, "vote_no");  // not an expected member

  auto bad_kind = text;
  bad_kind.replace(bad_kind.find("\"motion\""), 8, "\"plebiscite\"");
  r = vote_sheet_from_json(bad_kind);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "kind");

  auto bad_key = text;
  const std::string key = sheet.signers[1].key.hex();
  bad_key.replace(bad_key.find(key), key.size(), std::string(64, '0'));
  r = vote_sheet_from_json(bad_key);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, make_error_code(errc::invalid_point));
  EXPECT_EQ(r.error().field, "signers[1].key");

  auto bad_digest = text;
  bad_digest.replace(bad_digest.find(sheet.result_digest), 2, "ZZ");
  r = vote_sheet_from_json(bad_digest);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "result_digest");

  r = vote_sheet_from_json("{\"congress\":1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, make_error_code(errc::malformed_message));
}

TEST(sheet_json, reads_a_sitting_description) {
  const auto motion = motion_sheet(95, 10, 5, 120, 112);
  std::string vote = vote_json(motion);
  // Votes inside a sitting take the header from the sitting.
  for (const char* key : {"congress", "sitting", "date"}) {
    const auto at = vote.find(std::string("\"") + key + "\"");
    const auto end = vote.find(',', vote.find(':', at) + 1);
    vote.erase(at, end - at + 1);
  }
  const std::string text =
      "{\"congress\":\"中共青石镇第十五届代表大会\",\"sitting\":\"第三次会议\",\"date\":\"2026-11-"
      "27\","
      "\"attendance\":{\"roster\":124,\"excused\":4,\"seated\":120,\"present\":112},\"votes\":[" +
      vote + "]}";
  auto parsed = sitting_sheet_from_json(text);
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->attendance.roster, 124u);
  EXPECT_EQ(parsed->attendance.present, 112u);
  ASSERT_EQ(parsed->votes.size(), 1u);
  EXPECT_EQ(parsed->votes[0].header.date, "2026-11-27");
  EXPECT_EQ(parsed->votes[0].contests[0].options[0].count, 95u);

  auto r = sitting_sheet_from_json("{\"congress\":\"c\",\"sitting\":\"s\",\"date\":\"d\"}");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "attendance");
}

}  // namespace
}  // namespace plenum::clients::sheet
