// Decoding and encoding frames: the cost the server pays per request before any crypto.
// The cast_ballot frames carry the known-answer ballots. Run from a Release build (make bench).
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <stdexcept>
#include <string>

#include "kat.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/strict_json.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

// The cast_ballot frame of the first ballot of KAT vote `vote` (0 motion, 1 election,
// 2 appraisal, 3 confidence).
std::string cast_ballot_text(std::size_t vote) {
  const json::value& ballot = test::kat().at("votes").at(vote).at("ballots").at(0).at("ballot");
  return json::serialize(json::object{{"v", 1},
                                      {"id", 1},
                                      {"type", "cast_ballot"},
                                      {"vote_id", ballot.at("vote_id")},
                                      {"ballot", ballot}});
}

void BM_DecodeCastBallot(benchmark::State& state) {
  const std::string text = cast_ballot_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto r = decode_frame(text);
    if (!r) throw std::runtime_error(r.error().message());
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["frame_bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_DecodeCastBallot)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

// The same frames as plenumd decodes them from a connection authenticated as the ballot's
// voter: the voter_pk is the session's key, checked when the device enrolled and signed in.
void BM_DecodeCastBallotFromItsSender(benchmark::State& state) {
  const auto vote = static_cast<std::size_t>(state.range(0));
  const std::string text = cast_ballot_text(vote);
  const json::value& ballot = test::kat().at("votes").at(vote).at("ballots").at(0).at("ballot");
  const auto sender = crypto::public_key::from_hex(ballot.at("voter_pk").as_string());
  if (!sender) throw std::runtime_error("the known answer's voter_pk");
  for (auto _ : state) {
    auto f = parse_request(text);
    if (!f) throw std::runtime_error(f.error().message());
    auto r = decode_request(*f, *sender);
    if (!r) throw std::runtime_error(r.error().message());
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DecodeCastBallotFromItsSender)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

// The strict parser alone against Boost.JSON's own: the price of watching for duplicate keys.
void BM_ParseStrict(benchmark::State& state) {
  const std::string text = cast_ballot_text(2);
  for (auto _ : state) benchmark::DoNotOptimize(parse_strict_json(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseStrict)->Unit(benchmark::kMicrosecond);

void BM_ParseBoost(benchmark::State& state) {
  const std::string text = cast_ballot_text(2);
  for (auto _ : state) benchmark::DoNotOptimize(json::parse(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseBoost)->Unit(benchmark::kMicrosecond);

void BM_EncodeCastBallot(benchmark::State& state) {
  auto r = decode_frame(cast_ballot_text(2));
  if (!r) throw std::runtime_error(r.error().message());
  for (auto _ : state) benchmark::DoNotOptimize(encode_request(1, r->body));
}
BENCHMARK(BM_EncodeCastBallot)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace plenum::protocol

BENCHMARK_MAIN();
