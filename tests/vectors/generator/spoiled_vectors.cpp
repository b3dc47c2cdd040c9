#include "spoiled_vectors.hpp"

#include <stdexcept>
#include <string>

#include "plenum/crypto/random.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "seeds.hpp"

namespace plenum::test::vectors {

boost::json::object spoiled_json(const sitting& s, const cast_vote& v) {
  const std::string seed = seed_label(v.plan.manifest.vote_id + "/spoiled/1");
  crypto::seeded_random source(seed);
  const crypto::ballot_choices& choices = v.plan.choices.at(1);
  auto opened = crypto::make_opened_ballot(v.plan.manifest, v.election_hash, s.keys.joint_key,
                                           s.delegates.at(0).key, choices, source);
  if (!opened) throw std::runtime_error("make_opened_ballot refused a spoiled ballot");
  const auto digest = crypto::ballot_digest(opened->b, v.election_hash);
  const auto code = crypto::tracking_code(digest, opened->b.sig);
  boost::json::object out;
  out.emplace("voter", 1);
  out.emplace("seed", seed);
  out.emplace("choice", protocol::encode_choices(choices));
  out.emplace("ballot", protocol::encode_ballot(opened->b));
  out.emplace("nonces", protocol::encode_openings(opened->openings));
  out.emplace("digest", crypto::to_hex(digest));
  out.emplace("tracking_code", crypto::to_hex(code));
  out.emplace("tracking_code_display", crypto::tracking_code_display(code));
  return out;
}

}  // namespace plenum::test::vectors
