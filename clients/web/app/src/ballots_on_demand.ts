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

/** Reads the ballots of each of `voteIds` whenever `when` changes (a state push: a ballot
 * arrived, a vote closed). */
export function useVoteBallots(client: PlenumClient, voteIds: readonly string[], when: unknown): void {
  useEffect(() => {
    for (const id of voteIds) void readVoteBallots(client, id).catch(() => undefined);
  }, [voteIds.join("\n"), when]);
}
