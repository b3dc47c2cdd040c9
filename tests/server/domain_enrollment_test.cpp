#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "domain/enrollment.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"

namespace plenum::server::domain {
namespace {

TEST(EnrollmentCode, PrintableFormAndLenientParsing) {
  crypto::seeded_random random("code test");
  auto code = enrollment_code::generate(random);
  const auto printed = code.printable();
  ASSERT_EQ(printed.size(), 19u);
  EXPECT_EQ(printed[4], '-');
  EXPECT_EQ(printed.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ-"), std::string::npos);
  auto again = enrollment_code::parse(printed);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->canonical(), code.canonical());
  auto typed = enrollment_code::parse("abcd efgh ijkl mnoo");
  ASSERT_TRUE(typed);
  EXPECT_EQ(typed->canonical(), "ABCDEFGH1JK1MN00");
  EXPECT_FALSE(enrollment_code::parse("ABCD-EFGH-JKMN-PQR"));    // 15 characters
  EXPECT_FALSE(enrollment_code::parse("ABCD-EFGH-JKMN-PQRST"));  // 17 characters
  EXPECT_FALSE(enrollment_code::parse("ABCD-EFGH-JKMN-PQRU"));   // U is not Crockford
  EXPECT_NE(enrollment_code::generate(random).canonical(), code.canonical());
}

struct enroll_case : ::testing::Test {
  test::congress c{10};
  crypto::seeded_random random{"enroll case"};

  enrollment_code issue(const std::string& number) {
    auto code = enrollment_code::generate(random);
    auto salt = generate_salt(random);
    EXPECT_TRUE(c.as("SE", issue_enrollment_code{number, code.printable(), crypto::to_hex(salt)}));
    return code;
  }
  result<decision> enroll(const std::string& number, const enrollment_code& code,
                          const crypto::secret_key& key) {
    auto pk = key.public_part();
    auto sig = key.sign(enrollment_digest("congress-demo", number, code, pk));
    return c.run(enroll_device{number, code.printable(), pk, sig}, actor::device());
  }
};

TEST_F(enroll_case, TheLogKeepsOnlyASaltedHash) {
  auto code = issue("D001");
  const std::string text = boost::json::serialize(c.log.back().payload);
  EXPECT_EQ(text.find(code.canonical()), std::string::npos);
  EXPECT_EQ(text.find(code.printable()), std::string::npos);
  EXPECT_NE(text.find("code_hash"), std::string::npos);
}

TEST_F(enroll_case, ACodeIsSpentByItsFirstUse) {
  auto code = issue("D001");
  auto key = test::congress::make_key("D001", 1);
  ASSERT_TRUE(enroll("D001", code, key));
  EXPECT_EQ(enroll("D001", code, test::congress::make_key("D001", 2)).error(),
            errc::enrollment_code_spent);
}

TEST_F(enroll_case, WrongCodeWrongPersonAndNoPossessionAreRefused) {
  auto code = issue("D001");
  auto key = test::congress::make_key("D001", 1);
  auto other = enrollment_code::generate(random);
  EXPECT_EQ(enroll("D001", other, key).error(), errc::bad_enrollment_code);
  EXPECT_EQ(enroll("D002", code, key).error(), errc::bad_enrollment_code);
  EXPECT_EQ(enroll("NOBODY", code, key).error(), errc::unknown_person);
  // A signature by another key than the one presented.
  auto pk = key.public_part();
  auto sig =
      test::congress::make_key("x").sign(enrollment_digest("congress-demo", "D001", code, pk));
  EXPECT_EQ(c.run(enroll_device{"D001", code.canonical(), pk, sig}, actor::device()).error(),
            errc::bad_signature);
  // A key that another person enrolled.
  EXPECT_EQ(enroll("D001", code, c.keys.at("D002")).error(), errc::device_key_in_use);
  // Still usable after those failures.
  EXPECT_TRUE(enroll("D001", code, key));
}

TEST_F(enroll_case, ThePossessionSignatureIsCheckedAndRecorded) {
  auto code = issue("D001");
  auto key = test::congress::make_key("D001", 1);
  const auto pk = key.public_part();
  const auto sig = key.sign(enrollment_digest("congress-demo", "D001", code, pk));
  // Over another person's number: refused, and the code is not spent.
  const auto wrong = key.sign(crypto::possession_digest("congress-demo", "D002", pk));
  EXPECT_EQ(c.run(enroll_device{"D001", code.canonical(), pk, sig, wrong}, actor::device()).error(),
            errc::bad_signature);
  const auto good = key.sign(crypto::possession_digest("congress-demo", "D001", pk));
  ASSERT_TRUE(c.run(enroll_device{"D001", code.canonical(), pk, sig, good}, actor::device()));
  EXPECT_EQ(c.log.back().type, "device_enrolled");
  EXPECT_EQ(c.log.back().payload.at("possession").as_string(), good.hex());
}

TEST_F(enroll_case, ReenrollingRevokesTheOldKey) {
  const auto old_key = c.keys.at("D001").public_part();
  ASSERT_TRUE(authenticate(c.state, old_key));
  auto code = issue("D001");
  // The old key keeps working until the new enrollment.
  ASSERT_TRUE(authenticate(c.state, old_key));
  auto key = test::congress::make_key("D001", 1);
  ASSERT_TRUE(enroll("D001", code, key));
  EXPECT_EQ(c.log.back().payload.at("revoked_pk").as_string(), old_key.hex());
  EXPECT_EQ(authenticate(c.state, old_key).error(), errc::key_revoked);
  auto who = authenticate(c.state, key.public_part());
  ASSERT_TRUE(who);
  EXPECT_EQ(who->person_id, "D001");
  EXPECT_TRUE(who->roles.has(role::delegate));
  EXPECT_EQ(authenticate(c.state, test::congress::make_key("never").public_part()).error(),
            errc::unknown_device_key);
  // The revoked key cannot be enrolled again.
  auto code2 = issue("D001");
  EXPECT_EQ(enroll("D001", code2, test::congress::make_key("D001", 0)).error(),
            errc::device_key_in_use);
}

TEST_F(enroll_case, IssuingNeedsAValidCodeAndSalt) {
  EXPECT_EQ(c.as("SE", issue_enrollment_code{"D001", "short", std::string(32, 'a')}).error(),
            errc::invalid_field);
  auto code = enrollment_code::generate(random);
  EXPECT_EQ(c.as("SE", issue_enrollment_code{"D001", code.printable(), "00"}).error(),
            errc::invalid_field);
  EXPECT_EQ(c.as("SE", issue_enrollment_code{"ZZ", code.printable(), std::string(32, 'a')}).error(),
            errc::unknown_person);
}

}  // namespace
}  // namespace plenum::server::domain
