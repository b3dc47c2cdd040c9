// Where randomness comes from. Production code draws from the system; tests and test vectors
// inject a seeded source so that every output is reproducible, byte for byte the same as the
// C++ library's (crypto/random.hpp).
import { le64, utf8, wipe } from "./bytes.js";
import { sodium } from "./sodium.js";

/** A source of random bytes. */
export interface RandomSource {
  /** Fills `out` with random bytes. */
  fill(out: Uint8Array): void;
}

// getRandomValues fills at most this many bytes per call.
const WEB_CRYPTO_CHUNK = 65536;

/**
 * The platform's cryptographic random source: Web Crypto's getRandomValues, which is also what
 * libsodium.js draws from, called directly (libsodium.js's randombytes asks it for 4 bytes at a
 * time, which made ballots twice as slow); libsodium's randombytes where Web Crypto is absent.
 */
export const systemRandom: RandomSource = {
  fill(out: Uint8Array): void {
    const webCrypto = globalThis.crypto;
    if (webCrypto !== undefined && typeof webCrypto.getRandomValues === "function") {
      for (let at = 0; at < out.length; at += WEB_CRYPTO_CHUNK) {
        webCrypto.getRandomValues(out.subarray(at, Math.min(out.length, at + WEB_CRYPTO_CHUNK)));
      }
      return;
    }
    out.set(sodium().randombytes_buf(out.length));
  },
};

/**
 * A deterministic stream: ChaCha20 keyed by a 32-byte seed; each fill() call takes the
 * keystream from its start under a fresh 8-byte nonce, LE64 of the call counter. Same output
 * as the C++ seeded_random. For tests and test vectors only: never for keys or nonces of a
 * real sitting.
 */
export class SeededRandom implements RandomSource {
  private readonly key: Uint8Array;
  private block = 0n;

  /** Seeds from 32 bytes, or from the BLAKE2b-256 of a label string. */
  constructor(seed: Uint8Array | string) {
    if (typeof seed === "string") {
      this.key = sodium().crypto_generichash(32, utf8(seed), null);
    } else {
      if (seed.length !== 32) throw new RangeError("SeededRandom: the seed is 32 bytes");
      this.key = Uint8Array.from(seed);
    }
  }

  /** Fills `out` with the next call's keystream. */
  fill(out: Uint8Array): void {
    const nonce = le64(this.block);
    this.block += 1n;
    if (out.length === 0) return;
    const stream = sodium().crypto_stream_chacha20(out.length, this.key, nonce);
    out.set(stream);
    wipe(stream);
  }

  /** Wipes the key; the source must not be used afterwards. */
  dispose(): void {
    wipe(this.key);
  }
}
