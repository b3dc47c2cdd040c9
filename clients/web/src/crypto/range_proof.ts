// Disjunctive Chaum–Pedersen range proofs (CVP1 §5): a ciphertext (alpha, beta) made with nonce
// r holds one of the allowed values V = [v_0 < … < v_t−1], without saying which.
import { Ciphertext } from "./elgamal.js";
import { Point, Scalar } from "./group.js";
import { Transcript } from "./hash.js";
import { RandomSource, systemRandom } from "./random.js";

/** One branch (c_j, z_j) of a range proof. */
export interface ProofEntry {
  c: Scalar;
  z: Scalar;
}

/** A range proof: one entry per allowed value, in the order of V. */
export type RangeProof = ProofEntry[];

/** The election_hash, ballot_id and voter_pk that bind every proof of one ballot. */
export interface ProofBinding {
  electionHash: Uint8Array;
  ballotId: Uint8Array;
  voterPk: Uint8Array;
}

/**
 * What a proof is about: the ctx parts of the challenge.
 *   option(c, o): "option", LE64(c), LE64(o)   contest(c): "contest", LE64(c)
 *   constraint(q): "constraint", LE64(q)
 */
export interface ProofSubject {
  label: "option" | "contest" | "constraint";
  indices: number[];
}

/** Builders of the three subjects. */
export const subject = {
  option: (c: number, o: number): ProofSubject => ({ label: "option", indices: [c, o] }),
  contest: (c: number): ProofSubject => ({ label: "contest", indices: [c] }),
  constraint: (q: number): ProofSubject => ({ label: "constraint", indices: [q] }),
};

/** The values an option may hold. */
export const BINARY_VALUES: readonly number[] = [0, 1];

/** The largest list valueRange builds. */
export const MAX_RANGE_VALUES = 1 << 16;

/** [lo, lo + 1, …, hi]; empty when lo > hi. Throws RangeError beyond MAX_RANGE_VALUES. */
export function valueRange(lo: number, hi: number): number[] {
  if (lo > hi) return [];
  if (hi - lo >= MAX_RANGE_VALUES) throw new RangeError("valueRange: range too large");
  const out: number[] = [];
  for (let v = lo; v <= hi; ++v) out.push(v);
  return out;
}

const valueTable: Point[] = [];

// v·G for a vote value; small values come from a table built on first use.
function valuePoint(v: number): Point {
  if (v < 64) {
    if (valueTable.length === 0) {
      valueTable.push(Point.identity());
      for (let i = 1; i < 64; ++i) valueTable.push(valueTable[i - 1]!.add(Point.generator()));
    }
    return valueTable[v]!;
  }
  return Point.smallMultiple(v);
}

function strictlyIncreasing(values: readonly number[]): boolean {
  if (values.length === 0) return false;
  for (let j = 1; j < values.length; ++j) if (values[j]! <= values[j - 1]!) return false;
  return true;
}

function challengePrefix(binding: ProofBinding, subj: ProofSubject, ct: Ciphertext, allowed: readonly number[]): Transcript {
  const t = new Transcript("range");
  t.raw(binding.electionHash).raw(binding.ballotId).raw(binding.voterPk);
  t.str(subj.label);
  for (const i of subj.indices) t.u64(i);
  t.add(ct.alpha).add(ct.beta).u64(allowed.length);
  for (const v of allowed) t.u64(v);
  return t;
}

// beta − v·G: its discrete log base K is r when the ciphertext holds v.
function shiftedBeta(beta: Point, v: number): Point {
  return v === 0 ? beta : beta.sub(valuePoint(v));
}

/**
 * Proves that `ct` holds allowed[index]. REQUIRES: ct = encrypt(allowed[index], nonce, K);
 * otherwise the proof is made but does not verify. Null when `allowed` is empty or not strictly
 * increasing or `index` is out of range. Draws w first, then c_j, z_j for every j ≠ index, in
 * order, as the C++ does (so seeded vectors agree).
 */
export function proveRange(
  binding: ProofBinding,
  subj: ProofSubject,
  jointKey: Point,
  ct: Ciphertext,
  allowed: readonly number[],
  index: number,
  nonce: Scalar,
  source: RandomSource = systemRandom,
): RangeProof | null {
  if (!strictlyIncreasing(allowed) || !(index >= 0 && index < allowed.length)) return null;
  const t = challengePrefix(binding, subj, ct, allowed);
  const w = Scalar.random(source);
  const proof: RangeProof = [];
  let others = Scalar.zero();
  for (let j = 0; j < allowed.length; ++j) {
    const shifted = shiftedBeta(ct.beta, allowed[j]!);
    if (j === index) {
      t.add(Point.baseMul(w)).add(jointKey.mul(w));
      proof.push({ c: Scalar.zero(), z: Scalar.zero() });
      continue;
    }
    const c = Scalar.random(source);
    const z = Scalar.random(source);
    others = others.add(c);
    t.add(Point.baseMul(z).sub(ct.alpha.mul(c)));
    t.add(jointKey.mul(z).sub(shifted.mul(c)));
    proof.push({ c, z });
  }
  const cs = t.hs().sub(others);
  proof[index] = { c: cs, z: w.add(cs.mul(nonce)) };
  w.wipe();
  return proof;
}

/** Whether `proof` shows that `ct` holds one of `allowed` for this binding and subject. */
export function verifyRange(
  binding: ProofBinding,
  subj: ProofSubject,
  jointKey: Point,
  ct: Ciphertext,
  allowed: readonly number[],
  proof: readonly ProofEntry[],
): boolean {
  if (!strictlyIncreasing(allowed) || proof.length !== allowed.length) return false;
  const t = challengePrefix(binding, subj, ct, allowed);
  let sum = Scalar.zero();
  for (let j = 0; j < proof.length; ++j) {
    const e = proof[j]!;
    t.add(Point.baseMul(e.z).sub(ct.alpha.mul(e.c)));
    t.add(jointKey.mul(e.z).sub(shiftedBeta(ct.beta, allowed[j]!).mul(e.c)));
    sum = sum.add(e.c);
  }
  return sum.equals(t.hs());
}
