// Tallying a 3000-ballot vote: aggregation, partial decryptions, their verification,
// combination and the bounded discrete log. Run from a Release build (make bench).
#include <benchmark/benchmark.h>

#include <map>
#include <stdexcept>
#include <tuple>
#include <variant>
#include <vector>

#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/discrete_log.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/running_tally.hpp"
#include "plenum/crypto/tally.hpp"

namespace plenum::crypto {
namespace {

constexpr std::uint64_t ballot_count = 3000;

// A finished key ceremony of n scrutineers with the default threshold n − 1.
struct bench_ceremony {
  std::vector<secret_key> keys;
  ceremony_params params;
  ceremony_keys public_keys;
  std::vector<key_share> shares;
};

bench_ceremony run_ceremony(std::uint64_t n) {
  seeded_random random("bench ceremony");
  std::vector<secret_key> keys;
  std::vector<public_key> pks;
  for (std::uint64_t l = 0; l < n; ++l) {
    keys.push_back(secret_key::generate(random));
    pks.push_back(keys.back().public_part());
  }
  auto params = ceremony_params::create("bench", "sitting", pks).value();
  std::vector<keygen_message> messages;
  for (std::uint64_t i = 1; i <= n; ++i) {
    messages.push_back(make_keygen_message(params, i, keys[i - 1], random));
  }
  auto public_keys = compute_ceremony_keys(params, messages).value();
  std::vector<key_share> shares;
  for (std::uint64_t l = 1; l <= n; ++l) {
    std::vector<scalar> opened;
    for (const auto& msg : messages) {
      opened.push_back(std::get<scalar>(open_share(params, msg, l, keys[l - 1])));
    }
    shares.push_back(
        combine_shares(params, l, opened, public_keys.verification_keys[l - 1]).value());
  }
  return {std::move(keys), std::move(params), std::move(public_keys), std::move(shares)};
}

const bench_ceremony& ceremony(std::uint64_t n) {
  static std::map<std::uint64_t, bench_ceremony> cache;
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, run_ceremony(n)).first;
  return it->second;
}

// 3000 ballots under the joint key of ceremony(n), of `contests` contests with `options`
// options each: each ballot marks at most
// one option per contest (a motion marks exactly one of its three).
struct bench_vote {
  std::vector<std::vector<ciphertext>> ballots;
  std::vector<std::uint64_t> counts;
};

const bench_vote& vote(std::size_t contests, std::size_t options, std::uint64_t n = 3) {
  static std::map<std::tuple<std::size_t, std::size_t, std::uint64_t>, bench_vote> cache;
  const auto key = std::make_tuple(contests, options, n);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  seeded_random random("bench ballots");
  const point& joint = ceremony(n).public_keys.joint_key;
  bench_vote v;
  v.counts.assign(contests * options, 0);
  for (std::uint64_t b = 0; b < ballot_count; ++b) {
    std::vector<ciphertext> ballot;
    for (std::size_t c = 0; c < contests; ++c) {
      const std::size_t marked = (b * 31 + c * 7) % (options + (options == 3 ? 0 : 1));
      for (std::size_t o = 0; o < options; ++o) {
        const std::uint64_t m = o == marked ? 1 : 0;
        v.counts[c * options + o] += m;
        const scalar r = scalar::random_nonzero(random);
        ballot.push_back({point::base_mul(r), point::small_multiple(m) + r * joint});
      }
    }
    v.ballots.push_back(std::move(ballot));
  }
  return cache.emplace(key, std::move(v)).first->second;
}

std::vector<ciphertext> aggregate(const bench_vote& v) {
  tally_accumulator tally(v.ballots.front().size());
  for (const auto& ballot : v.ballots) {
    if (!tally.add(ballot)) throw std::logic_error("ballot of the wrong shape");
  }
  return tally.aggregates();
}

// Argument 0: contests; argument 1: options per contest (motion: 1×3, election: 7×2).
void per_ballot_counters(benchmark::State& state) {
  state.counters["positions"] = static_cast<double>(state.range(0) * state.range(1));
  state.counters["ballots/s"] = benchmark::Counter(static_cast<double>(ballot_count),
                                                   benchmark::Counter::kIsIterationInvariantRate);
  state.counters["per ballot"] = benchmark::Counter(
      static_cast<double>(ballot_count),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_Aggregate(benchmark::State& state) {
  const bench_vote& v = vote(state.range(0), state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(aggregate(v));
  per_ballot_counters(state);
}
BENCHMARK(BM_Aggregate)->Args({1, 3})->Args({7, 2})->Unit(benchmark::kMillisecond);

// The same sums as the server keeps them (running_tally: decoded points on the variable-time
// engine), encoded once at the end as a close or a partial decryption asks for them.
void BM_AggregateRunning(benchmark::State& state) {
  const bench_vote& v = vote(state.range(0), state.range(1));
  for (auto _ : state) {
    running_tally tally(v.ballots.front().size());
    for (const auto& ballot : v.ballots) {
      if (!tally.add(ballot)) throw std::logic_error("ballot of the wrong shape");
    }
    benchmark::DoNotOptimize(tally.aggregates());
  }
  per_ballot_counters(state);
}
BENCHMARK(BM_AggregateRunning)->Args({1, 3})->Args({7, 2})->Unit(benchmark::kMillisecond);

// One scrutineer's partial decryption of every position (with proofs and signature).
void BM_MakePartial(benchmark::State& state) {
  const auto& c = ceremony(3);
  const auto aggregates = aggregate(vote(state.range(0), state.range(1)));
  const digest32 election_hash{};
  seeded_random random("bench partial");
  for (auto _ : state) {
    benchmark::DoNotOptimize(make_partial_decryption(c.params, c.public_keys, election_hash,
                                                     aggregates, c.shares[0], c.keys[0], random));
  }
}
BENCHMARK(BM_MakePartial)->Args({1, 3})->Args({7, 2})->Unit(benchmark::kMillisecond);

// Checking one partial decryption (every proof and the signature).
void BM_VerifyPartial(benchmark::State& state) {
  const auto& c = ceremony(3);
  const auto aggregates = aggregate(vote(state.range(0), state.range(1)));
  const digest32 election_hash{};
  seeded_random random("bench partial");
  const auto partial = make_partial_decryption(c.params, c.public_keys, election_hash, aggregates,
                                               c.shares[0], c.keys[0], random);
  for (auto _ : state) {
    if (!check_partial_decryption(c.params, c.public_keys, election_hash, aggregates, partial)) {
      state.SkipWithError("partial rejected");
    }
  }
}
BENCHMARK(BM_VerifyPartial)->Args({1, 3})->Args({7, 2})->Unit(benchmark::kMillisecond);

// The baby-step table for 3000 ballots.
void BM_DiscreteLogTable(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(discrete_log_table(ballot_count));
}
BENCHMARK(BM_DiscreteLogTable)->Unit(benchmark::kMicrosecond);

// Decrypting a 3000-ballot tally: k partials made, each verified, then combined and solved by
// baby-step giant-step (the table built once per run). Argument 2: n scrutineers, k = n − 1.
void BM_DecryptTally(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(2));
  const bench_vote& v = vote(state.range(0), state.range(1), n);
  const auto& c = ceremony(n);
  const auto aggregates = aggregate(v);
  const digest32 election_hash{};
  seeded_random random("bench decrypt");
  for (auto _ : state) {
    const discrete_log_table table(ballot_count);
    std::vector<partial_decryption> partials;
    for (std::uint64_t l = 1; l <= c.params.k(); ++l) {
      partials.push_back(make_partial_decryption(c.params, c.public_keys, election_hash, aggregates,
                                                 c.shares[l - 1], c.keys[l - 1], random));
      if (!check_partial_decryption(c.params, c.public_keys, election_hash, aggregates,
                                    partials.back())) {
        state.SkipWithError("partial rejected");
      }
    }
    const auto counts = decrypt_counts(aggregates, partials, c.params.k(), ballot_count, table);
    if (counts != v.counts) state.SkipWithError("wrong counts");
  }
  state.counters["positions"] = static_cast<double>(state.range(0) * state.range(1));
  state.counters["k"] = static_cast<double>(c.params.k());
}
BENCHMARK(BM_DecryptTally)
    ->Args({1, 3, 3})
    ->Args({7, 2, 3})
    ->Args({7, 2, 5})
    ->Unit(benchmark::kMillisecond);

// Combination and discrete logs alone, from already verified partials.
void BM_CombineAndSolve(benchmark::State& state) {
  const bench_vote& v = vote(state.range(0), state.range(1));
  const auto& c = ceremony(3);
  const auto aggregates = aggregate(v);
  const digest32 election_hash{};
  seeded_random random("bench combine");
  std::vector<partial_decryption> partials;
  for (std::uint64_t l = 1; l <= c.params.k(); ++l) {
    partials.push_back(make_partial_decryption(c.params, c.public_keys, election_hash, aggregates,
                                               c.shares[l - 1], c.keys[l - 1], random));
  }
  const discrete_log_table table(ballot_count);
  for (auto _ : state) {
    const auto counts = decrypt_counts(aggregates, partials, c.params.k(), ballot_count, table);
    if (counts != v.counts) state.SkipWithError("wrong counts");
  }
}
BENCHMARK(BM_CombineAndSolve)->Args({1, 3})->Args({7, 2})->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace plenum::crypto

BENCHMARK_MAIN();
