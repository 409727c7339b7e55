import { describe, expect, it } from 'vitest';
import '../../src/i18n/en'; // the English figure strings (the islands' entries load them on a page)
import { ACTIVATION_KEYS, Activations, type ActivationKey } from '../../src/lib/nn/activations';
import { createLstm } from '../../src/lib/nn/lstm';
import {
  DEFAULT_STATE,
  GATES,
  PRESETS,
  PRESET_KEYS,
  applyPreset,
  computeCell,
  formatValue,
  matchingPreset,
  parseNumber,
  type ExplorerState,
} from '../../src/figures/lstm/explorer';

/** An independent hand computation of one LSTM step, written from the equations with Math.exp / Math.tanh only. */
function byHand(s: ExplorerState) {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const z = (q: 'i' | 'f' | 'g' | 'o') => s.params[q].wx * s.x + s.params[q].wh * s.hPrev + s.params[q].b;
  const i = sig(z('i'));
  const f = sig(z('f'));
  const g = Math.tanh(z('g'));
  const o = sig(z('o'));
  const c = f * s.cPrev + i * g;
  const h = o * Math.tanh(c);
  return { i, f, g, o, c, h };
}

/** A second route through the library: a fresh createLstm with the weights written by hand in PyTorch's layout. */
function byLibrary(s: ExplorerState) {
  const a = (k: ActivationKey) => Activations[k];
  const lstm = createLstm({
    inputSize: 1,
    hiddenSize: 1,
    init: 'zeros',
    activations: { gate: a(s.act.gate), candidate: a(s.act.candidate), cellOutput: a(s.act.cellOutput) },
  });
  lstm.weightIh.w.set(GATES.map((q) => s.params[q].wx));
  lstm.weightHh.w.set(GATES.map((q) => s.params[q].wh));
  lstm.biasIh.w.set(GATES.map((q) => s.params[q].b));
  const h = lstm.forward({ T: 1, B: 1, I: 1, x: Float64Array.of(s.x) }, Float64Array.of(s.hPrev), Float64Array.of(s.cPrev));
  const tr = lstm.trace();
  return { i: tr.i[0]!, f: tr.f[0]!, g: tr.g[0]!, o: tr.o[0]!, c: tr.c[0]!, h: h[0]! };
}

/** A small deterministic generator for test states (no dependence on the library's RNG). */
function* states(n: number): Generator<ExplorerState> {
  let seed = 12345;
  const r = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const u = (lo: number, hi: number) => lo + (hi - lo) * r();
  for (let k = 0; k < n; k++) {
    const gp = () => ({ wx: u(-10, 10), wh: u(-10, 10), b: u(-10, 10) });
    yield {
      x: u(-3, 3),
      hPrev: u(-1, 1),
      cPrev: u(-5, 5),
      params: { i: gp(), f: gp(), g: gp(), o: gp() },
      act: DEFAULT_STATE.act,
    };
  }
}

describe('the cell explorer', () => {
  const all = [DEFAULT_STATE, ...PRESET_KEYS.map((k) => applyPreset(k)), ...states(200)];

  it('equals the library forward pass (PyTorch layout, I = H = T = B = 1) exactly', () => {
    for (const s of all) {
      const v = computeCell(s);
      const lib = byLibrary(s);
      expect([v.i, v.f, v.g, v.o, v.c, v.h]).toEqual([lib.i, lib.f, lib.g, lib.o, lib.c, lib.h]);
    }
  });

  it('equals an independent hand computation of the LSTM equations', () => {
    for (const s of all) {
      const v = computeCell(s);
      const hand = byHand(s);
      for (const k of ['i', 'f', 'g', 'o', 'c', 'h'] as const) expect(v[k]).toBeCloseTo(hand[k], 12);
      expect(v.kept + v.written).toBeCloseTo(v.c, 12);
      expect(v.h).toBeCloseTo(v.o * v.phiC, 14);
    }
  });

  it('reports the pre-activations z = w_x·x + w_h·h + b of every gate', () => {
    const s = DEFAULT_STATE;
    const v = computeCell(s);
    for (const q of GATES) expect(v.z[q]).toBeCloseTo(s.params[q].wx * s.x + s.params[q].wh * s.hPrev + s.params[q].b, 14);
  });

  it('uses the chosen activation in each role', () => {
    for (const key of ACTIVATION_KEYS) {
      const s: ExplorerState = { ...DEFAULT_STATE, act: { gate: key, candidate: key, cellOutput: key } };
      const v = computeCell(s);
      const a = Activations[key];
      expect(v.i).toBe(a.f(v.z.i));
      expect(v.g).toBe(a.f(v.z.g));
      expect(v.phiC).toBe(a.f(v.c));
    }
  });

  it('makes every preset do what its name says (default activations)', () => {
    const v = (k: (typeof PRESET_KEYS)[number]) => computeCell(applyPreset(k));
    expect(v('remember').c).toBeCloseTo(PRESETS.remember.cPrev, 2);
    expect(Math.abs(v('forget').c)).toBeLessThan(0.01);
    expect(v('writePositive').c).toBeGreaterThan(0.9);
    expect(v('writeNegative').c).toBeLessThan(-0.9);
    const sat = v('saturated');
    for (const g of [sat.i, sat.f, sat.o]) expect(g).toBeGreaterThan(0.999);
    expect(sat.h).toBeGreaterThan(0.999);
    for (const k of PRESET_KEYS) expect(matchingPreset(applyPreset(k))).toBe(k);
    expect(matchingPreset(DEFAULT_STATE)).toBeUndefined();
  });

  it('cannot write a negative value with a sigmoid or ReLU candidate (the write − preset)', () => {
    for (const candidate of ['sigmoid', 'relu', 'hardsigmoid', 'softplus'] as const) {
      const v = computeCell(applyPreset('writeNegative', { gate: 'sigmoid', candidate, cellOutput: 'tanh' }));
      expect(v.g).toBeGreaterThanOrEqual(0);
      expect(v.c).toBeGreaterThanOrEqual(0);
    }
  });

  it('never shows NaN or Infinity, even after an overflow', () => {
    const huge: ExplorerState = {
      ...DEFAULT_STATE,
      x: 3,
      cPrev: 1e308,
      params: {
        i: { wx: 1e308, wh: 0, b: 0 },
        f: { wx: 1e308, wh: 0, b: 0 },
        g: { wx: 1e308, wh: 0, b: 0 },
        o: { wx: 1e308, wh: 0, b: 0 },
      },
      act: { gate: 'sigmoid', candidate: 'identity', cellOutput: 'identity' },
    };
    const v = computeCell(huge);
    expect(v.c).toBe(Infinity);
    const shown = [v.i, v.f, v.g, v.o, v.kept, v.written, v.c, v.phiC, v.h].map((x) => formatValue(x));
    for (const s of shown) expect(s).not.toMatch(/NaN|Infinity/);
    expect(formatValue(Infinity)).toBe('+overflow');
    expect(formatValue(-Infinity)).toBe('−overflow');
    expect(formatValue(NaN)).toBe('—');
    // 0 · ∞ (a closed gate times an overflowed candidate) is undefined, shown as such
    const zeroTimesInf: ExplorerState = { ...huge, params: { ...huge.params, i: { wx: -1e308, wh: 0, b: 0 } } };
    expect(formatValue(computeCell(zeroTimesInf).written)).toBe('—');
  });

  it('formats numbers with a true minus sign, no negative zero, and powers of ten when large', () => {
    expect(formatValue(-0.5)).toBe('−0.500');
    expect(formatValue(-0.0001)).toBe('0.000');
    expect(formatValue(-0)).toBe('0.000');
    expect(formatValue(12345.6)).toBe('1.23 × 10⁴');
    expect(formatValue(-2.5e10)).toBe('−2.5 × 10¹⁰');
    expect(formatValue(0.12345, 2)).toBe('0.12');
  });

  it('parses typed numbers, including a true minus sign, and rejects junk', () => {
    expect(parseNumber('−1.5')).toBe(-1.5);
    expect(parseNumber('2e3')).toBe(2000);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of ['', 'abc', '1e999', '--1', 'NaN', 'Infinity']) expect(parseNumber(bad)).toBeUndefined();
  });
});

describe('the explorer URL state', () => {
  it('round-trips every preset and extreme typed values through a link', async () => {
    const { cellUrlState, toUrlState, fromUrlState } = await import('../../src/figures/lstm/explorer');
    for (const s of [
      DEFAULT_STATE,
      ...PRESET_KEYS.map((k) => applyPreset(k, { gate: 'hardsigmoid', candidate: 'relu', cellOutput: 'identity' })),
    ]) {
      const r = cellUrlState.parse(cellUrlState.href(toUrlState(s)));
      expect(r.problems).toEqual([]);
      expect(fromUrlState(r.state)).toEqual(s);
    }
    const huge = { ...DEFAULT_STATE, x: 3, params: { ...DEFAULT_STATE.params, g: { wx: 1e308, wh: -1e-300, b: 0 } } };
    expect(fromUrlState(cellUrlState.parse(cellUrlState.href(toUrlState(huge))).state)).toEqual(huge);
  });
});
