// The project's own vectors (tests/vectors/cvp1.json, made by the C++ library from seeded
// sources, crypto/SPEC.md §12): everything the known answers cover, and in addition every
// deterministic item remade here from its seed label, byte for byte. Skipped while the file
// does not exist.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cvp1, hasVectors, loadVectorsExact, ceremonyOf, electionOf, checkBallot, expectedStatus, hex, publicKey, transcriptOf, keySharesOf } from "./support.mjs";

const NAME = "cvp1.json";
const skip = hasVectors(NAME) ? false : `tests/vectors/${NAME} is not there`;

describe("project vectors", { skip }, () => {
  let doc;
  let ceremony;

  before(async () => {
    await cvp1.ready();
    doc = loadVectorsExact(NAME);
    ceremony = ceremonyOf(doc);
  });

  const keyOf = (seed) => cvp1.SecretKey.generate(new cvp1.SeededRandom(seed));

  test("every hash sample", () => {
    assert.ok(doc.hash.length > 0);
    for (const entry of doc.hash) {
      const t = transcriptOf(entry);
      assert.equal(cvp1.toHex(t.h()), entry.H, entry.tag);
      assert.equal(cvp1.toHex(t.h32()), entry.H32, entry.tag);
      assert.equal(t.hs().hex(), entry.Hs, entry.tag);
    }
  });

  test("every key is remade from its seed", () => {
    const people = [...doc.voters, ...doc.ceremony.scrutineers, ...(doc.server ? [doc.server] : [])];
    assert.ok(people.length > 0);
    for (const p of people) {
      const sk = keyOf(p.seed);
      assert.equal(sk.publicKey().hex(), p.pk, p.seed);
      assert.equal(cvp1.toHex(sk.raw), p.sk, p.seed);
    }
  });

  test("the ceremony: id, messages, shares, keys, digest, confirmations", () => {
    const { params, messages, keys } = ceremony;
    assert.equal(cvp1.toHex(params.ceremonyId), doc.ceremony.ceremony_id);
    for (const msg of messages) assert.ok(cvp1.checkKeygenMessage(params, msg), `message ${msg.dealer}`);
    keySharesOf(ceremony);
    const computed = cvp1.computeCeremonyKeys(params, messages);
    assert.equal(computed.jointKey.hex(), doc.ceremony.joint_key);
    assert.deepEqual(computed.verificationKeys.map((z) => z.hex()), doc.ceremony.verification_keys);
    const digest = cvp1.keyDigest(params, keys);
    assert.equal(cvp1.toHex(digest), doc.ceremony.key_digest);
    doc.ceremony.confirmations.forEach((sig, i) => assert.ok(cvp1.checkConfirmation(params, i + 1, digest, hex(sig, 64))));
  });

  test("keygen commitments and proofs are remade from their seeds", () => {
    const { params, messages, secretKeys } = ceremony;
    doc.ceremony.keygen_seeds.forEach((seed, i) => {
      const ours = cvp1.makeKeygenMessage(params, i + 1, secretKeys[i], new cvp1.SeededRandom(seed));
      assert.deepEqual(ours.commitments.map((k) => k.hex()), messages[i].commitments.map((k) => k.hex()));
      assert.deepEqual(ours.proofs.map((p) => [p.c.hex(), p.v.hex()]), messages[i].proofs.map((p) => [p.c.hex(), p.v.hex()]));
      assert.ok(cvp1.checkKeygenMessage(params, ours));
    });
  });

  test("every vote: hashes, ballots remade from their seeds, invalid ballots refused", () => {
    const voters = doc.voters.map((v) => ({ pk: v.pk, sk: cvp1.SecretKey.fromHex(v.sk) }));
    for (const vote of doc.votes) {
      const m = vote.manifest;
      assert.equal(cvp1.toHex(cvp1.manifestHash(m)), vote.manifest_hash);
      assert.equal(cvp1.toHex(cvp1.rosterHash(voters.map((v) => publicKey(v.pk)))), vote.roster_hash);
      const election = electionOf(doc, vote, ceremony);
      assert.equal(cvp1.toHex(election), vote.election_hash);
      for (const entry of vote.ballots) {
        const parsed = cvp1.parseBallot(entry.ballot);
        assert.equal(parsed.status, "ok");
        assert.equal(cvp1.verifyBallot(m, election, ceremony.keys.jointKey, parsed.ballot), "ok", entry.seed);
        const digest = cvp1.ballotDigest(parsed.ballot, election);
        assert.equal(cvp1.toHex(digest), entry.digest);
        const code = cvp1.trackingCode(digest, parsed.ballot.signature);
        assert.equal(cvp1.toHex(code), entry.tracking_code);
        assert.equal(cvp1.trackingCodeDisplay(code), entry.tracking_code_display);
        const voter = voters.find((v) => v.pk === entry.ballot.voter_pk);
        assert.ok(voter, "the signer is a voter");
        const ours = cvp1.makeBallot(m, election, ceremony.keys.jointKey, voter.sk, entry.choice, new cvp1.SeededRandom(entry.seed));
        assert.deepEqual(cvp1.ballotToJson(ours), entry.ballot, entry.seed);
      }
      for (const entry of vote.invalid) {
        const status = checkBallot(m, election, ceremony.keys.jointKey, entry.ballot);
        assert.equal(status, entry.expect ?? expectedStatus(entry.why), `${m.vote_id}: ${entry.why}`);
      }
    }
  });

  test("every tally: aggregates, partials remade from their seeds, counts, result", () => {
    const shares = keySharesOf(ceremony);
    const server = doc.server ? publicKey(doc.server.pk) : null;
    for (const vote of doc.votes) {
      const election = electionOf(doc, vote, ceremony);
      const ballots = vote.ballots.map((e) => cvp1.ballotCiphertexts(cvp1.parseBallot(e.ballot).ballot));
      const aggregates = cvp1.aggregate(cvp1.positionCount(vote.manifest), ballots);
      assert.deepEqual(aggregates.map((a) => ({ A: a.alpha.hex(), B: a.beta.hex() })), vote.tally.aggregates);
      const partials = vote.tally.partials.map((p, i) => {
        const partial = cvp1.partialFromJson(p);
        assert.ok(cvp1.checkPartialDecryption(ceremony.params, ceremony.keys, election, aggregates, partial));
        const seed = vote.tally.partial_seeds[i];
        const ours = cvp1.makePartialDecryption(ceremony.params, ceremony.keys, election, aggregates, shares[p.index - 1], ceremony.secretKeys[p.index - 1], new cvp1.SeededRandom(seed));
        assert.deepEqual(cvp1.partialToJson(ours), p, seed);
        return partial;
      });
      assert.deepEqual(cvp1.decryptCounts(aggregates, partials, ceremony.params.k, ballots.length), vote.tally.counts);
      if (vote.result) {
        const r = vote.result;
        const digest = cvp1.resultDigest({
          electionHash: election,
          boardSeqAtClose: BigInt(r.board_seq_at_close),
          boardHashAtClose: hex(r.board_hash_at_close, 32),
          ballots: r.ballots,
          seated: r.seated,
          present: r.present,
          rule: r.rule,
          counts: vote.tally.counts,
          outcome: r.outcome,
        });
        assert.equal(cvp1.toHex(digest), r.digest, vote.manifest.vote_id);
        if (server && r.signature) assert.ok(server.verify(digest, hex(r.signature, 64)), "the server signed the result");
      }
    }
  });

  test("board events, check-in, auth, enroll and receipts", (t) => {
    if (!doc.board) return t.skip("no board section");
    const server = publicKey(doc.server.pk);
    let prev = cvp1.genesisHash();
    doc.board.events.forEach((e, seq) => {
      assert.equal(BigInt(e.seq), BigInt(seq));
      assert.equal(e.prev_hash, cvp1.toHex(prev));
      const h = cvp1.entryHash(BigInt(e.seq), prev, e.type, e.payload);
      assert.equal(cvp1.toHex(h), e.entry_hash, e.type);
      assert.ok(server.verify(h, hex(e.signature, 64)), `event ${seq} signed by the server`);
      prev = h;
    });
    const { checkin, auth, enroll } = doc.board;
    const c = cvp1.checkinDigest(checkin.sitting_id, publicKey(checkin.delegate_pk), BigInt(checkin.unix_ms));
    assert.equal(cvp1.toHex(c), checkin.digest);
    assert.ok(publicKey(checkin.delegate_pk).verify(c, hex(checkin.signature, 64)));
    const nonce = (seed) => {
      const out = new Uint8Array(32);
      new cvp1.SeededRandom(seed).fill(out);
      return out;
    };
    assert.equal(cvp1.toHex(nonce(auth.server_nonce_seed)), auth.server_nonce);
    assert.equal(cvp1.toHex(nonce(auth.client_nonce_seed)), auth.client_nonce);
    const a = cvp1.authDigest(auth.congress_id, hex(auth.server_nonce), hex(auth.client_nonce), publicKey(auth.device_pk));
    assert.equal(cvp1.toHex(a), auth.digest);
    assert.ok(publicKey(auth.device_pk).verify(a, hex(auth.signature, 64)));
    const en = cvp1.enrollDigest(enroll.congress_id, enroll.person_number, enroll.code, publicKey(enroll.device_pk));
    assert.equal(cvp1.toHex(en), enroll.digest);
    assert.ok(publicKey(enroll.device_pk).verify(en, hex(enroll.signature, 64)));
    assert.ok(doc.receipts.length > 0);
    for (const r of doc.receipts) {
      const d = cvp1.receiptDigest(hex(r.receipt.tracking_code, 32), BigInt(r.receipt.board_seq), hex(r.receipt.board_entry_hash, 32));
      assert.equal(cvp1.toHex(d), r.digest, r.vote_id);
      assert.ok(server.verify(d, hex(r.receipt.signature, 64)), `receipt of ${r.vote_id} signed by the server`);
    }
  });
});
