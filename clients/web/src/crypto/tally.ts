// Tallying a vote (CVP1 §7): per-position sums of the ballots' ciphertexts, Lagrange
// combination of at least k verified partial decryptions, and the bounded discrete log that
// reads each count. Twin of crypto/{tally,discrete_log}.hpp.
import { toHex } from "./bytes.js";
import { Ciphertext, addCiphertexts, emptyCiphertext } from "./elgamal.js";
import { Point, Scalar } from "./group.js";
import { PartialDecryption } from "./decryption.js";

/** A = Σ alpha and B = Σ beta per position, over the given ballots' ciphertexts. */
export function aggregate(positions: number, ballots: readonly (readonly Ciphertext[])[]): Ciphertext[] {
  const sums: Ciphertext[] = [];
  for (let p = 0; p < positions; ++p) sums.push(emptyCiphertext());
  for (const b of ballots) {
    if (b.length !== positions) throw new RangeError("aggregate: a ballot with the wrong number of positions");
    b.forEach((ct, p) => (sums[p] = addCiphertexts(sums[p]!, ct)));
  }
  return sums;
}

/** λ_l = Π_{m≠l} m·(m − l)^−1 mod q for each l of `indices`; null if empty, 0 or repeated. */
export function lagrangeCoefficients(indices: readonly number[]): Scalar[] | null {
  if (indices.length === 0) return null;
  if (indices.some((i) => !Number.isSafeInteger(i) || i <= 0) || new Set(indices).size !== indices.length) return null;
  const out: Scalar[] = [];
  for (const l of indices) {
    let num = Scalar.fromU64(1);
    let den = Scalar.fromU64(1);
    for (const m of indices) {
      if (m === l) continue;
      num = num.mul(Scalar.fromU64(m));
      den = den.mul(Scalar.fromU64(m).sub(Scalar.fromU64(l)));
    }
    const inv = den.inverse();
    if (!inv) return null;
    out.push(num.mul(inv));
  }
  return out;
}

/** M = Σ λ_l·M_l per position; null with fewer than `threshold` partials or mismatched sizes. */
export function combinePartials(partials: readonly PartialDecryption[], threshold: number, positions: number): Point[] | null {
  if (threshold < 1 || partials.length < threshold) return null;
  if (partials.some((p) => p.shares.length !== positions)) return null;
  const lambdas = lagrangeCoefficients(partials.map((p) => p.index));
  if (!lambdas) return null;
  const combined: Point[] = [];
  for (let p = 0; p < positions; ++p) combined.push(Point.identity());
  partials.forEach((partial, s) => {
    for (let p = 0; p < positions; ++p) combined[p] = combined[p]!.add(partial.shares[p]!.m.mul(lambdas[s]!));
  });
  return combined;
}

/** Baby-step giant-step table for t·G == T with t in [0, max]. */
export class DiscreteLogTable {
  private readonly step: number;
  private readonly baby = new Map<string, number>();
  private readonly giant: Point;

  /** Builds the table for results in [0, max]; RangeError for max outside [0, 2^40). */
  constructor(readonly max: number) {
    if (!Number.isSafeInteger(max) || max < 0 || max >= 2 ** 40) throw new RangeError("discrete log bound out of range");
    let m = 0;
    while (m * m < max + 1) ++m;
    this.step = Math.max(1, m);
    let p = Point.identity();
    for (let j = 0; j < this.step; ++j) {
      this.baby.set(toHex(p.raw), j);
      p = p.add(Point.generator());
    }
    this.giant = p;
  }

  /** The t in [0, max] with t·G == target; null (fail closed) if there is none. */
  find(target: Point): number | null {
    let remainder = target;
    for (let i = 0; i * this.step <= this.max; ++i) {
      const j = this.baby.get(toHex(remainder.raw));
      if (j !== undefined) {
        const t = i * this.step + j;
        return t <= this.max ? t : null;
      }
      remainder = remainder.sub(this.giant);
    }
    return null;
  }
}

/**
 * The counts t with t·G == B − M per position, each in [0, ballots]; null if the partials
 * cannot be combined or any count is out of range. The partials must have been checked.
 */
export function decryptCounts(
  aggregates: readonly Ciphertext[],
  partials: readonly PartialDecryption[],
  threshold: number,
  ballots: number,
  table: DiscreteLogTable = new DiscreteLogTable(ballots),
): number[] | null {
  if (table.max < ballots) throw new RangeError("discrete log table too small");
  const combined = combinePartials(partials, threshold, aggregates.length);
  if (!combined) return null;
  const counts: number[] = [];
  for (let p = 0; p < aggregates.length; ++p) {
    const t = table.find(aggregates[p]!.beta.sub(combined[p]!));
    if (t === null || t > ballots) return null;
    counts.push(t);
  }
  return counts;
}
