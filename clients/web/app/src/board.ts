// What the apps read from the public board (the checked event stream): the manifest and keys
// of each vote, who checked in, who voted in which vote, and the enrolled device keys.
import type { Manifest } from "../../src/crypto/index.js";
import type { BoardEvent } from "./client";
import type { VoteKeys } from "./ballot";

/** Per vote id: manifest (from vote_created) with joint key and election hash (vote_opened). */
export function voteKeys(events: readonly BoardEvent[]): Map<string, VoteKeys> {
  const manifests = new Map<string, Manifest>();
  const out = new Map<string, VoteKeys>();
  for (const e of events) {
    if (e.type === "vote_created") manifests.set(e.payload["vote_id"], e.payload["manifest"] as Manifest);
    if (e.type === "vote_opened") {
      const m = manifests.get(e.payload["vote_id"]);
      if (m) out.set(e.payload["vote_id"], { manifest: m, jointKey: e.payload["joint_key"], electionHash: e.payload["election_hash"] });
    }
  }
  return out;
}

/** Person numbers with an accepted ballot in `voteId` (who voted, never how). */
export function voters(events: readonly BoardEvent[], voteId: string): Set<string> {
  const s = new Set<string>();
  for (const e of events) if (e.type === "ballot_accepted" && e.payload["vote_id"] === voteId) s.add(e.payload["person"]);
  return s;
}

/** The eligible voters recorded when `voteId` opened. */
export function eligible(events: readonly BoardEvent[], voteId: string): string[] {
  for (const e of events) if (e.type === "vote_opened" && e.payload["vote_id"] === voteId) return e.payload["eligible"] ?? [];
  return [];
}

/** Person numbers checked in to `sittingId`. */
export function checkedIn(events: readonly BoardEvent[], sittingId: string): Set<string> {
  const s = new Set<string>();
  for (const e of events) if (e.type === "checked_in" && e.payload["sitting_id"] === sittingId) s.add(e.payload["person"]);
  return s;
}

/** Each person's current device key (hex), from device_enrolled. */
export function deviceKeys(events: readonly BoardEvent[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of events) if (e.type === "device_enrolled") m.set(e.payload["person"], e.payload["device_pk"]);
  return m;
}
