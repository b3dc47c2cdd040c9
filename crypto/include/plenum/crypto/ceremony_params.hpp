// The parameters of one sitting's key ceremony (CVP1 §3) and the ceremony_id that binds them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

/// Who holds the sitting's decryption key and how many of them must cooperate: n scrutineers
/// with indices 1..n (the order the chair gave) and threshold k. Valid by construction;
/// immutable, so it may be shared between threads.
class ceremony_params {
 public:
  /// Validates and builds the parameters. `scrutineers[i-1]` is scrutineer i's device key.
  /// `threshold` defaults to n − 1 for n ≥ 3 and to n for n ≤ 2. Returns nullopt unless
  /// 1 ≤ k ≤ n, n ≥ 1, and the keys are pairwise distinct (one person, one index).
  [[nodiscard]] static std::optional<ceremony_params> create(
      std::string_view congress_id, std::string_view sitting_id,
      std::vector<public_key> scrutineers, std::optional<std::uint64_t> threshold = std::nullopt);

  [[nodiscard]] const std::string& congress_id() const { return congress_id_; }
  [[nodiscard]] const std::string& sitting_id() const { return sitting_id_; }
  /// Number of scrutineers n.
  [[nodiscard]] std::uint64_t n() const { return scrutineers_.size(); }
  /// Threshold k: how many partial decryptions a tally needs.
  [[nodiscard]] std::uint64_t k() const { return k_; }
  /// Scrutineer `index`'s key, 1 ≤ index ≤ n. Throws std::out_of_range otherwise.
  [[nodiscard]] const public_key& scrutineer(std::uint64_t index) const;
  [[nodiscard]] const std::vector<public_key>& scrutineers() const { return scrutineers_; }
  /// H32("ceremony", congress_id, sitting_id, LE64(n), LE64(k), pk_1, …, pk_n).
  [[nodiscard]] const digest32& ceremony_id() const { return ceremony_id_; }
  /// Whether 1 ≤ index ≤ n.
  [[nodiscard]] bool is_index(std::uint64_t index) const { return index >= 1 && index <= n(); }

 private:
  ceremony_params(std::string_view congress_id, std::string_view sitting_id,
                  std::vector<public_key> scrutineers, std::uint64_t k);

  std::string congress_id_;
  std::string sitting_id_;
  std::vector<public_key> scrutineers_;
  std::uint64_t k_;
  digest32 ceremony_id_{};
};

}  // namespace plenum::crypto
