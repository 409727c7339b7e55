/**
 * Work that can wait for the main thread to be idle (warm-ups): {@link whenIdle}.
 */

export interface IdleOptions {
  /** Idle time (ms) the work needs; with less left, it waits for the next idle period. */
  readonly minMs?: number;
  /** After this many idle periods that were too short, it runs in the next one anyway. */
  readonly tries?: number;
}

/**
 * Runs `f` in an idle period with at least `minMs` (default 20) left — or, after `tries` (default 20) periods with
 * less, in the next idle period whatever is left; where there is no idle API, in a task 50 ms from now.
 * Returns a function that cancels the call if it has not run yet.
 */
export function whenIdle(f: () => void, { minMs = 20, tries = 20 }: IdleOptions = {}): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const t = setTimeout(f, 50);
    return () => clearTimeout(t);
  }
  let cancelled = false;
  let handle = 0;
  const wait = (left: number) => {
    handle = requestIdleCallback((deadline) => {
      if (cancelled) return;
      if (deadline.timeRemaining() >= minMs || left <= 0) f();
      else wait(left - 1);
    });
  };
  wait(tries);
  return () => {
    cancelled = true;
    cancelIdleCallback(handle);
  };
}
