// The bulletin board's digests (CVP1 §2 and §6, crypto/board.hpp): the event hash chain, the
// check-in statements (a sitting's and an activity's), the connection challenge and the
// enrollment statement. Pure functions.
import { Transcript } from "./hash.js";
import { PublicKey } from "./sign.js";

/** The prev_hash of event 0: 32 zero bytes. */
export function genesisHash(): Uint8Array {
  return new Uint8Array(32);
}

/** entry_hash = H32("event", LE64(seq), prev_hash, type, payload); payload is the exact JSON text. */
export function entryHash(seq: number | bigint, prevHash: Uint8Array, type: string, payload: string): Uint8Array {
  return new Transcript("event").u64(seq).raw(prevHash).str(type).str(payload).h32();
}

/** H32("checkin", sitting_id, delegate_pk, LE64(unix_ms)): what a delegate signs to check in. */
export function checkinDigest(sittingId: string, delegatePk: PublicKey, unixMs: number | bigint): Uint8Array {
  return new Transcript("checkin").str(sittingId).raw(delegatePk.raw).u64(unixMs).h32();
}

/**
 * H32("activity-checkin", activity_id, delegate_pk, LE64(unix_ms)): what a delegate signs to
 * check in to an activity between meetings (CVP1 §6). Its label keeps it apart from a sitting's.
 */
export function activityCheckinDigest(activityId: string, delegatePk: PublicKey, unixMs: number | bigint): Uint8Array {
  return new Transcript("activity-checkin").str(activityId).raw(delegatePk.raw).u64(unixMs).h32();
}

/** H32("auth", congress_id, server_nonce, client_nonce, device_pk): what a device signs to log in. */
export function authDigest(congressId: string, serverNonce: Uint8Array, clientNonce: Uint8Array, devicePk: PublicKey): Uint8Array {
  return new Transcript("auth").str(congressId).raw(serverNonce).raw(clientNonce).raw(devicePk.raw).h32();
}

/**
 * H32("enroll", congress_id, person_number, code, device_pk): what a new device signs to bind
 * its key to a one-time enrollment code (the code's 16 characters without separators).
 */
export function enrollDigest(congressId: string, personNumber: string, code: string, devicePk: PublicKey): Uint8Array {
  return new Transcript("enroll").str(congressId).str(personNumber).str(code).raw(devicePk.raw).h32();
}

/**
 * H32("possession", congress_id, person_number, device_pk): what a new device also signs at
 * enrollment, so that the record proves the device made its key (no secret in it).
 */
export function possessionDigest(congressId: string, personNumber: string, devicePk: PublicKey): Uint8Array {
  return new Transcript("possession").str(congressId).str(personNumber).raw(devicePk.raw).h32();
}

/**
 * H32("standby-handover", congress_id, congress_pk, standby_pk, LE64(from_seq)): what the
 * congress key signs to certify a standby machine's key for board entries from `fromSeq` on
 * (crypto/SPEC.md §6, "Who signs entry_hash"); a `server_handover` event carries the signature.
 */
export function handoverDigest(congressId: string, congressPk: PublicKey, standbyPk: PublicKey, fromSeq: number | bigint): Uint8Array {
  return new Transcript("standby-handover").str(congressId).raw(congressPk.raw).raw(standbyPk.raw).u64(fromSeq).h32();
}
