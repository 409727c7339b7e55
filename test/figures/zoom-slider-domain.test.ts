import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zoomSliderDomain } from '../../src/figures/zoom';

const lim = { min: -100, max: 100 };

describe('zoomSliderDomain, the domain a zoom slider sets', () => {
  it('keeps the centre of the current domain and takes the new half-width', () => {
    expect(zoomSliderDomain([-6, 6], 2, lim)).toEqual([-2, 2]);
    expect(zoomSliderDomain([10, 20], 10, lim)).toEqual([5, 25]);
    expect(zoomSliderDomain([-3, 1], 0.5, lim)).toEqual([-1.5, -0.5]);
  });

  it('moves the centre just far enough to stay inside the upper limit', () => {
    expect(zoomSliderDomain([80, 100], 20, lim)).toEqual([60, 100]);
    expect(zoomSliderDomain([90, 100], 100, lim)).toEqual([-100, 100]);
  });

  it('moves the centre just far enough to stay inside the lower limit', () => {
    expect(zoomSliderDomain([-100, -80], 20, lim)).toEqual([-100, -60]);
    expect(zoomSliderDomain([-100, -90], 100, lim)).toEqual([-100, 100]);
  });

  it('ends at the upper limit when the width exceeds the limits', () => {
    expect(zoomSliderDomain([-6, 6], 150, lim)).toEqual([-200, 100]);
  });

  it('never returns -0', () => {
    // Without the `+ 0`, a centre of −0 and a half-width of 0 give [−0, −0].
    const [lo, hi] = zoomSliderDomain([-0, -0], 0, lim);
    expect(Object.is(lo, 0) && Object.is(hi, 0)).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(-0, 0, 0.5, 1, 6), fc.constantFrom(-0, 0, 0.5, 6), (c, half) => {
        for (const v of zoomSliderDomain([c - half, c + half], half, lim)) expect(Object.is(v, -0)).toBe(false);
      }),
    );
  });

  it('lies within the limits and has width 2·w whenever 2·w fits in the limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 999 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: -3000, max: 3000, noNaN: true }),
        fc.double({ min: -3000, max: 3000, noNaN: true }),
        fc.nat(),
        (min, range, a, b, k) => {
          const max = min + range;
          // The slider's values: multiples of its step 0.5, so limits ± w are exact and the ends stay inside.
          const w = 0.5 * (1 + (k % range));
          const [lo, hi] = zoomSliderDomain([Math.min(a, b), Math.max(a, b)], w, { min, max });
          expect(lo).toBeGreaterThanOrEqual(min);
          expect(hi).toBeLessThanOrEqual(max);
          // Subtracting the rounded ends may be off by an ulp of their magnitude.
          expect(Math.abs(hi - lo - 2 * w)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(lo), Math.abs(hi)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
