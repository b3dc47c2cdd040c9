#include "ballot_fixture.hpp"

#include <stdexcept>

#include "plenum/crypto/random.hpp"

namespace plenum::fuzz {

namespace {

crypto::secret_key voter_key() {
  crypto::seeded_random random("plenum fuzz voter");
  return crypto::secret_key::generate(random);
}

}  // namespace

ballot_fixture::ballot_fixture() : joint_key_(crypto::point::generator()), voter_(voter_key()) {
  crypto::seeded_random random("plenum fuzz ballot fixture");
  joint_key_ = crypto::point::base_mul(crypto::scalar::random_nonzero(random));
  const std::vector<std::string> people = {"甲", "乙", "丙"};
  std::vector<crypto::manifest> manifests = {
      crypto::motion_manifest("motion", "关于修路的决议", "关于修路的决议"),
      crypto::election_manifest("election", "选举", people, 2),
      crypto::appraisal_manifest("appraisal", "民主测评", people),
      crypto::confidence_manifest("confidence", "信任投票", people),
  };
  crypto::byte_array<32> ceremony_id{};
  random.fill(ceremony_id);
  const std::vector<crypto::public_key> roster = {voter_.public_part()};
  for (auto& m : manifests) {
    if (crypto::check_manifest(m)) throw std::logic_error("fuzz manifest is not well formed");
    const auto election = crypto::election_hash(ceremony_id, joint_key_, crypto::manifest_hash(m),
                                                crypto::roster_hash(roster));
    votes_.push_back({std::move(m), election});
  }
}

const fuzz_vote& ballot_fixture::vote_for(const std::string& vote_id) const {
  for (const auto& v : votes_)
    if (v.manifest.vote_id == vote_id) return v;
  return votes_.front();
}

crypto::ballot ballot_fixture::valid_ballot(std::size_t i, const std::string& label) const {
  const auto& v = votes_.at(i);
  crypto::ballot_choices choices;
  for (std::size_t c = 0; c < v.manifest.contests.size(); ++c) {
    std::vector<std::uint8_t> marks(v.manifest.contests[c].options.size(), 0);
    // An election's approvals are capped by its seats: approve the first two candidates only.
    const bool mark = v.manifest.kind != crypto::vote_kind::election || c < 2;
    if (mark) marks[0] = 1;
    choices.push_back(std::move(marks));
  }
  crypto::seeded_random random(label);
  auto b = crypto::make_ballot(v.manifest, v.election_hash, joint_key_, voter_, choices, random);
  if (!b) throw std::logic_error("fuzz ballot cannot be made");
  return std::move(*b);
}

}  // namespace plenum::fuzz
