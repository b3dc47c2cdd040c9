// RFC 9496 appendix A's ristretto255 test vectors against the variable-time engine and
// libsodium: A.1 the encodings of 0·G … 15·G, A.2 invalid encodings (each in the class the
// RFC names, which the test recomputes), A.3 hash-to-group (SHA-512 of seven labels, then
// libsodium's crypto_core_ristretto255_from_hash; the engine must round-trip each output).
// Every transcribed value is also computed here, so a typo in a vector fails the test.
#include <gtest/gtest.h>
#include <sodium.h>

#include <string>
#include <string_view>

#include "plenum/crypto/group.hpp"
#include "vartime/multiscalar.hpp"
#include "vartime/public_point.hpp"
#include "vartime/ristretto.hpp"

namespace plenum::crypto::vartime {
namespace {

using bytes32 = byte_array<32>;

bytes32 hex32(std::string_view hex) {
  const auto bytes = from_hex_fixed<32>(hex);
  if (!bytes) throw std::invalid_argument("vector is not 32 bytes of hex: " + std::string(hex));
  return *bytes;
}

class Rfc9496 : public ::testing::Test {
 protected:
  void SetUp() override { ensure_sodium(); }
};

// ---- A.1: multiples of the generator. ----

constexpr std::string_view multiples_of_g[16] = {
    "0000000000000000000000000000000000000000000000000000000000000000",
    "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76",
    "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919",
    "94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259",
    "da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57",
    "e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e",
    "f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403",
    "44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d",
    "903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c",
    "02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031",
    "20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f",
    "bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42",
    "e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460",
    "aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f",
    "46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e",
    "e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e",
};

TEST_F(Rfc9496, A1MultiplesOfTheGenerator) {
  extended_point sum = identity_point();
  for (std::uint64_t n = 0; n < 16; ++n) {
    SCOPED_TRACE(n);
    const bytes32 expected = hex32(multiples_of_g[n]);
    // libsodium's n·G (the identity, which it reports as a failure, is 32 zero bytes).
    EXPECT_EQ(point::small_multiple(n).bytes(), expected);
    // The engine: decoding and re-encoding, repeated addition of G, n·G by a product and
    // from the small-multiple table.
    const auto decoded = ristretto_decode(expected);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(ristretto_encode(*decoded), expected);
    EXPECT_TRUE(ristretto_equal(*decoded, sum));
    EXPECT_EQ(ristretto_encode(sum), expected);
    const public_scalar k = public_scalar::from_u64(n);
    const scalar_term term[] = {{k, base_table()}};
    EXPECT_EQ(ristretto_encode(multi_scalar_mul(term)), expected);
    EXPECT_EQ(ristretto_encode(small_multiple(n)), expected);
    sum = sum + base_point();
  }
}

// ---- A.2: invalid encodings. ----

enum class reject { non_canonical, negative, not_square, negative_xy, y_zero };

struct invalid_vector {
  std::string_view hex;
  reject why;
};

constexpr invalid_vector invalid_encodings[] = {
    // non-canonical field elements (≥ p, or bit 255 set)
    {"00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", reject::non_canonical},
    {"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", reject::non_canonical},
    {"f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", reject::non_canonical},
    {"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", reject::non_canonical},
    // negative field elements (odd)
    {"0100000000000000000000000000000000000000000000000000000000000000", reject::negative},
    {"01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", reject::negative},
    {"ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20", reject::negative},
    {"c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562", reject::negative},
    {"c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78", reject::negative},
    {"47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24", reject::negative},
    {"f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72", reject::negative},
    {"87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309", reject::negative},
    // x² not a square
    {"26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371", reject::not_square},
    {"4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f", reject::not_square},
    {"de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b", reject::not_square},
    {"bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042", reject::not_square},
    {"2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08", reject::not_square},
    {"f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22", reject::not_square},
    {"8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731", reject::not_square},
    {"2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b", reject::not_square},
    // negative x·y
    {"3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e", reject::negative_xy},
    {"a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220", reject::negative_xy},
    {"d483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e", reject::negative_xy},
    {"8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32", reject::negative_xy},
    {"32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b", reject::negative_xy},
    {"227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165", reject::negative_xy},
    {"5c37cc491da847cfeb9281d407efc41e15144c876e0170b499a96a22ed31e01e", reject::negative_xy},
    {"445425117cb8c90edcbc7c1cc0e74f747f2c1efa5630a967c64f287792a48a4b", reject::negative_xy},
    // s = −1, which makes y = 0
    {"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", reject::y_zero},
};

// Which of RFC 9496 §4.3.1's checks refuses `b`, recomputed step by step (big-endian
// comparison with p on the bytes, then the field arithmetic), or nullopt if none does.
std::optional<reject> rfc_refusal(const bytes32& b) {
  bytes32 p{};
  p.fill(0xff);
  p[0] = 0xed;
  p[31] = 0x7f;
  for (std::size_t i = 32; i-- > 0;) {
    if (b[i] != p[i]) {
      if (b[i] > p[i]) return reject::non_canonical;
      break;
    }
    if (i == 0) return reject::non_canonical;  // b == p
  }
  if ((b[0] & 1) != 0) return reject::negative;
  const field_element s = field_from_bytes(b);
  const field_element u1 = field_one() - square(s);
  const field_element u2 = field_one() + square(s);
  const field_element v = -(edwards_d() * square(u1)) - square(u2);
  const sqrt_ratio_result inv = sqrt_ratio_m1(field_one(), v * square(u2));
  if (!inv.was_square) return reject::not_square;
  const field_element den_x = inv.root * u2;
  const field_element x = absolute((s + s) * den_x);
  const field_element y = u1 * inv.root * den_x * v;
  if (is_negative(x * y)) return reject::negative_xy;
  if (is_zero(y)) return reject::y_zero;
  return std::nullopt;
}

TEST_F(Rfc9496, A2InvalidEncodingsAreRefusedForTheirReason) {
  int by_reason[5] = {};
  for (const auto& [hex, why] : invalid_encodings) {
    SCOPED_TRACE(hex);
    const bytes32 b = hex32(hex);
    EXPECT_EQ(rfc_refusal(b), why);
    EXPECT_FALSE(ristretto_decode(b).has_value());
    EXPECT_FALSE(point::from_bytes(b).has_value());
    // libsodium refuses each too, once bit 255 is out of the picture (1.0.18 ignores it).
    if ((b[31] & 0x80) == 0) {
      EXPECT_NE(crypto_core_ristretto255_is_valid_point(b.data()), 1);
    }
    ++by_reason[static_cast<int>(why)];
  }
  EXPECT_EQ(by_reason[0], 4);
  EXPECT_EQ(by_reason[1], 8);
  EXPECT_EQ(by_reason[2], 8);
  EXPECT_EQ(by_reason[3], 8);
  EXPECT_EQ(by_reason[4], 1);
  // The classifier accepts the valid vectors of A.1, so it tells the classes apart.
  for (const auto& hex : multiples_of_g) EXPECT_EQ(rfc_refusal(hex32(hex)), std::nullopt);
}

// ---- A.3: hash-to-group. ----

struct hash_vector {
  std::string_view label;
  std::string_view sha512;
  std::string_view output;
};

constexpr hash_vector hash_to_group[] = {
    {"Ristretto is traditionally a short shot of espresso coffee",
     "5d1be09e3d0c82fc538112490e35701979d99e06ca3e2b5b54bffe8b4dc772c1"
     "4d98b696a1bbfb5ca32c436cc61c16563790306c79eaca7705668b47dffe5bb6",
     "3066f82a1a747d45120d1740f14358531a8f04bbffe6a819f86dfe50f44a0a46"},
    {"made with the normal amount of ground coffee but extracted with",
     "f116b34b8f17ceb56e8732a60d913dd10cce47a6d53bee9204be8b44f6678b27"
     "0102a56902e2488c46120e9276cfe54638286b9e4b3cdb470b542d46c2068d38",
     "f26e5b6f7d362d2d2a94c5d0e7602cb4773c95a2e5c31a64f133189fa76ed61b"},
    {"about half the amount of water in the same amount of time",
     "8422e1bbdaab52938b81fd602effb6f89110e1e57208ad12d9ad767e2e25510c"
     "27140775f9337088b982d83d7fcf0b2fa1edffe51952cbe7365e95c86eaf325c",
     "006ccd2a9e6867e6a2c5cea83d3302cc9de128dd2a9a57dd8ee7b9d7ffe02826"},
    {"by using a finer grind.",
     "ac22415129b61427bf464e17baee8db65940c233b98afce8d17c57beeb7876c2"
     "150d15af1cb1fb824bbd14955f2b57d08d388aab431a391cfc33d5bafb5dbbaf",
     "f8f0c87cf237953c5890aec3998169005dae3eca1fbb04548c635953c817f92a"},
    {"This produces a concentrated shot of coffee per volume.",
     "165d697a1ef3d5cf3c38565beefcf88c0f282b8e7dbd28544c483432f1cec767"
     "5debea8ebb4e5fe7d6f6e5db15f15587ac4d4d4a1de7191e0c1ca6664abcc413",
     "ae81e7dedf20a497e10c304a765c1767a42d6e06029758d2d7e8ef7cc4c41179"},
    {"Just pulling a normal shot short will produce a weaker shot",
     "a836e6c9a9ca9f1e8d486273ad56a78c70cf18f0ce10abb1c7172ddd605d7fd2"
     "979854f47ae1ccf204a33102095b4200e5befc0465accc263175485f0e17ea5c",
     "e2705652ff9f5e44d3e841bf1c251cf7dddb77d140870d1ab2ed64f1a9ce8628"},
    {"and is not a Ristretto as some believe.",
     "2cdc11eaeb95daf01189417cdddbf95952993aa9cb9c640eb5058d09702c7462"
     "2c9965a697a3b345ec24ee56335b556e677b30e6f90ac77d781064f866a3c982",
     "80bd07262511cdde4863f8a7434cef696750681cb9510eea557088f76d9e5065"},
};

// Inputs that differ only in non-canonical field encodings and bit 255 of each half, and so
// map to one element.
constexpr std::string_view same_output_inputs[] = {
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "1200000000000000000000000000000000000000000000000000000000000000",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "0000000000000000000000000000000000000000000000000000000000000080"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000"
    "1200000000000000000000000000000000000000000000000000000000000080",
};
constexpr std::string_view same_output =
    "304282791023b73128d277bdcb5c7746ef2eac08dde9f2983379cb8e5ef0517f";

bytes32 sodium_from_hash(const byte_array<64>& wide) {
  bytes32 out{};
  EXPECT_EQ(crypto_core_ristretto255_from_hash(out.data(), wide.data()), 0);
  return out;
}

void expect_engine_round_trip(const bytes32& encoding) {
  const auto decoded = ristretto_decode(encoding);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(ristretto_encode(*decoded), encoding);
  EXPECT_EQ(ristretto_encode(*decoded + identity_point()), encoding);
}

TEST_F(Rfc9496, A3HashToGroup) {
  for (const auto& v : hash_to_group) {
    SCOPED_TRACE(v.label);
    byte_array<64> digest{};
    crypto_hash_sha512(digest.data(), reinterpret_cast<const unsigned char*>(v.label.data()),
                       v.label.size());
    EXPECT_EQ(to_hex(digest), v.sha512);
    const bytes32 out = sodium_from_hash(digest);
    EXPECT_EQ(out, hex32(v.output));
    expect_engine_round_trip(out);
  }
  for (const auto& hex : same_output_inputs) {
    SCOPED_TRACE(hex);
    const auto wide = from_hex_fixed<64>(hex);
    ASSERT_TRUE(wide.has_value());
    const bytes32 out = sodium_from_hash(*wide);
    EXPECT_EQ(out, hex32(same_output));
    expect_engine_round_trip(out);
  }
}

}  // namespace
}  // namespace plenum::crypto::vartime
