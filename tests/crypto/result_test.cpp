#include "plenum/crypto/result.hpp"

#include <gtest/gtest.h>

namespace plenum::crypto {
namespace {

result_record sample() {
  result_record r;
  for (std::size_t i = 0; i < 32; ++i) {
    r.election_hash[i] = static_cast<std::uint8_t>(i);
    r.board_hash_at_close[i] = static_cast<std::uint8_t>(32 + i);
  }
  r.board_seq_at_close = 41;
  r.ballots = 4;
  r.seated = 7;
  r.present = 5;
  r.rule = R"({"kind":"majority","base":"valid"})";
  r.counts = {3, 1, 0};
  r.outcome = "{\"passed\":true,\"\xe9\x80\x89\":\"\xe6\x98\xaf\"}";
  return r;
}

// The expected digest was computed from CVP1 §7 with an independent BLAKE2b.
TEST(ResultDigest, MatchesAnIndependentComputation) {
  EXPECT_EQ(to_hex(result_digest(sample())),
            "4068a18a0c81c5b0d7da62d45109f190919b3810e5540bc2febd8d38151f35ff");
}

TEST(ResultDigest, CoversEveryField) {
  const digest32 base = result_digest(sample());
  auto differs = [&](auto&& alter) {
    result_record r = sample();
    alter(r);
    return result_digest(r) != base;
  };
  EXPECT_TRUE(differs([](result_record& r) { r.election_hash[5] ^= 1; }));
  EXPECT_TRUE(differs([](result_record& r) { r.board_seq_at_close = 42; }));
  EXPECT_TRUE(differs([](result_record& r) { r.board_hash_at_close[0] ^= 1; }));
  EXPECT_TRUE(differs([](result_record& r) { r.ballots = 5; }));
  EXPECT_TRUE(differs([](result_record& r) { r.seated = 8; }));
  EXPECT_TRUE(differs([](result_record& r) { r.present = 6; }));
  EXPECT_TRUE(differs([](result_record& r) { r.rule += " "; }));
  EXPECT_TRUE(differs([](result_record& r) { r.counts[2] = 1; }));
  EXPECT_TRUE(differs([](result_record& r) { r.counts.push_back(0); }));
  EXPECT_TRUE(differs([](result_record& r) { r.outcome = "{}"; }));
  EXPECT_FALSE(differs([](result_record&) {}));
}

}  // namespace
}  // namespace plenum::crypto
