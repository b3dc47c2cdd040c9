// Reading the state again when a result is announced: the announcement's board event arrives
// once it is durable, when the server shows the result to everyone, so the public view fetched
// then carries the counts that a state push sent a moment earlier could still hold back.
import { useEffect, useRef } from "preact/hooks";
import type { BoardEvent, PlenumClient } from "./client";

/** Calls get_state whenever `board` gains a result_announced event. */
export function useRefreshOnAnnouncement(client: PlenumClient, board: readonly BoardEvent[]): void {
  const seen = useRef(board.length);
  useEffect(() => {
    const fresh = board.slice(Math.min(seen.current, board.length));
    seen.current = board.length;
    if (fresh.some((e) => e.type === "result_announced")) void client.refreshState().catch(() => undefined);
  }, [board.length]);
}
