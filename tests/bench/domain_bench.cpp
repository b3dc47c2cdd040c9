// The congress state's replay of a 3000-ballot sitting (every delegate present and voting on one
// motion, decrypted, signed and announced), and the part of each apply that recomputes the
// event's entry hash (CVP1 §6) from its payload: serializing the payload and hashing it, which
// the state does to know the board hash at a vote's close for the result digest.
#include <benchmark/benchmark.h>

#include <boost/json/serialize.hpp>

#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"

namespace {

using namespace plenum;
namespace domain = server::domain;

constexpr std::size_t delegates = 3000;

const std::vector<domain::event>& log_of_3000() {
  static const std::vector<domain::event> log = [] {
    domain::test::congress c{delegates};
    c.prepare_sitting(delegates);
    c.complete_ceremony();
    c.open_with_item("i1", "report");
    domain::create_vote motion;
    motion.vote_id = "v1";
    motion.sitting_id = "s1";
    motion.item_id = "i1";
    motion.kind = "motion";
    motion.title = "决议";
    if (!c.as("CH", motion) || !c.as("CH", domain::open_vote{"v1"}))
      throw std::runtime_error("cannot open the vote");
    for (std::size_t i = 1; i <= delegates; ++i) {
      crypto::ballot_choices choice{{0, 0, 0}};
      choice[0][i % 3] = 1;
      const auto number = domain::test::delegate_number(i);
      if (!c.as(number, domain::cast_ballot{"v1", c.ballot_for(number, "v1", choice)}))
        throw std::runtime_error("ballot refused");
    }
    if (!c.as("CH", domain::close_vote{"v1"}) || !c.decrypt("v1", {1, 2}))
      throw std::runtime_error("cannot decide the vote");
    const auto digest = *crypto::from_hex_fixed<32>(c.state.find_vote("v1")->result_digest);
    for (const std::string s : {"S1", "S2"})
      if (!c.as(s, domain::sign_result{"v1", c.keys.at(s).sign(digest).hex()}))
        throw std::runtime_error("cannot sign");
    if (!c.as("CH", domain::announce_result{"v1", c.keys.at("CH").sign(digest).hex()}))
      throw std::runtime_error("cannot announce");
    return c.log;
  }();
  return log;
}

// Every event applied to a fresh state, as the server does at start-up.
void BM_ReplayLog3000(benchmark::State& state) {
  const auto& log = log_of_3000();
  for (auto _ : state) {
    domain::congress_state s;
    for (const auto& e : log)
      if (!s.apply(e)) state.SkipWithError("apply failed");
    benchmark::DoNotOptimize(s.head_hash());
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
