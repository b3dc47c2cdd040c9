// Ed25519 device keys and signatures (CVP1 §2). Every person who acts signs with a key made on
// their own device; the server signs with the congress key.
import { equalBytes, fromHex, toHex, wipe } from "./bytes.js";
import { RandomSource, systemRandom } from "./random.js";
import { sodium } from "./sodium.js";

/** Bytes of a detached Ed25519 signature. */
export const SIGNATURE_SIZE = 64;

/** Parses a signature's hex form (64 bytes); null on malformation. */
export function signatureFromHex(hex: string): Uint8Array | null {
  return fromHex(hex, SIGNATURE_SIZE);
}

/**
 * An Ed25519 public key that is a valid curve point of large order, so that it can also be
 * converted to X25519 for sealed boxes.
 */
export class PublicKey {
  /** Bytes of the key. */
  static readonly size = 32;
  private readonly bytes_: Uint8Array;

  private constructor(bytes: Uint8Array) {
    this.bytes_ = bytes;
  }

  /** Parses 32 bytes; null unless they convert to X25519 (rejects non-points, small order). */
  static fromBytes(bytes: Uint8Array): PublicKey | null {
    if (bytes.length !== 32) return null;
    try {
      sodium().crypto_sign_ed25519_pk_to_curve25519(bytes);
    } catch {
      return null;
    }
    return new PublicKey(Uint8Array.from(bytes));
  }

  /** Parses the lowercase-hex form; null as fromBytes. */
  static fromHex(hex: string): PublicKey | null {
    const bytes = fromHex(hex, 32);
    return bytes ? PublicKey.fromBytes(bytes) : null;
  }

  /** A copy of the 32 bytes. */
  bytes(): Uint8Array {
    return Uint8Array.from(this.bytes_);
  }
  /** The bytes without copying; callers must not modify them. */
  get raw(): Uint8Array {
    return this.bytes_;
  }
  /** The lowercase-hex form. */
  hex(): string {
    return toHex(this.bytes_);
  }
  /** The X25519 form of this key, for crypto_box_seal. */
  curve25519(): Uint8Array {
    return sodium().crypto_sign_ed25519_pk_to_curve25519(this.bytes_);
  }
  /** Whether `sig` is this key's signature over `message`; false for a malformed signature. */
  verify(message: Uint8Array, sig: Uint8Array): boolean {
    if (sig.length !== SIGNATURE_SIZE) return false;
    try {
      return sodium().crypto_sign_verify_detached(sig, message, this.bytes_);
    } catch {
      return false;
    }
  }
  /** Byte equality. */
  equals(b: PublicKey): boolean {
    return equalBytes(this.bytes_, b.bytes_);
  }
}

/**
 * An Ed25519 secret key (libsodium's 64-byte seed ‖ public form). Meant to stay on the device
 * that made it; wipe() it when done.
 */
export class SecretKey {
  /** Bytes of the key (seed ‖ public key). */
  static readonly size = 64;
  private readonly bytes_: Uint8Array;

  private constructor(bytes: Uint8Array) {
    this.bytes_ = bytes;
  }

  /** A fresh key whose seed is drawn from `source`. */
  static generate(source: RandomSource = systemRandom): SecretKey {
    const seed = new Uint8Array(32);
    source.fill(seed);
    const sk = SecretKey.fromSeed(seed);
    wipe(seed);
    return sk;
  }

  /** The key derived from a 32-byte seed (deterministic). */
  static fromSeed(seed: Uint8Array): SecretKey {
    if (seed.length !== 32) throw new RangeError("SecretKey.fromSeed: 32 bytes expected");
    const pair = sodium().crypto_sign_seed_keypair(seed);
    return new SecretKey(pair.privateKey);
  }

  /** Parses the 64-byte form; null unless its public half matches its seed. */
  static fromBytes(bytes: Uint8Array): SecretKey | null {
    if (bytes.length !== 64) return null;
    const seed = bytes.slice(0, 32);
    const sk = SecretKey.fromSeed(seed);
    wipe(seed);
    if (!sodium().memcmp(sk.bytes_.subarray(32), bytes.subarray(32))) {
      sk.wipe();
      return null;
    }
    return sk;
  }

  /** Parses the lowercase-hex form; null as fromBytes. */
  static fromHex(hex: string): SecretKey | null {
    const bytes = fromHex(hex, 64);
    if (!bytes) return null;
    const sk = SecretKey.fromBytes(bytes);
    wipe(bytes);
    return sk;
  }

  /** The 64-byte form without copying; callers must not modify it. */
  get raw(): Uint8Array {
    return this.bytes_;
  }
  /** The public half. */
  publicKey(): PublicKey {
    return PublicKey.fromBytes(this.bytes_.subarray(32))!;
  }
  /** The detached signature over `message`. */
  sign(message: Uint8Array): Uint8Array {
    return sodium().crypto_sign_detached(message, this.bytes_);
  }
  /** The X25519 form of this key, for opening sealed boxes; the caller wipes it. */
  curve25519(): Uint8Array {
    return sodium().crypto_sign_ed25519_sk_to_curve25519(this.bytes_);
  }
  /** Overwrites the key with zeros; it must not be used afterwards. */
  wipe(): void {
    wipe(this.bytes_);
  }
}
