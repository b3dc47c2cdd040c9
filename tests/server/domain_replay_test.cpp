#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/views.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"

namespace plenum::server::domain {
namespace {

using test::delegate_number;

// A whole sitting: roster, enrollment (with a re-enrollment), excusal, assisted check-in,
// agenda with materials and a proposal, ceremony, a motion and an election with ballots,
// results and a follow-up round.
test::congress scenario() {
  test::congress c(20);
  EXPECT_TRUE(c.as("SE", set_calendar{2026, {"2026-10-01", "2026-10-02"}, {"2026-10-10"}}));
  EXPECT_TRUE(c.as("D002", submit_proposal{"P1", "关于修路的提案", "建议……", {"D003"}}));
  EXPECT_TRUE(c.as("D004", submit_proposal{"P2", "关于修桥的提案", "建议……"}));
  EXPECT_TRUE(c.as("D005", submit_proposal{"P3", "关于食堂的建议", "建议……"}));
  EXPECT_TRUE(c.as("SE", accept_proposal{"P1", "交通运输局"}));
  EXPECT_TRUE(c.as("SE", merge_proposal{"P2", "P1"}));
  EXPECT_TRUE(c.as("SE", convert_proposal{"P3", "转为意见建议"}));
  EXPECT_TRUE(c.as("SE", answer_proposal{"P1", "计划明年实施。"}));
  EXPECT_TRUE(c.as("D002", rate_proposal{"P1", "unsatisfied"}));
  EXPECT_TRUE(c.as("SE", answer_proposal{"P1", "本年度实施。"}));
  EXPECT_TRUE(c.as("D002", rate_proposal{"P1", "satisfied"}));
  c.prepare_sitting(15);
  EXPECT_TRUE(c.as("SE", excuse_delegate{"s1", "D020", "住院", "党委书记"}));
  const auto& se = c.keys.at("SE");
  auto sig = se.sign(crypto::checkin_digest("s1", c.keys.at("D016").public_part(),
                                            static_cast<std::uint64_t>(c.now)));
  EXPECT_TRUE(c.as("SE", assisted_check_in{"s1", "D016", c.now, "平板没电", sig}));
  c.complete_ceremony();
  c.open_with_item("i1", "report");
  EXPECT_TRUE(c.as("SE", add_material{"s1", "i1", "m1", "工作报告", "报告全文……", "", ""}));
  EXPECT_TRUE(c.as("CH", add_item{"s1", "i2", "proposal", "代表提案", 2, "镇长", "P1"}));
  EXPECT_TRUE(c.as("SE", add_item{"s1", "el", "election", "选举", 3, "", ""}));
  c.open_motion("v1", "i1", "决议");
  for (std::size_t i = 1; i <= 12; ++i) {
    const auto n = delegate_number(i);
    const crypto::ballot_choices choice =
        i <= 11 ? crypto::ballot_choices{{1, 0, 0}} : crypto::ballot_choices{{0, 0, 1}};
    EXPECT_TRUE(c.as(n, cast_ballot{"v1", c.ballot_for(n, "v1", choice)}));
  }
  EXPECT_TRUE(c.as("CH", close_vote{"v1"}));
  EXPECT_TRUE(c.decrypt("v1", {2, 3}));
  EXPECT_EQ(c.state.find_vote("v1")->counts, (std::vector<std::uint64_t>{11, 0, 1}));
  EXPECT_TRUE(c.as("CH", set_current_item{"s1", "el"}));
  create_vote election;
  election.vote_id = "e1";
  election.sitting_id = "s1";
  election.title = "决议";
  election.item_id = "el";
  election.kind = "election";
  election.seats = 2;
  election.candidates = {"陈明", "刘芳", "赵强"};
  EXPECT_TRUE(c.as("CH", election));
  EXPECT_TRUE(c.as("CH", open_vote{"e1"}));
  EXPECT_TRUE(
      c.as("D001", cast_ballot{"e1", c.ballot_for("D001", "e1", {{1, 0}, {0, 1}, {0, 0}})}));
  EXPECT_TRUE(c.as("CH", close_vote{"e1"}));
  EXPECT_TRUE(c.as_system(record_result{"e1", {1, 0, 0, 1, 0, 0}}));
  return c;
}

TEST(Replay, ReplayingTheLogGivesAnEqualState) {
  test::congress live = scenario();
  ASSERT_GT(live.log.size(), 80u);
  ASSERT_NE(live.state.find_vote("e1-2"), nullptr);  // the further round was created
  congress_state replayed;
  for (const auto& e : live.log) {
    // What storage hands back, decoded from the stored text.
    auto body = protocol::decode_event_payload(e.type, boost::json::serialize(e.payload));
    ASSERT_TRUE(body) << e.type;
    ASSERT_TRUE(replayed.apply(event{e.seq, e.applied.entry_hash, std::move(*body)})) << e.type;
  }
  EXPECT_TRUE(replayed == live.state);
  EXPECT_EQ(boost::json::serialize(full_snapshot(replayed)),
            boost::json::serialize(full_snapshot(live.state)));
  EXPECT_EQ(boost::json::serialize(*public_snapshot(replayed, "s1")),
            boost::json::serialize(*public_snapshot(live.state, "s1")));
}

TEST(Replay, ApplyRefusesGapsAndForeignEvents) {
  test::congress c(10);
  congress_state copy = c.state;
  const auto gap = c.state.apply(
      event{c.state.next_seq() + 1, {}, protocol::events::sitting_created{"s1", "t", "d"}});
  ASSERT_FALSE(gap);
  EXPECT_EQ(gap.error().code, errc::broken_chain);
  // An event that does not fit the state is refused with the reason in words.
  const auto foreign =
      c.state.apply(event{c.state.next_seq(), {}, protocol::events::checkin_opened{"none"}});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, errc::internal);
  EXPECT_NE(foreign.error().reason.find("unknown sitting none"), std::string::npos)
      << foreign.error().reason;
  // Unknown types and missing fields never reach the state: the one decoder refuses them.
  EXPECT_FALSE(protocol::decode_event_payload("no_such_event", std::string_view("{}")));
  EXPECT_FALSE(protocol::decode_event_payload("sitting_created",
                                              std::string_view(R"({"sitting_id":"s1"})")));
  EXPECT_TRUE(c.state == copy);
}

// The events open_vote appends for a vote of `c`, not yet applied.
std::vector<protocol::congress_event> opening_events(test::congress& c) {
  c.prepare_sitting(9);
  c.complete_ceremony();
  c.open_with_item("i1", "report");
  c.create_motion("v1", "i1", "决议");
  context ctx{c.person_actor("CH"), c.now, {}};
  auto d = decide(c.state, open_vote{"v1"}, ctx);
  EXPECT_TRUE(d);
  return d ? d->events : std::vector<protocol::congress_event>{};
}

TEST(Replay, VoteOpenedOfFormatTwoNeedsItsRosterJustBefore) {
  test::congress c(10);
  const auto events = opening_events(c);
  ASSERT_EQ(events.size(), 2u);
  const std::uint64_t seq = c.state.next_seq();
  // Without its vote_roster (the roster_seq then names nothing).
  auto copy = c.state;
  auto alone = copy.apply(event{seq, {}, events[1]});
  ASSERT_FALSE(alone);
  EXPECT_NE(alone.error().reason.find("roster_seq"), std::string::npos) << alone.error().reason;
  EXPECT_TRUE(copy == c.state);
  // A vote_roster whose root is not its keys'.
  auto forged = std::get<protocol::events::vote_roster>(events[0]);
  forged.roster_root[0] ^= 1U;
  auto bad_root = copy.apply(event{seq, {}, forged});
  ASSERT_FALSE(bad_root);
  EXPECT_NE(bad_root.error().reason.find("roster_root"), std::string::npos);
  // A vote_opened whose count differs from its vote_roster.
  auto opened = std::get<protocol::events::vote_opened>(events[1]);
  opened.roster_count = 9;
  ASSERT_TRUE(copy.apply(event{seq, {}, events[0]}));
  auto bad_count = copy.apply(event{seq + 1, {}, opened});
  ASSERT_FALSE(bad_count);
  EXPECT_NE(bad_count.error().reason.find("roster_count"), std::string::npos);
  // Both, as written.
  ASSERT_TRUE(c.state.apply(event{seq, {}, events[0]}));
  ASSERT_TRUE(c.state.apply(event{seq + 1, {}, events[1]}));
  EXPECT_EQ(c.state.find_vote("v1")->state, vote::status::open);
}

TEST(Replay, DecideNeverChangesTheState) {
  test::congress c = scenario();
  const congress_state before = c.state;
  context ctx{c.person_actor("CH"), c.now, {}};
  auto d = decide(c.state, create_sitting{"s5", "会议", "2026-12-01"}, ctx);
  ASSERT_TRUE(d);
  EXPECT_TRUE(c.state == before);
  // And the same inputs give the same decision.
  auto again = decide(c.state, create_sitting{"s5", "会议", "2026-12-01"}, ctx);
  EXPECT_EQ(d->events, again->events);
}

}  // namespace
}  // namespace plenum::server::domain
