// Shared helpers for the tests: the library (built into dist/ by `npm run build`), the vector
// files under tests/vectors, and decoding of the known answers' JSON.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import "../scripts/node_webcrypto.mjs"; // before the library: node 18 lacks a global Web Crypto
import * as cvp1 from "../dist/crypto/index.js";

export { cvp1 };

const here = dirname(fileURLToPath(import.meta.url));
export const vectorsDir = join(here, "..", "..", "..", "tests", "vectors");

/** Parses tests/vectors/NAME; throws if it is missing or malformed. */
export function loadVectors(name) {
  return JSON.parse(readFileSync(join(vectorsDir, name), "utf8"));
}

/** Whether tests/vectors/NAME exists. */
export function hasVectors(name) {
  return existsSync(join(vectorsDir, name));
}

/** Decoders that throw on malformed test data, so that a broken file fails loudly. */
export function point(hex) {
  const p = cvp1.Point.fromHex(hex);
  if (!p) throw new Error(`not a point: ${hex}`);
  return p;
}
export function scalar(hex) {
  const s = cvp1.Scalar.fromHex(hex);
  if (!s) throw new Error(`not a scalar: ${hex}`);
  return s;
}
export function publicKey(hex) {
  const k = cvp1.PublicKey.fromHex(hex);
  if (!k) throw new Error(`not a public key: ${hex}`);
  return k;
}
export function secretKey(hex) {
  const k = cvp1.SecretKey.fromHex(hex);
  if (!k) throw new Error(`not a secret key: ${hex}`);
  return k;
}
export const hex = (h, n) => cvp1.hexBytes(h, n);

/** The ceremony of a vector file: params, decoded messages, published keys, scrutineer keys. */
export function ceremonyOf(doc) {
  const c = doc.ceremony;
  const scrutineers = [...c.scrutineers].sort((a, b) => a.index - b.index);
  const params = cvp1.CeremonyParams.create(c.congress_id, c.sitting_id, scrutineers.map((s) => publicKey(s.pk)), c.k);
  if (!params) throw new Error("invalid ceremony parameters");
  const messages = c.messages.map((m) => {
    const msg = cvp1.keygenMessageFromJson(m);
    if (!msg) throw new Error(`undecodable keygen message ${m.i}`);
    return msg;
  });
  const keys = { jointKey: point(c.joint_key), verificationKeys: c.verification_keys.map(point) };
  return { params, messages, keys, secretKeys: scrutineers.map((s) => secretKey(s.sk)) };
}

/** The election hash of one vote of a vector file, recomputed. */
export function electionOf(doc, vote, ceremony) {
  const roster = doc.voters.map((v) => publicKey(v.pk));
  return cvp1.electionHash(ceremony.params.ceremonyId, ceremony.keys.jointKey, cvp1.manifestHash(vote.manifest), cvp1.rosterHash(roster));
}

/** Parses then verifies a ballot document: the first failing step's status. */
export function checkBallot(manifest, election, jointKey, json) {
  const parsed = cvp1.parseBallot(json);
  if (parsed.status !== "ok") return parsed.status;
  return cvp1.verifyBallot(manifest, election, jointKey, parsed.ballot);
}

/** What each of the known answers' invalid ballots must give (crypto/SPEC.md §11). */
export function expectedStatus(why) {
  const table = [
    ["option proof altered", "bad_option_proof"],
    ["signature altered", "bad_signature"],
    ["copied under another delegate's key", "bad_option_proof"],
    ["non-canonical scalar", "non_canonical_scalar"],
    ["identity alpha", "invalid_point"],
    ["made for another election", "bad_option_proof"],
    ["over-vote: for and against", "bad_contest_proof"],
    ["over-vote: 3 approvals", "bad_constraint_proof"],
  ];
  for (const [prefix, status] of table) if (why.startsWith(prefix)) return status;
  throw new Error(`unknown invalid case: ${why}`);
}

/**
 * Parses tests/vectors/NAME keeping integers beyond 2^53 exact: every bare number of 16 or more
 * digits is read as a decimal string, which the tests turn into a BigInt where a u64 is meant.
 */
export function loadVectorsExact(name) {
  const text = readFileSync(join(vectorsDir, name), "utf8").replace(/([:[,]\s*)(\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
  return JSON.parse(text);
}

/** Recomputes one hash sample (parts are str, int = LE64, or hex) into a Transcript. */
export function transcriptOf(entry) {
  const t = new cvp1.Transcript(entry.tag);
  for (const part of entry.parts) {
    if ("str" in part) t.str(part.str);
    else if ("int" in part) t.u64(BigInt(part.int));
    else if ("hex" in part) t.raw(hex(part.hex));
    else throw new Error(`unknown part ${JSON.stringify(part)}`);
  }
  return t;
}

/** Each scrutineer's combined key share, from the shares it opens in the ceremony's messages. */
export function keySharesOf(ceremony) {
  const { params, messages, keys, secretKeys } = ceremony;
  const shares = [];
  for (let l = 1; l <= params.n; ++l) {
    const opened = messages.map((msg) => {
      const outcome = cvp1.openShare(params, msg, l, secretKeys[l - 1]);
      if (!outcome.share) throw new Error(`scrutineer ${l} cannot open the share of ${msg.dealer}`);
      return outcome.share;
    });
    const share = cvp1.combineShares(params, l, opened, keys.verificationKeys[l - 1]);
    if (!share) throw new Error(`scrutineer ${l}'s shares do not combine`);
    shares.push(share);
  }
  return shares;
}
