// Ids the congress gives: people type titles, and a command without an id gets the next free
// one, named in its reply and recorded in its event.
#include <gtest/gtest.h>

#include "domain/views.hpp"
#include "domain_fixture.hpp"

namespace plenum::server::domain {
namespace {

std::string reply_id(const result<decision>& d, std::string_view key) {
  EXPECT_TRUE(d) << (d ? "" : d.error().message());
  if (!d) return {};
  EXPECT_EQ(d->created_id_field, key);
  return d->created_id;
}

TEST(GeneratedIds, SittingsItemsVotesMaterialsAndProposals) {
  test::congress c(20);
  // The fixture's own sittings use explicit ids; a generated one skips taken numbers.
  ASSERT_TRUE(c.as("SE", create_sitting{"S1", "预备会议", "2026-12-01"}));
  const auto sitting =
      reply_id(c.as("SE", create_sitting{"", "第一次年会", "2026-12-20"}), "sitting_id");
  EXPECT_EQ(sitting, "S2");
  EXPECT_EQ(c.log.back().payload.at("sitting_id").as_string(), "S2");

  const auto first = reply_id(
      c.as("SE", add_item{sitting, "", "report", "党委工作报告", 0, "党委书记", ""}), "item_id");
  EXPECT_EQ(first, "S2-I1");
  EXPECT_EQ(c.log.back().payload.at("order").to_number<std::int64_t>(), 1);
  const auto second =
      reply_id(c.as("SE", add_item{sitting, "", "briefing", "情况通报", 0, "", ""}), "item_id");
  EXPECT_EQ(second, "S2-I2");
  EXPECT_EQ(c.log.back().payload.at("order").to_number<std::int64_t>(), 2);
  // An explicit order is kept.
  ASSERT_TRUE(c.as("SE", add_item{sitting, "", "other", "其他", 7, "", ""}));
  EXPECT_EQ(c.log.back().payload.at("order").to_number<std::int64_t>(), 7);

  const auto material = reply_id(
      c.as("SE", add_material{sitting, first, "", "报告全文", "报告正文", "", ""}), "material_id");
  EXPECT_EQ(material, "S2-I1-M1");
  EXPECT_EQ(reply_id(c.as("SE", add_material{sitting, first, "", "附件", "附件正文", "", ""}),
                     "material_id"),
            "S2-I1-M2");

  create_vote v;
  v.sitting_id = sitting;
  v.item_id = first;
  v.kind = "motion";
  v.title = "关于党委工作报告的决议";
  EXPECT_EQ(reply_id(c.as("CH", v), "vote_id"), "S2-V1");
  EXPECT_EQ(reply_id(c.as("CH", v), "vote_id"), "S2-V2");
  EXPECT_EQ(c.log.back().payload.at("vote_id").as_string(), "S2-V2");

  EXPECT_EQ(reply_id(c.as("D001", submit_proposal{"", "修路", "村道需要硬化"}), "proposal_id"),
            "P1");
  EXPECT_EQ(reply_id(c.as("D002", submit_proposal{"", "路灯", "安装路灯"}), "proposal_id"), "P2");
}

TEST(GeneratedIds, ExplicitIdsStillRefuseDuplicates) {
  test::congress c(20);
  ASSERT_TRUE(c.as("SE", create_sitting{"", "年会", "2026-12-20"}));
  EXPECT_EQ(c.as("SE", create_sitting{"S1", "年会", "2026-12-20"}).error(), errc::sitting_exists);
  // Bad titles are refused as before, whoever picks the id.
  EXPECT_EQ(c.as("SE", create_sitting{"", "", "2026-12-20"}).error(), errc::invalid_field);
}

}  // namespace
}  // namespace plenum::server::domain
