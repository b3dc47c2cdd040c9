#include "plenum/crypto/ballot_points.hpp"

#include "decoded_ciphertexts.hpp"
#include "vartime/public_point.hpp"

namespace plenum::crypto {

struct ballot_points_builder::kept {
  detail::decoded_ciphertexts ciphertexts;
  std::optional<detail::public_ciphertext> half;  // an alpha waiting for its beta
};

ballot_points_builder::ballot_points_builder() : kept_(std::make_unique<kept>()) {}
ballot_points_builder::~ballot_points_builder() = default;
ballot_points_builder::ballot_points_builder(ballot_points_builder&&) noexcept = default;
ballot_points_builder& ballot_points_builder::operator=(ballot_points_builder&&) noexcept = default;

std::optional<point> ballot_points_builder::point_from_bytes(const byte_array<32>& bytes) {
  auto decoded = vartime::decode_public_bytes(bytes);
  if (!decoded) return std::nullopt;
  if (!kept_) kept_ = std::make_unique<kept>();
  if (!kept_->half) {
    kept_->half = detail::public_ciphertext{bytes, {}, *decoded, {}};
  } else {
    kept_->half->beta_bytes = bytes;
    kept_->half->beta = *decoded;
    kept_->ciphertexts.positions.push_back(*kept_->half);
    kept_->half.reset();
  }
  point p;
  p.bytes_ = bytes;  // decoded above: a valid point, as point::from_bytes would find
  return p;
}

decoded_ballot_points ballot_points_builder::finish() {
  if (!kept_ || kept_->half || kept_->ciphertexts.positions.empty()) {
    kept_ = std::make_unique<kept>();
    return {};
  }
  auto points = std::make_shared<const detail::decoded_ciphertexts>(std::move(kept_->ciphertexts));
  kept_ = std::make_unique<kept>();
  return decoded_ballot_points(std::move(points));
}

}  // namespace plenum::crypto
