// The CVP1 hash functions H, H32 and Hs (§1): BLAKE2b over framed parts,
//   frame("cvp1") ‖ frame(tag) ‖ frame(p1) ‖ … ‖ frame(pn),  frame(x) = LE64(len(x)) ‖ x.
import { concat, le64, U64, utf8 } from "./bytes.js";
import { Point, Scalar } from "./group.js";
import { sodium } from "./sodium.js";

/**
 * Collects the framed parts of one hash input, then yields H, H32 or Hs of it. Each call
 * appends exactly one part; a list is its count (u64) followed by its items.
 */
export class Transcript {
  private readonly parts: Uint8Array[] = [];

  /** Starts the input frame("cvp1") ‖ frame(tag). */
  constructor(tag: string) {
    this.str("cvp1").str(tag);
  }

  /** Appends the UTF-8 bytes of `text` as one part. */
  str(text: string): this {
    return this.raw(utf8(text));
  }
  /** Appends LE64(n) as one part. */
  u64(n: U64): this {
    return this.raw(le64(n));
  }
  /** Appends raw bytes as one part. */
  raw(bytes: Uint8Array): this {
    this.parts.push(le64(bytes.length), Uint8Array.from(bytes));
    return this;
  }
  /** Appends a point's or a scalar's 32-byte encoding as one part. */
  add(value: Point | Scalar): this {
    return this.raw(value.raw);
  }

  /** The framed input so far. */
  input(): Uint8Array {
    return concat(...this.parts);
  }
  /** BLAKE2b-512 of the input. */
  h(): Uint8Array {
    return sodium().crypto_generichash(64, this.input(), null);
  }
  /** BLAKE2b-256 of the input (not a truncation of h()). */
  h32(): Uint8Array {
    return sodium().crypto_generichash(32, this.input(), null);
  }
  /** h() reduced modulo q. */
  hs(): Scalar {
    return Scalar.reduceWide(this.h());
  }
}
