#include "engines.hpp"

#include <algorithm>
#include <numeric>

#include "plenum/crypto/random.hpp"
#include "plenum/crypto/reference_verify.hpp"

namespace plenum::clients::verify {

std::size_t reference_sample_size(std::size_t ballots) {
  constexpr std::size_t at_least = 16;
  const std::size_t five_percent = (ballots * 5 + 99) / 100;
  return std::min(ballots, std::max(at_least, five_percent));
}

namespace {

// SplitMix64: a small generator whose output is fixed by its definition, so that a seed
// names the same sample on every platform.
std::uint64_t next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

std::uint64_t mix_in(std::uint64_t seed, std::string_view text) {
  std::uint64_t h = seed ^ 0xcbf29ce484222325ull;  // FNV-1a over the vote id
  for (unsigned char ch : text) h = (h ^ ch) * 0x100000001b3ull;
  return h;
}

}  // namespace

std::vector<bool> reference_sample(std::uint64_t seed, std::string_view vote_id,
                                   std::size_t ballots) {
  const std::size_t size = reference_sample_size(ballots);
  std::vector<bool> chosen(ballots, size == ballots);
  if (size == ballots) return chosen;
  // The first `size` places of a Fisher–Yates shuffle driven by the seed and the vote id.
  std::vector<std::size_t> order(ballots);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::uint64_t state = mix_in(seed, vote_id);
  for (std::size_t i = 0; i < size; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(next(state) % (ballots - i));
    std::swap(order[i], order[j]);
    chosen[order[i]] = true;
  }
  return chosen;
}

namespace detail {

namespace {

bool flipped(const engine_plan& plan, std::uint64_t seq) {
  return plan.flip_at_seq && *plan.flip_at_seq == seq;
}

}  // namespace

engine_plan engine_plan::from(const verify_options& options) {
  engine_plan plan;
  plan.all = options.reference_all;
  plan.flip_at_seq = options.test_only_flip_reference_verdict_at_seq;
  if (options.sample_seed) {
    plan.seed = *options.sample_seed;
  } else {
    crypto::byte_array<8> bytes{};
    crypto::system_random().fill(bytes);
    for (std::size_t i = 0; i < bytes.size(); ++i) plan.seed |= std::uint64_t{bytes[i]} << (8 * i);
  }
  return plan;
}

std::vector<bool> ballots_to_check_both_ways(const engine_plan& plan, const std::string& vote_id,
                                             std::size_t ballots) {
  if (plan.all) return std::vector<bool>(ballots, true);
  return reference_sample(plan.seed, vote_id, ballots);
}

crypto::ballot_status reference_ballot_status(const engine_plan& plan, std::uint64_t seq,
                                              const crypto::manifest& m,
                                              const crypto::digest32& election_hash,
                                              const crypto::point& joint_key,
                                              const crypto::ballot& b) {
  const auto status = crypto::reference::verify_ballot(m, election_hash, joint_key, b);
  if (!flipped(plan, seq)) return status;
  return status == crypto::ballot_status::ok ? crypto::ballot_status::bad_option_proof
                                             : crypto::ballot_status::ok;
}

bool reference_partial_ok(const engine_plan& plan, std::uint64_t seq,
                          const crypto::ceremony_params& params, const crypto::ceremony_keys& keys,
                          const crypto::digest32& election_hash,
                          std::span<const crypto::ciphertext> aggregates,
                          const crypto::partial_decryption& partial) {
  const bool ok =
      crypto::reference::check_partial_decryption(params, keys, election_hash, aggregates, partial);
  return flipped(plan, seq) ? !ok : ok;
}

std::string disagreement(const std::string& fast, const std::string& reference) {
  return "ENGINES DISAGREE: the variable-time engine says " + fast +
         ", the libsodium reference says " + reference;
}

}  // namespace detail
}  // namespace plenum::clients::verify
