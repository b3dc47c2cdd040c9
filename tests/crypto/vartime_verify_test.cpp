// The verifiers that use the variable-time engine (range proofs, ballots, partial decryptions,
// key-ceremony proofs of knowledge, share images) against the same checks on libsodium's
// operations (the reference path of plenum/crypto/reference_verify.hpp, and the ceremony checks
// written here), on valid and tampered inputs: both must accept the same proofs and reject the
// same alterations.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/range_proof.hpp"
#include "plenum/crypto/reference_verify.hpp"
#include "plenum/crypto/tally.hpp"
#include "test_ceremony.hpp"

namespace plenum::crypto {
namespace {

// ---- The ceremony checks as they were written before the engine, with libsodium's operations.

bool reference_pok(const ceremony_params& params, const keygen_message& msg) {
  for (std::size_t j = 0; j < msg.commitments.size(); ++j) {
    const point& k = msg.commitments[j];
    const knowledge_proof& proof = msg.proofs[j];
    if (k.is_identity()) return false;
    transcript t("keygen-pok");
    t.raw(params.ceremony_id()).u64(msg.dealer).u64(j).add(k);
    t.add(point::base_mul(proof.v) - proof.c * k);
    if (!(t.hs() == proof.c)) return false;
  }
  return true;
}

point reference_share_image(const std::vector<point>& commitments, std::uint64_t index) {
  const scalar at = scalar::from_u64(index);
  point sum;
  for (auto it = commitments.rbegin(); it != commitments.rend(); ++it) sum = at * sum + *it;
  return sum;
}

const scalar one = scalar::from_u64(1);

// ---- Range proofs. ----

class VartimeRangeProof : public ::testing::Test {
 protected:
  seeded_random rng_{"vartime range proof"};
  scalar key_secret_ = scalar::random_nonzero(rng_);
  point key_ = point::base_mul(key_secret_);
  proof_binding binding_{{9, 8, 7}, {6, 5, 4}, {3, 2, 1}};
  proof_subject subject_ = proof_subject::contest(3);

  // Checks one statement with both verifiers; returns the new verifier's answer.
  bool both(const point& key, const ciphertext& ct, const std::vector<std::uint64_t>& allowed,
            const range_proof& proof) {
    const bool fresh = verify_range(binding_, subject_, key, ct, allowed, proof);
    EXPECT_EQ(fresh, reference::verify_range(binding_, subject_, key, ct, allowed, proof));
    return fresh;
  }
};

TEST_F(VartimeRangeProof, AcceptsAndRejectsExactlyAsTheLibsodiumVerifier) {
  int accepted = 0, rejected = 0;
  for (int round = 0; round < 40; ++round) {
    const std::uint64_t lo = static_cast<std::uint64_t>(round % 3);
    const std::uint64_t hi = lo + static_cast<std::uint64_t>(round % 4);
    const std::vector<std::uint64_t> allowed = value_range(lo, hi);
    const std::size_t index = static_cast<std::size_t>(round) % allowed.size();
    // Round 0 mod 10 uses the zero nonce (alpha is the identity); 5 mod 10 a nonce that makes
    // beta the identity (v·G + r·K = 0).
    scalar r = scalar::random_nonzero(rng_);
    if (round % 10 == 0) r = scalar{};
    const std::uint64_t v = allowed[index];
    if (round % 10 == 5 && v != 0) r = -(scalar::from_u64(v) * *key_secret_.inverse());
    const ciphertext ct = encrypt(v, r, key_);
    EXPECT_EQ(ct.alpha.is_identity(), round % 10 == 0);
    if (round % 10 == 5 && v != 0) {
      EXPECT_TRUE(ct.beta.is_identity());
    }
    const auto proof = prove_range(binding_, subject_, key_, ct, allowed, index, r, rng_);
    ASSERT_TRUE(proof.has_value());
    ASSERT_TRUE(both(key_, ct, allowed, *proof)) << round;
    ++accepted;

    // Every entry's c or z one off, entries swapped, the statement changed.
    for (std::size_t j = 0; j < proof->size(); ++j) {
      range_proof altered = *proof;
      altered[j].c += one;
      EXPECT_FALSE(both(key_, ct, allowed, altered));
      altered = *proof;
      altered[j].z += one;
      EXPECT_FALSE(both(key_, ct, allowed, altered));
      altered = *proof;
      altered[j].z = altered[j].c;
      EXPECT_FALSE(both(key_, ct, allowed, altered));
      rejected += 3;
    }
    if (proof->size() > 1) {
      range_proof swapped = *proof;
      std::swap(swapped.front(), swapped.back());
      EXPECT_FALSE(both(key_, ct, allowed, swapped));
      ++rejected;
    }
    if (!(ct.alpha == ct.beta)) {  // both are the identity for v = 0 with the zero nonce
      EXPECT_FALSE(both(key_, {ct.beta, ct.alpha}, allowed, *proof));
    }
    EXPECT_FALSE(both(key_, {ct.alpha + point::generator(), ct.beta}, allowed, *proof));
    EXPECT_FALSE(both(key_, {ct.alpha, ct.beta + point::generator()}, allowed, *proof));
    EXPECT_FALSE(both(key_ + point::generator(), ct, allowed, *proof));
    EXPECT_FALSE(both(key_, ct, value_range(lo + 1, hi + 1), *proof));
    rejected += 5;
  }
  EXPECT_EQ(accepted, 40);
  EXPECT_GT(rejected, 400);
}

TEST_F(VartimeRangeProof, AValueOutsideTheListHasNoProof) {
  // A ciphertext of 2 with a proof for [0, 1] made as if it held 1: both verifiers refuse.
  const scalar r = scalar::random_nonzero(rng_);
  const ciphertext ct = encrypt(2, r, key_);
  const std::vector<std::uint64_t> binary{0, 1};
  for (std::size_t index : {0u, 1u}) {
    const auto proof = prove_range(binding_, subject_, key_, ct, binary, index, r, rng_);
    ASSERT_TRUE(proof.has_value());
    EXPECT_FALSE(both(key_, ct, binary, *proof));
  }
}

// ---- Whole ballots: every proof entry altered reports the proof it belongs to. ----

struct ballot_case {
  manifest m;
  ballot_choices choices;
};

std::vector<std::string> names(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("member " + std::to_string(i));
  return out;
}

TEST(VartimeBallot, EveryAlteredProofEntryIsRefusedByItsOwnCheck) {
  seeded_random rng("vartime ballot");
  const point key = point::base_mul(scalar::random_nonzero(rng));
  const secret_key voter = secret_key::generate(rng);
  const digest32 election{0x11, 0x22};
  const std::vector<ballot_case> cases = {
      {motion_manifest("v", "motion", "决议"), {{0, 0, 1}}},
      {election_manifest("v", "election", names(4), 2), {{1, 0}, {0, 1}, {0, 0}, {1, 0}}},
  };
  for (const ballot_case& bc : cases) {
    // Both engines on the same ballot; the engine's verdict, which must be the reference's.
    const auto check = [&](const point& k, const ballot& x) {
      const ballot_status status = verify_ballot(bc.m, election, k, x);
      EXPECT_EQ(status, reference::verify_ballot(bc.m, election, k, x));
      return status;
    };
    const auto made = make_ballot(bc.m, election, key, voter, bc.choices, rng);
    ASSERT_TRUE(made.has_value());
    const ballot& b = *made;
    ASSERT_EQ(check(key, b), ballot_status::ok);
    EXPECT_EQ(check(key + point::generator(), b), ballot_status::bad_option_proof);
    ballot copy = b;
    // The identity where CVP1 refuses it: an option's alpha.
    copy.contests[0].options[0].ct.alpha = point{};
    EXPECT_EQ(check(key, copy), ballot_status::invalid_point);
    copy = b;
    for (auto& contest : copy.contests) {
      for (auto& option : contest.options) {
        const ciphertext kept = option.ct;
        option.ct.beta = option.ct.beta + point::generator();  // flips the encrypted value
        EXPECT_EQ(check(key, copy), ballot_status::bad_option_proof);
        option.ct = kept;
      }
    }
    const auto run = [&](ballot& target) {
      for (auto& contest : target.contests) {
        for (auto& option : contest.options) {
          for (std::size_t j = 0; j < option.proof.size(); ++j) {
            option.proof[j].c += one;
            EXPECT_EQ(check(key, target), ballot_status::bad_option_proof);
            option.proof[j].c -= one;
            option.proof[j].z += one;
            EXPECT_EQ(check(key, target), ballot_status::bad_option_proof);
            option.proof[j].z -= one;
          }
        }
        for (std::size_t j = 0; j < contest.proof.size(); ++j) {
          contest.proof[j].c += one;
          EXPECT_EQ(check(key, target), ballot_status::bad_contest_proof);
          contest.proof[j].c -= one;
          contest.proof[j].z += one;
          EXPECT_EQ(check(key, target), ballot_status::bad_contest_proof);
          contest.proof[j].z -= one;
        }
      }
      for (auto& proof : target.constraint_proofs) {
        for (std::size_t j = 0; j < proof.size(); ++j) {
          proof[j].c += one;
          EXPECT_EQ(check(key, target), ballot_status::bad_constraint_proof);
          proof[j].c -= one;
          proof[j].z += one;
          EXPECT_EQ(check(key, target), ballot_status::bad_constraint_proof);
          proof[j].z -= one;
        }
      }
      EXPECT_EQ(check(key, target), ballot_status::ok);
    };
    run(copy);
  }
}

// ---- Partial decryptions, proofs of knowledge and share images. ----

class VartimeCeremony : public ::testing::Test {
 protected:
  static const test::test_ceremony& c() {
    static const test::test_ceremony ceremony = test::run_test_ceremony(4, 3, "vartime 3 of 4");
    return ceremony;
  }
  seeded_random rng_{"vartime ceremony"};
};

TEST_F(VartimeCeremony, PartialDecryptionProofsAgreeWithTheLibsodiumCheck) {
  digest32 election{};
  election.fill(0x42);
  // Positions: two aggregates of a few encryptions, and an empty one (identity A).
  std::vector<ciphertext> aggregates(3);
  for (int b = 0; b < 5; ++b) {
    for (std::size_t p = 0; p < 2; ++p) {
      aggregates[p] += encrypt(static_cast<std::uint64_t>((b + static_cast<int>(p)) % 2),
                               scalar::random_nonzero(rng_), c().public_keys.joint_key);
    }
  }
  for (std::uint64_t l = 1; l <= 4; ++l) {
    const partial_decryption partial =
        make_partial_decryption(c().params, c().public_keys, election, aggregates,
                                c().shares[l - 1], c().keys[l - 1], rng_);
    ASSERT_TRUE(
        check_partial_decryption(c().params, c().public_keys, election, aggregates, partial));
    ASSERT_TRUE(reference::check_partial_decryption(c().params, c().public_keys, election,
                                                    aggregates, partial));
    for (std::size_t p = 0; p < aggregates.size(); ++p) {
      for (int field = 0; field < 3; ++field) {
        partial_decryption altered = partial;
        decryption_share& s = altered.shares[p];
        if (field == 0) s.c += one;
        if (field == 1) s.v += one;
        if (field == 2) s.m = s.m + point::generator();
        altered.sig = c().keys[l - 1].sign(
            partial_digest(election, altered.index, aggregates, altered.shares));
        EXPECT_FALSE(reference::check_partial_decryption(c().params, c().public_keys, election,
                                                         aggregates, altered));
        EXPECT_FALSE(
            check_partial_decryption(c().params, c().public_keys, election, aggregates, altered))
            << l << " " << p << " " << field;
      }
    }
    // The identity as M_l where A is not the identity.
    partial_decryption blank = partial;
    blank.shares[0].m = point{};
    blank.sig =
        c().keys[l - 1].sign(partial_digest(election, blank.index, aggregates, blank.shares));
    EXPECT_FALSE(
        check_partial_decryption(c().params, c().public_keys, election, aggregates, blank));
    EXPECT_FALSE(reference::check_partial_decryption(c().params, c().public_keys, election,
                                                     aggregates, blank));
    // The share of another scrutineer under this index.
    partial_decryption moved = partial;
    moved.index = l % 4 + 1;
    moved.sig = c().keys[moved.index - 1].sign(
        partial_digest(election, moved.index, aggregates, moved.shares));
    EXPECT_FALSE(
        check_partial_decryption(c().params, c().public_keys, election, aggregates, moved));
    EXPECT_FALSE(reference::check_partial_decryption(c().params, c().public_keys, election,
                                                     aggregates, moved));
  }
}

TEST_F(VartimeCeremony, ProofsOfKnowledgeAgreeWithTheLibsodiumCheck) {
  for (const keygen_message& msg : c().messages) {
    ASSERT_TRUE(check_keygen_message(c().params, msg));
    ASSERT_TRUE(reference_pok(c().params, msg));
    for (std::size_t j = 0; j < msg.proofs.size(); ++j) {
      for (int field = 0; field < 4; ++field) {
        keygen_message altered = msg;
        if (field == 0) altered.proofs[j].c += one;
        if (field == 1) altered.proofs[j].v += one;
        if (field == 2) altered.commitments[j] = altered.commitments[j] + point::generator();
        if (field == 3) altered.commitments[j] = point{};  // refused as a commitment
        altered.sig = c().keys[msg.dealer - 1].sign(keygen_digest(c().params, altered));
        EXPECT_FALSE(reference_pok(c().params, altered));
        EXPECT_FALSE(check_keygen_message(c().params, altered)) << j << " " << field;
      }
    }
  }
}

TEST_F(VartimeCeremony, ShareImagesEqualTheLibsodiumComputation) {
  for (const keygen_message& msg : c().messages) {
    for (std::uint64_t l = 0; l <= 6; ++l) {
      EXPECT_EQ(share_image(msg.commitments, l), reference_share_image(msg.commitments, l)) << l;
    }
  }
  EXPECT_TRUE(share_image({}, 3).is_identity());
  // Commitments that cancel: K and −K at index 1.
  const point k = point::base_mul(scalar::random_nonzero(rng_));
  EXPECT_TRUE(share_image({k, point{} - k}, 1).is_identity());
  // The ceremony's verification keys are share images of the summed commitments.
  for (std::uint64_t l = 1; l <= 4; ++l) {
    EXPECT_EQ(point::base_mul(c().shares[l - 1].secret()),
              c().public_keys.verification_keys[l - 1]);
  }
}

}  // namespace
}  // namespace plenum::crypto
