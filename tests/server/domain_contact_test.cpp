// Three-level contact (三级联系) and opinions: who keeps whom and who may register them, private
// details that never reach the log (only their digest, from {name, place}, never an ID
// number), the gaps against 2–3 / 3–5 / ≥ 3, and an opinion's deadlines in working days of the
// congress's calendar (route in 5, answer in 30 plus one extension of at most 15, refuse in 5),
// each step in order. Every refusal names its reason and records nothing.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "domain/contact_views.hpp"
#include "domain/views.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/bytes.hpp"

namespace plenum::server::domain {
namespace {

using test::day_ms;
using test::monday_ms;
using test::private_details;

private_input resident(const std::string& name) { return private_details({{"name", name}}); }

struct contact_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override { c.now = monday_ms; }

  void on_day(int days_after_monday) { c.now = monday_ms + days_after_monday * day_ms; }

  void refused(const std::string& who, const command& cmd, errc code) {
    const auto before = c.log.size();
    const auto state_before = full_snapshot(c.state);
    const auto book_before = c.state.contacts();
    auto r = c.as(who, cmd);
    ASSERT_FALSE(r) << "accepted";
    EXPECT_EQ(r.error(), code) << r.error().message();
    EXPECT_EQ(c.log.size(), before);
    EXPECT_EQ(full_snapshot(c.state), state_before);
    EXPECT_EQ(c.state.contacts(), book_before);
  }

  // D001 keeps member C1 (with residents C2–C4 when `residents`).
  void keep_member(bool residents) {
    ASSERT_TRUE(
        c.as("D001", register_contact{"C1", "member", "D001",
                                      private_details({{"name", "王建国"}, {"place", "东村"}})}));
    if (!residents) return;
    for (const char* id : {"C2", "C3", "C4"})
      ASSERT_TRUE(c.as("D001", register_contact{id, "resident", "C1", resident("居民")}));
  }

  boost::json::object opinion_view(const std::string& id) {
    for (const auto& one :
         opinions_view(c.state, "SE", true, civil_date::of_unix_ms(c.now), nullptr))
      if (one.at("opinion_id").as_string() == id) return one.as_object();
    ADD_FAILURE() << id << " not listed";
    return {};
  }
};

TEST_F(contact_case, TheEventCarriesOnlyTheDigestOfTheDetails) {
  auto d = c.as("D001", register_contact{"", "member", "D001",
                                         private_details({{"name", "王建国"}, {"place", "东村"}})});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->created_id, "C1");
  const auto& payload = c.log.back().payload;
  EXPECT_EQ(c.log.back().type, "contact_registered");
  const std::string text = boost::json::serialize(payload);
  EXPECT_EQ(text.find("王建国"), std::string::npos) << text;
  EXPECT_EQ(text.find("东村"), std::string::npos) << text;
  // The record to keep beside the log: the canonical details, the salt, and the digest the
  // event carries, which recomputes from them.
  ASSERT_EQ(d->private_details.size(), 1u);
  const auto& kept = d->private_details.front();
  EXPECT_EQ(kept.details, R"({"name":"王建国","place":"东村"})");
  EXPECT_EQ(kept.salt, "0102030405060708090a0b0c0d0e0f10");
  EXPECT_EQ(payload.at("details_digest").as_string(), kept.digest);
  const auto salt = crypto::from_hex_fixed<16>(kept.salt);
  EXPECT_EQ(crypto::to_hex(
                protocol::private_details_digest(*salt, {{"name", "王建国"}, {"place", "东村"}})),
            kept.digest);
  // Another salt, another digest: the same name cannot be recognised across records.
  auto other = private_details({{"name", "王建国"}, {"place", "东村"}});
  other.salt[0] = 0xff;
  auto d2 = c.as("D001", register_contact{"", "member", "D001", other});
  ASSERT_TRUE(d2);
  EXPECT_NE(d2->private_details.front().digest, kept.digest);
}

TEST_F(contact_case, DetailsAreNameAndPlaceAndNeverAnIdNumber) {
  refused("D001",
          register_contact{"C1", "member", "D001",
                           private_details({{"name", "张三"}, {"id_number", "1"}})},
          errc::invalid_private_details);
  refused(
      "D001",
      register_contact{"C1", "member", "D001", private_details({{"name", "张三"}, {"phone", "1"}})},
      errc::invalid_private_details);
  refused("D001",
          register_contact{"C1", "member", "D001",
                           private_details({{"name", "张三"}, {"place", "110101199003071234"}})},
          errc::invalid_private_details);
  refused("D001",
          register_contact{"C1", "member", "D001",
                           private_details({{"name", "张三 11010119900307123X"}})},
          errc::invalid_private_details);
  refused("D001", register_contact{"C1", "member", "D001", private_details({{"place", "东村"}})},
          errc::invalid_private_details);
  refused("D001", register_contact{"C1", "member", "D001", private_details({{"name", ""}})},
          errc::invalid_private_details);
  // A house number or a year is not an ID number.
  ASSERT_TRUE(c.as(
      "D001", register_contact{"C1", "member", "D001",
                               private_details({{"name", "张三"}, {"place", "东村12号 2026"}})}));
}

TEST_F(contact_case, ContactsAreKeptByTheirDelegateOrTheSecretary) {
  keep_member(false);
  // Another delegate may not register a member for D001, nor a resident under D001's member.
  refused("D002", register_contact{"C9", "member", "D001", resident("李四")}, errc::not_the_keeper);
  refused("D002", register_contact{"C9", "resident", "C1", resident("李四")}, errc::not_the_keeper);
  // The secretary may, for anyone.
  ASSERT_TRUE(c.as("SE", register_contact{"C2", "member", "D002", resident("李四")}));
  ASSERT_TRUE(c.as("D001", register_contact{"C3", "resident", "C1", resident("赵五")}));
  refused("D001", register_contact{"C9", "member", "SE", resident("x")},
          errc::invalid_contact_keeper);
  refused("D001", register_contact{"C9", "resident", "D001", resident("x")},
          errc::invalid_contact_keeper);
  refused("D001", register_contact{"C9", "resident", "C3", resident("x")},
          errc::invalid_contact_keeper);  // a resident keeps nobody
  refused("D001", register_contact{"C9", "friend", "D001", resident("x")}, errc::invalid_field);
  refused("D001", register_contact{"C1", "member", "D001", resident("x")}, errc::contact_exists);
  refused("CH", register_contact{"C9", "member", "D001", resident("x")}, errc::permission_denied);
  EXPECT_EQ(c.state.contacts().keeping_delegate("C3"), "D001");
}

TEST_F(contact_case, AMemberIsRemovedOnlyOnceTheirResidentsAre) {
  keep_member(true);
  refused("D001", remove_contact{"C1", "调离"}, errc::contact_has_residents);
  refused("D002", remove_contact{"C2", "搬走"}, errc::not_the_keeper);
  for (const char* id : {"C2", "C3"}) ASSERT_TRUE(c.as("D001", remove_contact{id, "搬走"}));
  ASSERT_TRUE(c.as("SE", remove_contact{"C4", "去世"}));
  ASSERT_TRUE(c.as("D001", remove_contact{"C1", "调离"}));
  refused("D001", remove_contact{"C1", "调离"}, errc::unknown_contact);
  refused("D001", register_contact{"C9", "resident", "C1", resident("x")},
          errc::invalid_contact_keeper);
}

TEST_F(contact_case, GapsAgainstTwoToThreeThreeToFiveAndAtLeastThree) {
  person member;
  member.number = "W01";
  member.name = "党委委员";
  member.gender = "M";
  member.committee_member = true;
  ASSERT_TRUE(c.as("SE", add_delegate{member, "补选", "2026-01-05"}));
  refused("SE", set_committee_contacts{"D001", {"D002", "D003"}}, errc::not_a_committee_member);
  refused("SE", set_committee_contacts{"nobody", {"D002"}}, errc::unknown_person);
  refused("SE", set_committee_contacts{"W01", {"D002", "D002"}}, errc::invalid_field);
  refused("SE", set_committee_contacts{"W01", {"D002", "SE"}}, errc::invalid_field);
  refused("D001", set_committee_contacts{"W01", {"D002"}}, errc::permission_denied);

  auto committee_gap = [&] {
    const auto view = contacts_view(c.state, "SE", true, nullptr);
    return std::string(view.at("committee").as_array().at(0).at("gap").as_string());
  };
  ASSERT_TRUE(c.as("SE", set_committee_contacts{"W01", {"D001"}}));
  EXPECT_EQ(committee_gap(), "below");
  ASSERT_TRUE(c.as("SE", set_committee_contacts{"W01", {"D001", "D002"}}));
  EXPECT_EQ(committee_gap(), "ok");
  ASSERT_TRUE(c.as("SE", set_committee_contacts{"W01", {"D001", "D002", "D003", "D004"}}));
  EXPECT_EQ(committee_gap(), "above");

  auto delegate_entry = [&](const std::string& viewer, bool office, const std::string& who) {
    const auto view = contacts_view(c.state, viewer, office, nullptr);
    for (const auto& d : view.at("delegates").as_array())
      if (d.at("person").as_string() == who) return d.as_object();
    return boost::json::object{};
  };
  keep_member(true);
  ASSERT_TRUE(c.as("D001", register_contact{"C5", "member", "D001", resident("m2")}));
  auto d1 = delegate_entry("SE", true, "D001");
  EXPECT_EQ(d1.at("count").to_number<std::int64_t>(), 2);
  EXPECT_EQ(d1.at("gap").as_string(), "below");
  const auto& c1 = d1.at("members").as_array().at(0).as_object();
  EXPECT_EQ(c1.at("count").to_number<std::int64_t>(), 3);
  EXPECT_EQ(c1.at("gap").as_string(), "ok");
  EXPECT_EQ(d1.at("members").as_array().at(1).at("gap").as_string(), "below");
  ASSERT_TRUE(c.as("D001", register_contact{"C6", "member", "D001", resident("m3")}));
  EXPECT_EQ(delegate_entry("SE", true, "D001").at("gap").as_string(), "ok");
  for (const char* id : {"C7", "C8", "C9"})
    ASSERT_TRUE(c.as("D001", register_contact{id, "member", "D001", resident("m")}));
  EXPECT_EQ(delegate_entry("SE", true, "D001").at("gap").as_string(), "above");
  // A delegate sees only their own entry; the office sees everyone's.
  EXPECT_TRUE(delegate_entry("D002", false, "D001").empty());
  EXPECT_FALSE(delegate_entry("D002", false, "D002").empty());
  EXPECT_EQ(contacts_view(c.state, "D002", false, nullptr).at("delegates").as_array().size(), 1u);
  EXPECT_EQ(contacts_view(c.state, "SE", true, nullptr).at("delegates").as_array().size(), 11u);
}

// 2026-01-07 (Wednesday) is a public holiday in this congress's calendar.
struct opinion_case : contact_case {
  void SetUp() override {
    contact_case::SetUp();
    ASSERT_TRUE(c.as("SE", set_calendar{2026, {"2026-01-07"}, {}}));
    keep_member(true);
  }
  void log(const std::string& id, const std::string& date = "2026-01-05") {
    ASSERT_TRUE(
        c.as("D001", log_opinion{id, "C2", date, "道路交通",
                                 private_details({{"text", "村口路灯坏了"}, {"name", "居民"}})}));
  }
};

TEST_F(opinion_case, LoggedByTheKeepingDelegateWithItsWordsBesideTheLog) {
  refused("D002", log_opinion{"O1", "C2", "2026-01-05", "道路", private_details({{"text", "x"}})},
          errc::not_the_keeper);
  refused("SE", log_opinion{"O1", "C2", "2026-01-05", "道路", private_details({{"text", "x"}})},
          errc::permission_denied);
  refused("D001", log_opinion{"O1", "C99", "2026-01-05", "道路", private_details({{"text", "x"}})},
          errc::unknown_contact);
  refused("D001", log_opinion{"O1", "C2", "2026-01-06", "道路", private_details({{"text", "x"}})},
          errc::opinion_date_out_of_order);  // tomorrow
  refused("D001", log_opinion{"O1", "C2", "2026-02-30", "道路", private_details({{"text", "x"}})},
          errc::invalid_date);
  refused("D001", log_opinion{"O1", "C2", "2026-01-05", "道路", private_details({{"name", "x"}})},
          errc::invalid_private_details);
  refused("D001",
          log_opinion{"O1", "C2", "2026-01-05", "道路",
                      private_details({{"text", "x"}, {"place", "y"}})},
          errc::invalid_private_details);
  auto d =
      c.as("D001", log_opinion{"", "C2", "2026-01-05", "道路交通",
                               private_details({{"text", "村口路灯坏了"}, {"name", "刘大妈"}})});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->created_id, "O1");
  const std::string text = boost::json::serialize(c.log.back().payload);
  EXPECT_EQ(text.find("路灯"), std::string::npos);
  EXPECT_EQ(text.find("刘大妈"), std::string::npos);
  EXPECT_EQ(d->private_details.front().details, R"({"name":"刘大妈","text":"村口路灯坏了"})");
  refused("D001", log_opinion{"O1", "C2", "2026-01-05", "道路", private_details({{"text", "x"}})},
          errc::opinion_exists);
}

TEST_F(opinion_case, RoutedWithinFiveWorkingDaysCountingTheHoliday) {
  log("O1");
  log("O2");
  // Five working days after Monday 5 January, without Wednesday the 7th: Tuesday the 13th.
  EXPECT_EQ(opinion_view("O1").at("route_due").as_string(), "2026-01-13");
  refused("D001", route_opinion{"O1", "交通局", ""}, errc::permission_denied);
  refused("SE", route_opinion{"O9", "交通局", ""}, errc::unknown_opinion);
  refused("SE", answer_opinion{"O1", "", private_details({{"text", "已修"}})},
          errc::opinion_not_routed);
  refused("SE", extend_opinion{"O1", 5, "调查"}, errc::opinion_not_routed);
  on_day(8);  // 2026-01-13
  refused("SE", route_opinion{"O1", "交通局", "2026-01-04"}, errc::opinion_date_out_of_order);
  refused("SE", route_opinion{"O1", "交通局", "2026-01-14"}, errc::opinion_date_out_of_order);
  ASSERT_TRUE(c.as("SE", route_opinion{"O1", "交通局", ""}));
  EXPECT_EQ(c.log.back().payload.at("date").as_string(), "2026-01-13");
  EXPECT_TRUE(opinion_view("O1").at("routed_on_time").as_bool());
  refused("SE", route_opinion{"O1", "交通局", ""}, errc::opinion_already_routed);
  // O2 is late now: one working day past its due date, and routed late it stays flagged.
  on_day(9);
  auto o2 = opinion_view("O2");
  EXPECT_TRUE(o2.at("overdue").as_bool());
  EXPECT_EQ(o2.at("working_days_overdue").to_number<std::int64_t>(), 1);
  ASSERT_TRUE(c.as("SE", route_opinion{"O2", "交通局", ""}));
  o2 = opinion_view("O2");
  EXPECT_FALSE(o2.at("routed_on_time").as_bool());
  EXPECT_FALSE(o2.at("overdue").as_bool());
}

TEST_F(opinion_case, AnsweredWithinThirtyWorkingDaysPlusOneExtension) {
  log("O1");
  log("O2");
  on_day(1);  // Tuesday 6 January
  ASSERT_TRUE(c.as("SE", route_opinion{"O1", "交通局", ""}));
  ASSERT_TRUE(c.as("SE", route_opinion{"O2", "住建局", ""}));
  // 30 working days after 6 January, the 7th a holiday: 2026-02-18.
  EXPECT_EQ(opinion_view("O1").at("answer_due").as_string(), "2026-02-18");
  refused("SE", extend_opinion{"O1", 0, "调查"}, errc::opinion_extension_refused);
  refused("SE", extend_opinion{"O1", 16, "调查"}, errc::opinion_extension_refused);
  refused("D001", extend_opinion{"O1", 10, "调查"}, errc::permission_denied);
  ASSERT_TRUE(c.as("SE", extend_opinion{"O1", 10, "需要现场调查"}));
  EXPECT_EQ(opinion_view("O1").at("answer_due").as_string(), "2026-03-04");
  refused("SE", extend_opinion{"O1", 2, "再调查"}, errc::opinion_extension_refused);
  // O2's deadline passes unextended: too late to extend, overdue by working days.
  c.now = monday_ms + 45 * day_ms;  // 2026-02-19, a Thursday
  refused("SE", extend_opinion{"O2", 5, "调查"}, errc::opinion_extension_refused);
  auto o2 = opinion_view("O2");
  EXPECT_TRUE(o2.at("overdue").as_bool());
  EXPECT_EQ(o2.at("working_days_overdue").to_number<std::int64_t>(), 1);
  // O1 answered after the first deadline but within its extension: on time.
  refused("SE", answer_opinion{"O1", "2026-01-05", private_details({{"text", "已修"}})},
          errc::opinion_date_out_of_order);
  refused("SE", answer_opinion{"O1", "2026-02-20", private_details({{"text", "已修"}})},
          errc::opinion_date_out_of_order);
  refused("SE", answer_opinion{"O1", "", private_details({{"text", "已修"}, {"name", "x"}})},
          errc::invalid_private_details);
  ASSERT_TRUE(c.as("SE", answer_opinion{"O1", "", private_details({{"text", "路灯已于2月修复"}})}));
  auto o1 = opinion_view("O1");
  EXPECT_EQ(o1.at("status").as_string(), "answered");
  EXPECT_TRUE(o1.at("closed_on_time").as_bool());
  EXPECT_FALSE(o1.at("overdue").as_bool());
  EXPECT_EQ(o1.at("extension").at("working_days").to_number<std::int64_t>(), 10);
  refused("SE", answer_opinion{"O1", "", private_details({{"text", "again"}})},
          errc::opinion_closed);
  refused("SE", refuse_opinion{"O1", "", "不属于本镇事权"}, errc::opinion_closed);
  refused("SE", extend_opinion{"O1", 1, "x"}, errc::opinion_closed);
  // O2 answered late: recorded, and shown late.
  ASSERT_TRUE(c.as("SE", answer_opinion{"O2", "", private_details({{"text", "已处理"}})}));
  EXPECT_FALSE(opinion_view("O2").at("closed_on_time").as_bool());
}

TEST_F(opinion_case, RefusedWithinFiveWorkingDaysOfRouting) {
  log("O1");
  log("O2");
  ASSERT_TRUE(c.as("SE", route_opinion{"O1", "民政办", ""}));
  ASSERT_TRUE(c.as("SE", route_opinion{"O2", "民政办", ""}));
  // Five working days after Monday 5 January, the 7th a holiday: the 13th.
  EXPECT_EQ(opinion_view("O1").at("refuse_due").as_string(), "2026-01-13");
  on_day(8);  // 2026-01-13
  refused("SE", refuse_opinion{"O1", "", "110101199003071234"}, errc::invalid_field);
  ASSERT_TRUE(c.as("SE", refuse_opinion{"O1", "", "不属于本镇事权，已建议向县信访局反映"}));
  EXPECT_TRUE(opinion_view("O1").at("closed_on_time").as_bool());
  EXPECT_EQ(opinion_view("O1").at("status").as_string(), "refused");
  on_day(9);
  ASSERT_TRUE(c.as("SE", refuse_opinion{"O2", "", "不属于本镇事权"}));
  EXPECT_FALSE(opinion_view("O2").at("closed_on_time").as_bool());
}

TEST_F(opinion_case, TheDelegateReportsBackOnceAfterTheAnswer) {
  log("O1");
  ASSERT_TRUE(c.as("SE", route_opinion{"O1", "交通局", ""}));
  refused("D001", report_back_opinion{"O1", ""}, errc::opinion_not_closed);
  on_day(2);
  ASSERT_TRUE(c.as("SE", answer_opinion{"O1", "", private_details({{"text", "已修"}})}));
  refused("D002", report_back_opinion{"O1", ""}, errc::not_the_keeper);
  refused("D001", report_back_opinion{"O1", "2026-01-06"}, errc::opinion_date_out_of_order);
  ASSERT_TRUE(c.as("D001", report_back_opinion{"O1", ""}));
  EXPECT_EQ(opinion_view("O1").at("reported_back_date").as_string(), "2026-01-07");
  refused("D001", report_back_opinion{"O1", ""}, errc::opinion_already_reported_back);
}

TEST_F(opinion_case, ADelegateSeesOnlyTheOpinionsTheyLogged) {
  log("O1");
  ASSERT_TRUE(c.as("D002", register_contact{"C9", "member", "D002", resident("党员")}));
  ASSERT_TRUE(c.as(
      "D002", log_opinion{"O2", "C9", "2026-01-05", "教育", private_details({{"text", "y"}})}));
  const auto today = civil_date::of_unix_ms(c.now);
  EXPECT_EQ(opinions_view(c.state, "D001", false, today, nullptr).size(), 1u);
  EXPECT_EQ(opinions_view(c.state, "D002", false, today, nullptr).size(), 1u);
  EXPECT_EQ(opinions_view(c.state, "D003", false, today, nullptr).size(), 0u);
  EXPECT_EQ(opinions_view(c.state, "SE", true, today, nullptr).size(), 2u);
}

}  // namespace
}  // namespace plenum::server::domain
