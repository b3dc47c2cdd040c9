// Encrypted, proven, signed ballots (CVP1 §5, SPEC §11): making one on the voter's device, its
// digest, signature and tracking code, the receipt digest, and the checks a verifier applies.
// Byte for byte the twin of crypto/ballot.hpp; the same seeded source gives the same ballot.
import { Ciphertext, addCiphertexts, emptyCiphertext, encrypt } from "./elgamal.js";
import { Point, Scalar } from "./group.js";
import { Transcript } from "./hash.js";
import { Manifest, checkManifest } from "./manifest.js";
import { RandomSource, systemRandom } from "./random.js";
import {
  BINARY_VALUES,
  ProofBinding,
  RangeProof,
  proveRange,
  subject,
  valueRange,
  verifyRange,
} from "./range_proof.js";
import { PublicKey, SecretKey } from "./sign.js";

/** One option of a ballot: its encrypted value (0 or 1) and the proof that it is 0 or 1. */
export interface EncryptedOption {
  ct: Ciphertext;
  proof: RangeProof;
}

/** One contest: its options and the proof that their sum is in [min, max]. */
export interface EncryptedContest {
  options: EncryptedOption[];
  proof: RangeProof;
}

/** A cast ballot with valid points and scalars (see parseBallot for untrusted input). */
export interface Ballot {
  voteId: string;
  ballotId: Uint8Array;
  voterPk: PublicKey;
  contests: EncryptedContest[];
  constraintProofs: RangeProof[];
  signature: Uint8Array;
}

/** A voter's choices: choices[c][o] is 1 when option o of contest c is marked, else 0. */
export type BallotChoices = number[][];

/** Why choices cannot be cast under a manifest (the first problem found, in this order). */
export type ChoiceProblem =
  | "invalid_manifest"
  | "wrong_shape"
  | "not_binary"
  | "contest_out_of_bounds"
  | "constraint_out_of_bounds";

/** The verdict on a ballot, with the C++ enumerators' names. */
export type BallotStatus =
  | "ok"
  | "wrong_vote_id"
  | "malformed"
  | "invalid_point"
  | "non_canonical_scalar"
  | "bad_option_proof"
  | "bad_contest_proof"
  | "bad_constraint_proof"
  | "bad_signature";

/** The first problem that keeps `choices` from being a valid ballot of `m`, or null. */
export function checkChoices(m: Manifest, choices: BallotChoices): ChoiceProblem | null {
  if (checkManifest(m)) return "invalid_manifest";
  if (!Array.isArray(choices) || choices.length !== m.contests.length) return "wrong_shape";
  for (let c = 0; c < choices.length; ++c) {
    const row = choices[c];
    if (!Array.isArray(row) || row.length !== m.contests[c]!.options.length) return "wrong_shape";
  }
  for (const row of choices) for (const v of row) if (v !== 0 && v !== 1) return "not_binary";
  for (let c = 0; c < choices.length; ++c) {
    const marks = choices[c]!.reduce((a, v) => a + v, 0);
    if (marks < m.contests[c]!.min || marks > m.contests[c]!.max) return "contest_out_of_bounds";
  }
  for (const q of m.constraints) {
    let marks = 0;
    for (const [c, o] of q.positions) marks += choices[c]![o]!;
    if (marks < q.min || marks > q.max) return "constraint_out_of_bounds";
  }
  return null;
}

function bindingOf(electionHash: Uint8Array, ballotId: Uint8Array, voterPk: PublicKey): ProofBinding {
  return { electionHash, ballotId, voterPk: voterPk.raw };
}

/** A ballot with its openings: nonces[c][o] encrypted choices[c][o] (CVP1 §14). */
export interface OpenedBallot {
  ballot: Ballot;
  nonces: Scalar[][];
  choices: BallotChoices;
}

/**
 * Makes a ballot: a ballot_id, then per option a nonzero nonce, its encryption and proof, per
 * contest its sum proof, per constraint its proof, all from `source` in that order, then the
 * voter's signature over ballotDigest. Null exactly when checkChoices reports a problem.
 * Nonces are wiped before returning.
 */
export function makeBallot(
  m: Manifest,
  electionHash: Uint8Array,
  jointKey: Point,
  voter: SecretKey,
  choices: BallotChoices,
  source: RandomSource = systemRandom,
): Ballot | null {
  const opened = makeOpenedBallot(m, electionHash, jointKey, voter, choices, source);
  if (!opened) return null;
  for (const row of opened.nonces) for (const r of row) r.wipe();
  return opened.ballot;
}

/**
 * Makes a ballot exactly as makeBallot does (the same draws from `source` in the same order, so
 * a seeded source gives the same ballot) and keeps every option's nonce, for a challenge
 * (CVP1 §14). The caller wipes the nonces once the ballot is cast. Null exactly when
 * checkChoices reports a problem.
 */
export function makeOpenedBallot(
  m: Manifest,
  electionHash: Uint8Array,
  jointKey: Point,
  voter: SecretKey,
  choices: BallotChoices,
  source: RandomSource = systemRandom,
): OpenedBallot | null {
  if (checkChoices(m, choices)) return null;
  const ballotId = new Uint8Array(32);
  source.fill(ballotId);
  const voterPk = voter.publicKey();
  const binding = bindingOf(electionHash, ballotId, voterPk);
  const nonces: Scalar[][] = [];
  const contests: EncryptedContest[] = [];
  m.contests.forEach((mc, c) => {
    const row: Scalar[] = [];
    const options: EncryptedOption[] = [];
    let sum = emptyCiphertext();
    let nonceSum = Scalar.zero();
    let marks = 0;
    mc.options.forEach((_, o) => {
      const v = choices[c]![o]!;
      const r = Scalar.randomNonzero(source);
      row.push(r);
      const ct = encrypt(v, r, jointKey);
      const proof = proveRange(binding, subject.option(c, o), jointKey, ct, BINARY_VALUES, v, r, source)!;
      sum = addCiphertexts(sum, ct);
      nonceSum = nonceSum.add(r);
      marks += v;
      options.push({ ct, proof });
    });
    const allowed = valueRange(mc.min, mc.max);
    const proof = proveRange(binding, subject.contest(c), jointKey, sum, allowed, marks - mc.min, nonceSum, source)!;
    nonceSum.wipe();
    nonces.push(row);
    contests.push({ options, proof });
  });
  const constraintProofs: RangeProof[] = [];
  m.constraints.forEach((mq, q) => {
    let sum = emptyCiphertext();
    let nonceSum = Scalar.zero();
    let marks = 0;
    for (const [c, o] of mq.positions) {
      sum = addCiphertexts(sum, contests[c]!.options[o]!.ct);
      nonceSum = nonceSum.add(nonces[c]![o]!);
      marks += choices[c]![o]!;
    }
    const allowed = valueRange(mq.min, mq.max);
    constraintProofs.push(
      proveRange(binding, subject.constraint(q), jointKey, sum, allowed, marks - mq.min, nonceSum, source)!,
    );
    nonceSum.wipe();
  });
  const b: Ballot = { voteId: m.vote_id, ballotId, voterPk, contests, constraintProofs, signature: new Uint8Array(64) };
  b.signature = voter.sign(ballotDigest(b, electionHash));
  return { ballot: b, nonces, choices: choices.map((row) => [...row]) };
}

function appendProof(t: Transcript, proof: RangeProof): void {
  t.u64(proof.length);
  for (const e of proof) t.add(e.c).add(e.z);
}

/** ballot_digest (CVP1 §5): what the voter signs; covers every field but the signature. */
export function ballotDigest(b: Ballot, electionHash: Uint8Array): Uint8Array {
  const t = new Transcript("ballot");
  t.raw(electionHash).str(b.voteId).raw(b.ballotId).raw(b.voterPk.raw).u64(b.contests.length);
  for (const contest of b.contests) {
    t.u64(contest.options.length);
    for (const option of contest.options) {
      t.add(option.ct.alpha).add(option.ct.beta);
      appendProof(t, option.proof);
    }
    appendProof(t, contest.proof);
  }
  t.u64(b.constraintProofs.length);
  for (const proof of b.constraintProofs) appendProof(t, proof);
  return t.h32();
}

/** tracking_code = H32("tracking", ballot_digest, signature). */
export function trackingCode(ballotDigestValue: Uint8Array, signature: Uint8Array): Uint8Array {
  return new Transcript("tracking").raw(ballotDigestValue).raw(signature).h32();
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * The tracking code as the tablet shows it: its first 10 bytes in Crockford base32 (most
 * significant bit first), 16 characters in four groups of four joined by '-'.
 */
export function trackingCodeDisplay(code: Uint8Array): string {
  if (code.length < 10) throw new RangeError("trackingCodeDisplay: at least 10 bytes expected");
  let out = "";
  let buffer = 0;
  let bits = 0;
  let chars = 0;
  for (let i = 0; i < 10; ++i) {
    buffer = ((buffer << 8) | code[i]!) & 0xfff; // at most 12 meaningful bits are pending
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      if (chars > 0 && chars % 4 === 0) out += "-";
      out += CROCKFORD[(buffer >> bits) & 0x1f];
      ++chars;
    }
  }
  return out;
}

/**
 * A typed tracking code normalised the Crockford way: '-' and spaces ignored, any case, I/L
 * read as 1 and O as 0. Null unless 16 valid characters remain; the result is in display form.
 */
export function normaliseTrackingCode(typed: string): string | null {
  const map: Record<string, string> = { I: "1", L: "1", O: "0" };
  let chars = "";
  for (const ch of typed.toUpperCase()) {
    if (ch === "-" || ch === " ") continue;
    const c = map[ch] ?? ch;
    if (!CROCKFORD.includes(c)) return null;
    chars += c;
  }
  if (chars.length !== 16) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12)}`;
}

/** What the server signs in a receipt: H32("receipt", tracking_code, LE64(seq), entry_hash). */
export function receiptDigest(trackingCodeValue: Uint8Array, boardSeq: number | bigint, boardEntryHash: Uint8Array): Uint8Array {
  return new Transcript("receipt").raw(trackingCodeValue).u64(boardSeq).raw(boardEntryHash).h32();
}

function shapeMatches(m: Manifest, b: Ballot): boolean {
  if (checkManifest(m)) return false;
  if (b.contests.length !== m.contests.length) return false;
  for (let c = 0; c < m.contests.length; ++c) {
    if (b.contests[c]!.options.length !== m.contests[c]!.options.length) return false;
  }
  return b.constraintProofs.length === m.constraints.length;
}

/**
 * Checks `b` against its vote, stopping at the first failure, in the C++ order: vote_id,
 * shape, identity alphas, option proofs, contest proofs, constraint proofs, signature.
 * Roster, check-in and uniqueness rules are the server's, not checked here.
 */
export function verifyBallot(m: Manifest, electionHash: Uint8Array, jointKey: Point, b: Ballot): BallotStatus {
  if (b.voteId !== m.vote_id) return "wrong_vote_id";
  if (!shapeMatches(m, b)) return "malformed";
  for (const contest of b.contests) for (const option of contest.options) if (option.ct.alpha.isIdentity()) return "invalid_point";
  const binding = bindingOf(electionHash, b.ballotId, b.voterPk);
  for (let c = 0; c < b.contests.length; ++c) {
    const options = b.contests[c]!.options;
    for (let o = 0; o < options.length; ++o) {
      const option = options[o]!;
      if (!verifyRange(binding, subject.option(c, o), jointKey, option.ct, BINARY_VALUES, option.proof)) {
        return "bad_option_proof";
      }
    }
  }
  for (let c = 0; c < b.contests.length; ++c) {
    const mc = m.contests[c]!;
    let sum = emptyCiphertext();
    for (const option of b.contests[c]!.options) sum = addCiphertexts(sum, option.ct);
    if (!verifyRange(binding, subject.contest(c), jointKey, sum, valueRange(mc.min, mc.max), b.contests[c]!.proof)) {
      return "bad_contest_proof";
    }
  }
  for (let q = 0; q < m.constraints.length; ++q) {
    const mq = m.constraints[q]!;
    let sum = emptyCiphertext();
    for (const [c, o] of mq.positions) sum = addCiphertexts(sum, b.contests[c]!.options[o]!.ct);
    if (!verifyRange(binding, subject.constraint(q), jointKey, sum, valueRange(mq.min, mq.max), b.constraintProofs[q]!)) {
      return "bad_constraint_proof";
    }
  }
  if (!b.voterPk.verify(ballotDigest(b, electionHash), b.signature)) return "bad_signature";
  return "ok";
}

/** The ciphertexts of `b` in position order (contest, then option), for a tally. */
export function ballotCiphertexts(b: Ballot): Ciphertext[] {
  const out: Ciphertext[] = [];
  for (const contest of b.contests) for (const option of contest.options) out.push(option.ct);
  return out;
}
