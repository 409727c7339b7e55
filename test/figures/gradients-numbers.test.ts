/**
 * The build-time numbers of "Vanishing (and exploding) gradients through time" (src/figures/gradients/numbers.ts),
 * checked against closed forms, plus a timing of the figure's computation (logged; loose bound only, the CI
 * machine is shared).
 */
import { describe, expect, it } from 'vitest';
import { computeFlow } from '../../src/figures/gradients/compute';
import { bpttState, cecState, flowParams } from '../../src/figures/gradients/state';
import {
  CEC_BIASES,
  CLIP_LENGTHS,
  STEPS,
  cecRows,
  clipRows,
  gammaRows,
  normAt,
  presetHref,
  pytorchDefaultRadius,
} from '../../src/figures/gradients/numbers';

describe('the forget-gate table', () => {
  it('is σ(b), σ(b)^20 and the 1 % horizon, for b = 0, 1, 2, 5', () => {
    const rows = cecRows();
    expect(rows.map((r) => r.bias)).toEqual([...CEC_BIASES]);
    for (const r of rows) {
      const f = 1 / (1 + Math.exp(-r.bias));
      expect(r.f).toBeCloseTo(f, 15);
      expect(r.fPow).toBeCloseTo(f ** STEPS, 15);
      expect(r.f ** r.stepsTo1Percent).toBeLessThan(0.01);
      expect(r.f ** (r.stepsTo1Percent - 1)).toBeGreaterThanOrEqual(0.01);
    }
    expect(rows[0]!.fPow).toBe(0.5 ** 20);
    expect(rows[0]!.stepsTo1Percent).toBe(7);
  });
});

describe('the γ table', () => {
  it('has γ = 1/4 for σ, 1/6 for hard σ and 1 for tanh, hard tanh, ReLU and the identity', () => {
    const g = Object.fromEntries(gammaRows().map((r) => [r.key, r]));
    expect(g['sigmoid']!.gamma).toBe(0.25);
    expect(g['sigmoid']!.wNeeded).toBe(4);
    expect(g['sigmoid']!.pow).toBe(0.25 ** 20);
    expect(g['hardsigmoid']!.gamma).toBeCloseTo(1 / 6, 15);
    for (const k of ['tanh', 'hardtanh', 'relu', 'identity']) expect(g[k]!.gamma).toBe(1);
  });
});

describe('the clipping table', () => {
  it('grows with T before clipping and is at most 1 after, in the same direction', () => {
    const rows = clipRows();
    expect(rows.map((r) => r.T)).toEqual([...CLIP_LENGTHS]);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      expect(r.before).toBeGreaterThan(1);
      expect(r.after).toBeLessThanOrEqual(1);
      expect(r.after).toBeGreaterThan(0.999999);
      expect(r.factor * r.before).toBeCloseTo(r.after, 9);
      if (i > 0) expect(r.before).toBeGreaterThan(rows[i - 1]!.before);
      expect(r.firstFlag).toBe('ok');
    }
  });
});

describe('numbers quoted in the text', () => {
  it('are the figure read-outs of the same settings', () => {
    const r = computeFlow(flowParams(bpttState.defaults));
    expect(normAt(r)).toMatch(/^[\d.]+ × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    expect(normAt(r, 'ref')).toBe('1.00');
    expect(presetHref('bptt', { a: 'sigmoid' })).toBe('#fig-bptt=c:rnn,a:sigmoid,r:1,w:orth,bf:0,t:200,s:1,k:50');
    expect(presetHref('cec', { bf: 5 })).toMatch(/^#fig-cec=c:lstm,.*bf:5,/);
  });

  it('measures PyTorch’s default recurrent block at a spectral radius near 1/√3', () => {
    const rho = pytorchDefaultRadius();
    expect(rho).toBeGreaterThan(0.5);
    expect(rho).toBeLessThan(0.7);
  });
});

describe('timing', () => {
  it('computes T = 200 in a few milliseconds for every cell (median of 15, after warm-up)', () => {
    const report: string[] = [];
    for (const c of ['rnn', 'lstm', 'gru'] as const) {
      for (const t of [200, 1000]) {
        const base = { ...flowParams(c === 'lstm' ? cecState.defaults : bpttState.defaults), c, t };
        for (let i = 0; i < 5; i++) computeFlow({ ...base, s: 100 + i });
        const times: number[] = [];
        for (let i = 0; i < 15; i++) {
          const t0 = performance.now();
          computeFlow({ ...base, s: i });
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        report.push(`${c} T=${t}: median ${times[7]!.toFixed(2)} ms`);
        if (t === 200) expect(times[7]!).toBeLessThan(100);
      }
    }
    console.log(`computeFlow (node, H = 32): ${report.join('; ')}`);
  });
});
