import { scaleDiverging, scaleLinear, scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { interpolate, interpolateNumber, interpolateRound, piecewise } from '../../src/figures/d3-interpolate-numbers';

/** Numbers of every kind a range or a parameter t can hold. */
const VALUES = [0, -0, 1, -1, 0.1, 0.3, 640, 14, -2.5e-300, 1e300, 123.456, Infinity, -Infinity, NaN];
const TS = [0, 1, 0.5, 0.25, 1 / 3, 0.999999, -0.5, 1.5, 1e-17, NaN];
const exact = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/**
 * The real d3-interpolate (vitest does not alias it), reached through d3-scale, which has types: a linear scale's
 * default interpolator is d3's `interpolate`, after `rangeRound` its `interpolateRound`; a diverging scale's range of
 * three stops is d3's `piecewise` of them.
 */
const d3 = {
  interpolate: scaleLinear().interpolate() as (a: number, b: number) => (t: number) => number,
  interpolateRound: scaleLinear().rangeRound([0, 1]).interpolate() as (a: number, b: number) => (t: number) => number,
  piecewise: (stops: readonly [number, number, number]) => scaleDiverging().range(stops).interpolator(),
  piecewiseRound: (stops: readonly [number, number, number]) => scaleDiverging().rangeRound(stops).interpolator(),
};

describe('the d3-interpolate stand-in of the site bundles', () => {
  it('interpolates numbers with d3’s own bits (number, round, generic and piecewise)', () => {
    for (const a of VALUES) {
      for (const b of VALUES) {
        const ours = [interpolateNumber(a, b), interpolateRound(a, b), interpolate(a, b)];
        const theirs = [d3.interpolate(a, b), d3.interpolateRound(a, b), d3.interpolate(a, b)];
        for (const t of TS) expect(ours.map((f) => exact(f(t)))).toEqual(theirs.map((f) => exact(f(t))));
      }
    }
    const stops = [0, 10, -4] as const;
    expect(() => d3.piecewise(stops)(NaN)).toThrow(); // no segment for t = NaN, in d3 and here alike
    expect(() => piecewise(stops)(NaN)).toThrow();
    for (const t of TS.filter((t) => !Number.isNaN(t))) {
      expect(exact(piecewise(stops)(t))).toEqual(exact(d3.piecewise(stops)(t)));
      expect(exact(piecewise(interpolateRound, stops)(t))).toEqual(exact(d3.piecewiseRound(stops)(t)));
    }
  });

  it('gives d3-scale’s linear and log scales the same pixels as the real d3-interpolate', () => {
    const linear = scaleLinear().domain([-6, 6]).range([50, 626]);
    const log = scaleLog().domain([1e-30, 10]).range([386, 14]);
    for (const [scale, xs] of [
      [linear, [-6, -5.9, -1 / 3, 0, 0.1, 2.5, 6, 7, NaN]],
      [log, [1e-30, 1e-12, 0.5, 1, 10, 3e-7]],
    ] as const) {
      const ours = scale.copy().interpolate(interpolate);
      for (const x of xs) expect(exact(ours(x))).toBe(exact(scale(x)));
      expect(exact(ours.invert(200))).toBe(exact(scale.invert(200)));
    }
    const rounded = scaleLinear().domain([0, 3]).rangeRound([0, 100]);
    expect(rounded.copy().interpolate(interpolateRound)(1)).toBe(rounded(1));
  });

  it('fails loudly, naming the alias, if a scale is ever given anything but numbers', () => {
    expect(() => interpolate('red', 'blue')).toThrow(/d3-interpolate is not in the site bundles.*not string.*astro\.config\.mjs/);
    expect(() => interpolate([0], [1])).toThrow(/not object/);
    expect(() => interpolate(0, null)).toThrow(/not null/);
  });
});
