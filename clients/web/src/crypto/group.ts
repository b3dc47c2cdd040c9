// The ristretto255 group of CVP1 §1: scalars modulo q and points, as immutable values that are
// valid by construction. Parsing validates; arithmetic cannot produce an invalid value.
// libsodium throws when a scalar multiplication's result is the identity; this module returns
// the identity instead, as the C++ library (crypto/group.hpp) does.
import { fromHex, isZero, toHex, equalBytes, equalConstantTime, wipe } from "./bytes.js";
import { RandomSource, systemRandom } from "./random.js";
import { sodium } from "./sodium.js";

// q = 2^252 + 27742317777372353535851937790883648493, little-endian.
const GROUP_ORDER = Uint8Array.from([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
]);

/** Whether the 32-byte little-endian integer `s` is below q; runs over every byte. */
export function isCanonicalScalar(s: Uint8Array): boolean {
  if (s.length !== 32) return false;
  let borrow = 0; // s - q, keeping the final borrow: 1 iff s < q
  for (let i = 0; i < 32; ++i) {
    const diff = s[i]! - GROUP_ORDER[i]! - borrow;
    borrow = (diff >>> 8) & 1;
  }
  return borrow === 1;
}

/**
 * An integer modulo the group order q, always canonical (< q). May hold a secret: wipe() it
 * after use. Equality is constant time.
 */
export class Scalar {
  /** Bytes of the encoding. */
  static readonly size = 32;
  private readonly bytes_: Uint8Array;

  private constructor(bytes: Uint8Array) {
    this.bytes_ = bytes;
  }

  /** Zero. */
  static zero(): Scalar {
    return new Scalar(new Uint8Array(32));
  }

  /** Parses 32 little-endian bytes; null unless exactly 32 bytes encoding a value < q. */
  static fromBytes(bytes: Uint8Array): Scalar | null {
    if (bytes.length !== 32 || !isCanonicalScalar(bytes)) return null;
    return new Scalar(Uint8Array.from(bytes));
  }

  /** Parses the lowercase-hex form; null on any malformation or a non-canonical value. */
  static fromHex(hex: string): Scalar | null {
    const bytes = fromHex(hex, 32);
    if (!bytes) return null;
    const s = Scalar.fromBytes(bytes);
    wipe(bytes);
    return s;
  }

  /** The small integer n (0 ≤ n < 2^64). */
  static fromU64(n: number | bigint): Scalar {
    let v = BigInt(n);
    if (v < 0n || v >= 1n << 64n) throw new RangeError("Scalar.fromU64: outside 0..2^64-1");
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; ++i) {
      out[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return new Scalar(out);
  }

  /** The 64-byte little-endian integer `wide` reduced modulo q (Hs uses this). */
  static reduceWide(wide: Uint8Array): Scalar {
    if (wide.length !== 64) throw new RangeError("Scalar.reduceWide: 64 bytes expected");
    return new Scalar(sodium().crypto_core_ristretto255_scalar_reduce(wide));
  }

  /** A uniformly random scalar, possibly zero (64 random bytes reduced modulo q). */
  static random(source: RandomSource = systemRandom): Scalar {
    const wide = new Uint8Array(64);
    source.fill(wide);
    const s = Scalar.reduceWide(wide);
    wipe(wide);
    return s;
  }

  /** A uniformly random nonzero scalar (draws again on zero, like the C++). */
  static randomNonzero(source: RandomSource = systemRandom): Scalar {
    for (;;) {
      const s = Scalar.random(source);
      if (!s.isZero()) return s;
    }
  }

  /** A copy of the 32-byte encoding. */
  bytes(): Uint8Array {
    return Uint8Array.from(this.bytes_);
  }
  /** The encoding without copying; callers must not modify it. */
  get raw(): Uint8Array {
    return this.bytes_;
  }
  /** The lowercase-hex form. */
  hex(): string {
    return toHex(this.bytes_);
  }
  /** Whether the value is zero (not constant time). */
  isZero(): boolean {
    return isZero(this.bytes_);
  }
  /** The multiplicative inverse; null for zero. */
  inverse(): Scalar | null {
    if (this.isZero()) return null;
    return new Scalar(sodium().crypto_core_ristretto255_scalar_invert(this.bytes_));
  }
  /** this + b mod q, a new scalar. */
  add(b: Scalar): Scalar {
    return new Scalar(sodium().crypto_core_ristretto255_scalar_add(this.bytes_, b.bytes_));
  }
  /** this − b mod q. */
  sub(b: Scalar): Scalar {
    return new Scalar(sodium().crypto_core_ristretto255_scalar_sub(this.bytes_, b.bytes_));
  }
  /** this · b mod q. */
  mul(b: Scalar): Scalar {
    return new Scalar(sodium().crypto_core_ristretto255_scalar_mul(this.bytes_, b.bytes_));
  }
  /** −this mod q. */
  negate(): Scalar {
    return new Scalar(sodium().crypto_core_ristretto255_scalar_negate(this.bytes_));
  }
  /** Constant time. */
  equals(b: Scalar): boolean {
    return equalConstantTime(this.bytes_, b.bytes_);
  }
  /** Overwrites the value with zero (for secrets after use). */
  wipe(): void {
    wipe(this.bytes_);
  }
}

/**
 * A ristretto255 group element in its canonical 32-byte encoding. The identity (32 zero
 * bytes) is a valid point; CVP1 forbids it in some places, which their parsers check.
 */
export class Point {
  /** Bytes of the encoding. */
  static readonly size = 32;
  private readonly bytes_: Uint8Array;
  private static generator_: Point | null = null;

  private constructor(bytes: Uint8Array) {
    this.bytes_ = bytes;
  }

  /** The identity. */
  static identity(): Point {
    return new Point(new Uint8Array(32));
  }

  /** Parses a canonical encoding; null for anything that is not a valid point. */
  static fromBytes(bytes: Uint8Array): Point | null {
    if (bytes.length !== 32) return null;
    // RFC 9496: bit 255 is clear in every encoding (some libsodium versions ignore it).
    if ((bytes[31] & 0x80) !== 0) return null;
    if (isZero(bytes)) return Point.identity();
    if (!sodium().crypto_core_ristretto255_is_valid_point(bytes)) return null;
    return new Point(Uint8Array.from(bytes));
  }

  /** Parses the lowercase-hex form. */
  static fromHex(hex: string): Point | null {
    const bytes = fromHex(hex, 32);
    return bytes ? Point.fromBytes(bytes) : null;
  }

  /** The standard base point G. */
  static generator(): Point {
    if (!Point.generator_) Point.generator_ = Point.baseMul(Scalar.fromU64(1));
    return Point.generator_;
  }

  /** k·G; the identity when k is zero. */
  static baseMul(k: Scalar): Point {
    if (k.isZero()) return Point.identity();
    try {
      return new Point(sodium().crypto_scalarmult_ristretto255_base(k.raw));
    } catch {
      return Point.identity(); // libsodium reports an identity result as an error
    }
  }

  /** n·G for a small integer n (vote values, counts). */
  static smallMultiple(n: number | bigint): Point {
    return Point.baseMul(Scalar.fromU64(n));
  }

  /** A copy of the 32-byte encoding. */
  bytes(): Uint8Array {
    return Uint8Array.from(this.bytes_);
  }
  /** The encoding without copying; callers must not modify it. */
  get raw(): Uint8Array {
    return this.bytes_;
  }
  /** The lowercase-hex form. */
  hex(): string {
    return toHex(this.bytes_);
  }
  /** Whether this is the identity (32 zero bytes). */
  isIdentity(): boolean {
    return isZero(this.bytes_);
  }

  /** this + b. */
  add(b: Point): Point {
    if (this.isIdentity()) return b;
    if (b.isIdentity()) return this;
    return new Point(sodium().crypto_core_ristretto255_add(this.bytes_, b.bytes_));
  }

  /** this − b. */
  sub(b: Point): Point {
    if (b.isIdentity()) return this;
    return new Point(sodium().crypto_core_ristretto255_sub(this.bytes_, b.bytes_));
  }

  /** k·this; the identity when the product is the identity. */
  mul(k: Scalar): Point {
    if (this.isIdentity() || k.isZero()) return Point.identity();
    try {
      return new Point(sodium().crypto_scalarmult_ristretto255(k.raw, this.bytes_));
    } catch {
      return Point.identity(); // libsodium reports an identity result as an error
    }
  }

  /** Byte equality of the encodings (points are public). */
  equals(b: Point): boolean {
    return equalBytes(this.bytes_, b.bytes_);
  }
}
