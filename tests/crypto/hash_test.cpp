#include "plenum/crypto/hash.hpp"

#include <gtest/gtest.h>

#include "kat.hpp"

namespace plenum::crypto {
namespace {

transcript transcript_of(const boost::json::object& entry) {
  transcript t(std::string(entry.at("tag").as_string()));
  for (const auto& part : entry.at("parts").as_array()) {
    const auto& p = part.as_object();
    if (p.contains("str")) {
      t.str(p.at("str").as_string());
    } else if (p.contains("int")) {
      t.u64(p.at("int").to_number<std::uint64_t>());
    } else {
      t.raw(test::hex_field(p.at("hex")));
    }
  }
  return t;
}

TEST(Hash, ReproducesEveryKnownAnswer) {
  const auto& cases = test::kat().at("hash").as_array();
  ASSERT_GE(cases.size(), 3u);
  for (const auto& c : cases) {
    const auto& entry = c.as_object();
    transcript t = transcript_of(entry);
    EXPECT_EQ(to_hex(t.h()), entry.at("H").as_string()) << serialize(c);
    EXPECT_EQ(to_hex(t.h32()), entry.at("H32").as_string()) << serialize(c);
    EXPECT_EQ(t.hs().hex(), entry.at("Hs").as_string()) << serialize(c);
  }
}

TEST(Hash, H32IsNotATruncationOfH) {
  transcript t("tag");
  auto wide = t.h();
  auto narrow = t.h32();
  EXPECT_FALSE(std::equal(narrow.begin(), narrow.end(), wide.begin()));
}

TEST(Hash, FramingSeparatesParts) {
  // "ab" + "c" and "a" + "bc" must hash differently.
  EXPECT_NE(transcript("t").str("ab").str("c").h32(), transcript("t").str("a").str("bc").h32());
  EXPECT_NE(transcript("t").str("x").h32(), transcript("u").str("x").h32());
}

TEST(Hex, RejectsEveryOtherSpelling) {
  EXPECT_TRUE(from_hex("00ff").has_value());
  EXPECT_FALSE(from_hex("00FF").has_value());
  EXPECT_FALSE(from_hex("0").has_value());
  EXPECT_FALSE(from_hex("0g").has_value());
  EXPECT_EQ(to_hex(*from_hex("0a1b")), "0a1b");
}

}  // namespace
}  // namespace plenum::crypto
