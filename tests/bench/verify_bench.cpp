// The independent verifier on a 3000-ballot vote: a real sitting of 3000 delegates (all
// present, all voting on one motion) is run through the domain, stored and exported once;
// then the whole record is read and verified, on one thread and on two. Wall-clock time is the
// figure (the second thread's CPU time is not counted in "CPU").
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

#include "export/record_export.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "sitting_record.hpp"

namespace {

using namespace plenum;

constexpr std::size_t delegates = 3000;

struct exported {
  std::unique_ptr<verify_test::sitting_record> sitting;
  std::filesystem::path dir;
};

const exported& record_of_3000() {
  static const exported e = [] {
    exported out;
    out.sitting = std::make_unique<verify_test::sitting_record>(delegates);
    out.dir = out.sitting->fresh_dir("record");
    auto summary = server::record_export::export_data_dir(out.sitting->data_dir(), out.dir);
    if (!summary) throw std::runtime_error("export failed");
    // For timing the command line: PLENUM_VERIFY_BENCH_KEEP=DIR keeps a copy of the data
    // directory and of the record there.
    if (const char* keep = std::getenv("PLENUM_VERIFY_BENCH_KEEP")) {
      std::filesystem::create_directories(keep);
      std::filesystem::copy(out.sitting->data_dir(), std::filesystem::path(keep) / "data",
                            std::filesystem::copy_options::recursive);
      std::filesystem::copy(out.dir, std::filesystem::path(keep) / "record",
                            std::filesystem::copy_options::recursive);
    }
    return out;
  }();
  return e;
}

// Reading the files and every check, as `plenum-verify RECORD --threads N` does.
void BM_VerifyRecord3000(benchmark::State& state) {
  const auto& e = record_of_3000();
  const auto threads = static_cast<unsigned>(state.range(0));
  clients::verify::verify_options options;
  options.threads = threads;
  for (auto _ : state) {
    auto rec = clients::verify::load_record(e.dir);
    if (!rec) {
      state.SkipWithError(("record unreadable: " + rec.error().message()).c_str());
      return;
    }
    auto report = clients::verify::verify_record(*rec, options);
    const auto* ballots = report.find("ballots", "v1");
    if (!report.passed() || ballots == nullptr || ballots->count != delegates) {
      std::string failed = "record did not verify:";
      for (const auto& c : report.checks)
        if (!c.passed) failed += " " + clients::verify::format_check(c);
      state.SkipWithError(failed.c_str());
      return;
    }
    benchmark::DoNotOptimize(report);
  }
  state.counters["ballots"] = delegates;
  state.counters["ballots_per_s"] = benchmark::Counter(
      static_cast<double>(delegates), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_VerifyRecord3000)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
