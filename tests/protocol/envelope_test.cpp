// The frame layer refuses every hostile input with its specific code.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/strict_json.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

void expect_refused(const decoded<frame>& r, errc code, std::string_view field = {}) {
  ASSERT_FALSE(r) << "accepted";
  EXPECT_EQ(r.error().code, code) << r.error().message();
  EXPECT_EQ(r.error().field, field) << r.error().message();
}

TEST(StrictJson, AcceptsPlainJson) {
  auto v = parse_strict_json(R"( {"a":[1,2,{"b":"中文"}],"c":null} )");
  ASSERT_TRUE(v) << v.error().message();
  EXPECT_EQ(v->at("a").at(2).at("b").as_string(), "中文");
}

TEST(StrictJson, RefusesOversizedText) {
  std::string big = "\"" + std::string(300 * 1024, 'a') + "\"";
  auto v = parse_strict_json(big);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::message_too_large);
  // The limit is configurable and inclusive.
  EXPECT_TRUE(parse_strict_json("[1,2]", json_limits{5, 16}));
  EXPECT_FALSE(parse_strict_json("[1,2] ", json_limits{5, 16}));
}

TEST(StrictJson, RefusesInvalidUtf8) {
  for (std::string bad : {std::string("\"\xff\""), std::string("\"\xc3\""),
                          std::string("\"\xed\xa0\x80\""), std::string("{\"\xc0\xaf\":1}")}) {
    auto v = parse_strict_json(bad);
    ASSERT_FALSE(v) << bad;
    EXPECT_EQ(v.error().code, errc::malformed_message);
    EXPECT_EQ(v.error().reason, "not valid UTF-8");
  }
  // Valid multi-byte sequences of every length pass.
  EXPECT_TRUE(parse_strict_json("\"\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\""));
  // A syntax error in valid UTF-8 is not blamed on the encoding.
  EXPECT_EQ(parse_strict_json("[1,]").error().reason, "not valid JSON: syntax error");
}

TEST(StrictJson, RefusesDeepNestingWithoutCrashing) {
  std::string deep = std::string(10000, '[') + std::string(10000, ']');
  auto v = parse_strict_json(deep);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::malformed_message);
  EXPECT_NE(v.error().reason.find("nested deeper"), std::string::npos);
  std::string deep_objects;
  for (int i = 0; i < 10000; ++i) deep_objects += "{\"a\":";
  EXPECT_FALSE(parse_strict_json(deep_objects + "1" + std::string(10000, '}')));
  // Exactly at the limit is fine.
  EXPECT_TRUE(parse_strict_json(std::string(16, '[') + std::string(16, ']')));
  EXPECT_FALSE(parse_strict_json(std::string(17, '[') + std::string(17, ']')));
}

TEST(StrictJson, RefusesDuplicateKeys) {
  auto v = parse_strict_json(R"({"a":1,"b":{"x":1,"x":2}})");
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::malformed_message);
  EXPECT_NE(v.error().reason.find("\"x\""), std::string::npos);
  EXPECT_FALSE(parse_strict_json(R"({"":1,"":2})"));
  // The same key in sibling objects is not a duplicate, and an escaped spelling is the same key.
  EXPECT_TRUE(parse_strict_json(R"([{"x":1},{"x":2}])"));
  EXPECT_FALSE(parse_strict_json(R"({"x":1,"\u0078":2})"));
}

TEST(StrictJson, RefusesDuplicateKeysInLargeObjects) {
  // An object of many members is watched through a set: a repeat among the first keys, among
  // the later ones or across the two is refused all the same.
  auto object_of = [](int members, const std::string& extra) {
    std::string text = "{";
    for (int i = 0; i < members; ++i)
      text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    return text + extra + "}";
  };
  EXPECT_TRUE(parse_strict_json(object_of(100, "\"last\":1")));
  for (const std::string repeat : {"k0", "k31", "k32", "k99"}) {
    auto v = parse_strict_json(object_of(100, "\"" + repeat + "\":1"));
    ASSERT_FALSE(v) << repeat;
    EXPECT_NE(v.error().reason.find("\"" + repeat + "\""), std::string::npos) << repeat;
  }
  // A nested object's keys are its own, before and after the parent grew large.
  EXPECT_TRUE(parse_strict_json(R"({"x":{"x":1,"y":2},"y":3})"));
  EXPECT_TRUE(parse_strict_json(object_of(40, R"("inner":{"k0":1,"k39":2},"after":1)")));
  EXPECT_FALSE(parse_strict_json(object_of(40, R"("inner":{"k0":1},"k1":2)")));
}

TEST(StrictJson, ValuesComeFromTheGivenStorage) {
  boost::json::monotonic_resource arena;
  boost::json::storage_ptr storage(&arena);
  auto v =
      parse_strict_json(R"({"a":["x",{"b":"a string longer than a small buffer"}]})", {}, storage);
  ASSERT_TRUE(v) << v.error().message();
  EXPECT_EQ(v->storage().get(), &arena);
  auto f = parse_request(R"({"v":1,"id":3,"type":"ping","x":{"y":[1,2]}})", {}, storage);
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(f->fields.storage().get(), &arena);
  EXPECT_EQ(f->fields.at("x").at("y").as_array().size(), 2u);
}

TEST(StrictJson, RefusesNonStandardJson) {
  for (const char* bad : {"", "{", "[1,]", "{\"a\":1,}", "// c\n1", "[1] [2]", "NaN", "'a'",
                          "{\"a\" 1}", "\"\x01\""}) {
    auto v = parse_strict_json(bad);
    ASSERT_FALSE(v) << bad;
    EXPECT_EQ(v.error().code, errc::malformed_message) << bad;
  }
}

TEST(Envelope, ParsesARequest) {
  auto f = parse_request(R"({"v":1,"id":7,"type":"ping","x":[1]})");
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(f->id, 7u);
  EXPECT_EQ(f->type, "ping");
  EXPECT_EQ(f->fields.size(), 1u);
  EXPECT_TRUE(f->fields.contains("x"));
}

TEST(Envelope, RefusesBadEnvelopes) {
  expect_refused(parse_request("[1]"), errc::malformed_message);
  expect_refused(parse_request("{\"v\":1,\"id\":1,\"type\":\"ping\""), errc::malformed_message);
  expect_refused(parse_request(R"({"id":1,"type":"ping"})"), errc::invalid_field, "v");
  expect_refused(parse_request(R"({"v":"1","id":1,"type":"ping"})"), errc::invalid_field, "v");
  expect_refused(parse_request(R"({"v":1.0,"id":1,"type":"ping"})"), errc::invalid_field, "v");
  expect_refused(parse_request(R"({"v":2,"id":1,"type":"ping"})"), errc::unsupported_version, "v");
  expect_refused(parse_request(R"({"v":-1,"id":1,"type":"ping"})"), errc::unsupported_version, "v");
  expect_refused(parse_request(R"({"v":1,"type":"ping"})"), errc::invalid_field, "id");
  expect_refused(parse_request(R"({"v":1,"id":-1,"type":"ping"})"), errc::invalid_field, "id");
  expect_refused(parse_request(R"({"v":1,"id":1.5,"type":"ping"})"), errc::invalid_field, "id");
  expect_refused(parse_request(R"({"v":1,"id":9007199254740992,"type":"ping"})"),
                 errc::invalid_field, "id");
  expect_refused(parse_request(R"({"v":1,"id":18446744073709551616,"type":"ping"})"),
                 errc::invalid_field, "id");
  expect_refused(parse_request(R"({"v":1,"id":"1","type":"ping"})"), errc::invalid_field, "id");
  expect_refused(parse_request(R"({"v":1,"id":1})"), errc::invalid_field, "type");
  expect_refused(parse_request(R"({"v":1,"id":1,"type":""})"), errc::invalid_field, "type");
  expect_refused(parse_request(R"({"v":1,"id":1,"type":7})"), errc::invalid_field, "type");
  expect_refused(parse_request(R"({"v":1,"id":1,"type":")" + std::string(65, 'a') + "\"}"),
                 errc::invalid_field, "type");
}

TEST(Envelope, RefusalCarriesTheRequestIdWhenReadable) {
  auto r = parse_request(R"({"v":2,"id":41,"type":"ping"})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().request_id, 41u);
  auto s = parse_request(R"({"v":1,"id":"x","type":"ping"})");
  ASSERT_FALSE(s);
  EXPECT_FALSE(s.error().request_id.has_value());
}

TEST(Envelope, ServerFramesMayOmitTheId) {
  auto f = parse_server_frame(R"({"v":1,"type":"board_event","seq":3})");
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_FALSE(f->id.has_value());
  EXPECT_EQ(f->type, "board_event");
}

TEST(Envelope, EncodesReplies) {
  EXPECT_EQ(encode_ok(7, json::object{{"server_time", 5}}),
            R"({"v":1,"id":7,"type":"ok","server_time":5})");
  EXPECT_EQ(encode_error(7, errc::vote_not_open, "the vote is not open"),
            R"({"v":1,"id":7,"type":"error","code":"vote_not_open",)"
            R"("category":"failed_precondition","message":"the vote is not open"})");
  EXPECT_EQ(encode_push("board_event", json::object{{"seq", 1}}),
            R"({"v":1,"type":"board_event","seq":1})");
  EXPECT_THROW((void)encode_ok(1, json::object{{"type", "x"}}), std::invalid_argument);
  EXPECT_THROW((void)encode_push("t", json::object{{"v", 2}}), std::invalid_argument);
}

TEST(Envelope, ForeignCodesAreSentAsInternalWithoutTheirText) {
  const std::string text = encode_error(
      std::nullopt, boost::system::error_code(5, boost::system::generic_category()), "secret");
  EXPECT_EQ(text, R"({"v":1,"type":"error","code":"internal","category":"internal",)"
                  R"("message":"internal error"})");
}

TEST(Envelope, ErrorReplyOfARefusalNamesTheField) {
  auto r = parse_request(R"({"v":1,"id":3,"type":7})");
  ASSERT_FALSE(r);
  auto reply = parse_server_frame(encode_error(r.error()));
  ASSERT_TRUE(reply) << reply.error().message();
  EXPECT_EQ(reply->id, 3u);
  EXPECT_EQ(reply->type, "error");
  EXPECT_EQ(reply->fields.at("code").as_string(), "invalid_field");
  EXPECT_EQ(reply->fields.at("category").as_string(), "invalid_argument");
  EXPECT_EQ(reply->fields.at("field").as_string(), "type");
  EXPECT_EQ(reply->fields.at("message").as_string(), "type: must be a string, not an integer");
}

}  // namespace
}  // namespace plenum::protocol
