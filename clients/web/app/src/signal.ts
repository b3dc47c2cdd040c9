// A tiny observable value: the apps' only state container. Components subscribe with
// useSignal (hooks.ts); plain code reads with get() and writes with set().

/** A value with change listeners. Not thread-related: the browser's single thread only. */
export interface Signal<T> {
  get(): T;
  /** Replaces the value and notifies listeners (also when equal: callers decide). */
  set(value: T): void;
  /** Calls `fn` after each set; returns the unsubscribe function. */
  subscribe(fn: (value: T) => void): () => void;
}

/** A signal holding `initial`. */
export function signal<T>(initial: T): Signal<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const fn of [...listeners]) fn(value);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
