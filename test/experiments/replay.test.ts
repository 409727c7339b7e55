import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEC } from '../../src/experiments/grid';
import { recordOf, type ResultsFile, type RunRecord } from '../../src/experiments/results';
import { runToEnd } from '../../src/experiments/runner';
import { runKey, type RunSpec } from '../../src/experiments/spec';
import { stepDetail } from '../../src/experiments/detail';
import { BLOW_UP, PRESETS, choosePresets } from '../../src/components/experiments/presets';
import { packReplay, replaySeries, unpackReplay, xExtent } from '../../src/components/experiments/replay';
import { replayOf } from '../../src/components/experiments/replays';
import { LIVE_EVERY, LIVE_STEPWISE, liveWindow, liveWindows } from '../../src/components/experiments/protocol';

const both = (over: Partial<RunSpec> = {}): RunSpec => ({ ...DEFAULT_SPEC, candidate: 'relu', output: 'relu', ...over });
const candidate = (spec: RunSpec, status: string) => ({ spec, outcome: { status } });

describe('the presets of the live figure', () => {
  it('add the blow-up only when a run of ReLU in both roles without clipping diverged, choosing the lowest such seed', () => {
    expect(choosePresets([]).map((p) => p.id)).toEqual(PRESETS.map((p) => p.id));
    const runs = [
      candidate(both({ seed: 0 }), 'solved'),
      candidate(both({ seed: 3 }), 'diverged'),
      candidate(both({ seed: 1 }), 'diverged'),
      candidate(both({ seed: 0, clip: 1 }), 'diverged'), // clipped: not this preset
      candidate(both({ seed: 0, lr: 0.003 }), 'diverged'), // another setting
    ];
    const presets = choosePresets(runs);
    const blowUp = presets.find((p) => p.id === BLOW_UP)!;
    expect(blowUp.spec.seed).toBe(1);
    expect(runKey(blowUp.spec)).toBe(runKey(both({ seed: 1 })));
    expect(blowUp.label).toMatch(/no clipping: the state blows up/);
    expect(presets.map((p) => p.id).indexOf(BLOW_UP)).toBe(presets.map((p) => p.id).indexOf('relu-g-clip') + 1);
    expect(choosePresets(runs.filter((r) => r.spec.seed !== 1 && r.spec.seed !== 3)).some((p) => p.id === BLOW_UP)).toBe(false);
  });

  it('name the thread’s questions: a ReLU candidate without and with clipping, and the tanh candidate', () => {
    const byId = new Map(PRESETS.map((p) => [p.id, p]));
    expect(byId.get('relu-g')!.label).toBe('ReLU candidate, no clipping');
    expect(byId.get('relu-g')!.spec.clip).toBe(0);
    expect(byId.get('relu-g-clip')!.label).toBe('ReLU candidate with clipping');
    expect(byId.get('relu-g-clip')!.spec.clip).toBeGreaterThan(0);
    expect(byId.get('standard')!.label).toMatch(/^tanh candidate/);
  });
});

describe('replaying a committed run', () => {
  // Real runs, recorded as the grid script records them (short budgets keep the test quick).
  const diverged = recordOf(runToEnd(both({ steps: 100 })), 0);
  const solvedOrNot = recordOf(runToEnd({ ...DEFAULT_SPEC, steps: 120 }), 0);
  const file = {
    tasks: [{ key: 'adding-50', baseline: { expected: 1 / 6, heldOut: 0.16 }, metric: { threshold: 0.01 } }],
    runs: [diverged, solvedOrNot],
  } as unknown as ResultsFile;

  it('shows a run that diverged within its first window step by step: its |c| grows until the state blows up', () => {
    expect(diverged.outcome.status).toBe('diverged');
    expect(diverged.outcome.step).toBeLessThanOrEqual(50);
    const r = replayOf(file, diverged);
    expect(r.every).toBe(1);
    expect(r.loss.length).toBe(r.state!.length);
    expect(r.state!.length).toBeGreaterThan(diverged.curve.length);
    const state = r.state!.map((v) => v ?? Infinity);
    expect(state.at(-1)).toBeGreaterThan(1e4);
    expect(state.at(-1)).toBeGreaterThan(100 * state[0]!);
    expect(r.loss.slice(0, diverged.head.length)).toEqual(
      diverged.head.map((v) => (v === null ? null : Number(v.toPrecision(4)))),
    );
  });

  it('replays a longer run by its committed windows, loss and state alike, and the loss alone from an older file', () => {
    const r = replayOf(file, solvedOrNot);
    expect(r.every).toBe(50);
    expect(r.loss).toEqual(solvedOrNot.curve);
    expect(r.state).toEqual(solvedOrNot.stateCurve);
    const { stateCurve: _, ...old } = solvedOrNot;
    expect(replayOf(file, old as RunRecord).state).toBeNull();
  });

  it('packs a replay for the page and unpacks it unchanged, nulls and all', () => {
    for (const r of [replayOf(file, diverged), replayOf(file, solvedOrNot), { ...replayOf(file, solvedOrNot), state: null }]) {
      const withNull = { ...r, loss: [...r.loss, null] };
      expect(unpackReplay(packReplay(withNull))).toEqual(withNull);
    }
  });

  it('recomputes the steps only when they reproduce the committed fingerprint', () => {
    expect(stepDetail(diverged)).not.toBeNull();
    expect(stepDetail({ ...diverged, fingerprint: '00000000' })).toBeNull();
  });

  it('draws the state curve to its last point, crossed there, not to the edge of the plot', () => {
    const r = replayOf(file, diverged);
    const { loss, state } = replaySeries(r);
    expect(loss.end).toBe('diverged');
    expect(state!.end).toBe('diverged');
    expect(state!.toEdge).toBe(false);
    expect(state!.points.at(-1)![0]).toBe(r.step);
  });

  it('zooms the step axis to a run that diverged early, and keeps the budget otherwise', () => {
    expect(xExtent(3000, { status: 'diverged', step: 8 })).toBe(10);
    expect(xExtent(3000, { status: 'diverged', step: 21 })).toBe(50);
    expect(xExtent(3000, { status: 'diverged', step: 1200 })).toBe(3000);
    expect(xExtent(3000, { status: 'solved', step: 8 })).toBe(3000);
    expect(xExtent(3000, null)).toBe(3000);
  });
});

describe('the windows of a live run', () => {
  it('give each of the first steps a point of its own, then one per LIVE_EVERY steps, with no gap or overlap', () => {
    expect(liveWindow(0)).toEqual([0, 1]);
    expect(liveWindow(LIVE_STEPWISE - 1)).toEqual([LIVE_STEPWISE - 1, LIVE_STEPWISE]);
    expect(liveWindow(LIVE_STEPWISE)).toEqual([LIVE_STEPWISE, LIVE_STEPWISE + LIVE_EVERY]);
    for (let w = 1; w < 200; w++) expect(liveWindow(w)[0]).toBe(liveWindow(w - 1)[1]);
  });

  it('count complete windows while running and the partial last one at the end', () => {
    expect(liveWindows(8, false)).toBe(8);
    expect(liveWindows(8, true)).toBe(8);
    expect(liveWindows(LIVE_STEPWISE + 15, false)).toBe(LIVE_STEPWISE + 1);
    expect(liveWindows(LIVE_STEPWISE + 15, true)).toBe(LIVE_STEPWISE + 2);
    expect(liveWindow(liveWindows(3000, true) - 1)[1]).toBe(3000);
  });
});
