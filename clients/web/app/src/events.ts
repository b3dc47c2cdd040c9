// The typed payloads of the board's events (events.gen.ts, generated from the C++ codec's
// schema): a sealed event (a result under embargo) has none to read yet.
import type { BoardEvent, OpenBoardEvent } from "./client";
import type { EventPayloads, EventType } from "./events.gen";

/** Whether `e` is an event of type `type` that is not sealed. */
export function isOpenEvent<K extends EventType>(e: BoardEvent, type: K): e is OpenBoardEvent<K> & BoardEvent {
  return e.type === type && !e.sealed;
}

/** The events of type `type` that are not sealed, in board order. */
export function eventsOf<K extends EventType>(events: readonly BoardEvent[], type: K): OpenBoardEvent<K>[] {
  return events.filter((e): e is OpenBoardEvent<K> & BoardEvent => isOpenEvent(e, type));
}

/** The payload of `e` when it is an event of type `type` that is not sealed. */
export function payloadOf<K extends EventType>(e: BoardEvent, type: K): EventPayloads[K] | undefined {
  return isOpenEvent(e, type) ? e.payload : undefined;
}

/** The payloads of the events of type `type` that are not sealed, in board order. */
export function payloadsOf<K extends EventType>(events: readonly BoardEvent[], type: K): EventPayloads[K][] {
  return eventsOf(events, type).map((e) => e.payload);
}
