// Each vote as this device's board records it, folded event by event as the events arrive: the
// rule, the opening, the close, the partial decryptions, the decided result, the signatures and
// the announcement — and, for a scrutineer, the encrypted aggregates of the ballots accepted
// before the close, added one ballot at a time, so that at the close nothing is read again.
import { type Ciphertext, type PartialDecryption, Point, addCiphertexts, emptyCiphertext, partialFromJson } from "../../src/crypto/index.js";
import type { BoardEvent } from "./client";
import type { VoteDecidedPayload, VoteOpenedPayload } from "./events.gen";

/** One vote as folded so far. */
export interface VoteFold {
  rule: string | undefined;
  /** Options over all contests, from the manifest of vote_created. */
  positions: number;
  opened: VoteOpenedPayload | undefined;
  /** Ballots accepted before the close. */
  ballots: number;
  /** The encrypted sums per position of those ballots; null when not kept (or a ballot did not
   * have one ciphertext per position or a point that decodes: the board is then not to be
   * trusted for a tally). */
  aggregates: Ciphertext[] | null;
  closed: BoardEvent | undefined;
  partials: PartialDecryption[];
  decided: VoteDecidedPayload | undefined;
  signedBy: Set<number>;
  announced: boolean;
}

function emptyFold(): VoteFold {
  return { rule: undefined, positions: 0, opened: undefined, ballots: 0, aggregates: null, closed: undefined, partials: [], decided: undefined, signedBy: new Set(), announced: false };
}

/** The folds of every vote on a board that grows at its end. */
export class VoteFolds {
  private readonly votes = new Map<string, VoteFold>();
  private folded = 0;
  private last: BoardEvent | undefined;
  private readonly listeners = new Set<() => void>();

  /** `keepAggregates`: also sum the ballots' ciphertexts (a scrutineer's device). */
  constructor(private readonly keepAggregates: boolean) {}

  /** Folds the events of `events` not folded yet. When `events` is not the board folded so far
   * with new events at its end (a sealed event opened in place, a board read again), every
   * event is folded again. */
  update(events: readonly BoardEvent[]): void {
    const grown = events.length >= this.folded && (this.folded === 0 || events[this.folded - 1] === this.last);
    if (!grown) {
      this.votes.clear();
      this.folded = 0;
    }
    for (let i = this.folded; i < events.length; ++i) this.fold(events[i]!);
    this.folded = events.length;
    this.last = events[events.length - 1];
    for (const fn of [...this.listeners]) fn();
  }

  /** The fold of `voteId`, if the board created it. */
  vote(voteId: string): VoteFold | undefined {
    return this.votes.get(voteId);
  }

  /** Resolves with the fold of `voteId` once `ready` holds for it, or null after `ms`. */
  whenReady(voteId: string, ready: (v: VoteFold) => boolean, ms: number): Promise<VoteFold | null> {
    const now = this.votes.get(voteId);
    if (now && ready(now)) return Promise.resolve(now);
    return new Promise((resolve) => {
      const check = () => {
        const v = this.votes.get(voteId);
        if (v && ready(v)) finish(v);
      };
      const finish = (v: VoteFold | null) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(v);
      };
      const timer = setTimeout(() => finish(null), ms);
      this.listeners.add(check);
    });
  }

  private fold(e: BoardEvent): void {
    if (e.sealed || !("vote_id" in e.payload)) return;
    const id = e.payload.vote_id;
    if (e.type === "vote_created") {
      const v = emptyFold();
      v.rule = e.payload.rule;
      v.positions = e.payload.manifest.contests.reduce((n, c) => n + c.options.length, 0);
      if (this.keepAggregates) v.aggregates = Array.from({ length: v.positions }, emptyCiphertext);
      this.votes.set(id, v);
      return;
    }
    const v = this.votes.get(id);
    if (!v) return;
    if (e.type === "vote_opened") v.opened = e.payload;
    else if (e.type === "ballot_accepted" && !v.closed) {
      ++v.ballots;
      if (v.aggregates) v.aggregates = added(v.aggregates, e.payload.ballot.contests);
    } else if (e.type === "vote_closed") v.closed = e;
    else if (e.type === "partial_submitted") {
      const p = partialFromJson(e.payload.partial);
      if (p) v.partials.push(p);
    } else if (e.type === "vote_decided") v.decided = e.payload;
    else if (e.type === "result_signed") v.signedBy.add(e.payload.index);
    else if (e.type === "result_announced") v.announced = true;
  }
}

/** `sums` with one ballot's ciphertexts added position by position; null when the ballot does
 * not have one ciphertext per position or a point does not decode. */
function added(sums: Ciphertext[], contests: readonly { options: readonly { alpha: string; beta: string }[] }[]): Ciphertext[] | null {
  const out: Ciphertext[] = [];
  for (const c of contests)
    for (const o of c.options) {
      const at = out.length;
      const alpha = Point.fromHex(o.alpha);
      const beta = Point.fromHex(o.beta);
      if (at >= sums.length || !alpha || !beta) return null;
      out.push(addCiphertexts(sums[at]!, { alpha, beta }));
    }
  return out.length === sums.length ? out : null;
}
