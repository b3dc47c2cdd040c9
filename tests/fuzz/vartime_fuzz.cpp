// libFuzzer differential target: the variable-time engine (crypto/src/vartime) against
// libsodium on the same inputs. Any disagreement aborts, and so does any sanitizer report.
// Input layout (byte 0 chooses the mode: even for points, odd for products; the rest is read
// in fixed-size chunks, and a short tail is ignored):
//   points:     up to 4 chunks of 32 bytes, each an encoding. The engine must decode
//                     exactly what RFC 9496 accepts (libsodium's is_valid_point with bit 255
//                     clear, and the identity) and re-encode it unchanged; each pair of
//                     consecutive valid points must compare equal exactly when the encodings
//                     are equal, and give libsodium's sum and difference; the batched
//                     double-and-encode of all the valid points and of those sums must give
//                     libsodium's doubles.
//   products:         byte 1 picks a NAF width 2..8, then up to 8 terms of 64 bytes: a scalar
//                     (32 bytes, reduced mod q when not canonical) and a point (32 bytes,
//                     used as it is when valid, else mapped by crypto_core_ristretto255_
//                     from_hash of the bytes twice). Σ k_i·P_i, the double product of the
//                     first two terms (plain and with split scalars) and k_0·G must equal
//                     libsodium's.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "plenum/crypto/group.hpp"
#include "vartime/batch_encode.hpp"
#include "vartime/multiscalar.hpp"
#include "vartime/public_point.hpp"
#include "vartime/ristretto.hpp"
#include "vartime/split.hpp"

namespace {

namespace crypto = plenum::crypto;
namespace vt = plenum::crypto::vartime;
using bytes32 = crypto::byte_array<32>;

void require(bool ok) {
  if (!ok) std::abort();
}

bytes32 chunk(const std::uint8_t* data) {
  bytes32 out{};
  std::memcpy(out.data(), data, out.size());
  return out;
}

// RFC 9496's verdict, from libsodium: bit 255 clear, and the identity or a valid point.
std::optional<crypto::point> rfc_point(const bytes32& b) { return crypto::point::from_bytes(b); }

void check_points(const std::uint8_t* data, std::size_t size) {
  std::optional<bytes32> previous;
  std::optional<vt::extended_point> previous_point;
  std::vector<vt::extended_point> to_double;
  std::vector<bytes32> doubles;  // libsodium's
  for (std::size_t at = 0; at + 32 <= size && at < 4 * 32; at += 32) {
    const bytes32 b = chunk(data + at);
    const auto decoded = vt::ristretto_decode(b);
    require(decoded.has_value() == rfc_point(b).has_value());
    if (decoded) {
      require(vt::ristretto_encode(*decoded) == b);
      const crypto::point q = *rfc_point(b);
      to_double.push_back(*decoded);
      doubles.push_back((q + q).bytes());
      if (previous_point) {
        const crypto::point p = *rfc_point(*previous);
        to_double.push_back(*previous_point + *decoded);
        doubles.push_back(((p + q) + (p + q)).bytes());
        require(vt::ristretto_equal(*previous_point, *decoded) == (*previous == b));
        require(vt::ristretto_encode(*previous_point + *decoded) == (p + q).bytes());
        require(vt::ristretto_encode(*previous_point - *decoded) == (p - q).bytes());
        require(vt::ristretto_encode(vt::dbl(*decoded)) == (q + q).bytes());
      }
    }
    previous = b;
    previous_point = decoded;
  }
  require(vt::double_and_encode(to_double) == doubles);
}

crypto::scalar scalar_from(const std::uint8_t* data) {
  const bytes32 b = chunk(data);
  if (auto s = crypto::scalar::from_bytes(b)) return *s;
  crypto::byte_array<64> wide{};
  std::memcpy(wide.data(), b.data(), b.size());
  return crypto::scalar::reduce_wide(wide);
}

crypto::point point_from(const std::uint8_t* data) {
  const bytes32 b = chunk(data);
  if (auto p = crypto::point::from_bytes(b)) return *p;
  crypto::byte_array<64> wide{};
  std::memcpy(wide.data(), b.data(), 32);
  std::memcpy(wide.data() + 32, b.data(), 32);
  bytes32 mapped{};
  crypto_core_ristretto255_from_hash(mapped.data(), wide.data());
  return *crypto::point::from_bytes(mapped);
}

void check_products(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return;
  const int width = 2 + data[0] % 7;
  ++data;
  --size;
  std::vector<crypto::scalar> scalars;
  std::vector<crypto::point> points;
  for (std::size_t at = 0; at + 64 <= size && scalars.size() < 8; at += 64) {
    scalars.push_back(scalar_from(data + at));
    points.push_back(point_from(data + at + 32));
  }
  if (scalars.empty()) return;
  std::vector<vt::public_scalar> ks;
  std::vector<vt::odd_multiples> tables;
  crypto::point expected;
  for (std::size_t i = 0; i < scalars.size(); ++i) {
    ks.push_back(vt::declare_public(scalars[i]));  // fuzz input: public by construction
    tables.emplace_back(vt::decode_public(points[i]), width);
    expected += scalars[i] * points[i];
  }
  std::vector<vt::scalar_term> terms;
  for (std::size_t i = 0; i < ks.size(); ++i) terms.push_back({ks[i], tables[i]});
  const vt::extended_point sum = vt::multi_scalar_mul(terms);
  require(vt::ristretto_encode(sum) == expected.bytes());
  require(vt::ristretto_equal(sum, vt::decode_public(expected)));

  const vt::scalar_term base[] = {{ks[0], vt::base_table()}};
  require(vt::ristretto_encode(vt::multi_scalar_mul(base)) ==
          crypto::point::base_mul(scalars[0]).bytes());
  if (scalars.size() < 2) return;
  const crypto::point pair = scalars[0] * points[0] + scalars[1] * points[1];
  require(vt::ristretto_encode(vt::double_scalar_mul(ks[0], tables[0], ks[1], tables[1])) ==
          pair.bytes());
  const vt::split_tables p0(vt::decode_public(points[0]), width);
  const vt::split_tables p1(vt::decode_public(points[1]), width);
  require(vt::ristretto_encode(vt::split_double_scalar_mul(vt::split(ks[0]), p0, vt::split(ks[1]),
                                                           p1)) == pair.bytes());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crypto::ensure_sodium();
  if (size < 1) return 0;
  if (data[0] % 2 == 0)
    check_points(data + 1, size - 1);
  else
    check_products(data + 1, size - 1);
  return 0;
}
