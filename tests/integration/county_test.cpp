// Townships and the county through a real plenumd over TLS: north and south hold logs written
// weeks ago (tests/server/township_history: a proposal accepted with a deadline that has passed),
// east is created by plenumd from its roster. The county organisation department's account
// enrolls with the operator's code and sees each township's overdue proposals; no township's
// device reads another township, the county account sends no township anything, and each
// township's record exports and verifies on its own with plenum-verify against its own key.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "hall_client.hpp"
#include "plenum/crypto/random.hpp"
#include "plenumd_process.hpp"
#include "township_history.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string roster_csv() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  for (int i = 1; i <= 10; ++i)
    csv += "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ",东镇代表" +
           std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") +
           ",汉族,farming,U1,G1,delegate,no\n";
  csv += "SE,东镇秘书,女,汉族,cadre,,,secretary,no\n";
  return csv;
}

// The code of county account `account` from plenumd's county-credentials.txt.
std::string county_code(const std::filesystem::path& data, const std::string& account) {
  std::istringstream in(read_file(data / "county" / "county-credentials.txt"));
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(account + "\t", 0) == 0) return line.substr(line.rfind('\t') + 1);
  return {};
}

crypto::secret_key make_key(const std::string& label) {
  crypto::seeded_random random("county test " + label);
  return crypto::secret_key::generate(random);
}

bool holds(const json::value& v, std::string_view text) {
  return json::serialize(v).find(text) != std::string::npos;
}

class county_test : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<temp_dir>();
    data_ = dir_->path() / "data";
    north_.emplace(test::write_township_history(data_ / "townships" / "north", "north", "北乡",
                                                "关于修缮北乡村道的提案", true));
    south_.emplace(test::write_township_history(data_ / "townships" / "south", "south", "南镇",
                                                "关于南镇饮水安全的提案"));
    std::ofstream(dir_->path() / "east.csv") << roster_csv();
    server_ = std::make_unique<plenumd_process>(
        PLENUMD_BINARY, data_, dir_->path() / "plenumd.log",
        std::vector<std::string>{
            "--township", "north=北乡", "--township", "south=南镇", "--township", "east=东镇",
            "--township-roster", "east=" + (dir_->path() / "east.csv").string(),
            "--township-membership", "east=100,40,5", "--county-id", "demo-county", "--county-name",
            "示范县", "--county-account", "org=县委组织部"});
    auto port = server_->wait_ready(120s);
    ASSERT_TRUE(port) << read_file(dir_->path() / "plenumd.log");
    port_ = *port;
  }
  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->stop(SIGTERM, 60s), 0);
    }
  }

  // A connection to township `id` authenticated with `key` (the reply's code in `code`).
  hall_client township(const std::string& id, const crypto::secret_key& key, std::string& code) {
    hall_client c(port_, "/ws/township/" + id);
    code = c.auth(key).code();
    return c;
  }

  // The county officer, enrolled with the operator's code and authenticated.
  hall_client county_officer() {
    {
      hall_client c(port_, "/ws/county");
      auto enrolled = enroll(c, "org", county_code(data_, "org"), officer_);
      EXPECT_TRUE(enrolled.ok()) << enrolled.code();
    }
    hall_client c(port_, "/ws/county");
    auto a = c.auth(officer_);
    EXPECT_TRUE(a.ok()) << a.code();
    return c;
  }

  std::unique_ptr<temp_dir> dir_;
  std::filesystem::path data_;
  std::optional<test::township_history> north_, south_;
  std::unique_ptr<plenumd_process> server_;
  std::uint16_t port_ = 0;
  crypto::secret_key officer_ = make_key("officer");
};

TEST_F(county_test, county_account_sees_each_townships_overdue_proposals) {
  EXPECT_EQ(hall_client(port_).hello().congress_id, "north");  // the first township on /ws
  EXPECT_EQ(hall_client(port_, "/ws/township/south").hello().congress_id, "south");
  EXPECT_EQ(hall_client(port_, "/ws/county").hello().congress_id, "demo-county");
  EXPECT_THROW(hall_client(port_, "/ws/township/west"), std::runtime_error);
  EXPECT_EQ(hall_client(port_, "/ws/county").call("get_county_overview").code(), "unauthenticated");

  auto county = county_officer();
  auto overview = county.call("get_county_overview");
  ASSERT_TRUE(overview.ok()) << overview.code();
  EXPECT_EQ(str(overview.fields.at("county").as_object(), "name"), "示范县");
  const auto& townships = overview.fields.at("townships").as_array();
  ASSERT_EQ(townships.size(), 3u) << json::serialize(overview.fields);
  const test::township_history* histories[] = {&*north_, &*south_};
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& t = townships[i].as_object();
    EXPECT_EQ(t.at("overdue").at("proposals").to_number<int>(), 1) << json::serialize(t);
    const auto& overdue = t.at("overdue_proposals").as_array();
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(str(overdue[0].as_object(), "id"), histories[i]->proposal_id);
    EXPECT_EQ(str(overdue[0].as_object(), "title"), histories[i]->proposal_title);
    EXPECT_EQ(str(overdue[0].as_object(), "deadline"), "2026-10-23");
  }
  EXPECT_EQ(str(townships[0].as_object(), "congress_name"), "北乡");
  // North's monthly report reaches the county with the digest north issued.
  std::string code;
  auto north_se = township("north", north_->secretary, code);
  ASSERT_EQ(code, "");
  auto issued = north_se.call("get_monthly_report", {{"month", "2026-09"}});
  ASSERT_TRUE(issued.ok()) << issued.code();
  const auto& reports = townships[0].at("monthly_reports").as_array();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(str(reports[0].as_object(), "month"), "2026-09");
  EXPECT_EQ(str(reports[0].as_object(), "report_digest"),
            str(issued.fields.at("monthly_report").as_object(), "report_digest"));
  EXPECT_TRUE(townships[1].at("monthly_reports").as_array().empty());
  EXPECT_GE(townships[1].at("overdue").at("monthly_reports").to_number<int>(), 1);
  EXPECT_FALSE(holds(townships[0], "南镇饮水"));
  EXPECT_FALSE(holds(townships[1], "北乡村道"));
  const auto& east = townships[2].as_object();
  EXPECT_EQ(str(east, "township"), "east");
  EXPECT_EQ(str(east, "congress_name"), "东镇");
  EXPECT_EQ(east.at("overdue").at("proposals").to_number<int>(), 0);
}

TEST_F(county_test, no_township_reads_another_and_the_county_commands_none) {
  std::string code;
  auto north_se = township("north", north_->secretary, code);
  ASSERT_EQ(code, "");
  auto mine = north_se.call("get_proposals");
  ASSERT_TRUE(mine.ok()) << mine.code();
  EXPECT_TRUE(holds(mine.fields, north_->proposal_id));
  EXPECT_TRUE(holds(mine.fields, "北乡村道"));
  EXPECT_FALSE(holds(mine.fields, "南镇饮水"));
  // The county's query is no township's.
  EXPECT_FALSE(north_se.call("get_county_overview").ok());

  // North's secretary and delegate are strangers to south and to the county; east's
  // secretary (enrolled through plenumd's roster import) to north.
  (void)township("south", north_->secretary, code);
  EXPECT_EQ(code, "unknown_device_key");
  (void)township("south", north_->delegate, code);
  EXPECT_EQ(code, "unknown_device_key");
  EXPECT_EQ(hall_client(port_, "/ws/county").auth(north_->secretary).code(), "unknown_device_key");
  const auto east_se = make_key("east SE");
  {
    hall_client c(port_, "/ws/township/east");
    auto enrolled = enroll(c, "SE", secretary_code(data_ / "townships" / "east"), east_se);
    ASSERT_TRUE(enrolled.ok()) << enrolled.code();
  }
  (void)township("east", east_se, code);
  EXPECT_EQ(code, "");
  (void)township("north", east_se, code);
  EXPECT_EQ(code, "unknown_device_key");

  // The county account reads, and only reads.
  auto county = county_officer();
  (void)township("north", officer_, code);
  EXPECT_EQ(code, "unknown_device_key");
  EXPECT_EQ(county.call("accept_proposal", {{"proposal_id", north_->proposal_id}, {"unit", "县局"}})
                .code(),
            "permission_denied");
  EXPECT_EQ(county.call("answer_proposal", {{"proposal_id", north_->proposal_id}, {"text", "已办"}})
                .code(),
            "permission_denied");
  EXPECT_EQ(county.call("get_proposals").code(), "permission_denied");
  EXPECT_EQ(county.call("export_record").code(), "permission_denied");
  auto after = north_se.call("get_proposals");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(json::serialize(after.fields.at("proposals")),
            json::serialize(mine.fields.at("proposals")));
}

TEST_F(county_test, each_townships_record_exports_and_verifies_on_its_own) {
  std::map<std::string, std::string> keys;  // township → congress key (hex)
  std::map<std::string, std::string> dirs;  // township → exported record
  for (const auto& [id, history] : {std::pair{"north", &*north_}, std::pair{"south", &*south_}}) {
    std::string code;
    auto se = township(id, history->secretary, code);
    ASSERT_EQ(code, "") << id;
    keys[id] = se.hello().congress_pk.hex();
    auto exported = se.call("export_record");
    ASSERT_TRUE(exported.ok()) << id << " " << exported.code();
    dirs[id] = str(exported.fields.at("record").as_object(), "dir");
    EXPECT_EQ(dirs[id].rfind((data_ / "townships" / id).string(), 0), 0u) << dirs[id];
  }
  EXPECT_NE(keys["north"], keys["south"]);
  const std::string verify = std::string(PLENUM_BINARY_DIR) + "/clients/src/verify/plenum-verify";
  auto run = [&](const std::string& record, const std::string& key) {
    const auto out = dir_->path() / "verify.txt";
    const std::string cmd = verify + " '" + record + "' --threads 2 --congress-key " + key +
                            " > '" + out.string() + "' 2>&1";
    const int status = std::system(cmd.c_str());
    return std::pair{status, read_file(out)};
  };
  for (const char* id : {"north", "south"}) {
    auto [status, text] = run(dirs[id], keys[id]);
    EXPECT_EQ(status, 0) << id << "\n" << text;
  }
  // A township's record is not the other's: against the other's key it fails.
  auto [status, text] = run(dirs["north"], keys["south"]);
  EXPECT_NE(status, 0) << text;
}

}  // namespace
}  // namespace plenum::tests
