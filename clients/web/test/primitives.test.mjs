// The building blocks: hex and LE64, the seeded stream, scalars and points (canonical checks and
// identity handling), Ed25519 keys, board digests and the tracking code's display form.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cvp1 } from "./support.mjs";

before(async () => {
  await cvp1.ready();
});

const Q_HEX = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";
const Q_MINUS_1_HEX = "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

describe("bytes", () => {
  test("hex round trip; only lowercase hex of the right length parses", () => {
    assert.equal(cvp1.toHex(Uint8Array.from([0, 15, 16, 255])), "000f10ff");
    assert.deepEqual(cvp1.fromHex("000f10ff"), Uint8Array.from([0, 15, 16, 255]));
    assert.deepEqual(cvp1.fromHex(""), new Uint8Array(0));
    assert.equal(cvp1.fromHex("0F"), null);
    assert.equal(cvp1.fromHex("abc"), null);
    assert.equal(cvp1.fromHex("zz"), null);
    assert.equal(cvp1.fromHex("00", 2), null);
    assert.throws(() => cvp1.hexBytes("AB"));
  });

  test("LE64 of numbers and bigints; out of range refused", () => {
    assert.equal(cvp1.toHex(cvp1.le64(1)), "0100000000000000");
    assert.equal(cvp1.toHex(cvp1.le64(0x0102030405)), "0504030201000000");
    assert.equal(cvp1.toHex(cvp1.le64(2n ** 64n - 1n)), "ffffffffffffffff");
    assert.equal(cvp1.readLe64(cvp1.le64(2n ** 63n + 5n)), 2n ** 63n + 5n);
    assert.throws(() => cvp1.le64(-1), RangeError);
    assert.throws(() => cvp1.le64(2n ** 64n), RangeError);
    assert.throws(() => cvp1.le64(2 ** 60), RangeError); // not a safe integer: pass a bigint
    assert.throws(() => cvp1.le64(1.5), RangeError);
  });

  test("byte order and equality", () => {
    assert.ok(cvp1.compareBytes(Uint8Array.from([1, 2]), Uint8Array.from([1, 3])) < 0);
    assert.ok(cvp1.compareBytes(Uint8Array.from([200]), Uint8Array.from([3, 0])) > 0);
    assert.ok(cvp1.equalConstantTime(Uint8Array.from([1, 2]), Uint8Array.from([1, 2])));
    assert.equal(cvp1.equalConstantTime(Uint8Array.from([1, 2]), Uint8Array.from([1, 3])), false);
    assert.equal(cvp1.equalConstantTime(Uint8Array.from([1]), Uint8Array.from([1, 0])), false);
  });
});

describe("seeded random", () => {
  test("same label, same stream; each call a fresh nonce", () => {
    const a = new cvp1.SeededRandom("seed");
    const b = new cvp1.SeededRandom("seed");
    const c = new cvp1.SeededRandom("other");
    const fill = (src, n) => {
      const out = new Uint8Array(n);
      src.fill(out);
      return cvp1.toHex(out);
    };
    const first = fill(a, 64);
    assert.equal(fill(b, 64), first);
    assert.notEqual(fill(c, 64), first);
    const second = fill(a, 64);
    assert.notEqual(second, first);
    // Call i is the keystream under nonce LE64(i) from its start: a short call is a prefix.
    const d = new cvp1.SeededRandom("seed");
    assert.equal(fill(d, 16), first.slice(0, 32));
    assert.equal(fill(d, 64), second);
  });

  test("the system source fills buffers of any size, and differently each time", () => {
    const big = new Uint8Array(65536 * 2 + 10);
    cvp1.systemRandom.fill(big);
    assert.ok(!cvp1.isZero(big.subarray(0, 32)));
    assert.ok(!cvp1.isZero(big.subarray(big.length - 32)));
    const a = new Uint8Array(32);
    const b = new Uint8Array(32);
    cvp1.systemRandom.fill(a);
    cvp1.systemRandom.fill(b);
    assert.notDeepEqual(a, b);
    cvp1.systemRandom.fill(new Uint8Array(0));
  });

  test("a 32-byte seed and its label form agree", () => {
    const seed = new Uint8Array(32).fill(7);
    const x = new Uint8Array(10);
    const y = new Uint8Array(10);
    new cvp1.SeededRandom(seed).fill(x);
    new cvp1.SeededRandom(Uint8Array.from(seed)).fill(y);
    assert.deepEqual(x, y);
    assert.throws(() => new cvp1.SeededRandom(new Uint8Array(31)), RangeError);
  });
});

describe("scalars", () => {
  test("canonical below q only", () => {
    assert.equal(cvp1.Scalar.fromHex(Q_HEX), null);
    assert.ok(cvp1.Scalar.fromHex(Q_MINUS_1_HEX));
    assert.equal(cvp1.Scalar.fromHex("ff".repeat(32)), null);
    assert.equal(cvp1.Scalar.fromHex("00".repeat(31)), null);
    assert.ok(cvp1.Scalar.fromHex("00".repeat(32)).isZero());
  });

  test("arithmetic modulo q", () => {
    const qm1 = cvp1.Scalar.fromHex(Q_MINUS_1_HEX);
    const one = cvp1.Scalar.fromU64(1);
    assert.ok(qm1.add(one).isZero());
    assert.ok(qm1.equals(one.negate()));
    assert.ok(cvp1.Scalar.zero().sub(one).equals(qm1));
    const seven = cvp1.Scalar.fromU64(7);
    assert.ok(seven.mul(seven.inverse()).equals(one));
    assert.equal(cvp1.Scalar.zero().inverse(), null);
    assert.ok(cvp1.Scalar.fromU64(6).equals(cvp1.Scalar.fromU64(2).mul(cvp1.Scalar.fromU64(3))));
    assert.throws(() => cvp1.Scalar.fromU64(-1), RangeError);
  });

  test("random scalars draw 64 bytes each and are reduced", () => {
    const a = cvp1.Scalar.random(new cvp1.SeededRandom("scalar"));
    const wide = new Uint8Array(64);
    new cvp1.SeededRandom("scalar").fill(wide);
    assert.ok(a.equals(cvp1.Scalar.reduceWide(wide)));
    assert.ok(!cvp1.Scalar.randomNonzero().isZero());
  });

  test("wipe zeroes the value", () => {
    const s = cvp1.Scalar.fromU64(99);
    s.wipe();
    assert.ok(s.isZero());
  });
});

describe("points", () => {
  test("identity handling: no exception where libsodium reports an identity result", () => {
    const G = cvp1.Point.generator();
    const zero = cvp1.Scalar.zero();
    assert.ok(cvp1.Point.baseMul(zero).isIdentity());
    assert.ok(G.mul(zero).isIdentity());
    assert.ok(cvp1.Point.identity().mul(cvp1.Scalar.fromU64(5)).isIdentity());
    assert.ok(G.sub(G).isIdentity());
    assert.ok(cvp1.Point.identity().add(G).equals(G));
    assert.ok(G.add(cvp1.Point.identity()).equals(G));
    assert.ok(G.sub(cvp1.Point.identity()).equals(G));
    assert.ok(cvp1.Point.identity().sub(G).add(G).isIdentity());
    const q1 = cvp1.Scalar.fromHex(Q_MINUS_1_HEX);
    assert.ok(G.mul(q1).add(G).isIdentity());
  });

  test("parsing accepts the identity and canonical points only", () => {
    assert.ok(cvp1.Point.fromHex("00".repeat(32)).isIdentity());
    const G = cvp1.Point.generator();
    assert.ok(cvp1.Point.fromHex(G.hex()).equals(G));
    assert.equal(cvp1.Point.fromHex("ff".repeat(32)), null);
    assert.equal(cvp1.Point.fromHex("01" + "00".repeat(31)), null);
    assert.equal(cvp1.Point.fromHex(G.hex().toUpperCase()), null);
    assert.equal(cvp1.Point.fromHex(G.hex().slice(2)), null);
    const high = Uint8Array.from(G.bytes());
    high[31] |= 0x80; // bit 255: a second spelling of G, refused
    assert.equal(cvp1.Point.fromBytes(high), null);
    const highIdentity = new Uint8Array(32);
    highIdentity[31] = 0x80;
    assert.equal(cvp1.Point.fromBytes(highIdentity), null);
  });

  test("small multiples add up", () => {
    const five = cvp1.Point.smallMultiple(5);
    let sum = cvp1.Point.identity();
    for (let i = 0; i < 5; ++i) sum = sum.add(cvp1.Point.generator());
    assert.ok(sum.equals(five));
    assert.ok(cvp1.Point.smallMultiple(0).isIdentity());
  });
});

describe("Ed25519", () => {
  test("sign and verify; wrong key, message or signature refused", () => {
    const sk = cvp1.SecretKey.generate(new cvp1.SeededRandom("signer"));
    const other = cvp1.SecretKey.generate(new cvp1.SeededRandom("other signer"));
    const msg = cvp1.utf8("digest");
    const sig = sk.sign(msg);
    assert.equal(sig.length, 64);
    assert.ok(sk.publicKey().verify(msg, sig));
    assert.equal(other.publicKey().verify(msg, sig), false);
    assert.equal(sk.publicKey().verify(cvp1.utf8("digesT"), sig), false);
    assert.equal(sk.publicKey().verify(msg, sig.subarray(1)), false);
    const bad = Uint8Array.from(sig);
    bad[0] ^= 1;
    assert.equal(sk.publicKey().verify(msg, bad), false);
  });

  test("keys parse only when consistent and usable", () => {
    const sk = cvp1.SecretKey.generate(new cvp1.SeededRandom("signer"));
    assert.ok(cvp1.SecretKey.fromHex(cvp1.toHex(sk.raw)).publicKey().equals(sk.publicKey()));
    const mismatched = Uint8Array.from(sk.raw);
    mismatched[40] ^= 1;
    assert.equal(cvp1.SecretKey.fromBytes(mismatched), null);
    assert.equal(cvp1.PublicKey.fromHex("00".repeat(32)), null); // small order
    assert.equal(cvp1.PublicKey.fromHex("ab".repeat(16)), null);
    const seed = new Uint8Array(32);
    new cvp1.SeededRandom("signer").fill(seed);
    assert.ok(cvp1.SecretKey.fromSeed(seed).publicKey().equals(sk.publicKey()));
  });

  test("a box sealed to a device key opens only with that key", () => {
    const a = cvp1.SecretKey.generate(new cvp1.SeededRandom("a"));
    const b = cvp1.SecretKey.generate(new cvp1.SeededRandom("b"));
    const sealed = cvp1.sealTo(a.publicKey(), cvp1.utf8("share"));
    assert.equal(sealed.length, 5 + 48);
    assert.deepEqual(cvp1.openSealed(a, sealed), cvp1.utf8("share"));
    assert.equal(cvp1.openSealed(b, sealed), null);
    const altered = Uint8Array.from(sealed);
    altered[50] ^= 1;
    assert.equal(cvp1.openSealed(a, altered), null);
    assert.equal(cvp1.openSealed(a, sealed.subarray(0, 47)), null);
  });
});

describe("board digests and tracking codes", () => {
  test("the event chain, check-in, auth and enroll digests depend on every input", () => {
    const pk = cvp1.SecretKey.generate(new cvp1.SeededRandom("delegate")).publicKey();
    const e0 = cvp1.entryHash(0, cvp1.genesisHash(), "sitting_opened", "{}");
    assert.equal(e0.length, 32);
    assert.notDeepEqual(cvp1.entryHash(1, cvp1.genesisHash(), "sitting_opened", "{}"), e0);
    assert.notDeepEqual(cvp1.entryHash(0, cvp1.genesisHash(), "sitting_opened", "{ }"), e0);
    assert.notDeepEqual(cvp1.entryHash(0, e0, "sitting_opened", "{}"), e0);
    const c = cvp1.checkinDigest("s", pk, 1795766400000);
    assert.notDeepEqual(cvp1.checkinDigest("s", pk, 1795766400001), c);
    const a = cvp1.authDigest("c", Uint8Array.from([1]), Uint8Array.from([2]), pk);
    assert.notDeepEqual(cvp1.authDigest("c", Uint8Array.from([2]), Uint8Array.from([1]), pk), a);
    const en = cvp1.enrollDigest("c", "0001", "7ZK3M0QHX4TB9C2D", pk);
    assert.notDeepEqual(cvp1.enrollDigest("c", "0002", "7ZK3M0QHX4TB9C2D", pk), en);
    const r = cvp1.receiptDigest(e0, 5n, c);
    assert.notDeepEqual(cvp1.receiptDigest(e0, 6, c), r);
  });

  test("activity check-in: the known answer of CVP1 §6, every input counts, apart from a sitting's", () => {
    // tests/crypto/board_test.cpp ActivityCheckinDigestKnownAnswer: the key of 32 seed bytes 0x03,
    // activity "A1", 2026-01-01T00:00:00.123Z.
    const pk = cvp1.SecretKey.fromSeed(new Uint8Array(32).fill(3)).publicKey();
    const ms = 1767225600123n;
    const a = cvp1.activityCheckinDigest("A1", pk, ms);
    assert.equal(cvp1.toHex(a), "a5dabd66703f9cf476fa4861724cb22f6276e80b99d1429d6ce2a28aacd86ecb");
    assert.equal(cvp1.toHex(cvp1.activityCheckinDigest("A1", pk, Number(ms))), cvp1.toHex(a));
    assert.notDeepEqual(cvp1.activityCheckinDigest("A1", pk, ms + 1n), a);
    assert.notDeepEqual(cvp1.activityCheckinDigest("A2", pk, ms), a);
    const other = cvp1.SecretKey.fromSeed(new Uint8Array(32).fill(4)).publicKey();
    assert.notDeepEqual(cvp1.activityCheckinDigest("A1", other, ms), a);
    assert.notDeepEqual(cvp1.checkinDigest("A1", pk, ms), a);
  });

  test("standby handover: the known answer of crypto/SPEC.md §6, every input counts", () => {
    // tests/crypto/board_test.cpp HandoverDigestKnownAnswer: the congress key of 32 seed bytes
    // 0x03, the standby key of 0x04, congress "congress-demo", from seq 42.
    const congress = cvp1.SecretKey.fromSeed(new Uint8Array(32).fill(3)).publicKey();
    const standby = cvp1.SecretKey.fromSeed(new Uint8Array(32).fill(4)).publicKey();
    const h = cvp1.handoverDigest("congress-demo", congress, standby, 42n);
    assert.equal(cvp1.toHex(h), "f1ffabb1a6c65b6e6e6339c4598cfda306d36d41679ec074e4186670227076cb");
    assert.equal(cvp1.toHex(cvp1.handoverDigest("congress-demo", congress, standby, 42)), cvp1.toHex(h));
    assert.notDeepEqual(cvp1.handoverDigest("congress-other", congress, standby, 42), h);
    assert.notDeepEqual(cvp1.handoverDigest("congress-demo", standby, congress, 42), h);
    assert.notDeepEqual(cvp1.handoverDigest("congress-demo", congress, standby, 43), h);
  });

  test("display: 80 bits, Crockford base32, four groups of four", () => {
    assert.equal(cvp1.trackingCodeDisplay(new Uint8Array(32)), "0000-0000-0000-0000");
    assert.equal(cvp1.trackingCodeDisplay(new Uint8Array(32).fill(255)), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    const code = new Uint8Array(32);
    code[0] = 0b00001000; // the first 5-bit group is 1, the second starts with 000
    code[1] = 0b01000000; // … and ends with 01: 1
    code[9] = 0b00011111; // the last group is 31
    code[10] = 0xff; // beyond the shown bytes
    assert.equal(cvp1.trackingCodeDisplay(code), "1100-0000-0000-000Z");
    const value = Uint8Array.from([0x55, 0xaa, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0]);
    assert.match(cvp1.trackingCodeDisplay(value), /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  test("a typed code is normalised the Crockford way", () => {
    assert.equal(cvp1.normaliseTrackingCode("7zk3 m0qh-x4tb-9c2d"), "7ZK3-M0QH-X4TB-9C2D");
    assert.equal(cvp1.normaliseTrackingCode("IL0O-0000-0000-0000"), "1100-0000-0000-0000");
    assert.equal(cvp1.normaliseTrackingCode("7ZK3-M0QH-X4TB-9C2"), null);
    assert.equal(cvp1.normaliseTrackingCode("7ZK3-M0QH-X4TB-9C2U"), null);
  });
});
