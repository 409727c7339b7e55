/**
 * The build-time numbers of "Vanishing (and exploding) gradients through time" (src/figures/gradients/numbers.ts),
 * checked against closed forms, plus a timing of the figure's computation (logged; loose bound only, the CI
 * machine is shared).
 */
import { describe, expect, it } from 'vitest';
import '../../src/i18n/en'; // the English figure strings (the figure read-outs quote them)
import { computeFlow } from '../../src/figures/gradients/compute';
import { bpttState, cecState, flowParams } from '../../src/figures/gradients/state';
import {
  BOUND_PRESETS,
  CEC_BIASES,
  CLIP_LENGTHS,
  boundRows,
  STEPS,
  cecRows,
  clipRows,
  gammaRows,
  initialFlow,
  normAt,
  presetResult,
  pytorchDefaultRadius,
} from '../../src/numbers/vanishing-gradients';
import { packFlow, unpackFlow } from '../../src/figures/gradients/pack';
import { PRESETS, isPreset, presetState } from '../../src/figures/gradients/state';

describe('the forget-gate table', () => {
  it('is σ(b), σ(b)^20 and the 1 % horizon, for b = 0, 1, 2, 5', () => {
    const rows = cecRows();
    expect(rows.map((r) => r.bias)).toEqual([...CEC_BIASES]);
    for (const r of rows) {
      const f = 1 / (1 + Math.exp(-r.bias));
      expect(r.f).toBeCloseTo(f, 15);
      expect(r.fPow).toBeCloseTo(f ** STEPS, 15);
      expect(r.f ** r.stepsBelowKeep).toBeLessThan(0.01);
      expect(r.f ** (r.stepsBelowKeep - 1)).toBeGreaterThanOrEqual(0.01);
    }
    expect(rows[0]!.fPow).toBe(0.5 ** 20);
    expect(rows[0]!.stepsBelowKeep).toBe(7);
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

describe('the bound against the measured gradient', () => {
  const rows = Object.fromEntries(boundRows().map((r) => [r.id, r]));

  it('holds in every preset: (γ‖W‖)^{T−t} is never below the exact gradient norm', () => {
    expect(Object.keys(rows)).toEqual([...BOUND_PRESETS]);
    for (const r of Object.values(rows)) {
      expect(r.lag).toBe(199);
      expect(r.boundLog10).toBeCloseTo(r.lag * Math.log10(r.gamma * r.wNorm), 9);
      expect(r.measuredLog10).toBeLessThanOrEqual(r.boundLog10 + 1e-9);
    }
  });

  it('is an upper bound, not an estimate: at the default it stays at 1 while the gradient falls below 10⁻⁶', () => {
    expect(rows['default']!.boundLog10).toBeCloseTo(0, 9);
    expect(rows['default']!.measuredLog10).toBeLessThan(-6);
    // A Gaussian W of the same spectral radius: the bound grows, the gradient still falls.
    expect(rows['gauss']!.boundLog10).toBeGreaterThan(0);
    expect(rows['gauss']!.measuredLog10).toBeLessThan(0);
    // The linear network with an orthogonal W attains it: 0.9^199.
    expect(rows['identity']!.measuredLog10).toBeCloseTo(199 * Math.log10(0.9), 9);
    expect(rows['identity']!.boundLog10).toBeCloseTo(rows['identity']!.measuredLog10, 9);
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
    expect(presetResult('bptt', 'sigmoid').params).toEqual({ ...flowParams(bpttState.defaults), a: 'sigmoid' });
    expect(normAt(presetResult('bptt', 'tiny'))).toMatch(/^underflow below 10⁻³⁰⁰/);
    expect(presetResult('bptt', 'relu3').overflowStep).toBeGreaterThan(0);
  });

  it('measures PyTorch’s default recurrent block at a spectral radius near 1/√3', () => {
    const rho = pytorchDefaultRadius();
    expect(rho).toBeGreaterThan(0.5);
    expect(rho).toBeLessThan(0.7);
  });
});

describe('presets', () => {
  it('are valid states of their figure, each recognised as itself and no other', () => {
    for (const figure of ['bptt', 'cec'] as const) {
      const def = figure === 'bptt' ? bpttState : cecState;
      expect(PRESETS[figure][0]!.change).toEqual({});
      for (const p of PRESETS[figure]) {
        const s = presetState(figure, p.id);
        expect(def.parse(def.href(s)).problems).toEqual([]);
        for (const q of PRESETS[figure]) expect(isPreset(figure, q.id, s)).toBe(q.id === p.id);
      }
    }
  });
});

describe('the build-time initial results', () => {
  it('unpack bit for bit to computeFlow of the default state', () => {
    for (const figure of ['bptt', 'cec'] as const) {
      const def = figure === 'bptt' ? bpttState : cecState;
      const r = computeFlow(flowParams(def.defaults));
      const u = unpackFlow(initialFlow(figure));
      expect(u.params).toEqual(r.params);
      expect(Array.from(u.h.log10)).toEqual(Array.from(r.h.log10));
      expect(u.h.flags).toEqual(r.h.flags);
      expect(u.c === null ? null : Array.from(u.c.log10)).toEqual(r.c === null ? null : Array.from(r.c.log10));
      expect(Array.from(u.ref.log10)).toEqual(Array.from(r.ref.log10));
      expect(u.clip).toEqual(r.clip);
      expect(Object.is(u.meanGate, r.meanGate)).toBe(true);
    }
  });

  it('keep non-finite numbers and flags through packing', () => {
    const r = computeFlow({ c: 'rnn', a: 'relu', r: 3, w: 'orth', bf: 0, t: 1000, s: 1 });
    const u = unpackFlow(packFlow(r));
    expect(u.clip.before).toBe(Infinity);
    expect(Number.isNaN(u.meanGate)).toBe(true);
    expect(u.ref.flags).toEqual(r.ref.flags);
    expect(u.cutReason).toBe(r.cutReason);
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
