// What the apps read from the public board (the checked event stream): the manifest and keys
// of each vote, who checked in, who voted in which vote, the enrolled device keys, and each
// decided vote's result with its digest recomputed from the board (folded by vote_folds.ts).
import { type Ciphertext, type Manifest, type PartialDecryption, type ResultRecord, fromHex, resultDigest, toHex } from "../../src/crypto/index.js";
import type { BoardEvent } from "./client";
import type { VoteKeys } from "./ballot";
import { payloadOf, payloadsOf } from "./events";
import { type VoteFold, VoteFolds } from "./vote_folds";

/** Per vote id: manifest (from vote_created) with joint key and election hash (vote_opened). */
export function voteKeys(events: readonly BoardEvent[]): Map<string, VoteKeys> {
  const manifests = new Map<string, Manifest>();
  const out = new Map<string, VoteKeys>();
  for (const e of events) {
    const created = payloadOf(e, "vote_created");
    if (created) manifests.set(created.vote_id, created.manifest);
    const opened = payloadOf(e, "vote_opened");
    const m = opened && manifests.get(opened.vote_id);
    if (opened && m) out.set(opened.vote_id, { manifest: m, jointKey: opened.joint_key, electionHash: opened.election_hash });
  }
  return out;
}

/** Person numbers with an accepted ballot in `voteId` (who voted, never how). */
export function voters(events: readonly BoardEvent[], voteId: string): Set<string> {
  const s = new Set<string>();
  for (const p of payloadsOf(events, "ballot_accepted")) if (p.vote_id === voteId) s.add(p.person);
  return s;
}

/** The eligible voters recorded when `voteId` opened: vote_opened's list in format 1, its
 * vote_roster's in format 2 (empty when this board does not hold it). */
export function eligible(events: readonly BoardEvent[], voteId: string): string[] {
  for (const p of payloadsOf(events, "vote_opened")) if (p.vote_id === voteId && p.format !== 2) return p.eligible ?? [];
  for (const p of payloadsOf(events, "vote_roster")) if (p.vote_id === voteId) return p.eligible;
  return [];
}

/** Person numbers checked in to `sittingId`. */
export function checkedIn(events: readonly BoardEvent[], sittingId: string): Set<string> {
  const s = new Set<string>();
  for (const p of payloadsOf(events, "checked_in")) if (p.sitting_id === sittingId) s.add(p.person);
  return s;
}

/** Each person's current device key (hex), from device_enrolled. */
export function deviceKeys(events: readonly BoardEvent[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of payloadsOf(events, "device_enrolled")) m.set(p.person, p.device_pk);
  return m;
}

/** A decided vote's result as this device's copy of the board records it. */
export interface BoardResult {
  /** The result_digest inputs (CVP1 §7): the election hash and denominators of vote_opened,
   * the rule of vote_created, the seq and entry hash of vote_closed (checked with the chain),
   * the ballots accepted, and the counts and outcome text that vote_decided publishes. */
  record: ResultRecord;
  /** The digest recomputed from `record`. */
  digest: Uint8Array;
  /** The server's result_digest from vote_decided (hex), if it carries one. */
  published: string | undefined;
  /** The encrypted sums per position of the accepted ballots, kept as they arrived (a
   * scrutineer's folds, vote_folds.ts); null when not kept. */
  aggregates: Ciphertext[] | null;
  /** The partial decryptions recorded for the vote, in board order. */
  partials: PartialDecryption[];
  /** Scrutineer indices that signed the result, and whether the chair announced it. */
  signedBy: Set<number>;
  announced: boolean;
}

/** The result of `voteId` recomputed from the board; null until the vote is decided there. */
export function boardResult(events: readonly BoardEvent[], voteId: string): BoardResult | null {
  const folds = new VoteFolds(false);
  folds.update(events);
  const v = folds.vote(voteId);
  return v ? resultOf(v) : null;
}

/** The result of a vote as folded; null until the vote is decided there. */
export function resultOf(v: VoteFold): BoardResult | null {
  const { rule, opened, closed, decided } = v;
  if (rule === undefined || !opened || !closed || !decided) return null;
  const record: ResultRecord = {
    electionHash: fromHex(opened.election_hash, 32)!,
    boardSeqAtClose: closed.seq,
    boardHashAtClose: fromHex(closed.entryHash, 32)!,
    ballots: v.ballots,
    seated: opened.seated,
    present: opened.present,
    rule,
    counts: decided.counts,
    outcome: decided.outcome,
  };
  return { record, digest: resultDigest(record), published: decided.result_digest, aggregates: v.aggregates, partials: v.partials, signedBy: v.signedBy, announced: v.announced };
}

/** Whether the digest this device recomputed is the one the server published (and signs). */
export function digestAgrees(r: BoardResult): boolean {
  return r.published === undefined || r.published === toHex(r.digest);
}
