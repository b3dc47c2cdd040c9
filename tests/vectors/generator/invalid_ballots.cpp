#include "invalid_ballots.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <stdexcept>
#include <string>
#include <utility>

#include "ballot_parse.hpp"
#include "plenum/crypto/elgamal.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/range_proof.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "seeds.hpp"

namespace plenum::test::vectors {

namespace json = boost::json;
using crypto::ballot_status;

namespace {

// The group order q, 32 bytes little-endian.
constexpr std::string_view group_order_hex =
    "edd3f55c1a631258d69cf7a2def9de14000000000000000000000000000000"
    "10";

// hex(x + q) for a canonical scalar x: the same value mod q in a non-canonical encoding.
std::string plus_group_order(const crypto::scalar& x) {
  const auto q = *crypto::from_hex_fixed<32>(group_order_hex);
  crypto::byte_array<32> sum{};
  unsigned carry = 0;
  for (std::size_t i = 0; i < sum.size(); ++i) {
    const unsigned s = x.bytes()[i] + q[i] + carry;
    sum[i] = static_cast<std::uint8_t>(s);
    carry = s >> 8;
  }
  return crypto::to_hex(sum);
}

// The values a proof of `marks` claims: the manifest's [lo, hi] when the marks fit it,
// otherwise [0, marks] so that a proof exists (and fails against the manifest's range).
struct claimed_range {
  std::vector<std::uint64_t> values;
  std::size_t index = 0;
};
claimed_range claim(std::uint64_t lo, std::uint64_t hi, std::uint64_t marks) {
  if (marks >= lo && marks <= hi) return {crypto::value_range(lo, hi), marks - lo};
  return {crypto::value_range(0, std::max(hi, marks)), marks};
}

// make_ballot without the bounds check, drawing from `source` in the same order.
crypto::ballot make_over_vote(const crypto::manifest& m, const crypto::digest32& election_hash,
                              const crypto::point& joint_key, const crypto::secret_key& voter,
                              const crypto::ballot_choices& choices,
                              crypto::random_source& source) {
  crypto::ballot b{m.vote_id, {}, voter.public_part(), {}, {}, {}};
  source.fill(b.ballot_id);
  const crypto::proof_binding binding{election_hash, b.ballot_id, b.voter_pk.bytes()};
  const std::vector<std::uint64_t> binary{0, 1};
  std::vector<std::vector<crypto::scalar>> nonces(m.contests.size());
  for (std::size_t c = 0; c < m.contests.size(); ++c) {
    crypto::encrypted_contest& contest = b.contests.emplace_back();
    crypto::ciphertext sum;
    crypto::scalar nonce_sum;
    std::uint64_t marks = 0;
    for (std::size_t o = 0; o < m.contests[c].options.size(); ++o) {
      const std::uint8_t x = choices[c][o];
      const crypto::scalar& r = nonces[c].emplace_back(crypto::scalar::random_nonzero(source));
      const crypto::ciphertext ct = crypto::encrypt(x, r, joint_key);
      contest.options.push_back(
          {ct, *crypto::prove_range(binding, crypto::proof_subject::option(c, o), joint_key, ct,
                                    binary, x, r, source)});
      sum += ct;
      nonce_sum += r;
      marks += x;
    }
    const claimed_range range = claim(m.contests[c].min, m.contests[c].max, marks);
    contest.proof = *crypto::prove_range(binding, crypto::proof_subject::contest(c), joint_key, sum,
                                         range.values, range.index, nonce_sum, source);
  }
  for (std::size_t q = 0; q < m.constraints.size(); ++q) {
    crypto::ciphertext sum;
    crypto::scalar nonce_sum;
    std::uint64_t marks = 0;
    for (const crypto::position& p : m.constraints[q].positions) {
      sum += b.contests[p.contest_index].options[p.option_index].ct;
      nonce_sum += nonces[p.contest_index][p.option_index];
      marks += choices[p.contest_index][p.option_index];
    }
    const claimed_range range = claim(m.constraints[q].min, m.constraints[q].max, marks);
    b.constraint_proofs.push_back(
        *crypto::prove_range(binding, crypto::proof_subject::constraint(q), joint_key, sum,
                             range.values, range.index, nonce_sum, source));
  }
  b.sig = voter.sign(crypto::ballot_digest(b, election_hash));
  return b;
}

std::vector<test::raw_proof_entry> raw_proof(const json::value& proof) {
  std::vector<test::raw_proof_entry> out;
  for (const auto& e : proof.as_array()) {
    out.push_back({std::string(e.at("c").as_string()), std::string(e.at("z").as_string())});
  }
  return out;
}

// The status a verifier gives the ballot text `ballot`: parsing, then verify_ballot.
ballot_status status_of(const sitting& s, const cast_vote& v, const json::object& ballot) {
  test::raw_ballot raw;
  raw.vote_id = ballot.at("vote_id").as_string();
  raw.ballot_id = ballot.at("ballot_id").as_string();
  raw.voter_pk = ballot.at("voter_pk").as_string();
  for (const auto& c : ballot.at("contests").as_array()) {
    test::raw_contest& contest = raw.contests.emplace_back();
    for (const auto& o : c.at("options").as_array()) {
      contest.options.push_back({std::string(o.at("alpha").as_string()),
                                 std::string(o.at("beta").as_string()), raw_proof(o.at("proof"))});
    }
    contest.proof = raw_proof(c.at("proof"));
  }
  for (const auto& q : ballot.at("constraint_proofs").as_array()) {
    raw.constraint_proofs.push_back(raw_proof(q));
  }
  raw.signature = ballot.at("signature").as_string();
  test::parsed_ballot parsed = test::parse_ballot(raw);
  if (!parsed.value) return parsed.status;
  return crypto::verify_ballot(v.plan.manifest, v.election_hash, s.keys.joint_key, *parsed.value);
}

class invalid_list {
 public:
  invalid_list(const sitting& s, const cast_vote& v) : s_(s), v_(v) {}

  void add(std::string why, ballot_status expect, json::object ballot, std::string seed = {}) {
    if (status_of(s_, v_, ballot) != expect) {
      throw std::runtime_error("test vectors: invalid ballot '" + why + "' of " +
                               v_.plan.manifest.vote_id + " is not refused as expected");
    }
    json::object entry;
    entry.emplace("why", std::move(why));
    entry.emplace("expect", crypto::to_string(expect));
    if (!seed.empty()) entry.emplace("seed", std::move(seed));
    entry.emplace("ballot", std::move(ballot));
    out_.push_back(std::move(entry));
  }

  [[nodiscard]] json::array take() { return std::move(out_); }

 private:
  const sitting& s_;
  const cast_vote& v_;
  json::array out_;
};

}  // namespace

json::array invalid_ballots_json(const sitting& s, const cast_vote& v) {
  const crypto::manifest& m = v.plan.manifest;
  const crypto::ballot& first = v.ballots.front();
  invalid_list list(s, v);

  crypto::ballot altered_z = first;
  auto& z = altered_z.contests[0].options[0].proof[0].z;
  z += crypto::scalar::from_u64(1);
  list.add("option proof altered (z + 1)", ballot_status::bad_option_proof,
           protocol::encode_ballot(altered_z));

  crypto::byte_array<64> sig = first.sig.bytes();
  sig[0] ^= 0x01;
  crypto::ballot altered_sig = first;
  altered_sig.sig = crypto::signature(sig);
  list.add("signature altered", ballot_status::bad_signature, protocol::encode_ballot(altered_sig));

  const crypto::secret_key& other = s.delegates.back().key;
  crypto::ballot copied = first;
  copied.voter_pk = other.public_part();
  copied.sig = other.sign(crypto::ballot_digest(copied, v.election_hash));
  list.add("copied under another delegate's key and re-signed", ballot_status::bad_option_proof,
           protocol::encode_ballot(copied));

  json::object non_canonical = protocol::encode_ballot(first);
  non_canonical.at("contests")
      .as_array()[0]
      .as_object()
      .at("proof")
      .as_array()[0]
      .as_object()["z"] = plus_group_order(first.contests[0].proof[0].z);
  list.add("non-canonical scalar in the contest proof", ballot_status::non_canonical_scalar,
           std::move(non_canonical));

  json::object identity = protocol::encode_ballot(first);
  identity.at("contests")
      .as_array()[0]
      .as_object()
      .at("options")
      .as_array()[0]
      .as_object()["alpha"] = crypto::point().hex();
  list.add("identity alpha", ballot_status::invalid_point, std::move(identity));

  // Another election: the same vote under a roster without the absent delegate.
  std::vector<crypto::public_key> present = s.roster();
  present.pop_back();
  const crypto::digest32 other_election = crypto::election_hash(
      s.params.ceremony_id(), s.keys.joint_key, v.manifest_hash, crypto::roster_hash(present));
  {
    std::string seed = seed_label(m.vote_id + "/invalid/another-election");
    crypto::seeded_random source(seed);
    auto b = crypto::make_ballot(m, other_election, s.keys.joint_key, s.delegates[0].key,
                                 v.plan.choices[0], source);
    if (!b) throw std::runtime_error("test vectors: ballot for another election refused");
    list.add("made for another election", ballot_status::bad_option_proof,
             protocol::encode_ballot(*b), std::move(seed));
  }

  if (v.plan.over) {
    std::string seed = seed_label(m.vote_id + "/invalid/over-vote");
    crypto::seeded_random source(seed);
    const crypto::ballot b = make_over_vote(m, v.election_hash, s.keys.joint_key,
                                            s.delegates[0].key, v.plan.over->choices, source);
    const ballot_status expect = m.constraints.empty() ? ballot_status::bad_contest_proof
                                                       : ballot_status::bad_constraint_proof;
    list.add(v.plan.over->why, expect, protocol::encode_ballot(b), std::move(seed));
  }
  return list.take();
}

}  // namespace plenum::test::vectors
