// The standing term between its meetings, through one real plenumd over TLS WebSockets holding
// two townships' congresses (东山镇 on /ws, 西河镇 beside it), its data on disk and its clock
// real. In 东山镇 the secretary forms two delegate groups; the first elects its leader and deputy
// in its own sitting by encrypted ballots the scrutineers decrypt, and the party committee's
// approval is recorded (refused before the result and for someone not elected). Activities
// follow: two in past months whose attendance the office recorded from the sign-in sheets, and
// one today with the delegates' signed check-ins and one attendance the office records with its
// reason. A committee member keeps two delegates, a delegate three party members, a member three
// residents; of three opinions one is answered on time, one extended and answered, one left
// overdue. The three months before this one are reported to the county, each report's PDF made
// by plenum-sheet and read back by pdftotext for its figures (sittings, activities and their
// attendance, groups, proposals, opinions on time and overdue, contacts), and so is this month's
// draft. 西河镇's accounts and data stay its
// own; each record verifies against its own township's key only, and the exported record holds
// none of the names of the party members and residents, nor the opinions' words.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/working_calendar.hpp"
#include "term_hall.hpp"

namespace plenum::tests {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using protocol::civil_date;

// Twenty delegates (1–10 of 东片, 11–20 of 西片; D020 also a party committee member), a chair, a
// secretary, three scrutineers.
std::string east_roster() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  static const char* occupations[] = {"science", "education", "health", "farming"};
  for (int i = 1; i <= 20; ++i)
    csv += term_delegate(i) + ",代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") + "," +
           (i % 10 == 0 ? "回族" : "汉族") + "," + occupations[i % 4] + ",U1," +
           (i <= 10 ? "东片" : "西片") + ",delegate," + (i == 20 ? "yes" : "no") + "\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

// The other township: the same person numbers, other people.
std::string west_roster() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  for (int i = 1; i <= 10; ++i)
    csv += term_delegate(i) + ",西河代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") +
           ",汉族,farming,W1,G1,delegate,no\n";
  csv += "SE,西河秘书,女,汉族,cadre,,,secretary,no\n";
  return csv;
}

// Every name of a party member or resident registered, and the words of the opinions and
// answers: none may leave the office's private store.
const std::vector<std::string> private_words = {
    "王建国", "李秀英",       "张桂兰",     "刘大妈",         "陈阿婆",         "赵大爷",
    "孙西河", "村口路灯坏了", "路灯已修复", "垃圾清运不及时", "已增加清运班次", "水渠年久失修"};

bool holds(const json::value& v, std::string_view text) {
  return json::serialize(v).find(text) != std::string::npos;
}

json::object find_by(const json::array& list, std::string_view key, std::string_view value) {
  for (const auto& v : list)
    if (v.as_object().at(key).as_string() == value) return v.as_object();
  return {};
}

// `n` working days before `d`.
civil_date working_days_before(const protocol::working_calendar& cal, civil_date d, int n) {
  while (n > 0) {
    d = d.plus_days(-1);
    if (cal.is_working_day(d)) --n;
  }
  return d;
}

// "YYYY-MM" of `d`.
std::string month_of(const civil_date& d) { return d.text().substr(0, 7); }

// The text of a PDF by pdftotext, spaces and line breaks removed ("" when it cannot be read).
std::string pdf_text(const std::string& bytes, const fs::path& dir, const std::string& name) {
  const fs::path pdf = dir / (name + ".pdf");
  const fs::path txt = dir / (name + ".txt");
  std::ofstream(pdf, std::ios::binary) << bytes;
  const std::string cmd =
      "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return {};
  std::string out;
  for (char ch : read_file(txt))
    if (ch != ' ' && ch != '\n') out.push_back(ch);
  return out;
}

void expect_has(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "no " << part << " in\n" << text;
}

// The figure `label` reads `value` in a PDF's text (the number not followed by another digit).
void expect_figure(const std::string& text, const std::string& label, std::uint64_t value) {
  const std::string part = label + std::to_string(value);
  bool found = false;
  for (auto at = text.find(part); !found && at != std::string::npos; at = text.find(part, at + 1)) {
    const auto next = at + part.size();
    found = next == text.size() || text[next] < '0' || text[next] > '9';
  }
  EXPECT_TRUE(found) << "no " << part << " in\n" << text;
}

// No file of the exported record in `dir` holds any of private_words (every byte searched).
void expect_no_private_words(const std::string& dir) {
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string bytes = read_file(entry.path());
    for (const auto& word : private_words)
      EXPECT_EQ(bytes.find(word), std::string::npos) << word << " in " << entry.path();
  }
  EXPECT_GT(files, 2u) << dir;
}

std::uint64_t server_now(hall_client& c) {
  return c.call("ping").fields.at("server_unix_ms").to_number<std::uint64_t>();
}

// Delegate `person`'s signed check-in to `activity` (signing `signed_id`, the activity's id
// unless a test says otherwise).
hall_reply activity_check_in(term_hall& hall, const std::string& person,
                             const std::string& activity, const std::string& signed_id = "") {
  auto c = hall.as(person);
  const auto now = server_now(c);
  const auto& device = hall.key(person);
  const auto sig = device.sign(crypto::activity_checkin_digest(
      signed_id.empty() ? activity : signed_id, device.public_part(), now));
  return c.call("activity_checkin",
                {{"activity_id", activity}, {"unix_ms", now}, {"signature", sig.hex()}});
}

TEST(term_between_meetings_test, GroupsActivitiesContactsOpinionsReportsAndTwoTownships) {
  term_hall hall(east_roster(), "东山镇", {{"west", "西河镇", west_roster()}});
  ASSERT_TRUE(hall.ok()) << hall.server_log();
  auto se = hall.as("SE");
  auto ch = hall.as("CH");
  auto d1 = hall.as("D001");

  // The server's today (China Standard Time) and the three months before this one, the
  // congress's calendar without holidays of its own (Monday to Friday).
  const civil_date today = civil_date::of_unix_ms(static_cast<std::int64_t>(server_now(se)));
  const civil_date this_month{today.year, today.month, 1};
  const civil_date m3 = this_month.plus_months(-3), m2 = this_month.plus_months(-2),
                   m1 = this_month.plus_months(-1);
  const protocol::working_calendar cal;

  // ---- Two delegate groups of ten; nobody in two ----
  json::array east, west;
  for (int i = 1; i <= 10; ++i) east.emplace_back(term_delegate(i));
  for (int i = 11; i <= 20; ++i) west.emplace_back(term_delegate(i));
  auto g1 = se.call("form_group", {{"name", "东片代表小组"}, {"basis", "area"}, {"members", east}});
  ASSERT_TRUE(g1.ok()) << g1.code();
  const std::string group = str(g1.fields, "group_id");
  json::array west_and_d010 = west;
  west_and_d010.emplace_back("D010");
  EXPECT_EQ(se.call("form_group",
                    {{"name", "西片代表小组"}, {"basis", "area"}, {"members", west_and_d010}})
                .code(),
            "already_in_group");
  auto g2 = se.call("form_group", {{"name", "西片代表小组"}, {"basis", "area"}, {"members", west}});
  ASSERT_TRUE(g2.ok()) << g2.code();
  EXPECT_NE(str(g2.fields, "group_id"), group);

  // ---- The group's own sitting elects its leader and deputy by encrypted ballots ----
  const civil_date sitting_day = m3.plus_days(9);
  auto sitting =
      se.call("create_sitting",
              {{"title", "东片代表小组会议"}, {"date", sitting_day.text()}, {"group_id", group}});
  ASSERT_TRUE(sitting.ok()) << sitting.code();
  const std::string sid = str(sitting.fields, "sitting_id");
  hall.sit(sid, 10);
  ASSERT_FALSE(::testing::Test::HasFatalFailure());
  // Its seated are the group's ten, not the congress's twenty.
  auto state = ch.call("get_state");
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state.fields.at("state").at("seated").to_number<std::uint64_t>(), 10u);
  auto item = ch.call("add_item", {{"sitting_id", sid},
                                   {"kind", "election"},
                                   {"title", "选举组长、副组长"},
                                   {"responsible", ""}});
  ASSERT_TRUE(item.ok()) << item.code();
  const std::string item_id = str(item.fields, "item_id");
  ASSERT_TRUE(ch.call("set_current_item", {{"sitting_id", sid}, {"item_id", item_id}}).ok());
  auto approve = [&](hall_client& c, const std::string& vote, const std::string& leader,
                     const std::string& deputy) {
    return c
        .call("approve_group_leaders", {{"group_id", group},
                                        {"leader", leader},
                                        {"deputy", deputy},
                                        {"vote_id", vote},
                                        {"approval", "东山镇党委〔2026〕18号"}})
        .code();
  };
  // 代表1 approved by all ten, 代表2 by eight, 代表3 by the other two (two seats: two marks at
  // most).
  const auto decided = hall.decide_vote(
      {{"vote_id", "gv1"},
       {"sitting_id", sid},
       {"item_id", item_id},
       {"kind", "election"},
       {"title", "选举组长、副组长（应选2名）"},
       {"seats", 2},
       {"candidates", json::array{"代表1", "代表2", "代表3"}}},
      10,
      [](int i) {
        auto mark = [](bool yes) {
          return std::vector<std::uint8_t>{static_cast<std::uint8_t>(yes),
                                           static_cast<std::uint8_t>(!yes)};
        };
        return crypto::ballot_choices{mark(true), mark(i <= 8), mark(i > 8)};
      },
      [&](const std::string& vote) {
        // Closed, not yet decrypted: nobody is elected yet.
        EXPECT_EQ(approve(se, vote, "D001", "D002"), "vote_not_decided");
      });
  ASSERT_FALSE(decided.empty()) << hall.server_log();
  const auto& candidates = decided.at("outcome").at("candidates").as_array();
  ASSERT_EQ(candidates.size(), 3u) << json::serialize(decided);
  EXPECT_EQ(candidates[0].at("approve").to_number<int>(), 10);
  EXPECT_EQ(candidates[1].at("approve").to_number<int>(), 8);
  EXPECT_EQ(candidates[2].at("approve").to_number<int>(), 2);
  EXPECT_TRUE(candidates[0].at("elected").as_bool());
  EXPECT_TRUE(candidates[1].at("elected").as_bool());
  EXPECT_FALSE(candidates[2].at("elected").as_bool());
  ASSERT_TRUE(ch.call("close_sitting", {{"sitting_id", sid}}).ok());
  // The committee approves those the group elected, recorded by the office only.
  EXPECT_EQ(approve(se, "gv1", "D001", "D003"), "leaders_not_elected");
  EXPECT_EQ(approve(d1, "gv1", "D001", "D002"), "permission_denied");
  ASSERT_EQ(approve(se, "gv1", "D001", "D002"), "");

  // ---- Activities ----
  auto plan = [&](const json::object& fields) {
    auto r = se.call("plan_activity", fields);
    EXPECT_TRUE(r.ok()) << json::serialize(fields) << " " << r.code() << " "
                        << json::serialize(r.fields);
    return str(r.fields, "activity_id");
  };
  auto record = [&](const std::string& activity, const std::string& person,
                    const std::string& status, const std::string& reason) {
    return se
        .call(
            "record_attendance",
            {{"activity_id", activity}, {"person", person}, {"status", status}, {"reason", reason}})
        .code();
  };
  // Two months ago the group visited the villages; the office entered the sign-in sheet.
  const civil_date a1_day = m2.plus_days(14);
  const std::string a1 = plan({{"kind", "group_activity"},
                               {"group_id", group},
                               {"title", "东片代表小组走访联系群众"},
                               {"date", a1_day.text()},
                               {"place", "东村村委会"}});
  for (int i = 1; i <= 8; ++i) EXPECT_EQ(record(a1, term_delegate(i), "present", "签到表补录"), "");
  EXPECT_EQ(record(a1, "D009", "excused", "因病请假"), "");
  EXPECT_EQ(record(a1, "D010", "absent", "未请假"), "");
  EXPECT_EQ(record(a1, "D011", "present", "签到表补录"), "not_invited");
  ASSERT_TRUE(
      se.call("record_activity_held", {{"activity_id", a1}, {"outcome", "走访群众20户"}}).ok());
  // Last month five of the other group inspected the water works.
  const std::string a2 = plan({{"kind", "inspection"},

                               {"title", "视察农村饮水工程"},
                               {"date", m1.plus_days(9).text()},
                               {"place", "镇水厂"},
                               {"invited", json::array{"D011", "D012", "D013", "D014", "D015"}}});
  for (int i = 11; i <= 15; ++i)
    EXPECT_EQ(record(a2, term_delegate(i), "present", "签到表补录"), "");
  ASSERT_TRUE(
      se.call("record_activity_held", {{"activity_id", a2}, {"outcome", "提出整改建议3条"}}).ok());
  // Today the group meets again: nine check in with their own devices' signatures, the tenth
  // has no phone and the office records him.
  const std::string a3 = plan({{"kind", "group_activity"},
                               {"group_id", group},
                               {"title", "东片代表小组学习交流"},
                               {"date", today.text()},
                               {"place", "镇党群服务中心"}});
  for (int i = 1; i <= 9; ++i)
    ASSERT_EQ(activity_check_in(hall, term_delegate(i), a3).code(), "") << term_delegate(i);
  EXPECT_EQ(activity_check_in(hall, "D010", a3, a1).code(), "bad_checkin_signature");
  EXPECT_EQ(activity_check_in(hall, "D011", a3).code(), "not_invited");
  EXPECT_EQ(activity_check_in(hall, "D001", a3).code(), "attendance_recorded_already");
  EXPECT_EQ(record(a3, "D010", "present", ""), "attendance_reason_required");
  EXPECT_EQ(record(a3, "D010", "present", "没有手机，现场登记"), "");
  ASSERT_TRUE(
      se.call("record_activity_held", {{"activity_id", a3}, {"outcome", "学习代表工作条例"}}).ok());
  EXPECT_EQ(activity_check_in(hall, "D010", a3).code(), "activity_already_held");

  auto activities = se.call("get_activities");
  ASSERT_TRUE(activities.ok()) << activities.code();
  const auto& list = activities.fields.at("activities").as_array();
  ASSERT_EQ(list.size(), 3u) << json::serialize(activities.fields);
  const auto past = find_by(list, "activity_id", a1).at("counts").as_object();
  EXPECT_EQ(past.at("present").to_number<int>(), 8);
  EXPECT_EQ(past.at("excused").to_number<int>(), 1);
  EXPECT_EQ(past.at("absent").to_number<int>(), 1);
  const auto now_counts = find_by(list, "activity_id", a3).at("counts").as_object();
  EXPECT_EQ(now_counts.at("present").to_number<int>(), 10);
  EXPECT_EQ(now_counts.at("unrecorded").to_number<int>(), 0);
  auto groups = hall.as("D015").call("get_groups");
  ASSERT_TRUE(groups.ok()) << groups.code();
  const auto& gl = groups.fields.at("groups").as_array();
  ASSERT_EQ(gl.size(), 2u);
  const auto first = find_by(gl, "group_id", group);
  EXPECT_EQ(str(first, "leader_name"), "代表1");
  EXPECT_EQ(str(first, "deputy_name"), "代表2");
  EXPECT_TRUE(first.at("met_this_year").as_bool());
  EXPECT_FALSE(find_by(gl, "group_id", str(g2.fields, "group_id")).at("met_this_year").as_bool());

  // ---- Three-level contact ----
  ASSERT_TRUE(se.call("set_committee_contacts",
                      {{"member", "D020"}, {"delegates", json::array{"D001", "D002"}}})
                  .ok());
  auto reg = [&](hall_client& c, const std::string& kind, const std::string& keeper,
                 const std::string& name, const std::string& place) {
    auto r = c.call(
        "register_contact",
        {{"kind", kind}, {"keeper", keeper}, {"details", {{"name", name}, {"place", place}}}});
    EXPECT_TRUE(r.ok()) << name << " " << r.code();
    return str(r.fields, "contact_id");
  };
  const auto member = reg(d1, "member", "D001", "王建国", "东村党支部");
  reg(d1, "member", "D001", "李秀英", "东村党支部");
  reg(d1, "member", "D001", "张桂兰", "镇卫生院党支部");
  const auto resident = reg(d1, "resident", member, "刘大妈", "东村");
  reg(d1, "resident", member, "陈阿婆", "东村");
  reg(d1, "resident", member, "赵大爷", "东村");
  EXPECT_EQ(d1.call("register_contact",
                    {{"kind", "resident"},
                     {"keeper", member},
                     {"details", {{"name", "钱七"}, {"id_number", "110101199003071234"}}}})
                .code(),
            "invalid_private_details");
  auto mine = d1.call("get_contacts");
  ASSERT_TRUE(mine.ok()) << mine.code();
  const auto& my_view = mine.fields.at("contacts").as_object();
  const auto me = my_view.at("delegates").at(0).as_object();
  EXPECT_EQ(str(me, "gap"), "ok");  // three members
  const auto kept = find_by(me.at("members").as_array(), "contact_id", member);
  EXPECT_EQ(str(kept, "gap"), "ok");  // three residents
  EXPECT_EQ(kept.at("residents").as_array().size(), 3u);
  EXPECT_EQ(str(kept.at("details").as_object(), "name"), "王建国");
  EXPECT_EQ(str(my_view.at("committee").at(0).as_object(), "gap"), "ok");  // two delegates
  // Another delegate keeps nobody yet, and reads none of D001's people.
  auto theirs = hall.as("D002").call("get_contacts");
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(str(theirs.fields.at("contacts").at("delegates").at(0).as_object(), "gap"), "below");
  for (const auto& word : private_words) EXPECT_FALSE(holds(theirs.fields, word)) << word;

  // ---- Three opinions from 刘大妈, each step dated as the office records it ----
  auto log_opinion = [&](const civil_date& on, const std::string& text) {
    auto r = d1.call("log_opinion", {{"contact_id", resident},
                                     {"date", on.text()},
                                     {"category", "基础设施"},
                                     {"details", {{"text", text}, {"name", "刘大妈"}}}});
    EXPECT_TRUE(r.ok()) << r.code();
    return str(r.fields, "opinion_id");
  };
  auto route = [&](const std::string& id, const civil_date& on) {
    auto r = se.call("route_opinion",
                     {{"opinion_id", id}, {"department", "镇建设办"}, {"date", on.text()}});
    EXPECT_TRUE(r.ok()) << id << " " << r.code();
  };
  // O1: logged in the first reported month, routed two working days later, answered twenty
  // working days after that (in the second month): on time.
  const civil_date l1 = cal.roll_to_working_day(m3.plus_days(2));
  const civil_date rt1 = cal.add_working_days(l1, 2);
  const civil_date an1 = cal.add_working_days(rt1, 20);
  ASSERT_EQ(month_of(an1), month_of(m2)) << an1.text();
  const auto o1 = log_opinion(l1, "村口路灯坏了");
  route(o1, rt1);
  ASSERT_TRUE(
      se.call("answer_opinion",
              {{"opinion_id", o1}, {"date", an1.text()}, {"details", {{"text", "路灯已修复"}}}})
          .ok());
  // O3: logged at the start of the first month, routed six working days later (late), never
  // answered: due within the second month, overdue since.
  const civil_date l3 = cal.roll_to_working_day(m3);
  const civil_date rt3 = cal.add_working_days(l3, 6);
  const civil_date due3 = cal.add_working_days(rt3, 30);
  ASSERT_EQ(month_of(due3), month_of(m2)) << due3.text();
  const auto o3 = log_opinion(l3, "水渠年久失修");
  route(o3, rt3);
  // O2: logged and routed last month, its deadline not yet passed: extended by ten working
  // days (once), answered today.
  const civil_date rt2 = working_days_before(cal, this_month, 1);
  const civil_date l2 = working_days_before(cal, rt2, 2);
  const auto o2 = log_opinion(l2, "垃圾清运不及时");
  route(o2, rt2);
  extend_answer_and_report_back(se, d1, o2, "需协调环卫公司", "已增加清运班次");

  auto opinions = se.call("get_opinions");
  ASSERT_TRUE(opinions.ok()) << opinions.code();
  const auto& ol = opinions.fields.at("opinions").as_array();
  ASSERT_EQ(ol.size(), 3u);
  const auto v1 = find_by(ol, "opinion_id", o1);
  EXPECT_TRUE(v1.at("routed_on_time").as_bool());
  EXPECT_TRUE(v1.at("closed_on_time").as_bool());
  const auto v2 = find_by(ol, "opinion_id", o2);
  EXPECT_EQ(str(v2, "answer_due"), cal.add_working_days(rt2, 40).text());
  EXPECT_TRUE(v2.at("closed_on_time").as_bool());
  const auto v3 = find_by(ol, "opinion_id", o3);
  EXPECT_FALSE(v3.at("routed_on_time").as_bool());
  EXPECT_EQ(str(v3, "answer_due"), due3.text());
  EXPECT_TRUE(v3.at("overdue").as_bool());
  EXPECT_EQ(v3.at("working_days_overdue").to_number<std::int64_t>(),
            cal.working_days_between(due3, today));

  // ---- The other township on the same plenumd keeps its own ----
  crypto::seeded_random west_random("west SE");
  const auto west_key = crypto::secret_key::generate(west_random);
  {
    hall_client c(hall.port(), "/ws/township/west");
    auto enrolled = enroll(c, "SE", secretary_code(hall.data_dir("west")), west_key);
    ASSERT_TRUE(enrolled.ok()) << enrolled.code();
  }
  hall_client west_se(hall.port(), "/ws/township/west");
  ASSERT_TRUE(west_se.auth(west_key).ok());
  EXPECT_EQ(west_se.hello().congress_id, "west");
  EXPECT_NE(west_se.hello().congress_pk.hex(), se.hello().congress_pk.hex());
  (void)west_se.call("acknowledge_warnings");
  ASSERT_TRUE(west_se
                  .call("plan_activity", {{"kind", "inspection"},

                                          {"title", "西河镇视察水库"},
                                          {"date", today.text()},
                                          {"place", "西河水库"}})
                  .ok());
  auto west_member =
      west_se.call("register_contact", {{"kind", "member"},
                                        {"keeper", "D001"},
                                        {"details", {{"name", "孙西河"}, {"place", "西村"}}}});
  ASSERT_TRUE(west_member.ok()) << west_member.code();
  // 东山镇's secretary and delegate are strangers on 西河镇's path: nothing is read there.
  for (const std::string person : {"SE", "D001"}) {
    hall_client c(hall.port(), "/ws/township/west");
    EXPECT_EQ(c.auth(hall.key(person)).code(), "unknown_device_key") << person;
    EXPECT_EQ(c.call("get_activities").code(), "unauthenticated") << person;
    EXPECT_EQ(c.call("get_contacts").code(), "unauthenticated") << person;
  }
  {
    hall_client c(hall.port());
    EXPECT_EQ(c.auth(west_key).code(), "unknown_device_key");
  }
  // 东山镇's own views hold nothing of 西河镇.
  auto east_activities = se.call("get_activities");
  ASSERT_TRUE(east_activities.ok());
  EXPECT_EQ(east_activities.fields.at("activities").as_array().size(), 3u);
  EXPECT_FALSE(holds(east_activities.fields, "西河镇视察水库"));
  auto east_contacts = se.call("get_contacts");
  ASSERT_TRUE(east_contacts.ok());
  EXPECT_TRUE(holds(east_contacts.fields, "王建国"));  // the office reads its own
  EXPECT_FALSE(holds(east_contacts.fields, "孙西河"));
  auto west_activities = west_se.call("get_activities");
  ASSERT_TRUE(west_activities.ok());
  EXPECT_TRUE(holds(west_activities.fields, "西河镇视察水库"));
  EXPECT_FALSE(holds(west_activities.fields, "东片代表小组"));

  // ---- Three monthly reports to the county ----
  EXPECT_EQ(se.call("issue_monthly_report", {{"month", month_of(today)}}).code(),
            "month_not_ended");
  EXPECT_EQ(d1.call("issue_monthly_report", {{"month", month_of(m1)}}).code(), "permission_denied");
  const fs::path pdfs = hall.scratch_dir();
  std::vector<std::string> texts;
  for (const auto& m : {m3, m2, m1}) {
    const std::string month = month_of(m);
    auto issued = se.call("issue_monthly_report", {{"month", month}});
    ASSERT_TRUE(issued.ok()) << month << " " << issued.code();
    EXPECT_EQ(str(issued.fields, "report_id"), "MR-" + month);
    auto read = se.call("get_monthly_report", {{"month", month}});
    ASSERT_TRUE(read.ok()) << read.code();
    const auto& view = read.fields.at("monthly_report").as_object();
    EXPECT_EQ(str(view.at("issued").as_object(), "report_id"), "MR-" + month);
    const std::string digest = str(view, "report_digest");
    const auto text =
        pdf_text(hall.download(se, {{"kind", "monthly_report"}, {"month", month}}), pdfs, month);
    ASSERT_FALSE(text.empty()) << month;
    expect_has(text, "东山镇");
    expect_has(text,
               std::to_string(m.year) + "年" + std::to_string(m.month) + "月代表工作月度书面报告");
    expect_has(text, "报告编号：MR-" + month);
    expect_has(text, digest);
    expect_figure(text, "收到提案（件）", 0);
    texts.push_back(text);
  }
  EXPECT_EQ(se.call("issue_monthly_report", {{"month", month_of(m1)}}).code(),
            "report_already_issued");
  // The group's own sitting in the first month is a meeting of the group, not of the congress:
  // counted among the groups' meetings, not listed with the congress's sittings.
  expect_figure(texts[0], "本月代表小组会议（次）", 1);
  expect_figure(texts[0], "召开会议（次）", 0);
  expect_figure(texts[0], "实到代表（人次）", 0);
  EXPECT_EQ(texts[0].find("东片代表小组会议"), std::string::npos) << texts[0];
  expect_figure(texts[1], "本月代表小组会议（次）", 0);
  expect_figure(texts[1], "召开会议（次）", 0);
  expect_figure(texts[2], "召开会议（次）", 0);

  // What the office did between meetings, month by month. September: two opinions collected,
  // one routed on time and one late; the groups were formed this month (December), so none is
  // counted yet; nobody kept contacts.
  expect_figure(texts[0], "开展活动（次）", 0);
  expect_figure(texts[0], "代表小组（个）", 0);
  expect_has(texts[0], "本年度尚未开展活动的代表小组：无");
  expect_figure(texts[0], "收集（条）", 2);
  expect_figure(texts[0], "按时交办（条）", 1);
  expect_figure(texts[0], "逾期交办（条）", 1);
  expect_figure(texts[0], "按时答复（条）", 0);
  expect_figure(texts[0], "月末逾期（条）", 0);
  expect_figure(texts[0], "月末联系党员（人）", 0);
  expect_figure(texts[0], "联系代表少于2名的党委委员（人）", 1);
  expect_figure(texts[0], "联系党员少于3名的代表（人）", 20);
  // The group's visit, entered from the sign-in sheet; O1 answered on time; O3 overdue.
  expect_figure(texts[1], "开展活动（次）", 1);
  expect_figure(texts[1], "其中小组活动（次）", 1);
  expect_figure(texts[1], "应参加（人次）", 10);
  expect_figure(texts[1], "出席（人次）", 8);
  expect_figure(texts[1], "其中本人签到（人次）", 0);
  expect_figure(texts[1], "其中办公室登记（人次）", 8);
  expect_figure(texts[1], "请假（人次）", 1);
  expect_figure(texts[1], "缺席（人次）", 1);
  expect_has(texts[1], "小组活动" + a1_day.text() + "10811");
  expect_figure(texts[1], "收集（条）", 0);
  expect_figure(texts[1], "按时答复（条）", 1);
  expect_figure(texts[1], "月末逾期（条）", 1);
  expect_has(texts[1], o3 + "基础设施答复镇建设办" + due3.text() +
                           std::to_string(cal.working_days_between(due3, m1.plus_days(-1))));
  // The inspection; O2 collected and routed on time; O3 still overdue.
  expect_figure(texts[2], "开展活动（次）", 1);
  expect_figure(texts[2], "其中视察（次）", 1);
  expect_figure(texts[2], "应参加（人次）", 5);
  expect_figure(texts[2], "其中办公室登记（人次）", 5);
  expect_figure(texts[2], "收集（条）", 1);
  expect_figure(texts[2], "按时交办（条）", 1);
  expect_figure(texts[2], "月末逾期（条）", 1);
  expect_has(texts[2],
             o3 + "基础设施答复镇建设办" + due3.text() +
                 std::to_string(cal.working_days_between(due3, this_month.plus_days(-1))));

  // This month's draft: today's activity with nine signed check-ins and one the office
  // recorded; two groups, the western one not met this year; O2 extended and answered on time;
  // the contacts registered today and the gaps they leave.
  const auto draft_text = pdf_text(
      hall.download(se, {{"kind", "monthly_report"}, {"month", month_of(today)}}), pdfs, "draft");
  expect_has(draft_text, "草稿（尚未报送）");
  expect_figure(draft_text, "开展活动（次）", 1);
  expect_figure(draft_text, "出席（人次）", 10);
  expect_figure(draft_text, "其中本人签到（人次）", 9);
  expect_figure(draft_text, "其中办公室登记（人次）", 1);
  expect_figure(draft_text, "代表小组（个）", 2);
  expect_figure(draft_text, "本年度已开展活动的小组（个）", 1);
  expect_has(draft_text, "本年度尚未开展活动的代表小组：1个西片代表小组");
  expect_figure(draft_text, "按时答复（条）", 1);
  expect_figure(draft_text, "延期办理（条）", 1);
  expect_figure(draft_text, "本月新增联系党员（人）", 3);
  expect_figure(draft_text, "本月新增联系群众（人）", 3);
  expect_figure(draft_text, "联系代表少于2名的党委委员（人）", 0);
  expect_figure(draft_text, "联系党员少于3名的代表（人）", 19);
  expect_figure(draft_text, "联系群众少于3名的党员（人）", 2);

  // ---- The records: each verifies against its own township's key only; no names ----
  const auto verified =
      hall.verify_export({"groups", "activities", "contacts", "opinions", "monthly_reports"});
  ASSERT_FALSE(verified.dir.empty());
  // Two groups formed and one approval (checked as an event and against the vote); three
  // activities planned, 10 + 5 recorded, 9 check-ins, 1 recorded today, three held; six contacts
  // and the committee member's list; three opinions logged and routed, one extended, two
  // answered, one reported back; three reports recomputed from the record.
  EXPECT_EQ(verified.count("groups"), 4u) << verified.lines;
  EXPECT_EQ(verified.count("activities"), 31u) << verified.lines;
  EXPECT_EQ(verified.count("contacts"), 7u) << verified.lines;
  EXPECT_EQ(verified.count("opinions"), 10u) << verified.lines;
  EXPECT_EQ(verified.count("monthly_reports"), 3u) << verified.lines;
  expect_no_private_words(verified.dir);
  const std::string events = read_file(fs::path(verified.dir) / "events.jsonl");
  expect_has(events, "contact_registered");
  expect_has(events, "opinion_answered");
  expect_has(events, "group_leaders_approved");
  EXPECT_EQ(events.find("西河镇"), std::string::npos);

  clients::verify::verify_options east_pinned, west_pinned;
  east_pinned.pinned_congress_key = se.hello().congress_pk;
  west_pinned.pinned_congress_key = west_se.hello().congress_pk;
  const auto west_own = term_hall::export_and_verify(west_se, west_pinned);
  EXPECT_TRUE(west_own.report.passed()) << west_own.lines;
  EXPECT_NE(read_file(fs::path(west_own.dir) / "events.jsonl").find("contact_registered"),
            std::string::npos);
  expect_no_private_words(west_own.dir);
  const auto west_as_east = term_hall::export_and_verify(west_se, east_pinned);
  // The same signed chain, but the congress key pinned is the other township's.
  EXPECT_FALSE(west_as_east.report.passed()) << west_as_east.lines;
  ASSERT_NE(west_as_east.report.find("congress"), nullptr) << west_as_east.lines;
  EXPECT_FALSE(west_as_east.report.find("congress")->passed) << west_as_east.lines;
  EXPECT_TRUE(west_as_east.report.find("signatures")->passed) << west_as_east.lines;
  const auto east_as_west = term_hall::export_and_verify(se, west_pinned);
  EXPECT_FALSE(east_as_west.report.passed()) << east_as_west.lines;
  const auto east_own = term_hall::export_and_verify(se, east_pinned);
  EXPECT_TRUE(east_own.report.passed()) << east_own.lines;
}

}  // namespace
}  // namespace plenum::tests
