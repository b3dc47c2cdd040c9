#include "motion_sitting.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "plenum/crypto/random.hpp"

namespace plenum::tests {

namespace json = boost::json;

std::string motion_delegate(int i) {
  return "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i);
}

std::string motion_roster_csv(int delegates) {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  for (int i = 1; i <= delegates; ++i)
    csv += motion_delegate(i) + ",代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") +
           ",汉族,farming,U1,G1,delegate,no\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

crypto::secret_key motion_key(const std::string& seed, const std::string& person) {
  crypto::seeded_random random(seed + " " + person);
  return crypto::secret_key::generate(random);
}

void open_motion_sitting(std::uint16_t port, const std::filesystem::path& data,
                         const std::string& congress_id, int delegates, const std::string& seed,
                         motion_sitting& out) {
  hall_client se(port);
  out.keys.insert_or_assign("SE", motion_key(seed, "SE"));
  ASSERT_TRUE(enroll(se, "SE", secretary_code(data), out.keys.at("SE")).ok());
  ASSERT_TRUE(se.auth(out.keys.at("SE")).ok());
  {
    // The small roster has composition warnings (no woman cadre, no minority, …).
    auto acknowledged = se.call("acknowledge_warnings");
    ASSERT_TRUE(acknowledged.ok()) << acknowledged.code();
  }
  auto enroll_person = [&](const std::string& person) {
    auto issued = se.call("issue_enrollment_code", {{"person", person}});
    ASSERT_TRUE(issued.ok()) << person << " " << issued.code();
    out.keys.insert_or_assign(person, motion_key(seed, person));
    hall_client c(port);
    auto r = enroll(c, person, str(issued.fields, "code"), out.keys.at(person));
    ASSERT_TRUE(r.ok()) << person << " " << r.code();
  };
  for (const std::string p : {"CH", "S1", "S2", "S3"}) ASSERT_NO_FATAL_FAILURE(enroll_person(p));
  for (int i = 1; i <= delegates; ++i) ASSERT_NO_FATAL_FAILURE(enroll_person(motion_delegate(i)));
  auto& ch = out.chair.emplace(port);
  ASSERT_TRUE(ch.auth(out.keys.at("CH")).ok());
  ASSERT_TRUE(
      ch.call("create_sitting", {{"sitting_id", "s1"}, {"title", "年会"}, {"date", "2026-03-01"}})
          .ok());
  ASSERT_TRUE(ch.call("open_checkin", {{"sitting_id", "s1"}}).ok());
  for (int i = 1; i <= delegates; ++i) {
    const std::string d = motion_delegate(i);
    auto& c = out.delegates.emplace(i, hall_client(port)).first->second;
    ASSERT_TRUE(c.auth(out.keys.at(d)).ok()) << d;
    ASSERT_TRUE(check_in(c, out.keys.at(d), "s1").ok()) << d;
  }
  {
    auto opened = ch.call("open_sitting", {{"sitting_id", "s1"}});
    ASSERT_TRUE(opened.ok()) << opened.code() << " " << json::serialize(opened.fields);
  }
  {
    auto created = add_motion_item(ch, "s1", "i1", "v1", "关于修路的决议");
    ASSERT_TRUE(created.ok()) << created.code();
  }
  ASSERT_TRUE(
      ch.call("start_ceremony",
              {{"sitting_id", "s1"}, {"scrutineers", json::array{"S1", "S2", "S3"}}, {"k", 2}})
          .ok());
  out.scrutineers = test_scrutineers::run_ceremony(port, congress_id, "s1", {"S1", "S2", "S3"}, 2,
                                                   out.keys, seed + " ceremony");
  ASSERT_TRUE(out.scrutineers);
  ASSERT_TRUE(ch.call("open_vote", {{"vote_id", "v1"}}).ok());
  out.basis = read_vote_basis(out.delegates.at(1), "v1");
  ASSERT_TRUE(out.basis);
}

}  // namespace plenum::tests
