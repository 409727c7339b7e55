import { describe, expect, it } from 'vitest';
import { KINKS, values, text, tex } from '../../src/numbers/activation-functions';
import { renderTex } from '../../src/figures/tex';
import { secondDerivativePeak, CLOSED_FORMS, eightSigmaD2 } from '../../src/figures/second-derivative';
import { asTyped, withParentheses, correctLiteral } from '../../src/figures/errata';
import { morphFn, morphSlopeAt0, maxDeviationFromTanh, morphFormula } from '../../src/figures/morph';
import { Activations } from '../../src/lib/nn/activations';
import { maximize } from '../../src/figures/analysis';
import { GAUSSIAN_MEAN, gaussianMean } from '../../src/figures/normal-mean';

describe('numbers of the article, against closed forms', () => {
  it('slopes at 0 and their ratio', () => {
    expect(values.slopeSigmoid0).toBe(0.25);
    expect(values.slopeTanh0).toBe(1);
    expect(values.ratio).toBe(4);
  });

  it('powers of 4 over 20 and 50 steps', () => {
    expect(values.powers).toEqual([
      { n: 20, up: 4 ** 20, down: 0.25 ** 20 },
      { n: 50, up: 4 ** 50, down: 0.25 ** 50 },
    ]);
    expect(text.powers[0]).toEqual({ n: 20, up: '1.1 × 10¹²', down: '9.1 × 10⁻¹³' });
    expect(text.powers[1]!.up).toBe('1.3 × 10³⁰');
  });

  it('the identities tanh = 2σ(2z) − 1, tanh′ = 4σ′(2z), tanh″ = 8σ″(2z) hold to rounding', () => {
    expect(values.identityGap).toBeLessThan(1e-15);
    expect(values.derivativeIdentityGap).toBeLessThan(1e-15);
    expect(values.secondIdentityGap).toBeLessThan(1e-15);
  });

  it('second-derivative extrema found numerically equal √3/18 at ln(2+√3) and 4√3/9 at ½ln(2+√3)', () => {
    const s = secondDerivativePeak('sigmoid');
    const t = secondDerivativePeak('tanh');
    expect(s.value).toBeCloseTo(Math.sqrt(3) / 18, 14);
    expect(s.z).toBeCloseTo(Math.log(2 + Math.sqrt(3)), 6);
    expect(t.value).toBeCloseTo((4 * Math.sqrt(3)) / 9, 14);
    expect(t.z).toBeCloseTo(0.5 * Math.log(2 + Math.sqrt(3)), 6);
    expect(CLOSED_FORMS.tanh.z * 2).toBeCloseTo(CLOSED_FORMS.sigmoid.z, 15);
    expect(text.d2SigmoidValue).toBe('0.09623');
    expect(text.d2TanhValue).toBe('0.7698');
    expect(text.d2SigmoidZ).toBe('1.317');
    expect(text.d2TanhZ).toBe('0.6585');
  });

  it('tanh″ decays twice as fast as σ″, and tanh′ twice as fast as σ′', () => {
    expect(values.d2DecayTanh * 2).toBeCloseTo(values.d2DecaySigmoid, 6);
    expect(values.d1DecayTanh * 2).toBeCloseTo(values.d1DecaySigmoid, 6);
    // Beyond the decay point |σ″| really stays below 1 % of its maximum.
    for (let z = values.d2DecaySigmoid + 1e-6; z < 60; z += 0.37) {
      expect(Math.abs(Activations.sigmoid.d2f(z))).toBeLessThan(0.01 * values.d2Sigmoid.value);
    }
    for (let z = -10; z <= 10; z += 0.01) expect(eightSigmaD2(z)).toBeCloseTo(Activations.tanh.d2f(z), 14);
  });

  it('the forum formula: as typed it is −e^{−z} + e^{−2z} with minimum −1/4 at ln 2', () => {
    expect(values.typedMin.z).toBe(Math.LN2);
    expect(values.typedMin.value).toBeCloseTo(-0.25, 15);
    // The closed form is where a golden-section search finds the minimum too (not at a grid point such as 0.683).
    const searched = maximize((z) => -asTyped(z), 0, 5);
    expect(searched.x).toBeCloseTo(Math.LN2, 7);
    expect(-searched.value).toBeCloseTo(values.typedMin.value, 15);
    expect(text.typedMinZ).toBe('0.6931');
    expect(text.typedMinValue).toBe('−0.25');
    expect(asTyped(-5)).toBeCloseTo(Math.exp(10) - Math.exp(5), 6);
    for (let z = -20; z <= 20; z += 0.1) {
      expect(withParentheses(z)).toBeCloseTo(-Activations.sigmoid.df(z), 15);
      expect(correctLiteral(z)).toBeCloseTo(Activations.sigmoid.df(z), 15);
    }
    // Overflow shows up as a non-finite value (drawn as a gap), never as a wrong finite number.
    expect(Number.isFinite(asTyped(-800))).toBe(false);
  });

  it('the morph runs from σ to tanh with slope (1 + t)²/4 at 0', () => {
    expect(morphFn(0)(0.7)).toBe(Activations.sigmoid.f(0.7));
    expect(maxDeviationFromTanh(1)).toBeLessThan(1e-15);
    expect(maxDeviationFromTanh(0.5)).toBeGreaterThan(0.1);
    for (const t of [0, 0.25, 0.5, 1]) expect(morphSlopeAt0(t)).toBeCloseTo((1 + t) ** 2 / 4, 15);
    expect(morphFormula(0)).toBe('σ(z)');
    expect(morphFormula(1)).toBe('2·σ(2z) − 1');
  });

  it('computes the derivative-from-the-output gap for each function the sentence names, σ and tanh alike', () => {
    expect(Object.keys(values.fromOutputGap)).toEqual(['sigmoid', 'tanh']);
    for (const k of ['sigmoid', 'tanh'] as const) {
      const a = Activations[k];
      let worst = 0;
      for (let z = -10; z <= 10; z += 0.005) worst = Math.max(worst, Math.abs(a.df(z) - a.dfFromOutput!(a.f(z))));
      // Another grid finds a gap of the same size: rounding error, a few ulps of 1/4 or 1.
      expect(values.fromOutputGap[k]).toBeGreaterThan(worst / 2);
      expect(values.fromOutputGap[k]).toBeLessThan(2 * worst + 1e-300);
      expect(values.fromOutputGap[k]).toBeLessThan(1e-15);
      expect(text.fromOutputGap[k]).toMatch(/^(0|\d(\.\d)? × 10⁻¹[⁵⁶⁷])$/);
    }
  });

  it('integrates with panel boundaries on every kink of the registry', () => {
    expect(text.kinks).toBe('0, ±1, ±3');
    for (const z of KINKS) {
      const panels = (z + GAUSSIAN_MEAN.halfWidth) / GAUSSIAN_MEAN.panel;
      expect(Math.abs(panels - Math.round(panels))).toBeLessThan(1e-9);
    }
  });

  it('gives the mean output for a standard normal input, against closed forms', () => {
    expect(values.mean.sigmoid).toBeCloseTo(0.5, 12);
    expect(Math.abs(values.mean.tanh)).toBeLessThan(1e-12);
    expect(values.mean.relu).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 10);
    expect(values.mean.gelu).toBeCloseTo(1 / (2 * Math.sqrt(Math.PI)), 10);
    // SiLU: E[Zσ(Z)] = E[σ′(Z)] (Stein's lemma), a second, independent integral.
    expect(values.mean.silu).toBeCloseTo(gaussianMean(Activations.sigmoid.df), 10);
    expect(text.mean).toEqual({ sigmoid: '0.5', tanh: '0', relu: '0.399', silu: '0.207', gelu: '0.282' });
  });

  it('every ready-made formula typesets', () => {
    const all = [...Object.values(tex).flat()];
    for (const s of all) expect(renderTex(s as string, true)).not.toContain('katex-error');
    expect(JSON.stringify({ values, text, tex })).not.toMatch(/NaN|Infinity/);
  });
});
