import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations';
import { createLstm } from '../../src/lib/nn/lstm';
import {
  ACCUMULATOR,
  BOUNDED,
  GATE_EXTREME,
  GROWTH,
  HOLD,
  PRODUCT_STEPS,
  UPDOWN,
  checkClaims,
  separated,
  text,
  whySigmoidNumbers,
  type SeedSweep,
} from '../../src/numbers/why-sigmoid-and-tanh';
import { buildSeriesPlot, seriesTable } from '../../src/figures/lstm/series';

const N = whySigmoidNumbers();

describe('the numbers of the core article', () => {
  it('pass every check of the claims the article makes about them', () => {
    expect(() => checkClaims(N)).not.toThrow();
  });

  it('are deterministic (a second computation from scratch gives the same training results)', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = (await import('../../src/numbers/why-sigmoid-and-tanh')).whySigmoidNumbers();
    const key = (r: { seed: number; status: string; step: number; mse: number }) => [r.seed, r.status, r.step, r.mse];
    expect(fresh.updown.sweeps.flatMap((w) => w.runs.map(key))).toEqual(N.updown.sweeps.flatMap((w) => w.runs.map(key)));
  }, 600_000); // sixty training runs: about a minute on a quiet core, several on a loaded one

  it('never lets a non-negative candidate make the cell negative (the one-line proof, numerically)', () => {
    for (const k of ['sigmoid', 'relu'] as const) {
      expect(Math.min(...N.updown.handSet[k].c)).toBeGreaterThanOrEqual(0);
      for (const w of N.updown.sweeps.filter((x) => x.candidate === k)) {
        for (const r of w.runs) expect(r.cMin).toBeGreaterThanOrEqual(0);
      }
    }
    expect(N.updown.handSet.tanh.min).toBeLessThan(0);
  });

  it('makes the hand-set tanh cell an accumulator: c_t ≈ tanh(1) × running sum', () => {
    const k = Math.tanh(ACCUMULATOR.candidateWeight);
    N.updown.handSet.tanh.c.forEach((c, t) => expect(c).toBeCloseTo(k * N.updown.sum[t]!, 2));
    expect(N.updown.sum.length).toBe(UPDOWN.T);
    expect(N.updown.sumMin).toBeLessThanOrEqual(-UPDOWN.displayReach);
    expect(N.updown.sumMax).toBeGreaterThanOrEqual(UPDOWN.displayReach);
  });

  it('reports the trained runs as the trainer scored them, with the baseline of the task', () => {
    expect(N.updown.baseline).toBeCloseTo((UPDOWN.moveProbability * (UPDOWN.T + 1)) / (2 * UPDOWN.T), 12);
    for (const r of N.updown.runs) {
      expect(r.solved).toBe(r.mse < N.updown.threshold);
      expect(r.step).toBeLessThanOrEqual(UPDOWN.steps);
      expect(r.cDisplay).toHaveLength(UPDOWN.T);
      expect(r.yDisplay).toHaveLength(UPDOWN.T);
      expect(r.readout).toHaveLength(r.H);
    }
  });

  it('keeps |c_t| ≤ t in the growth demo and matches a hand recurrence', () => {
    const g = N.growth;
    let c = 0;
    for (let t = 0; t < GROWTH.T; t++) {
      c = g.f * c + g.i * g.g;
      expect(g.c[t]).toBeCloseTo(c, 9);
      expect(Math.abs(g.c[t]!)).toBeLessThanOrEqual(t + 1);
    }
    for (const r of g.table) {
      expect(r.hTanh).toBeCloseTo(g.o * Math.tanh(r.c), 12);
      expect(r.hIdentity).toBeCloseTo(g.o * r.c, 9);
      expect(r.hReluNeg).toBe(0);
    }
    expect(g.steady).toBeCloseTo((g.i * g.g) / (1 - g.f), 9);
  });

  it('keeps the GRU and the CIFG LSTM inside [−1, 1] and lets the standard LSTM out (random weights)', () => {
    const b = N.bounded;
    expect(b.gruH).toBeLessThan(1);
    expect(b.cifgIdentity.c).toBeLessThanOrEqual(1);
    expect(b.cifgIdentity.h).toBeLessThanOrEqual(1);
    expect(b.lstmIdentity.c).toBeGreaterThan(1);
    expect(b.lstmTanh.h).toBeLessThan(1);
    expect(b.pytorchRange).toBeCloseTo(1 / Math.sqrt(BOUNDED.H), 15);
  });

  it('checks the identities and derivative facts the article quotes', () => {
    const d = N.derivatives;
    expect(d.squashIdentityError).toBeLessThan(1e-14);
    expect(d.d2IdentityError).toBeLessThan(1e-14);
    expect(d.decay.tanh * 2).toBeCloseTo(d.decay.sigmoid, 6); // tanh″(z) = 8σ″(2z): half the width
    expect(d.sigmoidD2Peak.at).toBeCloseTo(Math.log(2 + Math.sqrt(3)), 6);
    expect(d.tanhD2Peak.at).toBeCloseTo(Math.log(2 + Math.sqrt(3)) / 2, 6);
    expect(d.forum.correct).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)) ** 2, 15);
    expect(d.forum.bracketed).toBeCloseTo(-d.forum.correct, 15);
    expect(d.hardsigmoidFlatBeyond).toBe(3);
    expect(Activations.hardsigmoid.df(d.hardsigmoidFlatBeyond + 0.5)).toBe(0);
    expect(Activations.hardsigmoid.df(d.hardsigmoidFlatBeyond - 0.5)).toBeGreaterThan(0);
    expect(d.kerasHardSigmoidFlatBeyond).toBeCloseTo(2.5, 12);
    expect(d.sigmoidCost).toBe(Activations.sigmoid.costOfDerivativeGivenOutput);
  });

  it('quotes explorer values computed by the library (write − with each candidate)', () => {
    const e = N.explorer.writeNegative;
    expect(e.tanh.c).toBeLessThan(-0.9);
    expect(e.sigmoid.c).toBeGreaterThan(0);
    expect(e.relu.c).toBe(0);
    const lstm = createLstm({ inputSize: 1, hiddenSize: 1, activations: { candidate: Activations.sigmoid } });
    expect(lstm.activations.candidate).toBe(Activations.sigmoid);
  });
});

describe('the time-series plots', () => {
  const spec = {
    yName: 'c',
    series: [
      { id: 'a', label: 'a', values: [0, 1, 2, NaN, 4, 3], colour: 1 as const },
      { id: 'b', label: 'b', values: [1, 1, 1, 1, 1], colour: 2 as const, step: true },
    ],
  };

  it('breaks a line at a non-finite value instead of drawing it to an edge', () => {
    const m = buildSeriesPlot(spec, 640, 250);
    const a = m.paths.find((p) => p.id === 'a')!.d;
    expect(a.match(/M/g)).toHaveLength(2);
    expect(a).not.toMatch(/NaN|Infinity/);
    expect(m.y.domain[0]).toBeLessThanOrEqual(0);
    expect(m.y.domain[1]).toBeGreaterThanOrEqual(4);
  });

  it('tabulates every k-th step and the last, with "—" for a value that is not a number', () => {
    const t = seriesTable(spec, 2);
    expect(t.columns).toEqual(['t', 'a', 'b']);
    expect(t.rows.map((r) => r[0])).toEqual(['1', '3', '5', '6']);
    expect(seriesTable(spec, 1).rows[3]![1]).toBe('—');
  });
});

describe('the article text', () => {
  const mdx = readFileSync(new URL('../../content/articles/why-sigmoid-and-tanh.mdx', import.meta.url), 'utf8');

  it('types no decimal result into its prose: decimals appear only in computed expressions, math and code', () => {
    const body = mdx
      .replace(/^---[\s\S]*?---/, '') // frontmatter
      .replace(/^(import|export) .*$/gm, '') // ESM
      .replace(/\$\$[\s\S]*?\$\$/g, '') // display math
      .replace(/\$[^$\n]*\$/g, '') // inline math
      .replace(/`[^`]*`/g, '') // code
      .replace(/\([^)\s]*https?:\/\/[^)]*\)/g, '') // link targets
      .replace(/\[@[^\]]*\]/g, '') // citations, whose locators (§4.4) are not results
      .replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, '') // MDX expressions (one level of nesting)
      .replace(/TensorFlow \d+\.\d+/g, ''); // a software version, not a result
    expect(body.match(/\d+\.\d+/g) ?? []).toEqual([]);
  });

  it('pins an explicit id on every section heading', () => {
    const headings = mdx.split('\n').filter((l) => /^#{2,4} /.test(l));
    expect(headings.length).toBeGreaterThan(5);
    for (const h of headings) expect(h).toMatch(/ \[#[a-z0-9-]+\]$/);
  });
});

describe('the up-and-down seed sweep', () => {
  const U = N.updown;

  it('trains every candidate and size once per seed, and the figure shows the runs of its own seed', () => {
    expect(U.sweeps).toHaveLength(6);
    for (const w of U.sweeps) {
      expect(w.runs.map((r) => r.seed)).toEqual([...UPDOWN.seeds]);
      expect(w.runs.every((r) => r.candidate === w.candidate && r.H === w.H)).toBe(true);
      expect(w.n).toBe(UPDOWN.seeds.length);
    }
    expect(UPDOWN.seeds.length).toBeGreaterThanOrEqual(10);
    for (const r of U.runs) expect(r.seed).toBe(UPDOWN.seed);
  });

  it('counts solved runs, steps and dead units from the runs themselves', () => {
    for (const w of U.sweeps) {
      const solved = w.runs.filter((r) => r.solved);
      expect(w.solved).toBe(solved.length);
      if (solved.length === 0) expect(w.steps).toBeNull();
      else {
        expect(w.steps!.min).toBe(Math.min(...solved.map((r) => r.step)));
        expect(w.steps!.max).toBe(Math.max(...solved.map((r) => r.step)));
        expect(w.steps!.median).toBeGreaterThanOrEqual(w.steps!.min);
        expect(w.steps!.median).toBeLessThanOrEqual(w.steps!.max);
      }
      expect(w.cMin).toBe(Math.min(...w.runs.map((r) => r.cMin)));
      expect(w.deadRuns).toBe(w.runs.filter((r) => r.gZeroFraction.includes(1)).length);
    }
  });

  it('gives each rate its 95 % Wilson interval: around k/n, inside [0, 1], closed form at k = 0 and k = n', () => {
    const z2 = 1.959963984540054 ** 2;
    for (const w of U.sweeps) {
      const [lo, hi] = w.interval;
      expect(lo).toBeLessThanOrEqual(w.solved / w.n);
      expect(hi).toBeGreaterThanOrEqual(w.solved / w.n);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
      if (w.solved === 0) {
        expect(lo).toBe(0);
        expect(hi).toBeCloseTo(z2 / (w.n + z2), 12);
      }
      if (w.solved === w.n) {
        expect(lo).toBeCloseTo(w.n / (w.n + z2), 12);
        expect(hi).toBe(1);
      }
    }
  });

  it('calls two rates different only when their intervals do not overlap', () => {
    const fake = (solved: number, interval: [number, number]) => ({ ...U.sweeps[0]!, solved, interval }) as SeedSweep;
    expect(separated(fake(9, [0.6, 0.98]), fake(0, [0, 0.28]))).toBe(true);
    expect(separated(fake(10, [0.72, 1]), fake(8, [0.49, 0.94]))).toBe(false);
  });

  it('words a rate as k/n with its interval, and steps as the median and range', () => {
    const w = { ...U.sweeps[0]!, solved: 9, n: 10, interval: [0.5958, 0.9821] as const };
    expect(text.solved(w as SeedSweep)).toBe('9/10 (0.60–0.98)');
    const s = { ...w, steps: { median: 400, min: 300, max: 1000 } } as SeedSweep;
    expect(text.steps(s)).toBe('400 (300–1000)');
    expect(text.steps({ ...s, steps: null })).toBe('—');
    expect(text.seeds()).toBe(`${UPDOWN.seeds[0]}–${UPDOWN.seeds.at(-1)}`);
  });

  it('measures the gate values at an extreme over every trained tanh cell, as fractions', () => {
    const g = U.gateExtremes;
    expect(g.runs).toBe(2 * UPDOWN.seeds.length);
    for (const v of [g.i, g.f, g.o, g.all]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(g.all).toBeCloseTo((g.i + g.f + g.o) / 3, 12);
    expect(GATE_EXTREME).toBeLessThan(0.5);
  });
});

describe('holding a value: the memory path against a tanh unit', () => {
  const h = N.hold;

  it('gives the LSTM f^T for every stored value, as the product of its forget gates', () => {
    for (const r of h.rows) expect(r.lstmGrad).toBeCloseTo(HOLD.forget ** PRODUCT_STEPS, 12);
  });

  it('gives the tanh unit (w·tanh′)^T at its fixed point, which falls as the stored value grows', () => {
    for (const r of h.rows) {
      const slope = HOLD.rnnWeight * (1 - r.v * r.v);
      expect(r.rnnGrad / slope ** PRODUCT_STEPS).toBeCloseTo(1, 9);
    }
    expect(h.rows.map((r) => r.v)).toEqual([...HOLD.values]);
  });
});
