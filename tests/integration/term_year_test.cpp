// A whole year of the term through the real service (plenumd over TLS WebSockets, its data on
// disk): the annual meeting adopts two resolutions and the secretary records a problem its
// democratic appraisal raised; implementation reports come in over the year; a delegate's
// proposal is accepted, answered, rated 不满意, answered again and rated 满意; the next annual
// meeting is created with the two follow-up reports on its agenda, their generated materials
// listing every item and its status, and decides a satisfaction appraisal of the two
// resolutions and the rectification item by the scrutineers' partial decryptions. The year's
// exported record passes plenum-verify.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <sstream>
#include <string>

#include "term_hall.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;

crypto::ballot_choices motion_marks(int i, int ayes) {
  return {{static_cast<std::uint8_t>(i <= ayes), static_cast<std::uint8_t>(i > ayes), 0}};
}

// The agenda item of `sitting` whose follow_up is `follow_up`, from get_state.
json::object follow_up_item(hall_client& c, const std::string& follow_up) {
  auto r = c.call("get_state");
  EXPECT_TRUE(r.ok()) << r.code();
  if (!r.ok()) return {};
  for (const auto& item : r.fields.at("state").at("agenda").as_array())
    if (str(item.as_object(), "follow_up") == follow_up) return item.as_object();
  ADD_FAILURE() << "no follow-up item " << follow_up;
  return {};
}

// The proposal `id` as its proposer sees it in get_proposals.
json::object proposal_of(hall_client& c, const std::string& id) {
  auto r = c.call("get_proposals");
  EXPECT_TRUE(r.ok()) << r.code();
  if (r.ok())
    for (const auto& p : r.fields.at("proposals").as_array())
      if (str(p.as_object(), "id") == id) return p.as_object();
  ADD_FAILURE() << "no proposal " << id;
  return {};
}

void expect_contains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "missing 「" << part << "」 in\n" << text;
}

TEST(term_year, FromOneAnnualMeetingToTheNextWithItsFollowUpAndSatisfactionAppraisal) {
  term_hall hall(5);  // five delegates, all present and voting
  ASSERT_TRUE(hall.ok()) << hall.server_log();
  auto ch = hall.as("CH");
  auto se = hall.as("SE");

  // ---- The 2026 annual meeting: two resolutions and an appraisal problem ----
  const std::string first = hall.create_sitting("2026年年会", "2026-03-01");
  ASSERT_FALSE(first.empty());
  hall.sit(first, 5);
  auto add_current = [&](const std::string& kind, const std::string& title,
                         const std::string& responsible) {
    auto item = ch.call(
        "add_item",
        {{"sitting_id", first}, {"kind", kind}, {"title", title}, {"responsible", responsible}});
    EXPECT_TRUE(item.ok()) << title << " " << item.code();
    const std::string id = str(item.fields, "item_id");
    EXPECT_TRUE(ch.call("set_current_item", {{"sitting_id", first}, {"item_id", id}}).ok());
    return id;
  };
  const std::string report = add_current("report", "镇人民政府工作报告", "镇长");
  auto v1 = hall.decide_vote({{"vote_id", "v1"},
                              {"sitting_id", first},
                              {"item_id", report},
                              {"kind", "motion"},
                              {"title", "关于镇人民政府工作报告的决议"}},
                             5, [](int i) { return motion_marks(i, 4); });
  EXPECT_TRUE(v1.at("outcome").at("passed").as_bool()) << json::serialize(v1);
  const std::string matter = add_current("major_matter", "村道硬化工程", "分管副镇长");
  auto v2 = hall.decide_vote({{"vote_id", "v2"},
                              {"sitting_id", first},
                              {"item_id", matter},
                              {"kind", "motion"},
                              {"title", "关于实施村道硬化工程的决议"}},
                             5, [](int i) { return motion_marks(i, 3); });
  EXPECT_TRUE(v2.at("outcome").at("passed").as_bool()) << json::serialize(v2);
  const std::string appraisal = add_current("appraisal", "民主评议镇党委班子成员", "");
  hall.decide_vote({{"vote_id", "a1"},
                    {"sitting_id", first},
                    {"item_id", appraisal},
                    {"kind", "appraisal"},
                    {"title", "民主评议镇党委班子成员"},
                    {"members", json::array{"甲", "乙"}}},
                   5, [](int) {
                     return crypto::ballot_choices{{1, 0, 0, 0}, {0, 0, 1, 0}};
                   });
  auto problem = se.call(
      "record_rectification",
      {{"vote_id", "a1"}, {"member", "乙"}, {"problem", "联系群众不够"}, {"responsible", "乙"}});
  ASSERT_TRUE(problem.ok()) << problem.code();
  const std::string rectification_id = str(problem.fields, "rectification_id");
  ASSERT_TRUE(ch.call("close_sitting", {{"sitting_id", first}}).ok());

  auto adopted = hall.follow_up();
  const auto& resolutions = adopted.at("resolutions").as_array();
  ASSERT_EQ(resolutions.size(), 2u) << json::serialize(adopted);
  const std::string r1 = str(resolutions[0].as_object(), "id");
  const std::string r2 = str(resolutions[1].as_object(), "id");
  EXPECT_EQ(str(resolutions[0].as_object(), "vote_id"), "v1");
  EXPECT_EQ(str(resolutions[1].as_object(), "responsible"), "分管副镇长");

  // ---- Through the year: implementation reports ----
  auto report_on = [&](const std::string& subject, const std::string& id, const std::string& status,
                       const std::string& text, const std::string& date,
                       const std::string& reason = "") {
    json::object fields{{"subject", subject},
                        {"subject_id", id},
                        {"status", status},
                        {"text", text},
                        {"date", date}};
    if (!reason.empty()) fields["reason"] = reason;
    auto r = se.call("report_implementation", fields);
    EXPECT_TRUE(r.ok()) << id << " " << status << " " << r.code();
  };
  report_on("resolution", r1, "in_progress", "各项目标任务已分解到部门", "2026-04-15");
  report_on("resolution", r2, "in_progress", "完成勘察设计", "2026-05-20");
  report_on("rectification", rectification_id, "in_progress", "制定走访计划", "2026-06-01");
  report_on("resolution", r2, "blocked", "施工暂停", "2026-09-30", "上级资金未到位");
  report_on("rectification", rectification_id, "completed", "每月走访联系群众", "2026-11-30");
  report_on("resolution", r1, "completed", "年度目标全部完成", "2026-12-20");

  // ---- A proposal's whole handling ----
  auto d1 = hall.as("D001");
  auto submitted = d1.call("submit_proposal", {{"title", "关于修缮村道的提案"},
                                               {"text", "建议修缮三组至五组的村道。"},
                                               {"co_signers", json::array{"D002"}}});
  ASSERT_TRUE(submitted.ok()) << submitted.code();
  const std::string proposal = str(submitted.fields, "proposal_id");
  ASSERT_TRUE(se.call("accept_proposal", {{"proposal_id", proposal}, {"unit", "交通运输局"}}).ok());
  ASSERT_TRUE(
      se.call("answer_proposal", {{"proposal_id", proposal}, {"text", "列入明年计划。"}}).ok());
  ASSERT_TRUE(
      d1.call("rate_proposal", {{"proposal_id", proposal}, {"rating", "unsatisfied"}}).ok());
  auto rehandling = proposal_of(d1, proposal);
  EXPECT_EQ(str(rehandling, "status"), "rehandling");
  EXPECT_EQ(rehandling.at("round").to_number<int>(), 2);
  ASSERT_TRUE(
      se.call("answer_proposal", {{"proposal_id", proposal}, {"text", "已安排本年度实施。"}}).ok());
  ASSERT_TRUE(d1.call("rate_proposal", {{"proposal_id", proposal}, {"rating", "satisfied"}}).ok());
  auto d2 = hall.as("D002");
  auto closed = proposal_of(d2, proposal);  // the co-signer sees it too
  EXPECT_EQ(str(closed, "status"), "closed");
  const auto& answers = closed.at("answers").as_array();
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(str(answers[0].as_object(), "rating"), "unsatisfied");
  EXPECT_EQ(str(answers[1].as_object(), "rating"), "satisfied");

  // ---- The 2027 annual meeting opens with the two follow-up reports ----
  const std::string second = hall.create_sitting("2027年年会", "2027-03-01");
  ASSERT_FALSE(second.empty());
  auto state = ch.call("get_state").fields.at("state").as_object();
  const auto& agenda = state.at("agenda").as_array();
  ASSERT_EQ(agenda.size(), 2u) << json::serialize(agenda);
  EXPECT_EQ(str(agenda[0].as_object(), "title"), "关于上一年度年会决议执行情况的报告");
  EXPECT_EQ(str(agenda[1].as_object(), "title"), "关于民主评议和信任投票整改情况的报告");
  auto resolutions_item = follow_up_item(ch, "resolutions");
  auto rectification_item = follow_up_item(ch, "rectification");
  EXPECT_EQ(str(resolutions_item, "kind"), "report");
  ASSERT_EQ(resolutions_item.at("materials").as_array().size(), 1u);
  ASSERT_EQ(rectification_item.at("materials").as_array().size(), 1u);
  const std::string on_resolutions =
      str(resolutions_item.at("materials").at(0).as_object(), "text");
  expect_contains(on_resolutions, "共 2 项决议");
  expect_contains(on_resolutions, "1. 关于镇人民政府工作报告的决议（" + r1 + "）");
  expect_contains(on_resolutions, "会议：2026年年会（2026-03-01）");
  expect_contains(on_resolutions, "责任人：镇长");
  expect_contains(on_resolutions, "最新进展：已完成（2026-12-20）年度目标全部完成");
  expect_contains(on_resolutions, "2. 关于实施村道硬化工程的决议（" + r2 + "）");
  expect_contains(on_resolutions, "责任人：分管副镇长");
  expect_contains(on_resolutions, "最新进展：受阻（2026-09-30）施工暂停");
  expect_contains(on_resolutions, "受阻原因：上级资金未到位");
  const std::string on_rectification =
      str(rectification_item.at("materials").at(0).as_object(), "text");
  expect_contains(on_rectification, "共 1 项整改事项");
  expect_contains(on_rectification, "1. 乙：联系群众不够（" + rectification_id + "）");
  expect_contains(on_rectification, "来源：民主评议：民主评议镇党委班子成员");
  expect_contains(on_rectification, "最新进展：已完成（2026-11-30）每月走访联系群众");
  expect_contains(on_rectification, "报告次数：2");

  // ---- It sits and decides the satisfaction appraisal ----
  hall.sit(second, 5);
  ASSERT_TRUE(ch.call("set_current_item",
                      {{"sitting_id", second}, {"item_id", str(resolutions_item, "id")}})
                  .ok());
  json::object appraisal_vote{{"vote_id", "sat1"},
                              {"sitting_id", second},
                              {"item_id", str(resolutions_item, "id")},
                              {"kind", "satisfaction"},
                              {"title", "对上一年度决议执行和整改情况的满意度测评"}};
  // Each subject once; the items' titles are generated from the subjects.
  appraisal_vote["subjects"] = json::array{json::object{{"kind", "resolution"}, {"id", r1}},
                                           json::object{{"kind", "resolution"}, {"id", r1}}};
  EXPECT_EQ(ch.call("create_vote", appraisal_vote).code(), "duplicate_subject");
  appraisal_vote["subjects"] =
      json::array{json::object{{"kind", "resolution"}, {"id", r1}},
                  json::object{{"kind", "resolution"}, {"id", r2}},
                  json::object{{"kind", "rectification"}, {"id", rectification_id}}};
  // Item 0: all 5 满意. Item 1 (blocked): 1 满意 + 1 基本满意 of 5, flagged. Item 2: 3 基本满意,
  // 2 no mark: satisfactory.
  auto sat = hall.decide_vote(appraisal_vote, 5, [](int i) {
    crypto::ballot_choices b(3, std::vector<std::uint8_t>(3, 0));
    b[0][0] = 1;
    b[1][i <= 1 ? 0 : i == 2 ? 1 : 2] = 1;
    if (i <= 3) b[2][1] = 1;
    return b;
  });
  ASSERT_TRUE(sat.contains("outcome")) << json::serialize(sat);
  std::vector<std::uint64_t> counts;
  for (const auto& n : sat.at("counts").as_array()) counts.push_back(n.to_number<std::uint64_t>());
  EXPECT_EQ(counts, (std::vector<std::uint64_t>{5, 0, 0, 1, 1, 3, 0, 3, 0}));
  const auto& outcome = sat.at("outcome").as_object();
  EXPECT_EQ(str(outcome, "kind"), "satisfaction");
  EXPECT_EQ(outcome.at("required").to_number<std::int64_t>(), 3);
  EXPECT_EQ(outcome.at("flagged").as_array(), (json::array{"item-1"}));
  const auto& items = outcome.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].at("satisfactory").as_bool());
  EXPECT_FALSE(items[1].at("satisfactory").as_bool());
  EXPECT_TRUE(items[2].at("satisfactory").as_bool());
  EXPECT_EQ(items[2].at("none").to_number<std::int64_t>(), 2);
  EXPECT_TRUE(sat.at("announced").as_bool());
  ASSERT_TRUE(ch.call("close_sitting", {{"sitting_id", second}}).ok());

  // ---- The year's record: exported, and plenum-verify passes it ----
  auto exported = se.call("export_record");
  ASSERT_TRUE(exported.ok()) << exported.code();
  const std::string dir = str(exported.fields.at("record").as_object(), "dir");
  // The appraisal's vote_created names its subjects and the titles generated from them.
  json::object created;
  std::istringstream lines(read_file(std::filesystem::path(dir) / "events.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    auto entry = json::parse(line).as_object();
    if (str(entry, "type") != "vote_created") continue;
    auto payload = json::parse(str(entry, "payload")).as_object();
    if (str(payload, "vote_id") == "sat1") created = std::move(payload);
  }
  ASSERT_TRUE(created.contains("subjects")) << json::serialize(created);
  EXPECT_EQ(created.at("subjects"), appraisal_vote.at("subjects"));
  EXPECT_EQ(created.at("candidates"),
            (json::array{"关于镇人民政府工作报告的决议", "关于实施村道硬化工程的决议",
                         "乙：联系群众不够"}));
  const auto out = std::filesystem::path(dir).parent_path() / "verify.txt";
  const std::string command = std::string(PLENUM_VERIFY_BINARY) + " '" + dir + "' --congress-key " +
                              ch.hello().congress_pk.hex() + " > '" + out.string() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << read_file(out);
  const std::string report_text = read_file(out);
  for (const auto* check : {"resolutions", "rectification", "reports", "proposals"})
    expect_contains(report_text, check);
}

}  // namespace
}  // namespace plenum::tests
