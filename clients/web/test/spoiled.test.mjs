// Spoiled ballots (crypto/SPEC.md §14): every `spoiled` entry of tests/vectors/cvp1.json is
// opened to its choice and remade from its seed byte for byte, and a fresh opened ballot goes
// round trip through the JSON form; wrong openings are refused with the reason.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cvp1, hasVectors, loadVectorsExact, ceremonyOf, electionOf } from "./support.mjs";

const NAME = "cvp1.json";
const skip = hasVectors(NAME) ? false : `tests/vectors/${NAME} is not there`;

describe("spoiled ballots", { skip }, () => {
  let doc;
  let ceremony;
  let voters;

  before(async () => {
    await cvp1.ready();
    doc = loadVectorsExact(NAME);
    ceremony = ceremonyOf(doc);
    voters = doc.voters.map((v) => ({ pk: v.pk, sk: cvp1.SecretKey.fromHex(v.sk) }));
  });

  test("every vector opens to its choice and is remade from its seed", () => {
    assert.ok(doc.votes.length > 0);
    for (const vote of doc.votes) {
      const s = vote.spoiled;
      assert.ok(s, `${vote.manifest.vote_id} has a spoiled entry`);
      const m = vote.manifest;
      const election = electionOf(doc, vote, ceremony);
      const check = cvp1.checkSpoiledBallot(m, election, ceremony.keys.jointKey, s.ballot, s.nonces);
      assert.equal(check.status, "ok", s.seed);
      assert.deepEqual(check.choices, s.choice);
      const parsed = cvp1.parseBallot(s.ballot).ballot;
      const digest = cvp1.ballotDigest(parsed, election);
      assert.equal(cvp1.toHex(digest), s.digest);
      const code = cvp1.trackingCode(digest, parsed.signature);
      assert.equal(cvp1.toHex(code), s.tracking_code);
      assert.equal(cvp1.trackingCodeDisplay(code), s.tracking_code_display);
      const voter = voters.find((v) => v.pk === s.ballot.voter_pk);
      assert.ok(voter, "the signer is a voter");
      const ours = cvp1.makeOpenedBallot(m, election, ceremony.keys.jointKey, voter.sk, s.choice, new cvp1.SeededRandom(s.seed));
      assert.deepEqual(cvp1.ballotToJson(ours.ballot), s.ballot, s.seed);
      assert.deepEqual(cvp1.openingsToJson(ours), s.nonces, s.seed);
      const plain = cvp1.makeBallot(m, election, ceremony.keys.jointKey, voter.sk, s.choice, new cvp1.SeededRandom(s.seed));
      assert.deepEqual(cvp1.ballotToJson(plain), s.ballot, "makeBallot draws what makeOpenedBallot draws");
    }
  });

  test("a fresh opened ballot round trip, and wrong openings refused", () => {
    const vote = doc.votes[0];
    const m = vote.manifest;
    const election = electionOf(doc, vote, ceremony);
    const K = ceremony.keys.jointKey;
    const choice = vote.spoiled.choice.map((row) => [...row].reverse());
    const opened = cvp1.makeOpenedBallot(m, election, K, voters[0].sk, choice);
    const ballotJson = JSON.parse(JSON.stringify(cvp1.ballotToJson(opened.ballot)));
    const nonces = JSON.parse(JSON.stringify(cvp1.openingsToJson(opened)));
    const check = cvp1.checkSpoiledBallot(m, election, K, ballotJson, nonces);
    assert.equal(check.status, "ok");
    assert.deepEqual(check.choices, choice);

    const flipped = structuredClone(nonces);
    flipped[0][1].v = 1 - flipped[0][1].v;
    const bad = cvp1.checkSpoiledBallot(m, election, K, ballotJson, flipped);
    assert.equal(bad.status, "bad_nonce");
    assert.deepEqual([bad.contest, bad.option], [0, 1]);

    const swapped = structuredClone(nonces);
    [swapped[0][0].r, swapped[0][2].r] = [swapped[0][2].r, swapped[0][0].r];
    assert.equal(cvp1.checkSpoiledBallot(m, election, K, ballotJson, swapped).status, "bad_nonce");

    assert.equal(cvp1.checkSpoiledBallot(m, election, K, ballotJson, [nonces[0].slice(1)]).status, "malformed_nonces");
    const notBinary = structuredClone(nonces);
    notBinary[0][0].v = 2;
    assert.equal(cvp1.checkSpoiledBallot(m, election, K, ballotJson, notBinary).status, "malformed_nonces");
    const notCanonical = structuredClone(nonces);
    notCanonical[0][0].r = "ff".repeat(32);
    assert.equal(cvp1.checkSpoiledBallot(m, election, K, ballotJson, notCanonical).status, "malformed_nonces");

    const forged = structuredClone(ballotJson);
    forged.signature = "00".repeat(64);
    const refused = cvp1.checkSpoiledBallot(m, election, K, forged, nonces);
    assert.equal(refused.status, "bad_ballot");
    assert.equal(refused.ballot, "bad_signature");

    cvp1.wipeOpenings(opened);
    assert.ok(opened.nonces.every((row) => row.every((r) => r.isZero())), "wiped");
  });
});
