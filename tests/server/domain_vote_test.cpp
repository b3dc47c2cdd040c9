#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "domain/ballot_check.hpp"
#include "domain/views.hpp"
#include "domain_fixture.hpp"

namespace plenum::server::domain {
namespace {

using test::abstain;
using test::no;
using test::yes;

using test::delegate_number;
namespace json = boost::json;

create_vote make_vote(std::string id, std::string item, std::string kind, std::string title) {
  create_vote v;
  v.vote_id = std::move(id);
  v.sitting_id = "s1";
  v.item_id = std::move(item);
  v.kind = std::move(kind);
  v.title = std::move(title);
  return v;
}

struct vote_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override {
    c.prepare_sitting(9);
    c.complete_ceremony();
    c.open_with_item("i1", "report");
  }
  void create_motion(const std::string& id = "v1", std::string rule = "") {
    create_vote v;
    v.vote_id = id;
    v.sitting_id = "s1";
    v.item_id = "i1";
    v.kind = "motion";
    v.title = "关于党委工作报告的决议";
    v.rule = std::move(rule);
    ASSERT_TRUE(c.as("CH", v));
  }
  result<decision> cast(const std::string& number, const std::string& vote_id,
                        const crypto::ballot_choices& choices, int seed = 0) {
    return c.as(number, cast_ballot{vote_id, c.ballot_for(number, vote_id, choices, seed)});
  }
};

TEST_F(vote_case, OpeningSnapshotsDenominatorsAndRoster) {
  create_motion();
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  const vote& v = *c.state.find_vote("v1");
  EXPECT_EQ(v.state, vote::status::open);
  EXPECT_EQ(v.seated, 10u);
  EXPECT_EQ(v.present, 9u);
  EXPECT_EQ(v.eligible.size(), 10u);
  EXPECT_EQ(v.roster.size(), 10u);
  EXPECT_TRUE(std::is_sorted(v.roster.begin(), v.roster.end()));
  EXPECT_EQ(v.election_hash.size(), 64u);
  EXPECT_EQ(c.as("CH", open_vote{"v1"}).error(), errc::vote_already_open);
}

TEST_F(vote_case, OpeningAppendsTheRosterThenVoteOpenedOfFormatTwo) {
  create_motion();
  const std::uint64_t first = c.state.next_seq();
  auto d = c.as("CH", open_vote{"v1"});
  ASSERT_TRUE(d);
  ASSERT_EQ(d->events.size(), 2u);
  const auto* roster = std::get_if<protocol::events::vote_roster>(&d->events[0]);
  const auto* opened = std::get_if<protocol::events::vote_opened>(&d->events[1]);
  ASSERT_NE(roster, nullptr);
  ASSERT_NE(opened, nullptr);
  EXPECT_EQ(roster->eligible.size(), 10u);
  EXPECT_EQ(roster->roster.size(), 10u);
  EXPECT_EQ(roster->roster_hash, crypto::roster_hash(roster->roster));
  EXPECT_EQ(roster->roster_root, crypto::roster_root(roster->roster));
  EXPECT_EQ(opened->format, 2u);
  EXPECT_EQ(opened->roster_seq, first);
  EXPECT_EQ(opened->roster_count, 10u);
  EXPECT_EQ(opened->roster_root, roster->roster_root);
  EXPECT_EQ(opened->roster_hash, roster->roster_hash);
  EXPECT_TRUE(opened->eligible.empty());
  EXPECT_TRUE(opened->roster.empty());
  // The payload of format 2 lists neither.
  const json::object payload = protocol::event_payload_object(d->events[1]);
  EXPECT_FALSE(payload.contains("eligible"));
  EXPECT_FALSE(payload.contains("roster"));
  EXPECT_EQ(payload.at("format").to_number<int>(), 2);
  const vote& v = *c.state.find_vote("v1");
  EXPECT_EQ(v.roster_seq, first);
  EXPECT_EQ(v.opened_seq, first + 1);
  EXPECT_EQ(v.roster_root, crypto::to_hex(roster->roster_root));
  ASSERT_TRUE(v.tree.tree);
  EXPECT_EQ(v.tree.tree->count(), 10u);
}

TEST_F(vote_case, BallotAcceptanceRules) {
  create_motion();
  EXPECT_EQ(cast("D001", "v1", yes).error(), errc::vote_not_open);
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  auto first = c.ballot_for("D001", "v1", yes);
  auto accepted = c.as("D001", cast_ballot{"v1", first});
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->events.size(), 1u);
  const auto seq = c.log.back().seq;
  const auto tracking = c.log.back().payload.at("tracking_code").as_string();
  // The identical ballot again: the original receipt data, no new event.
  auto again = c.as("D001", cast_ballot{"v1", first});
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->events.empty());
  ASSERT_TRUE(again->repeat);
  EXPECT_EQ(again->repeat->seq, seq);
  EXPECT_EQ(crypto::to_hex(again->repeat->tracking_code), tracking);
  // A different second ballot.
  EXPECT_EQ(cast("D001", "v1", no, 1).error(), errc::already_voted);
  // Not checked in, not a delegate, not oneself.
  EXPECT_EQ(c.as("D010", cast_ballot{"v1", c.ballot_for("D010", "v1", yes)}).error(),
            errc::not_checked_in);
  EXPECT_EQ(c.as("AL", cast_ballot{"v1", first}).error(), errc::not_a_voter);
  EXPECT_EQ(c.as("CH", cast_ballot{"v1", first}).error(), errc::not_a_voter);
  EXPECT_EQ(c.as("D002", cast_ballot{"v1", first}).error(), errc::not_yourself);
  // ballot_id and alphas are single-use.
  auto reuse_id = c.ballot_for("D002", "v1", yes);
  reuse_id.ballot_id = first.ballot_id;
  EXPECT_EQ(c.as("D002", cast_ballot{"v1", reuse_id}).error(), errc::ballot_id_reused);
  auto reuse_alpha = c.ballot_for("D002", "v1", yes);
  reuse_alpha.contests[0].options[1].ct.alpha = first.contests[0].options[1].ct.alpha;
  EXPECT_EQ(c.as("D002", cast_ballot{"v1", reuse_alpha}).error(), errc::ciphertext_reused);
  // Crypto failures: a contest proof made for other ciphertexts, a signature of another
  // ballot. (Encodings that do not decode are refused by the protocol before the domain.)
  auto bad_proof = c.ballot_for("D002", "v1", yes);
  bad_proof.contests[0].proof = c.ballot_for("D002", "v1", yes, 7).contests[0].proof;
  EXPECT_EQ(c.as("D002", cast_ballot{"v1", bad_proof}).error(), errc::bad_proof);
  auto bad_sig = c.ballot_for("D002", "v1", yes);
  bad_sig.sig = c.ballot_for("D002", "v1", yes, 8).sig;
  EXPECT_EQ(c.as("D002", cast_ballot{"v1", bad_sig}).error(), errc::bad_signature);
  auto malformed = c.ballot_for("D002", "v1", yes);
  malformed.contests.clear();
  EXPECT_EQ(c.as("D002", cast_ballot{"v1", malformed}).error(), errc::malformed_ballot);
  // Shape before uniqueness: 150 copies of the one valid contest are malformed, not reused.
  auto copies = c.ballot_for("D002", "v1", yes);
  const auto one = copies.contests[0];
  for (int i = 1; i < 150; ++i) copies.contests.push_back(one);
  EXPECT_EQ(c.as("D002", cast_ballot{"v1", copies}).error(), errc::malformed_ballot);
  EXPECT_TRUE(cast("D002", "v1", yes));
  auto progress = vote_progress(c.state, "v1");
  ASSERT_TRUE(progress);
  EXPECT_EQ(progress->at("received").to_number<std::int64_t>(), 2);
  EXPECT_EQ(progress->at("eligible_present").to_number<std::int64_t>(), 9);
  EXPECT_EQ(progress->at("not_voted").as_array().size(), 7u);
  EXPECT_EQ(progress->at("not_voted").as_array()[0].as_string(), "D003");
}

TEST_F(vote_case, BallotCheckedOutsideTheLockIsUsedOnlyForTheSameBasis) {
  create_motion();
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  auto basis = ballot_basis_for(c.state, "v1");
  ASSERT_TRUE(basis);
  const auto good = c.ballot_for("D001", "v1", yes);
  auto tampered = good;
  tampered.sig = crypto::signature{};

  // A verdict made for the vote's basis is the verdict: the same ballot object, checked
  // beforehand, is refused when its check said so and accepted when it passed.
  cast_ballot refused{"v1", tampered};
  refused.checked = std::make_shared<const ballot_check>(check_ballot(*basis, tampered));
  ASSERT_FALSE(refused.checked->verdict);
  EXPECT_EQ(c.as("D001", refused).error(), errc::bad_signature);

  // A verdict made against another basis (here another joint key) is ignored: the ballot is
  // checked again while deciding, so a stale or foreign check cannot let a ballot through.
  auto foreign = *basis;
  foreign.joint_key = crypto::point::small_multiple(7);
  cast_ballot stale{"v1", tampered};
  auto check = check_ballot(*basis, good);  // a passing verdict, but for a different ballot
  check.joint_key = foreign.joint_key;
  stale.checked = std::make_shared<const ballot_check>(std::move(check));
  EXPECT_FALSE(stale.checked->made_for(basis->election_hash, basis->joint_key));
  EXPECT_EQ(c.as("D001", stale).error(), errc::bad_signature);

  cast_ballot accepted{"v1", good};
  accepted.checked = std::make_shared<const ballot_check>(check_ballot(*basis, good));
  ASSERT_TRUE(accepted.checked->verdict);
  auto ok = c.as("D001", accepted);
  ASSERT_TRUE(ok);
  EXPECT_EQ(c.log.back().payload.at("digest").as_string(),
            crypto::to_hex(accepted.checked->verdict->digest));

  // No basis for a vote that is not open.
  ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  EXPECT_FALSE(ballot_basis_for(c.state, "v1"));
  EXPECT_FALSE(ballot_basis_for(c.state, "no-such-vote"));
}

TEST_F(vote_case, MotionFromBallotsToOutcome) {
  create_motion();
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  for (std::size_t i = 1; i <= 9; ++i)
    ASSERT_TRUE(cast(delegate_number(i), "v1", i <= 6 ? yes : (i <= 8 ? no : abstain)));
  EXPECT_EQ(c.as_system(record_result{"v1", {6, 2, 1}}).error(), errc::vote_still_open);
  ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  EXPECT_EQ(cast("D009", "v1", yes, 3).error(), errc::vote_not_open);
  EXPECT_EQ(c.as_system(record_result{"v1", {6, 2}}).error(), errc::invalid_tally);
  EXPECT_EQ(c.as_system(record_result{"v1", {6, 2, 2}}).error(), errc::invalid_tally);
  ASSERT_TRUE(c.as_system(record_result{"v1", {6, 2, 1}}));
  // A passed motion on a report adopts its resolution in the same decision.
  ASSERT_GE(c.log.size(), 2u);
  EXPECT_EQ(c.log.back().type, "resolution_adopted");
  const auto& p = c.log[c.log.size() - 2].payload;
  EXPECT_EQ(c.log[c.log.size() - 2].type, "vote_decided");
  EXPECT_EQ(p.at("seated").to_number<std::int64_t>(), 10);
  EXPECT_EQ(p.at("present").to_number<std::int64_t>(), 9);
  EXPECT_EQ(p.at("ballots").to_number<std::int64_t>(), 9);
  auto outcome = json::parse(p.at("outcome").as_string()).as_object();
  EXPECT_TRUE(outcome.at("passed").as_bool());  // 6 > 10/2
  EXPECT_EQ(c.as_system(record_result{"v1", {6, 2, 1}}).error(), errc::result_exists);
  auto snapshot = public_snapshot(c.state, "s1");
  EXPECT_EQ(snapshot->at("votes").as_array()[0].at("status").as_string(), "decided");
}

TEST_F(vote_case, FiveOfTenIsNotAMajorityOfSeated) {
  create_motion();
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  ASSERT_TRUE(c.as("CH", close_vote{"v1"}));
  // No ballots were cast, so no count can be above zero.
  EXPECT_EQ(c.as_system(record_result{"v1", {5, 4, 0}}).error(), errc::invalid_tally);
  ASSERT_TRUE(c.as_system(record_result{"v1", {0, 0, 0}}));
  auto outcome = json::parse(c.log.back().payload.at("outcome").as_string()).as_object();
  EXPECT_FALSE(outcome.at("passed").as_bool());
}

TEST_F(vote_case, OpeningPreconditions) {
  create_motion();
  ASSERT_TRUE(c.as("SE", add_item{"s1", "i2", "major_matter", "重大事项", 2, "镇长", ""}));
  ASSERT_TRUE(c.as("CH", set_current_item{"s1", "i2"}));
  EXPECT_EQ(c.as("CH", open_vote{"v1"}).error(), errc::item_not_current);
  ASSERT_TRUE(c.as("CH", set_current_item{"s1", "i1"}));
  EXPECT_EQ(c.as("CH", open_vote{"nope"}).error(), errc::unknown_vote);
  ASSERT_TRUE(c.as("CH", open_vote{"v1"}));
  EXPECT_EQ(c.as("CH", set_current_item{"s1", "i2"}).error(), errc::vote_still_open);
  EXPECT_EQ(c.as("CH", close_sitting{"s1"}).error(), errc::vote_still_open);
}

TEST(VoteCeremony, AVoteOpensOnlyAfterTheKeyCeremony) {
  test::congress c(10);
  c.prepare_sitting(8);
  c.open_with_item("i1", "report");
  ASSERT_TRUE(c.as("CH", make_vote("v1", "i1", "motion", "决议")));
  EXPECT_EQ(c.as("CH", open_vote{"v1"}).error(), errc::no_ceremony);
  ASSERT_TRUE(c.as("CH", start_ceremony{"s1", {"S1", "S2", "S3"}, 2}));
  EXPECT_EQ(c.as("CH", open_vote{"v1"}).error(), errc::ceremony_in_progress);
}

TEST_F(vote_case, VoteDefinitionChecks) {
  create_vote v = make_vote("v2", "i1", "election", "选举");
  v.seats = 1;
  v.candidates = {"甲", "乙"};
  EXPECT_EQ(c.as("CH", v).error(), errc::invalid_vote);  // a report item holds no election
  ASSERT_TRUE(c.as("SE", add_item{"s1", "el", "election", "选举党委委员", 3, "", ""}));
  ASSERT_TRUE(c.as("SE", add_item{"s1", "br", "briefing", "通报", 4, "", ""}));
  ASSERT_TRUE(c.as("SE", add_item{"s1", "pr", "other", "程序事项", 5, "", ""}));
  v.item_id = "el";
  // 差额: 5 seats need ceil(6) = 6 candidates.
  v.seats = 5;
  v.candidates = {"甲", "乙", "丙", "丁", "戊"};
  EXPECT_EQ(c.as("CH", v).error(), errc::not_enough_candidates);
  v.uncontested = true;  // 等额 is allowed when marked
  EXPECT_TRUE(c.as("CH", v));
  v.vote_id = "v3";
  v.uncontested = false;
  v.candidates.push_back("己");
  EXPECT_TRUE(c.as("CH", v));
  v.vote_id = "v4";
  v.candidates = {"甲", "甲", "丙", "丁", "戊", "己"};
  EXPECT_EQ(c.as("CH", v).error(), errc::invalid_vote);
  v.candidates = {"甲", "乙", "丙", "丁", "戊", "己"};
  v.rule = protocol::rule_text(protocol::decision_rule::election(4));
  EXPECT_EQ(c.as("CH", v).error(), errc::invalid_rule);
  v.rule = protocol::rule_text(protocol::decision_rule::motion_two_thirds_of_seated());
  EXPECT_EQ(c.as("CH", v).error(), errc::invalid_rule);
  EXPECT_EQ(c.as("CH", make_vote("v3", "i1", "motion", "x")).error(), errc::vote_exists);
  EXPECT_EQ(c.as("CH", make_vote("v5", "br", "motion", "x")).error(), errc::invalid_vote);
  EXPECT_EQ(c.as("CH", make_vote("v5", "i1", "referendum", "x")).error(), errc::invalid_vote);
  // Named votes for procedural motions only.
  create_vote named = make_vote("v5", "i1", "motion", "x");
  named.open_ballot = true;
  EXPECT_EQ(c.as("CH", named).error(), errc::invalid_vote);
  named.item_id = "pr";
  ASSERT_TRUE(c.as("CH", named));
  EXPECT_FALSE(c.log.back().payload.at("secret").as_bool());
  // A chosen alternative rule is recorded with the vote.
  create_vote two_thirds = make_vote("v6", "i1", "motion", "x");
  two_thirds.rule = protocol::rule_text(protocol::decision_rule::motion_two_thirds_of_seated());
  ASSERT_TRUE(c.as("CH", two_thirds));
  EXPECT_EQ(c.state.find_vote("v6")->rule, protocol::decision_rule::motion_two_thirds_of_seated());
}

TEST_F(vote_case, ElectionShortfallCreatesAFurtherRound) {
  ASSERT_TRUE(c.as("SE", add_item{"s1", "el", "election", "选举党委委员", 3, "", ""}));
  ASSERT_TRUE(c.as("CH", set_current_item{"s1", "el"}));
  create_vote v = make_vote("e1", "el", "election", "选举党委委员（应选2名）");
  v.seats = 2;
  v.candidates = {"陈明", "刘芳", "赵强"};
  ASSERT_TRUE(c.as("CH", v));
  ASSERT_TRUE(c.as("CH", open_vote{"e1"}));
  // A ballot approving all three candidates for two seats cannot be made.
  EXPECT_FALSE(
      crypto::make_ballot(c.state.find_vote("e1")->manifest,
                          *crypto::from_hex_fixed<32>(c.state.find_vote("e1")->election_hash),
                          c.joint_key(), c.keys.at("D001"), {{1, 0}, {1, 0}, {1, 0}}));
  ASSERT_TRUE(cast("D001", "e1", {{1, 0}, {1, 0}, {0, 0}}));
  ASSERT_TRUE(c.as("CH", close_vote{"e1"}));
  // Counts above the one ballot cast do not fit.
  EXPECT_EQ(c.as_system(record_result{"e1", {9, 0, 6, 3, 6, 3}}).error(), errc::invalid_tally);
  ASSERT_TRUE(c.as_system(record_result{"e1", {1, 0, 1, 0, 0, 0}}));
  // One ballot: 陈明 and 刘芳 have 1 approval each, not > 5: a further round for both seats.
  ASSERT_EQ(c.log.back().type, "vote_created");
  const vote& round2 = *c.state.find_vote("e1-2");
  EXPECT_EQ(round2.follow_up_of, "e1");
  EXPECT_EQ(round2.seats, 2u);
  EXPECT_EQ(round2.candidates, (std::vector<std::string>{"陈明", "刘芳", "赵强"}));
  EXPECT_EQ(round2.item_id, "el");
}

TEST_F(vote_case, ElectionTieAtTheLastSeatGoesToARunoffAmongTheTied) {
  ASSERT_TRUE(c.as("SE", add_item{"s1", "el", "election", "选举", 3, "", ""}));
  ASSERT_TRUE(c.as("CH", set_current_item{"s1", "el"}));
  create_vote v = make_vote("e1", "el", "election", "选举（应选2名）");
  v.seats = 2;
  v.candidates = {"陈明", "刘芳", "赵强"};
  ASSERT_TRUE(c.as("CH", v));
  ASSERT_TRUE(c.as("CH", open_vote{"e1"}));
  // 9 ballots: 3 approve 陈明+刘芳, 3 陈明+赵强, 3 刘芳+赵强.
  for (std::size_t i = 1; i <= 9; ++i) {
    crypto::ballot_choices ch = i <= 3   ? crypto::ballot_choices{{1, 0}, {1, 0}, {0, 1}}
                                : i <= 6 ? crypto::ballot_choices{{1, 0}, {0, 1}, {1, 0}}
                                         : crypto::ballot_choices{{0, 0}, {1, 0}, {1, 0}};
    ASSERT_TRUE(cast(delegate_number(i), "e1", ch));
  }
  ASSERT_TRUE(c.as("CH", close_vote{"e1"}));
  // 陈明 6, 刘芳 6, 赵强 6: three tied above 5 for two seats.
  auto decided = c.as_system(record_result{"e1", {6, 0, 6, 3, 6, 3}});
  ASSERT_TRUE(decided);
  ASSERT_EQ(decided->events.size(), 2u);
  const vote& runoff = *c.state.find_vote("e1-2");
  EXPECT_EQ(runoff.candidates.size(), 3u);
  EXPECT_EQ(runoff.seats, 2u);
  auto outcome = json::parse(c.state.find_vote("e1")->outcome_text).as_object();
  EXPECT_EQ(outcome.at("runoff").as_array().size(), 3u);
  EXPECT_EQ(outcome.at("runoff_seats").to_number<std::int64_t>(), 2);
}

}  // namespace
}  // namespace plenum::server::domain
