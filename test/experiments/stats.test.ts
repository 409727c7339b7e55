import { describe, expect, it } from 'vitest';
import {
  compareRates,
  compareSteps,
  differ,
  medianInterval,
  medianRanks,
  nText,
  percentBounds,
  rateText,
  spreadText,
  wilson,
} from '../../src/experiments/stats';
import '../../src/i18n/zh';

/** Rounds to 4 decimals, as Newcombe's Table I prints its limits. */
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

describe('the Wilson score interval', () => {
  /*
   * Golden values: Newcombe, R. G. (1998), "Two-sided confidence intervals for the single proportion: comparison of
   * seven methods", Statistics in Medicine 17:857–872, Table I, method 3 (score method without continuity
   * correction), limits to 4 decimals. 81/263 and 15/148 as reproduced in the tests of the R package propint
   * (m-Py/propint, tests/testthat/test_Single_Proportion_CI.R: "the results reported in Newcombe1998"); 0/20 and 1/29
   * are the table's other two examples as quoted in issue 18's brief (no copy of the table itself was at hand to
   * check them against; they agree with the closed form: 0/20 → z²/(n + z²) = 0.16112).
   */
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('gives Newcombe’s (1998) Table I limits for %i/%i: %f–%f', (k, n, lo, hi) => {
    const i = wilson(k, n);
    expect([r4(i.lo), r4(i.hi)]).toEqual([lo, hi]);
  });

  it('is exactly 0 below at k = 0 and exactly 1 above at k = n, and symmetric under k → n − k', () => {
    expect(wilson(0, 10).lo).toBe(0);
    expect(wilson(10, 10).hi).toBe(1);
    for (const [k, n] of [
      [3, 10],
      [1, 3],
      [7, 20],
    ] as const) {
      const a = wilson(k, n);
      const b = wilson(n - k, n);
      expect(a.lo).toBeCloseTo(1 - b.hi, 14);
      expect(a.hi).toBeCloseTo(1 - b.lo, 14);
    }
  });

  it('holds the observed rate and narrows as n grows at the same rate', () => {
    for (const n of [3, 10, 20, 100]) {
      for (let k = 0; k <= n; k++) {
        const i = wilson(k, n);
        expect(i.lo).toBeLessThanOrEqual(k / n);
        expect(i.hi).toBeGreaterThanOrEqual(k / n);
      }
    }
    const w = (k: number, n: number) => wilson(k, n).hi - wilson(k, n).lo;
    expect(w(5, 10)).toBeGreaterThan(w(10, 20));
    expect(w(10, 20)).toBeGreaterThan(w(50, 100));
  });

  it('says what is wrong with a count that is not one', () => {
    expect(() => wilson(1, 0)).toThrow(/n must be a positive integer, got 0/);
    expect(() => wilson(4, 3)).toThrow(/k must be an integer from 0 to n = 3, got 4/);
    expect(() => wilson(0.5, 3)).toThrow(/k must be an integer/);
  });
});

describe('the interval rule', () => {
  it('calls two intervals different only when one lies wholly above the other', () => {
    expect(differ({ lo: 0, hi: 0.3 }, { lo: 0.31, hi: 1 })).toBe(true);
    expect(differ({ lo: 0.31, hi: 1 }, { lo: 0, hi: 0.3 })).toBe(true);
    expect(differ({ lo: 0, hi: 0.3 }, { lo: 0.3, hi: 1 })).toBe(false); // touching
    expect(differ({ lo: 0, hi: 0.5 }, { lo: 0.2, hi: 0.4 })).toBe(false); // nested
  });

  it('finds 10/10 against 2/10 solved more often, and 3/3 against 1/3 no clear difference', () => {
    expect(compareRates({ solved: 10, runs: 10 }, { solved: 2, runs: 10 })).toBe('more');
    expect(compareRates({ solved: 2, runs: 10 }, { solved: 10, runs: 10 })).toBe('fewer');
    // 3/3 → [44 %, 100 %], 1/3 → [6 %, 79 %]: they overlap, so three seeds cannot tell these apart.
    expect(compareRates({ solved: 3, runs: 3 }, { solved: 1, runs: 3 })).toBe('unclear');
    // 7/10 → [40 %, 89 %] against 10/10 → [72 %, 100 %]: still no clear difference at n = 10.
    expect(compareRates({ solved: 7, runs: 10 }, { solved: 10, runs: 10 })).toBe('unclear');
  });
});

describe('the interval for a median', () => {
  it('uses the order statistics of the sign-test interval (2nd and 9th of 10, 6th and 15th of 20)', () => {
    // Coverage 1 − 2·P(B ≤ j − 1), B ~ Bin(n, ½): n = 10, j = 2: 1 − 2·11/1024 = 0.9785; j = 3 would give 0.8906.
    expect(medianRanks(10)).toEqual({ lo: 2, hi: 9, coverage: 1 - 22 / 1024 });
    expect(medianRanks(20)).toMatchObject({ lo: 6, hi: 15 });
    expect(medianRanks(6)).toEqual({ lo: 1, hi: 6, coverage: 1 - 2 / 64 });
    // five values cannot give 95 %: the widest interval covers 1 − 2/32 = 0.9375
    expect(medianRanks(5)).toBeNull();
    expect(medianInterval([9, 1, 8, 2, 7, 3, 6, 4, 5, 10])).toEqual({ lo: 2, hi: 9 });
    expect(medianInterval([1, 2, 3])).toBeNull();
    expect(medianInterval([])).toBeNull();
  });

  it('calls a group slower only when its median interval lies above the other’s', () => {
    const fast = [400, 450, 500, 550, 600, 650, 700, 750, 800, 850];
    const slow = fast.map((s) => s + 1000);
    expect(compareSteps(slow, fast)).toBe('slower');
    expect(compareSteps(fast, slow)).toBe('faster');
    expect(
      compareSteps(
        fast,
        fast.map((s) => s + 100),
      ),
    ).toBe('unclear');
    expect(compareSteps(fast.slice(0, 5), slow)).toBe('too-few');
  });
});

describe('the wording', () => {
  it('writes a rate as k/n with its interval in whole per cent, rounded outwards', () => {
    expect(percentBounds({ lo: 0.2553, hi: 0.3662 })).toEqual({ lo: 25, hi: 37 });
    expect(rateText({ solved: 7, runs: 10 })).toBe('7/10 [39–90 %]');
    expect(rateText({ solved: 10, runs: 10 })).toBe('10/10 [72–100 %]');
    expect(rateText({ solved: 0, runs: 3 })).toBe('0/3 [0–57 %]');
    expect(rateText({ solved: 7, runs: 10 }, 'zh')).toBe('7/10 [39–90%]');
  });

  it('writes steps as median (min–max), one value when they agree, and n = …', () => {
    const s = { n: 3, median: 1400, min: 1000, max: 1600 };
    expect(spreadText(s)).toBe('1400 (1000–1600)');
    expect(spreadText(s, 'zh')).toBe('1400（1000–1600）');
    expect(spreadText({ n: 1, median: 850, min: 850, max: 850 })).toBe('850');
    expect(spreadText(null)).toBe('—');
    expect(nText(10)).toBe('n = 10');
  });
});
