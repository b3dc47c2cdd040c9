// Who may send each command: every command against every role, from a state in which the
// command succeeds for the roles that may send it.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "domain/ceremony.hpp"
#include "domain/enrollment.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"

namespace plenum::server::domain {
namespace {

using test::delegate_number;

const std::vector<std::pair<std::string, std::string>> roles = {
    {"chair", "CH"},      {"secretary", "SE"}, {"scrutineer", "S1"},
    {"delegate", "D001"}, {"alternate", "AL"}, {"observer", "OB"},
    {"projector", "PR"},  {"system", ""},      {"device", ""},
};

const std::string outstanding_code = "7K2M-Q9XD-0PAB-4TNV";

// s1: open, 16 of 20 present, ceremony complete, item i1 (report) current, motion v1 created,
// proposal P1 submitted by D001 and accepted, P3 submitted by D002. s2: check-in open, D005–D020
// present. s3: scheduled. D010 holds an unspent code.
const test::congress& base() {
  static const test::congress c = [] {
    test::congress b(20);
    b.prepare_sitting(16);
    b.complete_ceremony();
    b.open_with_item("i1", "report");
    create_vote v;
    v.vote_id = "v1";
    v.sitting_id = "s1";
    v.item_id = "i1";
    v.kind = "motion";
    v.title = "决议";
    EXPECT_TRUE(b.as("CH", v));
    EXPECT_TRUE(b.as("D001", submit_proposal{"P1", "关于修路的提案", "建议……"}));
    EXPECT_TRUE(b.as("SE", accept_proposal{"P1", "交通运输局"}));
    EXPECT_TRUE(b.as("D002", submit_proposal{"P3", "关于修桥的提案", "建议……"}));
    EXPECT_TRUE(b.as("CH", create_sitting{"s2", "临时会议", "2026-06-01"}));
    EXPECT_TRUE(b.as("CH", open_checkin{"s2"}));
    for (std::size_t i = 5; i <= 20; ++i) EXPECT_TRUE(b.check_in_now(delegate_number(i), "s2"));
    EXPECT_TRUE(b.as("CH", create_sitting{"s3", "下次会议", "2026-09-01"}));
    EXPECT_TRUE(b.as("SE", issue_enrollment_code{"D010", outstanding_code, std::string(32, '5')}));
    return b;
  }();
  return c;
}

// base, with P1 answered: only its proposer (D001) may rate it.
const test::congress& with_proposal_answered() {
  static const test::congress c = [] {
    test::congress b = base();
    EXPECT_TRUE(b.as("SE", answer_proposal{"P1", "已列入计划。"}));
    return b;
  }();
  return c;
}

const test::congress& with_vote_open() {
  static const test::congress c = [] {
    test::congress b = base();
    EXPECT_TRUE(b.as("CH", open_vote{"v1"}));
    return b;
  }();
  return c;
}

const test::congress& with_vote_closed() {
  static const test::congress c = [] {
    test::congress b = with_vote_open();
    EXPECT_TRUE(b.as("CH", close_vote{"v1"}));
    return b;
  }();
  return c;
}

// v1 decided by S1's and S2's partial decryptions (k = 2).
const test::congress& with_vote_decided() {
  static const test::congress c = [] {
    test::congress b = with_vote_closed();
    EXPECT_TRUE(b.decrypt("v1", {1, 2}));
    return b;
  }();
  return c;
}

// v1 decided and signed by both scrutineers who decrypted it.
const test::congress& with_result_signed() {
  static const test::congress c = [] {
    test::congress b = with_vote_decided();
    const auto digest = *crypto::from_hex_fixed<32>(b.state.find_vote("v1")->result_digest);
    for (const std::string s : {"S1", "S2"})
      EXPECT_TRUE(b.as(s, sign_result{"v1", b.keys.at(s).sign(digest)}));
    return b;
  }();
  return c;
}

// The actor's signature over v1's result digest.
crypto::signature result_signature_of(const test::congress& c, const std::string& number) {
  const auto digest = *crypto::from_hex_fixed<32>(c.state.find_vote("v1")->result_digest);
  return c.keys.at(number.empty() ? "D001" : number).sign(digest);
}

const test::congress& with_warnings() {
  static const test::congress c = [] {
    test::congress b(10);
    std::string csv = test::roster_csv(10);
    csv.replace(csv.find("delegate,no\n"), 12, "delegate,yes\n");
    EXPECT_TRUE(b.as("SE", import_roster{csv, test::quiet_membership()}));
    return b;
  }();
  return c;
}

const test::congress& with_keys_dealt() {
  static const test::congress c = [] {
    test::congress b = base();
    b.deal_keys("s2");
    return b;
  }();
  return c;
}

const test::congress& with_ceremony_started() {
  static const test::congress c = [] {
    test::congress b = base();
    EXPECT_TRUE(b.as("CH", start_ceremony{"s2", {"S1", "S2", "S3"}, 2}));
    return b;
  }();
  return c;
}

const test::congress& with_excused() {
  static const test::congress c = [] {
    test::congress b = base();
    EXPECT_TRUE(b.as("SE", excuse_delegate{"s2", "D003", "病假", "书记"}));
    return b;
  }();
  return c;
}

// The signing key of an actor label: their own, or D001's for the server and a bare device.
const crypto::secret_key& key_of(const test::congress& c, const std::string& number) {
  return c.keys.at(number.empty() ? "D001" : number);
}

struct authz_case {
  std::string name;
  std::function<const test::congress&()> base;
  std::function<command(test::congress&, const std::string& number)> make;
  std::set<std::string> allowed;
};

std::vector<authz_case> cases() {
  auto fixed = [](command cmd) {
    return [cmd](test::congress&, const std::string&) { return cmd; };
  };
  std::vector<authz_case> out;
  out.push_back({"import_roster",
                 with_warnings,
                 fixed(import_roster{test::roster_csv(10), test::quiet_membership()}),
                 {"secretary", "system"}});
  out.push_back(
      {"acknowledge_warnings", with_warnings, fixed(acknowledge_warnings{}), {"secretary"}});
  out.push_back({"issue_enrollment_code",
                 base,
                 fixed(issue_enrollment_code{"D004", outstanding_code, std::string(32, '6')}),
                 {"secretary", "system"}});
  out.push_back(
      {"enroll_device",
       base,
       [](test::congress&, const std::string&) -> command {
         auto key = test::congress::make_key("D010", 7);
         auto code = *enrollment_code::parse(outstanding_code);
         auto sig = key.sign(enrollment_digest("congress-demo", "D010", code, key.public_part()));
         return enroll_device{"D010", outstanding_code, key.public_part(), sig};
       },
       {"chair", "secretary", "scrutineer", "delegate", "alternate", "observer", "projector",
        "system", "device"}});
  out.push_back({"create_sitting",
                 base,
                 fixed(create_sitting{"s9", "会议", "2026-12-01"}),
                 {"chair", "secretary"}});
  out.push_back({"open_checkin", base, fixed(open_checkin{"s3"}), {"chair"}});
  out.push_back({"close_checkin", base, fixed(close_checkin{"s1"}), {"chair"}});
  out.push_back({"check_in",
                 base,
                 [](test::congress& c, const std::string& number) -> command {
                   const auto& key = key_of(c, number);
                   auto sig = key.sign(crypto::checkin_digest("s2", key.public_part(),
                                                              static_cast<std::uint64_t>(c.now)));
                   return check_in{"s2", c.now, sig};
                 },
                 {"delegate", "alternate", "observer"}});
  out.push_back({"assisted_check_in",
                 base,
                 [](test::congress& c, const std::string& number) -> command {
                   auto sig = key_of(c, number).sign(crypto::checkin_digest(
                       "s2", c.keys.at("D002").public_part(), static_cast<std::uint64_t>(c.now)));
                   return assisted_check_in{"s2", "D002", c.now, "平板故障", sig};
                 },
                 {"secretary"}});
  out.push_back({"excuse_delegate",
                 base,
                 fixed(excuse_delegate{"s2", "D003", "病假", "书记"}),
                 {"chair", "secretary"}});
  out.push_back({"withdraw_excusal",
                 with_excused,
                 fixed(withdraw_excusal{"s2", "D003", "已到会"}),
                 {"chair", "secretary"}});
  out.push_back({"open_sitting", base, fixed(open_sitting{"s2"}), {"chair"}});
  out.push_back({"close_sitting", base, fixed(close_sitting{"s1"}), {"chair"}});
  out.push_back({"add_item",
                 base,
                 fixed(add_item{"s1", "i9", "other", "其他事项", 9, "", ""}),
                 {"chair", "secretary"}});
  out.push_back({"add_item_proposal",
                 base,
                 fixed(add_item{"s1", "i8", "proposal", "代表提案", 8, "镇长", "P1"}),
                 {"chair"}});
  out.push_back({"add_material",
                 base,
                 fixed(add_material{"s1", "i1", "m1", "工作报告", "报告全文", "", ""}),
                 {"chair", "secretary"}});
  out.push_back({"set_current_item", base, fixed(set_current_item{"s1", "i1"}), {"chair"}});
  out.push_back(
      {"submit_proposal", base, fixed(submit_proposal{"P2", "提案", "内容"}), {"delegate"}});
  out.push_back({"set_calendar",
                 base,
                 fixed(set_calendar{2026, {"2026-10-01"}, {"2026-10-10"}}),
                 {"secretary"}});
  out.push_back({"accept_proposal", base, fixed(accept_proposal{"P3", "住建局"}), {"secretary"}});
  out.push_back({"merge_proposal", base, fixed(merge_proposal{"P3", "P1"}), {"secretary"}});
  out.push_back(
      {"convert_proposal", base, fixed(convert_proposal{"P3", "转为意见建议"}), {"secretary"}});
  out.push_back({"answer_proposal", base, fixed(answer_proposal{"P1", "答复"}), {"secretary"}});
  out.push_back({"rate_proposal",
                 with_proposal_answered,
                 fixed(rate_proposal{"P1", "satisfied"}),
                 {"delegate"}});
  out.push_back({"register_contact",
                 base,
                 fixed(register_contact{"C1", "member", "D001", {{{"name", "王建国"}}, {}}}),
                 {"delegate", "secretary"}});
  out.push_back({"create_vote",
                 base,
                 [](test::congress&, const std::string&) -> command {
                   create_vote v;
                   v.vote_id = "v9";
                   v.sitting_id = "s1";
                   v.item_id = "i1";
                   v.kind = "motion";
                   v.title = "决议";
                   return v;
                 },
                 {"chair"}});
  out.push_back({"open_vote", base, fixed(open_vote{"v1"}), {"chair"}});
  out.push_back({"close_vote", with_vote_open, fixed(close_vote{"v1"}), {"chair"}});
  out.push_back({"cast_ballot",
                 with_vote_open,
                 [](test::congress& c, const std::string& number) -> command {
                   const std::string voter = number.empty() ? "D001" : number;
                   return cast_ballot{"v1", c.ballot_for(voter, "v1", {{1, 0, 0}})};
                 },
                 {"delegate"}});
  out.push_back(
      {"record_result", with_vote_closed, fixed(record_result{"v1", {0, 0, 0}}), {"system"}});
  out.push_back(
      {"start_ceremony", base, fixed(start_ceremony{"s2", {"S1", "S2", "S3"}, 2}), {"chair"}});
  out.push_back({"submit_keygen",
                 with_ceremony_started,
                 [](test::congress& c, const std::string&) -> command {
                   // S1's message (the scrutineer of the table); others present it as theirs.
                   auto params = ceremony_params_of(c.state, *c.state.find_sitting("s2"));
                   crypto::seeded_random random("authz keygen");
                   auto msg = crypto::make_keygen_message(*params, 1, c.keys.at("S1"), random);
                   return submit_keygen{"s2", msg};
                 },
                 {"scrutineer"}});
  out.push_back({"confirm_keys",
                 with_keys_dealt,
                 [](test::congress& c, const std::string& number) -> command {
                   const sitting& s = *c.state.find_sitting("s2");
                   auto params = ceremony_params_of(c.state, s);
                   auto keys = ceremony_keys_of(*s.ceremony);
                   auto sig = key_of(c, number).sign(crypto::key_digest(*params, *keys));
                   return confirm_keys{"s2", sig};
                 },
                 {"scrutineer"}});
  out.push_back({"submit_partial",
                 with_vote_closed,
                 [](test::congress& c, const std::string&) -> command {
                   const vote& v = *c.state.find_vote("v1");
                   const sitting& s = *c.state.find_sitting("s1");
                   crypto::seeded_random random("authz partial");
                   auto partial = crypto::make_partial_decryption(
                       *ceremony_params_of(c.state, s), *ceremony_keys_of(*s.ceremony),
                       *crypto::from_hex_fixed<32>(v.election_hash), vote_aggregates(v),
                       c.shares.at("s1").at(1), c.keys.at("S1"), random);
                   return submit_partial{"v1", partial};
                 },
                 {"scrutineer"}});
  out.push_back({"sign_result",
                 with_vote_decided,
                 [](test::congress& c, const std::string& number) -> command {
                   return sign_result{"v1", result_signature_of(c, number)};
                 },
                 {"scrutineer"}});
  out.push_back({"announce_result",
                 with_result_signed,
                 [](test::congress& c, const std::string& number) -> command {
                   return announce_result{"v1", result_signature_of(c, number)};
                 },
                 {"chair"}});
  return out;
}

bool refused_for_role(boost::system::error_code ec) {
  return ec == errc::permission_denied || ec == errc::not_a_voter || ec == errc::not_a_scrutineer ||
         ec == errc::not_yourself || ec == errc::not_the_proposer;
}

TEST(Authorization, EveryCommandAgainstEveryRole) {
  for (const auto& test_case : cases()) {
    for (const auto& [label, number] : roles) {
      test::congress c = test_case.base();
      const actor who = label == "system"   ? actor::system()
                        : label == "device" ? actor::device()
                                            : c.person_actor(number);
      const command cmd = test_case.make(c, number);
      const auto before = c.log.size();
      auto r = c.run(cmd, who);
      if (test_case.allowed.contains(label)) {
        EXPECT_TRUE(r.has_value())
            << test_case.name << " as " << label << ": " << (r ? "" : r.error().message());
        EXPECT_GT(c.log.size(), before) << test_case.name << " as " << label;
      } else {
        ASSERT_FALSE(r.has_value()) << test_case.name << " as " << label << " was accepted";
        EXPECT_TRUE(refused_for_role(r.error()))
            << test_case.name << " as " << label << ": " << r.error().message();
        EXPECT_EQ(c.log.size(), before);
      }
    }
  }
}

TEST(Authorization, CreatingTheCongressIsTheServersAlone) {
  for (const auto& [label, number] : roles) {
    congress_state empty;
    const actor who = label == "system" ? actor::system() : actor::device();
    if (label != "system" && label != "device") continue;
    auto r = decide(empty, create_congress{"c1", "党代会", "2026-01-01", "2030-12-31"},
                    context{who, 0, {}});
    EXPECT_EQ(r.has_value(), label == "system") << label;
  }
  // Persons cannot exist before the congress does; once it exists, a person is refused too.
  const auto& c = base();
  auto r =
      decide(c.state, create_congress{"c2", "x", "", ""}, context{c.person_actor("CH"), 0, {}});
  EXPECT_EQ(r.error(), errc::permission_denied);
  auto again = decide(c.state, create_congress{"c2", "x", "", ""}, context{actor::system(), 0, {}});
  EXPECT_EQ(again.error(), errc::congress_exists);
}

TEST(Authorization, RevokedOrUnknownKeysDoNotAuthenticate) {
  congress_state empty;
  EXPECT_EQ(decide(empty, open_checkin{"s1"}, context{actor::system(), 0, {}}).error(),
            errc::no_congress);
  EXPECT_EQ(authenticate(base().state, test::congress::make_key("stranger").public_part()).error(),
            errc::unknown_device_key);
}

}  // namespace
}  // namespace plenum::server::domain
