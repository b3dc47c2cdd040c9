// The hall service end to end: a real plenumd on a free port with a temporary data directory,
// driven over TLS WebSockets: the handshake, enrollment, authorization, a small sitting with a
// key ceremony, a motion vote with receipts, a restart and a tampered log.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/roster_tree.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/replies.hpp"
#include "plenumd_process.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr auto start_timeout = 120s;

// Ten delegates in one group of ten, a chair, a secretary, three scrutineers.
std::string roster_csv() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  static const char* occupations[] = {"science", "education", "health", "farming"};
  for (int i = 1; i <= 10; ++i) {
    csv += "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ",代表" + std::to_string(i) +
           "," + (i % 2 == 0 ? "女" : "男") + "," + (i == 10 ? "回族" : "汉族") + "," +
           occupations[i % 4] + ",U1,G1,delegate,no\n";
  }
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

std::string delegate(int i) { return "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i); }

crypto::secret_key make_key(const std::string& label) {
  crypto::seeded_random random("service test " + label);
  return crypto::secret_key::generate(random);
}

class service_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<temp_dir>();
    std::ofstream(dir_->path() / "roster.csv") << roster_csv();
    start();
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->stop(SIGTERM, 60s), 0);
    }
    server_.reset();
    dir_.reset();
  }
  static void start() {
    server_ = std::make_unique<plenumd_process>(
        PLENUMD_BINARY, data(), dir_->path() / "plenumd.log",
        std::vector<std::string>{"--congress-id", "test-congress", "--roster",
                                 (dir_->path() / "roster.csv").string(), "--membership",
                                 "100,40,5"});
    auto port = server_->wait_ready(start_timeout);
    ASSERT_TRUE(port) << read_file(dir_->path() / "plenumd.log");
    port_ = *port;
  }
  static std::filesystem::path data() { return dir_->path() / "data"; }

  // The secretary, enrolled once for the whole suite.
  static hall_client secretary() {
    hall_client c(port_);
    if (keys_.count("SE") == 0) {
      auto key = make_key("SE");
      auto r = enroll(c, "SE", secretary_code(data()), key);
      EXPECT_TRUE(r.ok()) << r.code();
      keys_.insert_or_assign("SE", key);
    }
    auto a = c.auth(keys_.at("SE"));
    EXPECT_TRUE(a.ok()) << a.code();
    return c;
  }

  // Issues a code to `person` and enrolls a fresh key (generation `gen`).
  static crypto::secret_key enroll_person(hall_client& se, const std::string& person, int gen = 0) {
    auto issued = se.call("issue_enrollment_code", {{"person", person}});
    EXPECT_TRUE(issued.ok()) << person << " " << issued.code();
    auto key = make_key(person + std::to_string(gen));
    hall_client c(port_);
    auto r = enroll(c, person, str(issued.fields, "code"), key);
    EXPECT_TRUE(r.ok()) << person << " " << r.code();
    keys_.insert_or_assign(person, key);
    return key;
  }

  static hall_client as(const std::string& person) {
    hall_client c(port_);
    auto a = c.auth(keys_.at(person));
    EXPECT_TRUE(a.ok()) << person << " " << a.code();
    return c;
  }

  static inline std::unique_ptr<temp_dir> dir_;
  static inline std::unique_ptr<plenumd_process> server_;
  static inline std::uint16_t port_ = 0;
  static inline std::map<std::string, crypto::secret_key> keys_;
};

TEST_F(service_test, HelloCarriesCongressAndFreshNonce) {
  hall_client a(port_);
  hall_client b(port_);
  EXPECT_EQ(a.hello().congress_id, "test-congress");
  EXPECT_EQ(a.hello().congress_pk, b.hello().congress_pk);
  EXPECT_NE(a.hello().server_nonce, b.hello().server_nonce);
  auto pong = a.call("ping");
  EXPECT_TRUE(pong.ok());
  EXPECT_TRUE(pong.fields.contains("server_unix_ms"));
}

TEST_F(service_test, EnrollmentGoodWrongAndSpentCode) {
  auto se = secretary();
  auto issued = se.call("issue_enrollment_code", {{"person", "D010"}});
  ASSERT_TRUE(issued.ok()) << issued.code();
  const std::string code = str(issued.fields, "code");
  ASSERT_EQ(code.size(), 19u);
  hall_client c(port_);
  std::string wrong = code;
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  EXPECT_EQ(enroll(c, "D010", wrong, make_key("D010 wrong")).code(), "bad_enrollment_code");
  auto key = make_key("D010 enroll test");
  EXPECT_TRUE(enroll(c, "D010", code, key).ok());
  EXPECT_EQ(enroll(c, "D010", code, make_key("D010 again")).code(), "enrollment_code_spent");
  hall_client d(port_);
  EXPECT_TRUE(d.auth(key).ok());
  keys_.insert_or_assign("D010", key);
}

TEST_F(service_test, AuthenticationRefusals) {
  auto se = secretary();
  // Forged: a signature by another key.
  {
    hall_client c(port_);
    const auto key = keys_.at("SE");
    const auto other = make_key("forger");
    crypto::byte_array<32> nonce{};
    const auto digest = crypto::auth_digest(c.hello().congress_id, c.hello().server_nonce, nonce,
                                            key.public_part());
    auto r = c.call("auth", {{"device_pk", key.public_part().hex()},
                             {"client_nonce", crypto::to_hex(nonce)},
                             {"signature", other.sign(digest).hex()}});
    EXPECT_EQ(r.code(), "bad_auth_signature");
    // Still unauthenticated: commands are refused.
    EXPECT_EQ(c.call("create_sitting", {{"sitting_id", "x"}, {"title", "t"}, {"date", "d"}}).code(),
              "unauthenticated");
  }
  // Unknown key.
  {
    hall_client c(port_);
    EXPECT_EQ(c.auth(make_key("nobody")).code(), "unknown_device_key");
  }
  // Replayed: a signature over another connection's challenge.
  {
    hall_client a(port_);
    hall_client b(port_);
    const auto key = keys_.at("SE");
    crypto::byte_array<32> nonce{};
    const auto digest = crypto::auth_digest(a.hello().congress_id, a.hello().server_nonce, nonce,
                                            key.public_part());
    const json::object fields{{"device_pk", key.public_part().hex()},
                              {"client_nonce", crypto::to_hex(nonce)},
                              {"signature", key.sign(digest).hex()}};
    EXPECT_EQ(b.call("auth", fields).code(), "bad_auth_signature");
    EXPECT_TRUE(a.call("auth", fields).ok());
  }
  // Revoked: a second enrollment replaces the key.
  {
    auto old_key = enroll_person(se, "D009", 0);
    auto new_key = enroll_person(se, "D009", 1);
    hall_client c(port_);
    EXPECT_EQ(c.auth(old_key).code(), "key_revoked");
    hall_client d(port_);
    EXPECT_TRUE(d.auth(new_key).ok());
  }
  // Three failures close the connection.
  {
    hall_client c(port_);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(c.auth(make_key("nobody")).code(), "unknown_device_key");
    EXPECT_TRUE(c.closed_by_server(30s));
  }
}

TEST_F(service_test, RolesAreEnforced) {
  auto se = secretary();
  if (keys_.count("D001") == 0) enroll_person(se, "D001");
  auto d = as("D001");
  EXPECT_EQ(d.call("create_sitting", {{"sitting_id", "x"}, {"title", "t"}, {"date", "d"}}).code(),
            "permission_denied");
  EXPECT_EQ(d.call("get_roster").code(), "permission_denied");
  EXPECT_TRUE(se.call("get_roster").ok());
  // Unauthenticated: public reads only.
  hall_client anon(port_);
  EXPECT_TRUE(anon.call("get_state").ok());
  EXPECT_TRUE(anon.call("get_board", {{"from_seq", 0}}).ok());
  EXPECT_EQ(anon.call("get_my_status").code(), "unauthenticated");
  EXPECT_EQ(anon.call("open_vote", {{"vote_id", "v"}}).code(), "unauthenticated");
  // Hostile frames get their codes.
  EXPECT_EQ(anon.call_raw(R"({"v":1,"id":5,"type":"create_vote","vote_id":1})").code(),
            "invalid_field");
  EXPECT_EQ(anon.call_raw(R"({"v":1,"id":6,"type":"nonsense"})").code(), "unknown_message_type");
}

// A proposal's whole handling through the service: submitted with a co-signer, accepted,
// answered, rated 不满意, answered again, rated 满意; the desk, the proposer and the co-signer see
// each step, and the wrong sender or bad input is refused with its code.
TEST_F(service_test, ProposalAnsweredRatedUnsatisfiedThenAnsweredAgain) {
  auto se = secretary();
  enroll_person(se, "D005");
  enroll_person(se, "D006");
  auto proposer = as("D005");
  auto co_signer = as("D006");
  EXPECT_EQ(se.call("set_calendar", {{"year", 2026},
                                     {"holidays", json::array{"2026-10-01", "2026-10-02"}},
                                     {"workdays", json::array{"2026-10-10"}}})
                .code(),
            "");
  EXPECT_EQ(
      se.call("set_calendar", {{"year", 2026}, {"workdays", json::array{"2026-10-09"}}}).code(),
      "invalid_calendar");
  EXPECT_EQ(proposer
                .call("submit_proposal", {{"title", "关于修路的提案"},
                                          {"text", "建议硬化村道。"},
                                          {"co_signers", json::array{"D005"}}})
                .code(),
            "invalid_co_signer");
  auto submitted = proposer.call("submit_proposal", {{"title", "关于修路的提案"},
                                                     {"text", "建议硬化村道。"},
                                                     {"co_signers", json::array{"D006"}}});
  ASSERT_TRUE(submitted.ok()) << submitted.code();
  const std::string id = str(submitted.fields, "proposal_id");

  EXPECT_EQ(proposer.call("accept_proposal", {{"proposal_id", id}, {"unit", "交通运输局"}}).code(),
            "permission_denied");
  EXPECT_EQ(se.call("accept_proposal",
                    {{"proposal_id", id}, {"unit", "交通运输局"}, {"deadline", "2026-02-30"}})
                .code(),
            "invalid_date");
  EXPECT_EQ(se.call("answer_proposal", {{"proposal_id", id}, {"text", "答复"}}).code(),
            "proposal_not_accepted");
  ASSERT_EQ(se.call("accept_proposal", {{"proposal_id", id}, {"unit", "交通运输局"}}).code(), "");
  ASSERT_EQ(se.call("answer_proposal", {{"proposal_id", id}, {"text", "计划明年实施。"}}).code(),
            "");
  EXPECT_EQ(co_signer.call("rate_proposal", {{"proposal_id", id}, {"rating", "satisfied"}}).code(),
            "not_the_proposer");
  EXPECT_EQ(proposer.call("rate_proposal", {{"proposal_id", id}}).code(), "invalid_field");
  EXPECT_EQ(proposer.call("rate_proposal", {{"proposal_id", id}, {"rating", "fine"}}).code(),
            "invalid_rating");
  ASSERT_EQ(proposer.call("rate_proposal", {{"proposal_id", id}, {"rating", "unsatisfied"}}).code(),
            "");

  // Back on the desk for a second answer, with its new deadline.
  auto desk = se.call("get_proposals");
  ASSERT_TRUE(desk.ok()) << desk.code();
  const json::object* entry = nullptr;
  for (const auto& one : desk.fields.at("proposals").as_array())
    if (one.at("id").as_string() == id) entry = &one.as_object();
  ASSERT_NE(entry, nullptr) << json::serialize(desk.fields);
  EXPECT_EQ(entry->at("status").as_string(), "rehandling");
  EXPECT_EQ(entry->at("round").as_int64(), 2);
  EXPECT_EQ(entry->at("unit").as_string(), "交通运输局");
  EXPECT_FALSE(entry->at("overdue").as_bool());
  EXPECT_EQ(entry->at("deadline").as_string().size(), 10u);
  ASSERT_EQ(entry->at("answers").as_array().size(), 1u);
  EXPECT_EQ(entry->at("answers").as_array()[0].at("rating").as_string(), "unsatisfied");

  ASSERT_EQ(
      se.call("answer_proposal", {{"proposal_id", id}, {"text", "已安排本年度实施。"}}).code(), "");
  ASSERT_EQ(proposer.call("rate_proposal", {{"proposal_id", id}, {"rating", "satisfied"}}).code(),
            "");
  EXPECT_EQ(proposer.call("rate_proposal", {{"proposal_id", id}, {"rating", "satisfied"}}).code(),
            "proposal_not_answered");

  // The proposer and the co-signer see it closed with both answers; the log holds each step.
  for (auto* who : {&proposer, &co_signer}) {
    auto mine = who->call("get_proposals");
    ASSERT_TRUE(mine.ok()) << mine.code();
    const auto& list = mine.fields.at("proposals").as_array();
    ASSERT_EQ(list.size(), 1u) << json::serialize(mine.fields);
    EXPECT_EQ(list[0].at("status").as_string(), "closed");
    EXPECT_EQ(list[0].at("answers").as_array().size(), 2u);
    EXPECT_EQ(list[0].at("answers").as_array()[1].at("rating").as_string(), "satisfied");
  }
  auto board = se.call("get_board", {{"from_seq", 0}});
  ASSERT_TRUE(board.ok());
  std::multiset<std::string> types;
  for (const auto& e : board.fields.at("events").as_array())
    types.insert(std::string(e.at("type").as_string()));
  EXPECT_EQ(types.count("calendar_set"), 1u);
  EXPECT_EQ(types.count("proposal_accepted"), 1u);
  EXPECT_EQ(types.count("proposal_answered"), 2u);
  EXPECT_EQ(types.count("proposal_rated"), 2u);
}

// The sitting: roster, enrollment, check-in, quorum, ceremony, a motion, receipts, the
// result; then a restart and a tampered log.
TEST_F(service_test, SittingWithMotionRestartAndTamper) {
  auto se = secretary();
  auto imported =
      se.call("import_roster",
              {{"csv", roster_csv()},
               {"membership", json::object{{"members", 100}, {"women", 40}, {"minority", 5}}}});
  ASSERT_TRUE(imported.ok()) << imported.code();
  for (const std::string p : {"CH", "S1", "S2", "S3"}) enroll_person(se, p);
  for (int i = 1; i <= 8; ++i) enroll_person(se, delegate(i), 10);

  auto ch = as("CH");
  auto watcher = hall_client(port_);
  ASSERT_TRUE(watcher.call("subscribe", {{"topics", json::array{"state", "board"}}}).ok());
  // A whole-board reader and a tablet's basis, from here on (checked before the restart).
  auto board_reader = hall_client(port_);
  auto basis_reader = hall_client(port_);
  auto board_sub = board_reader.call("subscribe", {{"topics", json::array{"board"}}});
  auto basis_sub = basis_reader.call("subscribe", {{"topics", json::array{"basis", "state"}}});
  ASSERT_TRUE(board_sub.ok() && basis_sub.ok());
  const auto pushed_from = board_sub.fields.at("next_seq").to_number<std::uint64_t>();
  EXPECT_EQ(basis_sub.fields.at("next_seq").to_number<std::uint64_t>(), pushed_from);
  // D002's tablet reads the course, with its own device's events; an unauthenticated reader
  // the course alone. Two delegates enroll after them.
  auto course_reader = as("D002");
  auto anonymous_course = hall_client(port_);
  ASSERT_TRUE(
      course_reader.call("subscribe", {{"topics", json::array{"course", "state", "results"}}})
          .ok());
  ASSERT_TRUE(anonymous_course.call("subscribe", {{"topics", json::array{"course"}}}).ok());
  for (int i = 9; i <= 10; ++i) enroll_person(se, delegate(i), 10);

  ASSERT_TRUE(
      ch.call("create_sitting", {{"sitting_id", "s1"}, {"title", "年会"}, {"date", "2026-03-01"}})
          .ok());
  ASSERT_TRUE(ch.call("open_checkin", {{"sitting_id", "s1"}}).ok());
  std::map<std::string, hall_client> delegates;
  auto check_in = [&](int i) {
    const std::string d = delegate(i);
    delegates.emplace(d, as(d));
    return tests::check_in(delegates.at(d), keys_.at(d), "s1");
  };
  for (int i = 1; i <= 7; ++i) ASSERT_TRUE(check_in(i).ok()) << i;
  EXPECT_EQ(ch.call("open_sitting", {{"sitting_id", "s1"}}).code(), "quorum_not_reached");
  ASSERT_TRUE(check_in(8).ok());
  EXPECT_EQ(check_in(8).code(), "already_checked_in");
  ASSERT_TRUE(ch.call("open_sitting", {{"sitting_id", "s1"}}).ok());
  auto created = add_motion_item(ch, "s1", "i1", "v1", "关于修路的决议");
  ASSERT_TRUE(created.ok()) << created.code();

  // The key ceremony, with the crypto library acting as the three scrutineers.
  ASSERT_TRUE(
      ch.call("start_ceremony",
              {{"sitting_id", "s1"}, {"scrutineers", json::array{"S1", "S2", "S3"}}, {"k", 2}})
          .ok());
  auto scrutineers = test_scrutineers::run_ceremony(
      port_, "test-congress", "s1", {"S1", "S2", "S3"}, 2, keys_, "service test ceremony");
  ASSERT_TRUE(scrutineers);

  EXPECT_EQ(delegates.at("D001").call("get_roster_proof", {{"vote_id", "v1"}}).code(),
            "vote_not_open");
  ASSERT_TRUE(ch.call("open_vote", {{"vote_id", "v1"}}).ok());
  {
    // A tablet's proof of its own key against the signed vote_opened (format 2), whose roster
    // is the vote_roster just before it.
    auto page = ch.call("get_board", {{"from_seq", 0}, {"limit", 500}});
    ASSERT_TRUE(page.ok());
    const auto& events = page.fields.at("events").as_array();
    json::object opened;
    for (std::size_t i = 1; i < events.size(); ++i)
      if (events[i].at("type").as_string() == "vote_opened") {
        opened = json::parse(events[i].at("payload").as_string()).as_object();
        EXPECT_EQ(events[i - 1].at("type").as_string(), "vote_roster");
        EXPECT_EQ(opened.at("roster_seq").to_number<std::uint64_t>(),
                  events[i - 1].at("seq").to_number<std::uint64_t>());
      }
    ASSERT_EQ(opened.at("format").to_number<int>(), 2);
    const auto root = crypto::from_hex_fixed<32>(std::string(opened.at("roster_root").as_string()));
    ASSERT_TRUE(root);
    auto proof = delegates.at("D001").call("get_roster_proof", {{"vote_id", "v1"}});
    ASSERT_TRUE(proof.ok()) << proof.code();
    const auto& p = proof.fields.at("proof").as_object();
    EXPECT_EQ(p.at("count"), opened.at("roster_count"));
    crypto::roster_path path;
    for (const auto& h : p.at("path").as_array())
      path.push_back(*crypto::from_hex_fixed<32>(std::string(h.as_string())));
    EXPECT_TRUE(crypto::verify_roster_inclusion(*root, p.at("count").to_number<std::uint64_t>(),
                                                p.at("index").to_number<std::uint64_t>(),
                                                keys_.at("D001").public_part(), path));
    EXPECT_EQ(ch.call("get_roster_proof", {{"vote_id", "v1"}}).code(), "not_in_roster");
    EXPECT_EQ(ch.call("get_roster_proof", {{"vote_id", "nope"}}).code(), "unknown_vote");
  }
  const auto v1 = read_vote_basis(delegates.at("D001"), "v1");
  ASSERT_TRUE(v1);
  EXPECT_EQ(v1->joint_key, scrutineers->keys().joint_key);

  // Cast or challenge: D001 challenges a ballot marking 反对 (spoiled, never counted), then
  // casts 赞成 below.
  {
    crypto::seeded_random sr("spoiled ballot D001");
    auto spoiled = crypto::make_opened_ballot(v1->manifest, v1->election_hash, v1->joint_key,
                                              keys_.at("D001"), {{0, 1, 0}}, sr);
    ASSERT_TRUE(spoiled);
    const json::object spoil_fields{{"vote_id", "v1"},
                                    {"ballot", protocol::encode_ballot(spoiled->b)},
                                    {"nonces", protocol::encode_openings(spoiled->openings)}};
    auto r = delegates.at("D001").call("spoil_ballot", spoil_fields);
    ASSERT_TRUE(r.ok()) << r.code();
    EXPECT_EQ(json::serialize(r.fields.at("choices")), "[[0,1,0]]");
    const auto tracking =
        crypto::tracking_code(crypto::ballot_digest(spoiled->b, v1->election_hash), spoiled->b.sig);
    EXPECT_EQ(str(r.fields, "tracking_code"), crypto::to_hex(tracking));
    EXPECT_EQ(str(r.fields, "tracking_code_display"), crypto::tracking_code_display(tracking));
    // The same spoil message again: the same answer.
    auto again = delegates.at("D001").call("spoil_ballot", spoil_fields);
    ASSERT_TRUE(again.ok()) << again.code();
    EXPECT_EQ(json::serialize(again.fields), json::serialize(r.fields));
    // A lying tablet: the nonces claim 赞成 for a ballot that encrypts 反对.
    crypto::seeded_random lr("lying tablet D001");
    auto lying = crypto::make_opened_ballot(v1->manifest, v1->election_hash, v1->joint_key,
                                            keys_.at("D001"), {{0, 1, 0}}, lr);
    ASSERT_TRUE(lying);
    std::swap(lying->openings[0][0].value, lying->openings[0][1].value);
    EXPECT_EQ(delegates.at("D001")
                  .call("spoil_ballot", {{"vote_id", "v1"},
                                         {"ballot", protocol::encode_ballot(lying->b)},
                                         {"nonces", protocol::encode_openings(lying->openings)}})
                  .code(),
              "bad_nonce");
    // The spoiled ballot can never be cast.
    EXPECT_EQ(delegates.at("D001")
                  .call("cast_ballot",
                        {{"vote_id", "v1"}, {"ballot", protocol::encode_ballot(spoiled->b)}})
                  .code(),
              "ballot_id_reused");
  }

  // Six for, two against.
  const auto congress_pk = watcher.hello().congress_pk;
  json::object first_receipt;
  json::object first_ballot;
  for (int i = 1; i <= 8; ++i) {
    const std::string d = delegate(i);
    crypto::ballot_choices choices = {
        {static_cast<std::uint8_t>(i <= 6), static_cast<std::uint8_t>(i > 6), 0}};
    crypto::seeded_random br("ballot " + d);
    auto b = crypto::make_ballot(v1->manifest, v1->election_hash, v1->joint_key, keys_.at(d),
                                 choices, br);
    ASSERT_TRUE(b);
    const auto ballot_json = protocol::encode_ballot(*b);
    auto r = delegates.at(d).call("cast_ballot", {{"vote_id", "v1"}, {"ballot", ballot_json}});
    ASSERT_TRUE(r.ok()) << d << " " << r.code();
    auto receipt = protocol::decode_receipt(r.fields.at("receipt"));
    ASSERT_TRUE(receipt);
    EXPECT_EQ(receipt->tracking_code,
              crypto::tracking_code(crypto::ballot_digest(*b, v1->election_hash), b->sig));
    EXPECT_TRUE(
        congress_pk.verify(crypto::receipt_digest(receipt->tracking_code, receipt->board_seq,
                                                  receipt->board_entry_hash),
                           receipt->sig));
    // The reply carries the entry the receipt names, as get_board serves it.
    ASSERT_TRUE(r.fields.contains("entry")) << d;
    auto entry = protocol::decode_board_event(r.fields.at("entry"));
    ASSERT_TRUE(entry) << d;
    EXPECT_EQ(entry->seq, receipt->board_seq);
    EXPECT_EQ(entry->entry_hash, receipt->board_entry_hash);
    EXPECT_EQ(entry->type, "ballot_accepted");
    EXPECT_TRUE(congress_pk.verify(entry->entry_hash, entry->sig));
    EXPECT_NE(entry->payload.find(crypto::to_hex(receipt->tracking_code)), std::string::npos);
    auto read = delegates.at(d).call("get_board", {{"from_seq", receipt->board_seq}, {"limit", 1}});
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(json::serialize(r.fields.at("entry")),
              json::serialize(read.fields.at("events").at(0)));
    if (i == 1) {
      first_receipt = r.fields;
      first_ballot = ballot_json;
    }
  }
  // The same ballot again: the same receipt, without the entry. Another ballot: already voted.
  auto again =
      delegates.at("D001").call("cast_ballot", {{"vote_id", "v1"}, {"ballot", first_ballot}});
  ASSERT_TRUE(again.ok()) << again.code();
  EXPECT_FALSE(again.fields.contains("entry"));
  json::object first_without_entry = first_receipt;
  first_without_entry.erase("entry");
  EXPECT_EQ(json::serialize(again.fields), json::serialize(first_without_entry));
  {
    crypto::seeded_random br("another ballot");
    auto b = crypto::make_ballot(v1->manifest, v1->election_hash, v1->joint_key, keys_.at("D001"),
                                 {{0, 1, 0}}, br);
    ASSERT_TRUE(b);
    EXPECT_EQ(delegates.at("D001")
                  .call("cast_ballot", {{"vote_id", "v1"}, {"ballot", protocol::encode_ballot(*b)}})
                  .code(),
              "already_voted");
  }
  {
    // Once cast, no more challenges.
    crypto::seeded_random sr("late challenge D001");
    auto late = crypto::make_opened_ballot(v1->manifest, v1->election_hash, v1->joint_key,
                                           keys_.at("D001"), {{1, 0, 0}}, sr);
    ASSERT_TRUE(late);
    EXPECT_EQ(delegates.at("D001")
                  .call("spoil_ballot", {{"vote_id", "v1"},
                                         {"ballot", protocol::encode_ballot(late->b)},
                                         {"nonces", protocol::encode_openings(late->openings)}})
                  .code(),
              "already_voted");
  }
  EXPECT_EQ(delegates.at("D001").call("get_tally", {{"vote_id", "v1"}}).code(), "vote_still_open");
  ASSERT_TRUE(ch.call("close_vote", {{"vote_id", "v1"}}).ok());

  // Partial decryptions by S1 and S3 decide the vote.
  for (const auto& r : scrutineers->decrypt("v1", v1->election_hash, {1, 3})) {
    ASSERT_TRUE(r.ok()) << r.code();
    EXPECT_EQ(r.fields.at("needed").to_number<std::uint64_t>(), 2u);
  }
  auto decided = ch.call("get_state");
  ASSERT_TRUE(decided.ok());
  json::array counts;
  for (const auto& v : decided.fields.at("state").at("votes").as_array())
    if (str(v.as_object(), "id") == "v1") {
      EXPECT_EQ(str(v.as_object(), "status"), "decided");
      counts = v.as_object().at("counts").as_array();
    }
  // Only the cast ballots are counted: D001's challenged 反对 is not among the two against.
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].as_int64(), 6);
  EXPECT_EQ(counts[1].as_int64(), 2);
  EXPECT_EQ(counts[2].as_int64(), 0);

  // Under embargo until the chair announces: the public (the watcher, who never authenticated,
  // and a delegate) sees the vote decided but not its counts, and its result events sealed.
  auto vote_view = [&](hall_client& c) {
    auto r = c.call("get_state");
    EXPECT_TRUE(r.ok()) << r.code();
    for (const auto& v : r.fields.at("state").at("votes").as_array())
      if (str(v.as_object(), "id") == "v1") return v.as_object();
    return json::object{};
  };
  auto sealed_types = [&](hall_client& c) {
    std::multiset<std::string> out;
    auto page = c.call("get_board", {{"from_seq", 0}, {"limit", 500}});
    EXPECT_TRUE(page.ok()) << page.code();
    crypto::digest32 prev = crypto::genesis_hash;
    for (const auto& e : page.fields.at("events").as_array()) {
      auto ev = protocol::decode_board_event(e);
      EXPECT_TRUE(ev);
      if (!ev) continue;
      EXPECT_EQ(ev->prev_hash, prev);
      EXPECT_TRUE(congress_pk.verify(ev->entry_hash, ev->sig));
      prev = ev->entry_hash;
      if (ev->sealed) {
        EXPECT_TRUE(ev->payload.empty());
        out.insert(ev->type);
      }
    }
    return out;
  };
  for (hall_client* c : {&watcher, &delegates.at("D001")}) {
    auto v = vote_view(*c);
    EXPECT_EQ(str(v, "status"), "decided");
    for (auto key : {"counts", "outcome", "result_digest", "signed_by"})
      EXPECT_FALSE(v.contains(key)) << key;
    EXPECT_FALSE(v.at("announced").as_bool());
  }
  using types = std::multiset<std::string>;
  // The resolution the passed motion adopted tells the result: sealed with it.
  EXPECT_EQ(sealed_types(watcher), (types{"partial_submitted", "partial_submitted", "vote_decided",
                                          "resolution_adopted"}));
  EXPECT_EQ(sealed_types(delegates.at("D001")), sealed_types(watcher));
  EXPECT_TRUE(sealed_types(ch).empty());
  EXPECT_TRUE(sealed_types(se).empty());
  EXPECT_TRUE(sealed_types(scrutineers->client(2)).empty());
  // The scrutineers who decrypted sign, the chair announces: the result is public.
  const auto digest = crypto::from_hex_fixed<32>(str(vote_view(ch), "result_digest"));
  ASSERT_TRUE(digest);
  for (int l : {1, 3}) {
    const std::string s = "S" + std::to_string(l);
    auto r = scrutineers->client(l).call(
        "sign_result", {{"vote_id", "v1"}, {"signature", keys_.at(s).sign(*digest).hex()}});
    ASSERT_TRUE(r.ok()) << r.code();
  }
  EXPECT_EQ(sealed_types(watcher), (types{"partial_submitted", "partial_submitted", "vote_decided",
                                          "resolution_adopted", "result_signed", "result_signed"}));
  ASSERT_TRUE(ch.call("announce_result",
                      {{"vote_id", "v1"}, {"signature", keys_.at("CH").sign(*digest).hex()}})
                  .ok());
  EXPECT_TRUE(sealed_types(watcher).empty());
  {
    auto v = vote_view(watcher);
    EXPECT_TRUE(v.at("announced").as_bool());
    ASSERT_TRUE(v.contains("counts"));
    EXPECT_EQ(v.at("counts").as_array(), counts);
  }

  // The watcher saw coalesced state pushes, the last of them with the announced result (the
  // push after the embargo lifted), and every board event in order.
  bool announced_pushed = false;
  for (int n = 0; n < 200 && !announced_pushed; ++n) {
    auto push = watcher.next_push("state", 10s);
    ASSERT_TRUE(push) << "no state push with the announced result";
    const auto* votes = push->at("state").as_object().if_contains("votes");
    if (votes == nullptr) continue;
    for (const auto& v : votes->as_array()) {
      const auto& o = v.as_object();
      const auto* announced = o.if_contains("announced");
      if (str(o, "id") == "v1" && announced != nullptr && announced->as_bool()) {
        EXPECT_EQ(o.at("counts").as_array(), counts);
        announced_pushed = true;
      }
    }
  }
  EXPECT_TRUE(announced_pushed);
  std::uint64_t expected = 0;
  bool first = true;
  for (int n = 0; n < 20; ++n) {
    auto push = watcher.next_push("board_events", 2s);
    if (!push) break;
    for (const auto& e : push->at("events").as_array()) {
      auto ev = protocol::decode_board_event(e);
      ASSERT_TRUE(ev);
      if (!first) {
        EXPECT_EQ(ev->seq, expected);
      }
      first = false;
      expected = ev->seq + 1;
      EXPECT_TRUE(congress_pk.verify(ev->entry_hash, ev->sig));
    }
  }

  // The board reader received every event from its subscription on, in seq order without a
  // gap, several to a push; the basis reader every one of them but the ballots; get_board with
  // only:basis reads the same selection as the basis topic.
  {
    auto reader = hall_client(port_);
    auto all = reader.call("get_board", {{"from_seq", 0}, {"limit", 500}});
    auto basis = reader.call("get_board", {{"from_seq", 0}, {"limit", 500}, {"only", "basis"}});
    ASSERT_TRUE(all.ok() && basis.ok());
    std::vector<protocol::board_event> board_events;
    for (const auto& e : all.fields.at("events").as_array()) {
      auto ev = protocol::decode_board_event(e);
      ASSERT_TRUE(ev);
      board_events.push_back(*ev);
    }
    EXPECT_EQ(basis.fields.at("next_seq"), all.fields.at("next_seq"));
    auto is_ballot = [](const protocol::board_event& e) {
      return e.type == "ballot_accepted" || e.type == "ballot_spoiled";
    };
    std::vector<std::uint64_t> basis_seqs;
    for (const auto& e : board_events)
      if (!is_ballot(e)) basis_seqs.push_back(e.seq);
    std::vector<std::uint64_t> read_basis;
    for (const auto& e : basis.fields.at("events").as_array()) {
      auto ev = protocol::decode_board_event(e);
      ASSERT_TRUE(ev);
      EXPECT_FALSE(is_ballot(*ev)) << ev->seq;
      EXPECT_EQ(ev->entry_hash, board_events.at(ev->seq).entry_hash);
      read_basis.push_back(ev->seq);
    }
    EXPECT_EQ(read_basis, basis_seqs);
    EXPECT_EQ(basis_seqs.size() + 9, board_events.size()) << "a spoil and eight ballots left out";
    // only:course reads the sitting's course: the events of its types and the enrollments of
    // the scrutineers a ceremony appointed, no delegate's enrollment, check-in or ballot.
    auto course = reader.call("get_board", {{"from_seq", 0}, {"limit", 500}, {"only", "course"}});
    ASSERT_TRUE(course.ok());
    EXPECT_EQ(course.fields.at("next_seq"), all.fields.at("next_seq"));
    std::set<std::string> appointed;
    for (const auto& e : board_events)
      if (e.type == "ceremony_started") {
        const auto payload = json::parse(e.payload);
        for (const auto& sc : payload.at("scrutineers").as_array())
          appointed.insert(std::string(sc.at("person").as_string()));
      } else if (e.type == "roster_imported") {
        // The roster's scrutineers, whom a ceremony may appoint.
        const auto payload = json::parse(e.payload);
        for (const auto& p : payload.at("persons").as_array())
          for (const auto& role : p.at("roles").as_array())
            if (role == "scrutineer") appointed.insert(std::string(p.at("number").as_string()));
      }
    EXPECT_FALSE(appointed.empty());
    // protocol/PROTOCOL.md §8b, the course's types.
    const std::set<std::string> course_types = {
        "congress_created", "delegate_left",      "alternate_seated", "delegate_added",
        "sitting_created",  "checkin_opened",     "checkin_closed",   "sitting_opened",
        "sitting_closed",   "item_added",         "current_item_set", "ceremony_started",
        "keygen_submitted", "keys_confirmed",     "vote_created",     "vote_opened",
        "vote_closed",      "partial_submitted",  "vote_decided",     "result_signed",
        "result_announced", "resolution_adopted", "server_handover"};
    std::vector<std::uint64_t> course_seqs;
    for (const auto& e : board_events) {
      bool enrollment = false;
      if (e.type == "device_enrolled") {
        const auto payload = json::parse(e.payload);
        enrollment = appointed.count(std::string(payload.at("person").as_string())) != 0;
      }
      if (enrollment || course_types.count(e.type) != 0) course_seqs.push_back(e.seq);
    }
    std::vector<std::uint64_t> read_course;
    std::size_t enrollments_read = 0;
    for (const auto& e : course.fields.at("events").as_array()) {
      auto ev = protocol::decode_board_event(e);
      ASSERT_TRUE(ev);
      EXPECT_EQ(ev->entry_hash, board_events.at(ev->seq).entry_hash);
      EXPECT_TRUE(congress_pk.verify(ev->entry_hash, ev->sig));
      EXPECT_NE(ev->type, "checked_in");
      EXPECT_FALSE(is_ballot(*ev)) << ev->seq;
      if (ev->type == "device_enrolled") ++enrollments_read;
      read_course.push_back(ev->seq);
    }
    EXPECT_EQ(read_course, course_seqs);
    EXPECT_GE(enrollments_read, appointed.size()) << "each appointed scrutineer's enrollment";
    for (const char* type : {"ceremony_started", "keys_confirmed", "vote_created", "vote_opened"})
      EXPECT_TRUE(std::any_of(board_events.begin(), board_events.end(), [&](const auto& e) {
        return e.type == type &&
               std::find(read_course.begin(), read_course.end(), e.seq) != read_course.end();
      })) << type;
    EXPECT_LT(read_course.size(), basis_seqs.size()) << "the delegates' events left out";
    auto limited = reader.call("get_board", {{"from_seq", 0}, {"limit", 3}, {"only", "basis"}});
    ASSERT_TRUE(limited.ok());
    EXPECT_EQ(limited.fields.at("events").as_array().size(), 3u);
    EXPECT_EQ(reader.call("get_board", {{"from_seq", 0}, {"only", "ballots"}}).code(),
              "invalid_field");
    EXPECT_EQ(reader.call("subscribe", {{"topics", json::array{"board", "basis"}}}).code(),
              "invalid_field");

    // What each reader was pushed: board_events frames, each event checked as it came.
    auto pushed = [&](hall_client& c, std::uint64_t until, std::size_t& batches) {
      std::vector<protocol::board_event> out;
      while (out.empty() || out.back().seq + 1 < until) {
        auto push = c.next_push("board_events", 10s);
        if (!push) break;
        ++batches;
        protocol::frame f{0, "board_events", *push};
        auto events = protocol::decode_board_events_push(f);
        EXPECT_TRUE(events) << events.error().message();
        if (!events) break;
        for (auto& e : *events) {
          EXPECT_TRUE(congress_pk.verify(e.entry_hash, e.sig));
          out.push_back(std::move(e));
        }
      }
      return out;
    };
    const std::uint64_t end = board_events.size();
    std::size_t board_batches = 0;
    std::size_t basis_batches = 0;
    const auto to_board = pushed(board_reader, end, board_batches);
    const auto to_basis = pushed(basis_reader, basis_seqs.back() + 1, basis_batches);
    ASSERT_FALSE(to_board.empty());
    EXPECT_EQ(to_board.size(), end - pushed_from);
    for (std::size_t i = 0; i < to_board.size(); ++i) {
      EXPECT_EQ(to_board[i].seq, pushed_from + i);
      EXPECT_EQ(to_board[i].entry_hash, board_events.at(to_board[i].seq).entry_hash);
    }
    EXPECT_LE(board_batches, to_board.size());
    std::vector<std::uint64_t> expected_basis;
    for (auto seq : basis_seqs)
      if (seq >= pushed_from) expected_basis.push_back(seq);
    std::vector<std::uint64_t> got_basis;
    for (const auto& e : to_basis) {
      EXPECT_FALSE(is_ballot(e)) << e.seq;
      EXPECT_EQ(e.entry_hash, board_events.at(e.seq).entry_hash);
      got_basis.push_back(e.seq);
    }
    EXPECT_EQ(got_basis, expected_basis);
    EXPECT_LE(basis_batches, to_basis.size());
    // The basis reader's replay from seq 0 is the basis too, as board_events pushes.
    auto late = hall_client(port_);
    ASSERT_TRUE(late.call("subscribe", {{"topics", json::array{"basis"}}, {"since_seq", 0}}).ok());
    std::size_t replay_batches = 0;
    std::vector<std::uint64_t> replayed;
    for (const auto& e : pushed(late, basis_seqs.back() + 1, replay_batches))
      replayed.push_back(e.seq);
    EXPECT_EQ(replayed, basis_seqs);

    // The course readers were pushed the course from their subscription on, D002's tablet its
    // own check-in with it: no other delegate's enrollment or check-in, no ballot.
    const std::string own_pk = keys_.at("D002").public_part().hex();
    std::vector<std::uint64_t> course_from, own_course_from;
    for (const auto& e : board_events) {
      if (e.seq < pushed_from) continue;
      const bool in_course = std::binary_search(course_seqs.begin(), course_seqs.end(), e.seq);
      const bool own =
          e.type == "checked_in" && str(json::parse(e.payload).as_object(), "device_pk") == own_pk;
      if (in_course) course_from.push_back(e.seq);
      if (in_course || own) own_course_from.push_back(e.seq);
    }
    EXPECT_EQ(own_course_from.size(), course_from.size() + 1) << "D002's one check-in";
    auto seqs_of = [&](const std::vector<protocol::board_event>& events) {
      std::vector<std::uint64_t> out;
      for (const auto& e : events) {
        EXPECT_EQ(e.entry_hash, board_events.at(e.seq).entry_hash);
        out.push_back(e.seq);
      }
      return out;
    };
    std::size_t course_batches = 0;
    EXPECT_EQ(seqs_of(pushed(anonymous_course, course_from.back() + 1, course_batches)),
              course_from);
    EXPECT_EQ(seqs_of(pushed(course_reader, own_course_from.back() + 1, course_batches)),
              own_course_from);
    // Its replay from a seq is get_board only:course from there.
    auto tablet = as("D002");
    auto course_page =
        tablet.call("get_board", {{"from_seq", pushed_from}, {"limit", 500}, {"only", "course"}});
    ASSERT_TRUE(course_page.ok());
    std::vector<std::uint64_t> page_seqs;
    for (const auto& e : course_page.fields.at("events").as_array())
      page_seqs.push_back(e.at("seq").to_number<std::uint64_t>());
    EXPECT_EQ(page_seqs, own_course_from);
    ASSERT_TRUE(
        tablet.call("subscribe", {{"topics", json::array{"course"}}, {"since_seq", pushed_from}})
            .ok());
    EXPECT_EQ(seqs_of(pushed(tablet, page_seqs.back() + 1, course_batches)), page_seqs);
    EXPECT_EQ(reader.call("subscribe", {{"topics", json::array{"course", "basis"}}}).code(),
              "invalid_field");
  }

  // Restart on the same data: the same state and the receipts still verify.
  const std::string before = json::serialize(ch.call("get_state").fields);
  const auto board_before = se.call("get_board", {{"from_seq", 0}, {"limit", 500}});
  delegates.clear();
  scrutineers.reset();
  ASSERT_EQ(server_->stop(SIGTERM, 60s), 0);
  start();
  {
    auto ch2 = as("CH");
    EXPECT_EQ(json::serialize(ch2.call("get_state").fields), before);
    EXPECT_EQ(ch2.hello().congress_pk, congress_pk);
    auto receipt = protocol::decode_receipt(first_receipt.at("receipt"));
    ASSERT_TRUE(receipt);
    auto page = ch2.call("get_board", {{"from_seq", receipt->board_seq}, {"limit", 1}});
    ASSERT_TRUE(page.ok());
    auto ev = protocol::decode_board_event(page.fields.at("events").at(0));
    ASSERT_TRUE(ev);
    EXPECT_EQ(ev->entry_hash, receipt->board_entry_hash);
    EXPECT_EQ(json::serialize(ch2.call("get_board", {{"from_seq", 0}, {"limit", 500}}).fields),
              json::serialize(board_before.fields));
  }

  // One byte of a stored payload changed: plenumd refuses to start and names the entry.
  ASSERT_EQ(server_->stop(SIGTERM, 60s), 0);
  server_.reset();
  const std::string sql =
      "UPDATE events SET payload = replace(payload, '年会', '年回') WHERE seq = "
      "(SELECT min(seq) FROM events WHERE type = 'sitting_created');";
  const std::string cmd = "sqlite3 '" + (data() / "events.db").string() + "' \"" + sql + "\"";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string seq_text = [&] {
    const std::string q = "sqlite3 '" + (data() / "events.db").string() +
                          "' \"SELECT min(seq) FROM events WHERE type = 'sitting_created';\" > '" +
                          (dir_->path() / "seq.txt").string() + "'";
    EXPECT_EQ(std::system(q.c_str()), 0);
    std::string s = read_file(dir_->path() / "seq.txt");
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
  }();
  {
    plenumd_process broken(PLENUMD_BINARY, data(), dir_->path() / "broken.log",
                           {"--congress-id", "test-congress"});
    EXPECT_FALSE(broken.wait_ready(start_timeout));
    auto status = broken.stop(SIGKILL, 30s);
    ASSERT_TRUE(status);
    EXPECT_NE(*status, 0);
  }
  const std::string log = read_file(dir_->path() / "broken.log");
  EXPECT_NE(log.find("seq " + seq_text + ":"), std::string::npos) << log;
  EXPECT_NE(log.find("cannot open the congress"), std::string::npos) << log;
}

}  // namespace
}  // namespace plenum::tests
