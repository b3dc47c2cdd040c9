#include "plenum/crypto/ceremony_params.hpp"

#include <algorithm>
#include <stdexcept>

#include "plenum/crypto/hash.hpp"

namespace plenum::crypto {

std::optional<ceremony_params> ceremony_params::create(std::string_view congress_id,
                                                       std::string_view sitting_id,
                                                       std::vector<public_key> scrutineers,
                                                       std::optional<std::uint64_t> threshold) {
  const std::uint64_t n = scrutineers.size();
  if (n == 0) return std::nullopt;
  const std::uint64_t k = threshold.value_or(n >= 3 ? n - 1 : n);
  if (k < 1 || k > n) return std::nullopt;
  std::vector<public_key> sorted = scrutineers;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return std::nullopt;
  return ceremony_params(congress_id, sitting_id, std::move(scrutineers), k);
}

ceremony_params::ceremony_params(std::string_view congress_id, std::string_view sitting_id,
                                 std::vector<public_key> scrutineers, std::uint64_t k)
    : congress_id_(congress_id),
      sitting_id_(sitting_id),
      scrutineers_(std::move(scrutineers)),
      k_(k) {
  transcript t("ceremony");
  t.str(congress_id_).str(sitting_id_).u64(n()).u64(k_);
  for (const auto& pk : scrutineers_) t.raw(pk.bytes());
  ceremony_id_ = t.h32();
}

const public_key& ceremony_params::scrutineer(std::uint64_t index) const {
  if (!is_index(index)) throw std::out_of_range("scrutineer index outside 1..n");
  return scrutineers_[index - 1];
}

}  // namespace plenum::crypto
