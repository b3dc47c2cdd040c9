// Delegate groups (代表小组): forming and changing them (at least 10 seated delegates, each in
// one group), a group's own sitting (its seated are its members), the leaders' election and the
// party committee's approval resting on it.
#include <gtest/gtest.h>

#include "domain/group_views.hpp"
#include "domain/performance_file.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"

namespace plenum::server::domain {
namespace {

using test::expect_refused;

using test::delegate_number;

// Delegates `first` … `last` (1-based).
std::vector<std::string> delegates(std::size_t first, std::size_t last) {
  std::vector<std::string> out;
  for (std::size_t i = first; i <= last; ++i) out.push_back(delegate_number(i));
  return out;
}

struct group_case : ::testing::Test {
  test::congress c{30};
  form_group first_group() {
    return form_group{"", "第一代表小组", "electoral_unit", delegates(1, 10)};
  }
};

TEST_F(group_case, SecretaryFormsAGroupOfTenDelegates) {
  auto d = c.as("SE", first_group());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->created_id, "G1");
  EXPECT_EQ(c.log.back().type, "group_formed");
  EXPECT_EQ(c.log.back().payload.at("basis"), "electoral_unit");
  EXPECT_EQ(c.log.back().payload.at("by"), "SE");
  const delegate_group* g = c.state.groups().find_group("G1");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->members, delegates(1, 10));
  EXPECT_EQ(c.state.groups().group_of("D005"), g);
  EXPECT_EQ(c.state.groups().group_of("D011"), nullptr);
}

TEST_F(group_case, FormingRefusesWhatTheRulesForbid) {
  expect_refused(c, "CH", first_group(), errc::permission_denied);
  expect_refused(c, "SE", form_group{"", "小组", "electoral_unit", delegates(1, 9)},
                 errc::group_too_small);
  auto repeated = delegates(1, 10);
  repeated.push_back("D001");
  expect_refused(c, "SE", form_group{"", "小组", "area", repeated}, errc::invalid_group_member);
  auto with_alternate = delegates(1, 9);
  with_alternate.push_back("AL");
  expect_refused(c, "SE", form_group{"", "小组", "area", with_alternate},
                 errc::invalid_group_member);
  auto with_stranger = delegates(1, 9);
  with_stranger.push_back("X999");
  expect_refused(c, "SE", form_group{"", "小组", "area", with_stranger},
                 errc::invalid_group_member);
  expect_refused(c, "SE", form_group{"", "小组", "village", delegates(1, 10)}, errc::invalid_field);
  ASSERT_TRUE(c.as("SE", first_group()));
  // A delegate is in one group only.
  expect_refused(c, "SE", form_group{"", "第二小组", "area", delegates(10, 19)},
                 errc::already_in_group);
  expect_refused(c, "SE", form_group{"G1", "第二小组", "area", delegates(11, 20)},
                 errc::group_exists);
  ASSERT_TRUE(c.as("SE", form_group{"", "第二小组", "line_of_work", delegates(11, 20)}));
  EXPECT_NE(c.state.groups().find_group("G2"), nullptr);
}

TEST_F(group_case, ChangesKeepTenMembersEachInOneGroup) {
  ASSERT_TRUE(c.as("SE", first_group()));
  ASSERT_TRUE(c.as("SE", form_group{"", "第二小组", "area", delegates(11, 20)}));
  expect_refused(c, "SE", change_group{"G1", {}, {"D001"}, "调整"}, errc::group_too_small);
  expect_refused(c, "SE", change_group{"G1", {"D011"}, {}, "调整"}, errc::already_in_group);
  expect_refused(c, "SE", change_group{"G1", {"D021"}, {"D015"}, "调整"}, errc::not_in_group);
  expect_refused(c, "SE", change_group{"G1", {"D021"}, {}, ""}, errc::invalid_field);
  expect_refused(c, "SE", change_group{"G9", {"D021"}, {}, "调整"}, errc::unknown_group);
  expect_refused(c, "SE", change_group{"G1", {"AL"}, {}, "调整"}, errc::invalid_group_member);
  ASSERT_TRUE(c.as("SE", change_group{"G1", {"D021", "D022"}, {"D001"}, "工作调动"}));
  const delegate_group* g = c.state.groups().find_group("G1");
  EXPECT_EQ(g->members.size(), 11u);
  EXPECT_FALSE(g->has_member("D001"));
  EXPECT_TRUE(g->has_member("D022"));
  // The delegate who left G1 may join G2.
  ASSERT_TRUE(c.as("SE", change_group{"G2", {"D001"}, {}, "工作调动"}));
  EXPECT_TRUE(c.state.groups().find_group("G2")->has_member("D001"));
}

TEST_F(group_case, ADelegateWhoLeavesTheCongressLeavesTheGroup) {
  ASSERT_TRUE(c.as("SE", first_group()));
  ASSERT_TRUE(c.as("SE", record_delegate_left{"D003", "工作调动", "2026-05-01"}));
  EXPECT_FALSE(c.state.groups().find_group("G1")->has_member("D003"));
  EXPECT_EQ(c.state.groups().find_group("G1")->members.size(), 9u);
  // Now below 10: the office adds a delegate back.
  ASSERT_TRUE(c.as("SE", change_group{"G1", {"D021"}, {}, "补充成员"}));
  EXPECT_EQ(c.state.groups().find_group("G1")->members.size(), 10u);
}

// A group's own sitting: G1 = D001…D010 of 30 delegates, sitting "g1" with the ceremony done.
struct group_sitting_case : group_case {
  void SetUp() override {
    ASSERT_TRUE(c.as("SE", first_group()));
    ASSERT_TRUE(c.as("SE", form_group{"", "第二小组", "area", delegates(11, 20)}));
    create_sitting s{"g1", "第一代表小组会议", "2026-03-01"};
    s.group_id = "G1";
    ASSERT_TRUE(c.as("SE", s));
    ASSERT_TRUE(c.as("CH", open_checkin{"g1"}));
  }

  // The members elect 组长 and 副组长 among 代表1, 代表2 and 代表3 (approving the first two).
  void elect(const std::string& vote_id) {
    c.open_with_item("el", "election", "g1");
    create_vote v;
    v.vote_id = vote_id;
    v.sitting_id = "g1";
    v.item_id = "el";
    v.kind = "election";
    v.title = "选举组长、副组长";
    v.seats = 2;
    v.candidates = {"代表1", "代表2", "代表3"};
    ASSERT_TRUE(c.as("CH", v));
    ASSERT_TRUE(c.as("CH", open_vote{vote_id}));
    c.cast_each(vote_id, 10, [](std::size_t) {
      return crypto::ballot_choices{{1, 0}, {1, 0}, {0, 1}};
    });
    ASSERT_TRUE(c.as("CH", close_vote{vote_id}));
    ASSERT_TRUE(c.decrypt(vote_id, {1, 2}));
  }
};

TEST_F(group_sitting_case, TheSeatedOfAGroupSittingAreItsMembers) {
  EXPECT_EQ(c.log[c.log.size() - 2].payload.at("group_id"), "G1");
  const sitting& s = *c.state.find_sitting("g1");
  EXPECT_EQ(c.state.seated(s), delegates(1, 10));
  // A delegate of another group neither checks in nor is excused here.
  expect_refused(
      c, "D011",
      check_in{"g1", c.now,
               c.keys.at("D011").sign(crypto::checkin_digest("g1", c.keys.at("D011").public_part(),
                                                             static_cast<std::uint64_t>(c.now)))},
      errc::not_in_group);
  expect_refused(c, "SE", excuse_delegate{"g1", "D011", "外出", "组长"}, errc::not_in_group);
  // 7 of 10 present: short of four fifths.
  for (std::size_t i = 1; i <= 7; ++i) ASSERT_TRUE(c.check_in_now(delegate_number(i), "g1"));
  expect_refused(c, "CH", open_sitting{"g1"}, errc::quorum_not_reached);
  ASSERT_TRUE(c.check_in_now("D008", "g1"));
  ASSERT_TRUE(c.as("CH", open_sitting{"g1"}));
  EXPECT_EQ(c.log.back().payload.at("seated"), 10);
  EXPECT_EQ(c.log.back().payload.at("present"), 8);
  EXPECT_EQ(c.log.back().payload.at("required"), 8);
}

TEST_F(group_sitting_case, APerformanceFileHoldsOnlyTheSittingsOfTheDelegatesOwnGroup) {
  for (std::size_t i = 1; i <= 8; ++i) ASSERT_TRUE(c.check_in_now(delegate_number(i), "g1"));
  ASSERT_TRUE(c.as("CH", open_sitting{"g1"}));
  const auto today = protocol::civil_date::of_unix_ms(c.now);
  // A member: present, or absent when not checked in.
  const auto present = performance_file(c.state, "D001", today);
  ASSERT_EQ(present.at("sittings").as_array().size(), 1u);
  EXPECT_EQ(present.at("sittings").as_array().at(0).at("attendance"), "present");
  EXPECT_EQ(present.at("sittings_held"), 1);
  const auto absent = performance_file(c.state, "D010", today);
  ASSERT_EQ(absent.at("sittings").as_array().size(), 1u);
  EXPECT_EQ(absent.at("sittings").as_array().at(0).at("attendance"), "absent");
  // A delegate of another group was never called to it: not held for them, not missed.
  const auto other = performance_file(c.state, "D011", today);
  EXPECT_TRUE(other.at("sittings").as_array().empty());
  EXPECT_EQ(other.at("sittings_held"), 0);
  EXPECT_EQ(other.at("sittings_attended"), 0);
  // A member who attended and left the group afterwards keeps the sitting in the file.
  ASSERT_TRUE(c.as("CH", close_sitting{"g1"}));
  ASSERT_TRUE(c.as("SE", change_group{"G1", {"D021"}, {"D008"}, "工作调动"}));
  const auto left = performance_file(c.state, "D008", today);
  ASSERT_EQ(left.at("sittings").as_array().size(), 1u);
  EXPECT_EQ(left.at("sittings").as_array().at(0).at("attendance"), "present");
}

TEST_F(group_sitting_case, AGroupSittingElectsAndTheCommitteeApproves) {
  for (std::size_t i = 1; i <= 10; ++i) ASSERT_TRUE(c.check_in_now(delegate_number(i), "g1"));
  c.complete_ceremony("g1");
  elect("e1");
  const vote& v = *c.state.find_vote("e1");
  EXPECT_EQ(v.eligible, delegates(1, 10));
  ASSERT_EQ(v.state, vote::status::decided);
  EXPECT_EQ(v.elected.size(), 2u);

  expect_refused(c, "CH", approve_group_leaders{"G1", "D001", "D002", "e1", "镇党委〔2026〕5号"},
                 errc::permission_denied);
  // 代表3 was not elected; D011 is not a member; G2 did not hold this vote.
  expect_refused(c, "SE", approve_group_leaders{"G1", "D001", "D003", "e1", "镇党委〔2026〕5号"},
                 errc::leaders_not_elected);
  expect_refused(c, "SE", approve_group_leaders{"G1", "D001", "D011", "e1", "镇党委〔2026〕5号"},
                 errc::not_in_group);
  expect_refused(c, "SE", approve_group_leaders{"G2", "D011", "D012", "e1", "镇党委〔2026〕5号"},
                 errc::leaders_not_elected);
  expect_refused(c, "SE", approve_group_leaders{"G1", "D001", "D002", "e9", "镇党委〔2026〕5号"},
                 errc::unknown_vote);
  expect_refused(c, "SE", approve_group_leaders{"G1", "D001", "D001", "e1", "镇党委〔2026〕5号"},
                 errc::invalid_field);
  expect_refused(c, "SE", approve_group_leaders{"G1", "D001", "D002", "e1", ""},
                 errc::invalid_field);

  ASSERT_TRUE(c.as("SE", approve_group_leaders{"G1", "D001", "D002", "e1", "镇党委〔2026〕5号"}));
  const delegate_group& g = *c.state.groups().find_group("G1");
  EXPECT_EQ(g.leader, "D001");
  EXPECT_EQ(g.deputy, "D002");
  EXPECT_EQ(g.approval, "镇党委〔2026〕5号");
  auto view = groups_view(c.state, protocol::civil_date::of_unix_ms(c.now));
  const auto& first = view.at("groups").as_array().at(0).as_object();
  EXPECT_EQ(first.at("leader_name"), "代表1");
  EXPECT_EQ(first.at("deputy_name"), "代表2");
  EXPECT_EQ(first.at("sittings").as_array().size(), 1u);
  // The performance file names each member's post.
  auto post = [&](const std::string& who) {
    const auto file = performance_file(c.state, who, protocol::civil_date::of_unix_ms(c.now));
    return std::string(file.at("groups").as_array().at(0).at("post").as_string());
  };
  EXPECT_EQ(post("D001"), "leader");
  EXPECT_EQ(post("D002"), "deputy");
  EXPECT_EQ(post("D003"), "member");
}

TEST_F(group_sitting_case, AnUndecidedElectionIsNoGroundForApproval) {
  for (std::size_t i = 1; i <= 10; ++i) ASSERT_TRUE(c.check_in_now(delegate_number(i), "g1"));
  c.complete_ceremony("g1");
  c.open_with_item("el", "election", "g1");
  create_vote v;
  v.vote_id = "e1";
  v.sitting_id = "g1";
  v.item_id = "el";
  v.kind = "election";
  v.title = "选举组长、副组长";
  v.seats = 2;
  v.candidates = {"代表1", "代表2", "代表3"};
  ASSERT_TRUE(c.as("CH", v));
  expect_refused(c, "SE", approve_group_leaders{"G1", "D001", "D002", "e1", "镇党委〔2026〕5号"},
                 errc::vote_not_decided);
}

TEST_F(group_case, ASittingOfAnUnknownGroupIsRefused) {
  create_sitting s{"g1", "小组会议", "2026-03-01"};
  s.group_id = "G7";
  expect_refused(c, "SE", s, errc::unknown_group);
}

}  // namespace
}  // namespace plenum::server::domain
