import { describe, expect, it } from 'vitest';
import { widestLabel } from '../../src/figures/slider';
import { zoomReadoutWidest } from '../../src/figures/zoom';
import { formatNumber } from '../../src/figures/format';
import { Z_LIMITS } from '../../src/figures/explorer';
import { ERRATA_LIMITS } from '../../src/figures/errata';
import { D2_LIMITS } from '../../src/figures/second-derivative';
import { MORPH_T } from '../../src/figures/morph';
import { LIMITS } from '../../src/figures/gradients/state';
import { FUNCTION_PLOT } from '../../src/i18n/function-figures';
import '../../src/i18n/index'; // the words of every language
import { LANGS } from '../../src/i18n/ui';

/** Every value of `<input type="range" min max step>`, as its value string has it (the oracle for widestLabel). */
function everyValue(min: number, max: number, step: number): number[] {
  const digits = (x: number) => (String(x).split('.')[1] ?? '').length;
  const d = Math.max(digits(min), digits(step));
  const out: number[] = [];
  for (let k = 0; min + k * step <= max + 1e-9; k++) out.push(Number((min + k * step).toFixed(d)));
  return out;
}

describe('the widest read-out of a slider (widestLabel, zoomReadoutWidest)', () => {
  it('takes the longest label of the ends and their neighbours, without binary rounding noise', () => {
    expect(widestLabel(0, 1, 0.01, (t) => formatNumber(t, 3))).toBe('0.01');
    // 8 − 0.05 is 7.95 after rounding, not 7.9500000000000002 (which formatNumber would show as "7.950").
    expect(widestLabel(0, 8, 0.05, (v) => formatNumber(v))).toBe('0.05');
    expect(widestLabel(2, 1000, 1, String)).toBe('1000');
    expect(widestLabel(-5, 10, 0.25, (v) => formatNumber(v))).toBe('−4.75');
  });

  it('keeps the first of equally long labels', () => {
    expect(widestLabel(1, 4, 1, (v) => ['a', 'bb', 'cc', 'd'][v - 1]!)).toBe('bb');
  });

  // The sliders of the site, each against every value it can take.
  // [name, min, max, step, read-out, the widest the island passes (default: widestLabel's)]
  const sliders: [string, number, number, number, (v: number) => string, string?][] = [
    // The morph figure passes its step, formatted (SigmoidTanhMorph.island.tsx).
    ['morph t', MORPH_T.min, MORPH_T.max, MORPH_T.step, (t) => formatNumber(t, 3), formatNumber(MORPH_T.step, 3)],
    ['gradient ρ', LIMITS.r.min, LIMITS.r.max, LIMITS.r.step, (v) => formatNumber(v)],
    ['gradient T', LIMITS.t.min, LIMITS.t.max, LIMITS.t.step, String],
    ['gradient bias', LIMITS.bf.min, LIMITS.bf.max, LIMITS.bf.step, (v) => formatNumber(v)],
  ];
  for (const [name, limits] of [
    ['explorer', Z_LIMITS],
    ['errata', ERRATA_LIMITS],
    ['second derivatives', D2_LIMITS],
  ] as const) {
    for (const lang of LANGS) {
      const k = FUNCTION_PLOT[lang];
      const max = (limits.max - limits.min) / 2;
      // ZoomSlider passes zoomReadoutWidest (function-figure.tsx).
      sliders.push([
        `${name} zoom (${lang})`,
        0.5,
        max,
        0.5,
        (w) => k.rangeDisplay(formatNumber(-w), formatNumber(w)),
        zoomReadoutWidest(max, k.rangeDisplay),
      ]);
    }
  }
  for (const [name, min, max, step, label, given] of sliders) {
    it(`is at least as long as every read-out of the ${name} slider`, () => {
      const widest = given ?? widestLabel(min, max, step, label);
      const longer = everyValue(min, max, step).filter((v) => label(v).length > widest.length);
      expect(longer, `${name}: values whose read-out is longer than "${widest}"`).toEqual([]);
    });
  }
});
