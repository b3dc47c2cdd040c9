// A vote's aggregates kept as ballots arrive (CVP1 §7), on the variable-time engine.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "plenum/crypto/ballot_points.hpp"
#include "plenum/crypto/elgamal.hpp"

namespace plenum::crypto {

/// Running sums A = Σ alpha, B = Σ beta for each position of one vote, held as decoded curve
/// points so that adding a ballot decodes each of its points once and encodes nothing; the
/// encoded aggregates are made only when asked for. The same sums as tally_accumulator over
/// the same ballots.
///
/// VARIABLE TIME: decoding, adding and encoding branch on the points. Only public data may be
/// added: accepted ballots' ciphertexts, which are on the board. Never add a secret point.
/// Starts at the identity (an empty tally). Copyable; not thread-safe.
class running_tally {
 public:
  /// A tally of `positions` positions (Σ over contests of their option counts).
  explicit running_tally(std::size_t positions = 0);
  ~running_tally();
  running_tally(const running_tally& other);
  running_tally& operator=(const running_tally& other);
  running_tally(running_tally&& other) noexcept;
  running_tally& operator=(running_tally&& other) noexcept;

  /// Adds one ballot's ciphertexts, in position order. Returns false and changes nothing if
  /// the ballot does not have exactly one ciphertext per position. It does not check the
  /// ballot: only accepted ballots may be added.
  [[nodiscard]] bool add(std::span<const ciphertext> ballot);
  /// The same, taking each point from `decoded` instead of decoding it when `decoded` holds
  /// exactly the ballot's ciphertexts (the same encodings in the same order); otherwise, or
  /// when it is empty, decodes as add(ballot). The sums are the same either way.
  [[nodiscard]] bool add(std::span<const ciphertext> ballot, const decoded_ballot_points& decoded);

  /// The aggregates (A, B), one per position, encoded now (two encodings per position).
  [[nodiscard]] std::vector<ciphertext> aggregates() const;
  /// How many positions the tally has.
  [[nodiscard]] std::size_t positions() const;
  /// How many ballots were added.
  [[nodiscard]] std::uint64_t ballots() const { return ballots_; }

  /// Equal when both hold the same number of ballots and the same sums at every position.
  friend bool operator==(const running_tally& a, const running_tally& b);

 private:
  struct decoded_sums;
  std::unique_ptr<decoded_sums> sums_;
  std::uint64_t ballots_ = 0;
};

}  // namespace plenum::crypto
