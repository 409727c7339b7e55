import { describe, expect, it } from 'vitest';
import { hrefOf, liveState, specOf, stateOf } from '../../src/components/experiments/state';
import { PRESETS } from '../../src/components/experiments/presets';
import { DEFAULT_SPEC, gridSpecs } from '../../src/experiments/grid';
import { minLength, normalizeSpec, runKey } from '../../src/experiments/spec';

describe('the live figure’s URL state', () => {
  it('defaults to the default run', () => {
    const r = liveState.parse('');
    expect(r.present).toBe(false);
    expect(specOf(r.state).spec).toEqual(DEFAULT_SPEC);
  });

  it('round-trips every grid run through the URL', () => {
    for (const s of gridSpecs().filter((_, i) => i % 7 === 0)) {
      const href = hrefOf(s);
      const r = liveState.parse(href);
      expect(r.problems).toEqual([]);
      expect(runKey(specOf(r.state).spec)).toBe(runKey(s));
    }
  });

  it('reads a hand-written link', () => {
    const r = liveState.parse('#fig-run=task:copy,t:30,cell:lstm,g:ReLU,phi:identity,h:8,lr:0.003,clip:1,seed:7,steps:500');
    expect(r.problems).toEqual([]);
    expect(specOf(r.state).spec).toEqual({
      task: 'copy',
      T: 30,
      cell: 'lstm',
      candidate: 'relu',
      output: 'identity',
      H: 8,
      lr: 0.003,
      clip: 1,
      seed: 7,
      steps: 500,
    });
  });

  it('turns malformed parameters into notices and defaults, never an exception', () => {
    const r = liveState.parse('#fig-run=task:multiply,t:abc,cell:lstm,g:gelu,lr:5,clip:-1,seed:1.5,bogus:1,steps');
    expect(r.present).toBe(true);
    expect(r.state.task).toBe('adding');
    expect(r.state.t).toBe(DEFAULT_SPEC.T);
    expect(r.state.g).toBe('tanh');
    expect(r.state.lr).toBe(0.1); // clamped
    expect(r.state.clip).toBe(0); // clamped
    expect(r.state.seed).toBe(2); // rounded to the step
    expect(r.problems.length).toBeGreaterThanOrEqual(7);
    for (const p of r.problems) expect(p).not.toMatch(/<|undefined|NaN/);
    for (const junk of ['#fig-run=%E0%A4%A', '#fig-run=' + 'x'.repeat(5000), '#fig-run=,,,:::', '#fig-run=t:1e999']) {
      expect(() => liveState.parse(junk)).not.toThrow();
    }
  });

  it('keeps the copy task at least 2L + 1 long', () => {
    const { spec, problems } = specOf({ ...stateOf(DEFAULT_SPEC), task: 'copy', t: 10 });
    expect(spec.T).toBe(Math.max(10, minLength('copy')));
    expect(problems).toHaveLength(minLength('copy') > 10 ? 1 : 0);
  });

  it('presets are runs of the committed grid', () => {
    const keys = new Set(gridSpecs().map(runKey));
    for (const p of PRESETS) expect(keys.has(runKey(normalizeSpec(p.spec))), p.id).toBe(true);
  });
});
