// Three-level contact and opinions through the real service: a real plenumd over TLS
// WebSockets with its data on disk. A delegate registers the party members and residents they
// keep and sees the gaps; the office routes, extends and answers opinions, one answered on
// time, one extended then answered, one left overdue, each step dated as the office records
// it; another delegate cannot read the first one's contacts; the exported record verifies and
// holds no resident's name (only digests).
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <memory>
#include <string>

#include "hall_client.hpp"
#include "plenum/protocol/working_calendar.hpp"
#include "term_hall.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;
using protocol::civil_date;

// Ten delegates (D010 also a party committee member), a chair, a secretary, three scrutineers.
std::string roster_csv() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  static const char* occupations[] = {"science", "education", "health", "farming"};
  for (int i = 1; i <= 10; ++i)
    csv += term_delegate(i) + ",代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") + "," +
           (i == 10 ? "回族" : "汉族") + "," + occupations[i % 4] + ",U1,G1,delegate," +
           (i == 10 ? "yes" : "no") + "\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

// The residents' and members' names: none may appear in the record.
const std::vector<std::string> private_names = {"王建国", "李秀英",       "张桂兰",
                                                "刘大妈", "村口路灯坏了", "路灯已修复"};

// `n` working days before `d`.
civil_date working_days_before(const protocol::working_calendar& cal, civil_date d, int n) {
  while (n > 0) {
    d = d.plus_days(-1);
    if (cal.is_working_day(d)) --n;
  }
  return d;
}

class contact_service_test : public ::testing::Test {
 protected:
  void SetUp() override {
    hall_ = std::make_unique<term_hall>(roster_csv());
    ASSERT_TRUE(hall_->ok()) << hall_->server_log();
  }
  hall_client as(const std::string& person) { return hall_->as(person); }

  std::unique_ptr<term_hall> hall_;
};

json::object find_by(const json::array& list, const std::string& key, const std::string& value) {
  for (const auto& v : list)
    if (v.as_object().at(key).as_string() == value) return v.as_object();
  return {};
}

TEST_F(contact_service_test, ContactsGapsOpinionsAndARecordWithoutNames) {
  auto se = as("SE");
  auto d1 = as("D001");
  auto d2 = as("D002");

  // The congress's calendar this year has a public holiday two weeks ago (a weekday).
  const civil_date today =
      civil_date::of_unix_ms(std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count());
  civil_date holiday = today.plus_days(-14);
  while (holiday.weekend()) holiday = holiday.plus_days(-1);
  ASSERT_TRUE(se.call("set_calendar", {{"year", holiday.year},
                                       {"holidays", json::array{json::string(holiday.text())}}})
                  .ok());
  protocol::working_calendar cal;
  cal.set_year(holiday.year, {{holiday}, {}});

  // D001 keeps three party members; the first keeps one resident.
  auto reg = [&](hall_client& c, const std::string& kind, const std::string& keeper,
                 const std::string& name) {
    auto r = c.call(
        "register_contact",
        {{"kind", kind}, {"keeper", keeper}, {"details", {{"name", name}, {"place", "东村"}}}});
    EXPECT_TRUE(r.ok()) << name << " " << r.code();
    return str(r.fields, "contact_id");
  };
  const auto c1 = reg(d1, "member", "D001", "王建国");
  reg(d1, "member", "D001", "李秀英");
  reg(d1, "member", "D001", "张桂兰");
  const auto r1 = reg(d1, "resident", c1, "刘大妈");
  // An ID number is refused before anything is stored.
  EXPECT_EQ(d1.call("register_contact",
                    {{"kind", "resident"},
                     {"keeper", c1},
                     {"details", {{"name", "赵六"}, {"id_number", "110101199003071234"}}}})
                .code(),
            "invalid_private_details");
  // D002 may not register under D001's member, nor log an opinion from D001's resident.
  EXPECT_EQ(d2.call("register_contact",
                    {{"kind", "resident"}, {"keeper", c1}, {"details", {{"name", "钱七"}}}})
                .code(),
            "not_the_keeper");
  ASSERT_TRUE(se.call("set_committee_contacts",
                      {{"member", "D010"}, {"delegates", json::array{"D001", "D002"}}})
                  .ok());

  // The gaps: D001 keeps 3 members (ok), their first member 1 resident (below); the committee
  // member keeps 2 delegates (ok).
  auto mine = d1.call("get_contacts");
  ASSERT_TRUE(mine.ok()) << mine.code();
  const auto& my_view = mine.fields.at("contacts").as_object();
  ASSERT_EQ(my_view.at("delegates").as_array().size(), 1u);
  const auto me = my_view.at("delegates").as_array().at(0).as_object();
  EXPECT_EQ(str(me, "gap"), "ok");
  const auto first = find_by(me.at("members").as_array(), "contact_id", c1);
  EXPECT_EQ(str(first, "gap"), "below");
  EXPECT_EQ(str(first.at("details").as_object(), "name"), "王建国");
  EXPECT_EQ(str(first.at("residents").as_array().at(0).at("details").as_object(), "name"),
            "刘大妈");
  EXPECT_EQ(str(my_view.at("committee").as_array().at(0).as_object(), "gap"), "ok");
  // Another delegate sees only their own (empty: below), never D001's contacts' details.
  auto theirs = d2.call("get_contacts");
  ASSERT_TRUE(theirs.ok());
  const std::string theirs_text = json::serialize(theirs.fields);
  for (const auto& name : private_names)
    EXPECT_EQ(theirs_text.find(name), std::string::npos) << name;
  EXPECT_EQ(str(theirs.fields.at("contacts").at("delegates").as_array().at(0).as_object(), "gap"),
            "below");
  // The office sees everyone's, with details.
  const std::string office_text = json::serialize(se.call("get_contacts").fields);
  EXPECT_NE(office_text.find("王建国"), std::string::npos);

  // Three opinions, each step dated as the office records it.
  auto log_opinion = [&](const civil_date& on) {
    auto r = d1.call("log_opinion", {{"contact_id", r1},
                                     {"date", on.text()},
                                     {"category", "道路交通"},
                                     {"details", {{"text", "村口路灯坏了"}, {"name", "刘大妈"}}}});
    EXPECT_TRUE(r.ok()) << r.code();
    return str(r.fields, "opinion_id");
  };
  auto route = [&](const std::string& id, const civil_date& on) {
    auto r = se.call("route_opinion",
                     {{"opinion_id", id}, {"department", "交通运输局"}, {"date", on.text()}});
    EXPECT_TRUE(r.ok()) << r.code();
  };
  // O1: logged 50 working days ago, routed 2 later, answered 20 after routing: on time.
  const civil_date l1 = working_days_before(cal, today, 50);
  const civil_date rt1 = cal.add_working_days(l1, 2);
  const auto o1 = log_opinion(l1);
  route(o1, rt1);
  ASSERT_TRUE(se.call("answer_opinion", {{"opinion_id", o1},
                                         {"date", cal.add_working_days(rt1, 20).text()},
                                         {"details", {{"text", "路灯已修复"}}}})
                  .ok());
  // O2: routed 5 working days ago, extended by 10 now, answered today: on time.
  const civil_date rt2 = working_days_before(cal, today, 5);
  const auto o2 = log_opinion(working_days_before(cal, today, 7));
  route(o2, rt2);
  extend_answer_and_report_back(se, d1, o2, "需要现场勘察", "路灯已修复");
  // O3: logged 45 working days ago, routed the day after, never answered: overdue.
  const civil_date l3 = working_days_before(cal, today, 45);
  const auto o3 = log_opinion(l3);
  route(o3, cal.add_working_days(l3, 1));
  const civil_date due3 = cal.add_working_days(cal.add_working_days(l3, 1), 30);

  auto opinions = se.call("get_opinions");
  ASSERT_TRUE(opinions.ok()) << opinions.code();
  EXPECT_EQ(str(opinions.fields, "today"), today.text());
  const auto& list = opinions.fields.at("opinions").as_array();
  ASSERT_EQ(list.size(), 3u);
  const auto v1 = find_by(list, "opinion_id", o1);
  EXPECT_TRUE(v1.at("routed_on_time").as_bool());
  EXPECT_TRUE(v1.at("closed_on_time").as_bool());
  EXPECT_EQ(str(v1, "answer_due"), cal.add_working_days(rt1, 30).text());
  EXPECT_EQ(str(v1.at("answer_details").as_object(), "text"), "路灯已修复");
  const auto v2 = find_by(list, "opinion_id", o2);
  EXPECT_EQ(str(v2, "answer_due"), cal.add_working_days(rt2, 40).text());
  EXPECT_TRUE(v2.at("closed_on_time").as_bool());
  EXPECT_EQ(str(v2, "reported_back_date"), today.text());
  const auto v3 = find_by(list, "opinion_id", o3);
  EXPECT_EQ(str(v3, "answer_due"), due3.text());
  EXPECT_TRUE(v3.at("overdue").as_bool());
  EXPECT_EQ(v3.at("working_days_overdue").to_number<std::int64_t>(),
            cal.working_days_between(due3, today));
  EXPECT_GT(v3.at("working_days_overdue").to_number<std::int64_t>(), 0);
  // D002 logged none of them and sees none.
  EXPECT_TRUE(d2.call("get_opinions").fields.at("opinions").as_array().empty());

  // The board anyone reads holds digests, never names or words.
  auto board = d2.call("get_board", {{"from_seq", 0}});
  ASSERT_TRUE(board.ok()) << board.code();
  const std::string board_text = json::serialize(board.fields);
  EXPECT_NE(board_text.find("contact_registered"), std::string::npos);
  for (const auto& name : private_names)
    EXPECT_EQ(board_text.find(name), std::string::npos) << name;

  // The record verifies and holds no name: every file of it is searched.
  const auto verified = hall_->verify_export({"contacts", "opinions"});
  const std::string& dir = verified.dir;
  ASSERT_FALSE(dir.empty());
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string text = read_file(entry.path());
    for (const auto& name : private_names)
      EXPECT_EQ(text.find(name), std::string::npos) << name << " in " << entry.path();
  }
  EXPECT_GT(files, 2u);
  EXPECT_NE(read_file(std::filesystem::path(dir) / "events.jsonl").find("opinion_answered"),
            std::string::npos);
  EXPECT_EQ(verified.count("contacts"), 5u);   // four contacts and the committee's list
  EXPECT_EQ(verified.count("opinions"), 10u);  // 3 logged, 3 routed, 1 extended, 2 answered, 1 back
}

}  // namespace
}  // namespace plenum::tests
