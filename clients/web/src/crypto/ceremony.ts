// The key ceremony (CVP1 §3, SPEC §10) from a scrutineer's tablet: the parameters and
// ceremony_id, the dealer's keygen message and its public check, opening one's own sealed
// shares (or complaining), the verification keys, the joint key, the key digest and its
// confirmation, and the combined share z_l. Twin of crypto/{ceremony_params,keygen,ceremony}.hpp.
import { fromHex, toHex, wipe } from "./bytes.js";
import { Point, Scalar } from "./group.js";
import { Transcript } from "./hash.js";
import { RandomSource } from "./random.js";
import { sodium } from "./sodium.js";
import { PublicKey, SecretKey, signatureFromHex } from "./sign.js";

/** Bytes of one sealed share: a 32-byte scalar in a sealed box (32-byte key, 16-byte MAC). */
export const SEALED_SHARE_SIZE = 32 + 48;

/**
 * Who holds the sitting's decryption key: n scrutineers with indices 1..n and threshold k.
 * Immutable; build it with CeremonyParams.create.
 */
export class CeremonyParams {
  readonly ceremonyId: Uint8Array;

  private constructor(
    readonly congressId: string,
    readonly sittingId: string,
    readonly scrutineers: readonly PublicKey[],
    readonly k: number,
  ) {
    const t = new Transcript("ceremony").str(congressId).str(sittingId).u64(scrutineers.length).u64(k);
    for (const pk of scrutineers) t.raw(pk.raw);
    this.ceremonyId = t.h32();
  }

  /**
   * Validates and builds the parameters; scrutineers[i-1] is scrutineer i's key. The threshold
   * defaults to n − 1 for n ≥ 3 and n otherwise. Null unless n ≥ 1, 1 ≤ k ≤ n and the keys are
   * pairwise distinct.
   */
  static create(congressId: string, sittingId: string, scrutineers: readonly PublicKey[], threshold?: number): CeremonyParams | null {
    const n = scrutineers.length;
    if (n === 0) return null;
    const k = threshold ?? (n >= 3 ? n - 1 : n);
    if (!Number.isSafeInteger(k) || k < 1 || k > n) return null;
    if (new Set(scrutineers.map((pk) => pk.hex())).size !== n) return null;
    return new CeremonyParams(congressId, sittingId, [...scrutineers], k);
  }

  /** Number of scrutineers n. */
  get n(): number {
    return this.scrutineers.length;
  }
  /** Whether 1 ≤ index ≤ n. */
  isIndex(index: number): boolean {
    return Number.isSafeInteger(index) && index >= 1 && index <= this.n;
  }
  /** Scrutineer `index`'s key; throws RangeError outside 1..n. */
  scrutineer(index: number): PublicKey {
    if (!this.isIndex(index)) throw new RangeError("scrutineer index outside 1..n");
    return this.scrutineers[index - 1]!;
  }
}

/** A Schnorr proof of knowledge of a_ij for K_ij = a_ij·G. */
export interface KnowledgeProof {
  c: Scalar;
  v: Scalar;
}

/** Scrutineer `dealer`'s published keygen message. */
export interface KeygenMessage {
  dealer: number;
  commitments: Point[];
  proofs: KnowledgeProof[];
  sealedShares: Uint8Array[];
  signature: Uint8Array;
}

function requireOwnKey(params: CeremonyParams, index: number, key: SecretKey): void {
  if (!params.isIndex(index)) throw new RangeError("scrutineer index outside 1..n");
  if (!key.publicKey().equals(params.scrutineer(index))) throw new Error("key is not the scrutineer's registered key");
}

function pokChallenge(params: CeremonyParams, dealer: number, j: number, commitment: Point, h: Point): Scalar {
  return new Transcript("keygen-pok").raw(params.ceremonyId).u64(dealer).u64(j).add(commitment).add(h).hs();
}

// Σ_j a_j·x^j by Horner's rule.
function evaluate(coefficients: readonly Scalar[], x: number): Scalar {
  const at = Scalar.fromU64(x);
  let sum = Scalar.zero();
  for (let j = coefficients.length - 1; j >= 0; --j) sum = sum.mul(at).add(coefficients[j]!);
  return sum;
}

/** H32("keygen", ceremony_id, LE64(i), K_i0…, c_i0, v_i0, …, sealed_1 … sealed_n), no counts. */
export function keygenDigest(params: CeremonyParams, msg: KeygenMessage): Uint8Array {
  const t = new Transcript("keygen").raw(params.ceremonyId).u64(msg.dealer);
  for (const k of msg.commitments) t.add(k);
  for (const p of msg.proofs) t.add(p.c).add(p.v);
  for (const s of msg.sealedShares) t.raw(s);
  return t.h32();
}

/** Seals `plaintext` to an Ed25519 key (converted to X25519); the ephemeral key is the system's. */
export function sealTo(recipient: PublicKey, plaintext: Uint8Array): Uint8Array {
  return sodium().crypto_box_seal(plaintext, recipient.curve25519());
}

/** Opens a box sealed to `recipient`'s key; null if it was sealed to another key or altered. */
export function openSealed(recipient: SecretKey, sealed: Uint8Array): Uint8Array | null {
  if (sealed.length < 48) return null;
  const curveSk = recipient.curve25519();
  try {
    return sodium().crypto_box_seal_open(sealed, recipient.publicKey().curve25519(), curveSk);
  } catch {
    return null;
  } finally {
    wipe(curveSk);
  }
}

/**
 * Scrutineer `dealer` deals: k random nonzero coefficients (each followed by its proof nonce)
 * from `random`, commitments and proofs, the n shares sealed to their recipients (sealing
 * draws from the system), and the signature. Coefficients and shares are wiped.
 */
export function makeKeygenMessage(params: CeremonyParams, dealer: number, dealerKey: SecretKey, random: RandomSource): KeygenMessage {
  requireOwnKey(params, dealer, dealerKey);
  const coefficients: Scalar[] = [];
  const commitments: Point[] = [];
  const proofs: KnowledgeProof[] = [];
  for (let j = 0; j < params.k; ++j) {
    const a = Scalar.randomNonzero(random);
    coefficients.push(a);
    const commitment = Point.baseMul(a);
    const u = Scalar.randomNonzero(random);
    const c = pokChallenge(params, dealer, j, commitment, Point.baseMul(u));
    commitments.push(commitment);
    proofs.push({ c, v: u.add(c.mul(a)) });
    u.wipe();
  }
  const sealedShares: Uint8Array[] = [];
  for (let l = 1; l <= params.n; ++l) {
    const share = evaluate(coefficients, l);
    sealedShares.push(sealTo(params.scrutineer(l), share.raw));
    share.wipe();
  }
  for (const a of coefficients) a.wipe();
  const msg: KeygenMessage = { dealer, commitments, proofs, sealedShares, signature: new Uint8Array(64) };
  msg.signature = dealerKey.sign(keygenDigest(params, msg));
  return msg;
}

/**
 * The public check: dealer in 1..n, exactly k commitments (none the identity) with valid
 * proofs, exactly n sealed shares of SEALED_SHARE_SIZE bytes, and the dealer's signature.
 */
export function checkKeygenMessage(params: CeremonyParams, msg: KeygenMessage): boolean {
  if (!params.isIndex(msg.dealer)) return false;
  if (msg.commitments.length !== params.k || msg.proofs.length !== params.k) return false;
  if (msg.sealedShares.length !== params.n) return false;
  if (msg.sealedShares.some((s) => s.length !== SEALED_SHARE_SIZE)) return false;
  for (let j = 0; j < params.k; ++j) {
    const commitment = msg.commitments[j]!;
    const proof = msg.proofs[j]!;
    if (commitment.isIdentity()) return false;
    const h = Point.baseMul(proof.v).sub(commitment.mul(proof.c));
    if (!pokChallenge(params, msg.dealer, j, commitment, h).equals(proof.c)) return false;
  }
  return params.scrutineer(msg.dealer).verify(keygenDigest(params, msg), msg.signature);
}

/** Σ_j index^j·K_j: the public image of the share the commitments promise to `index`. */
export function shareImage(commitments: readonly Point[], index: number): Point {
  const at = Scalar.fromU64(index);
  let sum = Point.identity();
  for (let j = commitments.length - 1; j >= 0; --j) sum = sum.mul(at).add(commitments[j]!);
  return sum;
}

/** Scrutineer `accuser`'s signed statement that dealer `accused`'s message gave it no valid share. */
export interface Complaint {
  accuser: number;
  accused: number;
  messageDigest: Uint8Array;
  signature: Uint8Array;
}

/** H32("complaint", ceremony_id, LE64(accuser), LE64(accused), keygen_digest). */
export function complaintDigest(params: CeremonyParams, accuser: number, accused: number, messageDigest: Uint8Array): Uint8Array {
  return new Transcript("complaint").raw(params.ceremonyId).u64(accuser).u64(accused).raw(messageDigest).h32();
}

/** Whether `c` names indices of the ceremony and carries the accuser's signature. */
export function checkComplaint(params: CeremonyParams, c: Complaint): boolean {
  if (!params.isIndex(c.accuser) || !params.isIndex(c.accused)) return false;
  return params.scrutineer(c.accuser).verify(complaintDigest(params, c.accuser, c.accused, c.messageDigest), c.signature);
}

function makeComplaint(params: CeremonyParams, msg: KeygenMessage, accuser: number, key: SecretKey): Complaint {
  const messageDigest = keygenDigest(params, msg);
  const signature = key.sign(complaintDigest(params, accuser, msg.dealer, messageDigest));
  return { accuser, accused: msg.dealer, messageDigest, signature };
}

/** Opening one dealer's share: the share s_il, or a complaint against the dealer. */
export type ShareOutcome = { share: Scalar; complaint?: undefined } | { share?: undefined; complaint: Complaint };

/**
 * Scrutineer `recipient` opens its share in `msg` and checks s·G == Σ_j recipient^j·K_ij; any
 * failure yields a complaint signed with `recipientKey`. Throws if the index or key is wrong.
 */
export function openShare(params: CeremonyParams, msg: KeygenMessage, recipient: number, recipientKey: SecretKey): ShareOutcome {
  requireOwnKey(params, recipient, recipientKey);
  const complain = (): ShareOutcome => ({ complaint: makeComplaint(params, msg, recipient, recipientKey) });
  if (msg.sealedShares.length !== params.n || msg.commitments.length !== params.k) return complain();
  const opened = openSealed(recipientKey, msg.sealedShares[recipient - 1]!);
  if (!opened) return complain();
  const share = Scalar.fromBytes(opened);
  wipe(opened);
  if (!share || !Point.baseMul(share).equals(shareImage(msg.commitments, recipient))) return complain();
  return { share };
}

function isCompleteSet(params: CeremonyParams, messages: readonly KeygenMessage[]): boolean {
  if (messages.length !== params.n) return false;
  return messages.every((m, i) => m.dealer === i + 1 && m.commitments.length === params.k);
}

function summedCommitments(params: CeremonyParams, messages: readonly KeygenMessage[]): Point[] {
  const sums: Point[] = [];
  for (let j = 0; j < params.k; ++j) sums.push(Point.identity());
  for (const m of messages) for (let j = 0; j < params.k; ++j) sums[j] = sums[j]!.add(m.commitments[j]!);
  return sums;
}

/** The public outcome: K and Z_1 … Z_n. */
export interface CeremonyKeys {
  jointKey: Point;
  verificationKeys: Point[];
}

/** Z_index = Σ_i Σ_j index^j·K_ij; null for an incomplete set or an identity result. */
export function verificationKey(params: CeremonyParams, messages: readonly KeygenMessage[], index: number): Point | null {
  if (!params.isIndex(index) || !isCompleteSet(params, messages)) return null;
  const z = shareImage(summedCommitments(params, messages), index);
  return z.isIdentity() ? null : z;
}

/** K = Σ_i K_i0; null for an incomplete set or the identity. */
export function jointKey(params: CeremonyParams, messages: readonly KeygenMessage[]): Point | null {
  if (!isCompleteSet(params, messages)) return null;
  let k = Point.identity();
  for (const m of messages) k = k.add(m.commitments[0]!);
  return k.isIdentity() ? null : k;
}

/** K and every Z_l at once, from the n messages ordered by dealer; null as above. */
export function computeCeremonyKeys(params: CeremonyParams, messages: readonly KeygenMessage[]): CeremonyKeys | null {
  if (!isCompleteSet(params, messages)) return null;
  const sums = summedCommitments(params, messages);
  const jointKeyValue = sums[0]!;
  if (jointKeyValue.isIdentity()) return null;
  const verificationKeys: Point[] = [];
  for (let l = 1; l <= params.n; ++l) {
    const z = shareImage(sums, l);
    if (z.isIdentity()) return null;
    verificationKeys.push(z);
  }
  return { jointKey: jointKeyValue, verificationKeys };
}

/** key_digest = H32("key", ceremony_id, K, Z_1, …, Z_n). */
export function keyDigest(params: CeremonyParams, keys: CeremonyKeys): Uint8Array {
  const t = new Transcript("key").raw(params.ceremonyId).add(keys.jointKey);
  for (const z of keys.verificationKeys) t.add(z);
  return t.h32();
}

/** Scrutineer `index`'s confirmation: its signature over key_digest. Throws on a wrong key. */
export function confirmKeys(params: CeremonyParams, index: number, key: SecretKey, keyDigestValue: Uint8Array): Uint8Array {
  requireOwnKey(params, index, key);
  return key.sign(keyDigestValue);
}

/** Whether `signature` is scrutineer `index`'s signature over `keyDigestValue`. */
export function checkConfirmation(params: CeremonyParams, index: number, keyDigestValue: Uint8Array, signature: Uint8Array): boolean {
  return params.isIndex(index) && params.scrutineer(index).verify(keyDigestValue, signature);
}

/** A scrutineer's share z_l with Z_l = z_l·G, valid by construction. Wipe it when done. */
export class KeyShare {
  private constructor(
    readonly index: number,
    readonly secret: Scalar,
    readonly verificationKey: Point,
  ) {}

  /** Null if index is not positive, Z is the identity, or z·G ≠ Z. */
  static create(index: number, z: Scalar, verificationKeyValue: Point): KeyShare | null {
    if (!Number.isSafeInteger(index) || index < 1 || verificationKeyValue.isIdentity()) return null;
    if (!Point.baseMul(z).equals(verificationKeyValue)) return null;
    return new KeyShare(index, z, verificationKeyValue);
  }

  /** Wipes the secret z; the share must not be used afterwards. */
  wipe(): void {
    this.secret.wipe();
  }
}

/** z = Σ_i s_i,index from the opened shares (one per dealer) with the check z·G == Z_index. */
export function combineShares(params: CeremonyParams, index: number, shares: readonly Scalar[], verificationKeyValue: Point): KeyShare | null {
  if (!params.isIndex(index) || shares.length !== params.n) return null;
  let z = Scalar.zero();
  for (const s of shares) z = z.add(s);
  return KeyShare.create(index, z, verificationKeyValue);
}

// JSON forms, as in cvp1-kat.json and protocol/codec_ceremony.hpp.

/** A keygen message as cvp1-kat.json and the protocol carry it. */
export interface KeygenMessageJson {
  i: number;
  commitments: string[];
  proofs: { c: string; v: string }[];
  sealed: string[];
  signature: string;
}

/** The JSON form of a keygen message. */
export function keygenMessageToJson(msg: KeygenMessage): KeygenMessageJson {
  return {
    i: msg.dealer,
    commitments: msg.commitments.map((k) => k.hex()),
    proofs: msg.proofs.map((p) => ({ c: p.c.hex(), v: p.v.hex() })),
    sealed: msg.sealedShares.map(toHex),
    signature: toHex(msg.signature),
  };
}

/**
 * Decodes a keygen message's encodings (valid non-identity commitments, canonical scalars,
 * lowercase hex); null on any malformation. Run checkKeygenMessage on the result.
 */
export function keygenMessageFromJson(json: KeygenMessageJson): KeygenMessage | null {
  if (!json || !Number.isSafeInteger(json.i) || !Array.isArray(json.commitments) || !Array.isArray(json.proofs) || !Array.isArray(json.sealed)) {
    return null;
  }
  const commitments: Point[] = [];
  for (const hex of json.commitments) {
    const p = typeof hex === "string" ? Point.fromHex(hex) : null;
    if (!p || p.isIdentity()) return null;
    commitments.push(p);
  }
  const proofs: KnowledgeProof[] = [];
  for (const p of json.proofs) {
    const c = p && typeof p.c === "string" ? Scalar.fromHex(p.c) : null;
    const v = p && typeof p.v === "string" ? Scalar.fromHex(p.v) : null;
    if (!c || !v) return null;
    proofs.push({ c, v });
  }
  const sealedShares: Uint8Array[] = [];
  for (const hex of json.sealed) {
    const s = typeof hex === "string" ? fromHex(hex) : null;
    if (!s) return null;
    sealedShares.push(s);
  }
  const signature = typeof json.signature === "string" ? signatureFromHex(json.signature) : null;
  if (!signature) return null;
  return { dealer: json.i, commitments, proofs, sealedShares, signature };
}

