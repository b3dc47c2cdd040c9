#include "plenum/crypto/board.hpp"

#include <sodium.h>

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "plenum/crypto/group.hpp"

namespace plenum::crypto {
namespace {

// An independent spelling of CVP1's H32: the framing written out byte by byte and hashed with
// libsodium directly, so that a mistake shared with `transcript` would still show.
byte_vector frame(byte_span part) {
  byte_vector out;
  std::uint64_t n = part.size();
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(n >> (8 * i)));
  out.insert(out.end(), part.begin(), part.end());
  return out;
}

byte_vector le64(std::uint64_t n) {
  byte_vector out;
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(n >> (8 * i)));
  return out;
}

byte_vector text(std::string_view s) { return {s.begin(), s.end()}; }

digest32 h32_by_hand(std::initializer_list<byte_vector> parts) {
  byte_vector input;
  for (const auto& p : parts) {
    auto framed = frame(p);
    input.insert(input.end(), framed.begin(), framed.end());
  }
  digest32 out{};
  crypto_generichash(out.data(), out.size(), input.data(), input.size(), nullptr, 0);
  return out;
}

byte_vector bytes_of(const digest32& d) { return {d.begin(), d.end()}; }

public_key some_key(std::uint8_t seed_byte) {
  byte_array<32> seed{};
  seed.fill(seed_byte);
  return secret_key::from_seed(seed).public_part();
}

TEST(Board, EntryHashFollowsTheSpec) {
  ensure_sodium();
  digest32 prev{};
  prev.fill(0xab);
  const std::string payload = R"({"person":"D-017","unix_ms":1767225600000})";
  EXPECT_EQ(entry_hash(7, prev, "checkin", payload),
            h32_by_hand({text("cvp1"), text("event"), le64(7), bytes_of(prev), text("checkin"),
                         text(payload)}));
}

TEST(Board, EventZeroLinksToZeroBytes) {
  ensure_sodium();
  EXPECT_EQ(genesis_hash, digest32{});
  EXPECT_EQ(entry_hash(0, genesis_hash, "t", "{}"),
            h32_by_hand(
                {text("cvp1"), text("event"), le64(0), byte_vector(32, 0), text("t"), text("{}")}));
}

TEST(Board, EntryHashDependsOnEveryField) {
  digest32 prev{};
  const digest32 base = entry_hash(1, prev, "a", "{}");
  EXPECT_NE(entry_hash(2, prev, "a", "{}"), base);
  digest32 other_prev{};
  other_prev[31] = 1;
  EXPECT_NE(entry_hash(1, other_prev, "a", "{}"), base);
  EXPECT_NE(entry_hash(1, prev, "b", "{}"), base);
  // The exact text counts: the same JSON spelt with a space is another payload.
  EXPECT_NE(entry_hash(1, prev, "a", "{ }"), base);
  // Framing keeps type and payload apart.
  EXPECT_NE(entry_hash(1, prev, "a{", "}"), entry_hash(1, prev, "a", "{}"));
}

TEST(Board, CheckinDigestFollowsTheSpec) {
  ensure_sodium();
  const public_key pk = some_key(3);
  const std::uint64_t ms = 1767225600123;
  EXPECT_EQ(checkin_digest("sitting-2026", pk, ms),
            h32_by_hand({text("cvp1"), text("checkin"), text("sitting-2026"),
                         byte_vector(pk.bytes().begin(), pk.bytes().end()), le64(ms)}));
  EXPECT_NE(checkin_digest("sitting-2026", pk, ms + 1), checkin_digest("sitting-2026", pk, ms));
  EXPECT_NE(checkin_digest("sitting-2027", pk, ms), checkin_digest("sitting-2026", pk, ms));
  EXPECT_NE(checkin_digest("sitting-2026", some_key(4), ms),
            checkin_digest("sitting-2026", pk, ms));
}

TEST(Board, ActivityCheckinDigestFollowsTheSpec) {
  ensure_sodium();
  const public_key pk = some_key(3);
  const std::uint64_t ms = 1767225600123;
  EXPECT_EQ(activity_checkin_digest("A1", pk, ms),
            h32_by_hand({text("cvp1"), text("activity-checkin"), text("A1"),
                         byte_vector(pk.bytes().begin(), pk.bytes().end()), le64(ms)}));
  EXPECT_NE(activity_checkin_digest("A1", pk, ms + 1), activity_checkin_digest("A1", pk, ms));
  EXPECT_NE(activity_checkin_digest("A2", pk, ms), activity_checkin_digest("A1", pk, ms));
  EXPECT_NE(activity_checkin_digest("A1", some_key(4), ms), activity_checkin_digest("A1", pk, ms));
  // Domain-separated from a sitting's check-in with the same id, key and time.
  EXPECT_NE(activity_checkin_digest("A1", pk, ms), checkin_digest("A1", pk, ms));
}

TEST(Board, ActivityCheckinDigestKnownAnswer) {
  ensure_sodium();
  // The delegate key of seed byte 3 (some_key), activity "A1", 2026-01-01T00:00:00.123Z.
  EXPECT_EQ(to_hex(activity_checkin_digest("A1", some_key(3), 1767225600123)),
            "a5dabd66703f9cf476fa4861724cb22f6276e80b99d1429d6ce2a28aacd86ecb");
}

TEST(Board, HandoverDigestFollowsTheSpec) {
  ensure_sodium();
  const public_key congress = some_key(3);
  const public_key standby = some_key(4);
  EXPECT_EQ(handover_digest("congress-demo", congress, standby, 42),
            h32_by_hand({text("cvp1"), text("standby-handover"), text("congress-demo"),
                         byte_vector(congress.bytes().begin(), congress.bytes().end()),
                         byte_vector(standby.bytes().begin(), standby.bytes().end()), le64(42)}));
  EXPECT_NE(handover_digest("congress-demo", congress, standby, 43),
            handover_digest("congress-demo", congress, standby, 42));
  EXPECT_NE(handover_digest("congress-demo", standby, congress, 42),
            handover_digest("congress-demo", congress, standby, 42));
}

TEST(Board, HandoverDigestKnownAnswer) {
  ensure_sodium();
  // The congress key of seed byte 3, the standby key of seed byte 4 (some_key), from seq 42; the
  // web twin (clients/web/test/primitives.test.mjs) checks the same value.
  EXPECT_EQ(to_hex(handover_digest("congress-demo", some_key(3), some_key(4), 42)),
            "f1ffabb1a6c65b6e6e6339c4598cfda306d36d41679ec074e4186670227076cb");
}

TEST(Board, AuthDigestFollowsTheSpec) {
  ensure_sodium();
  const public_key pk = some_key(5);
  const byte_vector server_nonce(32, 0x11);
  const byte_vector client_nonce(32, 0x22);
  EXPECT_EQ(auth_digest("congress-demo", server_nonce, client_nonce, pk),
            h32_by_hand({text("cvp1"), text("auth"), text("congress-demo"), server_nonce,
                         client_nonce, byte_vector(pk.bytes().begin(), pk.bytes().end())}));
  // Swapping the nonces is another challenge.
  EXPECT_NE(auth_digest("congress-demo", client_nonce, server_nonce, pk),
            auth_digest("congress-demo", server_nonce, client_nonce, pk));
  EXPECT_NE(auth_digest("congress-other", server_nonce, client_nonce, pk),
            auth_digest("congress-demo", server_nonce, client_nonce, pk));
}

}  // namespace
}  // namespace plenum::crypto
