// Ballot benchmarks: the two libsodium scalar multiplications the bound is made of, the
// variable-time engine's product that verification actually uses, then making (encrypt +
// prove + sign) and verifying a motion, an election and an appraisal ballot.
//
// Every verify benchmark reports `bound_ratio`: its time divided by the libsodium bound,
//   mults × (cost of one crypto_scalarmult_ristretto255, measured between the verifications
//            of the same benchmark so that both see the same machine load),
// where mults counts the multiplications CVP1 verification needs:
//   per range-proof entry j: z_j·G (base), c_j·alpha, z_j·K, c_j·(beta − v_j·G) (variable),
//   so 4 per entry and Σ_proofs t = 2·#options + Σ_contests (max − min + 1)
//                                    + Σ_constraints (max − min + 1) entries;
//   plus 1 for the Ed25519 signature (one joint s·B − h·A multiplication).
// `bound_ratio_weighted` prices each base multiplication at its own measured cost (and the
// signature at one variable-base multiplication), the stricter reading.
//
// Verification computes on public data only, so it does not use those constant-time
// multiplications: each a_j and b_j is one variable-time double-scalar product
// (crypto/src/vartime), and both ratios are below 1. Making a ballot handles secrets and
// keeps libsodium's constant-time operations. The tally benchmarks time what the server adds
// after verifying: the ballot's ciphertexts into the vote's running tally.
// The counters use thread CPU time, so other processes on the machine inflate them less.
#include <benchmark/benchmark.h>

#include <time.h>

#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/running_tally.hpp"
#include "vartime/multiscalar.hpp"
#include "vartime/public_point.hpp"
#include "vartime/ristretto.hpp"
#include "vartime/split.hpp"

namespace plenum::crypto {
namespace {

double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct unit_costs {
  double variable = 0;  // crypto_scalarmult_ristretto255
  double base = 0;      // crypto_scalarmult_ristretto255_base
};

struct mult_count {
  double base = 0;
  double variable = 0;
  [[nodiscard]] double total() const { return base + variable; }
};

// The count documented at the top of this file.
mult_count verify_mults(const manifest& m) {
  double entries = 0;
  for (const auto& c : m.contests) entries += 2.0 * c.options.size() + (c.max - c.min + 1);
  for (const auto& q : m.constraints) entries += q.max - q.min + 1;
  return {entries, 3 * entries + 1};
}

struct fixture {
  manifest m;
  ballot_choices choices;
  seeded_random rng{"ballot bench"};
  point joint_key = point::base_mul(scalar::random_nonzero(rng));
  secret_key voter = secret_key::generate(rng);
  digest32 election{0xbe, 0x7c};
};

std::vector<std::string> names(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("member " + std::to_string(i));
  return out;
}

fixture motion() { return {motion_manifest("v", "motion", "决议"), {{1, 0, 0}}}; }

fixture election() {  // 7 candidates, 5 seats: 3 approvals, 2 disapprovals, 2 abstentions
  return {election_manifest("v", "election", names(7), 5),
          {{1, 0}, {0, 1}, {1, 0}, {0, 0}, {1, 0}, {0, 1}, {0, 0}}};
}

fixture appraisal() {  // 9 members, 4 levels, one mark each but one left blank
  fixture f{appraisal_manifest("v", "appraisal", names(9)), {}};
  for (std::size_t i = 0; i < 9; ++i) {
    std::vector<std::uint8_t> row(4, 0);
    if (i != 4) row[i % 4] = 1;
    f.choices.push_back(row);
  }
  return f;
}

void BM_scalarmult_variable(benchmark::State& state) {
  seeded_random rng("variable");
  scalar k = scalar::random_nonzero(rng);
  point p = point::base_mul(scalar::random_nonzero(rng));
  for (auto _ : state) benchmark::DoNotOptimize(p = k * p);
}

void BM_scalarmult_base(benchmark::State& state) {
  seeded_random rng("base");
  scalar k = scalar::random_nonzero(rng);
  point p;
  for (auto _ : state) benchmark::DoNotOptimize(p = point::base_mul(k));
}

// a·G + b·P as verification computes it: full-length scalars (one chain of 253 doublings).
void BM_vartime_double_scalar(benchmark::State& state) {
  seeded_random rng("vartime double");
  const vartime::public_scalar a = vartime::declare_public(scalar::random(rng));
  const vartime::public_scalar b = vartime::declare_public(scalar::random(rng));
  const vartime::odd_multiples p(vartime::decode_public(point::base_mul(scalar::random(rng))));
  for (auto _ : state) {
    benchmark::DoNotOptimize(vartime::double_scalar_mul(a, vartime::base_table(), b, p));
  }
}

// The same with half-length scalars, once 2^127·P is known (vartime/split.hpp).
void BM_vartime_double_scalar_split(benchmark::State& state) {
  seeded_random rng("vartime double");
  const vartime::split_scalar a = vartime::split(vartime::declare_public(scalar::random(rng)));
  const vartime::split_scalar b = vartime::split(vartime::declare_public(scalar::random(rng)));
  const vartime::split_tables p(vartime::decode_public(point::base_mul(scalar::random(rng))));
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        vartime::split_double_scalar_mul(a, vartime::base_split_tables(), b, p));
  }
}

// A parsed point's check: libsodium's validity test (point::from_bytes, what a request's
// decoding does for every point) against the variable-time engine's decoding, which checks the
// same and also gives the coordinates verification needs.
void BM_point_check_libsodium(benchmark::State& state) {
  seeded_random rng("point check");
  const point p = point::base_mul(scalar::random_nonzero(rng));
  for (auto _ : state) benchmark::DoNotOptimize(point::from_bytes(p.bytes()));
}

void BM_point_decode_vartime(benchmark::State& state) {
  seeded_random rng("point check");
  const point p = point::base_mul(scalar::random_nonzero(rng));
  for (auto _ : state) benchmark::DoNotOptimize(vartime::ristretto_decode(p.bytes()));
}

void make_ballot_bench(benchmark::State& state, fixture (*make)()) {
  fixture f = make();
  for (auto _ : state) {
    auto b = make_ballot(f.m, f.election, f.joint_key, f.voter, f.choices, f.rng);
    if (!b) {
      state.SkipWithError("make_ballot refused the choices");
      break;
    }
    benchmark::DoNotOptimize(b);
  }
}

void verify_ballot_bench(benchmark::State& state, fixture (*make)()) {
  fixture f = make();
  const auto b = make_ballot(f.m, f.election, f.joint_key, f.voter, f.choices, f.rng);
  if (!b || verify_ballot(f.m, f.election, f.joint_key, *b) != ballot_status::ok) {
    state.SkipWithError("the benchmark ballot does not verify");
    return;
  }
  // The unit costs are measured between the verifications, so that both see the same load.
  seeded_random rng("unit costs");
  const scalar k = scalar::random_nonzero(rng);
  point p = point::base_mul(scalar::random_nonzero(rng));
  constexpr int unit_reps = 4;
  double verifying = 0, variable = 0, base = 0;
  for (auto _ : state) {
    double t0 = thread_seconds();
    benchmark::DoNotOptimize(verify_ballot(f.m, f.election, f.joint_key, *b));
    double t1 = thread_seconds();
    state.PauseTiming();
    for (int i = 0; i < unit_reps; ++i) benchmark::DoNotOptimize(p = k * p);
    double t2 = thread_seconds();
    for (int i = 0; i < unit_reps; ++i) benchmark::DoNotOptimize(p = point::base_mul(k));
    double t3 = thread_seconds();
    state.ResumeTiming();
    verifying += t1 - t0;
    variable += (t2 - t1) / unit_reps;
    base += (t3 - t2) / unit_reps;
  }
  const auto runs = static_cast<double>(state.iterations());
  const unit_costs unit{variable / runs, base / runs};
  const double per_ballot = verifying / runs;
  const mult_count n = verify_mults(f.m);
  state.counters["mults"] = n.total();
  state.counters["verify_us"] = per_ballot * 1e6;
  state.counters["bound_us"] = n.total() * unit.variable * 1e6;
  state.counters["var_mult_us"] = unit.variable * 1e6;
  state.counters["base_mult_us"] = unit.base * 1e6;
  state.counters["bound_ratio"] = per_ballot / (n.total() * unit.variable);
  state.counters["bound_ratio_weighted"] =
      per_ballot / (n.variable * unit.variable + n.base * unit.base);
}

// What the server does with an accepted ballot's ciphertexts after verifying it: adds them to
// the vote's running tally, decoding every point again (`decoding`) or taking the points its
// verification decoded (`verifier_points`). `tally_add_us` is the addition alone.
void tally_add_bench(benchmark::State& state, fixture (*make)(), bool verifier_points) {
  fixture f = make();
  const auto b = make_ballot(f.m, f.election, f.joint_key, f.voter, f.choices, f.rng);
  if (!b || verify_ballot(f.m, f.election, f.joint_key, *b) != ballot_status::ok) {
    state.SkipWithError("the benchmark ballot does not verify");
    return;
  }
  std::vector<ciphertext> cts;
  for (const auto& c : b->contests)
    for (const auto& o : c.options) cts.push_back(o.ct);
  running_tally tally(cts.size());
  double adding = 0;
  for (auto _ : state) {
    decoded_ballot_points points;
    benchmark::DoNotOptimize(
        verify_ballot(f.m, f.election, f.joint_key, *b, verifier_points ? &points : nullptr));
    const double t0 = thread_seconds();
    const bool added = verifier_points ? tally.add(cts, points) : tally.add(cts);
    adding += thread_seconds() - t0;
    if (!added) {
      state.SkipWithError("the tally refused the ballot");
      break;
    }
  }
  state.counters["tally_add_us"] = adding / static_cast<double>(state.iterations()) * 1e6;
}

BENCHMARK(BM_scalarmult_variable)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_scalarmult_base)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_vartime_double_scalar)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_point_check_libsodium)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_point_decode_vartime)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_vartime_double_scalar_split)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(make_ballot_bench, motion, motion)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(verify_ballot_bench, motion, motion)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(make_ballot_bench, election_7_of_5, election)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(verify_ballot_bench, election_7_of_5, election)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(make_ballot_bench, appraisal_9x4, appraisal)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(verify_ballot_bench, appraisal_9x4, appraisal)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(tally_add_bench, motion_decoding, motion, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(tally_add_bench, motion_verifier_points, motion, true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(tally_add_bench, appraisal_9x4_decoding, appraisal, false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(tally_add_bench, appraisal_9x4_verifier_points, appraisal, true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace plenum::crypto

BENCHMARK_MAIN();
