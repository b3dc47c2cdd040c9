// plenum-loadgen's parts that need no server: percentiles, roster numbers and CSV, the command
// line's bounds, the loopback-only rule, the report, the volume run's plan, and the
// get_ceremony reply its scrutineers read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <plenum/crypto/keygen.hpp>
#include <plenum/crypto/random.hpp>
#include <plenum/protocol/codec_ceremony.hpp>

#include "ceremony_reply.hpp"
#include "hall_servers.hpp"
#include "options.hpp"
#include "report.hpp"
#include "target.hpp"
#include "vote_plan.hpp"

namespace plenum::clients::loadgen {
namespace {

TEST(LoadgenPercentiles, NearestRank) {
  auto s = summarize({5, 1, 4, 2, 3});
  EXPECT_EQ(s.count, 5U);
  EXPECT_EQ(s.p50, 3);
  EXPECT_EQ(s.p90, 5);
  EXPECT_EQ(s.p99, 5);
  EXPECT_EQ(s.max, 5);
  std::vector<double> hundred;
  for (int i = 100; i >= 1; --i) hundred.push_back(i);
  s = summarize(hundred);
  EXPECT_EQ(s.p50, 50);
  EXPECT_EQ(s.p90, 90);
  EXPECT_EQ(s.p99, 99);
  EXPECT_EQ(s.max, 100);
}

TEST(LoadgenPercentiles, EmptyIsZero) {
  const auto s = summarize({});
  EXPECT_EQ(s.count, 0U);
  EXPECT_EQ(s.p99, 0);
}

TEST(LoadgenRoster, NumbersRoundTrip) {
  EXPECT_EQ(delegate_number(7), "D00007");
  EXPECT_EQ(delegate_number(10000), "D10000");
  EXPECT_EQ(delegate_index("D00007"), 7U);
  EXPECT_EQ(delegate_index("D10000"), 10000U);
  EXPECT_EQ(delegate_index("CH"), 0U);
  EXPECT_EQ(delegate_index("D0000x"), 0U);
  EXPECT_EQ(delegate_index("D000071"), 0U);
}

TEST(LoadgenRoster, CsvHasEveryPersonAndMatchingMembership) {
  const std::string csv = roster_csv(3, 2);
  std::istringstream in(csv);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 1U + 3U + 2U + 2U);
  EXPECT_EQ(lines[0], "number,name,gender,ethnicity,occupation,unit,group,roles,committee");
  EXPECT_EQ(lines[1].rfind("D00001,", 0), 0U);
  EXPECT_NE(csv.find("\nCH,"), std::string::npos);
  EXPECT_NE(csv.find("\nSE,"), std::string::npos);
  EXPECT_NE(csv.find("\nS2,"), std::string::npos);
  EXPECT_EQ(csv.find("\nS3,"), std::string::npos);
  EXPECT_EQ(membership(3), "30,15,3");
}

options parse(std::vector<std::string> args) {
  std::string help;
  return parse_options(args, help);
}

TEST(LoadgenOptions, DefaultsAndScenarios) {
  auto o = parse({});
  EXPECT_EQ(o.scenario, "burst");
  EXPECT_EQ(o.burst.count(), 1000);
  EXPECT_TRUE(o.close_vote);
  o = parse({"idle", "--delegates", "10000", "--hold", "5"});
  EXPECT_EQ(o.scenario, "idle");
  EXPECT_EQ(o.delegates, 10000U);
  EXPECT_EQ(o.hold.count(), 5);
  EXPECT_FALSE(parse({"--no-close"}).close_vote);
  std::string help;
  (void)parse_options({"--help"}, help);
  EXPECT_NE(help.find("--burst-ms"), std::string::npos);
}

TEST(LoadgenOptions, AsAppsAndVolume) {
  auto o = parse({"--as-apps"});
  EXPECT_TRUE(o.as_apps);
  EXPECT_EQ(o.scrutineers, 5U);
  EXPECT_EQ(o.threshold, 4U);
  EXPECT_EQ(o.screens, 3U);
  o = parse({"--as-apps", "--scrutineers", "3", "--k", "3", "--screens", "1"});
  EXPECT_EQ(o.scrutineers, 3U);
  EXPECT_EQ(o.threshold, 3U);
  EXPECT_EQ(o.screens, 1U);
  EXPECT_FALSE(parse({}).as_apps);
  EXPECT_EQ(parse({}).scrutineers, 3U);
  o = parse({"volume", "--positions", "5000"});
  EXPECT_EQ(o.scenario, "volume");
  EXPECT_EQ(o.positions, 5000U);
  EXPECT_EQ(parse({"volume"}).positions, 1549702U);
  EXPECT_THROW(parse({"idle", "--as-apps"}), std::invalid_argument);
  EXPECT_THROW(parse({"volume", "--positions", "0"}), std::invalid_argument);
  EXPECT_THROW(parse({"--as-apps", "--screens", "101"}), std::invalid_argument);
}

TEST(LoadgenOptions, RefusesWhatIsOutOfBounds) {
  EXPECT_THROW(parse({"--delegates", "10001"}), std::invalid_argument);
  EXPECT_THROW(parse({"--delegates", "0"}), std::invalid_argument);
  EXPECT_THROW(parse({"--threads", "3"}), std::invalid_argument);
  EXPECT_THROW(parse({"--k", "4", "--scrutineers", "3"}), std::invalid_argument);
  EXPECT_THROW(parse({"--deadline", "0"}), std::invalid_argument);
  EXPECT_THROW(parse({"flood"}), std::invalid_argument);
  EXPECT_THROW(parse({"--no-such-option"}), std::invalid_argument);
  EXPECT_THROW(parse({"check"}), std::invalid_argument);
  EXPECT_THROW(parse({"--server", "127.0.0.1:8443"}), std::invalid_argument);  // no --ca
  EXPECT_THROW(parse({"roster"}), std::invalid_argument);                      // no --out
}

TEST(LoadgenTarget, RefusesAnythingButLoopback) {
  for (const char* server : {"10.1.2.3:8443", "192.168.1.5:443", "example.com:8443"}) {
    auto o = parse({"idle", "--server", server});
    EXPECT_THROW((void)open_target(o, false), std::runtime_error) << server;
  }
}

TEST(LoadgenTarget, AcceptsLoopbackWithoutConnecting) {
  auto o = parse({"idle", "--server", "localhost:9"});
  auto t = open_target(o, false);
  EXPECT_EQ(t.address.host, "127.0.0.1");
  EXPECT_TRUE(t.endpoint.address().is_loopback());
  EXPECT_EQ(t.endpoint.port(), 9);
  EXPECT_EQ(t.process, nullptr);
  o = parse({"idle", "--server", "[::1]:9"});
  EXPECT_THROW((void)open_target(o, false), std::runtime_error);  // brackets are not parsed
}

TEST(LoadgenTarget, EveryServerGivenIsAMachineOfTheHall) {
  auto o = parse({"idle", "--server", "127.0.0.1:9", "--server", "localhost:10"});
  EXPECT_EQ(o.server, "127.0.0.1:9");
  ASSERT_EQ(o.servers.size(), 2U);
  auto t = open_target(o, false);
  ASSERT_EQ(t.endpoints.size(), 2U);
  EXPECT_EQ(t.endpoints[0], t.endpoint);
  EXPECT_EQ(t.endpoints[1].port(), 10);
  EXPECT_TRUE(t.endpoints[1].address().is_loopback());
  o = parse({"idle", "--server", "127.0.0.1:9", "--server", "10.0.0.2:8443"});
  EXPECT_THROW((void)open_target(o, false), std::runtime_error);  // the standby too: loopback
}

TEST(LoadgenTarget, AFreshDataDirectoryGoesWithTheRun) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "plenum-loadgen-test-removed-directory";
  fs::remove_all(dir);
  fs::create_directories(dir / "data");
  std::ofstream(dir / "data" / "plenum.db") << "events";
  {
    removed_directory first(dir);
    // Moved into the target: removed once, by the last owner.
    target t;
    t.temporary = std::move(first);
    EXPECT_TRUE(fs::exists(dir / "data" / "plenum.db"));
  }
  EXPECT_FALSE(fs::exists(dir));
  // Nothing to remove: nothing happens.
  { removed_directory none; }
}

TEST(LoadgenHallServers, ReadsTheHallsAddressesLoopbackOnly) {
  auto e = loopback_endpoint("https://127.0.0.1:8443");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->port(), 8443);
  EXPECT_TRUE(loopback_endpoint("wss://localhost:9000/"));
  EXPECT_TRUE(loopback_endpoint("127.0.0.1:1"));
  EXPECT_TRUE(loopback_endpoint("https://[::1]:8443"));
  for (const char* bad :
       {"https://192.168.1.10:8443", "https://example.com:8443", "https://127.0.0.1",
        "https://127.0.0.1:0", "https://127.0.0.1:65536", "https://127.0.0.1:84x3", ""})
    EXPECT_FALSE(loopback_endpoint(bad)) << bad;
}

TEST(LoadgenHallServers, ARoundStartsWithTheMachineItWasOnThenTheOthersAsLearnt) {
  const auto a = *loopback_endpoint("127.0.0.1:1001");
  const auto b = *loopback_endpoint("127.0.0.1:1002");
  const auto c = *loopback_endpoint("127.0.0.1:1003");
  hall_servers servers({a});
  EXPECT_EQ(servers.round_from(a), (std::vector{a}));
  servers.learn({"https://127.0.0.1:1002", "https://192.168.1.10:8443", "https://127.0.0.1:1001"});
  EXPECT_EQ(servers.round_from(a), (std::vector{a, b}));
  servers.learn({"https://127.0.0.1:1003", "https://127.0.0.1:1002"});
  EXPECT_EQ(servers.round_from(b), (std::vector{b, a, c}));
  EXPECT_EQ(servers.round_from(c), (std::vector{c, a, b}));
}

TEST(LoadgenRoster, ScreensAreProjectors) {
  const auto csv = roster_csv(2, 1, 2);
  EXPECT_NE(csv.find("\nP1,Screen 1,M,Han,industry,,,projector,no\n"), std::string::npos);
  EXPECT_NE(csv.find("\nP2,"), std::string::npos);
  EXPECT_EQ(roster_csv(2, 1).find("projector"), std::string::npos);
}

TEST(LoadgenVolumePlan, ReachesThePositionsWithEveryKind) {
  const auto plan = volume_plan(1000, 1549702);
  std::uint64_t total = 0;
  std::set<std::string> kinds;
  for (const auto& v : plan) {
    total += 1000 * v.positions;
    kinds.insert(v.kind);
  }
  EXPECT_GE(total, 1549702U);
  // Without the last vote it would fall short: no vote more than needed.
  EXPECT_LT(total - 1000 * plan.back().positions, 1549702U);
  EXPECT_EQ(kinds, (std::set<std::string>{"motion", "election", "appraisal", "confidence"}));
  EXPECT_EQ(volume_plan(2, 1).size(), 4U);  // at least one vote of each kind
}

TEST(LoadgenVolumePlan, MarksAreAllowedAndCountAsPlanned) {
  for (const auto& v : volume_plan(5, 1)) {
    crypto::manifest m;
    if (v.kind == "motion")
      m = crypto::motion_manifest(v.vote_id, v.title, v.title);
    else if (v.kind == "election")
      m = crypto::election_manifest(v.vote_id, v.title, v.names, v.seats);
    else if (v.kind == "appraisal")
      m = crypto::appraisal_manifest(v.vote_id, v.title, v.names);
    else
      m = crypto::confidence_manifest(v.vote_id, v.title, v.names);
    std::vector<std::uint64_t> counts;
    std::uint64_t marks = 0;
    for (std::size_t i = 1; i <= 7; ++i) {
      const auto choices = planned_marks(m, v.kind, i);
      EXPECT_FALSE(crypto::check_choices(m, choices).has_value()) << v.kind << " delegate " << i;
      std::size_t positions = 0;
      for (const auto& c : choices) {
        positions += c.size();
        for (auto x : c) marks += x;
      }
      EXPECT_EQ(positions, v.positions);
      add_marks(choices, counts);
    }
    std::uint64_t counted = 0;
    for (auto c : counts) counted += c;
    EXPECT_EQ(counted, marks);
    EXPECT_GT(marks, 0U);
  }
  // An election approves exactly the seats.
  const auto plan = volume_plan(5, 1);
  const auto& e = plan.at(1);
  const auto m = crypto::election_manifest(e.vote_id, e.title, e.names, e.seats);
  std::uint64_t approvals = 0;
  for (const auto& c : planned_marks(m, "election", 3)) approvals += c.at(0);
  EXPECT_EQ(approvals, e.seats);
}

TEST(LoadgenReport, TextAndJsonCarryTheFigures) {
  report r;
  r.scenario = "burst";
  r.receipts = 3;
  r.receipt_latency = summarize({1, 2, 3});
  r.errors["already_voted"] = 2;
  r.server_peak_rss_mib = 12.5;
  std::ostringstream text;
  r.print(text);
  EXPECT_NE(text.str().find("p99 3.0"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("already_voted=2"), std::string::npos);
  const auto j = r.to_json();
  EXPECT_EQ(j.at("receipts").to_number<int>(), 3);
  EXPECT_EQ(j.at("errors").at("already_voted").to_number<int>(), 2);
  EXPECT_EQ(j.at("receipt_latency_ms").at("p99").to_number<double>(), 3.0);
  EXPECT_DOUBLE_EQ(j.at("server_peak_rss_mib").to_number<double>(), 12.5);
  EXPECT_FALSE(j.contains("close_to_result_ms"));
}

// A get_ceremony reply as plenumd makes it: three scrutineers, k = 2, dealer 2's message in.
boost::json::object ceremony_reply_of(const std::vector<crypto::secret_key>& keys,
                                      const crypto::keygen_message& message) {
  boost::json::array scrutineers;
  for (std::size_t i = 0; i < keys.size(); ++i)
    scrutineers.push_back(boost::json::object{{"index", i + 1},
                                              {"person", "S" + std::to_string(i + 1)},
                                              {"pk", keys[i].public_part().hex()}});
  return boost::json::object{
      {"ceremony",
       boost::json::object{{"sitting_id", "s1"},
                           {"congress_id", "c1"},
                           {"ceremony_id", "x"},
                           {"n", keys.size()},
                           {"k", 2},
                           {"scrutineers", std::move(scrutineers)},
                           {"keygen", boost::json::array{protocol::encode_keygen_message(message)}},
                           {"confirmations", boost::json::object{}},
                           {"complete", false}}}};
}

TEST(LoadgenCeremonyReply, DecodesWhatTheScrutineerNeeds) {
  std::vector<crypto::secret_key> keys;
  std::vector<crypto::public_key> pks;
  for (int i = 0; i < 3; ++i) {
    keys.push_back(crypto::secret_key::generate());
    pks.push_back(keys.back().public_part());
  }
  const auto params = crypto::ceremony_params::create("c1", "s1", pks, 2);
  ASSERT_TRUE(params);
  const auto message = crypto::make_keygen_message(*params, 2, keys[1], crypto::system_random());
  const auto reply = ceremony_reply_of(keys, message);

  const auto c = decode_ceremony_reply(reply, "s1");
  ASSERT_TRUE(c.params);
  EXPECT_EQ(c.params->ceremony_id(), params->ceremony_id());
  EXPECT_EQ(c.params->k(), 2U);
  EXPECT_EQ(c.index_of("S3"), 3U);
  EXPECT_EQ(c.index_of("S4"), 0U);
  ASSERT_EQ(c.messages.size(), 1U);
  EXPECT_EQ(c.messages.at(2).dealer, 2U);
  EXPECT_TRUE(crypto::check_keygen_message(*params, c.messages.at(2)));
  EXPECT_FALSE(c.all_messages());  // one of three

  // Another sitting, a scrutineer's bad key, a missing list, indices out of order: refused.
  EXPECT_THROW((void)decode_ceremony_reply(reply, "s2"), std::runtime_error);
  auto bad_pk = reply;
  bad_pk["ceremony"].as_object()["scrutineers"].as_array()[0].as_object()["pk"] = "00";
  EXPECT_THROW((void)decode_ceremony_reply(bad_pk, "s1"), std::runtime_error);
  auto no_keygen = reply;
  no_keygen["ceremony"].as_object().erase("keygen");
  EXPECT_THROW((void)decode_ceremony_reply(no_keygen, "s1"), std::runtime_error);
  auto out_of_order = reply;
  out_of_order["ceremony"].as_object()["scrutineers"].as_array()[0].as_object()["index"] = 2;
  EXPECT_THROW((void)decode_ceremony_reply(out_of_order, "s1"), std::runtime_error);
  auto k_too_big = reply;
  k_too_big["ceremony"].as_object()["k"] = 4;
  EXPECT_THROW((void)decode_ceremony_reply(k_too_big, "s1"), std::runtime_error);
}

}  // namespace
}  // namespace plenum::clients::loadgen
