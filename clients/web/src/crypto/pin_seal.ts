// A scrutineer's key share at rest (CVP1 §3, SPEC §10), in the C++ format (crypto/pin_seal.hpp):
//   LE64(ops) ‖ LE64(mem) ‖ salt(16) ‖ nonce(24) ‖ crypto_secretbox(LE64(index) ‖ z ‖ Z)
// with the key from Argon2id13 (crypto_pwhash) of the PIN. A share sealed by either side
// opens on the other.
import { concat, le64, readLe64, wipe } from "./bytes.js";
import { KeyShare } from "./ceremony.js";
import { Point, Scalar } from "./group.js";
import { RandomSource, systemRandom } from "./random.js";
import { sodium } from "./sodium.js";

/** Argon2id work factors: passes and memory in bytes. */
export interface PinLimits {
  ops: number;
  memBytes: number;
}

/** libsodium's "moderate" limits (3 passes, 256 MiB): the default, as in the C++. */
export const MODERATE_LIMITS: PinLimits = { ops: 3, memBytes: 256 * 1024 * 1024 };
/** libsodium's "interactive" limits (2 passes, 64 MiB): for tests only. */
export const INTERACTIVE_LIMITS: PinLimits = { ops: 2, memBytes: 64 * 1024 * 1024 };

const SALT = 16;
const NONCE = 24;
const HEADER = 8 + 8 + SALT + NONCE;
const PLAIN = 8 + 32 + 32;
const SEALED = HEADER + 16 + PLAIN;

// libsodium's bounds on a 64-bit build (the C++ side). libsodium.js exposes these two constants
// wrapped to 32-bit signed integers, so they are spelled out here.
const OPSLIMIT_MAX = 0xffffffff;
const MEMLIMIT_MAX = 4398046510080;

function withinBounds(limits: PinLimits, maxOps: number, maxMem: number): boolean {
  const s = sodium();
  return (
    Number.isSafeInteger(limits.ops) &&
    Number.isSafeInteger(limits.memBytes) &&
    limits.ops >= s.crypto_pwhash_OPSLIMIT_MIN &&
    limits.ops <= maxOps &&
    limits.memBytes >= s.crypto_pwhash_MEMLIMIT_MIN &&
    limits.memBytes <= maxMem
  );
}

function deriveKey(pin: string, salt: Uint8Array, limits: PinLimits): Uint8Array | null {
  const s = sodium();
  try {
    return s.crypto_pwhash(s.crypto_secretbox_KEYBYTES, pin, salt, limits.ops, limits.memBytes, s.crypto_pwhash_ALG_ARGON2ID13);
  } catch {
    return null; // out of memory in this environment
  }
}

/**
 * Encrypts `share` under `pin`; salt and nonce (40 bytes, one draw) come from `random`.
 * Throws RangeError for limits outside libsodium's bounds and Error if Argon2id cannot run.
 */
export function sealShareWithPin(share: KeyShare, pin: string, random: RandomSource = systemRandom, limits: PinLimits = MODERATE_LIMITS): Uint8Array {
  const s = sodium();
  if (!withinBounds(limits, OPSLIMIT_MAX, MEMLIMIT_MAX)) {
    throw new RangeError("Argon2id limits outside libsodium's bounds");
  }
  const saltNonce = new Uint8Array(SALT + NONCE);
  random.fill(saltNonce);
  const salt = saltNonce.subarray(0, SALT);
  const nonce = saltNonce.subarray(SALT);
  const key = deriveKey(pin, salt, limits);
  if (!key) throw new Error("Argon2id failed");
  const plain = concat(le64(share.index), share.secret.raw, share.verificationKey.raw);
  const box = s.crypto_secretbox_easy(plain, nonce, key);
  wipe(plain);
  wipe(key);
  return concat(le64(limits.ops), le64(limits.memBytes), saltNonce, box);
}

/**
 * Opens what sealShareWithPin (or the C++ seal_share_with_pin) made. Null for a wrong PIN,
 * altered or truncated bytes, limits above libsodium's "sensitive" level, Argon2id that cannot
 * get its memory here, or contents that are not a valid key share.
 */
export function openShareWithPin(sealed: Uint8Array, pin: string): KeyShare | null {
  const s = sodium();
  if (sealed.length !== SEALED) return null;
  const ops = readLe64(sealed, 0);
  const mem = readLe64(sealed, 8);
  if (ops > BigInt(Number.MAX_SAFE_INTEGER) || mem > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const limits = { ops: Number(ops), memBytes: Number(mem) };
  if (!withinBounds(limits, s.crypto_pwhash_OPSLIMIT_SENSITIVE, s.crypto_pwhash_MEMLIMIT_SENSITIVE)) return null;
  const salt = sealed.subarray(16, 16 + SALT);
  const nonce = sealed.subarray(16 + SALT, HEADER);
  const key = deriveKey(pin, salt, limits);
  if (!key) return null;
  let plain: Uint8Array;
  try {
    plain = s.crypto_secretbox_open_easy(sealed.subarray(HEADER), nonce, key);
  } catch {
    return null;
  } finally {
    wipe(key);
  }
  const index = readLe64(plain, 0);
  const z = Scalar.fromBytes(plain.subarray(8, 40));
  const zPub = Point.fromBytes(plain.subarray(40, 72));
  wipe(plain);
  if (!z || !zPub || index > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return KeyShare.create(Number(index), z, zPub);
}
