// Event log benchmarks on the real disk (under TMPDIR, default /tmp): how many appends per
// second become durable when they arrive together (group commit: one fsync'd transaction per
// batch of whatever is queued), against one transaction per event, and how long open() takes
// to verify a stored log (every hash, link and signature). Wall-clock time: the cost is
// waiting for the disk.
#include <benchmark/benchmark.h>

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "log_burst.hpp"
#include "storage/event_log.hpp"

namespace plenum::server::storage {
namespace {

using bench::append_burst_until_durable;
using bench::bench_key;
using bench::payload;

namespace fs = std::filesystem;

fs::path make_temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "plenum-bench-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::unique_ptr<event_log> open_log(const fs::path& path, std::size_t max_batch) {
  event_log_options options;
  options.max_batch = max_batch;
  auto log = event_log::open(path, bench_key(), options);
  if (!log) throw std::runtime_error(log.error().message);
  return std::move(*log);
}

// 3000 appends issued at once by `threads` threads; the clock stops when all are durable.
// Args: threads, payload bytes, max batch.
void BM_BurstUntilDurable(benchmark::State& state) {
  const auto threads = static_cast<int>(state.range(0));
  const auto size = static_cast<std::size_t>(state.range(1));
  const auto max_batch = static_cast<std::size_t>(state.range(2));
  constexpr int total = 3000;
  double commits = 0;
  double largest = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path dir = make_temp_dir();
    auto log = open_log(dir / "board.db", max_batch);
    state.ResumeTiming();

    append_burst_until_durable(*log, threads, total, size);

    state.PauseTiming();
    const writer_stats stats = log->stats();
    commits += static_cast<double>(stats.commits);
    largest = std::max(largest, static_cast<double>(stats.largest_batch));
    log.reset();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  state.counters["durable_events_per_s"] =
      benchmark::Counter(static_cast<double>(total) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["commits_per_burst"] = commits / static_cast<double>(state.iterations());
  state.counters["largest_batch"] = largest;
}
BENCHMARK(BM_BurstUntilDurable)
    ->ArgNames({"threads", "bytes", "max_batch"})
    ->Args({1, 300, 512})
    ->Args({4, 300, 512})
    ->Args({4, 8000, 512})
    ->Args({1, 300, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// Appending one event and waiting for it before the next: the latency a lone request sees.
void BM_LoneAppendLatency(benchmark::State& state) {
  const fs::path dir = make_temp_dir();
  auto log = open_log(dir / "board.db", 512);
  std::uint64_t n = 0;
  for (auto _ : state) {
    if (!log->append("checkin", payload(300, n++), nullptr)) throw std::runtime_error("append");
    if (log->flush()) throw std::runtime_error("flush failed");
  }
  log.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_LoneAppendLatency)->UseRealTime()->Unit(benchmark::kMillisecond)->Iterations(200);

// Opening (and so verifying) a log of N events of 300 bytes.
void BM_OpenAndVerify(benchmark::State& state) {
  const auto count = static_cast<std::uint64_t>(state.range(0));
  const fs::path dir = make_temp_dir();
  {
    auto log = open_log(dir / "board.db", 512);
    for (std::uint64_t i = 0; i < count; ++i) {
      if (!log->append("e", payload(300, i), nullptr)) throw std::runtime_error("append");
    }
    if (log->flush()) throw std::runtime_error("flush failed");
  }
  for (auto _ : state) {
    auto log = open_log(dir / "board.db", 512);
    benchmark::DoNotOptimize(log->head());
  }
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(count) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  fs::remove_all(dir);
}
BENCHMARK(BM_OpenAndVerify)
    ->Arg(3000)
    ->Arg(30000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
}  // namespace plenum::server::storage

BENCHMARK_MAIN();
