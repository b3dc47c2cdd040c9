// Who the hall is waiting for, read from the board: the scrutineers of the key ceremony who
// have not sent their keygen message or confirmed the key, those who have not yet decrypted a
// closed vote, and those who decrypted but have not signed its result. Sealed events (no
// payload) are skipped.
import type { BoardEvent } from "./client";
import { payloadsOf } from "./events";

/** The key ceremony's appointed scrutineers (person numbers in index order) and who is missing. */
export interface CeremonyWait {
  scrutineers: string[];
  k: number;
  /** "keygen": not all keygen messages yet; "confirm": not all confirmations; "done". */
  phase: "keygen" | "confirm" | "done";
  /** Person numbers still owing the current phase's message. */
  missing: string[];
}

/** The latest ceremony of `sittingId` on the board, or null when none was started. */
export function ceremonyWait(events: readonly BoardEvent[], sittingId: string): CeremonyWait | null {
  let scrutineers: Map<number, string> | null = null;
  let k = 0;
  let keygen = new Set<number>();
  let confirmed = new Set<number>();
  for (const e of events) {
    if (e.sealed || !("sitting_id" in e.payload) || e.payload.sitting_id !== sittingId) continue;
    if (e.type === "ceremony_started") {
      scrutineers = new Map((e.payload.scrutineers ?? []).map((s) => [Number(s.index), String(s.person)]));
      k = Number(e.payload.k);
      keygen = new Set();
      confirmed = new Set();
    } else if (e.type === "keygen_submitted") keygen.add(Number(e.payload.index));
    else if (e.type === "keys_confirmed") confirmed.add(Number(e.payload.index));
  }
  if (!scrutineers) return null;
  const order = [...scrutineers.entries()].sort((a, b) => a[0] - b[0]);
  const list = order.map(([, person]) => person);
  const owing = (done: Set<number>) => order.filter(([i]) => !done.has(i)).map(([, person]) => person);
  if (keygen.size < order.length) return { scrutineers: list, k, phase: "keygen", missing: owing(keygen) };
  if (confirmed.size < order.length) return { scrutineers: list, k, phase: "confirm", missing: owing(confirmed) };
  return { scrutineers: list, k, phase: "done", missing: [] };
}

/** Person numbers whose partial decryption of `voteId` is on the board, in board order. */
export function decryptedBy(events: readonly BoardEvent[], voteId: string): string[] {
  const out: string[] = [];
  for (const p of payloadsOf(events, "partial_submitted")) if (p.vote_id === voteId) out.push(p.person);
  return out;
}

/** Person numbers who signed the result of `voteId`. */
export function signedBy(events: readonly BoardEvent[], voteId: string): Set<string> {
  const out = new Set<string>();
  for (const p of payloadsOf(events, "result_signed")) if (p.vote_id === voteId) out.add(p.person);
  return out;
}

/** The default decryption threshold for n scrutineers (CRYPTO.md §3): n − 1 from 3 on, else n. */
export function defaultThreshold(n: number): number {
  return n >= 3 ? n - 1 : n;
}
