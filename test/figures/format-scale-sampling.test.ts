import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleLinear } from 'd3-scale';
import { formatNumber, formatScientific, MINUS, texNumber, formatInterval, powerOfTen } from '../../src/figures/format';
import { linearAxis, niceDomain, plotFrame, tickCount } from '../../src/figures/scale';
import { clipSegmentY, sampleFunction, samplesToPath } from '../../src/figures/sampling';
import { polylineVertices } from '../../src/figures/polyline';

describe('formatNumber', () => {
  it('never prints NaN or Infinity', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('overflow');
    expect(formatNumber(-Infinity)).toBe('overflow');
    expect(texNumber(Number.NaN)).toBe('\\text{—}');
    fc.assert(
      fc.property(fc.double(), (v) => {
        expect(formatNumber(v)).not.toMatch(/NaN|Infinity/);
      }),
    );
  });

  it('uses the typographic minus, drops zeros only for exact values and switches to powers of ten', () => {
    expect(formatNumber(-0.25)).toBe(`${MINUS}0.25`);
    expect(formatNumber(0.4199743)).toBe('0.4200');
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1234567)).toBe('1.235 × 10⁶');
    expect(formatNumber(2.5e-7)).toBe('2.5 × 10⁻⁷');
    expect(formatScientific(4 ** 20, 2)).toBe('1.1 × 10¹²');
    expect(formatScientific(4 ** -20, 2)).toBe('9.1 × 10⁻¹³');
    expect(texNumber(4 ** 50, 2, true)).toBe('1.3\\cdot10^{30}');
    expect(formatInterval(-Infinity, 2)).toBe(`[${MINUS}∞, 2]`);
  });

  it('writes magnitudes from 0.001 up to a million in plain digits, even when the digits end before the point', () => {
    // toPrecision would give "2.88e+3" here: the rounded value must still be written out.
    expect(formatNumber(2879.8, 3)).toBe('2880');
    expect(formatNumber(2879.8, 4)).toBe('2880');
    expect(formatNumber(2879.8, 6)).toBe('2879.8'); // exact: no padding zero
    expect(formatNumber(2879.803, 6)).toBe('2879.80');
    expect(formatNumber(-2879.8, 2)).toBe(`${MINUS}2900`);
    expect(formatNumber(123456)).toBe('123500');
    expect(formatNumber(999949)).toBe('999900');
    expect(formatNumber(42, 1)).toBe('40');
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(-0.00123456)).toBe(`${MINUS}0.001235`);
    expect(texNumber(2879.8, 3)).toBe('2880');
    expect(texNumber(-2879.8, 2)).toBe('-2900');
    expect(texNumber(123456)).toBe('123500');
  });

  it('decides the notation on the rounded value, so a number that rounds up to a million is scientific', () => {
    expect(formatNumber(999999.6)).toBe('1 × 10⁶');
    expect(formatNumber(1e6)).toBe('1 × 10⁶');
    expect(formatNumber(-1234567, 3)).toBe(`${MINUS}1.23 × 10⁶`);
    expect(formatNumber(0.00099996)).toBe('0.001000');
    expect(formatNumber(0.0009994)).toBe('9.994 × 10⁻⁴');
    expect(formatNumber(-0.0009994)).toBe(`${MINUS}9.994 × 10⁻⁴`);
    expect(texNumber(999999.6)).toBe('1\\cdot10^{6}');
    expect(texNumber(0.0009994)).toBe('9.994\\cdot10^{-4}');
  });

  it('shows zero, infinities and NaN as plain words or a dash', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0, 2)).toBe('0');
    expect(formatNumber(Infinity, 2)).toBe('overflow');
    expect(formatNumber(-Infinity, 2)).toBe('overflow');
    expect(formatNumber(Number.NaN, 2)).toBe('—');
    expect(texNumber(Infinity)).toBe('\\text{overflow}');
    expect(formatScientific(Number.NaN)).toBe('—');
  });

  it('round-trips: the text of any finite number reads back as the number rounded to its significant digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 15 }), (v, sig) => {
        const text = formatNumber(v, sig);
        const m = /^(−?[\d.]+)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(text);
        expect(m, text).not.toBeNull();
        const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
        const exp = m![2] ? Number([...m![2]].map((c) => (c === '⁻' ? '-' : String(digits.indexOf(c)))).join('')) : 0;
        const back = Number(`${m![1]!.replace(MINUS, '-')}e${exp}`);
        expect(back).toBe(Number(v.toPrecision(sig)) + 0);
        if (v !== 0 && !m![2]) {
          expect(Math.abs(back)).toBeGreaterThanOrEqual(1e-3);
          expect(Math.abs(back)).toBeLessThan(1e6);
        }
      }),
    );
  });

  it('rejects a number of significant digits that is not an integer from 1 to 17', () => {
    expect(() => formatNumber(1, 0)).toThrow(/integer from 1 to 17, got 0/);
    expect(() => texNumber(1, 2.5)).toThrow(RangeError);
  });
});

describe('powerOfTen', () => {
  it('labels a decade with a superscript exponent and a superscript minus, 10⁰ and 10¹ as plain numbers', () => {
    expect(powerOfTen(0)).toBe('1');
    expect(powerOfTen(1)).toBe('10');
    expect(powerOfTen(2)).toBe('10²');
    expect(powerOfTen(-3)).toBe('10⁻³');
    expect(powerOfTen(-300)).toBe('10⁻³⁰⁰');
    expect(powerOfTen(308)).toBe('10³⁰⁸');
  });
});

describe('axes', () => {
  it('takes ticks and labels from d3-scale', () => {
    const a = linearAxis([-6, 6], [50, 626], 8);
    const d3 = scaleLinear().domain([-6, 6]).range([50, 626]);
    expect(a.ticks).toEqual(d3.ticks(8));
    expect(a.labels).toEqual(d3.ticks(8).map(d3.tickFormat(8)));
    expect(a.labels[0]).toBe(`${MINUS}6`);
  });

  it('maps and inverts', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), (v) => {
        const a = linearAxis([-10, 30], [400, 20], 5);
        expect(a.invert(a.map(v))).toBeCloseTo(v, 9);
      }),
    );
    const y = linearAxis([0, 1], [300, 0], 5);
    expect(y.map(1)).toBe(0);
  });

  it('fits a nice y domain around finite values and 0, ignoring NaN and infinities', () => {
    const [lo, hi] = niceDomain([0.1, 0.9, Number.NaN, Infinity]);
    expect(lo).toBeLessThanOrEqual(0);
    expect(hi).toBeGreaterThanOrEqual(0.9);
    expect(niceDomain([])).toEqual([-1, 1]);
    const [a, b] = niceDomain([5, 5], { include: [] });
    expect(b - a).toBeGreaterThanOrEqual(0.5);
  });

  it('sizes tick counts and plot frames', () => {
    expect(tickCount(700, 70)).toBe(10);
    expect(tickCount(10, 70)).toBe(2);
    const f = plotFrame(640, 400);
    expect(f.x1 - f.x0).toBeGreaterThan(500);
    expect(f.y1).toBeLessThan(400);
  });
});

describe('sampling and paths', () => {
  it('writes compact relative paths that decode to the rounded absolute points', () => {
    const s = sampleFunction((x) => Math.tanh(x), -6, 6, 97);
    const m = { x: (v: number) => 300 + v * 47.3, y: (v: number) => 200 - v * 151.7, top: 0, bottom: 400 };
    const d = samplesToPath(s, m);
    expect(d).toMatch(/^M[\d.]+,[\d.]+[lh]/);
    const vs = polylineVertices(d)[0]!;
    // Horizontal runs are merged, so compare against the distinct rounded points.
    const pts = [...s.xs].map((x, i) => [Math.round(m.x(x) * 10) / 10, Math.round(m.y(s.ys[i]!) * 10) / 10] as const);
    expect(vs[0]).toEqual([pts[0]![0], pts[0]![1]]);
    const last = vs.at(-1)!;
    expect(last[0]).toBeCloseTo(pts.at(-1)![0], 6);
    expect(last[1]).toBeCloseTo(pts.at(-1)![1], 6);
    for (const [x, y] of vs) expect(pts.some(([a, b]) => Math.abs(a - x) < 1e-6 && Math.abs(b - y) < 1e-6)).toBe(true);
  });

  const px = { x: (v: number) => v * 10, y: (v: number) => 100 - v * 10, top: 0, bottom: 100 };

  it('samples both ends and both sides of each break', () => {
    const s = sampleFunction((x) => x, -1, 1, 5, { breaks: [0.1] });
    expect(s.xs[0]).toBe(-1);
    expect(s.xs[s.xs.length - 1]).toBe(1);
    expect([...s.xs].some((x) => x < 0.1 && x > 0.0999)).toBe(true);
    expect([...s.xs].some((x) => x > 0.1 && x < 0.1001)).toBe(true);
    const split = sampleFunction((x) => (x > 0 ? 1 : 0), -1, 1, 5, { breaks: [0], splitAtBreaks: true });
    expect(samplesToPath(split, px).match(/M/g)).toHaveLength(2);
  });

  it('lifts the pen at non-finite values and never writes NaN or Infinity', () => {
    const s = sampleFunction((x) => (Math.abs(x) < 0.3 ? Number.NaN : x < 0 ? -Infinity : 1 / x), -1, 1, 101);
    const d = samplesToPath(s, px);
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(d.match(/M/g)!.length).toBeGreaterThanOrEqual(1);
  });

  it('clips at the top and bottom of the plot, exactly at the edge', () => {
    const s = sampleFunction((x) => 20 * x, -1, 1, 3); // 0→ -20, 0, 20: far outside [0, 10]
    const d = samplesToPath(s, { ...px, top: 0, bottom: 100 });
    const vs = polylineVertices(d).flat();
    expect(vs.length).toBeGreaterThan(1);
    for (const [, y] of vs) {
      expect(y).toBeGreaterThanOrEqual(-1e-9);
      expect(y).toBeLessThanOrEqual(100 + 1e-9);
    }
    expect(clipSegmentY(0, -50, 10, 50, 0, 100)).toEqual([5, 0, 10, 50]);
    expect(clipSegmentY(0, -50, 10, -40, 0, 100)).toBeUndefined();
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (a, b) => {
        const c = clipSegmentY(0, a, 1, b, 0, 100);
        if (c) for (const y of [c[1], c[3]]) expect(y >= -1e-9 && y <= 100 + 1e-9).toBe(true);
      }),
    );
  });
});
