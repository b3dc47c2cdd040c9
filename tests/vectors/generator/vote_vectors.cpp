#include "vote_vectors.hpp"

#include <boost/json/object.hpp>
#include <stdexcept>
#include <utility>

#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "seeds.hpp"

namespace plenum::test::vectors {

namespace json = boost::json;

cast_vote cast(const sitting& s, const vote_plan& plan) {
  cast_vote v{plan, crypto::manifest_hash(plan.manifest), crypto::roster_hash(s.roster()), {}, {},
              {}};
  v.election_hash = crypto::election_hash(s.params.ceremony_id(), s.keys.joint_key, v.manifest_hash,
                                          v.roster_hash);
  for (std::size_t i = 0; i < plan.choices.size(); ++i) {
    std::string seed = seed_label(plan.manifest.vote_id + "/ballot/" + std::to_string(i + 1));
    crypto::seeded_random source(seed);
    auto b = crypto::make_ballot(plan.manifest, v.election_hash, s.keys.joint_key,
                                 s.delegates[i].key, plan.choices[i], source);
    if (!b) throw std::runtime_error("test vectors: a planned ballot was refused");
    v.seeds.push_back(std::move(seed));
    v.ballots.push_back(std::move(*b));
  }
  return v;
}

namespace {

json::array choice_json(const crypto::ballot_choices& choices) {
  json::array out;
  for (const auto& contest : choices) {
    json::array row;
    for (std::uint8_t x : contest) row.push_back(static_cast<std::uint64_t>(x));
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

json::array ballots_json(const cast_vote& v) {
  json::array out;
  for (std::size_t i = 0; i < v.ballots.size(); ++i) {
    const crypto::ballot& b = v.ballots[i];
    const crypto::digest32 digest = crypto::ballot_digest(b, v.election_hash);
    const crypto::digest32 code = crypto::tracking_code(digest, b.sig);
    json::object entry;
    entry.emplace("choice", choice_json(v.plan.choices[i]));
    entry.emplace("seed", v.seeds[i]);
    entry.emplace("ballot", protocol::encode_ballot(b));
    entry.emplace("digest", crypto::to_hex(digest));
    entry.emplace("tracking_code", crypto::to_hex(code));
    entry.emplace("tracking_code_display", crypto::tracking_code_display(code));
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace plenum::test::vectors
