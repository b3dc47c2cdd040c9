// What a tablet checks before it encrypts: the vote's joint key, manifest, roster and election
// hash recomputed from its own checked copy of the board (the scrutineers' keygen messages and
// confirmations), never taken on the server's word (protocol/PROTOCOL.md §8b). The same checks as
// the C++ session's check_vote_basis. A vote_opened of format 2 carries no roster: a board with
// its vote_roster recomputes the roster's hash and root; a tablet's course has only this
// device's inclusion path (get_roster_proof), checked against the signed roster_root.
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
  rosterRoot,
  toHex,
  verifyRosterInclusion,
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

export type BasisCheck =
  | { basis: VoteKeys; problem?: undefined; needsProof?: undefined }
  | { basis?: undefined; problem: TrustProblem; needsProof?: undefined }
  // Format 2 on a board without the vote_roster (a tablet's course): the check waits for this
  // device's inclusion path (get_roster_proof).
  | { basis?: undefined; problem?: undefined; needsProof: true };

/** A get_roster_proof answer: the path of this device's key, or the server's not_in_roster. */
export type RosterProof = { index: number; count: number; path: string[] } | "not_in_roster";

/**
 * The roster hash of format-2 vote `p` (its roster in a vote_roster event) and whether `myPk`
 * is in the roster: from the vote_roster on the board when there (recomputed, its hash and
 * Merkle root equal to vote_opened's), else from vote_opened's signed roster_hash and `proof`
 * checked against its roster_root and roster_count. Undefined while the proof is not there.
 */
function rosterApart(
  events: readonly BoardEvent[],
  p: Record<string, any>,
  myPk: PublicKey,
  proof: RosterProof | undefined,
): { hash: Uint8Array; member: boolean } | "roster_mismatch" | undefined {
  const listed = events.find((e) => e.seq === Number(p.roster_seq));
  if (listed && isOpenEvent(listed, "vote_roster") && listed.payload.vote_id === p.vote_id) {
    const keys: PublicKey[] = [];
    for (const hex of listed.payload.roster ?? []) {
      const pk = PublicKey.fromHex(String(hex));
      if (!pk) return "roster_mismatch";
      keys.push(pk);
    }
    const hash = rosterHash(keys);
    const root = rosterRoot(keys);
    if (!root || keys.length !== Number(p.roster_count) || toHex(root) !== p.roster_root || listed.payload.roster_root !== p.roster_root) return "roster_mismatch";
    if (toHex(hash) !== p.roster_hash || listed.payload.roster_hash !== p.roster_hash) return "roster_mismatch";
    return { hash, member: keys.some((pk) => pk.hex() === myPk.hex()) };
  }
  if (proof === undefined) return undefined;
  const hash = fromHex(String(p.roster_hash), 32);
  const root = fromHex(String(p.roster_root), 32);
  if (!hash || !root) return "roster_mismatch";
  if (proof === "not_in_roster") return { hash, member: false };
  const path = proof.path.map((h) => fromHex(String(h), 32));
  if (path.some((h) => !h) || proof.count !== Number(p.roster_count)) return "roster_mismatch";
  if (!verifyRosterInclusion(root, Number(p.roster_count), proof.index, myPk, path as Uint8Array[])) return "roster_mismatch";
  return { hash, member: true };
}

/**
 * The basis to encrypt `voteId` to, checked against the board `events` (each already checked by
 * hash and congress signature, and by its chain link where the seqs are consecutive: a tablet's
 * `basis` board leaves the ballots out, none of which a basis rests on) of congress
 * `congressId`, for the device key `myPk`, which must be in the vote's roster. Fails with the
 * first problem found.
 */
export function checkVoteBasis(
  events: readonly BoardEvent[],
  congressId: string,
  voteId: string,
  myPk: PublicKey,
  proof?: RosterProof,
): BasisCheck {
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
  let rHash: Uint8Array;
  if (p.format === 2) {
    // The roster apart (vote_roster): recomputed when on this board, else this key's path.
    const apart = rosterApart(events, p, myPk, proof);
    if (apart === undefined) return { needsProof: true };
    if (apart === "roster_mismatch") return fail("roster_mismatch");
    if (!apart.member) return fail("not_in_roster");
    rHash = apart.hash;
  } else {
    const roster: PublicKey[] = [];
    for (const hex of p.roster ?? []) {
      const pk = PublicKey.fromHex(String(hex));
      if (!pk) return fail("roster_mismatch");
      roster.push(pk);
    }
    rHash = rosterHash(roster);
    if (p.roster_hash !== toHex(rHash)) return fail("roster_mismatch");
    if (!roster.some((pk) => pk.hex() === myPk.hex())) return fail("not_in_roster");
  }
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
export function voteBases(
  events: readonly BoardEvent[],
  congressId: string,
  myPk: PublicKey,
  proofs: ReadonlyMap<string, RosterProof> = new Map(),
): Map<string, BasisCheck> {
  const out = new Map<string, BasisCheck>();
  for (const e of eventsOf(events, "vote_opened")) {
    const voteId = String(e.payload.vote_id);
    const cacheKey = `${congressId}/${myPk.hex()}/${voteId}/${e.entryHash}`;
    let check = checkedBases.get(cacheKey);
    if (!check) {
      check = checkVoteBasis(events, congressId, voteId, myPk, proofs.get(voteId));
      // A scrutineer's enrollment read after the vote's opening arrived (a course read on
      // demand, client.ts) may still come, and so may the roster proof: those are not kept.
      if (check.problem !== "scrutineer_key_unknown" && !check.needsProof) checkedBases.set(cacheKey, check);
    }
    out.set(voteId, check);
  }
  return out;
}
