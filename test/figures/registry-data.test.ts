import { describe, expect, it } from 'vitest';
import { ACTIVATION_KEYS, Activations, LATEX_NOTATION } from '../../src/lib/nn/activations';
import { activationFormulas, notationIn } from '../../src/figures/formulas';
import { renderTex } from '../../src/figures/tex';
import { activationTable, maxSlopeWhere, rangeText, saturatingTails } from '../../src/figures/activation-table';
import { MINUS } from '../../src/figures/format';

/** The TeX source KaTeX stores in the MathML annotation (HTML-unescaped). */
function annotation(html: string): string {
  const m = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(html);
  if (!m) throw new Error('no annotation');
  return m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('formulas come from the registry', () => {
  const entries = activationFormulas();

  it('lists every activation, in the registry’s display order', () => {
    expect(entries.map((e) => e.key)).toEqual([...ACTIVATION_KEYS]);
  });

  it('passes the registry’s LaTeX through verbatim', () => {
    for (const e of entries) {
      const a = Activations[e.key];
      expect(e.f).toBe(a.latex.f);
      expect(e.df).toBe(a.latex.df);
      expect(e.label).toBe(a.label);
    }
  });

  it('typesets each string at build time, and the typeset TeX equals the registry’s string', () => {
    for (const e of entries) {
      for (const tex of [e.f, e.df]) {
        for (const display of [false, true]) {
          const html = renderTex(tex, display);
          expect(html).toContain('<math');
          expect(html).not.toContain('katex-error');
          expect(annotation(html)).toBe(tex);
        }
      }
    }
  });

  it('defines σ and Φ wherever a formula uses them (except σ’s own card)', () => {
    const sig = LATEX_NOTATION.find((n) => n.name === 'sigma')!;
    const phi = LATEX_NOTATION.find((n) => n.name === 'Phi')!;
    expect(notationIn(Activations.silu.latex.df)).toEqual([sig]);
    expect(notationIn(Activations.gelu.latex.f)).toEqual([phi]);
    expect(notationIn(Activations.tanh.latex.df)).toEqual([]);
    expect(entries.find((e) => e.key === 'softplus')!.notation).toEqual([sig]);
    expect(entries.find((e) => e.key === 'sigmoid')!.notation).toEqual([]);
  });

  it('fails loudly (naming the place) on bad TeX', () => {
    expect(() => renderTex('\\frac{1}{', false, 'test.mdx')).toThrow(/test\.mdx/);
    expect(() => renderTex('\\notamacro', false, 'test.mdx')).toThrow(/notamacro/);
  });
});

describe('the property table comes from the registry', () => {
  const rows = activationTable();

  it('copies the registry’s booleans and cost strings', () => {
    for (const r of rows) {
      const a = Activations[r.key];
      expect(r.bounded).toBe(a.props.bounded);
      expect(r.zeroCentred).toBe(a.props.zeroCentred);
      expect(r.monotonic).toBe(a.props.monotonic);
      expect(r.smooth).toBe(a.props.smooth);
      expect(r.cost).toBe(a.costOfDerivativeGivenOutput);
      expect(r.label).toBe(a.label);
    }
  });

  it('gives each function’s mean output for a standard normal input: 0 exactly for the odd ones, not for SiLU or GELU', () => {
    const mean = Object.fromEntries(rows.map((r) => [r.key, r.mean]));
    for (const k of ['tanh', 'hardtanh', 'softsign', 'lecuntanh', 'identity'] as const) expect(mean[k], k).toBe('0');
    expect(mean).toMatchObject({ sigmoid: '0.5', hardsigmoid: '0.5', relu: '0.399', silu: '0.207', gelu: '0.282' });
    // Zero-centred (f(0) = 0, both signs) does not make the mean 0: SiLU, GELU, ELU and leaky ReLU are all positive.
    for (const k of ['silu', 'gelu', 'elu', 'leakyrelu'] as const) {
      expect(Activations[k].props.zeroCentred, k).toBe(true);
      expect(Number(mean[k]), k).toBeGreaterThan(0.1);
    }
  });

  it('derives the saturating tails from f′, consistently with props.saturating', () => {
    for (const k of ACTIVATION_KEYS) {
      const a = Activations[k];
      expect(saturatingTails(a) !== 'none', k).toBe(a.props.saturating);
    }
    expect(saturatingTails(Activations.sigmoid)).toBe('both');
    expect(saturatingTails(Activations.relu)).toBe('left');
    expect(saturatingTails(Activations.leakyrelu)).toBe('none');
  });

  it('states the maximum slope and where it is attained', () => {
    expect(maxSlopeWhere(Activations.sigmoid)).toBe('z = 0');
    expect(maxSlopeWhere(Activations.relu)).toBe('z > 0');
    expect(maxSlopeWhere(Activations.hardtanh)).toBe(`${MINUS}1 < z < 1`);
    expect(maxSlopeWhere(Activations.hardsigmoid)).toBe(`${MINUS}3 < z < 3`);
    expect(maxSlopeWhere(Activations.elu)).toBe('z ≥ 0');
    expect(maxSlopeWhere(Activations.identity)).toBe('all z');
    expect(maxSlopeWhere(Activations.softplus)).toBe('as z → ∞ (not attained)');
    expect(maxSlopeWhere(Activations.silu)).toBe('z ≈ 2.399');
    for (const r of rows) {
      const v = Activations[r.key].maxSlope.value;
      expect(Number(r.maxSlope.replace('≈ ', '').replace(MINUS, '-'))).toBeCloseTo(v, 3);
    }
  });

  it('writes ranges with open and closed ends from the registry', () => {
    expect(rangeText(Activations.sigmoid)).toBe('(0, 1)');
    expect(rangeText(Activations.hardtanh)).toBe(`[${MINUS}1, 1]`);
    expect(rangeText(Activations.relu)).toBe('[0, ∞)');
    expect(rangeText(Activations.identity)).toBe(`(${MINUS}∞, ∞)`);
    expect(rangeText(Activations.silu)).toBe(`[≈ ${MINUS}0.2785, ∞)`);
  });

  it('never shows NaN or Infinity', () => {
    expect(JSON.stringify(rows)).not.toMatch(/NaN|Infinity/);
  });
});
