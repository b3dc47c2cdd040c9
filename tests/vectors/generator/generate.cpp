#include "generate.hpp"

#include <boost/json/array.hpp>
#include <string>
#include <utility>
#include <vector>

#include "board_vectors.hpp"
#include "hash_vectors.hpp"
#include "invalid_ballots.hpp"
#include "plenum/protocol/codec_manifest.hpp"
#include "scenario.hpp"
#include "seeds.hpp"
#include "sitting.hpp"
#include "spoiled_vectors.hpp"
#include "tally_vectors.hpp"
#include "vote_vectors.hpp"

namespace plenum::test::vectors {

namespace json = boost::json;

namespace {

std::string note() {
  return "CVP1 test vectors of the Plenum project, computed by its own library (crypto/, "
         "protocol/) from seeded random sources; regenerate from the repository root with " +
         std::string(regenerate_command) +
         ". The shape is that of cvp1-kat.json wherever the content is the same; added: "
         "\"random\" (how every random byte was drawn), each key's and ballot's \"seed\", "
         "\"tracking_code_display\", invalid[].expect (the crypto::ballot_status name), "
         "ceremony.keygen_seeds, tally.partial_seeds, each vote's \"result\", \"server\", "
         "\"board\" and \"receipts\". Byte strings are lowercase hex; scalars are 32 bytes "
         "little-endian; integers are JSON numbers up to 2^64 - 1 (the hash sample \"le64\" "
         "holds 18446744073709551615: read it without going through a double). Secret keys are "
         "test data, published so that shares open and ballots can be remade. The roster of "
         "every vote is all the voters; voters 1 to 5 are present and cast ballots 1 to 5, "
         "voter 6 is seated but absent. Sealed shares, and therefore the keygen messages' "
         "signatures, differ between runs (crypto_box_seal draws its own ephemeral key); "
         "everything else is identical on every run. Specification: crypto/SPEC.md §12.";
}

json::object random_doc() {
  json::object out;
  out.emplace("construction",
              "seeded_random(label): key = BLAKE2b-256 of the label's UTF-8 bytes (unkeyed, "
              "outlen 32, no CVP1 framing). The i-th call fill(n) on a source (i = 0, 1, 2, ...) "
              "returns the first n bytes of the ChaCha20 keystream of that key with nonce "
              "LE64(i) and block counter 0 (the original 64-bit-nonce ChaCha20 of libsodium's "
              "crypto_stream_chacha20; in RFC 8439 terms: nonce = 4 zero bytes || LE64(i), "
              "initial counter 0). Every call starts a fresh keystream; unused bytes are "
              "discarded.");
  out.emplace("scalar",
              "A random scalar is one fill(64) reduced mod q (crypto_core_ristretto255_"
              "scalar_reduce); a nonzero scalar repeats that draw while the result is zero.");
  out.emplace("key",
              "A person's key: Ed25519 seed = fill(32) (the source's first call), then "
              "crypto_sign_seed_keypair.");
  out.emplace("ballot",
              "crypto::make_ballot: ballot_id = fill(32); then for each contest in order: for "
              "each option in order its nonce r (nonzero scalar) and then its range proof "
              "(V = [0, 1]); after the contest's options, the contest proof (V = [min..max], "
              "nonce = sum of the option nonces); after all contests, each constraint's proof in "
              "order. A range proof draws w (scalar) first, then c_j and z_j (scalars) for each "
              "j != s in ascending j. The signature is deterministic Ed25519. The over-votes "
              "draw in the same order, with V = [0..marks] where the marks break the bounds.");
  out.emplace("keygen",
              "crypto::make_keygen_message: for j = 0..k-1, a_ij (nonzero scalar) then u "
              "(nonzero scalar).");
  out.emplace("partial",
              "crypto::make_partial_decryption: for each position in order, w (nonzero scalar).");
  out.emplace("prefix", seed_prefix);
  json::array unreproducible;
  for (std::string_view field : unreproducible_fields)
    unreproducible.push_back(json::string(field));
  out.emplace("not_reproducible", std::move(unreproducible));
  return out;
}

}  // namespace

json::object generate_vectors() {
  const sitting s = make_sitting();
  std::vector<cast_vote> votes;
  for (const vote_plan& plan : vote_plans()) votes.push_back(cast(s, plan));
  board_vectors board = make_board(s, votes.front());

  json::array votes_json;
  for (const cast_vote& v : votes) {
    json::object vote;
    vote.emplace("manifest", protocol::encode_manifest(v.plan.manifest));
    vote.emplace("manifest_hash", crypto::to_hex(v.manifest_hash));
    vote.emplace("roster_hash", crypto::to_hex(v.roster_hash));
    vote.emplace("election_hash", crypto::to_hex(v.election_hash));
    vote.emplace("ballots", ballots_json(v));
    vote.emplace("invalid", invalid_ballots_json(s, v));
    tally_vectors tally = make_tally(s, v);
    json::object result = result_json(s, v, tally.counts, board.head);
    vote.emplace("tally", std::move(tally.json));
    vote.emplace("result", std::move(result));
    vote.emplace("spoiled", spoiled_json(s, v));
    votes_json.push_back(std::move(vote));
  }

  json::object doc;
  doc.emplace("spec", "CVP1");
  doc.emplace("note", note());
  doc.emplace("random", random_doc());
  doc.emplace("hash", hash_vectors());
  doc.emplace("ceremony", ceremony_json(s));
  doc.emplace("voters", voters_json(s));
  doc.emplace("votes", std::move(votes_json));
  doc.emplace("server", person_json(s.server));
  doc.emplace("board", std::move(board.json));
  doc.emplace("receipts", receipts_json(s, votes, board.head));
  return doc;
}

}  // namespace plenum::test::vectors
