// The ballots a `basis` board leaves out (protocol/PROTOCOL.md §6), read on demand by the one
// console that shows them — the chair's who-has-not-voted list and result check, the big
// screen's tracking codes — instead of being pushed to every device of the hall.
import { useEffect } from "preact/hooks";
import type { BoardEvent, PlenumClient } from "./client";

/** The seqs between which the ballots of `voteId` lie on `board`: after its vote_opened, up to
 * its vote_closed (the board's end while it is open); null before it opened. */
export function ballotRange(board: readonly BoardEvent[], voteId: string): { from: number; to: number } | null {
  const opened = board.find((e) => e.type === "vote_opened" && e.payload["vote_id"] === voteId);
  if (!opened) return null;
  const closed = board.find((e) => e.type === "vote_closed" && e.payload["vote_id"] === voteId);
  return { from: opened.seq + 1, to: closed ? closed.seq : Infinity };
}

/** Reads the ballots of `voteId` into `client.board` (checked as every entry is). */
export async function readVoteBallots(client: PlenumClient, voteId: string): Promise<void> {
  const range = ballotRange(client.board.get(), voteId);
  if (range) await client.fillGaps(range.from, range.to);
}

/** A vote whose ballots a console shows, with the number of accepted ballots its state
 * reports (`received`). */
export interface VoteInView {
  id: string;
  received: number;
}

/** How many accepted ballots of `voteId` `board` holds. */
export function ballotsHeld(board: readonly BoardEvent[], voteId: string): number {
  let n = 0;
  for (const e of board) if (e.type === "ballot_accepted" && e.payload["vote_id"] === voteId) ++n;
  return n;
}

const RETRY_MS = 250;
const RETRIES = 40;

/** Reads the ballots of each of `votes` whenever `when` changes (a state push: a ballot
 * arrived, a vote closed), and again every 250 ms (for up to 10 s) while the board holds fewer
 * than the state reports. The server sends a state only once the board serves every ballot it
 * counts (protocol/PROTOCOL.md §7), so the first read is enough; the retries are a safety net
 * (a failed read is tried again rather than dropped, and a server that broke that promise would
 * still leave the console with every ballot). */
export function useVoteBallots(client: PlenumClient, votes: readonly VoteInView[], when: unknown): void {
  useEffect(() => {
    let current = true;
    const follow = async (vote: VoteInView) => {
      for (let attempt = 0; current && attempt <= RETRIES; ++attempt) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, RETRY_MS));
        if (!current) return;
        try {
          await readVoteBallots(client, vote.id);
        } catch {
          continue;
        }
        if (ballotsHeld(client.board.get(), vote.id) >= vote.received) return;
      }
    };
    for (const vote of votes) void follow(vote);
    return () => {
      current = false;
    };
  }, [votes.map((v) => `${v.id}:${v.received}`).join("\n"), when]);
}
