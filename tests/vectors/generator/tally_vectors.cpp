#include "tally_vectors.hpp"

#include <boost/json/array.hpp>
#include <stdexcept>
#include <string>
#include <utility>

#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/discrete_log.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/result.hpp"
#include "plenum/crypto/tally.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/rules.hpp"
#include "scenario.hpp"
#include "seeds.hpp"

namespace plenum::test::vectors {

namespace json = boost::json;

namespace {

std::vector<crypto::ciphertext> positions_of(const crypto::ballot& b) {
  std::vector<crypto::ciphertext> out;
  for (const auto& contest : b.contests) {
    for (const auto& option : contest.options) out.push_back(option.ct);
  }
  return out;
}

}  // namespace

tally_vectors make_tally(const sitting& s, const cast_vote& v) {
  const crypto::manifest& m = v.plan.manifest;
  json::array positions;
  for (std::size_t c = 0; c < m.contests.size(); ++c) {
    for (std::size_t o = 0; o < m.contests[c].options.size(); ++o) {
      positions.push_back(
          json::array{static_cast<std::uint64_t>(c), static_cast<std::uint64_t>(o)});
    }
  }
  crypto::tally_accumulator sums(positions.size());
  for (const auto& b : v.ballots) {
    if (!sums.add(positions_of(b))) throw std::runtime_error("test vectors: ballot shape");
  }
  json::array aggregates;
  for (const auto& a : sums.aggregates()) {
    aggregates.push_back(json::object{{"A", a.alpha.hex()}, {"B", a.beta.hex()}});
  }

  std::vector<crypto::partial_decryption> partials;
  json::array partials_json;
  json::array seeds;
  for (std::uint64_t l : decrypting_scrutineers) {
    std::string seed = seed_label(m.vote_id + "/partial/" + std::to_string(l));
    crypto::seeded_random source(seed);
    partials.push_back(crypto::make_partial_decryption(s.params, s.keys, v.election_hash,
                                                       sums.aggregates(), s.shares[l - 1],
                                                       s.scrutineers[l - 1].key, source));
    if (!crypto::check_partial_decryption(s.params, s.keys, v.election_hash, sums.aggregates(),
                                          partials.back())) {
      throw std::runtime_error("test vectors: a partial decryption fails its check");
    }
    partials_json.push_back(protocol::encode_partial_decryption(partials.back()));
    seeds.push_back(json::string(seed));
  }
  const crypto::discrete_log_table table(sums.ballots());
  auto counts =
      crypto::decrypt_counts(sums.aggregates(), partials, s.params.k(), sums.ballots(), table);
  if (!counts) throw std::runtime_error("test vectors: the counts do not decrypt");

  tally_vectors out;
  out.json.emplace("positions", std::move(positions));
  out.json.emplace("aggregates", std::move(aggregates));
  out.json.emplace("partials", std::move(partials_json));
  out.json.emplace("partial_seeds", std::move(seeds));
  json::array counts_json;
  for (std::uint64_t t : *counts) counts_json.push_back(t);
  out.json.emplace("counts", std::move(counts_json));
  out.counts = std::move(*counts);
  return out;
}

namespace {

protocol::tally_input tally_of(const cast_vote& v, const std::vector<std::uint64_t>& counts) {
  protocol::tally_input input;
  input.ballots = v.ballots.size();
  input.seated = seated_count;
  input.present = present_count;
  std::size_t next = 0;
  for (const auto& contest : v.plan.manifest.contests) {
    protocol::contest_count& cc = input.contests.emplace_back();
    cc.contest_id = contest.contest_id;
    cc.title = contest.title;
    for (const auto& option : contest.options) {
      cc.options.push_back({option.option_id, option.label, counts.at(next++)});
    }
  }
  return input;
}

}  // namespace

json::object result_json(const sitting& s, const cast_vote& v,
                         const std::vector<std::uint64_t>& counts, const board_head& head) {
  const protocol::tally_input input = tally_of(v, counts);
  auto outcome = protocol::decide_outcome(v.plan.rule, input);
  if (!outcome) throw std::runtime_error("test vectors: no outcome for " + v.plan.manifest.vote_id);

  crypto::result_record record;
  record.election_hash = v.election_hash;
  record.board_seq_at_close = head.seq;
  record.board_hash_at_close = head.hash;
  record.ballots = input.ballots;
  record.seated = input.seated;
  record.present = input.present;
  record.rule = protocol::rule_text(v.plan.rule);
  record.counts = counts;
  record.outcome = outcome->text;
  const crypto::digest32 digest = crypto::result_digest(record);

  json::object out;
  out.emplace("board_seq_at_close", record.board_seq_at_close);
  out.emplace("board_hash_at_close", crypto::to_hex(record.board_hash_at_close));
  out.emplace("ballots", record.ballots);
  out.emplace("seated", record.seated);
  out.emplace("present", record.present);
  out.emplace("rule", record.rule);
  out.emplace("outcome", record.outcome);
  out.emplace("digest", crypto::to_hex(digest));
  out.emplace("signature", s.server.key.sign(digest).hex());
  return out;
}

}  // namespace plenum::test::vectors
