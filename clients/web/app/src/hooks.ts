// Preact glue for signals.
import { useEffect, useState } from "preact/hooks";
import type { Signal } from "./signal";

/** The signal's current value; the component re-renders on every set. */
export function useSignal<T>(s: Signal<T>): T {
  const [, force] = useState(0);
  useEffect(() => s.subscribe(() => force((n) => n + 1)), [s]);
  return s.get();
}
