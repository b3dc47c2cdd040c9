// A scrutineer's partial decryption of a vote's tally (CVP1 §7, SPEC §10): M_l = z_l·A for
// every position's aggregate A, each with a Chaum–Pedersen proof that log_G Z_l == log_A M_l,
// all signed together. Twin of crypto/decryption.hpp.
import { toHex } from "./bytes.js";
import { CeremonyKeys, CeremonyParams, KeyShare } from "./ceremony.js";
import { Ciphertext } from "./elgamal.js";
import { Point, Scalar } from "./group.js";
import { Transcript } from "./hash.js";
import { RandomSource, systemRandom } from "./random.js";
import { SecretKey, signatureFromHex } from "./sign.js";

/** One position's share M = z·A with its equal-logs proof (c, v). */
export interface DecryptionShare {
  m: Point;
  c: Scalar;
  v: Scalar;
}

/** Scrutineer `index`'s partial decryption of every position of one vote, signed. */
export interface PartialDecryption {
  index: number;
  shares: DecryptionShare[];
  signature: Uint8Array;
}

function equalLogsChallenge(electionHash: Uint8Array, index: number, z: Point, aAgg: Point, m: Point, a: Point, b: Point): Scalar {
  return new Transcript("decrypt").raw(electionHash).u64(index).add(z).add(aAgg).add(m).add(a).add(b).hs();
}

/** H32("partial", election_hash, LE64(index), A_1, M_1, c_1, v_1, …) without a count. */
export function partialDigest(electionHash: Uint8Array, index: number, aggregates: readonly Ciphertext[], shares: readonly DecryptionShare[]): Uint8Array {
  if (aggregates.length !== shares.length) throw new RangeError("one decryption share per aggregate");
  const t = new Transcript("partial").raw(electionHash).u64(index);
  shares.forEach((s, p) => t.add(aggregates[p]!.alpha).add(s.m).add(s.c).add(s.v));
  return t.h32();
}

/**
 * Scrutineer share.index decrypts its part of every aggregate: M = z·A with a proof whose
 * nonzero nonce comes from `random`, signed with `key`. An identity A gives an identity M and
 * a proof that still verifies. Throws if `key` or `share` does not belong to the ceremony.
 */
export function makePartialDecryption(
  params: CeremonyParams,
  keys: CeremonyKeys,
  electionHash: Uint8Array,
  aggregates: readonly Ciphertext[],
  share: KeyShare,
  key: SecretKey,
  random: RandomSource = systemRandom,
): PartialDecryption {
  const index = share.index;
  if (!params.isIndex(index) || !key.publicKey().equals(params.scrutineer(index))) {
    throw new Error("key is not the scrutineer's registered key");
  }
  if (keys.verificationKeys.length !== params.n || !keys.verificationKeys[index - 1]!.equals(share.verificationKey)) {
    throw new Error("key share does not belong to this ceremony");
  }
  const zPub = share.verificationKey;
  const shares: DecryptionShare[] = aggregates.map((aggregate) => {
    const aAgg = aggregate.alpha;
    const w = Scalar.randomNonzero(random);
    const m = aAgg.mul(share.secret);
    const c = equalLogsChallenge(electionHash, index, zPub, aAgg, m, Point.baseMul(w), aAgg.mul(w));
    const v = w.add(c.mul(share.secret));
    w.wipe();
    return { m, c, v };
  });
  return { index, shares, signature: key.sign(partialDigest(electionHash, index, aggregates, shares)) };
}

/**
 * Whether `partial` is a valid partial decryption of `aggregates`: index in 1..n, one share
 * per position, M the identity exactly when A is, every proof valid against Z_index, and the
 * scrutineer's signature valid.
 */
export function checkPartialDecryption(
  params: CeremonyParams,
  keys: CeremonyKeys,
  electionHash: Uint8Array,
  aggregates: readonly Ciphertext[],
  partial: PartialDecryption,
): boolean {
  const index = partial.index;
  if (!params.isIndex(index) || keys.verificationKeys.length !== params.n) return false;
  if (partial.shares.length !== aggregates.length) return false;
  const zPub = keys.verificationKeys[index - 1]!;
  for (let p = 0; p < aggregates.length; ++p) {
    const aAgg = aggregates[p]!.alpha;
    const s = partial.shares[p]!;
    if (s.m.isIdentity() !== aAgg.isIdentity()) return false;
    const a = Point.baseMul(s.v).sub(zPub.mul(s.c));
    const b = aAgg.mul(s.v).sub(s.m.mul(s.c));
    if (!equalLogsChallenge(electionHash, index, zPub, aAgg, s.m, a, b).equals(s.c)) return false;
  }
  return params.scrutineer(index).verify(partialDigest(electionHash, index, aggregates, partial.shares), partial.signature);
}

/** A partial decryption as cvp1-kat.json and the protocol carry it. */
export interface PartialDecryptionJson {
  index: number;
  shares: { M: string; c: string; v: string }[];
  signature: string;
}

/** The JSON form (protocol/codec_decryption.hpp). */
export function partialToJson(p: PartialDecryption): PartialDecryptionJson {
  return { index: p.index, shares: p.shares.map((s) => ({ M: s.m.hex(), c: s.c.hex(), v: s.v.hex() })), signature: toHex(p.signature) };
}

/** Decodes the encodings (valid points, canonical scalars); null on any malformation. */
export function partialFromJson(json: PartialDecryptionJson): PartialDecryption | null {
  if (!json || !Number.isSafeInteger(json.index) || !Array.isArray(json.shares)) return null;
  const shares: DecryptionShare[] = [];
  for (const s of json.shares) {
    const m = s && typeof s.M === "string" ? Point.fromHex(s.M) : null;
    const c = s && typeof s.c === "string" ? Scalar.fromHex(s.c) : null;
    const v = s && typeof s.v === "string" ? Scalar.fromHex(s.v) : null;
    if (!m || !c || !v) return null;
    shares.push({ m, c, v });
  }
  const signature = typeof json.signature === "string" ? signatureFromHex(json.signature) : null;
  if (!signature) return null;
  return { index: json.index, shares, signature };
}
