// Hostile input against a real plenumd over TLS, one test per kind of attack: oversized frames,
// invalid UTF-8, deeply nested JSON, unknown message types, a replayed ballot, a ciphertext
// copied under another key, a ballot for a closed vote, a vote by an observer, an alternate or
// an absent delegate, a double vote from two tablets, a forged check-in, a slow-reading client,
// a connection flood and non-canonical encodings. Each asserts the specific error, that the
// congress did not change (the public view and the board's head are the same before and
// after), and that the server still serves another client.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hall_client.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_manifest.hpp"
#include "plenumd_process.hpp"
#include "raw_peer.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr auto start_timeout = 120s;
constexpr auto io_timeout = 20s;
// plenumd's default WebSocket message limit (server/src/net/limits.hpp).
constexpr std::size_t max_message = 256 * 1024;

std::string delegate(int i) { return "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i); }

// Ten delegates, an alternate, two observers (X01 is never enrolled), a chair, a secretary and
// three scrutineers.
std::string roster_csv() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  static const char* occupations[] = {"science", "education", "health", "farming"};
  for (int i = 1; i <= 10; ++i)
    csv += delegate(i) + ",代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") + "," +
           (i == 10 ? "回族" : "汉族") + "," + occupations[i % 4] + ",U1,G1,delegate,no\n";
  csv += "A01,候补,女,汉族,farming,U1,G1,alternate,no\n";
  csv += "O01,列席,男,汉族,cadre,,,observer,no\n";
  csv += "X01,旁听,男,汉族,cadre,,,observer,no\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

crypto::secret_key make_key(const std::string& label) {
  crypto::seeded_random random("hostile test " + label);
  return crypto::secret_key::generate(random);
}

// What a refused request must leave as it was.
struct congress_snapshot {
  std::string public_state;  // get_state of an unauthenticated connection
  std::uint64_t next_seq = 0;
  std::string head_hash;  // entry_hash of the last durable event
  friend bool operator==(const congress_snapshot&, const congress_snapshot&) = default;
};

std::ostream& operator<<(std::ostream& out, const congress_snapshot& s) {
  return out << "{next_seq " << s.next_seq << ", head " << s.head_hash << ", state "
             << s.public_state.size() << " bytes}";
}

class hostile_input_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<temp_dir>();
    std::ofstream(dir_->path() / "roster.csv") << roster_csv();
    server_ = std::make_unique<plenumd_process>(
        PLENUMD_BINARY, data(), log_file(),
        std::vector<std::string>{"--congress-id", "hostile", "--roster",
                                 (dir_->path() / "roster.csv").string(), "--membership", "100,40,5",
                                 "--max-send-queue-bytes", std::to_string(max_message)});
    auto port = server_->wait_ready(start_timeout);
    ASSERT_TRUE(port) << read_file(log_file());
    port_ = *port;
    ASSERT_NO_FATAL_FAILURE(prepare_sitting());
  }

  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->stop(SIGTERM, 60s), 0) << read_file(log_file());
    }
    server_.reset();
    dir_.reset();
  }

  static std::filesystem::path data() { return dir_->path() / "data"; }
  static std::filesystem::path log_file() { return dir_->path() / "plenumd.log"; }

  static hall_client as(const std::string& person) {
    hall_client c(port_);
    auto a = c.auth(keys_.at(person));
    EXPECT_TRUE(a.ok()) << person << " " << a.code();
    return c;
  }

  static crypto::secret_key enroll_person(hall_client& se, const std::string& person,
                                          const std::string& label) {
    auto issued = se.call("issue_enrollment_code", {{"person", person}});
    EXPECT_TRUE(issued.ok()) << person << " " << issued.code();
    auto key = make_key(label);
    hall_client c(port_);
    auto r = enroll(c, person, str(issued.fields, "code"), key);
    EXPECT_TRUE(r.ok()) << person << " " << r.code();
    return key;
  }

  static hall_reply check_in(hall_client& c, const std::string& person) {
    const auto now = c.call("ping").fields.at("server_unix_ms").to_number<std::uint64_t>();
    const auto& key = keys_.at(person);
    const auto sig = key.sign(crypto::checkin_digest("s1", key.public_part(), now));
    return c.call("checkin", {{"sitting_id", "s1"}, {"unix_ms", now}, {"signature", sig.hex()}});
  }

  // The congress of the tests: everyone enrolled (D003 twice: its first tablet's key is
  // revoked), sitting s1 open with D001–D008, A01 and O01 checked in and check-in still open,
  // the key ceremony done, motion v0 opened and closed, motion v1 open with D001's ballot.
  static void prepare_sitting() {
    hall_client se(port_);
    const auto se_key = make_key("SE");
    auto r = enroll(se, "SE", secretary_code(data()), se_key);
    ASSERT_TRUE(r.ok()) << r.code();
    keys_.insert_or_assign("SE", se_key);
    ASSERT_TRUE(se.auth(se_key).ok());
    for (const std::string p : {"CH", "S1", "S2", "S3", "A01", "O01"})
      keys_.insert_or_assign(p, enroll_person(se, p, p));
    for (int i = 1; i <= 10; ++i)
      keys_.insert_or_assign(delegate(i), enroll_person(se, delegate(i), delegate(i)));
    old_tablet_key_ = keys_.at("D003");
    keys_.insert_or_assign("D003", enroll_person(se, "D003", "D003 second tablet"));

    auto ch = as("CH");
    ASSERT_TRUE(
        ch.call("create_sitting", {{"sitting_id", "s1"}, {"title", "年会"}, {"date", "2026-03-01"}})
            .ok());
    ASSERT_TRUE(ch.call("open_checkin", {{"sitting_id", "s1"}}).ok());
    for (const std::string p :
         {"D001", "D002", "D003", "D004", "D005", "D006", "D007", "D008", "A01", "O01"}) {
      auto c = as(p);
      auto checked = check_in(c, p);
      ASSERT_TRUE(checked.ok()) << p << " " << checked.code();
    }
    ASSERT_TRUE(ch.call("open_sitting", {{"sitting_id", "s1"}}).ok());
    ASSERT_TRUE(ch.call("add_item", {{"sitting_id", "s1"},
                                     {"item_id", "i1"},
                                     {"kind", "report"},
                                     {"title", "关于修路的决议"},
                                     {"order", 1},
                                     {"responsible", "党委"}})
                    .ok());
    ASSERT_TRUE(ch.call("set_current_item", {{"sitting_id", "s1"}, {"item_id", "i1"}}).ok());
    for (const std::string v : {"v0", "v1"}) {
      auto created = ch.call("create_vote", {{"vote_id", v},
                                             {"sitting_id", "s1"},
                                             {"item_id", "i1"},
                                             {"kind", "motion"},
                                             {"title", "关于修路的决议"}});
      ASSERT_TRUE(created.ok()) << v << " " << created.code();
    }
    ASSERT_NO_FATAL_FAILURE(run_ceremony(ch));
    ASSERT_TRUE(ch.call("open_vote", {{"vote_id", "v0"}}).ok());
    ASSERT_TRUE(ch.call("close_vote", {{"vote_id", "v0"}}).ok());
    ASSERT_TRUE(ch.call("open_vote", {{"vote_id", "v1"}}).ok());

    auto d1 = as("D001");
    auto state = d1.call("get_state");
    ASSERT_TRUE(state.ok()) << state.code();
    const auto& view = state.fields.at("state").as_object();
    auto joint = crypto::point::from_hex(str(view, "joint_key"));
    ASSERT_TRUE(joint);
    joint_key_ = *joint;
    for (const std::string v : {"v0", "v1"}) {
      auto m = protocol::decode_manifest(view.at("manifests").at(v));
      ASSERT_TRUE(m) << v;
      manifests_.insert_or_assign(v, *m);
    }
    for (const auto& v : view.at("votes").as_array()) {
      auto h = crypto::from_hex_fixed<32>(str(v.as_object(), "election_hash"));
      ASSERT_TRUE(h);
      election_hashes_.insert_or_assign(str(v.as_object(), "id"), *h);
    }

    d001_ballot_ = make("D001", "v1", {{1, 0, 0}}, "D001 ballot");
    auto cast = d1.call("cast_ballot",
                        {{"vote_id", "v1"}, {"ballot", protocol::encode_ballot(*d001_ballot_)}});
    ASSERT_TRUE(cast.ok()) << cast.code();
    d001_receipt_ = json::serialize(cast.fields.at("receipt"));
  }

  // The key ceremony of S1–S3 with k = 2, the crypto library acting as the scrutineers.
  static void run_ceremony(hall_client& ch) {
    ASSERT_TRUE(
        ch.call("start_ceremony",
                {{"sitting_id", "s1"}, {"scrutineers", json::array{"S1", "S2", "S3"}}, {"k", 2}})
            .ok());
    std::vector<crypto::public_key> spks;
    for (int i = 1; i <= 3; ++i) spks.push_back(keys_.at("S" + std::to_string(i)).public_part());
    auto params = crypto::ceremony_params::create("hostile", "s1", spks, 2);
    ASSERT_TRUE(params);
    crypto::seeded_random random("hostile test ceremony");
    std::vector<crypto::keygen_message> messages;
    for (int i = 1; i <= 3; ++i) {
      const std::string s = "S" + std::to_string(i);
      messages.push_back(
          crypto::make_keygen_message(*params, static_cast<std::uint64_t>(i), keys_.at(s), random));
      auto c = as(s);
      auto r = c.call("keygen", {{"sitting_id", "s1"},
                                 {"message", protocol::encode_keygen_message(messages.back())}});
      ASSERT_TRUE(r.ok()) << r.code();
    }
    auto ckeys = crypto::compute_ceremony_keys(*params, messages);
    ASSERT_TRUE(ckeys);
    const auto digest = crypto::key_digest(*params, *ckeys);
    for (int l = 1; l <= 3; ++l) {
      const std::string s = "S" + std::to_string(l);
      const auto sig =
          crypto::confirm_keys(*params, static_cast<std::uint64_t>(l), keys_.at(s), digest);
      auto c = as(s);
      auto r = c.call("confirm_key",
                      {{"sitting_id", "s1"},
                       {"confirmation", json::object{{"index", l}, {"signature", sig.hex()}}}});
      ASSERT_TRUE(r.ok()) << r.code();
    }
  }

  // A valid ballot of `person` (their current key) for `vote`.
  static crypto::ballot make(const std::string& person, const std::string& vote,
                             const crypto::ballot_choices& choices, const std::string& label) {
    return make_with(keys_.at(person), vote, choices, label);
  }

  static crypto::ballot make_with(const crypto::secret_key& key, const std::string& vote,
                                  const crypto::ballot_choices& choices, const std::string& label) {
    crypto::seeded_random random("hostile test ballot " + label);
    auto b = crypto::make_ballot(manifests_.at(vote), election_hashes_.at(vote), joint_key_, key,
                                 choices, random);
    if (!b) throw std::runtime_error("cannot make ballot " + label);
    return std::move(*b);
  }

  // Signs `b` again with `key` (after its fields were changed).
  static void resign(crypto::ballot& b, const crypto::secret_key& key, const std::string& vote) {
    b.voter_pk = key.public_part();
    b.sig = key.sign(crypto::ballot_digest(b, election_hashes_.at(vote)));
  }

  static hall_reply cast(hall_client& c, const std::string& vote, const json::object& ballot) {
    return c.call("cast_ballot", {{"vote_id", vote}, {"ballot", ballot}});
  }

  // The public view and the board's head, as any client can read them.
  static congress_snapshot snapshot() {
    hall_client anon(port_);
    congress_snapshot s;
    auto state = anon.call("get_state");
    EXPECT_TRUE(state.ok()) << state.code();
    s.public_state = json::serialize(state.fields);
    auto end = anon.call("get_board", {{"from_seq", std::uint64_t{1} << 40}, {"limit", 1}});
    EXPECT_TRUE(end.ok()) << end.code();
    s.next_seq = end.fields.at("next_seq").to_number<std::uint64_t>();
    if (s.next_seq > 0) {
      auto last = anon.call("get_board", {{"from_seq", s.next_seq - 1}, {"limit", 1}});
      EXPECT_TRUE(last.ok()) << last.code();
      s.head_hash = str(last.fields.at("events").at(0).as_object(), "entry_hash");
    }
    return s;
  }

  // The ballots received in `vote` (from the public view).
  static std::uint64_t received(const std::string& vote) {
    hall_client anon(port_);
    auto state = anon.call("get_state");
    for (const auto& v : state.fields.at("state").at("votes").as_array())
      if (str(v.as_object(), "id") == vote) return v.at("received").to_number<std::uint64_t>();
    ADD_FAILURE() << "no vote " << vote;
    return 0;
  }

  // Another client is served: a new connection answers ping and a page of the board, and a
  // delegate authenticates and reads their status.
  static void expect_serving() {
    hall_client anon(port_);
    EXPECT_TRUE(anon.call("ping").ok());
    auto page = anon.call("get_board", {{"from_seq", 0}, {"limit", 2}});
    ASSERT_TRUE(page.ok()) << page.code();
    EXPECT_EQ(page.fields.at("events").as_array().size(), 2u);
    auto d5 = as("D005");
    auto status = d5.call("get_my_status");
    EXPECT_TRUE(status.ok()) << status.code();
  }

  // A raw WebSocket whose hello was read.
  static clients::ws_client raw() {
    clients::tls_options o;
    o.verify = clients::verify_mode::insecure;
    auto ws = clients::ws_client::connect("127.0.0.1", port_, o, io_timeout);
    if (!ws) throw std::runtime_error("connect: " + ws.error().message());
    if (!ws->receive(io_timeout)) throw std::runtime_error("no hello");
    return std::move(*ws);
  }

  static inline std::unique_ptr<temp_dir> dir_;
  static inline std::unique_ptr<plenumd_process> server_;
  static inline std::uint16_t port_ = 0;
  static inline std::map<std::string, crypto::secret_key> keys_;
  static inline std::optional<crypto::secret_key> old_tablet_key_;
  static inline std::map<std::string, crypto::manifest> manifests_;
  static inline std::map<std::string, crypto::digest32> election_hashes_;
  static inline crypto::point joint_key_ = crypto::point::generator();
  static inline std::optional<crypto::ballot> d001_ballot_;
  static inline std::string d001_receipt_;
};

TEST_F(hostile_input_test, OversizedFrames) {
  const auto before = snapshot();
  {
    // One byte over the WebSocket limit: the connection is closed with 1009 (message too big).
    auto ws = raw();
    ASSERT_TRUE(ws.send_text(std::string(max_message + 1, ' '), io_timeout));
    auto reply = ws.receive(io_timeout);
    ASSERT_FALSE(reply);
    ASSERT_TRUE(ws.close_reason());
    EXPECT_EQ(ws.close_reason()->code, 1009);
  }
  {
    // Far over: 4 MiB in one message; the server stops reading at the limit.
    auto ws = raw();
    auto sent = ws.send_text(std::string(4 * 1024 * 1024, 'x'), io_timeout);
    if (sent) {
      auto reply = ws.receive(io_timeout);
      ASSERT_FALSE(reply);
      if (ws.close_reason()) {
        EXPECT_EQ(ws.close_reason()->code, 1009);
      }
    }
  }
  {
    // Exactly the limit is read: a ping padded with whitespace is answered.
    hall_client c(port_);
    std::string frame = R"({"v":1,"id":41,"type":"ping"})";
    frame.resize(max_message, ' ');
    auto r = c.call_raw(frame);
    EXPECT_TRUE(r.ok()) << r.code();
    // An oversized list inside the frame limit: 25000 topics where at most 3 are allowed.
    std::string topics = R"({"v":1,"id":42,"type":"subscribe","topics":[)";
    for (int i = 0; i < 25000; ++i) topics += i == 0 ? "\"board\"" : ",\"board\"";
    topics += "]}";
    ASSERT_LT(topics.size(), max_message);
    r = c.call_raw(topics);
    EXPECT_EQ(r.code(), "invalid_field");
    EXPECT_EQ(str(r.fields, "field"), "topics");
    // A string of 200 KiB where 64 bytes are allowed.
    r = c.call("checkin", {{"sitting_id", std::string(200 * 1024, 's')},
                           {"unix_ms", 1},
                           {"signature", std::string(128, '0')}});
    EXPECT_EQ(r.code(), "invalid_field");
    EXPECT_EQ(str(r.fields, "field"), "sitting_id");
  }
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, InvalidUtf8) {
  const auto before = snapshot();
  // A text message must be UTF-8 (RFC 6455 §8.1): the WebSocket layer fails the connection
  // with 1007 (invalid frame payload data) before the JSON parser sees the bytes.
  const std::vector<std::string> bad = {
      "\xff",              // never valid
      "\xc0\xaf",          // overlong '/'
      "\xed\xa0\x80",      // a UTF-16 surrogate
      "\xe4\xb8",          // truncated 中
      "\xf4\x90\x80\x80",  // above U+10FFFF
  };
  for (const auto& b : bad) {
    for (const std::string& frame : {R"({"v":1,"id":7,"type":"ping","x":")" + b + R"("})",
                                     R"({"v":1,"id":8,"type":"ping",")" + b + R"(":1})"}) {
      auto ws = raw();
      ASSERT_TRUE(ws.send_text(frame, io_timeout));
      auto reply = ws.receive(io_timeout);
      ASSERT_FALSE(reply) << *reply;
      ASSERT_TRUE(ws.close_reason());
      EXPECT_EQ(ws.close_reason()->code, 1007);
    }
  }
  // Escapes that decode to no Unicode scalar value are the JSON parser's: malformed_message.
  hall_client c(port_);
  for (const std::string escaped :
       {R"(\ud800)", R"(\udfff)", R"(\ud800\u0041)", R"(\udc00\ud800)"}) {
    auto r = c.call_raw(R"({"v":1,"id":9,"type":"ping","x":")" + escaped + R"("})");
    EXPECT_EQ(r.code(), "malformed_message") << escaped;
  }
  // Valid UTF-8 beyond ASCII is fine: the same connection still works.
  EXPECT_EQ(c.call_raw(R"({"v":1,"id":10,"type":"ping","x":"中\ud83d\ude00"})").code(),
            "invalid_field");
  EXPECT_TRUE(c.call("ping").ok());
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, DeeplyNestedJson) {
  const auto before = snapshot();
  hall_client c(port_);
  auto nested = [](std::size_t arrays) {
    return R"({"v":1,"id":5,"type":"ping","x":)" + std::string(arrays, '[') +
           std::string(arrays, ']') + "}";
  };
  // The frame object and 15 arrays: 16 levels are parsed (and the unknown member refused).
  auto at_limit = c.call_raw(nested(15));
  EXPECT_EQ(at_limit.code(), "invalid_field");
  EXPECT_EQ(str(at_limit.fields, "field"), "x");
  // One more level is malformed.
  EXPECT_EQ(c.call_raw(nested(16)).code(), "malformed_message");
  // 100 000 levels of arrays and of objects: refused without exhausting the stack.
  EXPECT_EQ(c.call_raw(std::string(100000, '[')).code(), "malformed_message");
  std::string objects;
  for (int i = 0; i < 40000; ++i) objects += R"({"a":)";
  EXPECT_EQ(c.call_raw(objects).code(), "malformed_message");
  // Deep inside a ballot (the error has no id: the envelope could not be read).
  json::object ballot = protocol::encode_ballot(*d001_ballot_);
  ballot["contests"] = "@";
  std::string frame = json::serialize(json::object{
      {"v", 1}, {"id", 6}, {"type", "cast_ballot"}, {"vote_id", "v1"}, {"ballot", ballot}});
  frame.replace(frame.find("\"@\""), 3, std::string(20, '[') + std::string(20, ']'));
  auto d4 = as("D004");
  auto r = d4.call_raw(frame);
  EXPECT_EQ(r.code(), "malformed_message");
  EXPECT_FALSE(r.fields.contains("id"));
  EXPECT_TRUE(c.call("ping").ok());
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, UnknownMessageTypes) {
  const auto before = snapshot();
  hall_client anon(port_);
  auto d4 = as("D004");
  for (auto* c : {&anon, &d4}) {
    for (const std::string& type :
         std::vector<std::string>{"vote", "hello", "ok", "error", "board_event", "Ping", "ping ",
                                  "投票", std::string(64, 'a')}) {
      auto r = c->call(type);
      EXPECT_EQ(r.code(), "unknown_message_type") << type;
      EXPECT_EQ(str(r.fields, "field"), "type") << type;
    }
    // Not a type at all: a field error.
    EXPECT_EQ(c->call_raw(R"({"v":1,"id":3,"type":""})").code(), "invalid_field");
    EXPECT_EQ(c->call_raw(R"({"v":1,"id":3,"type":")" + std::string(65, 'a') + "\"}").code(),
              "invalid_field");
    EXPECT_EQ(c->call_raw(R"({"v":1,"id":3,"type":7})").code(), "invalid_field");
    EXPECT_EQ(c->call_raw(R"({"v":1,"id":3})").code(), "invalid_field");
    EXPECT_EQ(c->call_raw(R"({"v":2,"id":3,"type":"ping"})").code(), "unsupported_version");
    EXPECT_EQ(c->call_raw(R"(["v",1,"id",3,"type","ping"])").code(), "malformed_message");
    // The id of a refused frame is echoed.
    auto r = c->call_raw(R"({"v":1,"id":77,"type":"drop_table"})");
    EXPECT_EQ(r.code(), "unknown_message_type");
    EXPECT_TRUE(c->call("ping").ok());
  }
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, ReplayedBallot) {
  const auto before = snapshot();
  const json::object replayed = protocol::encode_ballot(*d001_ballot_);
  // Another delegate replays D001's ballot.
  auto d2 = as("D002");
  auto r = cast(d2, "v1", replayed);
  EXPECT_EQ(r.code(), "not_yourself");
  // The same ballot under another vote's id in the request.
  r = cast(d2, "v0", replayed);
  EXPECT_EQ(r.code(), "invalid_field");
  // D002's own ballot reusing D001's ballot_id.
  auto b = make("D002", "v1", {{0, 1, 0}}, "D002 reused id");
  b.ballot_id = d001_ballot_->ballot_id;
  resign(b, keys_.at("D002"), "v1");
  EXPECT_EQ(cast(d2, "v1", protocol::encode_ballot(b)).code(), "ballot_id_reused");
  // D001 itself, from a new connection: the original receipt, nothing appended (and no board
  // entry with it: the tablet reads its entry as before, PROTOCOL.md §8b).
  auto d1 = as("D001");
  r = cast(d1, "v1", replayed);
  ASSERT_TRUE(r.ok()) << r.code();
  EXPECT_EQ(json::serialize(r.fields.at("receipt")), d001_receipt_);
  EXPECT_FALSE(r.fields.contains("entry"));
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, CiphertextCopiedUnderAnotherKey) {
  const auto before = snapshot();
  auto d2 = as("D002");
  const auto& key = keys_.at("D002");
  // D001's encrypted choices, proofs and all, under D002's key with a fresh ballot id.
  crypto::ballot copy = *d001_ballot_;
  copy.ballot_id[0] ^= 0x5a;
  resign(copy, key, "v1");
  EXPECT_EQ(cast(d2, "v1", protocol::encode_ballot(copy)).code(), "ciphertext_reused");
  // One option's ciphertext of D001's slipped into D002's own ballot.
  auto mixed = make("D002", "v1", {{0, 0, 1}}, "D002 mixed");
  mixed.contests[0].options[1] = d001_ballot_->contests[0].options[1];
  resign(mixed, key, "v1");
  EXPECT_EQ(cast(d2, "v1", protocol::encode_ballot(mixed)).code(), "ciphertext_reused");
  // The same ciphertext twice within one ballot.
  auto twice = make("D002", "v1", {{0, 0, 1}}, "D002 twice");
  twice.contests[0].options[1] = twice.contests[0].options[0];
  resign(twice, key, "v1");
  EXPECT_EQ(cast(d2, "v1", protocol::encode_ballot(twice)).code(), "ciphertext_reused");
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, BallotForClosedVote) {
  const auto before = snapshot();
  auto d4 = as("D004");
  auto closed = make("D004", "v0", {{1, 0, 0}}, "D004 v0");
  EXPECT_EQ(cast(d4, "v0", protocol::encode_ballot(closed)).code(), "vote_not_open");
  // A vote that does not exist.
  auto unknown = closed;
  unknown.vote_id = "v9";
  resign(unknown, keys_.at("D004"), "v0");
  EXPECT_EQ(cast(d4, "v9", protocol::encode_ballot(unknown)).code(), "unknown_vote");
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, VoteByObserverAlternateOrAbsentDelegate) {
  const auto before = snapshot();
  for (const std::string p : {"O01", "A01"}) {
    auto c = as(p);
    auto b = make(p, "v1", {{1, 0, 0}}, p + " ballot");
    EXPECT_EQ(cast(c, "v1", protocol::encode_ballot(b)).code(), "not_a_voter") << p;
  }
  // D009 is seated and enrolled but did not check in.
  auto d9 = as("D009");
  auto b = make("D009", "v1", {{1, 0, 0}}, "D009 ballot");
  EXPECT_EQ(cast(d9, "v1", protocol::encode_ballot(b)).code(), "not_checked_in");
  // Nobody authenticated at all.
  hall_client anon(port_);
  EXPECT_EQ(cast(anon, "v1", protocol::encode_ballot(b)).code(), "unauthenticated");
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, DoubleVoteFromTwoTablets) {
  // The first tablet's key was revoked when D003 enrolled a second one.
  {
    hall_client old_tablet(port_);
    EXPECT_EQ(old_tablet.auth(*old_tablet_key_).code(), "key_revoked");
    auto b = make_with(*old_tablet_key_, "v1", {{1, 0, 0}}, "D003 old tablet");
    EXPECT_EQ(cast(old_tablet, "v1", protocol::encode_ballot(b)).code(), "unauthenticated");
  }
  const auto before = snapshot();
  const auto received_before = received("v1");
  // Two tablets with D003's current key send different ballots at the same time.
  auto a = as("D003");
  auto b = as("D003");
  const auto for_ballot = make("D003", "v1", {{1, 0, 0}}, "D003 tablet a");
  const auto against_ballot = make("D003", "v1", {{0, 1, 0}}, "D003 tablet b");
  hall_reply ra;
  hall_reply rb;
  std::thread ta([&] { ra = cast(a, "v1", protocol::encode_ballot(for_ballot)); });
  std::thread tb([&] { rb = cast(b, "v1", protocol::encode_ballot(against_ballot)); });
  ta.join();
  tb.join();
  ASSERT_NE(ra.ok(), rb.ok()) << ra.code() << " " << rb.code();
  EXPECT_EQ((ra.ok() ? rb : ra).code(), "already_voted");
  const auto after_one = snapshot();
  EXPECT_EQ(after_one.next_seq, before.next_seq + 1);
  EXPECT_EQ(received("v1"), received_before + 1);
  // The refused tablet tries again: still refused, nothing appended.
  auto& loser = ra.ok() ? b : a;
  const auto& lost = ra.ok() ? against_ballot : for_ballot;
  EXPECT_EQ(cast(loser, "v1", protocol::encode_ballot(lost)).code(), "already_voted");
  EXPECT_EQ(snapshot(), after_one);
  expect_serving();
}

TEST_F(hostile_input_test, ForgedCheckin) {
  const auto before = snapshot();
  auto d9 = as("D009");
  const auto now = d9.call("ping").fields.at("server_unix_ms").to_number<std::uint64_t>();
  const auto d9_pk = keys_.at("D009").public_part();
  auto checkin = [&](hall_client& c, std::uint64_t unix_ms, const crypto::signature& sig) {
    return c.call("checkin",
                  {{"sitting_id", "s1"}, {"unix_ms", unix_ms}, {"signature", sig.hex()}});
  };
  // Signed by another delegate's key.
  EXPECT_EQ(
      checkin(d9, now, keys_.at("D010").sign(crypto::checkin_digest("s1", d9_pk, now))).code(),
      "bad_checkin_signature");
  // D001's own check-in signature, replayed.
  const auto d1_pk = keys_.at("D001").public_part();
  EXPECT_EQ(
      checkin(d9, now, keys_.at("D001").sign(crypto::checkin_digest("s1", d1_pk, now))).code(),
      "bad_checkin_signature");
  // Signed for another sitting, or another time than the one sent.
  EXPECT_EQ(
      checkin(d9, now, keys_.at("D009").sign(crypto::checkin_digest("s2", d9_pk, now))).code(),
      "bad_checkin_signature");
  EXPECT_EQ(
      checkin(d9, now, keys_.at("D009").sign(crypto::checkin_digest("s1", d9_pk, now + 1))).code(),
      "bad_checkin_signature");
  // A genuine signature an hour old.
  const auto stale = now - 3600 * 1000;
  EXPECT_EQ(
      checkin(d9, stale, keys_.at("D009").sign(crypto::checkin_digest("s1", d9_pk, stale))).code(),
      "stale_checkin");
  // An assisted check-in the secretary did not sign.
  auto se = as("SE");
  const auto d10_pk = keys_.at("D010").public_part();
  const auto forged = keys_.at("D010").sign(crypto::checkin_digest("s1", d10_pk, now));
  const json::object assisted{{"sitting_id", "s1"},
                              {"person", "D010"},
                              {"unix_ms", now},
                              {"reason", "手机没电"},
                              {"signature", forged.hex()}};
  EXPECT_EQ(se.call("assisted_checkin", assisted).code(), "bad_checkin_signature");
  // A delegate cannot check another in, even with a good signature of its own.
  auto d1 = as("D001");
  json::object by_delegate = assisted;
  by_delegate["signature"] = keys_.at("D001").sign(crypto::checkin_digest("s1", d10_pk, now)).hex();
  EXPECT_EQ(d1.call("assisted_checkin", by_delegate).code(), "permission_denied");
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

TEST_F(hostile_input_test, SlowReadingClient) {
  // A subscriber on a socket with a 4 KiB receive buffer that never reads. Its own replay
  // requests and the others' events fill its send queue (max_message bytes here) until the
  // server drops it; meanwhile a normal subscriber gets every event and requests are answered.
  tls_peer slow(port_, 4096);
  ASSERT_TRUE(slow.upgrade());
  hall_client watcher(port_);
  auto sub = watcher.call("subscribe", {{"topics", json::array{"board"}}});
  ASSERT_TRUE(sub.ok()) << sub.code();
  const auto first = sub.fields.at("next_seq").to_number<std::uint64_t>();
  for (int i = 0; i < 20; ++i)
    slow.send_text(R"({"v":1,"id":)" + std::to_string(i) +
                   R"(,"type":"subscribe","topics":["board","state"],"since_seq":0})");
  auto se = as("SE");
  constexpr int events = 30;
  for (int i = 0; i < events; ++i) {
    auto r = se.call("issue_enrollment_code", {{"person", "X01"}});
    ASSERT_TRUE(r.ok()) << r.code();
  }
  for (int i = 0; i < events;) {
    auto push = watcher.next_push("board_events", io_timeout);
    ASSERT_TRUE(push) << "event " << i;
    for (const auto& e : push->at("events").as_array())
      EXPECT_EQ(e.at("seq").to_number<std::uint64_t>(), first + i++);
  }
  EXPECT_TRUE(slow.drained_until_closed(io_timeout));
  EXPECT_NE(read_file(log_file()).find("send queue over its limit"), std::string::npos);
  EXPECT_TRUE(watcher.call("ping").ok());
  expect_serving();
}

TEST_F(hostile_input_test, ConnectionFlood) {
  const auto before = snapshot();
  std::vector<tcp_peer> idle;
  std::vector<std::unique_ptr<tls_peer>> tls_idle;
  {
    // 900 TCP connections that never finish a TLS handshake (half of them stop after the
    // first bytes of a ClientHello), and 100 that finish TLS but never send a request.
    const std::string partial_hello("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
    for (int i = 0; i < 900; ++i) {
      idle.emplace_back(port_);
      if (i % 2 == 0) idle.back().write(partial_hello);
    }
    for (int i = 0; i < 100; ++i) tls_idle.push_back(std::make_unique<tls_peer>(port_));
  }
  // A normal client keeps working while they are all open.
  auto d5 = as("D005");
  EXPECT_TRUE(d5.call("get_my_status").ok());
  auto state = d5.call("get_state");
  EXPECT_TRUE(state.ok()) << state.code();
  EXPECT_EQ(snapshot(), before);
  expect_serving();
  idle.clear();
  tls_idle.clear();
  EXPECT_TRUE(d5.call("ping").ok());
  expect_serving();
}

TEST_F(hostile_input_test, NonCanonicalEncodings) {
  const auto before = snapshot();
  auto d4 = as("D004");
  const auto valid = make("D004", "v1", {{1, 0, 0}}, "D004 canonical");
  auto mutated = [&](auto&& change) {
    json::object b = protocol::encode_ballot(valid);
    change(b);
    return cast(d4, "v1", b);
  };
  auto option0 = [](json::object& b) -> json::object& {
    return b["contests"].as_array()[0].as_object()["options"].as_array()[0].as_object();
  };
  // A proof scalar at or above the group order.
  auto r = mutated([&](json::object& b) {
    option0(b)["proof"].as_array()[0].as_object()["c"] = std::string(64, 'f');
  });
  EXPECT_EQ(r.code(), "non_canonical_scalar");
  EXPECT_NE(str(r.fields, "field").find("proof"), std::string::npos) << str(r.fields, "field");
  r = mutated([&](json::object& b) {
    // q = 2^252 + 27742317777372353535851937790883648493, little-endian.
    option0(b)["proof"].as_array()[0].as_object()["z"] =
        "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";
  });
  EXPECT_EQ(r.code(), "non_canonical_scalar");
  // A point whose encoding is not canonical (the field element p itself) or is the identity.
  r = mutated([&](json::object& b) { option0(b)["alpha"] = "ed" + std::string(60, 'f') + "7f"; });
  EXPECT_EQ(r.code(), "invalid_point");
  r = mutated([&](json::object& b) { option0(b)["alpha"] = std::string(64, '0'); });
  EXPECT_EQ(r.code(), "invalid_point");
  // Hex in upper case, with a prefix, or of the wrong length.
  r = mutated([&](json::object& b) {
    std::string id = str(b, "ballot_id");
    for (auto& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    id[0] = 'A';
    b["ballot_id"] = id;
  });
  EXPECT_EQ(r.code(), "invalid_field");
  EXPECT_NE(str(r.fields, "field").find("ballot_id"), std::string::npos) << str(r.fields, "field");
  r = mutated([&](json::object& b) { b["ballot_id"] = "0x" + str(b, "ballot_id").substr(2); });
  EXPECT_EQ(r.code(), "invalid_field");
  r = mutated([&](json::object& b) { b["ballot_id"] = str(b, "ballot_id") + "00"; });
  EXPECT_EQ(r.code(), "invalid_field");
  // Numbers that are integers only in value.
  for (const std::string id : {"1.0", "1e0", "-1", "9007199254740992"})
    EXPECT_EQ(d4.call_raw(R"({"v":1,"id":)" + id + R"(,"type":"ping"})").code(), "invalid_field")
        << id;
  EXPECT_EQ(d4.call_raw(R"({"v":1.0,"id":1,"type":"ping"})").code(), "invalid_field");
  EXPECT_EQ(d4.call_raw(R"({"v":"1","id":1,"type":"ping"})").code(), "invalid_field");
  EXPECT_EQ(d4.call_raw(R"({"v":1,"id":01,"type":"ping"})").code(), "malformed_message");
  // The same key twice, once escaped.
  EXPECT_EQ(d4.call_raw(R"({"v":1,"id":1,"type":"ping","\u0076":1})").code(), "malformed_message");
  EXPECT_EQ(d4.call_raw(R"({"v":1,"id":1,"type":"ping","type":"ping"})").code(),
            "malformed_message");
  // An explicit null for an optional field.
  EXPECT_EQ(d4.call_raw(R"({"v":1,"id":1,"type":"subscribe","topics":["board"],"since_seq":null})")
                .code(),
            "invalid_field");
  // The valid ballot itself would be accepted: the refusals were about the encodings.
  EXPECT_EQ(snapshot(), before);
  expect_serving();
}

// Last in the file: it leaves the loopback address limited for the rest of the minute.
TEST_F(hostile_input_test, GuessingEnrollmentCodesIsRateLimited) {
  const auto before = snapshot();
  auto guesser = make_key("guesser");
  // Three wrong codes close a connection; the address may be refused 20 times a minute (the
  // tests above were refused a few times already from this address).
  int refused = 0;
  bool limited = false;
  while (!limited && refused <= 20) {
    hall_client c(port_);
    for (int attempt = 0; attempt < 3; ++attempt) {
      auto r = enroll(c, "X01", "AAAA-AAAA-AAAA-AAA" + std::to_string(attempt), guesser);
      if (r.code() == "rate_limited") {
        limited = true;
        break;
      }
      EXPECT_EQ(r.code(), "bad_enrollment_code");
      ++refused;
      if (attempt == 2) {
        EXPECT_TRUE(c.closed_by_server(5s));
      }
    }
  }
  EXPECT_TRUE(limited);
  EXPECT_GE(refused, 1);
  EXPECT_LE(refused, 20);
  // The limit holds on a fresh connection, and for authentication even with a good key.
  hall_client next(port_);
  EXPECT_EQ(enroll(next, "X01", "AAAA-AAAA-AAAA-AAAA", guesser).code(), "rate_limited");
  EXPECT_EQ(next.auth(keys_.at("D004")).code(), "rate_limited");
  EXPECT_EQ(snapshot(), before);
}

}  // namespace
}  // namespace plenum::tests
