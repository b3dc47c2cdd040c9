// Spoiled (challenged) ballots as people read them: a ballot's choices in the manifest's words,
// the ballot_spoiled events of a vote on the public board opened in the browser, and how many
// challenges a delegate has left in a vote (crypto/SPEC.md §14; the server allows MAX_CHALLENGES per delegate and vote).
import { type Manifest, Point, ballotDigest, checkSpoiledBallot, fromHex, parseBallot, toHex, trackingCode } from "../../src/crypto/index.js";
import type { VoteKeys } from "./ballot";
import type { BoardEvent, OpenBoardEvent } from "./client";
import { eventsOf } from "./events";
import { shortCode } from "./tracking";
import { t } from "./i18n";
import { optionLabel } from "./ui";

/** Challenges a delegate may make in one vote (the server's challenge_limit). */
export const MAX_CHALLENGES = 3;

// A tablet's board leaves the ballots out (the `basis` topic), so the board entries of its own
// checked ballots are kept on the device and read from the board on demand after a reload.
function spoiledKey(voterPk: string, voteId: string): string {
  return `plenum.spoiled.${voterPk}.${voteId}`;
}

/** The board seqs of the ballots the key `voterPk` (hex) spoiled in `voteId` on this device. */
export function spoiledSeqs(voterPk: string, voteId: string): number[] {
  try {
    const kept = JSON.parse(localStorage.getItem(spoiledKey(voterPk, voteId)) ?? "[]");
    return Array.isArray(kept) ? kept.map(Number).filter(Number.isSafeInteger) : [];
  } catch {
    return [];
  }
}

/** Keeps `seq`, the board entry of a ballot `voterPk` spoiled in `voteId`, on this device. */
export function keepSpoiledSeq(voterPk: string, voteId: string, seq: number): void {
  const seqs = spoiledSeqs(voterPk, voteId);
  if (seqs.includes(seq)) return;
  try {
    localStorage.setItem(spoiledKey(voterPk, voteId), JSON.stringify([...seqs, seq]));
  } catch {
    /* storage full or denied: the server still counts the challenges */
  }
}

/** The ballot_spoiled events of `voteId`, in board order. */
export function spoiledEvents(events: readonly BoardEvent[], voteId: string): OpenBoardEvent<"ballot_spoiled">[] {
  return eventsOf(events, "ballot_spoiled").filter((e) => e.payload.vote_id === voteId);
}

/** How many ballots the key `voterPk` (hex) spoiled in `voteId`, by the board. */
export function spoiledBy(events: readonly BoardEvent[], voteId: string, voterPk: string): number {
  return spoiledEvents(events, voteId).filter((e) => e.payload.voter_pk === voterPk).length;
}

/** Whether two choice matrices are equal. */
export function sameChoices(a: readonly (readonly number[])[], b: unknown): boolean {
  return Array.isArray(b) && a.length === b.length && a.every((row, c) => Array.isArray(b[c]) && row.length === b[c].length && row.every((v, o) => v === b[c][o]));
}

/** What `choices` mark in each contest of `m`, in words: "决议：反对" per contest. */
export function ChoiceWords(props: { m: Manifest; choices: readonly (readonly number[])[]; testid?: string }) {
  const { m, choices } = props;
  const none = m.kind === "election" ? t("opt_abstain") : t("ballot_no_mark");
  return (
    <ul class="summary" data-testid={props.testid}>
      {m.contests.map((c, ci) => {
        const marked = c.options.filter((_, o) => choices[ci]?.[o] === 1);
        return (
          <li>
            <span>{c.title}</span>
            {marked.length === 0 ? (
              <strong class="mark-word opt-none">{none}</strong>
            ) : (
              marked.map((op) => <strong class={`mark-word opt-${op.option_id}`}>{optionLabel(op.option_id, op.label)}</strong>)
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A spoiled ballot as a second device sees it: its tracking code (display form) and, when its
 * openings open its ciphertexts, the choices they give; `problem` says what failed otherwise:
 * "bad_nonce" and the other SpoilStatus names, "code_differs" when the recorded tracking code is
 * not the ballot's, "choices_differ" when the recorded choices are not the opened ones.
 */
export interface OpenedSpoil {
  seq: number;
  code: string;
  choices: number[][] | null;
  problem: string | null;
}

const opened = new Map<string, OpenedSpoil>(); // by entry hash: each event is checked once

/** Checks one ballot_spoiled event against its vote's keys (crypto/SPEC.md §14), in the browser. */
export function openSpoiled(e: OpenBoardEvent<"ballot_spoiled">, keys: VoteKeys): OpenedSpoil {
  const cacheKey = e.entryHash;
  const known = opened.get(cacheKey);
  if (known) return known;
  const p = e.payload;
  const code = shortCode(p.tracking_code);
  const joint = Point.fromHex(keys.jointKey);
  const eh = fromHex(keys.electionHash, 32);
  let result: OpenedSpoil;
  if (!joint || !eh) {
    result = { seq: e.seq, code, choices: null, problem: "bad_ballot" };
  } else {
    const check = checkSpoiledBallot(keys.manifest, eh, joint, p.ballot, p.nonces);
    if (check.status !== "ok") {
      result = { seq: e.seq, code, choices: null, problem: check.status };
    } else {
      const b = parseBallot(p.ballot).ballot!;
      const mine = toHex(trackingCode(ballotDigest(b, eh), b.signature));
      const problem = mine !== p.tracking_code ? "code_differs" : !sameChoices(check.choices, p.choices) ? "choices_differ" : null;
      result = { seq: e.seq, code: shortCode(mine), choices: check.choices, problem };
    }
  }
  opened.set(cacheKey, result);
  return result;
}
