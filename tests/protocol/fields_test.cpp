// The field readers: types, ranges, hex, group elements, and the path in every refusal.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "plenum/crypto/group.hpp"
#include "plenum/protocol/fields.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

// The group order q, little-endian: the smallest non-canonical scalar.
constexpr const char* order_hex =
    "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

template <typename T>
void expect_refused(const decoded<T>& r, errc code, std::string_view field) {
  ASSERT_FALSE(r) << "accepted";
  EXPECT_EQ(r.error().code, code) << r.error().message();
  EXPECT_EQ(r.error().field, field) << r.error().message();
}

TEST(FieldPath, RendersDottedPaths) {
  const field_path root;
  EXPECT_EQ(root.str(), "");
  EXPECT_EQ(root.child("a").str(), "a");
  const field_path contests = root.child("contests");
  const field_path second = contests.at(2);
  const field_path options = second.child("options");
  EXPECT_EQ(options.at(0).child("alpha").str(), "contests[2].options[0].alpha");
  EXPECT_EQ(root.child("list").at(1).at(0).str(), "list[1][0]");
}

TEST(Fields, Integers) {
  const field_path root;
  const json::value doc = json::parse(
      R"({"ok":5,"neg":-1,"big":9007199254740992,"huge":18446744073709551616,
          "frac":1.5,"exp":1e3,"str":"5","bool":true})");
  const object_reader r(doc.as_object(), root);
  EXPECT_EQ(*r.u64("ok"), 5u);
  EXPECT_EQ(*r.i64("neg"), -1);
  expect_refused(r.u64("ok", 6, 10), errc::invalid_field, "ok");
  expect_refused(r.u64("neg"), errc::invalid_field, "neg");
  expect_refused(r.u64("big"), errc::invalid_field, "big");
  expect_refused(r.i64("big"), errc::invalid_field, "big");
  expect_refused(r.u64("huge"), errc::invalid_field, "huge");
  EXPECT_NE(r.u64("huge").error().reason.find("out of range"), std::string::npos);
  expect_refused(r.u64("frac"), errc::invalid_field, "frac");
  expect_refused(r.u64("exp"), errc::invalid_field, "exp");
  expect_refused(r.u64("str"), errc::invalid_field, "str");
  expect_refused(r.u64("bool"), errc::invalid_field, "bool");
  expect_refused(r.u64("missing"), errc::invalid_field, "missing");
  EXPECT_EQ(r.u64("missing").error().reason, "is required");
  EXPECT_FALSE(r.optional_u64("missing")->has_value());
  EXPECT_EQ(**r.optional_u64("ok"), 5u);
  expect_refused(r.optional_u64("neg"), errc::invalid_field, "neg");
}

TEST(Fields, StringsBoolsArrays) {
  const field_path root;
  const json::value doc =
      json::parse(R"({"s":"中文","e":"","n":null,"b":false,"a":[1,2,3],"o":{"x":1}})");
  const object_reader r(doc.as_object(), root);
  EXPECT_EQ(*r.string("s", 6), "中文");
  expect_refused(r.string("s", 5), errc::invalid_field, "s");
  expect_refused(r.string("e", 5), errc::invalid_field, "e");
  EXPECT_EQ(*r.string("e", 5, 0), "");
  expect_refused(r.string("n", 5), errc::invalid_field, "n");
  expect_refused(r.optional_string("n", 5), errc::invalid_field, "n");
  EXPECT_FALSE(r.optional_string("absent", 5)->has_value());
  EXPECT_FALSE(*r.boolean("b"));
  expect_refused(r.boolean("s"), errc::invalid_field, "s");
  EXPECT_EQ(r.array("a", 3)->get().size(), 3u);
  expect_refused(r.array("a", 2), errc::invalid_field, "a");
  expect_refused(r.array("a", 10, 4), errc::invalid_field, "a");
  expect_refused(r.array("o", 10), errc::invalid_field, "o");
  auto inner = r.object("o");
  ASSERT_TRUE(inner);
  expect_refused(inner->u64("y"), errc::invalid_field, "o.y");
  expect_refused(r.object("a"), errc::invalid_field, "a");
}

TEST(Fields, AllowOnlyNamesTheUnknownField) {
  const field_path root;
  const json::value doc = json::parse(R"({"a":1,"b":2,"sneaky":3})");
  const object_reader r(doc.as_object(), root.child("x"));
  expect_refused(r.allow_only({"a", "b"}), errc::invalid_field, "x.sneaky");
  EXPECT_TRUE(r.allow_only({"a", "b", "sneaky"}));
}

TEST(Fields, Hex) {
  const field_path root;
  const json::value doc = json::parse(R"({"ok":"00ff","upper":"00FF","odd":"0ff","bad":"zz",
                                         "prefixed":"0x00","num":12})");
  const object_reader r(doc.as_object(), root);
  EXPECT_EQ(*r.hex("ok", 2), (crypto::byte_vector{0x00, 0xff}));
  EXPECT_EQ((*r.fixed_hex<2>("ok")), (crypto::byte_array<2>{0x00, 0xff}));
  expect_refused(r.fixed_hex<3>("ok"), errc::invalid_field, "ok");
  expect_refused(r.hex("upper", 2), errc::invalid_field, "upper");
  expect_refused(r.hex("odd", 2), errc::invalid_field, "odd");
  expect_refused(r.hex("bad", 2), errc::invalid_field, "bad");
  expect_refused(r.hex("prefixed", 2), errc::invalid_field, "prefixed");
  expect_refused(r.hex("num", 2), errc::invalid_field, "num");
  expect_refused(r.hex("ok", 1), errc::invalid_field, "ok");
}

TEST(Fields, PointsScalarsKeysSignatures) {
  const field_path root;
  const std::string g = crypto::point::generator().hex();
  std::string g_upper = g;
  for (char& ch : g_upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  json::object doc;
  doc["g"] = g;
  doc["g_upper"] = g_upper;
  doc["identity"] = std::string(64, '0');
  doc["invalid"] = std::string(64, 'f');
  doc["short"] = g.substr(0, 62);
  doc["s_ok"] = crypto::scalar::from_u64(7).hex();
  doc["s_q"] = order_hex;
  doc["s_max"] = std::string(64, 'f');
  doc["sig"] = std::string(128, 'a');
  doc["sig_short"] = std::string(126, 'a');
  const object_reader r(doc, root);

  EXPECT_EQ(*r.point("g", identity_rule::reject), crypto::point::generator());
  EXPECT_TRUE(r.point("identity", identity_rule::allow)->is_identity());
  expect_refused(r.point("identity", identity_rule::reject), errc::invalid_point, "identity");
  expect_refused(r.point("invalid", identity_rule::allow), errc::invalid_point, "invalid");
  expect_refused(r.point("g_upper", identity_rule::allow), errc::invalid_field, "g_upper");
  expect_refused(r.point("short", identity_rule::allow), errc::invalid_field, "short");

  EXPECT_EQ(*r.scalar("s_ok"), crypto::scalar::from_u64(7));
  expect_refused(r.scalar("s_q"), errc::non_canonical_scalar, "s_q");
  expect_refused(r.scalar("s_max"), errc::non_canonical_scalar, "s_max");
  expect_refused(r.scalar("short"), errc::invalid_field, "short");

  expect_refused(r.public_key("identity"), errc::invalid_point, "identity");
  expect_refused(r.public_key("g_upper"), errc::invalid_field, "g_upper");

  EXPECT_TRUE(r.signature("sig"));
  expect_refused(r.signature("sig_short"), errc::invalid_field, "sig_short");
}

TEST(Fields, ReadEachStopsAtTheFirstRefusalWithItsIndex) {
  const field_path root;
  const json::value doc = json::parse(R"({"list":[1,2,"three",4]})");
  const object_reader r(doc.as_object(), root);
  auto list = r.array("list", 10);
  ASSERT_TRUE(list);
  auto all = read_each(list->get(), r.path("list"),
                       [](const json::value& v, const field_path& at) { return read_u64(v, at); });
  expect_refused(all, errc::invalid_field, "list[2]");
}

}  // namespace
}  // namespace plenum::protocol
