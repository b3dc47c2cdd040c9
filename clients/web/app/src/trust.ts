// What a tablet checks before it encrypts: the vote's joint key, manifest, roster and election
// hash recomputed from its own checked copy of the board (the scrutineers' keygen messages and
// confirmations), never taken on the server's word (protocol/PROTOCOL.md §8b). The same checks as
// the C++ session's check_vote_basis.
import {
  CeremonyParams,
  type KeygenMessage,
  PublicKey,
  checkConfirmation,
  checkKeygenMessage,
  computeCeremonyKeys,
  electionHash,
  fromHex,
  keyDigest,
  keygenMessageFromJson,
  manifestHash,
  rosterHash,
  toHex,
} from "../../src/crypto/index.js";
import type { VoteKeys } from "./ballot";
import type { BoardEvent, OpenBoardEvent } from "./client";
import { eventsOf, isOpenEvent, payloadOf } from "./events";

/** Why a vote's basis was refused; each has a text `trust_<code>` in the string tables. */
export type TrustProblem =
  | "vote_unknown"
  | "ceremony_missing"
  | "scrutineer_key_unknown"
  | "ceremony_mismatch"
  | "keygen_invalid"
  | "confirmation_invalid"
  | "joint_key_mismatch"
  | "manifest_mismatch"
  | "roster_mismatch"
  | "not_in_roster"
  | "election_hash_mismatch";

export type BasisCheck = { basis: VoteKeys; problem?: undefined } | { basis?: undefined; problem: TrustProblem };

/**
 * The basis to encrypt `voteId` to, checked against the board `events` (each already checked by
 * hash and congress signature, and by its chain link where the seqs are consecutive: a tablet's
 * `basis` board leaves the ballots out, none of which a basis rests on) of congress
 * `congressId`, for the device key `myPk`, which must be in the vote's roster. Fails with the
 * first problem found.
 */
export function checkVoteBasis(events: readonly BoardEvent[], congressId: string, voteId: string, myPk: PublicKey): BasisCheck {
  const fail = (problem: TrustProblem): BasisCheck => ({ problem });
  const created = eventsOf(events, "vote_created").find((e) => e.payload.vote_id === voteId);
  const opened = eventsOf(events, "vote_opened").find((e) => e.payload.vote_id === voteId);
  if (!created || !opened) return fail("vote_unknown");
  const sittingId = String(created.payload.sitting_id);

  // The ceremony in force when the vote opened: the last one started before it, with the keys
  // its scrutineers had enrolled by then.
  const devices = new Map<string, string>();
  let started: OpenBoardEvent<"ceremony_started"> | undefined;
  for (const e of events) {
    if (e.seq >= opened.seq) break;
    const enrolled = payloadOf(e, "device_enrolled");
    if (enrolled) devices.set(String(enrolled.person), String(enrolled.device_pk));
    if (isOpenEvent(e, "ceremony_started") && e.payload.sitting_id === sittingId) started = e;
  }
  if (!started) return fail("ceremony_missing");
  const appointed = started.payload.scrutineers ?? [];
  const keys: PublicKey[] = [];
  for (const [i, s] of appointed.entries()) {
    const pk = PublicKey.fromHex(String(s.pk));
    if (!pk || s.index !== i + 1 || devices.get(String(s.person)) !== pk.hex()) return fail("scrutineer_key_unknown");
    keys.push(pk);
  }
  const params = CeremonyParams.create(congressId, sittingId, keys, Number(started.payload.k));
  if (!params || toHex(params.ceremonyId) !== started.payload.ceremony_id) return fail("ceremony_mismatch");

  // Every dealer's message checks, and all n confirmations sign the key digest.
  const messages: (KeygenMessage | undefined)[] = new Array(params.n);
  const confirmations: (Uint8Array | undefined)[] = new Array(params.n);
  for (const e of events) {
    if (e.seq <= started.seq || e.seq >= opened.seq || e.sealed) continue;
    if (e.type === "keygen_submitted" && e.payload.sitting_id === sittingId) {
      const msg = keygenMessageFromJson(e.payload.message);
      if (!msg || !params.isIndex(msg.dealer) || !checkKeygenMessage(params, msg)) return fail("keygen_invalid");
      messages[msg.dealer - 1] = msg;
    } else if (e.type === "keys_confirmed" && e.payload.sitting_id === sittingId) {
      const index = Number(e.payload.index);
      const sig = fromHex(String(e.payload.signature), 64);
      if (!params.isIndex(index) || !sig) return fail("confirmation_invalid");
      confirmations[index - 1] = sig;
    }
  }
  if (messages.some((m) => !m) || messages.length !== params.n) return fail("keygen_invalid");
  const ckeys = computeCeremonyKeys(params, messages as KeygenMessage[]);
  if (!ckeys) return fail("keygen_invalid");
  const digest = keyDigest(params, ckeys);
  for (let l = 1; l <= params.n; ++l) {
    const sig = confirmations[l - 1];
    if (!sig || !checkConfirmation(params, l, digest, sig)) return fail("confirmation_invalid");
  }

  // The vote's published values are the recomputed ones.
  const p = opened.payload;
  if (p.ceremony_id !== toHex(params.ceremonyId)) return fail("ceremony_mismatch");
  if (p.joint_key !== ckeys.jointKey.hex()) return fail("joint_key_mismatch");
  const manifest = created.payload.manifest;
  const mHash = manifestHash(manifest);
  if (p.manifest_hash !== toHex(mHash) || manifest.vote_id !== voteId) return fail("manifest_mismatch");
  const roster: PublicKey[] = [];
  for (const hex of p.roster ?? []) {
    const pk = PublicKey.fromHex(String(hex));
    if (!pk) return fail("roster_mismatch");
    roster.push(pk);
  }
  const rHash = rosterHash(roster);
  if (p.roster_hash !== toHex(rHash)) return fail("roster_mismatch");
  if (!roster.some((pk) => pk.hex() === myPk.hex())) return fail("not_in_roster");
  const eHash = electionHash(params.ceremonyId, ckeys.jointKey, mHash, rHash);
  if (p.election_hash !== toHex(eHash)) return fail("election_hash_mismatch");
  return { basis: { manifest, jointKey: ckeys.jointKey.hex(), electionHash: toHex(eHash) } };
}

// Checked bases per congress, device key and vote: a vote's basis depends only on the board up
// to its vote_opened, which an append-only, chain-checked board never changes.
const checkedBases = new Map<string, BasisCheck>();

/**
 * The checked basis (or the problem) of every vote opened on the board `events`, by vote id,
 * for the device key `myPk`: what a tablet may make ballots from. Votes not yet opened on the
 * board are absent.
 */
export function voteBases(events: readonly BoardEvent[], congressId: string, myPk: PublicKey): Map<string, BasisCheck> {
  const out = new Map<string, BasisCheck>();
  for (const e of eventsOf(events, "vote_opened")) {
    const voteId = String(e.payload.vote_id);
    const cacheKey = `${congressId}/${myPk.hex()}/${voteId}/${e.entryHash}`;
    let check = checkedBases.get(cacheKey);
    if (!check) {
      check = checkVoteBasis(events, congressId, voteId, myPk);
      // A scrutineer's enrollment read after the vote's opening arrived (a course read on
      // demand, client.ts) may still come: that one answer is not kept.
      if (check.problem !== "scrutineer_key_unknown") checkedBases.set(cacheKey, check);
    }
    out.set(voteId, check);
  }
  return out;
}
