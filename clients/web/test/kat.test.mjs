// The independent known answers (tests/vectors/cvp1-kat.json, CVP1 §9): every hash, the key
// ceremony with the shares opened, every ballot and invalid ballot, and every tally.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cvp1, loadVectors, ceremonyOf, electionOf, checkBallot, expectedStatus, hex, point, publicKey } from "./support.mjs";

let kat;
let ceremony;

before(async () => {
  await cvp1.ready();
  kat = loadVectors("cvp1-kat.json");
  ceremony = ceremonyOf(kat);
});

describe("KAT hashes", () => {
  test("H, H32 and Hs of every entry", () => {
    assert.ok(kat.hash.length >= 3);
    for (const entry of kat.hash) {
      const t = new cvp1.Transcript(entry.tag);
      for (const part of entry.parts) {
        if ("str" in part) t.str(part.str);
        else if ("int" in part) t.u64(part.int);
        else if ("hex" in part) t.raw(hex(part.hex));
        else throw new Error(`unknown part ${JSON.stringify(part)}`);
      }
      assert.equal(cvp1.toHex(t.h()), entry.H, entry.tag);
      assert.equal(cvp1.toHex(t.h32()), entry.H32, entry.tag);
      assert.equal(t.hs().hex(), entry.Hs, entry.tag);
    }
  });

  test("a changed part changes every hash", () => {
    const a = new cvp1.Transcript("t").str("ab");
    const b = new cvp1.Transcript("t").str("a").str("b");
    assert.notEqual(cvp1.toHex(a.h32()), cvp1.toHex(b.h32()));
    assert.notEqual(cvp1.toHex(a.h32()), cvp1.toHex(a.h().subarray(0, 32)));
  });
});

describe("KAT key ceremony", () => {
  test("ceremony_id", () => {
    assert.equal(cvp1.toHex(ceremony.params.ceremonyId), kat.ceremony.ceremony_id);
    assert.equal(ceremony.params.n, kat.ceremony.n);
    assert.equal(ceremony.params.k, kat.ceremony.k);
  });

  test("every keygen message passes the public check", () => {
    for (const msg of ceremony.messages) assert.ok(cvp1.checkKeygenMessage(ceremony.params, msg), `message ${msg.dealer}`);
  });

  test("an altered message fails the public check", () => {
    const msg = ceremony.messages[0];
    const badProof = { ...msg, proofs: [{ c: msg.proofs[0].c, v: msg.proofs[0].v.add(cvp1.Scalar.fromU64(1)) }, ...msg.proofs.slice(1)] };
    assert.equal(cvp1.checkKeygenMessage(ceremony.params, badProof), false);
    const badSig = { ...msg, signature: ceremony.messages[1].signature };
    assert.equal(cvp1.checkKeygenMessage(ceremony.params, badSig), false);
    const wrongDealer = { ...msg, dealer: 2 };
    assert.equal(cvp1.checkKeygenMessage(ceremony.params, wrongDealer), false);
    const shortShare = { ...msg, sealedShares: [msg.sealedShares[0].subarray(1), ...msg.sealedShares.slice(1)] };
    assert.equal(cvp1.checkKeygenMessage(ceremony.params, shortShare), false);
  });

  test("every scrutineer opens every share and combines z_l with z_l·G == Z_l", () => {
    const { params, messages, keys, secretKeys } = ceremony;
    for (let l = 1; l <= params.n; ++l) {
      const shares = messages.map((msg) => {
        const outcome = cvp1.openShare(params, msg, l, secretKeys[l - 1]);
        assert.ok(outcome.share, `share ${msg.dealer} → ${l}`);
        return outcome.share;
      });
      const share = cvp1.combineShares(params, l, shares, keys.verificationKeys[l - 1]);
      assert.ok(share, `combined share of ${l}`);
      assert.equal(cvp1.combineShares(params, l, shares.slice(1), keys.verificationKeys[l - 1]), null);
      assert.equal(cvp1.combineShares(params, l, shares, keys.verificationKeys[l % params.n]), null);
    }
  });

  test("a share sealed to someone else gives a valid complaint", () => {
    const { params, messages, secretKeys } = ceremony;
    const msg = messages[0];
    const swapped = { ...msg, sealedShares: [msg.sealedShares[1], msg.sealedShares[0], ...msg.sealedShares.slice(2)] };
    const outcome = cvp1.openShare(params, swapped, 1, secretKeys[0]);
    assert.ok(outcome.complaint);
    assert.equal(outcome.complaint.accuser, 1);
    assert.equal(outcome.complaint.accused, 1);
    assert.ok(cvp1.checkComplaint(params, outcome.complaint));
    assert.equal(cvp1.checkComplaint(params, { ...outcome.complaint, accuser: 2 }), false);
    assert.throws(() => cvp1.openShare(params, msg, 1, secretKeys[1]));
  });

  test("verification keys, joint key and key digest", () => {
    const { params, messages } = ceremony;
    const keys = cvp1.computeCeremonyKeys(params, messages);
    assert.ok(keys);
    assert.equal(keys.jointKey.hex(), kat.ceremony.joint_key);
    assert.deepEqual(keys.verificationKeys.map((z) => z.hex()), kat.ceremony.verification_keys);
    assert.equal(cvp1.jointKey(params, messages).hex(), kat.ceremony.joint_key);
    for (let l = 1; l <= params.n; ++l) assert.equal(cvp1.verificationKey(params, messages, l).hex(), kat.ceremony.verification_keys[l - 1]);
    assert.equal(cvp1.toHex(cvp1.keyDigest(params, keys)), kat.ceremony.key_digest);
    assert.equal(cvp1.computeCeremonyKeys(params, messages.slice(1)), null);
    assert.equal(cvp1.computeCeremonyKeys(params, [messages[1], messages[0], ...messages.slice(2)]), null);
  });

  test("every confirmation verifies, and ours are the same signatures", () => {
    const { params, keys, secretKeys } = ceremony;
    const digest = hex(kat.ceremony.key_digest, 32);
    kat.ceremony.confirmations.forEach((sig, i) => {
      assert.ok(cvp1.checkConfirmation(params, i + 1, digest, hex(sig, 64)));
      assert.equal(cvp1.checkConfirmation(params, ((i + 1) % params.n) + 1, digest, hex(sig, 64)), false);
      assert.equal(cvp1.toHex(cvp1.confirmKeys(params, i + 1, secretKeys[i], cvp1.keyDigest(params, keys))), sig);
    });
  });
});

describe("KAT votes", () => {
  test("manifest, roster and election hashes", () => {
    assert.equal(kat.votes.length, 4);
    for (const vote of kat.votes) {
      assert.equal(cvp1.checkManifest(vote.manifest), null);
      assert.equal(cvp1.toHex(cvp1.manifestHash(vote.manifest)), vote.manifest_hash);
      assert.equal(cvp1.toHex(cvp1.rosterHash(kat.voters.map((v) => publicKey(v.pk)))), vote.roster_hash);
      assert.equal(cvp1.toHex(electionOf(kat, vote, ceremony)), vote.election_hash);
    }
  });

  test("the standard builders give the known manifests", () => {
    const [motion, election, appraisal, confidence] = kat.votes.map((v) => v.manifest);
    const titles = (m) => m.contests.map((c) => c.title);
    assert.deepEqual(cvp1.motionManifest(motion.vote_id, motion.title, motion.contests[0].title), motion);
    assert.deepEqual(cvp1.electionManifest(election.vote_id, election.title, titles(election), election.constraints[0].max), election);
    assert.deepEqual(cvp1.appraisalManifest(appraisal.vote_id, appraisal.title, titles(appraisal)), appraisal);
    assert.deepEqual(cvp1.confidenceManifest(confidence.vote_id, confidence.title, titles(confidence)), confidence);
  });

  test("every ballot is accepted with the same digest and tracking code", () => {
    let count = 0;
    for (const vote of kat.votes) {
      const election = electionOf(kat, vote, ceremony);
      for (const entry of vote.ballots) {
        const parsed = cvp1.parseBallot(entry.ballot);
        assert.equal(parsed.status, "ok");
        const b = parsed.ballot;
        assert.equal(cvp1.verifyBallot(vote.manifest, election, ceremony.keys.jointKey, b), "ok");
        const digest = cvp1.ballotDigest(b, election);
        assert.equal(cvp1.toHex(digest), entry.digest);
        const code = cvp1.trackingCode(digest, b.signature);
        assert.equal(cvp1.toHex(code), entry.tracking_code);
        assert.match(cvp1.trackingCodeDisplay(code), /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
        assert.deepEqual(cvp1.ballotToJson(b), entry.ballot);
        ++count;
      }
    }
    assert.ok(count >= 20);
  });

  test("every invalid ballot is refused for its reason", () => {
    let count = 0;
    for (const vote of kat.votes) {
      const election = electionOf(kat, vote, ceremony);
      for (const entry of vote.invalid) {
        const status = checkBallot(vote.manifest, election, ceremony.keys.jointKey, entry.ballot);
        assert.equal(status, expectedStatus(entry.why), `${vote.manifest.vote_id}: ${entry.why}`);
        ++count;
      }
    }
    assert.equal(count, 26);
  });

  test("a ballot under another vote id or election is refused", () => {
    const vote = kat.votes[0];
    const election = electionOf(kat, vote, ceremony);
    const b = cvp1.parseBallot(vote.ballots[0].ballot).ballot;
    assert.equal(cvp1.verifyBallot({ ...vote.manifest, vote_id: "other" }, election, ceremony.keys.jointKey, b), "wrong_vote_id");
    assert.equal(cvp1.verifyBallot(vote.manifest, electionOf(kat, kat.votes[1], ceremony), ceremony.keys.jointKey, b), "bad_option_proof");
    assert.equal(cvp1.verifyBallot(kat.votes[1].manifest, election, ceremony.keys.jointKey, { ...b, voteId: kat.votes[1].manifest.vote_id }), "malformed");
  });

  test("every tally: aggregates, partials and counts", () => {
    for (const vote of kat.votes) {
      const tally = vote.tally;
      const manifest = vote.manifest;
      const election = electionOf(kat, vote, ceremony);
      const expectedPositions = manifest.contests.flatMap((c, ci) => c.options.map((_, oi) => [ci, oi]));
      assert.deepEqual(tally.positions, expectedPositions);
      const ballots = vote.ballots.map((e) => cvp1.ballotCiphertexts(cvp1.parseBallot(e.ballot).ballot));
      const aggregates = cvp1.aggregate(cvp1.positionCount(manifest), ballots);
      assert.deepEqual(aggregates.map((a) => ({ A: a.alpha.hex(), B: a.beta.hex() })), tally.aggregates);
      const partials = tally.partials.map((p) => {
        const partial = cvp1.partialFromJson(p);
        assert.ok(partial);
        assert.ok(cvp1.checkPartialDecryption(ceremony.params, ceremony.keys, election, aggregates, partial), `partial ${p.index}`);
        return partial;
      });
      const wrongIndex = { ...partials[0], index: partials[0].index === 1 ? 2 : 1 };
      assert.equal(cvp1.checkPartialDecryption(ceremony.params, ceremony.keys, election, aggregates, wrongIndex), false);
      const wrongM = { ...partials[0], shares: [{ ...partials[0].shares[0], m: partials[0].shares[0].m.add(cvp1.Point.generator()) }, ...partials[0].shares.slice(1)] };
      assert.equal(cvp1.checkPartialDecryption(ceremony.params, ceremony.keys, election, aggregates, wrongM), false);
      const counts = cvp1.decryptCounts(aggregates, partials, ceremony.params.k, ballots.length);
      assert.deepEqual(counts, tally.counts);
      assert.equal(cvp1.decryptCounts(aggregates, partials.slice(0, ceremony.params.k - 1), ceremony.params.k, ballots.length), null);
    }
  });

  test("our own partials from the opened shares decrypt to the same counts", () => {
    const { params, messages, keys, secretKeys } = ceremony;
    const shares = [];
    for (let l = 1; l <= params.n; ++l) {
      const opened = messages.map((msg) => cvp1.openShare(params, msg, l, secretKeys[l - 1]).share);
      shares.push(cvp1.combineShares(params, l, opened, keys.verificationKeys[l - 1]));
    }
    const random = new cvp1.SeededRandom("kat partials");
    for (const vote of kat.votes) {
      const election = electionOf(kat, vote, ceremony);
      const ballots = vote.ballots.map((e) => cvp1.ballotCiphertexts(cvp1.parseBallot(e.ballot).ballot));
      const aggregates = cvp1.aggregate(cvp1.positionCount(vote.manifest), ballots);
      // Scrutineers 2 and 3 this time (the known answers use 1 and 2): any k of n work.
      const partials = [2, 3].map((l) => cvp1.makePartialDecryption(params, keys, election, aggregates, shares[l - 1], secretKeys[l - 1], random));
      for (const p of partials) assert.ok(cvp1.checkPartialDecryption(params, keys, election, aggregates, p));
      const all = [1, 2, 3].map((l) => cvp1.makePartialDecryption(params, keys, election, aggregates, shares[l - 1], secretKeys[l - 1], random));
      assert.deepEqual(cvp1.decryptCounts(aggregates, partials, params.k, ballots.length), vote.tally.counts);
      assert.deepEqual(cvp1.decryptCounts(aggregates, all, params.k, ballots.length), vote.tally.counts);
    }
  });
});
