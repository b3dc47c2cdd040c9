// Byte strings, their lowercase-hex form as CVP1 carries them in JSON, and LE64.
import { sodium } from "./sodium.js";

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30; // 0-9
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10; // a-f
  return -1;
}

/**
 * Parses lowercase hex. Returns null on odd length, upper case or any non-hex character:
 * CVP1 has one encoding for each byte string, so every other spelling is rejected. With
 * `length`, also null unless the result has exactly that many bytes.
 */
export function fromHex(hex: string, length?: number): Uint8Array | null {
  if (typeof hex !== "string" || hex.length % 2 !== 0) return null;
  if (length !== undefined && hex.length !== 2 * length) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; ++i) {
    const hi = hexValue(hex.charCodeAt(2 * i));
    const lo = hexValue(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return null;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Like fromHex, but throws on malformed input: for trusted constants and test data. */
export function hexBytes(hex: string, length?: number): Uint8Array {
  const out = fromHex(hex, length);
  if (!out) throw new Error(`not lowercase hex${length === undefined ? "" : ` of ${length} bytes`}`);
  return out;
}

/** The UTF-8 bytes of `text`, without a terminator. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** An unsigned integer below 2^64, as a number (must be a safe integer) or a bigint. */
export type U64 = number | bigint;

const U64_MAX = (1n << 64n) - 1n;

/** LE64(n): 8 bytes little-endian. Throws RangeError for a negative, fractional or too large n. */
export function le64(n: U64): Uint8Array {
  if (typeof n === "number" && !Number.isSafeInteger(n)) throw new RangeError("le64: not a safe integer");
  let v = BigInt(n);
  if (v < 0n || v > U64_MAX) throw new RangeError("le64: outside 0..2^64-1");
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; ++i) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Reads LE64 at `offset` of `bytes` as a bigint. */
export function readLe64(bytes: Uint8Array, offset = 0): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; --i) v = (v << 8n) | BigInt(bytes[offset + i]!);
  return v;
}

/** The concatenation of `parts`. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Whether two byte strings are equal, in constant time for equally long ones. */
export function equalConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return sodium().memcmp(a, b);
}

/** Plain byte equality, for public values. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; ++i) if (a[i] !== b[i]) return false;
  return true;
}

/** Unsigned lexicographic order (memcmp), negative / 0 / positive. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ++i) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Overwrites `bytes` with zeros (secrets after use). */
export function wipe(bytes: Uint8Array): void {
  sodium().memzero(bytes);
}

/** Whether every byte is zero. */
export function isZero(bytes: Uint8Array): boolean {
  let acc = 0;
  for (const b of bytes) acc |= b;
  return acc === 0;
}
