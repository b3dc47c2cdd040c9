// A ballot's option ciphertexts decoded once for the variable-time engine: by the parser that
// checks their points, or by verify_ballot, and then used by verification and the running tally.
#pragma once

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

namespace detail {
struct decoded_ciphertexts;  // crypto/src/decoded_ciphertexts.hpp
}

/// One ballot's option ciphertexts decoded for the variable-time engine, in position order,
/// with their encodings: made by a parser (ballot_points_builder) or by verify_ballot, and taken
/// by verify_ballot and running_tally::add, each of which uses them only when they are the
/// ballot's own ciphertexts (the same encodings in the same order) and decodes otherwise.
/// Immutable once made; cheap to copy; safe to share between threads.
///
/// VARIABLE TIME, like running_tally: only a ballot's public ciphertexts.
class decoded_ballot_points {
 public:
  decoded_ballot_points() = default;
  /// Made by the library (the type is internal to it).
  explicit decoded_ballot_points(std::shared_ptr<const detail::decoded_ciphertexts> points)
      : points_(std::move(points)) {}

  /// Whether it holds no points.
  [[nodiscard]] bool empty() const { return points_ == nullptr; }
  /// The points, null when empty.
  [[nodiscard]] const detail::decoded_ciphertexts* get() const { return points_.get(); }

 private:
  std::shared_ptr<const detail::decoded_ciphertexts> points_;
};

/// Parses a ballot's option ciphertexts from their encodings and keeps each point's decoding,
/// so that checking a received ballot's points and verifying it decode each point once. A point
/// is accepted exactly when point::from_bytes accepts it (the variable-time engine's decoding
/// refuses the same encodings: tests/crypto/vartime_rfc9496_test.cpp, tests/fuzz). Feed it the
/// ciphertexts in position order, alpha then beta of each. Not thread-safe; one per ballot.
///
/// VARIABLE TIME: for points received in public (a ballot on its way to the board).
class ballot_points_builder {
 public:
  ballot_points_builder();
  ~ballot_points_builder();
  ballot_points_builder(ballot_points_builder&&) noexcept;
  ballot_points_builder& operator=(ballot_points_builder&&) noexcept;

  /// The point `bytes` encode, or nullopt where point::from_bytes refuses them. A point that is
  /// accepted is kept, decoded, as the ballot's next point.
  [[nodiscard]] std::optional<point> point_from_bytes(const byte_array<32>& bytes);

  /// The points kept, paired (alpha, beta) in the order given: what verify_ballot takes. Empty
  /// when an odd number was kept. The builder is empty afterwards.
  [[nodiscard]] decoded_ballot_points finish();

 private:
  struct kept;
  std::unique_ptr<kept> kept_;
};

}  // namespace plenum::crypto
