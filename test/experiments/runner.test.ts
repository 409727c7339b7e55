import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Fingerprint, baselineOnHeldOut, createExperimentRun, trainConfig } from '../../src/experiments/runner';
import {
  GRID_SEEDS,
  TASK_SETTINGS,
  VARIANTS,
  DEFAULT_SPEC,
  gridSpecs,
  keyOfVariant,
  variantsOf,
} from '../../src/experiments/grid';
import {
  PROTOCOL,
  normalizeSpec,
  runKey,
  specProblems,
  variantKey,
  variantLabel,
  type RunSpec,
} from '../../src/experiments/spec';
import { recordOf, type ResultsFile, type RunRecord } from '../../src/experiments/results';
import { createTrainer } from '../../src/lib/nn/train';

const RESULTS = JSON.parse(readFileSync(join(process.cwd(), 'data/experiments/results.json'), 'utf8')) as ResultsFile;

/** Re-runs the first `steps` steps of a committed run and compares them bit for bit. */
function reproducePrefix(r: RunRecord, steps: number = PROTOCOL.fingerprintSteps) {
  const run = createExperimentRun(r.spec);
  while (run.outcome === null && run.stepCount < steps) run.step();
  const n = run.stepCount + (run.outcome?.status === 'diverged' ? 1 : 0);
  const head = Array.from(run.losses.subarray(0, Math.min(n, PROTOCOL.headSteps)));
  return { run, n, head, fingerprint: run.fingerprint() };
}

describe('the committed results reproduce bit for bit', () => {
  // Five different kinds of run: the first of the grid (standard LSTM), a ReLU-candidate run without clipping, a
  // clipped vanilla ReLU RNN, a GRU and a tanh RNN (the last two run their σ and tanh on the SIMD arena, as the LSTM
  // does); plus every run that ended within its first fingerprinted steps (cheap, and it checks whole outcomes,
  // divergences included).
  const pick = (pred: (r: RunRecord) => boolean) => RESULTS.runs.find(pred);
  const chosen = [
    RESULTS.runs[0],
    pick((r) => r.spec.cell === 'lstm' && r.spec.candidate === 'relu' && r.spec.output === 'tanh' && r.spec.clip === 0),
    pick((r) => r.spec.cell === 'rnn' && r.spec.candidate === 'relu' && r.spec.clip > 0),
    pick((r) => r.spec.cell === 'gru'),
    pick((r) => r.spec.cell === 'rnn' && r.spec.candidate === 'tanh'),
  ].filter((r): r is RunRecord => r !== undefined);

  it('has runs to check', () => {
    expect(chosen.length).toBe(5);
  });

  for (const r of chosen) {
    it(`first ${PROTOCOL.fingerprintSteps} steps of ${r.key}`, () => {
      const { head, fingerprint, n } = reproducePrefix(r);
      expect(head.length).toBe(r.head.length);
      head.forEach((v, i) =>
        expect(Object.is(Number.isFinite(v) ? v : null, r.head[i]), `loss of step ${i + 1}: ${v} vs ${r.head[i]}`).toBe(true),
      );
      expect(Math.min(n, PROTOCOL.fingerprintSteps)).toBe(r.fingerprintSteps);
      expect(fingerprint).toBe(r.fingerprint);
    });
  }

  const early = RESULTS.runs.filter((r) => r.outcome.step <= PROTOCOL.fingerprintSteps).slice(0, 6);
  for (const r of early) {
    it(`whole run ${r.key} (ended at step ${r.outcome.step})`, () => {
      const { run } = reproducePrefix(r, r.outcome.step + 1);
      const rec = recordOf(run, 0);
      expect({ ...rec, cpuMs: r.cpuMs }).toEqual(r);
    });
  }
});

describe('the committed file', () => {
  it('holds the whole grid, in grid order, with the grid’s exact configuration', () => {
    const specs = gridSpecs();
    expect(RESULTS.grid.complete).toBe(true);
    expect(RESULTS.runs.map((r) => r.key)).toEqual(specs.map(runKey));
    expect(RESULTS.runs.map((r) => r.spec)).toEqual(specs.map(normalizeSpec));
    expect(RESULTS.grid.seeds).toEqual(GRID_SEEDS);
    expect(RESULTS.grid.settings).toEqual(
      TASK_SETTINGS.map((t) => ({
        task: t.task,
        T: t.T,
        steps: t.steps,
        lrs: t.lrs,
        clips: t.clips,
        ...(t.forgetBias === undefined ? {} : { forgetBias: t.forgetBias }),
        variants: variantsOf(t).map(keyOfVariant),
      })),
    );
    expect(RESULTS.grid.variants.map((v) => v.key)).toEqual(VARIANTS.map(keyOfVariant));
    expect(keyOfVariant(VARIANTS[0]!)).toBe(variantKey(DEFAULT_SPEC));
    expect(RESULTS.protocol).toEqual(JSON.parse(JSON.stringify(PROTOCOL)));
    expect(RESULTS.runs.length).toBeGreaterThan(0);
  });

  it('records a run time, the load and the library version', () => {
    expect(RESULTS.wallSeconds).toBeGreaterThan(0);
    expect(RESULTS.cpuSeconds).toBeGreaterThan(0);
    expect(RESULTS.environment.loadBefore).toHaveLength(3);
    expect(RESULTS.library.srcLibSha256).toMatch(/^[0-9a-f]{64}$/);
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
    expect(RESULTS.library.version).toBe(pkg.version);
  });

  it('computes the adding problem’s constant-prediction baseline (1/6 expected) on the held-out set', () => {
    for (const t of RESULTS.tasks) {
      const b = baselineOnHeldOut(t.task, t.T);
      expect(t.baseline).toEqual(b);
    }
    const adding = RESULTS.tasks.find((t) => t.task === 'adding')!;
    expect(adding.baseline.expected).toBeCloseTo(1 / 6, 15);
    expect(Math.abs(adding.baseline.heldOut - 1 / 6)).toBeLessThan(0.02);
  });
});

describe('the runner', () => {
  const spec: RunSpec = { ...DEFAULT_SPEC, steps: 120 };

  it('trains exactly like the library’s trainer: the gated held-out evaluations change nothing', () => {
    const run = createExperimentRun({ ...spec, task: 'updown' });
    const plain = createTrainer({ ...trainConfig({ ...spec, task: 'updown' }), evalEvery: 1_000_000 });
    while (run.outcome === null) {
      const a = run.step();
      const b = plain.step();
      expect(Object.is(a.loss, b.loss)).toBe(true);
      expect(Object.is(a.gradNorm, b.gradNorm)).toBe(true);
    }
    expect(run.evals.length).toBeGreaterThan(0); // the up-and-down task passes the gate early
  });

  it('is deterministic and depends on the seed', () => {
    const a = createExperimentRun({ ...spec, steps: 60 });
    const b = createExperimentRun({ ...spec, steps: 60 });
    const c = createExperimentRun({ ...spec, steps: 60, seed: 1 });
    for (let k = 0; k < 60; k++) [a, b, c].forEach((r) => r.step());
    expect(a.fingerprint()).toBe(b.fingerprint());
    expect(a.fingerprint()).not.toBe(c.fingerprint());
    expect(Array.from(a.losses)).toEqual(Array.from(b.losses));
  });

  it('reports a divergence as an outcome with the step, the quantity and its value', () => {
    // An identity candidate with a huge learning rate blows the cell state up quickly.
    const run = createExperimentRun({
      ...spec,
      candidate: 'identity',
      output: 'identity',
      lr: 0.1,
      steps: 400,
      task: 'adding',
      T: 100,
    });
    while (run.outcome === null) run.step();
    const o = run.outcome!;
    if (o.status === 'diverged') {
      expect(['state', 'loss', 'gradNorm']).toContain(o.quantity);
      expect(o.step).toBeGreaterThan(0);
      expect(o.final).toBeNull();
      expect(typeof o.valueText).toBe('string');
    } else {
      expect(['budget', 'solved']).toContain(o.status);
    }
  });

  it('can be cancelled', () => {
    const run = createExperimentRun(spec);
    run.step();
    run.step();
    expect(run.cancel()).toMatchObject({ status: 'cancelled', step: 2, final: null });
    expect(() => run.step()).toThrow();
  });

  it('rejects invalid specs', () => {
    expect(specProblems({ ...spec, T: 5 })).not.toEqual([]);
    expect(specProblems({ ...spec, task: 'copy', T: 4 })).not.toEqual([]);
    expect(specProblems({ ...spec, lr: 0 })).not.toEqual([]);
    expect(specProblems(spec)).toEqual([]);
    expect(() => createExperimentRun({ ...spec, H: 0 })).toThrow(RangeError);
  });

  it('normalises the unused roles, so equal runs get equal keys', () => {
    const irnn = normalizeSpec({ ...spec, cell: 'irnn', candidate: 'tanh', output: 'relu' });
    expect(irnn.candidate).toBe('relu');
    expect(irnn.output).toBe('tanh');
    expect(runKey({ ...spec, cell: 'gru', output: 'relu' })).toBe(runKey({ ...spec, cell: 'gru', output: 'identity' }));
    expect(variantLabel(spec)).toBe('LSTM (standard)');
    expect(variantLabel({ ...spec, candidate: 'relu', output: 'identity' })).toBe('LSTM, g = ReLU, φ = identity');
  });
});

describe('the fingerprint', () => {
  it('sees every bit, including the sign of zero', () => {
    const a = new Fingerprint();
    const b = new Fingerprint();
    a.add(0);
    b.add(-0);
    expect(a.hex()).not.toBe(b.hex());
    const c = new Fingerprint();
    const d = new Fingerprint();
    c.add(0.1 + 0.2);
    d.add(0.3);
    expect(c.hex()).not.toBe(d.hex());
    expect(c.count).toBe(1);
  });
});
