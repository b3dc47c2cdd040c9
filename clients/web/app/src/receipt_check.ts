// What a tablet checks in a receipt before it shows it (protocol/PROTOCOL.md §8b): the signature
// over receipt_digest by the congress key (or the standby key a verified handover certifies), that the tracking code is the one of the ballot this
// device made, and — once the board reaches it — that the entry at board_seq is that ballot's
// ballot_accepted with the receipt's entry hash. The same checks as the C++ check_receipt. A
// tablet's board leaves the ballots out (the `basis` topic): it keeps its own entry from the
// cast_ballot reply (PlenumClient.keepEntry) or reads it on demand (PlenumClient.readEntry),
// checked by entry hash and congress signature as every entry is.
import { type PublicKey, fromHex, receiptDigest, toHex } from "../../src/crypto/index.js";
import type { BoardEvent } from "./client";
import { signal } from "./signal";
import { shortCode } from "./tracking";

/** Why a receipt was refused; each has a text `trust_<code>` in the string tables. */
export type ReceiptProblem = "receipt_forged" | "receipt_not_mine" | "receipt_not_on_board";

/** A receipt as cast_ballot returns it (hex fields). */
export interface WireReceipt {
  tracking_code: string;
  board_seq: number;
  board_entry_hash: string;
  signature: string;
}

/** A receipt this device checked when its ballot was cast, kept to check against the board. */
export interface CastReceipt {
  trackingCode: string;
  seq: number;
  entryHash: string;
}

/** Receipts refused on this page, by vote id: the tablet shows the warning, never the receipt. */
export const refusedReceipts = signal<ReadonlyMap<string, ReceiptProblem>>(new Map());
/** Receipts of ballots cast on this page that passed checkReceipt, by vote id. */
export const castReceipts = signal<ReadonlyMap<string, CastReceipt>>(new Map());

/** Records `problem` for the receipt of `voteId`. */
export function refuseReceipt(voteId: string, problem: ReceiptProblem): void {
  refusedReceipts.set(new Map([...refusedReceipts.get(), [voteId, problem]]));
}

/** Records the checked receipt of `voteId`. */
export function keepReceipt(voteId: string, r: CastReceipt): void {
  castReceipts.set(new Map([...castReceipts.get(), [voteId, r]]));
}

/**
 * Checks receipt `r` of a cast_ballot reply against the keys that may sign it — the congress
 * key, and after a verified server_handover the standby key it certifies (crypto/SPEC.md §6;
 * the board check that follows holds the entry to the signer of its seq) — and the tracking
 * code `mine` (32 bytes) of the ballot this device made; null when both hold.
 */
export function checkReceipt(signers: readonly (PublicKey | null)[], r: Partial<WireReceipt> | undefined, mine: Uint8Array): ReceiptProblem | null {
  const code = fromHex(String(r?.tracking_code), 32);
  const entry = fromHex(String(r?.board_entry_hash), 32);
  const sig = fromHex(String(r?.signature), 64);
  const seq = Number(r?.board_seq);
  if (!code || !entry || !sig || !Number.isSafeInteger(seq) || seq < 0) return "receipt_forged";
  const digest = receiptDigest(code, seq, entry);
  if (!signers.some((k) => k !== null && k.verify(digest, sig))) return "receipt_forged";
  if (toHex(code) !== toHex(mine)) return "receipt_not_mine";
  return null;
}

/** What the board says of a receipt: not reached or not read yet, holding the ballot, or not
 * holding it. */
export type BoardVerdict = "pending" | "ok" | "receipt_not_on_board";

/**
 * Whether the board entry at `seq` is the ballot_accepted of vote `voteId` by device `voterPk`
 * (hex) with tracking code `code` (64 hex digits, or the display form when only that is known)
 * and, when given, entry hash `entryHash`.
 */
export function receiptOnBoard(events: readonly BoardEvent[], want: { voteId: string; seq: number; code: string; voterPk: string; entryHash?: string }): BoardVerdict {
  const last = events.length ? events[events.length - 1]!.seq : -1;
  if (want.seq > last) return "pending";
  const e = events.find((x) => x.seq === want.seq);
  if (!e) return "pending"; // a ballot left out of the basis, until it is read
  if (e.sealed || e.type !== "ballot_accepted") return "receipt_not_on_board";
  if (want.entryHash !== undefined && e.entryHash !== want.entryHash) return "receipt_not_on_board";
  const p = e.payload;
  const code = String(p.tracking_code ?? "");
  const sameCode = want.code.length === 64 ? code === want.code : shortCode(code) === want.code;
  if (p.vote_id !== want.voteId || p.voter_pk !== want.voterPk || !sameCode) return "receipt_not_on_board";
  return "ok";
}
