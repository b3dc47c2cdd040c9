#!/usr/bin/env node
// Emits JavaScript-made CVP1 objects as JSON so that the C++ library can check them
// (tests/web/js_ballot_test.cpp): ballots of every kind made from seed labels under the known
// answers' ceremony and voters, the seeded random stream, board and receipt digests, a
// PIN-sealed key share, and a whole key ceremony with a partial decryption.
//
//   node scripts/emit_vectors.mjs --out FILE [--count N]     (N ballots per vote, default 4)
//
// Needs the library built into dist/ (npm run build).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import "./node_webcrypto.mjs"; // before the library: node 18 lacks a global Web Crypto
import * as cvp1 from "../dist/crypto/index.js";

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { out: null, count: 4 };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === "--out") args.out = argv[++i];
    else if (argv[i] === "--count") args.count = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.out || !Number.isSafeInteger(args.count) || args.count < 1) {
    throw new Error("usage: emit_vectors.mjs --out FILE [--count N]");
  }
  return args;
}

/** Deterministic valid choices for ballot `i` of manifest `m`, covering marks and abstentions. */
export function choicesFor(m, i) {
  if (m.kind === "election") {
    const seats = m.constraints[0].max;
    let approvals = 0;
    return m.contests.map((_, c) => {
      const pattern = i % 3;
      let pick; // 0 approve, 1 disapprove, null no mark
      if (pattern === 0) pick = c < seats ? 0 : 1;
      else if (pattern === 1) pick = null;
      else pick = [0, 1, null][(c + i) % 3];
      if (pick === 0 && approvals >= seats) pick = 1;
      if (pick === 0) ++approvals;
      return [pick === 0 ? 1 : 0, pick === 1 ? 1 : 0];
    });
  }
  return m.contests.map((contest, c) => {
    const n = contest.options.length;
    const slot = contest.min >= 1 ? (i + c) % n : (i + 2 * c) % (n + 1);
    return contest.options.map((_, o) => (o === slot ? 1 : 0));
  });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const kat = JSON.parse(readFileSync(join(here, "..", "..", "..", "tests", "vectors", "cvp1-kat.json"), "utf8"));
  const c = kat.ceremony;
  const ceremonyId = cvp1.hexBytes(c.ceremony_id, 32);
  const jointKey = cvp1.Point.fromHex(c.joint_key);
  const voterKeys = kat.voters.map((v) => cvp1.SecretKey.fromHex(v.sk));
  const roster = cvp1.rosterHash(voterKeys.map((k) => k.publicKey()));

  const names = ["陈明", "刘芳", "赵强", "孙丽", "王伟", "李娜", "张军"];
  const manifests = [
    ...kat.votes.map((v) => v.manifest),
    cvp1.electionManifest("web-election-7-5", "选举委员（应选5名）", names, 5),
    cvp1.appraisalManifest("web-appraisal-alt", "民主评议", names.slice(0, 3), "alternative"),
  ];

  const votes = manifests.map((m) => {
    const election = cvp1.electionHash(ceremonyId, jointKey, cvp1.manifestHash(m), roster);
    const ballots = [];
    for (let i = 0; i < args.count; ++i) {
      const seed = `web ${m.vote_id} ${i}`;
      const voter = i % voterKeys.length;
      const choices = choicesFor(m, i);
      const b = cvp1.makeBallot(m, election, jointKey, voterKeys[voter], choices, new cvp1.SeededRandom(seed));
      if (!b) throw new Error(`choices refused for ${seed}`);
      const digest = cvp1.ballotDigest(b, election);
      const code = cvp1.trackingCode(digest, b.signature);
      ballots.push({
        seed,
        voter,
        choices,
        ballot: cvp1.ballotToJson(b),
        digest: cvp1.toHex(digest),
        tracking_code: cvp1.toHex(code),
        display: cvp1.trackingCodeDisplay(code),
      });
    }
    return { manifest: m, election_hash: cvp1.toHex(election), ballots };
  });

  const random = { label: "web seeded random", sizes: [32, 64, 7, 200, 1], outputs: [] };
  const stream = new cvp1.SeededRandom(random.label);
  for (const size of random.sizes) {
    const out = new Uint8Array(size);
    stream.fill(out);
    random.outputs.push(cvp1.toHex(out));
  }

  const pk = voterKeys[0].publicKey();
  const prev = cvp1.hexBytes(c.key_digest, 32);
  const code = cvp1.hexBytes(votes[0].ballots[0].tracking_code, 32);
  const digests = {
    entry: { seq: 4294967301, prev: c.key_digest, type: "ballot", payload: '{"vote_id":"vote-1","选":"票"}' },
    checkin: { sitting_id: "sitting-2026", pk: pk.hex(), unix_ms: 1795000000123 },
    auth: { congress_id: "congress-demo", server_nonce: "00ff10", client_nonce: "a1b2c3d4e5f60718", pk: pk.hex() },
    enroll: { congress_id: "congress-demo", person_number: "0042", code: "7ZK3M0QHX4TB9C2D", pk: pk.hex() },
    receipt: { tracking_code: votes[0].ballots[0].tracking_code, seq: 17, entry_hash: c.key_digest },
  };
  digests.entry.hash = cvp1.toHex(cvp1.entryHash(digests.entry.seq, prev, digests.entry.type, digests.entry.payload));
  digests.checkin.digest = cvp1.toHex(cvp1.checkinDigest(digests.checkin.sitting_id, pk, digests.checkin.unix_ms));
  digests.auth.digest = cvp1.toHex(
    cvp1.authDigest(digests.auth.congress_id, cvp1.hexBytes(digests.auth.server_nonce), cvp1.hexBytes(digests.auth.client_nonce), pk),
  );
  digests.enroll.digest = cvp1.toHex(cvp1.enrollDigest(digests.enroll.congress_id, digests.enroll.person_number, digests.enroll.code, pk));
  digests.receipt.digest = cvp1.toHex(cvp1.receiptDigest(code, digests.receipt.seq, prev));

  // A whole ceremony made here: 4 scrutineers, k = 3, keys and randomness from seed labels.
  const scrutineerKeys = [1, 2, 3, 4].map((l) => cvp1.SecretKey.generate(new cvp1.SeededRandom(`web scrutineer ${l}`)));
  const params = cvp1.CeremonyParams.create("congress-web", "sitting-web", scrutineerKeys.map((k) => k.publicKey()));
  const messages = scrutineerKeys.map((k, i) => cvp1.makeKeygenMessage(params, i + 1, k, new cvp1.SeededRandom(`web keygen ${i + 1}`)));
  const keys = cvp1.computeCeremonyKeys(params, messages);
  const keyDigest = cvp1.keyDigest(params, keys);
  const shares = scrutineerKeys.map((k, i) => {
    const opened = messages.map((msg) => cvp1.openShare(params, msg, i + 1, k).share);
    return cvp1.combineShares(params, i + 1, opened, keys.verificationKeys[i]);
  });
  const motion = manifests[0];
  const rosterWeb = cvp1.rosterHash(voterKeys.map((k) => k.publicKey()));
  const webElection = cvp1.electionHash(params.ceremonyId, keys.jointKey, cvp1.manifestHash(motion), rosterWeb);
  const webBallots = [0, 1, 2, 3, 4].map((i) =>
    cvp1.makeBallot(motion, webElection, keys.jointKey, voterKeys[i], choicesFor(motion, i), new cvp1.SeededRandom(`web tally ${i}`)),
  );
  const aggregates = cvp1.aggregate(cvp1.positionCount(motion), webBallots.map(cvp1.ballotCiphertexts));
  const partials = [4, 2, 1].map((l) =>
    cvp1.makePartialDecryption(params, keys, webElection, aggregates, shares[l - 1], scrutineerKeys[l - 1], new cvp1.SeededRandom(`web partial ${l}`)),
  );
  const ceremony = {
    congress_id: params.congressId,
    sitting_id: params.sittingId,
    n: params.n,
    k: params.k,
    scrutineers: scrutineerKeys.map((k, i) => ({ index: i + 1, pk: k.publicKey().hex(), sk: cvp1.toHex(k.raw) })),
    ceremony_id: cvp1.toHex(params.ceremonyId),
    messages: messages.map(cvp1.keygenMessageToJson),
    verification_keys: keys.verificationKeys.map((z) => z.hex()),
    joint_key: keys.jointKey.hex(),
    key_digest: cvp1.toHex(keyDigest),
    confirmations: scrutineerKeys.map((k, i) => cvp1.toHex(cvp1.confirmKeys(params, i + 1, k, keyDigest))),
    tally: {
      manifest: motion,
      election_hash: cvp1.toHex(webElection),
      ballots: webBallots.map(cvp1.ballotToJson),
      aggregates: aggregates.map((a) => ({ A: a.alpha.hex(), B: a.beta.hex() })),
      partials: partials.map(cvp1.partialToJson),
      counts: cvp1.decryptCounts(aggregates, partials, params.k, webBallots.length),
    },
  };

  const pin = "4711-0815";
  const share = shares[0];
  const pinSeal = {
    pin,
    index: share.index,
    z: share.secret.hex(),
    Z: share.verificationKey.hex(),
    sealed: cvp1.toHex(cvp1.sealShareWithPin(share, pin, new cvp1.SeededRandom("web pin seal"), cvp1.INTERACTIVE_LIMITS)),
  };

  const doc = { generator: "clients/web/scripts/emit_vectors.mjs", votes, random, digests, ceremony, pin_seal: pinSeal };
  writeFileSync(args.out, JSON.stringify(doc, null, 1));
  const total = votes.reduce((n, v) => n + v.ballots.length, 0);
  process.stdout.write(`emitted ${total} ballots in ${votes.length} votes to ${args.out}\n`);
}

await cvp1.ready();
main();
