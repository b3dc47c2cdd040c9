// The congress state's replay of a 3000-ballot sitting (every delegate present and voting on one
// motion, decrypted, signed and announced), and the part of each apply that recomputes the
// event's entry hash (CVP1 §6) from its payload: serializing the payload and hashing it, which
// the state does to know the board hash at a vote's close for the result digest.
#include <benchmark/benchmark.h>

#include <boost/json/serialize.hpp>

#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"

namespace {

using namespace plenum;
namespace domain = server::domain;

constexpr std::size_t delegates = 3000;

const std::vector<domain::test::logged_event>& log_of_3000() {
  static const std::vector<domain::test::logged_event> log = [] {
    domain::test::congress c{delegates};
    c.prepare_sitting(delegates);
    c.complete_ceremony();
    c.open_with_item("i1", "report");
    c.open_motion("v1", "i1", "决议");
    c.cast_each("v1", delegates, [](std::size_t i) {
      crypto::ballot_choices choice{{0, 0, 0}};
      choice[0][i % 3] = 1;
      return choice;
    });
    if (!c.as("CH", domain::close_vote{"v1"}) || !c.decrypt("v1", {1, 2}))
      throw std::runtime_error("cannot decide the vote");
    c.sign_result("v1", {"S1", "S2"}, true);
    const auto* v = c.state.find_vote("v1");
    if (v->ballots.size() != delegates || !v->announcement)
      throw std::runtime_error("the sitting did not run as planned");
    return c.log;
  }();
  return log;
}

// Every event decoded from its stored text and applied to a fresh state, as the server does
// at start-up.
void BM_ReplayLog3000(benchmark::State& state) {
  const auto& log = log_of_3000();
  std::vector<std::string> texts;
  for (const auto& e : log) texts.push_back(boost::json::serialize(e.payload));
  for (auto _ : state) {
    domain::congress_state s;
    for (std::size_t i = 0; i < log.size(); ++i) {
      auto body = protocol::decode_event_payload(log[i].type, texts[i]);
      if (!body || !s.apply(domain::event{log[i].seq, log[i].applied.entry_hash, std::move(*body)}))
        state.SkipWithError("apply failed");
    }
    benchmark::DoNotOptimize(s.next_seq());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(log.size()));
}
BENCHMARK(BM_ReplayLog3000)->Unit(benchmark::kMillisecond);

// The entry hash chain alone: serialize each payload and hash it with its seq, type and the
// previous hash.
void BM_EntryHashChain3000(benchmark::State& state) {
  const auto& log = log_of_3000();
  for (auto _ : state) {
    crypto::digest32 prev{};
    for (const auto& e : log)
      prev = crypto::entry_hash(e.seq, prev, e.type, boost::json::serialize(e.payload));
    benchmark::DoNotOptimize(prev);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(log.size()));
}
BENCHMARK(BM_EntryHashChain3000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
