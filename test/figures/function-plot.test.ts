import { describe, expect, it } from 'vitest';
// The English words of the function figures: their islands load them through their English entries (see
// src/i18n/core.ts), these tests here.
import '../../src/i18n/en';
import { ACTIVATION_KEYS, Activations } from '../../src/lib/nn/activations';
import {
  buildPlot,
  dataTable,
  describePlot,
  readoutAt,
  sameDrawing,
  sampleCurves,
  summarise,
  yDomainOf,
} from '../../src/figures/function-plot';
import { niceDomain } from '../../src/figures/scale';
import { explorerDescription, explorerSpec, explorerState, saturationIntervals } from '../../src/figures/explorer';
import { errataSpec, errataState } from '../../src/figures/errata';
import { morphSpec, morphState } from '../../src/figures/morph';
import { secondDerivativeSpec, secondDerivativeState } from '../../src/figures/second-derivative';
import { curveLabel, activationSymbol } from '../../src/figures/names';
import { intervalsWhere, maximize, refineExtremum } from '../../src/figures/analysis';
import { gaussianMean } from '../../src/figures/normal-mean';
import { errataDescription } from '../../src/figures/errata';
import { secondDerivativeDescription } from '../../src/figures/second-derivative';

const NO_BAD = /NaN|Infinity|undefined/;

describe('explorer plot', () => {
  it('draws f, f′ and f″ of every activation from the registry, at any zoom, without NaN', () => {
    for (const f of ACTIVATION_KEYS) {
      for (const d of [
        [-6, 6],
        [-100, 100],
        [-0.25, 0.25],
        [40, 100],
      ] as const) {
        const s = { ...explorerState.defaults, f, d, d2: true, sh: true };
        const spec = explorerSpec(s);
        expect(spec.curves.map((c) => c.label)).toEqual([curveLabel(f, 0), curveLabel(f, 1), curveLabel(f, 2)]);
        expect(spec.curves[1]!.fn).toBe(Activations[f].df);
        const m = buildPlot(spec, 640, 400);
        for (const c of m.curves) expect(c.d, `${f} ${c.id}`).not.toMatch(NO_BAD);
        expect(JSON.stringify(dataTable(spec))).not.toMatch(NO_BAD);
        expect(explorerDescription(s, spec, m)).not.toMatch(NO_BAD);
      }
    }
  });

  it('shades where |f′| < 1 % of the maximum, with bisection-exact ends', () => {
    const [left, right] = saturationIntervals('tanh', [-10, 10]);
    // tanh′(z) = 0.01 at z = artanh(√0.99).
    const edge = Math.atanh(Math.sqrt(0.99));
    expect(left![1]).toBeCloseTo(-edge, 9);
    expect(right![0]).toBeCloseTo(edge, 9);
    expect(saturationIntervals('relu', [-5, 5])).toEqual([[-5, expect.closeTo(0, 9)]]);
    expect(saturationIntervals('identity', [-5, 5])).toEqual([]);
  });

  it('reads exact values at the cursor, formatted without NaN', () => {
    const spec = explorerSpec(explorerState.defaults);
    const r = readoutAt(spec, 1);
    expect(r.map((v) => v.value)).toEqual([Math.tanh(1), Activations.tanh.df(1)]);
    expect(r[0]!.text).toBe('0.7616');
    const wild = readoutAt(
      {
        ...spec,
        curves: [
          { id: 'x', label: 'x', fn: () => Number.NaN, colour: 1 },
          { id: 'y', label: 'y', fn: () => -Infinity, colour: 2 },
        ],
      },
      0,
    );
    expect(wild.map((v) => v.text)).toEqual(['—', 'overflow']);
  });

  it('puts data rows at round z values and kinks', () => {
    const t = dataTable(explorerSpec({ ...explorerState.defaults, f: 'hardtanh', d: [-3, 3] }));
    expect(t.columns).toEqual(['z', 'Hard tanh(z)', 'Hard tanh′(z)']);
    const zs = t.rows.map((r) => r[0]);
    expect(zs).toContain('0');
    expect(zs).toContain('−1');
    expect(t.rows.find((r) => r[0] === '0.5')![1]).toBe('0.5');
  });

  it('names curves from the registry', () => {
    expect(activationSymbol('sigmoid')).toBe('σ');
    expect(activationSymbol('silu')).toBe('SiLU');
    expect(curveLabel('tanh', 2)).toBe('tanh″(z)');
  });
});

describe('the other figures', () => {
  it('never draw or describe NaN, at their default and extreme states', () => {
    const cases = [
      morphSpec(morphState.defaults),
      morphSpec({ t: 1, x: 6 }),
      errataSpec(errataState.defaults),
      errataSpec({ ...errataState.defaults, d: [-50, 50] }),
      secondDerivativeSpec({ ...secondDerivativeState.defaults, ov: true, d1: true }),
      secondDerivativeSpec({ ...secondDerivativeState.defaults, d: [-30, 30] }),
    ];
    for (const spec of cases) {
      const m = buildPlot(spec, 343, 274);
      for (const c of m.curves) expect(c.d).not.toMatch(NO_BAD);
      expect(describePlot(spec, m)).not.toMatch(NO_BAD);
      expect(JSON.stringify(dataTable(spec))).not.toMatch(NO_BAD);
    }
  });

  it('mark the extrema of σ″ and tanh″ inside the plot', () => {
    const m = buildPlot(secondDerivativeSpec(secondDerivativeState.defaults), 640, 400);
    expect(m.markers).toHaveLength(4);
  });
});

describe('summaries and numerics', () => {
  it('summarises trends and unique extrema', () => {
    const s = sampleCurves({ curves: [{ id: 'a', label: 'a', fn: Activations.tanh.df, colour: 1 }], xDomain: [-3, 3] }, 601).get(
      'a',
    )!;
    const sum = summarise(s);
    expect(sum.trend).toBe('rising then falling');
    expect(sum.argmax).toBeCloseTo(0, 9);
    expect(sum.max).toBe(1);
    const flat = sampleCurves(
      { curves: [{ id: 'a', label: 'a', fn: Activations.relu.df, colour: 1 }], xDomain: [-3, 3] },
      601,
    ).get('a')!;
    expect(summarise(flat).argmax).toBeUndefined();
  });

  it('maximises and finds intervals', () => {
    const m = maximize((z) => -((z - 1.2345) ** 2), -10, 10);
    expect(m.x).toBeCloseTo(1.2345, 7);
    expect(intervalsWhere((z) => Math.abs(z) < 1, -3, 3)).toEqual([[expect.closeTo(-1, 9), expect.closeTo(1, 9)]]);
  });
});

describe('extrema in the text alternatives: located on the function, not on the sampling grid', () => {
  it('refines a sampled extremum between its neighbouring samples, and keeps a sample that is already the extremum', () => {
    const typed = (z: number) => -Math.exp(-z) + Math.exp(-2 * z);
    const r = refineExtremum(typed, 0.683, 0.66, 0.706, 'min');
    expect(r.x).toBeCloseTo(Math.LN2, 7);
    expect(r.value).toBeCloseTo(-0.25, 15);
    expect(refineExtremum(Activations.tanh.df, 0, -0.02, 0.02, 'max')).toEqual({ x: 0, value: 1 });
  });

  it('says the typed σ′ formula is lowest at z = ln 2 ≈ 0.6931 (the grid had 0.683), with four significant digits', () => {
    const spec = errataSpec(errataState.defaults);
    const text = errataDescription(errataState.defaults, spec, buildPlot(spec, 343, 274));
    expect(text).toContain('lowest at z = ln 2,');
    expect(text).toContain('between −0.25 and 21880, lowest at z = 0.6931.');
    expect(text).toContain('between 0.006648 and 0.25, peaking at z = 0.');
    expect(text).not.toMatch(/0\.683|0\.693[^1]/);
  });

  it('puts the extrema of σ″ and tanh″ at ±1.317 and ±0.6585 in every sentence and on the markers (the grid had 0.660)', () => {
    for (const width of [343, 640]) {
      const spec = secondDerivativeSpec(secondDerivativeState.defaults);
      const text = secondDerivativeDescription(secondDerivativeState.defaults, spec, buildPlot(spec, width, 274));
      expect(text).toContain('|σ″| is largest, 0.09623, at z = ±1.317; |tanh″| is largest, 0.7698, at z = ±0.6585');
      expect(text).toContain('σ″(z) varies between −0.09623 and 0.09623, peaking at z = −1.317 and lowest at z = 1.317.');
      expect(text).toContain('tanh″(z) varies between −0.7698 and 0.7698, peaking at z = −0.6585 and lowest at z = 0.6585.');
      expect(spec.markers?.map((m) => m.label)).toEqual(['0.09623', '−0.09623', '0.7698', '−0.7698']);
    }
  });

  it('keeps an extremum at 0 at exactly 0 when no sample falls there', () => {
    const spec = {
      curves: [{ id: 'd', label: 'tanh′(z)', fn: Activations.tanh.df, colour: 1 as const }],
      xDomain: [-5.3, 6.1] as const,
    };
    expect(describePlot(spec, buildPlot(spec, 343, 274))).toContain('peaking at z = 0.');
  });

  it('integrates the mean output for a normal input, kinks included', () => {
    expect(gaussianMean(() => 1)).toBeCloseTo(1, 12);
    expect(gaussianMean((z) => z * z)).toBeCloseTo(1, 10);
    expect(gaussianMean(Activations.hardtanh.f)).toBeCloseTo(0, 14);
    // E[max(0, Z)] = 1/√(2π); E[clamp(Z + 3, 0, 6)/6] = 1/2 by symmetry.
    expect(gaussianMean(Activations.relu.f)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 10);
    expect(gaussianMean(Activations.hardsigmoid.f)).toBeCloseTo(0.5, 10);
  });
});

describe('reusing a plot model', () => {
  const base = { ...explorerState.defaults, d2: true, sh: true };

  it('treats a spec rebuilt for a cursor move as the same drawing, so the plot is not resampled', () => {
    expect(sameDrawing(explorerSpec(base), explorerSpec({ ...base, x: -3 }))).toBe(true);
    expect(sameDrawing(morphSpec({ ...morphState.defaults, x: 2 }), morphSpec(morphState.defaults))).toBe(true);
    expect(sameDrawing(errataSpec({ ...errataState.defaults, x: 2 }), errataSpec(errataState.defaults))).toBe(true);
    const d2 = secondDerivativeState.defaults;
    expect(sameDrawing(secondDerivativeSpec({ ...d2, x: 0.3 }), secondDerivativeSpec(d2))).toBe(true);
  });

  it('sees every change that alters the picture: domain, curves, functions, shading, markers', () => {
    const a = explorerSpec(base);
    expect(sameDrawing(a, explorerSpec({ ...base, d: [-5, 6] }))).toBe(false);
    expect(sameDrawing(a, explorerSpec({ ...base, f: 'relu' }))).toBe(false);
    expect(sameDrawing(a, explorerSpec({ ...base, d2: false }))).toBe(false);
    expect(sameDrawing(a, explorerSpec({ ...base, sh: false }))).toBe(false);
    expect(sameDrawing(a, { ...a, yDomain: [-2, 2] })).toBe(false);
    expect(sameDrawing(a, { ...a, curves: a.curves.map((c, i) => (i === 0 ? { ...c, fn: (z: number) => z } : c)) })).toBe(false);
    expect(sameDrawing(a, { ...a, curves: a.curves.map((c, i) => (i === 1 ? { ...c, colour: 4 as const } : c)) })).toBe(false);
    expect(sameDrawing(a, { ...a, markers: [{ x: 0, y: 0, colour: 1 }] })).toBe(false);
    const d2 = secondDerivativeState.defaults;
    expect(sameDrawing(secondDerivativeSpec(d2), secondDerivativeSpec({ ...d2, ov: !d2.ov }))).toBe(false);
  });

  it('fits the y range to the same extremes as before, ignoring gaps and infinities', () => {
    const spec = { curves: [], xDomain: [0, 1] as const };
    const samples = new Map([
      ['a', { xs: Float64Array.of(0, 1, 2), ys: Float64Array.of(0.2, Number.NaN, 0.9) }],
      ['b', { xs: Float64Array.of(0, 1), ys: Float64Array.of(-Infinity, -0.3) }],
    ]);
    expect(yDomainOf(spec, samples)).toEqual(niceDomain([0.2, 0.9, -0.3]));
    expect(yDomainOf(spec, new Map([['c', { xs: Float64Array.of(0), ys: Float64Array.of(Number.NaN) }]]))).toEqual([-1, 1]);
  });
});
