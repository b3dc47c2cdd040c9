#include "plenum/crypto/running_tally.hpp"

#include <utility>

#include "decoded_ciphertexts.hpp"
#include "vartime/edwards.hpp"
#include "vartime/public_point.hpp"

namespace plenum::crypto {

// Σ alpha and Σ beta of every position, in the engine's extended coordinates.
struct running_tally::decoded_sums {
  std::vector<vartime::extended_point> alpha;
  std::vector<vartime::extended_point> beta;
};

running_tally::running_tally(std::size_t positions)
    : sums_(std::make_unique<decoded_sums>(decoded_sums{
          std::vector<vartime::extended_point>(positions, vartime::identity_point()),
          std::vector<vartime::extended_point>(positions, vartime::identity_point())})) {}

running_tally::~running_tally() = default;

running_tally::running_tally(const running_tally& other)
    : sums_(std::make_unique<decoded_sums>(*other.sums_)), ballots_(other.ballots_) {}

running_tally& running_tally::operator=(const running_tally& other) {
  if (this != &other) *this = running_tally(other);
  return *this;
}

running_tally::running_tally(running_tally&& other) noexcept
    : sums_(std::exchange(other.sums_, std::make_unique<decoded_sums>())),
      ballots_(std::exchange(other.ballots_, 0)) {}

running_tally& running_tally::operator=(running_tally&& other) noexcept {
  std::swap(sums_, other.sums_);
  std::swap(ballots_, other.ballots_);
  return *this;
}

bool running_tally::add(std::span<const ciphertext> ballot) {
  if (ballot.size() != positions()) return false;
  for (std::size_t p = 0; p < ballot.size(); ++p) {
    sums_->alpha[p] = sums_->alpha[p] + vartime::decode_public(ballot[p].alpha);
    sums_->beta[p] = sums_->beta[p] + vartime::decode_public(ballot[p].beta);
  }
  ++ballots_;
  return true;
}

bool running_tally::add(std::span<const ciphertext> ballot, const decoded_ballot_points& decoded) {
  const detail::decoded_ciphertexts* points = decoded.get();
  if (points == nullptr || points->positions.size() != ballot.size()) return add(ballot);
  for (std::size_t p = 0; p < ballot.size(); ++p) {
    const auto& d = points->positions[p];
    if (d.alpha_bytes != ballot[p].alpha.bytes() || d.beta_bytes != ballot[p].beta.bytes())
      return add(ballot);
  }
  if (ballot.size() != positions()) return false;
  for (std::size_t p = 0; p < ballot.size(); ++p) {
    const auto& d = points->positions[p];
    sums_->alpha[p] = sums_->alpha[p] + d.alpha;
    sums_->beta[p] = sums_->beta[p] + d.beta;
  }
  ++ballots_;
  return true;
}

std::vector<ciphertext> running_tally::aggregates() const {
  std::vector<ciphertext> out;
  out.reserve(positions());
  for (std::size_t p = 0; p < positions(); ++p) {
    out.push_back({vartime::to_point(sums_->alpha[p]), vartime::to_point(sums_->beta[p])});
  }
  return out;
}

std::size_t running_tally::positions() const { return sums_->alpha.size(); }

bool operator==(const running_tally& a, const running_tally& b) {
  if (a.ballots_ != b.ballots_ || a.positions() != b.positions()) return false;
  for (std::size_t p = 0; p < a.positions(); ++p) {
    if (!vartime::ristretto_equal(a.sums_->alpha[p], b.sums_->alpha[p]) ||
        !vartime::ristretto_equal(a.sums_->beta[p], b.sums_->beta[p])) {
      return false;
    }
  }
  return true;
}

}  // namespace plenum::crypto
