// The event log in PostgreSQL (storage/postgres_log_store.hpp) against a primary and a
// synchronous standby of the bench's own on loopback (tests/server/postgres_cluster.hpp): the
// same 3000-event bursts as plenum_event_log_bench, with the writer's commits waiting for the
// standby (synchronous_commit remote_apply or on) or for the primary's disk alone (local), so
// that the cost of the second machine shows beside the single one. Wall-clock time.
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "log_burst.hpp"
#include "postgres_cluster.hpp"
#include "storage/event_log.hpp"
#include "storage/postgres_log_store.hpp"

namespace plenum::server::storage {
namespace {

using bench::append_burst_until_durable;
using bench::bench_key;
using bench::payload;

std::unique_ptr<test::postgres_cluster> primary;
std::unique_ptr<test::postgres_cluster> standby;
int databases = 0;

// synchronous_commit levels by argument: 0 local (primary's disk), 1 on (standby's disk),
// 2 remote_apply (standby's disk and visible there).
const char* level(std::int64_t arg) {
  switch (arg) {
    case 0:
      return "local";
    case 1:
      return "on";
    default:
      return "remote_apply";
  }
}

std::unique_ptr<event_log> open_fresh_log(std::int64_t sync, std::size_t max_batch) {
  const std::string db = "bench" + std::to_string(++databases);
  primary->execute("CREATE DATABASE " + db);
  postgres_store_options o;
  o.conninfo = primary->conninfo(db);
  o.synchronous_commit = level(sync);
  auto store = postgres_log_store::connect(o);
  if (!store) throw std::runtime_error(store.error().message);
  event_log_options options;
  options.max_batch = max_batch;
  auto log = event_log::open(std::move(*store), bench_key(), options);
  if (!log) throw std::runtime_error(log.error().message);
  return std::move(*log);
}

// 3000 appends issued at once by `threads` threads; the clock stops when all are durable.
// Args: sync level, threads, payload bytes.
void BM_PostgresBurstUntilDurable(benchmark::State& state) {
  const auto sync = state.range(0);
  const auto threads = static_cast<int>(state.range(1));
  const auto size = static_cast<std::size_t>(state.range(2));
  constexpr int total = 3000;
  double commits = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto log = open_fresh_log(sync, 512);
    state.ResumeTiming();
    append_burst_until_durable(*log, threads, total, size);
    state.PauseTiming();
    commits += static_cast<double>(log->stats().commits);
    log.reset();
    state.ResumeTiming();
  }
  state.counters["durable_events_per_s"] =
      benchmark::Counter(static_cast<double>(total) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["commits_per_burst"] = commits / static_cast<double>(state.iterations());
}
BENCHMARK(BM_PostgresBurstUntilDurable)
    ->ArgNames({"sync", "threads", "bytes"})
    ->Args({0, 4, 300})
    ->Args({2, 4, 300})
    ->Args({0, 4, 8000})
    ->Args({1, 4, 8000})
    ->Args({2, 4, 8000})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// One event appended and waited for before the next: what a lone request waits.
void BM_PostgresLoneAppendLatency(benchmark::State& state) {
  auto log = open_fresh_log(state.range(0), 512);
  std::uint64_t n = 0;
  for (auto _ : state) {
    if (!log->append("checkin", payload(300, n++), nullptr)) throw std::runtime_error("append");
    if (log->flush()) throw std::runtime_error("flush failed");
  }
}
BENCHMARK(BM_PostgresLoneAppendLatency)
    ->ArgName("sync")
    ->Arg(0)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(200);

}  // namespace
}  // namespace plenum::server::storage

int main(int argc, char** argv) {
  using namespace plenum;
  benchmark::Initialize(&argc, argv);
  server::storage::primary = std::make_unique<test::postgres_cluster>("bench_a");
  server::storage::standby =
      std::make_unique<test::postgres_cluster>("bench_b", *server::storage::primary);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  server::storage::standby.reset();
  server::storage::primary.reset();
  return 0;
}
