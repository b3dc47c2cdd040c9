#include <gtest/gtest.h>

#include "domain/quorum.hpp"
#include "domain/views.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"

namespace plenum::server::domain {
namespace {

using test::delegate_number;

TEST(Quorum, FourFifthsRoundedUpInclusive) {
  EXPECT_EQ(quorum_required(120), 96u);
  EXPECT_TRUE(quorum_holds(120, 96));
  EXPECT_FALSE(quorum_holds(120, 95));
  EXPECT_EQ(quorum_shortfall(120, 95), 1u);
  EXPECT_EQ(quorum_required(118), 95u);  // 94.4 → 95
  EXPECT_EQ(quorum_required(5), 4u);
  EXPECT_EQ(quorum_required(1), 1u);
  EXPECT_EQ(quorum_required(0), 0u);
}

TEST(SittingQuorum, OneHundredTwentySeatedNinetySixOpens) {
  test::congress c(120);
  c.prepare_sitting(96);
  auto view = public_snapshot(c.state, "s1");
  ASSERT_TRUE(view);
  EXPECT_EQ(view->at("seated").to_number<std::int64_t>(), 120);
  EXPECT_EQ(view->at("present").to_number<std::int64_t>(), 96);
  EXPECT_EQ(view->at("quorum").at("shortfall").to_number<std::int64_t>(), 0);
  EXPECT_TRUE(c.as("CH", open_sitting{"s1"}));
  EXPECT_EQ(c.log.back().payload.at("required").to_number<std::int64_t>(), 96);
}

TEST(SittingQuorum, NinetyFiveDoesNotOpen) {
  test::congress c(120);
  c.prepare_sitting(95);
  EXPECT_EQ(c.as("CH", open_sitting{"s1"}).error(), errc::quorum_not_reached);
  auto view = public_snapshot(c.state, "s1");
  EXPECT_EQ(view->at("quorum").at("shortfall").to_number<std::int64_t>(), 1);
  EXPECT_FALSE(view->at("quorum").at("holds").as_bool());
  // Alternates and observers do not count.
  EXPECT_TRUE(c.check_in_now("AL"));
  EXPECT_TRUE(c.check_in_now("OB"));
  EXPECT_EQ(c.as("CH", open_sitting{"s1"}).error(), errc::quorum_not_reached);
  EXPECT_EQ(public_snapshot(c.state, "s1")->at("present").to_number<std::int64_t>(), 95);
  EXPECT_TRUE(c.check_in_now(delegate_number(96)));
  EXPECT_TRUE(c.as("CH", open_sitting{"s1"}));
}

TEST(SittingQuorum, ExcusalsLowerTheSeated) {
  test::congress c(120);
  c.prepare_sitting(94);
  // 120 seated need 96; excusing 3 leaves 117 seated, needing ceil(93.6) = 94.
  for (std::size_t i = 118; i <= 120; ++i)
    ASSERT_TRUE(c.as("SE", excuse_delegate{"s1", delegate_number(i), "病假", "党委书记 王"}));
  auto view = public_snapshot(c.state, "s1");
  EXPECT_EQ(view->at("seated").to_number<std::int64_t>(), 117);
  EXPECT_EQ(view->at("quorum").at("required").to_number<std::int64_t>(), 94);
  EXPECT_TRUE(c.as("CH", open_sitting{"s1"}));
}

TEST(SittingQuorum, ExcusalRules) {
  test::congress c(20);
  c.prepare_sitting(10);
  EXPECT_EQ(c.as("SE", excuse_delegate{"s1", "D001", "病假", "书记"}).error(),
            errc::already_checked_in);
  ASSERT_TRUE(c.as("SE", excuse_delegate{"s1", "D020", "病假", "书记"}));
  EXPECT_EQ(c.log.back().payload.at("approver").as_string(), "书记");
  EXPECT_EQ(c.log.back().payload.at("recorded_by").as_string(), "SE");
  EXPECT_EQ(c.as("SE", excuse_delegate{"s1", "D020", "病假", "书记"}).error(),
            errc::already_excused);
  EXPECT_EQ(c.check_in_now("D020").error(), errc::excused);
  EXPECT_EQ(c.as("SE", excuse_delegate{"s1", "AL", "病假", "书记"}).error(), errc::not_a_voter);
  EXPECT_EQ(c.as("SE", excuse_delegate{"s1", "D019", "", "书记"}).error(), errc::invalid_field);
  EXPECT_EQ(c.as("SE", excuse_delegate{"s1", "D019", "病假", ""}).error(), errc::invalid_field);
  EXPECT_EQ(c.as("SE", excuse_delegate{"s9", "D019", "病假", "书记"}).error(), errc::no_sitting);
}

struct checkin_case : ::testing::Test {
  test::congress c{10};
  void SetUp() override {
    ASSERT_TRUE(c.as("CH", create_sitting{"s1", "年会", "2026-03-01"}));
    ASSERT_TRUE(c.as("CH", open_checkin{"s1"}));
  }
  crypto::signature sign(const std::string& signer, const std::string& subject, std::int64_t ms,
                         const std::string& sitting = "s1") {
    return c.keys.at(signer).sign(crypto::checkin_digest(sitting, c.keys.at(subject).public_part(),
                                                         static_cast<std::uint64_t>(ms)));
  }
};

TEST_F(checkin_case, AValidCheckInIsRecordedWithItsSignature) {
  const auto sig = sign("D001", "D001", c.now);
  ASSERT_TRUE(c.as("D001", check_in{"s1", c.now, sig}));
  EXPECT_EQ(c.log.back().type, "checked_in");
  EXPECT_EQ(c.log.back().payload.at("signature").as_string(), sig.hex());
  EXPECT_FALSE(c.log.back().payload.at("assisted").as_bool());
  EXPECT_TRUE(c.state.find_sitting("s1")->present.contains("D001"));
}

TEST_F(checkin_case, ForgedSignaturesAreRefused) {
  // Signed by someone else's key, over another sitting, or over another time.
  EXPECT_EQ(c.as("D001", check_in{"s1", c.now, sign("D002", "D001", c.now)}).error(),
            errc::bad_checkin_signature);
  EXPECT_EQ(c.as("D001", check_in{"s1", c.now, sign("D001", "D001", c.now, "s2")}).error(),
            errc::bad_checkin_signature);
  EXPECT_EQ(c.as("D001", check_in{"s1", c.now, sign("D001", "D001", c.now + 1)}).error(),
            errc::bad_checkin_signature);
  EXPECT_FALSE(c.state.find_sitting("s1")->present.contains("D001"));
}

TEST_F(checkin_case, ReplayedCheckInIsRefused) {
  const auto sig = sign("D001", "D001", c.now);
  ASSERT_TRUE(c.as("D001", check_in{"s1", c.now, sig}));
  const auto events = c.log.size();
  EXPECT_EQ(c.as("D001", check_in{"s1", c.now, sig}).error(), errc::already_checked_in);
  // Someone else presenting D001's statement is checked against their own key.
  EXPECT_EQ(c.as("D002", check_in{"s1", c.now, sig}).error(), errc::bad_checkin_signature);
  // A statement from another sitting does not carry over.
  ASSERT_TRUE(c.as("CH", create_sitting{"s2", "临时会议", "2026-06-01"}));
  ASSERT_TRUE(c.as("CH", open_checkin{"s2"}));
  EXPECT_EQ(c.as("D001", check_in{"s2", c.now, sig}).error(), errc::bad_checkin_signature);
  EXPECT_EQ(c.log.size(), events + 2);
}

TEST_F(checkin_case, SkewedClockIsRefusedAtTheBound) {
  const std::int64_t bound = settings{}.max_checkin_skew_ms;
  EXPECT_EQ(c.as("D001", check_in{"s1", c.now - bound - 1, sign("D001", "D001", c.now - bound - 1)})
                .error(),
            errc::stale_checkin);
  EXPECT_EQ(c.as("D001", check_in{"s1", c.now + bound + 1, sign("D001", "D001", c.now + bound + 1)})
                .error(),
            errc::stale_checkin);
  EXPECT_TRUE(c.as("D001", check_in{"s1", c.now - bound, sign("D001", "D001", c.now - bound)}));
  EXPECT_TRUE(c.as("D002", check_in{"s1", c.now + bound, sign("D002", "D002", c.now + bound)}));
}

TEST_F(checkin_case, CheckInOnlyWhileOpen) {
  ASSERT_TRUE(c.as("CH", close_checkin{"s1"}));
  EXPECT_EQ(c.check_in_now("D001").error(), errc::checkin_closed);
  ASSERT_TRUE(c.as("CH", open_checkin{"s1"}));
  EXPECT_TRUE(c.check_in_now("D001"));
}

TEST_F(checkin_case, AssistedCheckInIsSignedByTheSecretary) {
  const auto sig = sign("SE", "D003", c.now);
  EXPECT_EQ(c.as("SE", assisted_check_in{"s1", "D003", c.now, "", sig}).error(),
            errc::invalid_field);
  // The delegate's own signature is not the secretary's.
  EXPECT_EQ(
      c.as("SE", assisted_check_in{"s1", "D003", c.now, "平板故障", sign("D003", "D003", c.now)})
          .error(),
      errc::bad_checkin_signature);
  ASSERT_TRUE(c.as("SE", assisted_check_in{"s1", "D003", c.now, "平板故障", sig}));
  const auto& p = c.log.back().payload;
  EXPECT_TRUE(p.at("assisted").as_bool());
  EXPECT_EQ(p.at("secretary").as_string(), "SE");
  EXPECT_EQ(p.at("secretary_pk").as_string(), c.keys.at("SE").public_part().hex());
  EXPECT_EQ(p.at("device_pk").as_string(), c.keys.at("D003").public_part().hex());
  EXPECT_EQ(p.at("reason").as_string(), "平板故障");
  EXPECT_EQ(c.check_in_now("D003").error(), errc::already_checked_in);
  EXPECT_EQ(c.as("SE", assisted_check_in{"s1", "ZZ", c.now, "x", sig}).error(),
            errc::unknown_person);
}

TEST_F(checkin_case, SittingLifecycle) {
  for (std::size_t i = 1; i <= 8; ++i) ASSERT_TRUE(c.check_in_now(delegate_number(i)));
  EXPECT_EQ(c.as("CH", close_sitting{"s1"}).error(), errc::sitting_not_open);
  ASSERT_TRUE(c.as("CH", open_sitting{"s1"}));
  EXPECT_EQ(c.as("CH", open_sitting{"s1"}).error(), errc::sitting_already_open);
  // Late arrivals may still check in.
  EXPECT_TRUE(c.check_in_now("D009"));
  ASSERT_TRUE(c.as("CH", close_sitting{"s1"}));
  EXPECT_EQ(c.check_in_now("D010").error(), errc::sitting_closed);
  EXPECT_EQ(c.as("CH", create_sitting{"s1", "x", "2026-01-01"}).error(), errc::sitting_exists);
}

TEST(SittingQuorum, WithdrawnExcusalSeatsTheDelegateAgain) {
  test::congress c(20);
  c.prepare_sitting(10);
  ASSERT_TRUE(c.as("SE", excuse_delegate{"s1", "D020", "病假", "书记"}));
  EXPECT_EQ(public_snapshot(c.state, "s1")->at("seated").to_number<std::int64_t>(), 19);
  EXPECT_EQ(c.as("SE", withdraw_excusal{"s1", "D019", "已到会"}).error(), errc::not_excused);
  EXPECT_EQ(c.as("SE", withdraw_excusal{"s1", "D020", ""}).error(), errc::invalid_field);
  EXPECT_EQ(c.as("SE", withdraw_excusal{"s1", "ZZZ", "已到会"}).error(), errc::unknown_person);
  EXPECT_EQ(c.as("D001", withdraw_excusal{"s1", "D020", "已到会"}).error(),
            errc::permission_denied);
  ASSERT_TRUE(c.as("CH", withdraw_excusal{"s1", "D020", "已到会"}));
  EXPECT_EQ(c.log.back().type, "excusal_withdrawn");
  EXPECT_EQ(c.log.back().payload.at("recorded_by").as_string(), "CH");
  EXPECT_EQ(public_snapshot(c.state, "s1")->at("seated").to_number<std::int64_t>(), 20);
  EXPECT_EQ(c.as("SE", withdraw_excusal{"s1", "D020", "已到会"}).error(), errc::not_excused);
  EXPECT_TRUE(c.check_in_now("D020"));
}

}  // namespace
}  // namespace plenum::server::domain
