// Reading the state again when a result is announced: the announcement's board event arrives
// once it is durable, when the server shows the result to everyone, so the public view fetched
// then carries the counts that a state push sent a moment earlier could still hold back.
import { useEffect, useRef } from "preact/hooks";
import type { BoardEvent, PlenumClient } from "./client";

/** Calls get_state whenever `board` gains a result_announced event (counted, since ballots read
 * on demand may be kept after it in seq order). */
export function useRefreshOnAnnouncement(client: PlenumClient, board: readonly BoardEvent[]): void {
  const announced = board.reduce((n, e) => n + (e.type === "result_announced" ? 1 : 0), 0);
  const seen = useRef(announced);
  useEffect(() => {
    const fresh = announced > seen.current;
    seen.current = announced;
    if (fresh) void client.refreshState().catch(() => undefined);
  }, [announced]);
}
