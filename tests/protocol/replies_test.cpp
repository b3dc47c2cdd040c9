// Replies and pushes: encoded by the server, decoded by a client, to the same values.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "kat.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/replies.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

template <typename T>
void expect_round_trip(const T& value) {
  const std::string text = encode_reply(42, value);
  auto f = parse_server_frame(text);
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(f->id, 42u);
  EXPECT_EQ(f->type, "ok");
  auto back = decode_reply<T>(*f);
  ASSERT_TRUE(back) << text << "\n" << back.error().message();
  EXPECT_TRUE(*back == value) << text;
  EXPECT_EQ(encode_reply(42, *back), text);
}

TEST(Replies, EveryReplyRoundTrips) {
  expect_round_trip(auth_reply{"D-017", {"delegate", "scrutineer"}});
  expect_round_trip(enroll_reply{"D-017"});
  expect_round_trip(ping_reply{1790000000000});
  expect_round_trip(subscribe_reply{1234});
  expect_round_trip(checkin_reply{77});
  expect_round_trip(confirm_key_reply{true});
  expect_round_trip(partial_decryption_reply{2, 2});

  const auto key = test::secret_key_field(test::kat().at("voters").at(0).at("sk"));
  receipt r;
  r.tracking_code = crypto::entry_hash(1, crypto::genesis_hash, "a", "b");
  r.board_seq = 9;
  r.board_entry_hash = crypto::entry_hash(9, crypto::genesis_hash, "ballot_cast", "{}");
  r.sig = key.sign(crypto::receipt_digest(r.tracking_code, r.board_seq, r.board_entry_hash));
  expect_round_trip(cast_ballot_reply{r, "7ZK3-M0QH-X4TB-9C2D", std::nullopt});
  // With the entry the receipt names.
  board_event e;
  e.seq = 9;
  e.prev_hash = crypto::genesis_hash;
  e.type = "ballot_cast";
  e.payload = "{}";
  e.entry_hash = r.board_entry_hash;
  e.sig = key.sign(e.entry_hash);
  expect_round_trip(cast_ballot_reply{r, "7ZK3-M0QH-X4TB-9C2D", e});
  // An entry whose hash is not its fields' is refused at its field.
  e.payload = "{\"x\":1}";
  auto forged = parse_server_frame(encode_reply(4, cast_ballot_reply{r, "7ZK3-M0QH-X4TB-9C2D", e}));
  ASSERT_TRUE(forged);
  auto refused = decode_reply<cast_ballot_reply>(*forged);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "entry.entry_hash");
}

TEST(Replies, RefusesWhatIsNotTheReply) {
  EXPECT_THROW((void)encode_reply(1, auth_reply{"D-017", {"king"}}), std::invalid_argument);
  auto roles = parse_server_frame(R"({"v":1,"id":1,"type":"ok","person":"p","roles":["king"]})");
  ASSERT_TRUE(roles);
  auto refused = decode_reply<auth_reply>(*roles);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "roles[0]");

  auto error = parse_server_frame(encode_error(3, errc::vote_not_open, "the vote is not open"));
  ASSERT_TRUE(error);
  auto not_ok = decode_reply<ping_reply>(*error);
  ASSERT_FALSE(not_ok);
  EXPECT_EQ(not_ok.error().field, "type");

  auto extra = parse_server_frame(R"({"v":1,"id":1,"type":"ok","next_seq":1,"more":2})");
  ASSERT_TRUE(extra);
  auto more = decode_reply<subscribe_reply>(*extra);
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().field, "more");
}

TEST(Pushes, BoardEventsPushRoundTripsAndChecksEachHash) {
  const auto key = test::secret_key_field(test::kat().at("voters").at(1).at("sk"));
  board_event e;
  e.seq = 5;
  e.prev_hash = crypto::entry_hash(4, crypto::genesis_hash, "x", "{}");
  e.type = "checked_in";
  e.payload = R"({"person":"D-017","unix_ms":1790000000000})";
  e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
  e.sig = key.sign(e.entry_hash);
  board_event next;
  next.seq = 7;  // a ballot left out before it, as a basis reader sees it
  next.prev_hash = crypto::entry_hash(6, e.entry_hash, "x", "{}");
  next.type = "vote_closed";
  next.payload = R"({"vote_id":"v1"})";
  next.entry_hash = crypto::entry_hash(next.seq, next.prev_hash, next.type, next.payload);
  next.sig = key.sign(next.entry_hash);
  const std::string text = encode_board_events_push({e, next});
  auto f = parse_server_frame(text);
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_FALSE(f->id.has_value());
  EXPECT_EQ(f->type, "board_events");
  auto back = decode_board_events_push(*f);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, (std::vector<board_event>{e, next}));

  json::object tampered = json::parse(text).as_object();
  tampered["events"].as_array()[1].as_object()["seq"] = 8;
  auto g = parse_server_frame(json::serialize(tampered));
  ASSERT_TRUE(g);
  auto refused = decode_board_events_push(*g);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "events[1].entry_hash");

  // Out of order, empty, or more than 256 events: refused.
  auto backwards = parse_server_frame(encode_board_events_push({next, e}));
  ASSERT_TRUE(backwards);
  auto refused_order = decode_board_events_push(*backwards);
  ASSERT_FALSE(refused_order);
  EXPECT_EQ(refused_order.error().field, "events[1].seq");
  auto empty = parse_server_frame(R"({"v":1,"type":"board_events","events":[]})");
  ASSERT_TRUE(empty);
  EXPECT_FALSE(decode_board_events_push(*empty));
  EXPECT_THROW((void)encode_board_events_push({}), std::invalid_argument);
  EXPECT_THROW((void)encode_board_events_push(std::vector<board_event>(257, e)),
               std::invalid_argument);
}

TEST(Replies, ACastBallotReplyIsTheTextOfItsFields) {
  const auto key = test::secret_key_field(test::kat().at("voters").at(1).at("sk"));
  cast_ballot_reply r;
  r.receipt.tracking_code = crypto::entry_hash(1, crypto::genesis_hash, "t", "{}");
  r.receipt.board_seq = 4711;
  r.receipt.board_entry_hash = crypto::entry_hash(2, crypto::genesis_hash, "e", "{}");
  r.receipt.sig = key.sign(r.receipt.board_entry_hash);
  r.tracking_code_display = crypto::tracking_code_display(r.receipt.tracking_code);
  auto generic = [&](const cast_ballot_reply& reply) {
    json::object fields{{"receipt", encode_receipt(reply.receipt)},
                        {"tracking_code_display", reply.tracking_code_display}};
    if (reply.entry) fields["entry"] = encode_board_event(*reply.entry);
    return encode_ok(9007199254740991u, fields);
  };
  // A repeated cast's reply has no entry; a first one carries the ballot's entry.
  EXPECT_EQ(encode_reply(9007199254740991u, r), generic(r));
  board_event e;
  e.seq = 4711;
  e.type = "ballot_accepted";
  e.payload = R"({"vote_id":"v\"1","ballot":{"contests":[]}})";
  e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
  e.sig = key.sign(e.entry_hash);
  r.receipt.board_entry_hash = e.entry_hash;
  r.entry = e;
  EXPECT_EQ(encode_reply(9007199254740991u, r), generic(r));
  expect_round_trip(r);
}

TEST(Pushes, BoardEventsPushIsTheTextOfItsEventsObjects) {
  // Written directly, the push is the very text the JSON encoder makes of its events: a payload
  // that needs escaping, a sealed event, a type with a quote.
  const auto key = test::secret_key_field(test::kat().at("voters").at(1).at("sk"));
  std::vector<board_event> events;
  for (std::uint64_t seq : {3u, 9u, 10u}) {
    board_event e;
    e.seq = seq;
    e.prev_hash = crypto::entry_hash(seq - 1, crypto::genesis_hash, "x", "{}");
    e.type = seq == 9 ? "vote_\"decided\"" : "opinion_logged";
    e.payload = R"({"text":"“引号” \"q\" \\ /\n\t)" + std::string(1, '\x01') + R"(","n":)" +
                std::to_string(seq) + "}";
    e.sealed = seq == 10;
    if (e.sealed) e.payload.clear();
    e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
    e.sig = key.sign(e.entry_hash);
    events.push_back(e);
  }
  json::array objects;
  for (const auto& e : events) objects.push_back(encode_board_event(e));
  EXPECT_EQ(encode_board_events_push(events),
            encode_push("board_events", json::object{{"events", std::move(objects)}}));
  EXPECT_EQ(encode_board_events_push({events.front()}),
            encode_push("board_events",
                        json::object{{"events", json::array{encode_board_event(events.front())}}}));
}

}  // namespace
}  // namespace plenum::protocol
