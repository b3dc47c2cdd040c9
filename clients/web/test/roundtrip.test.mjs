// Round trips made entirely here: a key ceremony among JavaScript scrutineers, ballots of every
// kind made and verified, refused choices, tampering and parsing failures, partial decryptions
// and counts, and the PIN-sealed key share.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cvp1 } from "./support.mjs";

let ctx;

// A sitting: 3 scrutineers (k = 2) who run the whole ceremony here, and 6 voters.
function makeSitting() {
  const scrutineerKeys = [1, 2, 3].map((l) => cvp1.SecretKey.generate(new cvp1.SeededRandom(`rt scrutineer ${l}`)));
  const params = cvp1.CeremonyParams.create("congress-rt", "sitting-rt", scrutineerKeys.map((k) => k.publicKey()));
  const messages = scrutineerKeys.map((k, i) => cvp1.makeKeygenMessage(params, i + 1, k, new cvp1.SeededRandom(`rt keygen ${i + 1}`)));
  const keys = cvp1.computeCeremonyKeys(params, messages);
  const shares = scrutineerKeys.map((k, i) =>
    cvp1.combineShares(params, i + 1, messages.map((m) => cvp1.openShare(params, m, i + 1, k).share), keys.verificationKeys[i]),
  );
  const voters = [1, 2, 3, 4, 5, 6].map((v) => cvp1.SecretKey.generate(new cvp1.SeededRandom(`rt voter ${v}`)));
  const roster = cvp1.rosterHash(voters.map((v) => v.publicKey()));
  const names = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
  const manifests = {
    motion: cvp1.motionManifest("rt-motion", "动议", "是否通过"),
    election: cvp1.electionManifest("rt-election", "选举（应选5名）", names, 5),
    appraisal: cvp1.appraisalManifest("rt-appraisal", "评议", names.slice(0, 3)),
    alternative: cvp1.appraisalManifest("rt-appraisal-alt", "评议", names.slice(0, 2), "alternative"),
    confidence: cvp1.confidenceManifest("rt-confidence", "信任投票", names.slice(0, 2)),
    satisfaction: cvp1.satisfactionManifest("rt-satisfaction", "满意度测评", names.slice(0, 3)),
  };
  const election = (m) => cvp1.electionHash(params.ceremonyId, keys.jointKey, cvp1.manifestHash(m), roster);
  return { scrutineerKeys, params, messages, keys, shares, voters, manifests, election };
}

before(async () => {
  await cvp1.ready();
  ctx = makeSitting();
});

function makeAndVerify(m, voter, choices, seed) {
  const e = ctx.election(m);
  const b = cvp1.makeBallot(m, e, ctx.keys.jointKey, voter, choices, seed ? new cvp1.SeededRandom(seed) : undefined);
  assert.ok(b, JSON.stringify(choices));
  assert.equal(cvp1.verifyBallot(m, e, ctx.keys.jointKey, b), "ok");
  // Through its JSON form, as the server receives it.
  const parsed = cvp1.parseBallot(JSON.parse(JSON.stringify(cvp1.ballotToJson(b))));
  assert.equal(parsed.status, "ok");
  assert.equal(cvp1.verifyBallot(m, e, ctx.keys.jointKey, parsed.ballot), "ok");
  assert.deepEqual(cvp1.ballotDigest(parsed.ballot, e), cvp1.ballotDigest(b, e));
  return b;
}

describe("key ceremony made here", () => {
  test("messages check, shares combine, keys confirm", () => {
    const { params, messages, keys, scrutineerKeys, shares } = ctx;
    assert.equal(params.k, 2);
    for (const m of messages) assert.ok(cvp1.checkKeygenMessage(params, m));
    for (const m of messages) assert.ok(m.sealedShares.every((s) => s.length === cvp1.SEALED_SHARE_SIZE));
    assert.ok(shares.every((s) => s !== null));
    const digest = cvp1.keyDigest(params, keys);
    scrutineerKeys.forEach((k, i) => assert.ok(cvp1.checkConfirmation(params, i + 1, digest, cvp1.confirmKeys(params, i + 1, k, digest))));
    assert.throws(() => cvp1.confirmKeys(params, 1, scrutineerKeys[1], digest));
    // The round trip through JSON keeps the message intact.
    const again = cvp1.keygenMessageFromJson(JSON.parse(JSON.stringify(cvp1.keygenMessageToJson(messages[0]))));
    assert.ok(cvp1.checkKeygenMessage(params, again));
    assert.equal(cvp1.keygenMessageFromJson({ ...cvp1.keygenMessageToJson(messages[0]), commitments: ["00".repeat(32), messages[0].commitments[1].hex()] }), null);
  });

  test("a dealer who seals a wrong share draws a valid complaint", () => {
    const { params, messages, scrutineerKeys } = ctx;
    const wrong = cvp1.sealTo(params.scrutineer(2), cvp1.Scalar.fromU64(42).raw);
    const cheat = { ...messages[0], sealedShares: [messages[0].sealedShares[0], wrong, messages[0].sealedShares[2]] };
    cheat.signature = scrutineerKeys[0].sign(cvp1.keygenDigest(params, cheat));
    assert.ok(cvp1.checkKeygenMessage(params, cheat), "the public check cannot see it");
    const outcome = cvp1.openShare(params, cheat, 2, scrutineerKeys[1]);
    assert.ok(outcome.complaint);
    assert.ok(cvp1.checkComplaint(params, outcome.complaint));
    assert.deepEqual(outcome.complaint.messageDigest, cvp1.keygenDigest(params, cheat));
    assert.ok(cvp1.openShare(params, cheat, 3, scrutineerKeys[2]).share, "the others' shares are fine");
  });

  test("parameters are validated", () => {
    const pks = ctx.scrutineerKeys.map((k) => k.publicKey());
    assert.equal(cvp1.CeremonyParams.create("c", "s", []), null);
    assert.equal(cvp1.CeremonyParams.create("c", "s", pks, 4), null);
    assert.equal(cvp1.CeremonyParams.create("c", "s", pks, 0), null);
    assert.equal(cvp1.CeremonyParams.create("c", "s", [pks[0], pks[0]]), null);
    assert.equal(cvp1.CeremonyParams.create("c", "s", pks.slice(0, 2)).k, 2);
    assert.equal(cvp1.CeremonyParams.create("c", "s", pks, 1).k, 1);
  });
});

describe("ballots made here", () => {
  test("motion: each of for, against, abstain; no mark and two marks refused", () => {
    const m = ctx.manifests.motion;
    for (const choice of [[1, 0, 0], [0, 1, 0], [0, 0, 1]]) makeAndVerify(m, ctx.voters[0], [choice]);
    const e = ctx.election(m);
    assert.equal(cvp1.checkChoices(m, [[0, 0, 0]]), "contest_out_of_bounds");
    assert.equal(cvp1.checkChoices(m, [[1, 1, 0]]), "contest_out_of_bounds");
    assert.equal(cvp1.makeBallot(m, e, ctx.keys.jointKey, ctx.voters[0], [[1, 1, 0]]), null);
    assert.equal(cvp1.checkChoices(m, [[2, 0, 0]]), "not_binary");
    assert.equal(cvp1.checkChoices(m, [[1, 0]]), "wrong_shape");
    assert.equal(cvp1.checkChoices(m, []), "wrong_shape");
    assert.equal(cvp1.checkChoices({ ...m, vote_id: "" }, [[1, 0, 0]]), "invalid_manifest");
  });

  test("election of 5 among 7: full slate, no marks, mixed; 6 approvals refused", () => {
    const m = ctx.manifests.election;
    const row = (pick) => (pick === "a" ? [1, 0] : pick === "d" ? [0, 1] : [0, 0]);
    makeAndVerify(m, ctx.voters[1], [..."aaaaadd"].map(row));
    makeAndVerify(m, ctx.voters[1], [..."-------"].map(row));
    makeAndVerify(m, ctx.voters[1], [..."ad-ad-a"].map(row));
    assert.equal(cvp1.checkChoices(m, [..."aaaaaad"].map(row)), "constraint_out_of_bounds");
    assert.equal(cvp1.checkChoices(m, [[1, 1], ...[..."------"].map(row)]), "contest_out_of_bounds");
  });

  test("appraisal (both scales), confidence and satisfaction: every level and no mark", () => {
    for (const key of ["appraisal", "alternative", "confidence", "satisfaction"]) {
      const m = ctx.manifests[key];
      const width = m.contests[0].options.length;
      for (let level = 0; level <= width; ++level) {
        const choices = m.contests.map(() => Array.from({ length: width }, (_, o) => (o === level ? 1 : 0)));
        makeAndVerify(m, ctx.voters[2], choices);
      }
    }
  });

  test("the same seed makes the same ballot; another seed another", () => {
    const m = ctx.manifests.election;
    const choices = m.contests.map((_, c) => (c < 2 ? [1, 0] : [0, 0]));
    const a = makeAndVerify(m, ctx.voters[3], choices, "rt same seed");
    const b = makeAndVerify(m, ctx.voters[3], choices, "rt same seed");
    const c = makeAndVerify(m, ctx.voters[3], choices, "rt other seed");
    assert.deepEqual(cvp1.ballotToJson(a), cvp1.ballotToJson(b));
    assert.notEqual(cvp1.toHex(a.ballotId), cvp1.toHex(c.ballotId));
  });

  test("tampering is refused with the step that fails", () => {
    const m = ctx.manifests.election;
    const e = ctx.election(m);
    const K = ctx.keys.jointKey;
    const b = makeAndVerify(m, ctx.voters[4], m.contests.map((_, c) => (c < 5 ? [1, 0] : [0, 1])), "rt tamper");
    const json = () => JSON.parse(JSON.stringify(cvp1.ballotToJson(b)));
    const check = (doc) => {
      const parsed = cvp1.parseBallot(doc);
      return parsed.status === "ok" ? cvp1.verifyBallot(m, e, K, parsed.ballot) : parsed.status;
    };
    let doc = json();
    [doc.contests[0].options[0], doc.contests[6].options[0]] = [doc.contests[6].options[0], doc.contests[0].options[0]];
    assert.equal(check(doc), "bad_option_proof");
    doc = json();
    [doc.contests[0].proof, doc.contests[1].proof] = [doc.contests[1].proof, doc.contests[0].proof];
    assert.equal(check(doc), "bad_contest_proof");
    doc = json();
    doc.constraint_proofs[0][0].c = doc.constraint_proofs[0][1].c;
    assert.equal(check(doc), "bad_constraint_proof");
    doc = json();
    doc.signature = cvp1.toHex(ctx.voters[4].sign(cvp1.utf8("something else")));
    assert.equal(check(doc), "bad_signature");
    doc = json();
    doc.vote_id = "other";
    assert.equal(check(doc), "wrong_vote_id");
    doc = json();
    doc.contests.pop();
    assert.equal(check(doc), "malformed");
    doc = json();
    doc.contests[0].options[0].proof.pop();
    assert.equal(check(doc), "bad_option_proof");
    doc = json();
    doc.contests[0].options[0].alpha = "00".repeat(32);
    assert.equal(check(doc), "invalid_point");
    doc = json();
    doc.contests[0].options[0].beta = "ff".repeat(32);
    assert.equal(check(doc), "invalid_point");
    doc = json();
    doc.contests[0].options[0].beta = "00".repeat(32); // allowed as a beta: the proof decides
    assert.equal(check(doc), "bad_option_proof");
    doc = json();
    doc.contests[0].proof[0].z = Q_HEX;
    assert.equal(check(doc), "non_canonical_scalar");
    doc = json();
    doc.ballot_id = doc.ballot_id.toUpperCase();
    assert.equal(check(doc), "malformed");
    doc = json();
    doc.voter_pk = "00".repeat(32);
    assert.equal(check(doc), "invalid_point");
    doc = json();
    doc.signature = doc.signature.slice(2);
    assert.equal(check(doc), "malformed");
    assert.equal(check(null), "malformed");
    assert.equal(check({ ...json(), contests: "x" }), "malformed");
    // Under another election or joint key the proofs fail.
    assert.equal(cvp1.verifyBallot(m, ctx.election(ctx.manifests.motion), K, b), "bad_option_proof");
    assert.equal(cvp1.verifyBallot(m, e, cvp1.Point.generator(), b), "bad_option_proof");
  });
});

const Q_HEX = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

describe("tally made here", () => {
  test("ballots of six voters decrypt with any two scrutineers", () => {
    const m = ctx.manifests.election;
    const e = ctx.election(m);
    const row = (pick) => (pick === "a" ? [1, 0] : pick === "d" ? [0, 1] : [0, 0]);
    const slates = ["aaaaadd", "-------", "ad-ad-a", "aa-----", "ddddddd", "-aaaaa-"];
    const ballots = slates.map((s, i) => makeAndVerify(m, ctx.voters[i], [...s].map(row), `rt tally ${i}`));
    const expected = [];
    m.contests.forEach((_, c) => {
      expected.push(slates.filter((s) => s[c] === "a").length, slates.filter((s) => s[c] === "d").length);
    });
    const aggregates = cvp1.aggregate(cvp1.positionCount(m), ballots.map(cvp1.ballotCiphertexts));
    const partial = (l) => cvp1.makePartialDecryption(ctx.params, ctx.keys, e, aggregates, ctx.shares[l - 1], ctx.scrutineerKeys[l - 1]);
    const p = [1, 2, 3].map(partial);
    for (const x of p) assert.ok(cvp1.checkPartialDecryption(ctx.params, ctx.keys, e, aggregates, x));
    for (const pair of [[0, 1], [0, 2], [1, 2]]) {
      assert.deepEqual(cvp1.decryptCounts(aggregates, pair.map((i) => p[i]), ctx.params.k, ballots.length), expected);
    }
    assert.equal(cvp1.decryptCounts(aggregates, [p[0]], ctx.params.k, ballots.length), null);
    assert.equal(cvp1.decryptCounts(aggregates, [p[0], p[0]], ctx.params.k, ballots.length), null);
    // Fails closed: a count above the number of ballots is not published.
    assert.equal(cvp1.decryptCounts(aggregates, [p[0], p[1]], ctx.params.k, 1), null);
    // The signature covers every share.
    const forged = { ...p[0], shares: [p[1].shares[0], ...p[0].shares.slice(1)] };
    assert.equal(cvp1.checkPartialDecryption(ctx.params, ctx.keys, e, aggregates, forged), false);
    const json = cvp1.partialFromJson(JSON.parse(JSON.stringify(cvp1.partialToJson(p[2]))));
    assert.ok(cvp1.checkPartialDecryption(ctx.params, ctx.keys, e, aggregates, json));
  });

  test("an empty vote still gets verifiable partials and counts of zero", () => {
    const m = ctx.manifests.motion;
    const e = ctx.election(m);
    const aggregates = cvp1.aggregate(cvp1.positionCount(m), []);
    assert.ok(aggregates.every((a) => a.alpha.isIdentity() && a.beta.isIdentity()));
    const p = [1, 3].map((l) => cvp1.makePartialDecryption(ctx.params, ctx.keys, e, aggregates, ctx.shares[l - 1], ctx.scrutineerKeys[l - 1]));
    for (const x of p) {
      assert.ok(x.shares.every((s) => s.m.isIdentity()));
      assert.ok(cvp1.checkPartialDecryption(ctx.params, ctx.keys, e, aggregates, x));
    }
    const notIdentity = { ...p[0], shares: [{ ...p[0].shares[0], m: cvp1.Point.generator() }, ...p[0].shares.slice(1)] };
    assert.equal(cvp1.checkPartialDecryption(ctx.params, ctx.keys, e, aggregates, notIdentity), false);
    assert.deepEqual(cvp1.decryptCounts(aggregates, p, ctx.params.k, 0), [0, 0, 0]);
  });

  test("discrete logs are found in range and only there", () => {
    const table = new cvp1.DiscreteLogTable(50);
    for (const t of [0, 1, 7, 49, 50]) assert.equal(table.find(cvp1.Point.smallMultiple(t)), t);
    assert.equal(table.find(cvp1.Point.smallMultiple(51)), null);
    assert.equal(table.find(cvp1.Point.smallMultiple(1000)), null);
    assert.equal(cvp1.lagrangeCoefficients([1, 1]), null);
    assert.equal(cvp1.lagrangeCoefficients([0, 1]), null);
  });
});

describe("key share at rest", () => {
  test("sealed with a PIN, opened with it only", () => {
    const share = ctx.shares[0];
    const sealed = cvp1.sealShareWithPin(share, "2468", new cvp1.SeededRandom("rt pin"), cvp1.INTERACTIVE_LIMITS);
    assert.equal(sealed.length, 8 + 8 + 16 + 24 + 16 + 72);
    assert.equal(cvp1.readLe64(sealed, 0), 2n);
    assert.equal(cvp1.readLe64(sealed, 8), 64n << 20n);
    const opened = cvp1.openShareWithPin(sealed, "2468");
    assert.ok(opened);
    assert.equal(opened.index, share.index);
    assert.ok(opened.secret.equals(share.secret));
    assert.ok(opened.verificationKey.equals(share.verificationKey));
    assert.equal(cvp1.openShareWithPin(sealed, "2469"), null);
    const altered = Uint8Array.from(sealed);
    altered[sealed.length - 1] ^= 1;
    assert.equal(cvp1.openShareWithPin(altered, "2468"), null);
    assert.equal(cvp1.openShareWithPin(sealed.subarray(1), "2468"), null);
    const greedy = Uint8Array.from(sealed);
    greedy.set(cvp1.le64(2n ** 40n), 8); // more memory than the "sensitive" limit
    assert.equal(cvp1.openShareWithPin(greedy, "2468"), null);
    assert.throws(() => cvp1.sealShareWithPin(share, "2468", undefined, { ops: 0, memBytes: 1 << 20 }), RangeError);
  });

  test("the default (moderate) limits work in this build", () => {
    const sealed = cvp1.sealShareWithPin(ctx.shares[1], "13579");
    assert.equal(cvp1.readLe64(sealed, 0), 3n);
    assert.equal(cvp1.readLe64(sealed, 8), 256n << 20n);
    assert.equal(cvp1.openShareWithPin(sealed, "13579").index, 2);
  });
});
