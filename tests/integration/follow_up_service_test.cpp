// A year of the term through the real service: a real plenumd over TLS WebSockets with its
// data on disk. The annual meeting adopts a resolution (a motion on a report, decided by the
// scrutineers' partial decryptions), the secretary records a roster change and the
// implementation reports over the year, and the next annual meeting opens with the two
// follow-up reports and the generated materials; the exported record verifies.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json/serialize.hpp>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenumd_process.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// Ten delegates, an alternate, a chair, a secretary, three scrutineers.
std::string roster_csv() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  static const char* occupations[] = {"science", "education", "health", "farming"};
  for (int i = 1; i <= 10; ++i)
    csv += "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ",代表" + std::to_string(i) +
           "," + (i % 2 == 0 ? "女" : "男") + "," + (i == 10 ? "回族" : "汉族") + "," +
           occupations[i % 4] + ",U1,G1,delegate,no\n";
  csv += "AL,候补代表,女,汉族,farming,U1,G1,alternate,no\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

std::string delegate(int i) { return "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i); }

crypto::secret_key make_key(const std::string& label) {
  crypto::seeded_random random("follow-up service test " + label);
  return crypto::secret_key::generate(random);
}

class follow_up_service_test : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<temp_dir>();
    std::ofstream(dir_->path() / "roster.csv") << roster_csv();
    server_ = std::make_unique<plenumd_process>(
        PLENUMD_BINARY, dir_->path() / "data", dir_->path() / "plenumd.log",
        std::vector<std::string>{"--congress-id", "term-congress", "--roster",
                                 (dir_->path() / "roster.csv").string(), "--membership",
                                 "100,40,5"});
    auto port = server_->wait_ready(120s);
    ASSERT_TRUE(port) << read_file(dir_->path() / "plenumd.log");
    port_ = *port;
  }
  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->stop(SIGTERM, 60s), 0);
    }
  }

  hall_client as(const std::string& person) {
    hall_client c(port_);
    auto a = c.auth(keys_.at(person));
    EXPECT_TRUE(a.ok()) << person << " " << a.code();
    return c;
  }

  void enroll_everyone() {
    hall_client first(port_);
    keys_.emplace("SE", make_key("SE"));
    ASSERT_TRUE(enroll(first, "SE", secretary_code(dir_->path() / "data"), keys_.at("SE")).ok());
    auto se = as("SE");
    std::vector<std::string> people = {"CH", "S1", "S2", "S3", "AL"};
    for (int i = 1; i <= 10; ++i) people.push_back(delegate(i));
    for (const auto& p : people) {
      auto issued = se.call("issue_enrollment_code", {{"person", p}});
      ASSERT_TRUE(issued.ok()) << p << " " << issued.code();
      keys_.emplace(p, make_key(p));
      hall_client c(port_);
      ASSERT_TRUE(enroll(c, p, str(issued.fields, "code"), keys_.at(p)).ok()) << p;
    }
  }

  void check_in_to(const std::string& person, const std::string& sitting) {
    auto c = as(person);
    auto r = check_in(c, keys_.at(person), sitting);
    ASSERT_TRUE(r.ok()) << person << " " << r.code();
  }

  // The key ceremony of `sitting` with S1–S3 (k = 2), the crypto library acting for them.
  void run_ceremony(const std::string& sitting) {
    ASSERT_TRUE(as("CH")
                    .call("start_ceremony", {{"sitting_id", sitting},
                                             {"scrutineers", json::array{"S1", "S2", "S3"}},
                                             {"k", 2}})
                    .ok());
    scrutineers_ = test_scrutineers::run_ceremony(port_, "term-congress", sitting,
                                                  {"S1", "S2", "S3"}, 2, keys_, "term " + sitting);
    ASSERT_TRUE(scrutineers_);
  }

  // Motion `vote_id` on the current item, `ayes` of delegates 1…9 for, the rest against;
  // decrypted by S1 and S3, signed by both and announced.
  void decide_motion(const std::string& vote_id, const std::string& sitting,
                     const std::string& item, int ayes) {
    auto ch = as("CH");
    ASSERT_TRUE(ch.call("create_vote", {{"vote_id", vote_id},
                                        {"sitting_id", sitting},
                                        {"item_id", item},
                                        {"kind", "motion"},
                                        {"title", "关于镇党委工作报告的决议"}})
                    .ok());
    ASSERT_TRUE(ch.call("open_vote", {{"vote_id", vote_id}}).ok());
    auto basis = read_vote_basis(ch, vote_id);
    ASSERT_TRUE(basis);
    for (int i = 1; i <= 9; ++i) {
      const std::string d = delegate(i);
      crypto::seeded_random br("ballot " + vote_id + d);
      auto b = crypto::make_ballot(
          basis->manifest, basis->election_hash, basis->joint_key, keys_.at(d),
          {{static_cast<std::uint8_t>(i <= ayes), static_cast<std::uint8_t>(i > ayes), 0}}, br);
      ASSERT_TRUE(b);
      auto r = as(d).call("cast_ballot",
                          {{"vote_id", vote_id}, {"ballot", protocol::encode_ballot(*b)}});
      ASSERT_TRUE(r.ok()) << d << " " << r.code();
    }
    ASSERT_TRUE(ch.call("close_vote", {{"vote_id", vote_id}}).ok());
    for (const auto& r : scrutineers_->decrypt(vote_id, basis->election_hash, {1, 3}))
      ASSERT_TRUE(r.ok()) << r.code();
    const auto digest = crypto::from_hex_fixed<32>(str(vote_view(ch, vote_id), "result_digest"));
    ASSERT_TRUE(digest);
    for (int l : {1, 3})
      ASSERT_TRUE(scrutineers_->client(l)
                      .call("sign_result",
                            {{"vote_id", vote_id},
                             {"signature", keys_.at("S" + std::to_string(l)).sign(*digest).hex()}})
                      .ok());
    ASSERT_TRUE(ch.call("announce_result",
                        {{"vote_id", vote_id}, {"signature", keys_.at("CH").sign(*digest).hex()}})
                    .ok());
  }

  json::object follow_up() {
    auto r = as("SE").call("get_follow_up");
    EXPECT_TRUE(r.ok()) << r.code();
    return r.ok() ? r.fields.at("follow_up").as_object() : json::object{};
  }

  std::unique_ptr<temp_dir> dir_;
  std::unique_ptr<plenumd_process> server_;
  std::uint16_t port_ = 0;
  std::map<std::string, crypto::secret_key> keys_;
  std::optional<test_scrutineers> scrutineers_;
};

TEST_F(follow_up_service_test, AResolutionComesBackToTheNextAnnualMeetingWithItsReports) {
  enroll_everyone();
  auto ch = as("CH");
  auto se = as("SE");

  // The annual meeting of the first year adopts the resolution on the committee's report.
  auto s1 = ch.call("create_sitting", {{"title", "2026年年会"}, {"date", "2026-03-01"}});
  ASSERT_TRUE(s1.ok()) << s1.code();
  const std::string first = str(s1.fields, "sitting_id");
  ASSERT_TRUE(ch.call("open_checkin", {{"sitting_id", first}}).ok());
  for (int i = 1; i <= 9; ++i) check_in_to(delegate(i), first);
  run_ceremony(first);
  ASSERT_TRUE(ch.call("open_sitting", {{"sitting_id", first}}).ok());
  auto item = ch.call("add_item", {{"sitting_id", first},
                                   {"kind", "report"},
                                   {"title", "镇党委工作报告"},
                                   {"responsible", "镇长"}});
  ASSERT_TRUE(item.ok()) << item.code();
  const std::string item_id = str(item.fields, "item_id");
  ASSERT_TRUE(ch.call("set_current_item", {{"sitting_id", first}, {"item_id", item_id}}).ok());
  decide_motion("v1", first, item_id, 8);
  // Between sittings only: the roster stays as it is while the meeting sits.
  EXPECT_EQ(se.call("record_delegate_left",
                    {{"person", "D010"}, {"reason", "调离本镇"}, {"date", "2026-03-01"}})
                .code(),
            "sitting_already_open");
  ASSERT_TRUE(ch.call("close_sitting", {{"sitting_id", first}}).ok());

  auto adopted = follow_up();
  ASSERT_EQ(adopted.at("resolutions").as_array().size(), 1u) << json::serialize(adopted);
  const auto& resolution = adopted.at("resolutions").at(0).as_object();
  EXPECT_EQ(str(resolution, "vote_id"), "v1");
  EXPECT_EQ(str(resolution, "responsible"), "镇长");
  EXPECT_EQ(str(resolution, "status"), "not_reported");
  const std::string resolution_id = str(resolution, "id");

  // The year: a roster change and the reports.
  ASSERT_TRUE(se.call("record_delegate_left",
                      {{"person", "D010"}, {"reason", "调离本镇"}, {"date", "2026-05-01"}})
                  .ok());
  ASSERT_TRUE(
      se.call("seat_alternate", {{"person", "AL"}, {"replaces", "D010"}, {"date", "2026-05-02"}})
          .ok());
  auto report = [&](const std::string& status, const std::string& text, const std::string& date,
                    const std::string& reason) {
    json::object fields{{"subject", "resolution"},
                        {"subject_id", resolution_id},
                        {"status", status},
                        {"text", text},
                        {"date", date}};
    if (!reason.empty()) fields["reason"] = reason;
    return se.call("report_implementation", fields);
  };
  ASSERT_TRUE(report("in_progress", "道路规划已完成", "2026-06-30", "").ok());
  EXPECT_EQ(report("blocked", "施工暂停", "2026-09-30", "").code(), "reason_required");
  ASSERT_TRUE(report("blocked", "施工暂停", "2026-09-30", "资金未到位").ok());
  ASSERT_TRUE(report("completed", "道路全线贯通", "2026-12-20", "").ok());
  EXPECT_EQ(as("D001")
                .call("report_implementation", {{"subject", "resolution"},
                                                {"subject_id", resolution_id},
                                                {"status", "completed"},
                                                {"text", "t"},
                                                {"date", "2026-12-21"}})
                .code(),
            "permission_denied");

  // The next annual meeting opens with the two follow-up reports.
  auto s2 = ch.call("create_sitting", {{"title", "2027年年会"}, {"date", "2027-03-01"}});
  ASSERT_TRUE(s2.ok()) << s2.code();
  const std::string second = str(s2.fields, "sitting_id");
  auto state = ch.call("get_state");
  ASSERT_TRUE(state.ok());
  const auto& view = state.fields.at("state").as_object();
  EXPECT_EQ(str(view.at("sitting").as_object(), "id"), second);
  EXPECT_EQ(str(view.at("sitting").as_object(), "kind"), "annual");
  EXPECT_EQ(view.at("sitting").at("year").to_number<std::uint64_t>(), 2u);
  // D010 left and AL took the place: still ten seated.
  EXPECT_EQ(view.at("seated").to_number<std::uint64_t>(), 10u);
  const auto& agenda = view.at("agenda").as_array();
  ASSERT_EQ(agenda.size(), 2u) << json::serialize(agenda);
  EXPECT_EQ(str(agenda[0].as_object(), "title"), "关于上一年度年会决议执行情况的报告");
  EXPECT_EQ(str(agenda[0].as_object(), "follow_up"), "resolutions");
  EXPECT_EQ(str(agenda[1].as_object(), "title"), "关于民主评议和信任投票整改情况的报告");
  const auto& materials = agenda[0].at("materials").as_array();
  ASSERT_EQ(materials.size(), 1u);
  const std::string text = str(materials[0].as_object(), "text");
  EXPECT_NE(text.find("关于镇党委工作报告的决议"), std::string::npos) << text;
  EXPECT_NE(text.find("责任人：镇长"), std::string::npos) << text;
  EXPECT_NE(text.find("已完成（2026-12-20）道路全线贯通"), std::string::npos) << text;
  EXPECT_NE(text.find("报告次数：3"), std::string::npos) << text;

  // A later report, and the material refreshed before the meeting opens.
  ASSERT_TRUE(report("completed", "验收合格", "2027-02-20", "").ok());
  auto refreshed = se.call("refresh_follow_up", {{"sitting_id", second}});
  ASSERT_TRUE(refreshed.ok()) << refreshed.code();
  auto after = ch.call("get_state").fields.at("state").as_object();
  const auto& fresh = after.at("agenda").at(0).at("materials").as_array();
  ASSERT_EQ(fresh.size(), 2u);
  EXPECT_NE(str(fresh[1].as_object(), "text").find("已完成（2027-02-20）验收合格"),
            std::string::npos);
  auto changes = follow_up().at("roster_changes").as_array();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(str(changes[1].as_object(), "kind"), "alternate_seated");

  // The year's record verifies, follow-up included.
  auto exported = se.call("export_record");
  ASSERT_TRUE(exported.ok()) << exported.code();
  auto rec = clients::verify::load_record(str(exported.fields.at("record").as_object(), "dir"));
  ASSERT_TRUE(rec) << rec.error().message();
  clients::verify::verify_options options;
  options.threads = 2;
  const auto verified = clients::verify::verify_record(*rec, options);
  std::string lines;
  for (const auto& c : verified.checks) lines += clients::verify::format_check(c) + "\n";
  EXPECT_TRUE(verified.passed()) << lines;
  for (const auto* name : {"resolutions", "reports", "roster_changes"}) {
    const auto* c = verified.find(name);
    ASSERT_NE(c, nullptr) << name << "\n" << lines;
    EXPECT_TRUE(c->passed) << lines;
  }
  EXPECT_EQ(verified.find("resolutions")->count, 1u);
  EXPECT_EQ(verified.find("reports")->count, 4u);
}

}  // namespace
}  // namespace plenum::tests
