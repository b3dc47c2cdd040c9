#include "ballot_parse.hpp"

#include <gtest/gtest.h>

#include <string>

namespace plenum::crypto {
namespace {

using test::parse_ballot;
using test::parsed_ballot;
using test::raw_ballot;
using test::raw_contest;
using test::raw_proof_entry;

std::vector<raw_proof_entry> raw_proof(const range_proof& proof) {
  std::vector<raw_proof_entry> out;
  for (const proof_entry& e : proof) out.push_back({e.c.hex(), e.z.hex()});
  return out;
}

raw_ballot to_raw(const ballot& b) {
  raw_ballot raw{b.vote_id, to_hex(b.ballot_id), b.voter_pk.hex(), {}, {}, b.sig.hex()};
  for (const encrypted_contest& c : b.contests) {
    raw_contest rc;
    for (const encrypted_option& o : c.options) {
      rc.options.push_back({o.ct.alpha.hex(), o.ct.beta.hex(), raw_proof(o.proof)});
    }
    rc.proof = raw_proof(c.proof);
    raw.contests.push_back(std::move(rc));
  }
  for (const range_proof& p : b.constraint_proofs) raw.constraint_proofs.push_back(raw_proof(p));
  return raw;
}

// q, the group order: the smallest non-canonical scalar.
const std::string order_hex = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

class BallotParse : public ::testing::Test {
 protected:
  seeded_random rng_{"ballot parse test"};
  point joint_key_ = point::base_mul(scalar::random_nonzero(rng_));
  secret_key voter_ = secret_key::generate(rng_);
  manifest election_ = election_manifest("e", "t", std::vector<std::string>{"a", "b", "c"}, 2);
  ballot ballot_ =
      *make_ballot(election_, digest32{7}, joint_key_, voter_, {{1, 0}, {0, 0}, {1, 0}}, rng_);
  raw_ballot raw_ = to_raw(ballot_);

  ballot_status status_after(auto edit) {
    raw_ballot raw = raw_;
    edit(raw);
    parsed_ballot parsed = parse_ballot(raw);
    EXPECT_EQ(parsed.value.has_value(), parsed.status == ballot_status::ok);
    return parsed.status;
  }
};

TEST_F(BallotParse, RoundTrips) {
  parsed_ballot parsed = parse_ballot(raw_);
  ASSERT_EQ(parsed.status, ballot_status::ok);
  ASSERT_TRUE(parsed.value.has_value());
  EXPECT_EQ(*parsed.value, ballot_);
  EXPECT_EQ(verify_ballot(election_, digest32{7}, joint_key_, *parsed.value), ballot_status::ok);
}

TEST_F(BallotParse, RejectsBadEncodings) {
  using s = ballot_status;
  EXPECT_EQ(status_after([](raw_ballot& r) { r.ballot_id.pop_back(); }), s::malformed);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.ballot_id += "00"; }), s::malformed);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.voter_pk[0] = 'G'; }), s::malformed);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.signature.resize(126); }), s::malformed);
  EXPECT_EQ(status_after([](raw_ballot& r) {
              for (char& ch : r.signature) ch = static_cast<char>(std::toupper(ch));
            }),
            s::malformed);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.contests[1].options[0].alpha = "00"; }),
            s::malformed);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.contests[0].proof[1].z.pop_back(); }), s::malformed);
}

TEST_F(BallotParse, RejectsInvalidPoints) {
  using s = ballot_status;
  EXPECT_EQ(
      status_after([](raw_ballot& r) { r.contests[1].options[1].alpha = std::string(64, '0'); }),
      s::invalid_point);
  EXPECT_EQ(
      status_after([](raw_ballot& r) { r.contests[2].options[0].beta = std::string(64, 'f'); }),
      s::invalid_point);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.contests[0].options[0].alpha[0] = '1'; }),
            s::invalid_point);  // odd s: not a canonical ristretto255 encoding
  // An identity beta is a valid ciphertext component (a 0 vote with r·K = identity cannot
  // happen, but the encoding itself is allowed); the proofs then fail.
  EXPECT_EQ(
      status_after([](raw_ballot& r) { r.contests[2].options[0].beta = std::string(64, '0'); }),
      s::ok);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.voter_pk = std::string(64, '0'); }),
            s::invalid_point);
}

TEST_F(BallotParse, RejectsNonCanonicalScalars) {
  using s = ballot_status;
  EXPECT_EQ(status_after([](raw_ballot& r) { r.contests[0].options[1].proof[0].c = order_hex; }),
            s::non_canonical_scalar);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.contests[2].proof[1].z = std::string(64, 'f'); }),
            s::non_canonical_scalar);
  EXPECT_EQ(status_after([](raw_ballot& r) { r.constraint_proofs[0][2].c = order_hex; }),
            s::non_canonical_scalar);
}

TEST_F(BallotParse, FirstFailureInFieldOrderWins) {
  EXPECT_EQ(status_after([](raw_ballot& r) {
              r.contests[0].options[0].alpha = std::string(64, '0');
              r.constraint_proofs[0][0].c = order_hex;
              r.signature = "00";
            }),
            ballot_status::invalid_point);
  EXPECT_EQ(status_after([](raw_ballot& r) {
              r.contests[0].proof[0].c = order_hex;
              r.contests[1].options[0].beta = std::string(64, 'f');
            }),
            ballot_status::non_canonical_scalar);
}

TEST_F(BallotParse, ShapeIsLeftToVerification) {
  raw_ballot raw = raw_;
  raw.contests.pop_back();
  parsed_ballot parsed = parse_ballot(raw);
  ASSERT_TRUE(parsed.value.has_value());
  EXPECT_EQ(verify_ballot(election_, digest32{7}, joint_key_, *parsed.value),
            ballot_status::malformed);
}

}  // namespace
}  // namespace plenum::crypto
