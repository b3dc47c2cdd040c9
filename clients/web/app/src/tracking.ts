// Tracking codes as people read them: the short display form (the first 10 bytes in Crockford
// base32, four groups of four, crypto/ballot.ts) made from the 64 hex digits the server and the
// board carry, the accepted codes of a vote from the public board, and the public page where
// anyone can look a code up.
import { fromHex, trackingCodeDisplay } from "../../src/crypto/index.js";
import type { BoardEvent } from "./client";
import { payloadsOf } from "./events";

/** The display form of a tracking code given as 64 hex digits; a display form is returned as it is. */
export function shortCode(code: string): string {
  const bytes = fromHex(code, 32);
  return bytes ? trackingCodeDisplay(bytes) : code;
}

/** The display forms of the tracking codes of every ballot accepted in `voteId`, sorted. */
export function acceptedCodes(events: readonly BoardEvent[], voteId: string): string[] {
  const out: string[] = [];
  for (const p of payloadsOf(events, "ballot_accepted")) if (p.vote_id === voteId && typeof p.tracking_code === "string") out.push(shortCode(p.tracking_code));
  return out.sort();
}

/** The title of `voteId` as its vote_created event gives it, or null. */
export function voteTitle(events: readonly BoardEvent[], voteId: string): string | null {
  for (const p of payloadsOf(events, "vote_created")) if (p.vote_id === voteId) return String(p.title ?? p.manifest?.title ?? voteId);
  return null;
}

/** The public tracking-code page of `voteId` (relative to the apps), with `code` to find there. */
export function codesPageUrl(voteId: string, code?: string): string {
  const url = new URL(`codes.html?vote=${encodeURIComponent(voteId)}`, location.href);
  if (code) url.hash = `code=${code}`;
  return url.href;
}
