import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/i18n/en';
import { whenIdle } from '../../src/components/figures/idle';
import { warmUpPlot } from '../../src/components/figures/function-figure';
import { explorerSpec, explorerState } from '../../src/figures/explorer';
import type { PlotSpec } from '../../src/figures/function-plot';

/** A fake idle API: `idle(ms)` runs the queued callbacks with `ms` of idle time left. */
function fakeIdle() {
  let queue: { id: number; cb: IdleRequestCallback }[] = [];
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => {
    queue.push({ id: next, cb });
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    queue = queue.filter((q) => q.id !== id);
  });
  return {
    idle(ms: number) {
      const due = queue;
      queue = [];
      for (const q of due) q.cb({ didTimeout: false, timeRemaining: () => ms });
    },
    get pending() {
      return queue.length;
    },
  };
}

describe('whenIdle', () => {
  let api: ReturnType<typeof fakeIdle>;
  beforeEach(() => {
    api = fakeIdle();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('has the expected defaults: runs in an idle period with 20 ms left, not in one with less', () => {
    const f = vi.fn();
    whenIdle(f);
    api.idle(19.9);
    expect(f).not.toHaveBeenCalled();
    api.idle(20);
    expect(f).toHaveBeenCalledTimes(1);
    expect(api.pending).toBe(0);
  });

  it('runs anyway in the next idle period after `tries` periods that were too short', () => {
    const f = vi.fn();
    whenIdle(f, { minMs: 10, tries: 3 });
    for (let k = 0; k < 3; k++) api.idle(1);
    expect(f).not.toHaveBeenCalled();
    api.idle(1);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('returns a cancel function: a cancelled call never runs', () => {
    const f = vi.fn();
    const cancel = whenIdle(f);
    api.idle(1);
    cancel();
    api.idle(50);
    expect(f).not.toHaveBeenCalled();
    expect(api.pending).toBe(0);
  });

  it('falls back to a timer where there is no idle API', () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    try {
      const f = vi.fn();
      whenIdle(f);
      vi.advanceTimersByTime(49);
      expect(f).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(f).toHaveBeenCalledTimes(1);
      const g = vi.fn();
      whenIdle(g)();
      vi.advanceTimersByTime(100);
      expect(g).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('warmUpPlot', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('warms up with the plot of the state current at each run, one run per idle period, as many as asked', () => {
    const api = fakeIdle();
    const states = [explorerState.defaults, { ...explorerState.defaults, d: [-2, 2] as const }];
    let calls = 0;
    const warm = vi.fn<(spec: PlotSpec) => void>();
    warmUpPlot(() => explorerSpec(states[Math.min(calls++, 1)]!, 'en'), warm, 3);
    expect(warm).not.toHaveBeenCalled();
    const counts: number[] = [];
    for (let k = 0; k < 5; k++) {
      api.idle(50);
      counts.push(warm.mock.calls.length);
    }
    expect(counts).toEqual([1, 2, 3, 3, 3]);
    expect(warm.mock.calls.map(([spec]) => spec.xDomain)).toEqual([explorerState.defaults.d, [-2, 2], [-2, 2]]);
    expect(api.pending).toBe(0);
  });

  it('stops when cancelled (an island that unmounts)', () => {
    const api = fakeIdle();
    const spec = vi.fn(() => explorerSpec(explorerState.defaults, 'en'));
    const cancel = warmUpPlot(spec, () => {}, 4);
    api.idle(50);
    cancel();
    api.idle(50);
    expect(spec).toHaveBeenCalledTimes(1);
    expect(api.pending).toBe(0);
  });
});
