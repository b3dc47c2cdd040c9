// The county view in-process: two townships' halls opened over their own logs (written weeks
// ago by township_history), the county's accounts on disk and the county service behind fake
// connections. The county account enrolls with the operator's code and reads each township's
// overdue proposals; it can send no township anything, and no township's device gets in.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iterator>

#include "app/options.hpp"
#include "county/county_accounts.hpp"
#include "county/county_service.hpp"
#include "domain/enrollment.hpp"
#include "net_fake_connection.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/messages.hpp"
#include "service/hall_service.hpp"
#include "temp_dir.hpp"
#include "township_history.hpp"

namespace plenum::test {
namespace {

namespace json = boost::json;
namespace county = server::county;
namespace service = server::service;
using server::net::testing::fake_connection;

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::unique_ptr<service::hall_service> open_hall(const std::filesystem::path& dir,
                                                 const std::string& id) {
  service::hall_config config;
  config.data_dir = dir;
  config.congress_id = id;
  auto opened = service::hall_service::open(config);
  if (!opened) throw std::runtime_error(opened.error().message);
  return std::move(*opened);
}

class county_service_test : public ::testing::Test {
 protected:
  void SetUp() override {
    north_history_.emplace(
        write_township_history(dir_ / "north", "north", "北乡", "关于修缮北乡村道的提案", true));
    south_history_.emplace(
        write_township_history(dir_ / "south", "south", "南镇", "关于南镇饮水安全的提案"));
    north_ = open_hall(dir_ / "north", "north");
    south_ = open_hall(dir_ / "south", "south");
    auto accounts = county::county_accounts::open(dir_ / "accounts.json", "demo-county");
    ASSERT_TRUE(accounts) << accounts.error().message;
    auto issued = (*accounts)->issue_missing({{"org", "县委组织部"}}, crypto::system_random());
    ASSERT_TRUE(issued);
    ASSERT_EQ(issued->size(), 1u);
    code_ = issued->front().code;
    county::county_config config;
    config.county_id = "demo-county";
    config.county_name = "示范县";
    crypto::seeded_random random("county key");
    county_ = std::make_unique<county::county_service>(
        config, crypto::secret_key::generate(random).public_part(), std::move(*accounts),
        std::vector<county::county_township>{{"north", north_.get()}, {"south", south_.get()}});
  }

  // A connection to the county service and the hello it got.
  std::pair<std::shared_ptr<fake_connection>, protocol::hello> connect() {
    auto conn = std::make_shared<fake_connection>(++next_conn_);
    county_->on_open(conn);
    auto f = protocol::parse_server_frame(*conn->sent().back());
    EXPECT_TRUE(f);
    auto h = protocol::decode_hello(*f);
    EXPECT_TRUE(h);
    return {conn, *h};
  }

  // Sends `type` with `fields` and returns the reply's type ("ok"/"error") and fields.
  std::pair<std::string, json::object> call(const std::shared_ptr<fake_connection>& conn,
                                            const std::string& type, json::object fields = {}) {
    json::object frame{{"v", 1}, {"id", ++next_id_}, {"type", type}};
    for (const auto& m : fields) frame.emplace(m.key(), m.value());
    const auto before = conn->sent().size();
    county_->on_message(conn, json::serialize(frame));
    const auto sent = conn->sent();
    EXPECT_EQ(sent.size(), before + 1) << type;
    auto f = protocol::parse_server_frame(*sent.back());
    EXPECT_TRUE(f) << *sent.back();
    return {f->type, f->fields};
  }

  static std::string code_of(const std::pair<std::string, json::object>& reply) {
    const auto* c = reply.second.if_contains("code");
    return c != nullptr && c->is_string() ? std::string(c->as_string()) : std::string();
  }

  std::pair<std::string, json::object> enroll(const std::shared_ptr<fake_connection>& conn,
                                              const std::string& account, const std::string& code,
                                              const crypto::secret_key& key) {
    const auto pk = key.public_part();
    const auto canonical = server::domain::enrollment_code::parse(code);
    const std::string signed_code = canonical ? canonical->canonical() : code;
    const auto digest = crypto::enroll_digest("demo-county", account, signed_code, pk);
    return call(conn, "enroll",
                {{"person", account},
                 {"code", code},
                 {"device_pk", pk.hex()},
                 {"signature", key.sign(digest).hex()}});
  }

  std::pair<std::string, json::object> auth(const std::shared_ptr<fake_connection>& conn,
                                            const protocol::hello& h,
                                            const crypto::secret_key& key) {
    crypto::byte_array<32> client_nonce{};
    crypto::system_random().fill(client_nonce);
    const auto pk = key.public_part();
    const auto digest = crypto::auth_digest(h.congress_id, h.server_nonce, client_nonce, pk);
    return call(conn, "auth",
                {{"device_pk", pk.hex()},
                 {"client_nonce", crypto::to_hex(client_nonce)},
                 {"signature", key.sign(digest).hex()}});
  }

  // An authenticated county connection.
  std::shared_ptr<fake_connection> county_officer() {
    auto [conn, h] = connect();
    EXPECT_EQ(enroll(conn, "org", code_, officer_key_).first, "ok");
    auto [c2, h2] = connect();
    EXPECT_EQ(auth(c2, h2, officer_key_).first, "ok");
    return c2;
  }

  temp_dir dir_;
  std::optional<township_history> north_history_, south_history_;
  std::unique_ptr<service::hall_service> north_, south_;
  std::unique_ptr<county::county_service> county_;
  std::string code_;
  crypto::secret_key officer_key_ = [] {
    crypto::seeded_random random("county officer");
    return crypto::secret_key::generate(random);
  }();
  std::uint64_t next_conn_ = 0;
  std::uint64_t next_id_ = 0;
};

TEST_F(county_service_test, overview_shows_each_townships_overdue_proposals_and_only_its_own) {
  const json::object overview = county_->overview();
  EXPECT_EQ(overview.at("county").at("name").as_string(), "示范县");
  const auto& townships = overview.at("townships").as_array();
  ASSERT_EQ(townships.size(), 2u);
  const township_history* histories[] = {&*north_history_, &*south_history_};
  const char* ids[] = {"north", "south"};
  const char* names[] = {"北乡", "南镇"};
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& t = townships[i].as_object();
    EXPECT_EQ(t.at("township").as_string(), ids[i]);
    EXPECT_EQ(t.at("congress_id").as_string(), ids[i]);
    EXPECT_EQ(t.at("congress_name").as_string(), names[i]);
    EXPECT_TRUE(t.at("monthly_reports").is_array());
    EXPECT_EQ(t.at("overdue").at("proposals").to_number<std::int64_t>(), 1);
    const auto& overdue = t.at("overdue_proposals").as_array();
    ASSERT_EQ(overdue.size(), 1u) << json::serialize(t);
    EXPECT_EQ(overdue[0].at("id").as_string(), histories[i]->proposal_id);
    EXPECT_EQ(overdue[0].at("title").as_string(), histories[i]->proposal_title);
    EXPECT_EQ(overdue[0].at("deadline").as_string(), "2026-10-23");
    EXPECT_GT(overdue[0].at("working_days_overdue").to_number<std::int64_t>(), 0);
    // Neither the proposal's words nor the proposer's name go upward.
    EXPECT_EQ(json::serialize(t).find("请有关部门研究解决"), std::string::npos);
    EXPECT_EQ(json::serialize(t).find("代表1"), std::string::npos);
  }
  // North issued September's report; south none: each is past due for the latest month.
  const auto& north = townships[0].as_object();
  ASSERT_EQ(north.at("monthly_reports").as_array().size(), 1u);
  const auto& report = north.at("monthly_reports").as_array()[0].as_object();
  EXPECT_EQ(report.at("month").as_string(), "2026-09");
  EXPECT_EQ(report.at("report_id").as_string(), "MR-2026-09");
  EXPECT_EQ(report.at("report_digest").as_string().size(), 64u);
  EXPECT_TRUE(townships[1].at("monthly_reports").as_array().empty());
  const auto north_late = json::serialize(north.at("reports_late"));
  EXPECT_NE(north_late.find("2026-10"), std::string::npos) << north_late;
  EXPECT_EQ(north_late.find("2026-09"), std::string::npos) << north_late;
  EXPECT_EQ(townships[1].at("reports_late").as_array().size(), 1u);
  EXPECT_EQ(north.at("overdue").at("monthly_reports").to_number<std::int64_t>(),
            static_cast<std::int64_t>(north.at("reports_late").as_array().size()));
  EXPECT_EQ(json::serialize(townships[0]).find("南镇饮水"), std::string::npos);
  EXPECT_EQ(json::serialize(townships[1]).find("北乡村道"), std::string::npos);
}

TEST_F(county_service_test, account_enrolls_with_its_code_once_then_reads_the_overview) {
  auto [conn, h] = connect();
  EXPECT_EQ(h.congress_id, "demo-county");
  EXPECT_EQ(code_of(call(conn, "get_county_overview")), "unauthenticated");
  EXPECT_EQ(code_of(enroll(conn, "org", "0000-0000-0000-0000", officer_key_)),
            "bad_enrollment_code");
  EXPECT_EQ(code_of(enroll(conn, "nobody", code_, officer_key_)), "unknown_person");
  auto ok = enroll(conn, "org", code_, officer_key_);
  ASSERT_EQ(ok.first, "ok") << code_of(ok);
  EXPECT_EQ(ok.second.at("person").as_string(), "org");

  auto [again, h2] = connect();
  crypto::seeded_random random("another device");
  EXPECT_EQ(code_of(enroll(again, "org", code_, crypto::secret_key::generate(random))),
            "enrollment_code_spent");
  auto [conn3, h3] = connect();
  auto a = auth(conn3, h3, officer_key_);
  ASSERT_EQ(a.first, "ok") << code_of(a);
  EXPECT_EQ(a.second.at("person").as_string(), "org");
  EXPECT_EQ(json::serialize(a.second.at("roles")), R"(["county"])");
  auto overview = call(conn3, "get_county_overview");
  ASSERT_EQ(overview.first, "ok") << code_of(overview);
  EXPECT_EQ(overview.second.at("townships").as_array().size(), 2u);
  EXPECT_EQ(code_of(call(conn3, "get_county_overview", {{"township", "north"}})), "invalid_field");
}

TEST_F(county_service_test, county_account_sends_no_township_anything) {
  auto conn = county_officer();
  const auto north_events = north_->event_count();
  const auto south_events = south_->event_count();
  const std::pair<std::string, json::object> commands[] = {
      {"accept_proposal", {{"proposal_id", north_history_->proposal_id}, {"unit", "县交通局"}}},
      {"answer_proposal", {{"proposal_id", north_history_->proposal_id}, {"text", "已办"}}},
      {"submit_proposal", {{"title", "县里的提案"}, {"text", "文本"}}},
      {"get_proposals", {}},
      {"get_roster", {}},
      {"issue_enrollment_code", {{"person", "D002"}}},
      {"export_record", {}},
      {"get_state", {}},
      {"subscribe", {{"topics", json::array{"board"}}}},
  };
  for (const auto& [type, fields] : commands)
    EXPECT_EQ(code_of(call(conn, type, fields)), "permission_denied") << type;
  EXPECT_EQ(code_of(call(conn, "frobnicate")), "unknown_message_type");
  EXPECT_EQ(north_->event_count(), north_events);
  EXPECT_EQ(south_->event_count(), south_events);
}

TEST_F(county_service_test, a_townships_devices_are_strangers_to_the_county) {
  auto [conn, h] = connect();
  EXPECT_EQ(code_of(auth(conn, h, north_history_->secretary)), "unknown_device_key");
  EXPECT_EQ(code_of(call(conn, "get_county_overview")), "unauthenticated");
  // A signature over another server's challenge does not open the county's door either.
  auto [conn2, h2] = connect();
  protocol::hello wrong = h2;
  wrong.congress_id = "north";
  EXPECT_EQ(code_of(auth(conn2, wrong, north_history_->secretary)), "bad_auth_signature");
}

TEST_F(county_service_test, accounts_file_keeps_no_code_and_the_enrollment_survives_a_restart) {
  (void)county_officer();
  const auto file = dir_ / "accounts.json";
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const std::string text = read_all(file);
  EXPECT_EQ(text.find(code_), std::string::npos);
  EXPECT_NE(text.find(officer_key_.public_part().hex()), std::string::npos);

  auto reopened = county::county_accounts::open(file, "demo-county");
  ASSERT_TRUE(reopened);
  EXPECT_TRUE((*reopened)->find_device(officer_key_.public_part()));
  auto again = (*reopened)->issue_missing({{"org", "县委组织部"}}, crypto::system_random());
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->empty());
  auto bad = (*reopened)->issue_missing({{"org 2", "x"}}, crypto::system_random());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error(), errc::invalid_field);

  ::chmod(file.c_str(), 0644);
  auto exposed = county::county_accounts::open(file, "demo-county");
  ASSERT_FALSE(exposed);
  EXPECT_NE(exposed.error().message.find("readable or writable by others"), std::string::npos);
}

TEST_F(county_service_test, a_reissued_code_enrolls_a_new_device_that_replaces_the_old) {
  (void)county_officer();
  auto accounts = county::county_accounts::open(dir_ / "accounts.json", "demo-county");
  ASSERT_TRUE(accounts);
  auto unknown = (*accounts)->reissue({"nobody"}, crypto::system_random());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error(), errc::unknown_person);
  auto fresh = (*accounts)->reissue({"org"}, crypto::system_random());
  ASSERT_TRUE(fresh);
  ASSERT_EQ(fresh->size(), 1u);
  // Until the new code is used the old device still reads; then only the new one.
  EXPECT_TRUE((*accounts)->find_device(officer_key_.public_part()));
  crypto::seeded_random random("replacement device");
  const auto replacement = crypto::secret_key::generate(random);
  const auto code = server::domain::enrollment_code::parse(fresh->front().code);
  ASSERT_TRUE(code);
  const auto pk = replacement.public_part();
  EXPECT_EQ((*accounts)
                ->enroll("org", code_, pk,
                         replacement.sign(crypto::enroll_digest("demo-county", "org", code_, pk)))
                .error(),
            errc::bad_enrollment_code);
  ASSERT_TRUE((*accounts)->enroll(
      "org", fresh->front().code, pk,
      replacement.sign(server::domain::enrollment_digest("demo-county", "org", *code, pk))));
  EXPECT_FALSE((*accounts)->find_device(officer_key_.public_part()));
  EXPECT_EQ((*accounts)->find_device(pk)->id, "org");
}

TEST(county_options_test, townships_and_county_accounts_parse_and_bad_ones_are_refused) {
  using server::app::parse_options;
  auto o = parse_options({"--township", "north=北乡", "--township", "south=南镇",
                          "--township-roster", "north=/tmp/r.csv", "--township-membership",
                          "north=100,40,5", "--county-account", "org=县委组织部"});
  ASSERT_EQ(o.townships.size(), 2u);
  EXPECT_EQ(o.townships[0].id, "north");
  EXPECT_EQ(o.townships[0].name, "北乡");
  EXPECT_EQ(o.townships[0].roster->string(), "/tmp/r.csv");
  EXPECT_EQ(o.townships[0].membership, (std::vector<std::uint64_t>{100, 40, 5}));
  EXPECT_FALSE(o.townships[1].roster);
  ASSERT_EQ(o.county_accounts.size(), 1u);
  EXPECT_EQ(o.county_accounts[0].first, "org");
  EXPECT_TRUE(parse_options({}).townships.empty());

  const std::vector<std::vector<std::string>> bad = {
      {"--township", "north"},
      {"--township", "North=北乡"},
      {"--township", "north="},
      {"--township", "north=北乡", "--township", "north=北乡2"},
      {"--township", "north=北乡", "--township-roster", "south=r.csv"},
      {"--township", "north=北乡", "--township-membership", "north=1,2"},
      {"--county-account", "org=组织部"},
      {"--county-reissue", "org"},
      {"--township", "north=北乡", "--init-demo"},
  };
  for (const auto& args : bad) EXPECT_THROW((void)parse_options(args), std::invalid_argument);
}

}  // namespace
}  // namespace plenum::test
