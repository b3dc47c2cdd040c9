// plenum-sheet, the command-line tool, on the example descriptions in clients/src/sheet/examples.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "sheet_fixture.hpp"

namespace plenum::clients::sheet {
namespace {

using namespace test;

const std::string tool = PLENUM_SHEET_TOOL;
const std::string examples = PLENUM_SHEET_EXAMPLES;

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

TEST(sheet_cli, prints_the_example_election) {
  temp_dir dir;
  const auto pdf = dir.path() / "election.pdf";
  const auto r = run(q(tool) + " " + q(examples + "/election.json") + " " + q(pdf) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string text = without_spaces(pdf_text(pdf));
  EXPECT_NE(text.find("选举镇党委委员"), std::string::npos);
  EXPECT_NE(text.find("第三次会议（演练）"), std::string::npos);
  EXPECT_NE(text.find("5c1f0e6a9b3d47f2a8e4c0b19d7f6e25a3b8c4d2e1f09a7b6c5d4e3f2a1b0c9d"),
            std::string::npos);
}

TEST(sheet_cli, prints_the_example_sitting_with_csv) {
  temp_dir dir;
  const auto pdf = dir.path() / "sitting.pdf";
  const auto csv = dir.path() / "sitting.csv";
  const auto r = run(q(tool) + " --sitting --csv " + q(csv) + " " + q(examples + "/sitting.json") +
                     " " + q(pdf) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(pdf_pages(pdf), 3);
  std::ifstream in(csv, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(content.find("rehearsal-motion,关于2027年镇重点工作的决议,议案表决,120,112,110,"),
            std::string::npos);
  EXPECT_NE(content.find(",陈晓梅,赞成,98,89.09,当选,"), std::string::npos);
}

TEST(sheet_cli, refuses_bad_arguments_and_bad_input) {
  temp_dir dir;
  EXPECT_EQ(run(q(tool) + " --help").status, 0);
  EXPECT_NE(run(q(tool) + " --help").output.find("usage: plenum-sheet"), std::string::npos);
  EXPECT_EQ(run(q(tool) + " only-one-argument 2>/dev/null").status, 2);
  EXPECT_EQ(run(q(tool) + " --frobnicate a b 2>/dev/null").status, 2);

  const auto bad = dir.path() / "bad.json";
  std::ofstream(bad) << "{\"congress\":\"c\"}";
  const auto r = run(q(tool) + " " + q(bad) + " " + q(dir.path() / "x.pdf") + " 2>&1");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("sitting: is required"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x.pdf"));

  // A sitting read as a single vote.
  EXPECT_EQ(run(q(tool) + " " + q(examples + "/sitting.json") + " " + q(dir.path() / "y.pdf") +
                " 2>/dev/null")
                .status,
            1);
}

TEST(sheet_cli, refuses_to_print_without_the_cjk_fonts) {
  temp_dir dir;
  // A fontconfig configuration that names no font directory: no font at all.
  const auto conf = dir.path() / "fonts.conf";
  std::ofstream(conf) << "<?xml version=\"1.0\"?><fontconfig><cachedir>" << dir.path().string()
                      << "</cachedir></fontconfig>";
  const auto pdf = dir.path() / "x.pdf";
  const auto r = run("FONTCONFIG_FILE=" + q(conf) + " " + q(tool) + " " +
                     q(examples + "/election.json") + " " + q(pdf) + " 2>&1");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("fonts-noto-cjk"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(pdf));
}

TEST(sheet_cli, prints_the_example_monthly_report_with_its_digest) {
  temp_dir dir;
  const auto pdf = dir.path() / "monthly.pdf";
  const auto r = run(q(tool) + " monthly-report " + q(examples + "/monthly_report.json") + " " +
                     q(pdf) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string text = without_spaces(pdf_text(pdf));
  for (const std::string part :
       {"某镇党代会", "2026年10月代表工作月度书面报告", "报告编号：MR-2026-10", "召开会议（次）1",
        "实到代表（人次）118", "请假代表（人次）2", "收到提案（件）2", "转为意见建议（件）1",
        "月末逾期未答复（件）1", "教育局", "推进中1", "已完成1", "未报告1"})
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
  std::ifstream in(examples + "/monthly_report.json");
  const std::string json((std::istreambuf_iterator<char>(in)), {});
  const auto at = json.find("\"report_digest\": \"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(text.find(json.substr(at + 18, 64)), std::string::npos) << text;
}

TEST(sheet_cli, prints_the_work_between_meetings_of_a_format_2_report) {
  temp_dir dir;
  const auto pdf = dir.path() / "monthly2.pdf";
  const auto r = run(q(tool) + " monthly-report " + q(examples + "/monthly_report_2.json") + " " +
                     q(pdf) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string text = without_spaces(pdf_text(pdf));
  for (const std::string part : {"开展活动（次）2",
                                 "其中小组活动（次）1",
                                 "其中调研（次）1",
                                 "应参加（人次）12",
                                 "出席（人次）9",
                                 "其中本人签到（人次）7",
                                 "其中办公室登记（人次）2",
                                 "请假（人次）1",
                                 "缺席（人次）2",
                                 "走访东村群众",
                                 "代表小组（个）3",
                                 "本年度已开展活动的小组（个）1",
                                 "本月代表小组会议（次）1",
                                 "本年度尚未开展活动的代表小组：2个",
                                 "第二代表小组",
                                 "第三代表小组",
                                 "收集（条）3",
                                 "按时交办（条）2",
                                 "逾期交办（条）1",
                                 "按时答复（条）1",
                                 "延期办理（条）1",
                                 "月末逾期（条）1",
                                 "O3环境卫生",
                                 "七、三级联系",
                                 "本月新增联系党员（人）3",
                                 "月末联系群众（人）9",
                                 "联系代表少于2名的党委委员（人）1",
                                 "联系党员少于3名的代表（人）9",
                                 "六、民主评议和信任投票整改情况"})
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
}

TEST(sheet_cli, a_format_1_report_says_its_groups_were_not_counted) {
  temp_dir dir;
  const auto pdf = dir.path() / "monthly1.pdf";
  ASSERT_EQ(run(q(tool) + " monthly-report " + q(examples + "/monthly_report.json") + " " + q(pdf) +
                " 2>&1")
                .status,
            0);
  const std::string text = without_spaces(pdf_text(pdf));
  EXPECT_NE(text.find("本年度尚未开展活动的代表小组：未统计"), std::string::npos) << text;
  EXPECT_EQ(text.find("三级联系"), std::string::npos) << text;
  EXPECT_NE(text.find("六、民主评议和信任投票整改情况"), std::string::npos) << text;
}

TEST(sheet_cli, refuses_a_monthly_report_whose_digest_is_not_its_own) {
  temp_dir dir;
  std::ifstream in(examples + "/monthly_report.json");
  std::string json((std::istreambuf_iterator<char>(in)), {});
  const auto at = json.find("\"present\": 118");
  ASSERT_NE(at, std::string::npos);
  json.replace(at, 15, "\"present\": 119");  // a figure changed, the digest kept
  const auto changed = dir.path() / "changed.json";
  std::ofstream(changed) << json;
  const auto pdf = dir.path() / "changed.pdf";
  const auto r = run(q(tool) + " monthly-report " + q(changed) + " " + q(pdf) + " 2>&1");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_FALSE(std::filesystem::exists(pdf));
  EXPECT_EQ(run(q(tool) + " monthly-report " + q(changed) + " 2>/dev/null").status, 2);
}

TEST(sheet_cli, prints_the_example_performance_file) {
  temp_dir dir;
  const auto pdf = dir.path() / "file.pdf";
  const auto r = run(q(tool) + " performance-file " + q(examples + "/performance_file.json") + " " +
                     q(pdf) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string text = without_spaces(pdf_text(pdf));
  for (const std::string part : {"代表履职档案",
                                 "李明",
                                 "出席会议（次）1",
                                 "提出提案（件）1",
                                 "关于修路的提案",
                                 "交通运输局",
                                 "满意",
                                 "应参加活动（次）2",
                                 "参加活动（次）2",
                                 "其中本人签到（次）1",
                                 "其中办公室登记（次）1",
                                 "走访东村群众",
                                 "本人签到",
                                 "办公室登记",
                                 "所在代表小组：第一代表小组（副组长）",
                                 "联系党员（人）3",
                                 "联系群众（人）9",
                                 "收集意见建议（条）3",
                                 "已交办（条）2",
                                 "逾期未办结（条）1",
                                 "已向群众反馈（条）1"})
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
}

}  // namespace
}  // namespace plenum::clients::sheet
