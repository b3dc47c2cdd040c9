#include <gtest/gtest.h>

#include "domain/views.hpp"
#include "domain_fixture.hpp"

namespace plenum::server::domain {
namespace {

struct agenda_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override {
    c.prepare_sitting(9);
    ASSERT_TRUE(c.as("CH", open_sitting{"s1"}));
  }
};

TEST_F(agenda_case, ItemsAreListedInOrderWithTheirKinds) {
  ASSERT_TRUE(c.as("SE", add_item{"s1", "b", "briefing", "重大决策通报", 3, "", ""}));
  ASSERT_TRUE(c.as("SE", add_item{"s1", "a", "report", "党委工作报告", 1, "党委书记", ""}));
  ASSERT_TRUE(c.as("SE", add_item{"s1", "c", "major_matter", "经济发展", 2, "镇长", ""}));
  auto view = public_snapshot(c.state, "s1");
  const auto& agenda = view->at("agenda").as_array();
  ASSERT_EQ(agenda.size(), 3u);
  EXPECT_EQ(agenda[0].at("id").as_string(), "a");
  EXPECT_EQ(agenda[1].at("id").as_string(), "c");
  EXPECT_EQ(agenda[2].at("kind").as_string(), "briefing");
  EXPECT_TRUE(view->at("current_item").is_null());
  ASSERT_TRUE(c.as("CH", set_current_item{"s1", "c"}));
  EXPECT_EQ(public_snapshot(c.state, "s1")->at("current_item").as_string(), "c");
}

TEST_F(agenda_case, ItemValidation) {
  // A resolution needs a responsible person.
  EXPECT_EQ(c.as("SE", add_item{"s1", "a", "report", "报告", 1, "", ""}).error(),
            errc::invalid_item);
  EXPECT_EQ(c.as("SE", add_item{"s1", "a", "speech", "讲话", 1, "", ""}).error(),
            errc::invalid_item);
  EXPECT_EQ(c.as("SE", add_item{"s1", "a b", "other", "x", 1, "", ""}).error(), errc::invalid_item);
  ASSERT_TRUE(c.as("SE", add_item{"s1", "a", "other", "其他", 1, "", ""}));
  EXPECT_EQ(c.as("SE", add_item{"s1", "a", "other", "其他", 1, "", ""}).error(), errc::item_exists);
  EXPECT_EQ(c.as("CH", set_current_item{"s1", "zz"}).error(), errc::unknown_item);
}

TEST_F(agenda_case, MaterialsCarryADigestAndPrecedeTheVote) {
  ASSERT_TRUE(c.as("SE", add_item{"s1", "a", "report", "报告", 1, "党委书记", ""}));
  ASSERT_TRUE(c.as("SE", add_material{"s1", "a", "m1", "报告全文", "全文……", "", ""}));
  const auto digest = std::string(c.log.back().payload.at("digest").as_string());
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_EQ(c.as("SE", add_material{"s1", "a", "m1", "again", "x", "", ""}).error(),
            errc::material_exists);
  const std::string url_digest(64, 'a');
  EXPECT_TRUE(c.as(
      "SE", add_material{"s1", "a", "m2", "附件", "", "https://example.org/a.pdf", url_digest}));
  EXPECT_EQ(c.as("SE", add_material{"s1", "a", "m3", "附件", "", "https://example.org/b.pdf", "12"})
                .error(),
            errc::invalid_field);
  EXPECT_EQ(c.as("SE", add_material{"s1", "a", "m3", "both", "x", "https://x", url_digest}).error(),
            errc::invalid_field);
  EXPECT_EQ(c.as("SE", add_material{"s1", "zz", "m3", "x", "x", "", ""}).error(),
            errc::unknown_item);
  c.complete_ceremony();
  ASSERT_TRUE(c.as("CH", set_current_item{"s1", "a"}));
  create_vote v;
  v.vote_id = "v1";
  v.sitting_id = "s1";
  v.item_id = "a";
  v.kind = "motion";
  v.title = "决议";
  ASSERT_TRUE(c.as("CH", v));
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  EXPECT_EQ(c.as("SE", add_material{"s1", "a", "m4", "迟到的材料", "x", "", ""}).error(),
            errc::vote_already_open);
  auto view = public_snapshot(c.state, "s1");
  EXPECT_EQ(view->at("agenda").as_array()[0].at("materials").as_array().size(), 2u);
}

TEST_F(agenda_case, ProposalsGoToTheSecretaryAndTheChairPutsThemOnTheAgenda) {
  ASSERT_TRUE(c.as("D003", submit_proposal{"P1", "关于修路的提案", "建议……"}));
  EXPECT_EQ(c.log.back().payload.at("by").as_string(), "D003");
  EXPECT_EQ(c.as("D004", submit_proposal{"P1", "x", "y"}).error(), errc::proposal_exists);
  EXPECT_EQ(c.as("D004", submit_proposal{"P2", "", "y"}).error(), errc::invalid_field);
  auto list = secretary_view(c.state, "s1");
  ASSERT_EQ(list.at("proposals").as_array().size(), 1u);
  EXPECT_EQ(list.at("proposals").as_array()[0].at("item_id").as_string(), "");
  EXPECT_EQ(c.as("CH", add_item{"s1", "p", "proposal", "代表提案", 4, "镇长", "P9"}).error(),
            errc::unknown_proposal);
  // Only once the liaison office accepted it (立案).
  EXPECT_EQ(c.as("CH", add_item{"s1", "p", "proposal", "代表提案", 4, "镇长", "P1"}).error(),
            errc::proposal_not_accepted);
  ASSERT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  ASSERT_TRUE(c.as("CH", add_item{"s1", "p", "proposal", "代表提案", 4, "镇长", "P1"}));
  EXPECT_EQ(c.state.proposals().at("P1").item_id, "p");
  EXPECT_EQ(c.as("CH", add_item{"s1", "q", "proposal", "again", 5, "镇长", "P1"}).error(),
            errc::invalid_item);
  // Proposals are accepted between sittings too.
  ASSERT_TRUE(c.as("CH", close_sitting{"s1"}));
  EXPECT_TRUE(c.as("D005", submit_proposal{"P3", "会后提案", "内容"}));
}

TEST_F(agenda_case, RoleViewsShowStatusButNotSecrets) {
  auto sec = secretary_view(c.state, "s1");
  const auto& persons = sec.at("persons").as_array();
  ASSERT_FALSE(persons.empty());
  EXPECT_TRUE(persons[0].at("enrolled").as_bool());
  EXPECT_EQ(persons[0].as_object().if_contains("code_hash"), nullptr);
  auto mine = delegate_view(c.state, "D001", "s1");
  ASSERT_TRUE(mine);
  EXPECT_TRUE(mine->at("present").as_bool());
  EXPECT_TRUE(mine->at("seated").as_bool());
  auto absent = delegate_view(c.state, "D010", "s1");
  EXPECT_FALSE(absent->at("present").as_bool());
  EXPECT_EQ(delegate_view(c.state, "nobody", "s1").error(), errc::unknown_person);
}

}  // namespace
}  // namespace plenum::server::domain
