// Ballots made here and checked here: round trips for every kind of vote, what cannot be made,
// and the specific reason for each kind of damage.
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/running_tally.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace plenum::crypto {
namespace {

const std::vector<std::string> people{"甲", "乙", "丙", "丁", "戊", "己", "庚"};

class Ballot : public ::testing::Test {
 protected:
  seeded_random rng_{"ballot test"};
  std::mt19937 choice_rng_{20261127};
  scalar key_secret_ = scalar::random_nonzero(rng_);
  point joint_key_ = point::base_mul(key_secret_);
  secret_key voter_ = secret_key::generate(rng_);
  digest32 election_{0xe1, 0xec};

  static std::vector<manifest> all_kinds() {
    return {motion_manifest("m", "motion", "决议"), election_manifest("e", "election", people, 5),
            appraisal_manifest("a", "appraisal", std::span(people).first(3)),
            confidence_manifest("c", "confidence", std::span(people).first(3)),
            satisfaction_manifest("s", "satisfaction", std::span(people).first(3))};
  }

  // Uniformly random 0/1 marks, redrawn until they satisfy the manifest.
  ballot_choices random_choices(const manifest& m) {
    for (;;) {
      ballot_choices choices;
      for (const auto& contest : m.contests) {
        auto& row = choices.emplace_back();
        for (std::size_t o = 0; o < contest.options.size(); ++o) {
          row.push_back(static_cast<std::uint8_t>(choice_rng_() & 1));
        }
      }
      if (!check_choices(m, choices)) return choices;
    }
  }

  ballot make(const manifest& m, const ballot_choices& choices) {
    auto b = make_ballot(m, election_, joint_key_, voter_, choices, rng_);
    if (!b) throw std::runtime_error("make_ballot refused valid choices");
    return *b;
  }

  ballot_status verify(const manifest& m, const ballot& b) {
    return verify_ballot(m, election_, joint_key_, b);
  }

  // The value an option holds, by decrypting with the test's whole key.
  std::uint64_t decrypt(const ciphertext& ct) {
    point m = ct.beta - key_secret_ * ct.alpha;
    for (std::uint64_t v = 0; v < 64; ++v) {
      if (m == point::small_multiple(v)) return v;
    }
    return ~std::uint64_t{0};
  }

  // Re-signs `b` after an edit, so that only the edited part can be at fault.
  void resign(ballot& b) { b.sig = voter_.sign(ballot_digest(b, election_)); }
};

// The points verify_ballot hands to the running tally give the same sums as decoding the
// ballot again; points of another ballot are not taken, and a ballot that fails hands none.
TEST_F(Ballot, DecodedPointsGiveTheTallyTheSameSums) {
  for (const manifest& m : all_kinds()) {
    std::size_t positions = 0;
    for (const auto& c : m.contests) positions += c.options.size();
    running_tally with_points(positions);
    running_tally decoding(positions);
    decoded_ballot_points previous;
    for (int i = 0; i < 3; ++i) {
      const ballot b = make(m, random_choices(m));
      std::vector<ciphertext> cts;
      for (const auto& c : b.contests)
        for (const auto& o : c.options) cts.push_back(o.ct);
      decoded_ballot_points points;
      ASSERT_EQ(verify_ballot(m, election_, joint_key_, b, &points), ballot_status::ok)
          << m.vote_id;
      ASSERT_FALSE(points.empty());
      ASSERT_TRUE(with_points.add(cts, points));
      ASSERT_TRUE(decoding.add(cts));
      // Another ballot's points for this ballot: decoded instead, the same sums.
      if (!previous.empty()) {
        running_tally a(positions);
        running_tally c(positions);
        ASSERT_TRUE(a.add(cts, previous));
        ASSERT_TRUE(c.add(cts));
        EXPECT_EQ(a, c) << m.vote_id;
      }
      previous = points;
    }
    EXPECT_EQ(with_points, decoding) << m.vote_id;
    EXPECT_EQ(with_points.aggregates(), decoding.aggregates()) << m.vote_id;

    ballot altered = make(m, random_choices(m));
    altered.sig = secret_key::generate(rng_).sign(ballot_digest(altered, election_));
    decoded_ballot_points none;
    EXPECT_EQ(verify_ballot(m, election_, joint_key_, altered, &none),
              ballot_status::bad_signature);
    EXPECT_TRUE(none.empty());
  }
}

// A ballot's option ciphertexts fed to a ballot_points_builder, as a parser does.
decoded_ballot_points parsed_points(const ballot& b) {
  ballot_points_builder builder;
  for (const auto& c : b.contests) {
    for (const auto& o : c.options) {
      EXPECT_EQ(builder.point_from_bytes(o.ct.alpha.bytes()), o.ct.alpha);
      EXPECT_EQ(builder.point_from_bytes(o.ct.beta.bytes()), o.ct.beta);
    }
  }
  return builder.finish();
}

// The points a parser decoded are taken by verify_ballot, which then hands the same points on;
// points that are not the ballot's own are ignored; every verdict is the verdict without them.
TEST_F(Ballot, PointsFromTheParserGiveTheSameVerdicts) {
  for (const manifest& m : all_kinds()) {
    SCOPED_TRACE(m.vote_id);
    const ballot b = make(m, random_choices(m));
    std::vector<ciphertext> cts;
    for (const auto& c : b.contests)
      for (const auto& o : c.options) cts.push_back(o.ct);

    decoded_ballot_points parsed = parsed_points(b);
    ASSERT_FALSE(parsed.empty());
    const auto* held = parsed.get();
    ASSERT_EQ(verify_ballot(m, election_, joint_key_, b, &parsed), ballot_status::ok);
    EXPECT_EQ(parsed.get(), held);  // taken, and handed on as they were
    running_tally from_parser(cts.size());
    running_tally decoding(cts.size());
    ASSERT_TRUE(from_parser.add(cts, parsed));
    ASSERT_TRUE(decoding.add(cts));
    EXPECT_EQ(from_parser, decoding);

    // Another ballot's points: ignored, the ballot's own decoded and handed on.
    const ballot other = make(m, random_choices(m));
    decoded_ballot_points foreign = parsed_points(other);
    ASSERT_EQ(verify_ballot(m, election_, joint_key_, b, &foreign), ballot_status::ok);
    running_tally after_foreign(cts.size());
    ASSERT_TRUE(after_foreign.add(cts, foreign));
    EXPECT_EQ(after_foreign, decoding);

    // Damage found with the parser's points as without them; nothing handed on.
    ballot bad_proof = b;
    bad_proof.contests[0].options[0].proof[0].z =
        bad_proof.contests[0].options[0].proof[0].z + scalar::from_u64(1);
    resign(bad_proof);
    decoded_ballot_points for_bad = parsed_points(bad_proof);
    const auto* bad_held = for_bad.get();
    EXPECT_EQ(verify_ballot(m, election_, joint_key_, bad_proof, &for_bad), verify(m, bad_proof));
    EXPECT_EQ(verify(m, bad_proof), ballot_status::bad_option_proof);
    EXPECT_EQ(for_bad.get(), bad_held);

    ballot swapped = b;  // two options' ciphertexts exchanged: the points of b no longer fit
    if (swapped.contests[0].options.size() > 1) {
      std::swap(swapped.contests[0].options[0].ct, swapped.contests[0].options[1].ct);
      resign(swapped);
      decoded_ballot_points stale = parsed_points(b);
      EXPECT_EQ(verify_ballot(m, election_, joint_key_, swapped, &stale), verify(m, swapped));
    }
  }
}

// The builder accepts exactly the encodings point::from_bytes accepts, and pairs what it kept.
TEST(BallotPoints, BuilderAcceptsExactlyWhatFromBytesAccepts) {
  seeded_random rng("ballot points builder");
  std::vector<byte_array<32>> encodings;
  for (int i = 0; i < 300; ++i) {
    byte_array<32> random{};
    rng.fill(random);
    encodings.push_back(random);  // almost never a valid encoding
    const point p = point::base_mul(scalar::random(rng));
    encodings.push_back(p.bytes());
    byte_array<32> high = p.bytes();
    high[31] |= 0x80;  // bit 255 set: refused
    encodings.push_back(high);
    byte_array<32> negated = p.bytes();
    negated[0] ^= 1;  // an odd s is not canonical
    encodings.push_back(negated);
  }
  encodings.push_back(byte_array<32>{});  // the identity
  byte_array<32> field_prime{};           // p = 2^255 - 19: a non-canonical encoding of zero
  field_prime.fill(0xff);
  field_prime[0] = 0xed;
  field_prime[31] = 0x7f;
  encodings.push_back(field_prime);

  std::size_t accepted = 0;
  ballot_points_builder builder;
  for (const auto& e : encodings) {
    const auto expected = point::from_bytes(e);
    const auto got = builder.point_from_bytes(e);
    ASSERT_EQ(got.has_value(), expected.has_value()) << to_hex(e);
    if (got) {
      EXPECT_EQ(*got, *expected);
      ++accepted;
    }
  }
  EXPECT_GE(accepted, 301u);
  // An odd number kept gives nothing; an even one gives the pairs, and the builder starts anew.
  if (accepted % 2 == 1) {
    EXPECT_TRUE(builder.finish().empty());
  } else {
    EXPECT_FALSE(builder.finish().empty());
  }
  EXPECT_TRUE(builder.finish().empty());
  ASSERT_TRUE(builder.point_from_bytes(point::generator().bytes()));
  EXPECT_TRUE(builder.finish().empty());
}

TEST_F(Ballot, RoundTripForEveryKind) {
  for (const manifest& m : all_kinds()) {
    SCOPED_TRACE(m.vote_id);
    for (int round = 0; round < 3; ++round) {
      const ballot_choices choices = random_choices(m);
      const ballot b = make(m, choices);
      EXPECT_EQ(b.vote_id, m.vote_id);
      EXPECT_EQ(b.voter_pk, voter_.public_part());
      EXPECT_EQ(verify(m, b), ballot_status::ok);
      for (std::size_t c = 0; c < choices.size(); ++c) {
        for (std::size_t o = 0; o < choices[c].size(); ++o) {
          EXPECT_EQ(decrypt(b.contests[c].options[o].ct), choices[c][o]);
          EXPECT_FALSE(b.contests[c].options[o].ct.alpha.is_identity());
        }
      }
    }
  }
}

TEST_F(Ballot, ExtremeChoicesRoundTrip) {
  const manifest election = election_manifest("e", "election", people, 5);
  ballot_choices none(7, std::vector<std::uint8_t>{0, 0});
  EXPECT_EQ(verify(election, make(election, none)), ballot_status::ok);
  ballot_choices five(7, std::vector<std::uint8_t>{0, 1});
  for (std::size_t c = 0; c < 5; ++c) five[c] = {1, 0};
  EXPECT_EQ(verify(election, make(election, five)), ballot_status::ok);
}

TEST_F(Ballot, RulesBreakingChoicesCannotBeMade) {
  const manifest motion = motion_manifest("m", "motion", "决议");
  const manifest election = election_manifest("e", "election", people, 5);
  struct refused {
    const manifest& m;
    ballot_choices choices;
    choice_problem problem;
  };
  ballot_choices six_approvals(7, std::vector<std::uint8_t>{1, 0});
  six_approvals[6] = {0, 0};
  const std::vector<refused> cases{
      {motion, {{1, 1, 0}}, choice_problem::contest_out_of_bounds},
      {motion, {{0, 0, 0}}, choice_problem::contest_out_of_bounds},
      {motion, {{1, 0}}, choice_problem::wrong_shape},
      {motion, {{1, 0, 0}, {1, 0, 0}}, choice_problem::wrong_shape},
      {motion, {{2, 0, 0}}, choice_problem::not_binary},
      {election, six_approvals, choice_problem::constraint_out_of_bounds},
      {election, ballot_choices(7, std::vector<std::uint8_t>{1, 1}),
       choice_problem::contest_out_of_bounds},
  };
  for (const refused& r : cases) {
    EXPECT_EQ(check_choices(r.m, r.choices), r.problem);
    EXPECT_FALSE(make_ballot(r.m, election_, joint_key_, voter_, r.choices, rng_).has_value());
  }
  manifest broken = motion;
  broken.contests[0].max = 4;
  EXPECT_EQ(check_choices(broken, {{1, 0, 0}}), choice_problem::invalid_manifest);
  EXPECT_FALSE(make_ballot(broken, election_, joint_key_, voter_, {{1, 0, 0}}, rng_));
}

TEST_F(Ballot, ForgedOverVoteIsRefused) {
  // Two marks on a motion: every option proof is honest, but the contest sum is 2 and no
  // proof for V = [1] exists; one made as if it held 1 does not verify.
  const manifest motion = motion_manifest("m", "motion", "决议");
  ballot b = make(motion, {{1, 0, 0}});
  const scalar r = scalar::random_nonzero(rng_);
  const proof_binding binding{election_, b.ballot_id, b.voter_pk.bytes()};
  const std::vector<std::uint64_t> binary{0, 1};
  encrypted_option& against = b.contests[0].options[1];
  against.ct = encrypt(1, r, joint_key_);
  against.proof = *prove_range(binding, proof_subject::option(0, 1), joint_key_, against.ct, binary,
                               1, r, rng_);
  resign(b);
  EXPECT_EQ(verify(motion, b), ballot_status::bad_contest_proof);
}

TEST_F(Ballot, TamperedCiphertextIsRefused) {
  const manifest motion = motion_manifest("m", "motion", "决议");
  const ballot original = make(motion, {{0, 0, 1}});
  ballot b = original;
  b.contests[0].options[2].ct.beta += point::generator();
  EXPECT_EQ(verify(motion, b), ballot_status::bad_option_proof);
  resign(b);
  EXPECT_EQ(verify(motion, b), ballot_status::bad_option_proof);
  b = original;
  std::swap(b.contests[0].options[0], b.contests[0].options[2]);  // moving a mark
  resign(b);
  EXPECT_EQ(verify(motion, b), ballot_status::bad_option_proof);
}

TEST_F(Ballot, TamperedProofsAreNamed) {
  const manifest election = election_manifest("e", "election", people, 5);
  const ballot original = make(election, random_choices(election));
  ballot b = original;
  b.contests[3].proof[0].z += scalar::from_u64(1);
  resign(b);
  EXPECT_EQ(verify(election, b), ballot_status::bad_contest_proof);
  b = original;
  b.constraint_proofs[0][2].c += scalar::from_u64(1);
  resign(b);
  EXPECT_EQ(verify(election, b), ballot_status::bad_constraint_proof);
  b = original;
  b.constraint_proofs[0].pop_back();  // a proof of the wrong length is a bad proof
  resign(b);
  EXPECT_EQ(verify(election, b), ballot_status::bad_constraint_proof);
  b = original;
  b.contests[6].options[1].proof.push_back(b.contests[6].options[1].proof[0]);
  resign(b);
  EXPECT_EQ(verify(election, b), ballot_status::bad_option_proof);
}

TEST_F(Ballot, SignatureIsChecked) {
  const manifest motion = motion_manifest("m", "motion", "决议");
  const ballot original = make(motion, {{1, 0, 0}});
  ballot b = original;
  auto bytes = b.sig.bytes();
  bytes[5] ^= 0x40;
  b.sig = signature(bytes);
  EXPECT_EQ(verify(motion, b), ballot_status::bad_signature);
  b = original;
  b.sig = secret_key::generate(rng_).sign(ballot_digest(b, election_));
  EXPECT_EQ(verify(motion, b), ballot_status::bad_signature);
  b = original;
  b.ballot_id[0] ^= 1;  // the proofs bind ballot_id
  resign(b);
  EXPECT_EQ(verify(motion, b), ballot_status::bad_option_proof);
}

TEST_F(Ballot, StructuralChecksComeFirst) {
  const manifest motion = motion_manifest("m", "motion", "决议");
  const ballot original = make(motion, {{1, 0, 0}});
  ballot b = original;
  b.vote_id = "other";
  EXPECT_EQ(verify(motion, b), ballot_status::wrong_vote_id);
  b = original;
  b.contests[0].options.pop_back();
  EXPECT_EQ(verify(motion, b), ballot_status::malformed);
  b = original;
  b.contests.push_back(b.contests[0]);
  EXPECT_EQ(verify(motion, b), ballot_status::malformed);
  b = original;
  b.constraint_proofs.push_back(b.contests[0].proof);
  EXPECT_EQ(verify(motion, b), ballot_status::malformed);
  b = original;
  b.contests[0].options[1].ct.alpha = point{};
  EXPECT_EQ(verify(motion, b), ballot_status::invalid_point);
  manifest broken = motion;
  broken.contests[0].min = 2;
  EXPECT_EQ(verify(broken, original), ballot_status::malformed);
}

TEST_F(Ballot, BoundToElectionAndKey) {
  const manifest motion = motion_manifest("m", "motion", "决议");
  const ballot b = make(motion, {{0, 1, 0}});
  digest32 other = election_;
  other[31] ^= 1;
  EXPECT_EQ(verify_ballot(motion, other, joint_key_, b), ballot_status::bad_option_proof);
  EXPECT_EQ(verify_ballot(motion, election_, point::small_multiple(2), b),
            ballot_status::bad_option_proof);
}

TEST_F(Ballot, FreshRandomnessEachTime) {
  const manifest motion = motion_manifest("m", "motion", "决议");
  const ballot a = make(motion, {{1, 0, 0}});
  const ballot b = make(motion, {{1, 0, 0}});
  EXPECT_NE(a.ballot_id, b.ballot_id);
  EXPECT_NE(a.contests[0].options[0].ct, b.contests[0].options[0].ct);
  seeded_random s1("same seed"), s2("same seed");
  EXPECT_EQ(make_ballot(motion, election_, joint_key_, voter_, {{1, 0, 0}}, s1),
            make_ballot(motion, election_, joint_key_, voter_, {{1, 0, 0}}, s2));
}

TEST_F(Ballot, DigestCoversEveryField) {
  const manifest election = election_manifest("e", "election", people, 5);
  const ballot original = make(election, random_choices(election));
  const digest32 d = ballot_digest(original, election_);
  std::vector<ballot> edited(6, original);
  edited[0].vote_id = "f";
  edited[1].ballot_id[7] ^= 1;
  edited[2].voter_pk = secret_key::generate(rng_).public_part();
  edited[3].contests[1].options[0].ct.alpha += point::generator();
  edited[4].contests[2].proof[1].c += scalar::from_u64(1);
  edited[5].constraint_proofs[0][0].z += scalar::from_u64(1);
  for (std::size_t i = 0; i < edited.size(); ++i) {
    EXPECT_NE(ballot_digest(edited[i], election_), d) << i;
  }
  digest32 other = election_;
  other[0] ^= 1;
  EXPECT_NE(ballot_digest(original, other), d);
  ballot resigned = original;
  resigned.sig = signature{};
  EXPECT_EQ(ballot_digest(resigned, election_), d);  // the signature is not part of it
}

TEST(TrackingCode, DisplayFormat) {
  digest32 zero{};
  EXPECT_EQ(tracking_code_display(zero), "0000-0000-0000-0000");
  digest32 ones{};
  for (std::size_t i = 0; i < 10; ++i) ones[i] = 0xff;
  EXPECT_EQ(tracking_code_display(ones), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  // 0x00 0x44 0x32 0x14 0xc7 … : 5-bit groups 0, 1, 2, 3, 4, 5, 6, 7, then bytes 5-9 likewise.
  digest32 counting{0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf};
  counting[20] = 0xaa;  // bytes after the tenth are not shown
  EXPECT_EQ(tracking_code_display(counting), "0123-4567-89AB-CDEF");
  digest32 letters{0x84, 0x65, 0x3a, 0x56, 0xd7, 0xc6, 0x75, 0xbe, 0x77, 0xdf};
  EXPECT_EQ(tracking_code_display(letters), "GHJK-MNPQ-RSTV-WXYZ");  // no I, L, O, U
}

TEST(TrackingCode, DigestsAreFramed) {
  const digest32 code{1, 2, 3};
  const digest32 entry{4, 5, 6};
  EXPECT_EQ(receipt_digest(code, 7, entry),
            transcript("receipt").raw(code).u64(7).raw(entry).h32());
  EXPECT_NE(receipt_digest(code, 8, entry), receipt_digest(code, 7, entry));
  const signature sig{};
  EXPECT_EQ(tracking_code(code, sig), transcript("tracking").raw(code).raw(sig.bytes()).h32());
}

TEST(BallotStatus, Names) {
  EXPECT_EQ(to_string(ballot_status::ok), "ok");
  EXPECT_EQ(to_string(ballot_status::bad_constraint_proof), "bad_constraint_proof");
}

}  // namespace
}  // namespace plenum::crypto
