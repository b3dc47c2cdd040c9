// Exponential ElGamal on ristretto255 (CVP1 §5): a value m is encrypted under the joint key K
// as (alpha, beta) = (r·G, m·G + r·K). Ciphertexts add component-wise, which adds the values.
import { Point, Scalar } from "./group.js";

/** An ElGamal ciphertext. */
export interface Ciphertext {
  alpha: Point;
  beta: Point;
}

/** The identity ciphertext (an empty sum). */
export function emptyCiphertext(): Ciphertext {
  return { alpha: Point.identity(), beta: Point.identity() };
}

/** Component-wise sum: encrypts the sum of the values under the sum of the nonces. */
export function addCiphertexts(a: Ciphertext, b: Ciphertext): Ciphertext {
  return { alpha: a.alpha.add(b.alpha), beta: a.beta.add(b.beta) };
}

/**
 * Encrypts the small value `m` with `nonce` under `jointKey`: (nonce·G, m·G + nonce·K). The
 * caller draws the nonce (nonzero, secret, used once) and wipes it. For 0 or 1 both candidate
 * betas are computed, so the work does not depend on the vote.
 */
export function encrypt(m: number, nonce: Scalar, jointKey: Point): Ciphertext {
  const shared = jointKey.mul(nonce);
  const alpha = Point.baseMul(nonce);
  if (m > 1) return { alpha, beta: Point.smallMultiple(m).add(shared) };
  const one = Point.generator().add(shared);
  return { alpha, beta: m === 1 ? one : shared };
}
