// The PDF result sheets, read back as a person or a machine would: the extracted text, the
// rendered page, the QR code decoded from the rendered page.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "plenum/clients/sheet/fingerprint.hpp"
#include "plenum/clients/sheet/from_record.hpp"
#include "plenum/clients/sheet/render.hpp"
#include "plenum/protocol/events.hpp"
#include "sheet_fixture.hpp"

namespace plenum::clients::sheet {
namespace {

using namespace test;

// The pixels of a binary PPM (P6, maxval 255) as pdftoppm writes it.
struct ppm {
  int width = 0;
  int height = 0;
  std::string pixels;
};

ppm read_ppm(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int maxval = 0;
  ppm out;
  in >> magic >> out.width >> out.height >> maxval;
  in.get();
  out.pixels.assign(std::istreambuf_iterator<char>(in), {});
  EXPECT_EQ(magic, "P6");
  EXPECT_EQ(maxval, 255);
  EXPECT_EQ(out.pixels.size(), static_cast<std::size_t>(out.width) * out.height * 3);
  return out;
}

struct pixel_counts {
  std::size_t dark = 0;  // text, rules, the QR code
  std::size_t blue = 0;  // the chart's first series
};

// Counts over the rows from `top` to `bottom` (fractions of the page height).
pixel_counts count_pixels(const ppm& image, double top, double bottom) {
  pixel_counts counts;
  const int y0 = static_cast<int>(top * image.height);
  const int y1 = static_cast<int>(bottom * image.height);
  for (int y = y0; y < y1; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * image.width + x) * 3;
      const int r = static_cast<unsigned char>(image.pixels[i]);
      const int g = static_cast<unsigned char>(image.pixels[i + 1]);
      const int b = static_cast<unsigned char>(image.pixels[i + 2]);
      if (r + g + b < 200) ++counts.dark;
      if (b > 140 && b > r + 80 && b > g + 40) ++counts.blue;
    }
  }
  return counts;
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

class sheet_pdf : public ::testing::Test {
 protected:
  temp_dir dir_;
};

TEST_F(sheet_pdf, election_text_shows_the_record) {
  const auto sheet = election_sheet({"陈晓梅", "赵国栋", "孙丽", "吴海燕"}, {98, 90, 70, 40},
                                    {8, 15, 30, 60}, 110, 3);
  const auto path = dir_.path() / "election.pdf";
  ASSERT_TRUE(render_vote_sheet(sheet, path));
  const std::string text = pdf_text(path);
  const std::string compact = without_spaces(text);
  for (const char* expected : {"中共青石镇第十五届代表大会",
                               "第三次会议",
                               "2026年11月27日",
                               "选举镇党委委员",
                               "应到",
                               "实到",
                               "投票",
                               "应选",
                               "候选人",
                               "得票率",
                               "当选",
                               "陈晓梅",
                               "赵国栋",
                               "孙丽",
                               "吴海燕",
                               "89.09%",
                               "81.82%",
                               "63.64%",
                               "36.36%",
                               "监票人",
                               "王秀英",
                               "李建国",
                               "刘志强",
                               "当选线61票",
                               "第1页/共1页"})
    EXPECT_NE(compact.find(expected), std::string::npos) << expected;
  // The figures and the counts of the first candidate, in their columns.
  EXPECT_NE(compact.find("1201101103"), std::string::npos);
  EXPECT_NE(compact.find("陈晓梅988489.09%当选"), std::string::npos);
  // The elected in rank order, in large type under the outcome.
  EXPECT_NE(compact.find("当选（按赞成票多少为序）陈晓梅赵国栋"), std::string::npos);
  const std::string spaced = single_spaced(text);
  for (const auto& s : sheet.signers)
    EXPECT_NE(spaced.find(fingerprint(s.key)), std::string::npos) << s.name;
  EXPECT_NE(compact.find(sheet.result_digest), std::string::npos);
}

// A record's events as the signers of a result need them: a roster, the decided vote and the
// scrutineers' and (when `announced`) the chair's signatures.
std::vector<protocol::board_event> result_events(const std::vector<crypto::public_key>& keys,
                                                 bool announced) {
  namespace ev = protocol::events;
  auto event = [](const protocol::congress_event& typed) {
    protocol::board_event e;
    e.type = protocol::event_type(typed);
    e.payload = protocol::encode_event_payload(typed);
    return e;
  };
  ev::roster_imported roster;
  for (const auto& [number, name] : std::vector<std::pair<std::string, std::string>>{
           {"S1", "王秀英"}, {"S2", "李建国"}, {"CH", "刘志强"}}) {
    ev::roster_person person;
    person.number = number;
    person.name = name;
    roster.persons.push_back(std::move(person));
  }
  ev::vote_decided decided;
  decided.vote_id = "v1";
  decided.counts = {95, 10, 5};
  decided.rule = "motion";
  decided.outcome = "passed";
  std::vector<protocol::board_event> out;
  out.push_back(event(roster));
  out.push_back(event(decided));
  // Signed in the reverse of index order; the sheet lists them by index.
  const crypto::signature unchecked{};  // the sheet reads the record, plenum-verify checks it
  out.push_back(event(ev::result_signed{"v1", "S2", 2, keys[2], unchecked}));
  out.push_back(event(ev::result_signed{"v1", "S1", 1, keys[1], unchecked}));
  if (announced) out.push_back(event(ev::result_announced{"v1", "CH", keys[3], unchecked}));
  return out;
}

TEST_F(sheet_pdf, signers_from_the_record_with_fingerprints_and_announcement) {
  std::vector<crypto::public_key> keys;
  for (const auto& s : test_signers()) keys.push_back(s.key);
  for (const bool announced : {true, false}) {
    auto from = signers_from_record(result_events(keys, announced), keys[0], "v1");
    ASSERT_TRUE(from) << from.error().message();
    ASSERT_EQ(from->signers.size(), announced ? 4u : 3u);
    EXPECT_EQ(from->signers[0].role, signer_role::server);
    EXPECT_EQ(from->signers[1].name, "王秀英");
    EXPECT_EQ(from->signers[2].name, "李建国");
    EXPECT_EQ(from->announced, announced);
    auto sheet = motion_sheet(95, 10, 5, 120, 112);
    sheet.signers = from->signers;
    sheet.announced = from->announced;
    const auto path = dir_.path() / (announced ? "announced.pdf" : "not-announced.pdf");
    ASSERT_TRUE(render_vote_sheet(sheet, path));
    const std::string text = pdf_text(path);
    const std::string compact = without_spaces(text);
    const std::string spaced = single_spaced(text);
    for (std::size_t i = 0; i < (announced ? 4u : 3u); ++i)
      EXPECT_NE(spaced.find(fingerprint(keys[i])), std::string::npos) << i;
    if (announced) {
      EXPECT_NE(compact.find("结果状态：已宣布"), std::string::npos) << compact;
      EXPECT_NE(compact.find("刘志强"), std::string::npos);
    } else {
      EXPECT_NE(compact.find("结果状态：未宣布"), std::string::npos) << compact;
      EXPECT_EQ(spaced.find(fingerprint(keys[3])), std::string::npos);
    }
  }
  EXPECT_EQ(signers_from_record(result_events(keys, true), keys[0], "v9").error(),
            errc::unknown_vote);
}

TEST_F(sheet_pdf, election_notes_runoff_and_further_round) {
  // 61 approvals elect (more than half of 120). Two tie at the last of two seats.
  const auto tie = election_sheet({"甲", "乙", "丙"}, {90, 65, 65}, {10, 30, 30}, 110, 2);
  const auto tie_path = dir_.path() / "tie.pdf";
  ASSERT_TRUE(render_vote_sheet(tie, tie_path));
  const std::string tie_text = without_spaces(pdf_text(tie_path));
  EXPECT_NE(tie_text.find("末位赞成票相同：乙、丙，需在其中另行选举1名"), std::string::npos);
  EXPECT_NE(tie_text.find("另行选举"), std::string::npos);
  EXPECT_EQ(tie_text.find("尚缺"), std::string::npos);

  // Only one of two reaches the line: one seat for a further round.
  const auto short_of = election_sheet({"甲", "乙", "丙"}, {90, 50, 40}, {10, 50, 60}, 110, 2);
  const auto short_path = dir_.path() / "short.pdf";
  ASSERT_TRUE(render_vote_sheet(short_of, short_path));
  const std::string short_text = without_spaces(pdf_text(short_path));
  EXPECT_NE(short_text.find("尚缺1名"), std::string::npos);
  EXPECT_EQ(short_text.find("末位赞成票相同"), std::string::npos);
}

TEST_F(sheet_pdf, motion_says_passed_or_failed) {
  const auto passed = motion_sheet(95, 10, 5, 120, 112);
  const auto failed = motion_sheet(60, 40, 10, 120, 112);  // 60 is not more than 60
  const auto passed_path = dir_.path() / "passed.pdf";
  const auto failed_path = dir_.path() / "failed.pdf";
  ASSERT_TRUE(render_vote_sheet(passed, passed_path));
  ASSERT_TRUE(render_vote_sheet(failed, failed_path));

  const std::string yes = without_spaces(pdf_text(passed_path));
  for (const char* expected :
       {"关于2027年镇重点工作的决议", "议案表决", "赞成", "反对", "弃权", "86.36%", "9.09%",
        "4.55%", "通过", "通过线61票", "赞成95票；通过至少需要61票"})
    EXPECT_NE(yes.find(expected), std::string::npos) << expected;
  EXPECT_EQ(yes.find("未通过"), std::string::npos);

  const std::string no = without_spaces(pdf_text(failed_path));
  EXPECT_NE(no.find("未通过"), std::string::npos);
  EXPECT_NE(no.find("54.55%"), std::string::npos);
  EXPECT_NE(no.find(failed.result_digest), std::string::npos);
}

TEST_F(sheet_pdf, confidence_vote_names_the_flagged) {
  // Distrust above 1/3 of 90 ballots (more than 30) flags a member.
  const auto sheet = confidence_sheet({"周明", "吴海燕"}, {{60, 20, 10}, {30, 20, 31}}, 90);
  const auto path = dir_.path() / "confidence.pdf";
  ASSERT_TRUE(render_vote_sheet(sheet, path));
  const std::string text = without_spaces(pdf_text(path));
  EXPECT_NE(text.find("信任投票"), std::string::npos);
  EXPECT_NE(text.find("不信任票超过界线吴海燕"), std::string::npos);
  EXPECT_NE(text.find("34.44%"), std::string::npos);  // 31 of 90
  EXPECT_NE(text.find("未标记"), std::string::npos);
}

TEST_F(sheet_pdf, satisfaction_appraisal_judges_every_item) {
  const auto sheet =
      satisfaction_sheet({"决议执行情况", "提案办理情况"}, {{30, 20, 45}, {40, 11, 49}}, 100);
  const auto path = dir_.path() / "satisfaction.pdf";
  ASSERT_TRUE(render_vote_sheet(sheet, path));
  const std::string text = without_spaces(pdf_text(path));
  for (const char* expected :
       {"满意度测评", "测评项目", "基本满意", "未标记", "评定为不满意的项目决议执行情况",
        "至少51票的项目评定为满意", "满意票与基本满意票合计超过投票数的1/2"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  EXPECT_NE(text.find(sheet.result_digest), std::string::npos);
}

TEST_F(sheet_pdf, appraisal_lists_every_level_of_every_member) {
  const auto sheet =
      appraisal_sheet({"陈晓梅", "赵国栋"}, {{60, 30, 10, 5}, {20, 40, 30, 16}}, 110);
  const auto path = dir_.path() / "appraisal.pdf";
  ASSERT_TRUE(render_vote_sheet(sheet, path));
  const std::string text = without_spaces(pdf_text(path));
  for (const char* expected : {"民主评议", "优秀", "合格", "基本合格", "不合格", "未标记",
                               // Counts above the name, percentages below (pdftotext -layout).
                               "60301055陈晓梅54.55%27.27%9.09%4.55%4.55%",
                               "204030164赵国栋18.18%36.36%27.27%14.55%3.64%", "不作决定"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
}

TEST_F(sheet_pdf, rendered_page_has_a_chart) {
  const auto sheet = motion_sheet(95, 10, 5, 120, 112);
  const auto path = dir_.path() / "motion.pdf";
  ASSERT_TRUE(render_vote_sheet(sheet, path));
  const auto stem = dir_.path() / "page";
  ASSERT_EQ(run("pdftoppm -r 60 -png " + quoted(path) + " " + quoted(stem)).status, 0);
  const auto png = dir_.path() / "page-1.png";
  ASSERT_TRUE(std::filesystem::exists(png));
  EXPECT_GT(std::filesystem::file_size(png), 1000u);

  ASSERT_EQ(run("pdftoppm -r 60 -singlefile " + quoted(path) + " " + quoted(stem)).status, 0);
  const ppm image = read_ppm(dir_.path() / "page.ppm");
  EXPECT_NEAR(image.width, 496, 1);  // A4 at 60 dpi
  // The bar chart lies in the upper half of the page, below the table: the bars are the only
  // blue on the sheet.
  const auto upper = count_pixels(image, 0.35, 0.60);
  EXPECT_GT(upper.blue, 500u);
  EXPECT_GT(upper.dark, 100u);
  EXPECT_GT(count_pixels(image, 0.0, 1.0).dark, 2000u);
  EXPECT_EQ(count_pixels(image, 0.0, 0.30).blue, 0u);
}

TEST_F(sheet_pdf, qr_code_decodes_to_the_digest) {
  const auto sheet =
      election_sheet({"陈晓梅", "赵国栋", "孙丽"}, {98, 90, 70}, {8, 15, 30}, 110, 3);
  const auto path = dir_.path() / "qr.pdf";
  ASSERT_TRUE(render_vote_sheet(sheet, path));
  const auto stem = dir_.path() / "qr";
  ASSERT_EQ(run("pdftoppm -r 200 -png -singlefile " + quoted(path) + " " + quoted(stem)).status, 0);
  const auto decoded =
      run("zbarimg --quiet --raw " + quoted(dir_.path() / "qr.png") + " 2>/dev/null");
  ASSERT_EQ(decoded.status, 0) << "zbarimg found no code (is zbar-tools installed?)";
  EXPECT_EQ(single_spaced(decoded.output), sheet.result_digest + " ");
}

TEST_F(sheet_pdf, long_election_continues_on_further_pages) {
  std::vector<std::string> names;
  std::vector<std::uint64_t> approvals;
  std::vector<std::uint64_t> disapprovals;
  for (int i = 0; i < 40; ++i) {
    names.push_back("候选人第" + std::to_string(i + 1) + "号");
    approvals.push_back(static_cast<std::uint64_t>(i));
    disapprovals.push_back(static_cast<std::uint64_t>(100 - i));
  }
  const auto sheet = election_sheet(names, approvals, disapprovals, 110, 30);
  const auto path = dir_.path() / "long.pdf";
  ASSERT_TRUE(render_vote_sheet(sheet, path));
  const int pages = pdf_pages(path);
  ASSERT_GT(pages, 1);
  const std::string text = without_spaces(pdf_text(path));
  for (const auto& name : names) EXPECT_NE(text.find(name), std::string::npos) << name;
  EXPECT_NE(text.find("第" + std::to_string(pages) + "页/共" + std::to_string(pages) + "页"),
            std::string::npos);
  EXPECT_NE(text.find("尚缺30名"), std::string::npos);
}

TEST_F(sheet_pdf, sitting_sheet_summarises_then_appends_each_vote) {
  sitting_sheet sitting;
  sitting.header = test_header();
  sitting.attendance = {124, 4, 120, 112};
  sitting.votes = {motion_sheet(95, 10, 5, 120, 112),
                   election_sheet({"陈晓梅", "赵国栋", "孙丽"}, {98, 90, 70}, {8, 15, 30}, 110, 3)};
  const auto path = dir_.path() / "sitting.pdf";
  ASSERT_TRUE(render_sitting_sheet(sitting, path));
  EXPECT_EQ(pdf_pages(path), 3);
  const std::string text = without_spaces(pdf_text(path));
  for (const char* expected : {"表决结果汇总", "代表总数", "124", "请假", "法定人数", "96人",
                               "实到人数符合法定人数", "当选：", "第1页/共3页", "第3页/共3页"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  for (const auto& vote : sitting.votes)
    EXPECT_NE(text.find(vote.result_digest), std::string::npos) << vote.vote_id;

  sitting.attendance.present = 95;  // below 96
  ASSERT_TRUE(render_sitting_sheet(sitting, path));
  EXPECT_NE(without_spaces(pdf_text(path)).find("实到人数不足法定人数"), std::string::npos);
}

TEST_F(sheet_pdf, io_errors_are_reported_and_leave_nothing) {
  const auto sheet = motion_sheet(95, 10, 5, 120, 112);
  const auto missing = dir_.path() / "no-such-dir" / "x.pdf";
  auto r = render_vote_sheet(sheet, missing);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), boost::system::error_code(ENOENT, boost::system::system_category()));

  // A directory in the way of the file: the rename fails and the temporary file is removed.
  std::filesystem::create_directory(dir_.path() / "taken.pdf");
  std::filesystem::create_directory(dir_.path() / "taken.pdf" / "inside");
  EXPECT_FALSE(render_vote_sheet(sheet, dir_.path() / "taken.pdf"));
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path()))
    files += entry.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 0u);
}

TEST_F(sheet_pdf, refuses_an_incomplete_sheet) {
  auto sheet = motion_sheet(95, 10, 5, 120, 112);
  sheet.result_digest = "ABCD";
  const auto path = dir_.path() / "bad.pdf";
  auto r = render_vote_sheet(sheet, path);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), make_error_code(errc::invalid_field));
  EXPECT_FALSE(std::filesystem::exists(path));

  sheet = motion_sheet(95, 10, 5, 120, 112);
  sheet.contests.clear();
  EXPECT_EQ(vote_sheet_pdf(sheet).error(), make_error_code(errc::invalid_field));
}

TEST(sheet_fonts, noto_cjk_is_installed) {
  // Without fonts-noto-cjk every renderer refuses (errc::internal) instead of printing boxes.
  EXPECT_TRUE(fonts_installed());
}

TEST_F(sheet_pdf, writes_a_pdf_in_memory) {
  auto pdf = vote_sheet_pdf(motion_sheet(95, 10, 5, 120, 112));
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_NE(pdf->find("NotoSansCJK"), std::string::npos);  // the CJK font is embedded
}

}  // namespace
}  // namespace plenum::clients::sheet
